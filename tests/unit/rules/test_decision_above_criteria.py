"""Under 366 a decision above what the file's own score and task figures support, within
the ceiling, is a warning at the decision's line (the deciding body may score otherwise,
so not X2's error, but never silent): the auditor's R1 (member) and R7 (organization)."""

from __future__ import annotations

from pathlib import Path

from generator.findings import Severity
from generator.privacy import FINDING_SCOPE, FINDING_WHOLE
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate
from tests.unit.rules.tree import Tree

SCORE_45 = {"tieu_chi_chung": 15, "ket_qua_nhiem_vu": 30}
MASKED = "lý do theo 366-M4 (chi tiết chỉ cấp ủy có thẩm quyền xem"


def _member(root: Path, decided: str, **fields: object) -> Tree:
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTNV", **fields)
    t.decisions("cb", [("dv-1", decided)])
    return t


def test_member_scoring_45_decided_HTNV_is_warned_at_the_decision(root: Path) -> None:
    v = rate(_member(root, "HTNV", diem=SCORE_45))
    m = v.members["dv-1"]
    assert (m.assessed, m.ceiling, m.final) == (Level.KHTNV, Level.HTXSNV, Level.HTNV)
    f = next(f for f in v.findings if f.code == "rule-decision-above-criteria")
    assert (f.path, f.line, f.rule, f.severity) == (
        "submissions/2025/huyen/cb/quyet-dinh.yaml",
        7,
        "366-M4",
        Severity.WARNING,
    )
    assert f.message == (
        "Quyết định xếp loại đảng viên Đảng viên dv-1 (dv-1) mức Hoàn thành nhiệm vụ (HTNV), "
        "cao hơn mức mà điểm và kết quả nhiệm vụ ghi trong hồ sơ đạt được là Không hoàn "
        f"thành nhiệm vụ (KHTNV): {MASKED}, trong hồ sơ và trên trang của cấp ủy)."
    )
    assert "ghi_chu" in f.hint and "366-M4" in f.hint
    # the score under 50 is the committee's (366-M4): named by rule, whole for the committee
    assert f.extra[FINDING_SCOPE] == "cap-uy"
    assert "tổng điểm 45/100 (dưới 50)" in f.extra[FINDING_WHOLE]
    assert "rule-decision-above-ceiling" not in codes(v)


def test_member_tasks_late_decided_above_the_band_names_its_rule(root: Path) -> None:
    """75 points (HTTNV band) but 2 of 10 tasks late: the figures support HTNV (366-M3)."""
    late = {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 8, "vuot": 0}
    scores = {"tieu_chi_chung": 25, "ket_qua_nhiem_vu": 50}
    v = rate(_member(root, "HTTNV", diem=scores, nhiem_vu=late))
    f = next(f for f in v.findings if f.code == "rule-decision-above-criteria")
    assert (f.line, f.rule) == (7, "366-M3")
    assert "là Hoàn thành nhiệm vụ (HTNV): tổng điểm 75/100; hoàn thành 10/10" in f.message


def test_decision_at_the_supported_level_or_above_the_ceiling_is_not_warned(root: Path) -> None:
    v = rate(_member(root / "same", "KHTNV", diem=SCORE_45))
    assert "rule-decision-above-criteria" not in codes(v)
    # above the ceiling: X2's error only, not this warning as well
    kt = {"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2025-04-01", "lien_quan_chuc_trach": True}
    v = rate(_member(root / "ceiling", "HTTNV", ky_luat=[kt]))
    assert "rule-decision-above-ceiling" in codes(v)
    assert "rule-decision-above-criteria" not in codes(v)


def test_organization_scoring_45_decided_HTTNV_is_warned_at_the_decision(root: Path) -> None:
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb", diem=SCORE_45)
    t.member("cb", "dv-1", "HTTNV")
    t.decisions("huyen", orgs=[("cb", "HTTNV")])
    v = rate(t)
    assert (v.orgs["cb"].assessed, v.orgs["cb"].final) == (Level.KHTNV, Level.HTTNV)
    f = next(f for f in v.findings if f.code == "rule-decision-above-criteria")
    assert (f.path, f.line, f.rule, f.severity) == (
        "submissions/2025/huyen/quyet-dinh.yaml",
        7,
        "366-O4",
        Severity.WARNING,
    )
    assert "Quyết định xếp loại CB mức Hoàn thành tốt nhiệm vụ (HTTNV)" in f.message
    assert "là Không hoàn thành nhiệm vụ (KHTNV): lý do theo 366-O4" in f.message


def test_a_decision_that_gives_its_reason_is_a_notice_not_a_warning(root: Path) -> None:
    """The warning's hint asks the body to write its own score and reason in the line's
    `ghi_chu`; once it has, the finding stays (the file's figures still disagree) but as a
    notice that says the reason is there — not the same warning again."""
    t = _member(root, "HTNV", diem=SCORE_45)
    note = "Chi ủy chấm 62 điểm: nhiệm vụ vận động quần chúng đạt"
    t.decisions("cb", dang_vien=[{"ma_dang_vien": "dv-1", "muc": "HTNV", "ghi_chu": note}])
    v = rate(t)
    (f,) = [f for f in v.findings if f.code == "rule-decision-above-criteria"]
    assert f.severity is Severity.NOTICE and f.line == 7
    assert "Dòng quyết định có ghi chú (`ghi_chu`) nêu lý do của cấp ủy." in f.message
    assert note not in f.message and note not in f.hint  # the note is not echoed
