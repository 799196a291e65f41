"""Dates of a member's file that cannot be right are errors on that file, at the date's
line (generator/check/memberdates.py): admitted or born after the year's evaluation date,
admitted on or before the day of birth. Found by a new user's trial: an admission date of
2027 (for 2007) passed, made the member a "new member", and told the chi ủy to comment its
own decision out; `kiemdiem member` still showed the decided level as settled."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.rules.base import NotRated
from generator.site.search import read_records
from tests.conftest import copy_sample

CHI_BO = "dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
FILES = {
    2024: "submissions/2024/dang-bo-huyen-mau-son/dang-bo-xa-an-hoa/chi-bo-thon-an-lac/"
    "dang-vien/dv-101012.yaml",
    2025: f"submissions/2025/{CHI_BO}/dang-vien/dv-101012.yaml",
    2026: f"submissions/2026/{CHI_BO}/dang-vien/dv-101012.yaml",
}
DECISIONS_2025 = f"submissions/2025/{CHI_BO}/quyet-dinh.yaml"
SAMPLE_ADMITTED = "2003-03-08"  # dv-101012's admission date in the sample
BIRTH_LINE, ADMITTED_LINE = 5, 6  # `ngay_sinh: "…"` and `ngay_vao_dang: "…"` in every year


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo", (2024, 2025, 2026))


def _set(repo: Path, year: int, key: str, value: str) -> None:
    path = repo / FILES[year]
    text, n = re.subn(rf"^{key}: .*$", f'{key}: "{value}"', path.read_text("utf-8"), flags=re.M)
    assert n == 1
    path.write_text(text, "utf-8")


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    """Exit code, findings (JSON) and the text report of `check` on `repo`."""
    code = main(["--repo", str(repo), "check", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert main(["--repo", str(repo), "check"]) == code
    return code, found, capsys.readouterr().out


@pytest.mark.parametrize(
    ("year", "key", "value", "code", "line", "column"),
    [
        (2025, "ngay_vao_dang", "2027-06-01", "date-admitted-after-evaluation", ADMITTED_LINE, 16),
        (2025, "ngay_sinh", "2030-01-01", "date-born-after-evaluation", BIRTH_LINE, 12),
        (2025, "ngay_sinh", "2003-03-09", "date-admitted-before-birth", ADMITTED_LINE, 16),
        (2025, "ngay_sinh", SAMPLE_ADMITTED, "date-admitted-before-birth", ADMITTED_LINE, 16),
        # the district-era year (qd124-hd25) and the year still waiting for its guidance
        (2024, "ngay_vao_dang", "2024-12-16", "date-admitted-after-evaluation", ADMITTED_LINE, 16),
        (2026, "ngay_vao_dang", "2027-06-01", "date-admitted-after-evaluation", ADMITTED_LINE, 16),
    ],
)
def test_an_impossible_date_is_an_error_at_its_line(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    year: int,
    key: str,
    value: str,
    code: str,
    line: int,
    column: int,
) -> None:
    _set(repo, year, key, value)
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 1
    errors = [f for f in found if f["severity"] == "error"]
    # the member's file is the one to fix: no decision, proposal or other file is blamed
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in errors] == [
        (code, FILES[year], line, column)
    ]
    assert f"{FILES[year]}:{line}:{column}: lỗi [{code}]" in text
    (f,) = errors
    assert f["actor"] == "member"
    assert f"dòng {line}" in f["hint"] and "với hồ sơ đảng viên" in f["hint"]
    assert "# " not in f["hint"]  # never "comment it out": the date is what is wrong
    # a date of birth is never published, and findings reach CI logs and the problems
    # pages (unless it is the admission date the message names, as in the equal case)
    if key == "ngay_sinh" and value != SAMPLE_ADMITTED:
        assert value not in f["message"] + f["hint"]
        assert value.replace("-", "/") not in f["message"]
        assert "/".join(reversed(value.split("-"))) not in f["message"] + f["hint"]


def test_a_date_after_the_evaluation_no_longer_blames_the_decision(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new user's trial: 2027 for 2007. The chi ủy's decision line is not the cause and
    gets no finding (least of all one telling it to comment the decision out); the member
    is not shown as rated by that decision."""
    _set(repo, 2025, "ngay_vao_dang", "2027-06-01")
    _, found, _ = _check(repo, capsys)
    assert [f for f in found if f["path"] == DECISIONS_2025 and f["severity"] == "error"] == []
    assert not [f for f in found if f["code"] == "rule-decision-not-rated"]
    assert main(["--repo", str(repo), "member", "dv-101012"]) == 0
    out = capsys.readouterr().out
    year_2025 = out[out.index("Năm 2025 · ") : out.index("Năm 2026 · ")]
    assert "(đã quyết định)" not in year_2025 and "Cấp ủy quyết định:" not in year_2025
    assert "Không xếp loại: chưa kiểm điểm" in year_2025
    assert "Bản kiểm điểm có lỗi" in year_2025


def test_a_recent_admission_date_sends_the_committee_to_the_date_first(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plausible date (01/08/2025, maybe a typo for 2005) makes a real new member: the
    decision is not rated, and the hint says to check the member's date before touching
    the decision."""
    _set(repo, 2025, "ngay_vao_dang", "2025-08-01")
    exit_code, found, _ = _check(repo, capsys)
    assert exit_code == 1
    (f,) = [f for f in found if f["severity"] == "error"]
    assert (f["code"], f["path"], f["line"], f["column"]) == (
        "rule-decision-not-rated",
        DECISIONS_2025,
        11,
        10,
    )
    hint = f["hint"]
    assert hint.startswith("Lý do là ngày vào Đảng ghi trong bản kiểm điểm của đảng viên")
    assert f"`ngay_vao_dang` của `{FILES[2025]}`" in hint
    assert hint.index("đối chiếu ngày đó với hồ sơ") < hint.index("đặt dấu `# `")
    assert "giữ nguyên quyết định này" in hint


def test_the_sample_has_no_impossible_date(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every year of the untouched sample (the 2024 district-era one too) stays valid."""
    exit_code, found, _ = _check(repo, capsys)
    assert exit_code == 0
    assert not [f for f in found if f["code"].startswith("date-")]
    assert not [f for f in found if f["severity"] == "error"]


NEW_MEMBER = f"submissions/2026/{CHI_BO}/dang-vien/dv-101099.yaml"


def decide_a_new_member(repo: Path) -> None:
    """2026 under qd366-hd43, dv-101099 admitted 01/08/2026 (under 6 months at the
    evaluation date: X1 does not rate him) and the chi ủy's decision giving him HTTNV."""
    year_file = repo / "submissions/2026/nam-danh-gia.yaml"
    text = year_file.read_text("utf-8").replace("bo_quy_tac: pending", "bo_quy_tac: qd366-hd43")
    year_file.write_text(text, "utf-8")
    member = (repo / FILES[2026]).read_text("utf-8").replace("dv-101012", "dv-101099")
    member = re.sub(r"^ngay_vao_dang: .*$", 'ngay_vao_dang: "2026-08-01"', member, flags=re.M)
    (repo / NEW_MEMBER).write_text(member, "utf-8")
    (repo / f"submissions/2026/{CHI_BO}/quyet-dinh.yaml").write_text(
        'nam: 2026\nma_to_chuc: chi-bo-thon-an-lac\nso_quyet_dinh: "09-QĐ/CB"\n'
        'ngay: "2026-12-18"\ndang_vien:\n  - ma_dang_vien: dv-101099\n    muc: HTTNV\n',
        "utf-8",
    )


def test_member_shows_a_decided_new_member_as_rate_does(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The new user's trial: 2026 under qd366-hd43, a member admitted 01/08/2026 and a chi
    ủy decision giving him HTTNV. `check` rejects the decision and `rate` counts him under
    "Mới KN"; `member` said "Kết quả: HTTNV (đã quyết định)". It shows `rate`'s verdict now
    (X1), and the decision as held but not counted."""
    decide_a_new_member(repo)
    _, found, _ = _check(repo, capsys)
    assert [f["code"] for f in found if f["severity"] == "error"] == ["rule-decision-not-rated"]
    stats, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.members["dv-101099"].not_rated is NotRated.NEW_MEMBER
    assert stats.total.not_rated[NotRated.NEW_MEMBER] == 1

    assert main(["--repo", str(repo), "member", "dv-101099"]) == 0
    out = capsys.readouterr().out
    assert "Kết quả:" not in out and "(đã quyết định)" not in out
    assert "\n  Không xếp loại: mới kết nạp dưới 6 tháng\n" in out
    assert "Cấp ủy quyết định: HTTNV (Quyết định số 09-QĐ/CB" in out
    assert "(không được tính: trường hợp này không xếp loại, X1)" in out
    assert main(["--repo", str(repo), "member", "dv-101099", "--format", "json"]) == 0
    (year,) = json.loads(capsys.readouterr().out)["cac_nam"]
    result = year["ket_qua"]
    assert (result["xep_loai"], result["du_kien"]) == (None, False)
    assert (result["khong_xep_loai_vi"], result["cap_uy_quyet_dinh"]) == ("moi_ket_nap", "HTTNV")


def _member_row(page: str, member_id: str) -> list[str]:
    """The cells of a member's row in the members' table of a chi bộ's built page."""
    rows = re.findall(rf'<tr><td>\d+</td><td><a href="#{member_id}">.*?</tr>', page, re.S)
    assert len(rows) == 1, rows
    return re.findall(r"<td>(.*?)</td>", rows[0], re.S)


def _member_result(page: str, member_id: str) -> str:
    """The 'Kết quả xếp loại' paragraph of a member's section of a built page."""
    section = page[page.index(f'<h3 id="{member_id}"') :]
    found = re.search(r"Kết quả xếp loại</h4>\s*<p[^>]*>(.*?)</p>", section, re.S)
    assert found is not None
    return found.group(1)


def test_sites_show_a_decided_new_member_as_rate_does(repo: Path) -> None:
    """The sites showed the level a decision gave a member X1 does not rate (a HTTNV badge
    beside 'Không xếp loại: mới kết nạp dưới 6 tháng', and 'Hoàn thành tốt nhiệm vụ' as his
    result in search) while `rate` counts him as not rated: they show `rated_level` now,
    and the decision as held but not counted, as `kiemdiem member` does."""
    decide_a_new_member(repo)
    out = repo / "site"
    common = ["--repo", str(repo), "build", "--year", "2026", "--out", str(out)]
    assert main([*common, "--pham-vi", "to-chuc"]) == 0
    site = out / "2026"
    page = (site / "to-chuc" / "chi-bo-thon-an-lac" / "index.html").read_text("utf-8")
    not_rated = "Không xếp loại: mới kết nạp dưới 6 tháng"

    assert _member_row(page, "dv-101099")[3:5] == ["—", not_rated]
    result = _member_result(page, "dv-101099")
    assert "kd-badge" not in result and "Hoàn thành tốt nhiệm vụ" not in result
    assert result.startswith(f"{not_rated} · cấp ủy quyết định: HTTNV (Quyết định số 09-QĐ/CB")
    assert result.endswith("(không được tính: trường hợp này không xếp loại, X1)")

    texts = [
        str(r["content"])
        for r in read_records(site)
        if str(r["url"]).endswith("#dv-101099") and "Kết quả:" in str(r["content"])
    ]
    assert len(texts) == 1
    assert texts[0].endswith(f"Kết quả: {not_rated}")
