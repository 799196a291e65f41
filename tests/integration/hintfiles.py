"""Helpers of the hint tests (test_check_quoted_quietly, test_check_corrected_values,
test_check_comment_hints, test_check_written_values): a sample file edited as a person
would, checked, and a hint's corrected line written back as a person follows it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.submissions.yamlload import loads


def edit(repo: Path, rel: str, pattern: str, new: str) -> None:
    """Replace the first match of `pattern` (a whole line, or lines) in a sample file."""
    path = repo / rel
    changed, n = re.subn(pattern, lambda _: new, path.read_text("utf-8"), count=1, flags=re.M)
    assert n == 1, pattern
    path.write_text(changed, "utf-8")


def run_check(repo: Path, rel: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["--repo", str(repo), "check", "--format", "json", str(repo / rel)])
    return code, json.loads(capsys.readouterr().out)["findings"]


def only(found: list[dict]) -> dict:
    assert len(found) == 1, [(f["code"], f["line"], f["message"]) for f in found]
    return found[0]


def write_line(repo: Path, rel: str, number: int, fixed: str) -> None:
    """Line `number` of a file made `fixed`, as a person follows a hint: the line keeps
    its indentation."""
    path = repo / rel
    lines = path.read_text("utf-8").split("\n")
    old = lines[number - 1]
    lines[number - 1] = old[: len(old) - len(old.lstrip(" "))] + fixed
    path.write_text("\n".join(lines), "utf-8")


def value_at(repo: Path, rel: str, path: tuple[str | int, ...]) -> object:
    loaded = loads((repo / rel).read_bytes())
    assert loaded.document is not None and not loaded.problems, loaded.problems
    node: object = loaded.document.data
    for part in path:
        node = node[part]  # type: ignore[index]
    return node
