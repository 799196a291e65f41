"""Rules of generator/rules/qd366_hd43.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd366_hd43 as r366
from generator.rules.base import Effect
from generator.submissions.records import Level, MemberForm
from tests.unit.rules.facts import member, member_facts

L = Level


def test_366_M9_temporary_activity_needs_the_temporary_chi_bo_comments() -> None:
    m = member_facts("qd366-hd43", sinh_hoat_tam_thoi={"don_vi": "Chi bộ B"})
    flags = list(r366.temporary_activity(m))
    assert [(r.rule, r.effect) for r in flags] == [("366-M9", Effect.FLAG)]
    assert "Chi bộ B" in flags[0].text and "chi bộ chính thức" in flags[0].text
    done = member_facts(
        "qd366-hd43", sinh_hoat_tam_thoi={"don_vi": "Chi bộ B", "co_nhan_xet": True}
    )
    assert list(r366.temporary_activity(done)) == []


def test_366_member_form_names_the_citation() -> None:
    assert r366.form_of(member()) is MemberForm.MEMBER
    assert r366.form_of(member(ngoai_he_thong_chinh_tri=True)) is MemberForm.OUTSIDE
    unit = {"ten": "UBND xã", "ty_le_hoan_thanh_chi_tieu": 1}
    assert r366.form_of(member(don_vi_phu_trach=unit)) is MemberForm.LEADER
    m = member_facts(
        "qd366-hd43",
        mau_bieu="phu_luc_5",
        diem={"tieu_chi_chung": 25, "ket_qua_nhiem_vu": 55},
        nhiem_vu={"duoc_giao": 4, "hoan_thanh": 4, "dung_han": 4},
    )
    r = next(iter(r366.scores(m)))
    assert r.rule == "366-M2" and "Phụ lục 5" in r.citation


def test_366_not_rated_cases_are_cited_as_X1() -> None:
    m = member_facts("qd366-hd43", tinh_trang="mien_sinh_hoat")
    reasons = list(r366.not_rated(m))
    assert [(r.rule, r.effect) for r in reasons] == [("X1", Effect.NOT_RATED)]
    draft = member_facts("qd366-hd43", trang_thai_ho_so="nhap")
    assert [r.rule for r in r366.not_rated(draft)] == ["X1"]


def test_366_M5_is_not_asked_when_366_M4_already_sets_KHTNV() -> None:
    """65 points (a M3 band) with 6 of 10 tasks not done: no band's conditions hold, but
    366-M4 caps the member at KHTNV, so there is a level and nothing for M5 to ask."""
    scores = {"tieu_chi_chung": 20, "ket_qua_nhiem_vu": 45}
    done = {"duoc_giao": 10, "hoan_thanh": 4, "dung_han": 4, "vuot": 0}
    m = member_facts("qd366-hd43", diem=scores, nhiem_vu=done)
    assert [(r.rule, r.level) for r in r366.khtnv(m)] == [("366-M4", L.KHTNV)]
    assert not [r for r in r366.scores(m) if r.needs_decision]
    # 7 of 10 done (so no 366-M4) and still no band: 366-M5 asks, as before
    short = member_facts("qd366-hd43", diem=scores, nhiem_vu={**done, "hoan_thanh": 7})
    assert not list(r366.khtnv(short))
    assert [(r.rule, r.effect) for r in r366.scores(short) if r.needs_decision] == [
        ("366-M5", Effect.FLAG)
    ]
