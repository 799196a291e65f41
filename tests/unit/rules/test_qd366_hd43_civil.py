"""generator/rules/qd366_hd43_civil.py: RULES.md §4 "a member who is a civil servant:
the agency's rating is the basis of the party rating (Điều 3)" under qd366-hd43 — 366-M10,
the project's id for that line, read through the setting `civil_servant_basis` (worked
case 41, for a future revision of RULES.md §6; the code's reading until then):

| 41 | 366 | civil servant rated KHTNV by the agency, party level HTTNV | default (`flag`): HTTNV stays; `rule-agency-rating-below` (366-M10) at the member file's `can_bo_cong_chuc.xep_loai`; `cap`: ceiling KHTNV |

Built as small YAML trees and loaded through `generator.check.load_year`, as
test_worked_cases.py does."""

from __future__ import annotations

from pathlib import Path

from generator.findings import Finding, Severity
from generator.privacy import Scope
from generator.privacy.findings import WITHHELD, finding_scope, readable_findings
from generator.privacy.verdicts import redact_verdict
from generator.rules.base import Effect, YearVerdicts
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate, rules_of
from tests.unit.rules.tree import SCHEMA, Tree

L = Level
CODE = "rule-agency-rating-below"
MEMBER_FILE = "submissions/{year}/huyen/cb/dang-vien/dv-1.yaml"


def _case41(
    root: Path,
    agency: str = "KHTNV",
    party: str = "HTTNV",
    year: int = 2025,
    decided: str | None = None,
    note: str = "",
    **settings: object,
) -> Tree:
    t = Tree(root, year, "qd366-hd43", settings=settings or None)
    t.chi_bo_co_so("cb")
    cs = {"xep_loai": agency, "co_quan": "UBND xã An Phú"}
    t.member("cb", "dv-1", party, ho_ten="Lê Văn Công", can_bo_cong_chuc=cs)
    if decided is not None:
        line = {"ma_dang_vien": "dv-1", "muc": decided}
        if note:
            line["ghi_chu"] = note
        t.decisions("cb", dang_vien=[line])
    return t


def _agency_line(root: Path, year: int = 2025) -> int:
    """The line of `can_bo_cong_chuc.xep_loai` in the member file the tree wrote."""
    text = (root / MEMBER_FILE.format(year=year)).read_text(encoding="utf-8").splitlines()
    start = text.index("can_bo_cong_chuc:")
    return next(i for i, s in enumerate(text) if i > start and "xep_loai:" in s) + 1


def _flagged(v: YearVerdicts) -> list[Finding]:
    return [f for f in v.findings if f.code == CODE]


def test_case41_default_flags_at_the_agency_line_and_keeps_the_level(root: Path) -> None:
    t = _case41(root)
    v = rate(t)
    assert v.settings["civil_servant_basis"] == "flag"
    m = v.members["dv-1"]
    # never silently changed: the party level stays HTTNV, no ceiling from the agency
    assert (m.ceiling, m.assessed, m.final, m.provisional) == (L.HTXSNV, L.HTTNV, L.HTTNV, True)
    assert not [r for r in m.reasons if r.rule == "366-M10"]
    (flag,) = [r for r in m.flags if r.rule == "366-M10"]
    assert (
        flag.effect is Effect.FLAG and "mức KHTNV" in flag.text and "HTTNV (dự kiến)" in flag.text
    )
    (f,) = _flagged(v)
    assert (f.path, f.line, f.rule, f.severity, f.actor) == (
        MEMBER_FILE.format(year=2025),
        _agency_line(root),
        "366-M10",
        Severity.WARNING,
        "committee",
    )
    assert f.message == (
        "Đảng viên Lê Văn Công (dv-1) là cán bộ, công chức, viên chức: cơ quan xếp loại mức "
        "Không hoàn thành nhiệm vụ (KHTNV), thấp hơn mức xếp loại đảng viên Hoàn thành tốt "
        "nhiệm vụ (HTTNV) (dự kiến). Kết quả xếp loại của cơ quan là căn cứ xếp loại đảng "
        "viên (366-M10)."
    )
    # the hint tells the deciding body what to do, and that nothing was changed
    assert "ghi_chu" in f.hint and "không cao hơn KHTNV" in f.hint
    assert "không đổi mức" in f.hint and "civil_servant_basis: flag" in f.hint


def test_case41_decided_above_the_agency_is_flagged_until_a_reason_is_noted(root: Path) -> None:
    v = rate(_case41(root, decided="HTTNV"))
    m = v.members["dv-1"]
    assert (m.decided, m.final) == (L.HTTNV, L.HTTNV)
    (f,) = _flagged(v)
    assert f.severity is Severity.WARNING and "(đã quyết định)" in f.message
    assert f.extra["related"] == ["submissions/2025/huyen/cb/quyet-dinh.yaml"]
    # the body gave its reason on the decision's line, as the hint asks: a notice
    noted = rate(_case41(root, decided="HTTNV", note="Cơ quan đánh giá chưa đủ thời gian"))
    (f,) = _flagged(noted)
    assert (f.severity, f.line, f.rule) == (Severity.NOTICE, _agency_line(root), "366-M10")
    assert "ghi chú (`ghi_chu`) nêu lý do của cấp ủy" in f.message


def test_case41_cap_setting_caps_at_the_agency_level(root: Path) -> None:
    v = rate(_case41(root, civil_servant_basis="cap"))
    m = v.members["dv-1"]
    assert (m.ceiling, m.final) == (L.KHTNV, L.KHTNV)
    (reason,) = [r for r in m.reasons if r.rule == "366-M10"]
    assert reason.effect is Effect.CEILING and reason.level is L.KHTNV
    assert reason.text == (
        "cơ quan xếp loại cán bộ, công chức, viên chức mức KHTNV, là căn cứ xếp loại đảng "
        "viên (cài đặt civil_servant_basis: cap) → Không hoàn thành nhiệm vụ (366-M10)"
    )
    assert "Điều 3" in reason.citation
    assert CODE not in codes(v)


def test_cap_setting_makes_a_decision_above_the_agency_an_x2_error(root: Path) -> None:
    v = rate(_case41(root, agency="HTNV", decided="HTTNV", civil_servant_basis="cap"))
    m = v.members["dv-1"]
    assert (m.ceiling, m.decided) == (L.HTNV, L.HTTNV)
    (reason,) = [r for r in m.reasons if r.rule == "366-M10"]
    assert "tối đa Hoàn thành nhiệm vụ (366-M10)" in reason.text
    (f,) = [f for f in v.findings if f.code == "rule-decision-above-ceiling"]
    assert f.rule == "366-M10" and "mức tối đa" in f.message
    assert CODE not in codes(v)


def test_no_flag_when_the_agency_is_at_or_above_the_party_level(root: Path) -> None:
    for agency, party in (("HTTNV", "HTTNV"), ("HTXSNV", "HTTNV"), ("HTNV", "HTNV")):
        v = rate(_case41(root / f"{agency}-{party}", agency=agency, party=party))
        assert CODE not in codes(v), (agency, party)
        assert "366-M10" not in rules_of(v.members["dv-1"]), (agency, party)
    # one level below is the boundary: flagged
    v = rate(_case41(root / "below", agency="HTNV", party="HTTNV"))
    (f,) = _flagged(v)
    assert "mức Hoàn thành nhiệm vụ (HTNV), thấp hơn" in f.message
    # a member who is not a civil servant has nothing to compare
    t = Tree(root / "none", 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV")
    v = rate(t)
    assert CODE not in codes(v) and "366-M10" not in rules_of(v.members["dv-1"])


def test_2026_phu_luc_4_file_holds_the_agency_rating_and_is_flagged(root: Path) -> None:
    t = Tree(root, 2026, "qd366-hd43")
    t.chi_bo_co_so("cb")
    cs = {"xep_loai": "HTNV"}
    t.member("cb", "dv-1", "HTTNV", mau_bieu="phu_luc_4", can_bo_cong_chuc=cs)
    v = rate(t)  # Tree.load asserts the file loads without a schema error
    (f,) = _flagged(v)
    assert (f.path, f.line) == (MEMBER_FILE.format(year=2026), _agency_line(root, 2026))
    assert v.members["dv-1"].final == L.HTTNV


def test_the_agency_rating_is_not_shown_to_a_reader_who_may_not_see_it(root: Path) -> None:
    v = rate(_case41(root))
    (f,) = _flagged(v)
    assert finding_scope(f, SCHEMA) is Scope.CHI_BO
    (shown,) = readable_findings([f], SCHEMA, lambda _: Scope.TO_CHUC)
    assert shown.code == WITHHELD and shown.rule == ""
    assert "KHTNV" not in shown.message and "366-M10" not in shown.message
    (whole,) = readable_findings([f], SCHEMA, lambda _: Scope.CHI_BO)
    assert whole.message == f.message
    # the verdict's flag too: the whole organization's copy drops it, the chi bộ's keeps it
    m = v.members["dv-1"]
    assert "366-M10" not in {r.rule for r in redact_verdict(m, Scope.TO_CHUC).flags}
    assert "366-M10" in {r.rule for r in redact_verdict(m, Scope.CHI_BO).flags}
    assert redact_verdict(m, Scope.TO_CHUC).final == L.HTTNV


def test_an_unknown_reading_is_refused_by_the_year_schema(root: Path) -> None:
    from generator.check import load_year
    from tests.unit.rules.tree import schemas

    _case41(root, civil_servant_basis="ignore")
    _, result = load_year(root, 2025, schemas=schemas())
    (f,) = [f for f in result.findings if f.severity is Severity.ERROR]
    assert (f.code, f.path) == ("schema-enum", "submissions/2025/nam-danh-gia.yaml")
    assert "cai_dat.civil_servant_basis" in f.message
