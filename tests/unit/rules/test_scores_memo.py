"""qd366-hd43's `scores` keeps its reasons by what they read (`qd366_hd43._banded`, an LRU
memo): rating many members through the memo gives exactly the reasons each gets with the
memo emptied first, and exactly the reasons of the rule as written before the memo
(`_unkept`, kept here verbatim as the reference). The members differ pairwise in one input each (form, total score —
int, float, 0 and -0.0 —, each task count, earlier shortcomings), so leaving any of them
out of the memo's key makes a member take another's reasons and this test fail."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from generator.rules import qd366_hd43 as r366
from generator.rules.assess import score_text
from generator.rules.bands366 import band_of, task_shares, walk
from generator.rules.base import Reason
from generator.rules.rule import MemberFacts
from generator.rules.wording import arrow
from generator.submissions.records import Level
from tests.unit.rules.facts import member_facts

FORMS: list[dict[str, Any]] = [
    {},
    {"mau_bieu": "phu_luc_3"},
    {"mau_bieu": "phu_luc_5"},
    {"ngoai_he_thong_chinh_tri": True},
]
SCORES: list[dict[str, Any] | None] = [
    None,
    {"tieu_chi_chung": 28, "ket_qua_nhiem_vu": 67},  # 95
    {"tieu_chi_chung": 27.5, "ket_qua_nhiem_vu": 64},  # 91,5
    {"tieu_chi_chung": 25, "ket_qua_nhiem_vu": 55.0},  # 80.0
    {"tieu_chi_chung": 20, "ket_qua_nhiem_vu": 40},  # 60
    {"tieu_chi_chung": 10, "ket_qua_nhiem_vu": 30},  # 40
    {"tieu_chi_chung": 0, "ket_qua_nhiem_vu": 0},
    {"tieu_chi_chung": -0.0, "ket_qua_nhiem_vu": -0.0},
]
TASKS: list[dict[str, Any] | None] = [
    None,
    {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 10, "vuot": 3},
    {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 10, "vuot": 2},
    {"duoc_giao": 10, "hoan_thanh": 10, "vuot": 3},  # on time: as completed
    {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 9, "vuot": 3},
    {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 7},
    {"duoc_giao": 10, "hoan_thanh": 9, "dung_han": 9},
    {"duoc_giao": 9, "hoan_thanh": 9, "dung_han": 9, "vuot": 3},
]
EARLIER: list[dict[str, int] | None] = [
    None,
    {"so_da_chi_ra": 2, "so_da_khac_phuc": 2},
    {"so_da_chi_ra": 3, "so_da_khac_phuc": 1},
    {"so_da_chi_ra": 3, "so_da_khac_phuc": 2},
]


def _grid() -> list[dict[str, Any]]:
    out = []
    for form, scores, tasks, earlier in itertools.product(FORMS, SCORES, TASKS, EARLIER):
        fields = dict(form)
        for key, value in (("diem", scores), ("nhiem_vu", tasks), ("han_che_truoc", earlier)):
            if value is not None:
                fields[key] = value
        out.append(fields)
    return out


def _unkept(m: MemberFacts) -> Iterator[Reason]:
    """`qd366_hd43.scores` as it was before its memo (the reference)."""
    r = r366.scores
    s = m.member.scores
    cite = r366.citation_for(m.member)
    if s is None:
        yield r.assessed(None, "Chưa chấm điểm (diem): chưa đủ căn cứ xếp loại", citation=cite)
        return
    band = band_of(s.total)
    if band == Level.KHTNV:
        text = arrow(f"{score_text(s)} (dưới 50)", Level.KHTNV, "366-M4")
        yield r.assessed(Level.KHTNV, text, rule_id="366-M4", citation=cite)
        return
    t = task_shares(m.member.tasks)
    es = m.member.earlier_shortcomings
    blockers = []
    if es is not None and es.remedied < es.pointed_out:
        blockers.append(f"mới khắc phục {es.remedied}/{es.pointed_out} hạn chế đã chỉ ra")
    level, missing = walk(band, t, blockers)
    if level is not None:
        higher = [f"chưa đạt {lv.code}: {why}" for lv, why in missing.items()][:1]
        note = f" ({higher[0]})" if higher and level == Level.HTTNV else ""
        rid = r366.BAND_RULE[level]
        text = arrow(f"{score_text(s)}; {t.text}{note}", level, rid)
        yield r.assessed(level, text, rule_id=rid, citation=cite)
        return
    text = f"{score_text(s)}; {t.text}: không đạt điều kiện của mức nào"
    yield r.assessed(None, text, rule_id="366-M5", citation=cite)
    yield r.flag(
        f"{score_text(s)} nhưng {missing[Level.HTNV]}: không đủ điều kiện mức nào — cần "
        "quyết định (366-M5)",
        needs_decision=True,
        rule_id="366-M5",
    )


def _reasons(fields: dict[str, Any]) -> list[Reason]:
    return list(r366.scores(member_facts("qd366-hd43", **fields)))


def test_scores_through_the_memo_equal_scores_rated_alone() -> None:
    grid = _grid()
    alone = []
    for fields in grid:
        r366._banded.cache_clear()
        alone.append(_reasons(fields))
    r366._banded.cache_clear()
    kept = [_reasons(fields) for fields in grid]
    again = [_reasons(fields) for fields in reversed(grid)][::-1]
    assert r366._banded.cache_info().hits > len(grid)
    for fields, a, k, g in zip(grid, alone, kept, again, strict=True):
        assert a == list(_unkept(member_facts("qd366-hd43", **fields))), fields
        assert k == a, fields
        assert g == a, fields
    # the texts really differ by each input (the grid can catch a key that misses one)
    assert len({tuple(a) for a in alone}) == 144  # of 1,024 members
    # equal reasons, yet each member's own objects, as without the memo (page keys pickle
    # verdicts; pickle writes a shared object differently: test_cache_other_checkout)
    seen = [r for k in kept for r in k]
    assert len({id(r) for r in seen}) == len(seen)
    assert any("tổng điểm -0/100" in r.text for a in alone for r in a)
    assert any("mới khắc phục 1/3" in r.text for a in alone for r in a)
