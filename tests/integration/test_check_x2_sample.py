"""RULES.md X2 on the bundled sample, as an auditor's trial found it (worked cases 39, 40 in
tests/unit/rules/test_worked_cases_x2.py): in 2025 (qd366-hd43) chi bộ thôn An Lạc decided
HTNV and its secretary dv-101011 decided HTTNV, and a re-rating of dv-101017's 2024
(ceiling HTTNV, 124-M1) to HTXSNV, each made `kiemdiem check` exit 0. Each is an error at
the decision line, in the whole check and in a check of that file alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

XA = "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
CHI_BO = f"{XA}/chi-bo-thon-an-lac/quyet-dinh.yaml"


def _edit(repo: Path, rel: str, pattern: str, new: str) -> None:
    path = repo / rel
    text, n = re.subn(pattern, new, path.read_text("utf-8"), count=1, flags=re.M | re.S)
    assert n == 1, pattern
    path.write_text(text, "utf-8")


def _errors(repo: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list]:
    code = main(["--repo", str(repo), "check", "--format", "json", *paths])
    found = json.loads(capsys.readouterr().out)["findings"]
    return code, [
        (f["path"], f["line"], f["column"], f["code"], f["rule"])
        for f in found
        if f["severity"] == "error"
    ]


def test_head_above_unit_in_2025(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    assert _errors(repo, capsys) == (0, [])
    # his unit's stated result (80%) caps him at HTNV by 366-L2 itself: a unit that did
    # everything leaves the chi bộ's level (HTNV) as the only limit, X2's head cap
    member = f"{XA}/chi-bo-thon-an-lac/dang-vien/dv-101011.yaml"
    _edit(repo, member, r"ty_le_hoan_thanh_chi_tieu: 0.8\n  hoan_thanh_tat_ca_chi_tieu: false",
          "ty_le_hoan_thanh_chi_tieu: 1.0\n  hoan_thanh_tat_ca_chi_tieu: true")  # fmt: skip
    _edit(repo, CHI_BO, r"(ma_dang_vien: dv-101011\n    muc: )HTNV", r"\1HTTNV")
    want = [(CHI_BO, 9, 10, "rule-head-above-unit", "X2")]
    assert _errors(repo, capsys) == (1, want)
    assert _errors(repo, capsys, str(repo / CHI_BO)) == (1, want)


def test_re_rating_above_the_2024_ceiling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    decisions = f"{XA}/quyet-dinh.yaml"
    _edit(repo, decisions, r"(ma_dang_vien: dv-101017\n    nam: 2024\n    muc: )KHTNV", r"\1HTXSNV")
    want = [(decisions, 20, 10, "rule-re-rating-above-ceiling", "124-M1")]
    assert _errors(repo, capsys) == (1, want)
    assert _errors(repo, capsys, str(repo / decisions)) == (1, want)
