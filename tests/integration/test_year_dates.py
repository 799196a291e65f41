"""Dates that silently changed ratings, found by a trial of the 2026 round: the year file's
own dates against its year (generator/check/yeardates.py), and a disciplinary decision's
dates against the year and each other (generator/check/memberdates.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.findings import Finding, Position, Severity
from generator.privacy import Scope
from generator.privacy.findings import finding_scope
from generator.rules.base import NotRated
from generator.submissions.records import Level
from tests.conftest import copy_sample

CHI_BO = "dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-co-quan-xa"
YEAR_FILE = "submissions/2026/nam-danh-gia.yaml"
MEMBER = f"submissions/2026/{CHI_BO}/dang-vien/dv-101001.yaml"
# `ngay_danh_gia`, `kiem_diem_ca_nhan`, `de_xuat`, `quyet_dinh` of the sample's 2026 year file
EVALUATION_LINE, REVIEW_LINE, PROPOSE_LINE, DECIDE_LINE = 8, 10, 11, 12


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample's 2026 under qd366-hd43 (the trial's round, rated)."""
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    _replace(repo, YEAR_FILE, "\nbo_quy_tac: pending", "\nbo_quy_tac: qd366-hd43")
    return repo


def _replace(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text("utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), "utf-8")


def _set(repo: Path, path: str, key: str, value: str) -> None:
    file = repo / path
    text, n = re.subn(
        rf"^(\s*){key}: .*$", rf'\1{key}: "{value}"', file.read_text("utf-8"), flags=re.M
    )
    assert n == 1
    file.write_text(text, "utf-8")


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    """Exit code, findings (JSON) and the text report of `check` of 2026."""
    args = ["--repo", str(repo), "check", str(repo / "submissions/2026")]
    code = main([*args, "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert main(args) == code
    return code, found, capsys.readouterr().out


def _where(found: list[dict], prefix: str) -> list[tuple[str, str, str, int, int]]:
    return [
        (f["code"], f["severity"], f["path"], f["line"], f["column"])
        for f in found
        if f["code"].startswith(prefix)
    ]


def test_an_evaluation_date_of_another_year_is_an_error_on_the_year_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trial: 2026's year file kept 2025's evaluation date. The year file is to fix; a
    member admitted on 01/07/2026 is not told that their right date is a typo."""
    _set(repo, YEAR_FILE, "ngay_danh_gia", "2025-12-15")
    _set(repo, MEMBER, "ngay_vao_dang", "2026-07-01")
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 1
    assert _where(found, "year-") == [
        ("year-evaluation-date-outside", "error", YEAR_FILE, EVALUATION_LINE, 16)
    ]
    assert not _where(found, "date-")
    (f,) = [f for f in found if f["code"] == "year-evaluation-date-outside"]
    assert f["message"].startswith(
        "Ngày đánh giá 15/12/2025 (mục `ngay_danh_gia`, dòng 8) không thuộc năm 2026 "
        "(mục `nam`, dòng 4; từ 01/01/2026 đến 31/12/2026)"
    )
    assert "sửa dòng 8 thành ngày đánh giá của năm 2026" in f["hint"]
    assert f"{YEAR_FILE}:8:16: lỗi [year-evaluation-date-outside]" in text


def test_a_member_admitted_in_july_of_the_year_before_is_rated_on_the_year_date(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Admitted on 01/07/2025 is rated for 2026 against 15/12/2026; against 2025's date
    (15/12/2025) they were silently "mới kết nạp dưới 6 tháng" (X1): now the year file
    is an error instead."""
    _set(repo, MEMBER, "ngay_vao_dang", "2025-07-01")
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.members["dv-101001"].not_rated is None
    _set(repo, YEAR_FILE, "ngay_danh_gia", "2025-12-15")
    exit_code, found, _ = _check(repo, capsys)
    assert exit_code == 1 and _where(found, "year-evaluation")


def test_deadlines_out_of_the_year_or_of_order_are_warnings(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(repo, YEAR_FILE, "kiem_diem_ca_nhan", "2025-11-30")
    _set(repo, YEAR_FILE, "quyet_dinh", "2026-12-05")  # before de_xuat 10/12/2026
    _, found, _ = _check(repo, capsys)
    assert _where(found, "year-") == [
        ("year-deadline-outside", "warning", YEAR_FILE, REVIEW_LINE, 22),
        ("year-deadline-order", "warning", YEAR_FILE, DECIDE_LINE, 15),
    ]
    outside, order = (f for f in found if f["code"].startswith("year-"))
    assert outside["message"].startswith(
        "Hạn `kiem_diem_ca_nhan` (30/11/2025, mục `han_chot`, dòng 10) nằm ngoài khoảng thời "
        "gian của đợt năm 2026 (mục `nam`, dòng 4; từ 01/01/2026 đến 31/01/2027)"
    )
    assert order["message"].startswith(
        "Hạn `quyet_dinh` (05/12/2026, mục `han_chot`, dòng 12) sớm hơn hạn `de_xuat` "
        "(10/12/2026, dòng 11) của bước làm trước"
    )
    assert "dòng 11 và dòng 12" in order["hint"]


DISCIPLINE = (
    "ky_luat:\n  - hinh_thuc: khien_trach\n"
    '    ngay_quyet_dinh: "{decided}"\n    ngay_vi_pham: "{violated}"\n'
)


def _discipline(repo: Path, decided: str, violated: str = "2026-03-01") -> int:
    """dv-101001 disciplined (khiển trách) in 2026's file; the line of `ngay_quyet_dinh`."""
    file = repo / MEMBER
    text = file.read_text("utf-8").rstrip("\n") + "\n"
    file.write_text(text + DISCIPLINE.format(decided=decided, violated=violated), "utf-8")
    return text.count("\n") + 3


def test_the_sample_member_is_rated_on_the_discipline_of_the_year(repo: Path) -> None:
    """Dated in 2026, the khiển trách makes KHTNV (366-M4): what the 2027 typo escaped."""
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.members["dv-101001"].final is Level.HTTNV
    _discipline(repo, "2026-05-10")
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.members["dv-101001"].final is Level.KHTNV


def test_a_discipline_decided_after_the_year_is_an_error_and_not_rated(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trial: a khiển trách dated 10/05/2027 gave HTTNV without a word."""
    line = _discipline(repo, "2027-05-10")
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 1
    assert _where(found, "date-") == [
        ("date-discipline-after-evaluation", "error", MEMBER, line, 22)
    ]
    (f,) = [f for f in found if f["code"].startswith("date-")]
    assert f["rule"] == "366-M4" and f["actor"] == "committee"
    assert f"Mục kỷ luật thứ 1 (mục `ky_luat`, dòng {line})" in f["message"]
    assert "sau ngày đánh giá năm 2026 (15/12/2026" in f["message"]
    assert "không được tính cho năm 2026" in f["message"]
    assert f"sửa dòng {line} cho đúng ngày ghi trên quyết định" in f["hint"]
    # committee-only: the date is not quoted where findings are shown (CI logs, terminal)
    assert "2027-05-10" not in text and "10/05/2027" not in text and "2027" not in text
    assert finding_scope(_as_finding(f), repo / "schema") is Scope.CAP_UY
    _, verdicts, _ = statistics_for(repo, 2026)
    verdict = verdicts.members["dv-101001"]
    assert verdict.final is None and verdict.not_rated is NotRated.NOT_REVIEWED


def test_a_discipline_decided_before_the_year_is_not_counted_and_says_why(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _discipline(repo, "2025-05-10", violated="2025-03-01")
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 0
    assert _where(found, "date-") == [("date-discipline-before-year", "warning", MEMBER, line, 22)]
    (f,) = [f for f in found if f["code"].startswith("date-")]
    assert f["rule"] == "366-M4"
    assert "thuộc một năm trước năm đánh giá 2026" in f["message"]
    assert "không được tính khi xếp loại năm 2026" in f["message"]
    assert "chuyển nguyên mục sang đó" in f["hint"] and "# " not in f["hint"]
    assert "2025-05-10" not in text and "10/05/2025" not in text
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.members["dv-101001"].final is Level.HTTNV


def test_a_violation_after_its_decision_is_an_error_at_the_violation(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _discipline(repo, "2026-05-10", violated="2026-08-01")
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 1
    assert _where(found, "date-") == [
        ("date-violation-after-decision", "error", MEMBER, line + 1, 19)
    ]
    (f,) = [f for f in found if f["code"].startswith("date-")]
    assert f"(mục `ngay_vi_pham`, dòng {line + 1})" in f["message"]
    assert f"(mục `ngay_quyet_dinh`, dòng {line})" in f["message"]
    assert f"dòng {line + 1}) và ngày quyết định (dòng {line})" in f["hint"]
    assert "2026-08-01" not in text and "2026-05-10" not in text
    assert finding_scope(_as_finding(f), repo / "schema") is Scope.CAP_UY


def _as_finding(f: dict) -> Finding:
    return Finding(
        f["code"], Severity(f["severity"]), f["path"], Position(f["line"], f["column"]),
        f["message"], f["hint"], f["rule"], f["actor"],
    )  # fmt: skip


def test_a_discipline_of_january_next_year_is_a_warning_not_counted(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decisions run into January of the next year (the round's window): a decision of
    10/01/2027 may be real and belongs to 2027; it is not counted for 2026 and the member
    stays rated, with a warning that says why."""
    line = _discipline(repo, "2027-01-10", violated="2026-11-01")
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 0
    assert _where(found, "date-") == [
        ("date-discipline-after-evaluation", "warning", MEMBER, line, 22)
    ]
    (f,) = [f for f in found if f["code"].startswith("date-")]
    assert "không được tính khi xếp loại năm 2026" in f["message"]
    assert "chuyển nguyên mục sang bản đó khi mở năm sau" in f["hint"]
    assert "2027-01-10" not in text and "10/01/2027" not in text
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.members["dv-101001"].final is Level.HTTNV
