"""Task counts that cannot be (generator.check.taskcounts): a hostile-submitter trial
found `hoan_thanh: 9` of `duoc_giao: 6` passing with no finding — the rules read the counts
as shares, so it met "100% completed"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.rules.base import NotRated
from tests.conftest import copy_sample

MEMBER = (
    "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac/"
    "dang-vien/dv-101012.yaml"
)


def _with_tasks(repo: Path, block: str) -> int:
    """The member's `nhiem_vu` replaced by `block`; the line of its first count."""
    path = repo / MEMBER
    lines = path.read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("nhiem_vu:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    lines[start + 1 : end] = [block]
    path.write_text("".join(lines), "utf-8")
    return start + 2


@pytest.mark.parametrize(
    ("block", "field", "whole"),
    [
        ("  duoc_giao: 6\n  hoan_thanh: 9\n  dung_han: 6\n  vuot: 2\n", "hoan_thanh", "duoc_giao"),
        ("  duoc_giao: 6\n  hoan_thanh: 6\n  dung_han: 6\n  vuot: 7\n", "vuot", "hoan_thanh"),
        ("  duoc_giao: 6\n  hoan_thanh: 5\n  dung_han: 6\n  vuot: 0\n", "dung_han", "hoan_thanh"),
    ],
)
def test_a_part_above_its_whole_is_an_error_and_the_member_is_not_rated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str, field: str, whole: str
) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    first = _with_tasks(repo, block)
    main(["--repo", str(repo), "check", "--format", "json", MEMBER])
    found = [
        f for f in json.loads(capsys.readouterr().out)["findings"]
        if f["code"] == "tasks-count-over"
    ]  # fmt: skip
    assert len(found) == 1
    f = found[0]
    order = ["duoc_giao", "hoan_thanh", "dung_han", "vuot"]
    assert (f["path"], f["line"], f["severity"]) == (MEMBER, first + order.index(field), "error")
    assert f"`nhiem_vu.{field}`" in f["message"] and f"`nhiem_vu.{whole}`" in f["message"]
    assert f"dòng {first + order.index(whole)}" in f["hint"]
    assert "giữ nguyên" in f["hint"]
    _, verdicts, _ = statistics_for(repo, 2025)
    verdict = verdicts.members["dv-101012"]  # not rated on impossible counts: its file is
    assert verdict.final is None and verdict.not_rated is NotRated.NOT_REVIEWED  # unread


def test_counts_that_fit_give_no_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    _with_tasks(repo, "  duoc_giao: 6\n  hoan_thanh: 6\n  dung_han: 6\n  vuot: 6\n")
    main(["--repo", str(repo), "check", "--format", "json", MEMBER])
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "tasks-count-over" not in codes
    _, verdicts, _ = statistics_for(repo, 2025)
    assert verdicts.members["dv-101012"].final is not None
