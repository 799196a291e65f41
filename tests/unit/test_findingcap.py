"""A file's findings past the first 200 are told as one (generator.findingcap), and the
privacy masking of the rest stays fast against thousands of committee-only values
(generator.privacy.minimize.Needles): one file of 20,000 wrong list items held the check
for hours (500 items: 110 s), through a loop over every value for every finding's text."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

from generator.findingcap import LIMIT, cap_per_file
from generator.findings import Finding, Position, Severity, make
from generator.privacy.minimize import Needles, _mask
from generator.privacy.valuemask import MASK, replace_folded
from tests.conftest import CB, MINI, ROOT, write_tree

MEMBER = f"{CB}/dang-vien/dv-000001.yaml"


def _finding(path: str, line: int, code: str = "schema-required") -> Finding:
    return make(code, path, Position(line, 1), field="x", where="y", label="z", parent="p")


def test_a_file_over_the_limit_keeps_its_first_findings_by_position_and_one_more() -> None:
    many = [_finding("a.yaml", line) for line in range(LIMIT + 50, 0, -1)]  # last line first
    other = [_finding("b.yaml", 3)]
    out = cap_per_file([*other, *many])
    a = [f for f in out if f.path == "a.yaml"]
    assert [f.line for f in a[:-1]] == list(range(LIMIT, 0, -1))  # the first 200, in place
    summary = a[-1]
    assert summary.code == "file-too-many-findings" and summary.severity is Severity.ERROR
    assert summary.line == LIMIT + 1  # at the first one left out
    assert "còn 50 vấn đề khác" in summary.message and "(50 lỗi)" in summary.message
    assert f"{LIMIT} vấn đề đầu tiên" in summary.message and "kiểm tra lại" in summary.hint
    assert [f for f in out if f.path == "b.yaml"] == other


def test_the_line_left_has_the_severity_of_the_worst_finding_it_stands_for() -> None:
    errors = [_finding("a.yaml", line) for line in range(1, LIMIT + 1)]
    warnings = [_finding("a.yaml", 500 + i, "text-nfd") for i in range(3)]
    assert all(w.severity is Severity.WARNING for w in warnings)
    (summary,) = [f for f in cap_per_file(errors + warnings) if f.code.startswith("file-too")]
    assert summary.severity is Severity.WARNING and "còn 3 cảnh báo khác" in summary.message


def test_a_file_under_the_limit_is_left_alone() -> None:
    findings = [_finding("a.yaml", line) for line in range(1, LIMIT + 1)]
    assert cap_per_file(findings) is findings


def _naive(text: str, values: list[str]) -> str:
    """The masking as it was, one replacement try per value (the reference)."""
    for value in sorted(set(values), key=lambda v: (-len(v), v)):
        if len(value) >= 4:
            if value[0] + value[-1] in ('""', "''", "“”"):
                text = text.replace(value, f"{value[0]}{MASK}{value[-1]}")
            else:
                text = replace_folded(text, value)
        elif value:
            text = text.replace(f"`{value}`", f"`{MASK}`").replace(f": {value}`", f": {MASK}`")
    return text


def test_masking_by_pieces_masks_exactly_what_trying_every_value_masks() -> None:
    rng = random.Random(14)
    alphabet = "aăâbdđeêghiklmnoôơpqrstuưvxyAĐÊỜ  -:/0123456789ộữếặ\"'`"
    for _ in range(400):
        values = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
            for _ in range(rng.randint(1, 40))
        ]
        parts = [
            rng.choice(values) if rng.random() < 0.5 else rng.choice(alphabet) for _ in range(30)
        ]
        # a value echoed in another case, without its marks, glued to other words
        text = "".join(p.upper() if rng.random() < 0.2 else p for p in parts) + rng.choice(
            ["", "`", ": x`"]
        )
        assert _mask(text, Needles(values), frozenset()) == _naive(text, values), (text, values)


def test_a_file_of_thousands_of_wrong_items_is_checked_in_seconds(tmp_path: Path) -> None:
    """`kiemdiem check` end to end on a 12 KB file of 500 wrong discipline items (each
    committee-only, each two findings): 110 s before, a few seconds now."""
    good = textwrap.dedent(MINI[MEMBER]).lstrip("\n")
    items = "".join(f"  - hinh_thuc: sai{i}\n" for i in range(500))
    repo = write_tree(tmp_path / "repo", {**MINI, MEMBER: good + "ky_luat:\n" + items})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "generator", "--repo", str(repo), "check"]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        raise AssertionError("kiemdiem check took over 60 s on one file") from None
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    shown = [line for line in done.stdout.splitlines() if f"{MEMBER}:" in line]
    assert len(shown) == LIMIT + 1
    assert "[file-too-many-findings]" in shown[-1] and "còn 800 vấn đề khác" in shown[-1]
    assert "sai1" not in done.stdout  # committee-only values stay masked
