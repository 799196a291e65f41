"""A disciplinary decision's dates on an organization file (`to-chuc.yaml`: the
organization's `ky_luat`, its leadership body's `lanh_dao.ky_luat`) against the year and
each other, as on a member's file (generator/check/disciplinedates.py). Before, an item
dated in another year was dropped by `disciplined_in` without a word: the organization's
rating changed with a typo of its year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.privacy import Scope
from generator.privacy.findings import finding_scope
from generator.submissions.records import Level
from tests.conftest import copy_sample
from tests.integration.test_year_dates import _as_finding, _check, _replace, _where

CHI_BO = "dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-co-quan-xa"
ORG = f"submissions/2026/{CHI_BO}/to-chuc.yaml"
PARENT = "dang-bo-xa-an-son"
# 2024 (qd124-hd25): a đảng bộ whose leadership body's discipline is 124-O4
ORG_2024 = "submissions/2024/dang-bo-huyen-mau-son/dang-bo-xa-an-hoa/to-chuc.yaml"
ITEM = '- hinh_thuc: khien_trach\n  ngay_quyet_dinh: "{decided}"\n  ngay_vi_pham: "{violated}"\n'
# what 366-O1 says of the parent when the chi bộ's discipline counts
COUNTED = "bị kỷ luật trong năm: Chi bộ Cơ quan xã An Sơn"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample's 2026 under qd366-hd43 (as tests/integration/test_year_dates.py)."""
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    _replace(
        repo,
        "submissions/2026/nam-danh-gia.yaml",
        "\nbo_quy_tac: pending",
        "\nbo_quy_tac: qd366-hd43",
    )
    return repo


def _org_discipline(repo: Path, decided: str, violated: str = "2026-03-01") -> int:
    """The chi bộ's own `ky_luat` (khiển trách); the line of `ngay_quyet_dinh`."""
    file = repo / ORG
    text = file.read_text("utf-8").rstrip("\n") + "\n"
    item = ITEM.format(decided=decided, violated=violated).replace("\n", "\n  ")
    file.write_text(text + "ky_luat:\n  " + item.rstrip(" "), "utf-8")
    return text.count("\n") + 3


def _leadership_discipline(repo: Path, path: str, after: str, decided: str, violated: str) -> int:
    """A `lanh_dao.ky_luat` item after the line `after` of `lanh_dao`; its decision's line."""
    file = repo / path
    text = file.read_text("utf-8")
    item = ITEM.format(decided=decided, violated=violated).replace("\n", "\n    ")
    _replace(repo, path, after, after + "  ky_luat:\n    " + item.rstrip(" "))
    return text[: text.index(after) + len(after)].count("\n") + 3


def _the_date_finding(
    repo: Path, capsys: pytest.CaptureFixture[str], code: tuple[str, str], line: int
) -> tuple[dict, str]:
    """The one `date-*` finding of `check` of 2026, `code` (code, severity) at the chi bộ's
    `ngay_quyet_dinh` on `line`, and the text report; `check` fails on an error only."""
    exit_code, found, text = _check(repo, capsys)
    assert _where(found, "date-") == [(*code, ORG, line, 22)]
    assert exit_code == (1 if code[1] == "error" else 0)
    return next(f for f in found if f["code"].startswith("date-")), text


def _parent_reasons(repo: Path) -> list[str]:
    _, verdicts, _ = statistics_for(repo, 2026)
    return [r.text for r in verdicts.orgs[PARENT].reasons]


def test_the_sample_org_discipline_of_the_year_counts_for_its_superior(repo: Path) -> None:
    """Dated in 2026, the chi bộ's khiển trách keeps its đảng bộ from HTXSNV (366-O1)."""
    assert not any(COUNTED in r for r in _parent_reasons(repo))
    _org_discipline(repo, "2026-05-10")
    assert any(COUNTED in r and "(366-O1)" in r for r in _parent_reasons(repo))


def test_an_org_discipline_decided_after_the_year_is_an_error_not_counted(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 2027 typo was dropped without a word and the đảng bộ rated as if undisciplined;
    now it is an error at its line. The file stays in use (left out, every organization
    and member of its folder would go unrated for one date): the item is not counted."""
    line = _org_discipline(repo, "2027-05-10")
    f, text = _the_date_finding(repo, capsys, ("date-discipline-after-evaluation", "error"), line)
    assert f["rule"] == "366-O1" and f["actor"] == "committee"
    assert f"Mục kỷ luật thứ 1 (mục `ky_luat`, dòng {line})" in f["message"]
    assert "tính vào năm ra quyết định (366-O1)" in f["message"]
    assert "Tổ chức vẫn được xếp loại theo tệp như đang ghi" in f["message"]
    assert "trong hồ sơ của tổ chức rồi sửa dòng" in f["hint"]
    assert "Giữ nguyên các mục khác của `to-chuc.yaml`" in f["hint"]
    assert "2027" not in text  # committee-only: masked where findings are shown
    assert finding_scope(_as_finding(f), repo / "schema") is Scope.CAP_UY
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.orgs["chi-bo-co-quan-xa"].final is Level.HTTNV  # still rated, and
    assert not any(COUNTED in r for r in _parent_reasons(repo))  # the item not counted


def test_an_org_discipline_of_january_next_year_is_a_warning_not_counted(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _org_discipline(repo, "2027-01-10", violated="2026-11-01")
    f, text = _the_date_finding(repo, capsys, ("date-discipline-after-evaluation", "warning"), line)
    assert "không được tính khi xếp loại năm 2026" in f["message"]
    assert "mục này thuộc tệp `to-chuc.yaml` năm sau" in f["hint"]
    assert "Các mục khác của tệp `to-chuc.yaml` giữ nguyên." in f["hint"]
    assert "2027-01-10" not in text and "10/01/2027" not in text
    _, verdicts, _ = statistics_for(repo, 2026)
    assert verdicts.orgs["chi-bo-co-quan-xa"].final is Level.HTTNV
    assert not any(COUNTED in r for r in _parent_reasons(repo))


def test_a_leadership_violation_after_its_decision_is_an_error_at_the_violation(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`lanh_dao.ky_luat` is the leadership body's (x-pham-vi cap-uy); no QĐ 366 rule
    counts it (366-L3 reads its members' discipline), so none is cited."""
    after = "  pho_bi_thu:\n    - dv-101005\n"
    line = _leadership_discipline(repo, ORG, after, "2025-05-10", "2025-08-01")
    exit_code, found, text = _check(repo, capsys)
    assert exit_code == 1
    assert _where(found, "date-") == [
        ("date-discipline-before-year", "warning", ORG, line, 24),
        ("date-violation-after-decision", "error", ORG, line + 1, 21),
    ]
    before, after_ = (f for f in found if f["code"].startswith("date-"))
    assert not before["rule"]
    assert f"(mục `lanh_dao.ky_luat`, dòng {line})" in before["message"]
    assert "tính vào năm ra quyết định, nên mục này không được tính" in before["message"]
    assert "Mục kỷ luật thứ 1 (mục `lanh_dao.ky_luat`) ghi ngày vi phạm" in after_["message"]
    assert f"(mục `ngay_quyet_dinh`, dòng {line})" in after_["message"]
    assert "2025-08-01" not in text and "2025-05-10" not in text
    for f in (before, after_):
        assert finding_scope(_as_finding(f), repo / "schema") is Scope.CAP_UY


@pytest.mark.parametrize(
    ("decided", "severity", "ceiling"),
    [("2024-05-10", None, Level.KHTNV), ("2023-05-10", "warning", Level.HTXSNV)],
)
def test_a_leadership_discipline_before_the_year_is_not_counted_and_says_why(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    decided: str,
    severity: str | None,
    ceiling: Level,
) -> None:
    """2024 (qd124-hd25): the leadership body disciplined in the year makes its đảng bộ
    KHTNV (124-O4), above which the sample's decision is; a decision of 2023 is not
    counted, and now says so."""
    repo = copy_sample(tmp_path / "repo", (2024,))
    after = "    - dv-101021\n"
    line = _leadership_discipline(repo, ORG_2024, after, decided, "2023-03-01")
    args = ["--repo", str(repo), "check", str(repo / "submissions/2024"), "--format", "json"]
    exit_code = main(args)
    found = json.loads(capsys.readouterr().out)["findings"]
    # counted, it puts the province's HTTNV decision above the 124-O4 ceiling
    above = [f["rule"] for f in found if f["code"] == "rule-decision-above-ceiling"]
    assert (exit_code, above) == ((0, []) if severity else (1, ["124-O4"]))
    expected = [("date-discipline-before-year", severity, ORG_2024, line, 24)] if severity else []
    assert _where(found, "date-") == expected
    if severity:
        (f,) = [f for f in found if f["code"].startswith("date-")]
        assert f["rule"] == "124-O4"
        assert (
            f"Mục kỷ luật thứ 1 (mục `lanh_dao.ky_luat`, dòng {line}) ghi ngày quyết định "
            "[ẩn], thuộc một năm trước năm đánh giá 2024: kỷ luật được tính vào năm ra "
            "quyết định (124-O4), nên mục này không được tính khi xếp loại năm 2024."
        ) == f["message"]
    _, verdicts, _ = statistics_for(repo, 2024)
    assert verdicts.orgs["dang-bo-xa-an-hoa"].ceiling is ceiling
