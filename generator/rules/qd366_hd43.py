"""Ruleset `qd366-hd43` (evaluation years 2025 onward): Quy định 366-QĐ/TW (30/8/2025) and
Hướng dẫn 43-HD/BTCTW (31/10/2025). RULES.md §4. Scores out of 100: general criteria /30,
task results /70, on the member's form (Phụ lục 3 leaders, 4 members, 5 members outside
the political system); bands and their task conditions in `bands366`.

Not reviewed, not rated (Điều 5 khoản 2.1, as 124-M6): exempted, suspended, admitted
under 6 months — cited as X1.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from generator.rules import common
from generator.rules import settings as st
from generator.rules.assess import disciplined_in, score_text_of
from generator.rules.bands366 import (
    SCORE_MEETS_LOWER_BANDS,
    band_of,
    leader_unit_cap,
    task_shares,
    unmet,
    walk,
)
from generator.rules.base import Effect, Reason, reason_fields
from generator.rules.qd366_hd43_civil import AGENCY_BASIS, civil_servant
from generator.rules.qd366_hd43_leaders import (
    C_LEADER,
    FORM_TEXT,
    HEAD_CAP,
    LEADER_UNIT_ANALOGY,
    form_of,
    leader,
)
from generator.rules.qd366_hd43_orgs import leadership, org_scores
from generator.rules.quota import QuotaPolicy
from generator.rules.rule import MemberFacts, Rule, RuleList, rule
from generator.rules.spec import RulesetSpec
from generator.rules.wording import arrow, cap, discipline_text, vn_date
from generator.submissions.records import Level, MemberForm, MemberReview, Tasks

ID = "qd366-hd43"
# Điều 5 khoản 2.1 (as 124-M6): admitted < 6 months: neither reviewed nor rated
NEW_MEMBERS_REVIEWED = False
QD = "Quy định 366-QĐ/TW"
HD = "Hướng dẫn 43-HD/BTCTW"
C_MEMBER = f"{QD}; {HD}, {FORM_TEXT[MemberForm.MEMBER]}: khung tiêu chuẩn theo thang điểm 100"
C_NOT_RATED = f"{QD}, Điều 5 khoản 2.1 (đối tượng không kiểm điểm, không xếp loại)"
C_EARLIER = f"{QD}; {HD} (vi phạm từ năm trước bị kỷ luật trong năm đánh giá)"
C_LEAVE = f"{HD} (nghỉ ốm, thai sản: đánh giá theo thực tế công tác)"
C_TEMP = f"{HD}, mục 7.6 (đảng viên sinh hoạt tạm thời)"
C_QUOTA = f"{QD}; {HD} (tỷ lệ HTXSNV 20% theo nhóm tương đồng, tối đa 25% khi có kết quả nổi bật)"

BAND_RULE = {
    Level.HTXSNV: "366-M1",
    Level.HTTNV: "366-M2",
    Level.HTNV: "366-M3",
    Level.KHTNV: "366-M4",
}


_CITATIONS = {
    form: f"{QD}; {HD}, {text}: khung tiêu chuẩn theo thang điểm 100"
    for form, text in FORM_TEXT.items()
}


def citation_for(member: MemberReview) -> str:
    return _CITATIONS[form_of(member)]


# --------------------------------------------------------------------------- members


@rule("X1", C_NOT_RATED)
def not_rated(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Exempted, suspended, or admitted under 6 months: neither reviewed nor rated; a
    draft review is not rated ("được kiểm điểm thì phải đánh giá, xếp loại")."""
    yield from common.status_not_rated(r, m, new_member_reviewed=NEW_MEMBERS_REVIEWED)
    yield from common.draft_not_rated(r, m)


@rule(
    "366-M1",
    C_MEMBER,
    also=("366-M2", "366-M3", "366-M4", "366-M5"),
    settings=(SCORE_MEETS_LOWER_BANDS,),
)
def scores(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Score bands with their task conditions, best level whose conditions all hold:
    M1 >= 90, 100% on time, >= 30% exceeded, all earlier shortcomings remedied; M2 70 to
    under 90, 100% on time; M3 50 to under 70, 100% completed, at most 20% late; under 50
    → KHTNV (M4). A case meeting none is flagged "cần quyết định" (M5), never assigned.
    A score above a band also meets the lower bands' score conditions unless
    `score_meets_lower_bands` is off (UNVERIFIED, RULES.md §4). Cases 22, 23, 25. The citation names the member's form (Phụ lục 3/4/5)."""
    member = m.member
    s = member.scores
    if s is None:
        yield r.assessed(
            None,
            "Chưa chấm điểm (diem): chưa đủ căn cứ xếp loại",
            citation=citation_for(member),
        )
        return
    t, es, total = member.tasks, member.earlier_shortcomings, s.total
    down = m.settings[SCORE_MEETS_LOWER_BANDS.name]
    unit = None
    if not down and form_of(member) is MemberForm.LEADER:
        # the unit's result is one of the band's own conditions (366-L2): read strictly,
        # missing it meets no level, as the walk down to its cap would otherwise assign
        c = leader_unit_cap(member.led_unit, m.settings[LEADER_UNIT_ANALOGY.name])
        unit = None if c is None else (int(c.level or 0), c.why if c.level else c.why_htnv)
    kept = _banded(
        form_of(member),
        total if total else repr(total),  # 0, 0.0 and -0.0 are one key but not one text
        None if t is None else (t.assigned, t.completed, t.on_time, t.exceeded),
        None if es is None else (es.remedied, es.pointed_out),
        down,
        unit,
    )
    if any(f[7] and f[0] == "366-M5" for f in kept) and _meets_khtnv(m):
        # no band fits, but 366-M4 (over half the tasks not done, discipline, suy thoái,
        # điều cấm) or 366-L1 sets KHTNV: the member meets a level, nothing left to decide
        kept = tuple(f for f in kept if not (f[7] and f[0] == "366-M5"))
    # a Reason of its own per member, as without the memo (page keys do not depend on it:
    # they pickle without a memo, generator.site.keypickle)
    for fields in kept:
        yield Reason(*fields)


def _meets_khtnv(m: MemberFacts) -> bool:
    """Whether 366-M4 (`khtnv`) or, for a leader, 366-L1 (`leader`) caps the member at
    KHTNV."""
    return any(
        x.effect is Effect.CEILING and x.level is Level.KHTNV
        for x in (*khtnv.func(m), *leader.func(m))
    )


@functools.lru_cache(maxsize=1 << 16)
def _banded(
    form: MemberForm,
    total_key: float | str,
    tasks: tuple[int, int, int | None, int] | None,
    earlier: tuple[int, int] | None,
    down: bool = True,
    unit: tuple[int, str] | None = None,
) -> tuple[tuple[Any, ...], ...]:
    """`scores`' reasons (as their fields) from exactly what they read: the form, the total
    score, the task counts, the earlier shortcomings, `score_meets_lower_bands` and, read
    strictly, a leader's unit cap (366-L2: the level it allows, 0 for none, and why) (kept: a province's members share
    few of these — 20,000 synthetic members, 4,667 — and this was a quarter of their
    rating)."""
    return tuple(
        reason_fields(r) for r in _banded_reasons(form, total_key, tasks, earlier, down, unit)
    )


def _banded_reasons(
    form: MemberForm,
    total_key: float | str,
    tasks: tuple[int, int, int | None, int] | None,
    earlier: tuple[int, int] | None,
    down: bool = True,
    unit: tuple[int, str] | None = None,
) -> tuple[Reason, ...]:
    r, cite = scores, _CITATIONS[form]
    total = float(total_key) if isinstance(total_key, str) else total_key
    band = band_of(total)
    if band == Level.KHTNV:
        text = arrow(f"{score_text_of(total)} (dưới 50)", Level.KHTNV, "366-M4")
        return (r.assessed(Level.KHTNV, text, rule_id="366-M4", citation=cite),)
    t = task_shares(
        None
        if tasks is None
        else Tasks(assigned=tasks[0], completed=tasks[1], on_time=tasks[2], exceeded=tasks[3])
    )
    blockers = []
    if earlier is not None and earlier[0] < earlier[1]:
        blockers.append(f"mới khắc phục {earlier[0]}/{earlier[1]} hạn chế đã chỉ ra")
    level, missing = walk(band, t, blockers, down=down)
    if level is not None and unit is not None and level > unit[0]:
        missing[level], level = f"đơn vị phụ trách {unit[1]} (366-L2)", None
    if level is not None:
        higher = [f"chưa đạt {lv.code}: {why}" for lv, why in missing.items()][:1]
        note = f" ({higher[0]})" if higher and level == Level.HTTNV else ""
        rid = BAND_RULE[level]
        text = arrow(f"{score_text_of(total)}; {t.text}{note}", level, rid)
        return (r.assessed(level, text, rule_id=rid, citation=cite),)
    shown = score_text_of(total)
    text = f"{shown}; {t.text}: không đạt điều kiện của mức nào"
    return (
        r.assessed(None, text, rule_id="366-M5", citation=cite),
        r.flag(
            f"{shown} nhưng {unmet(band, missing)}: không đủ điều kiện mức nào — cần "
            "quyết định (366-M5)",
            needs_decision=True,
            rule_id="366-M5",
        ),
    )


def _earlier(m: MemberFacts, d_year: int | None) -> bool:
    return d_year is not None and d_year < m.y


@rule("366-M4", C_MEMBER)
def khtnv(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """KHTNV when: suy thoái; a duty-related violation of this year disciplined with khiển
    trách or heavier; violating what members must not do or the duty to set an example;
    more than 50% of tasks not completed. Self-detection does not exempt automatically: it
    is flagged for the deciding body. An earlier year's violation is 366-M8's."""
    member = m.member
    yield from common.degradation_khtnv(r, m)
    yield from common.prohibited_khtnv(r, m)
    for d in disciplined_in(member.discipline, m.y):
        if not d.duty_related or _earlier(m, d.violation_date.year if d.violation_date else None):
            continue
        if d.self_detected_remedied:
            yield r.flag(
                f"{discipline_text(d)} liên quan chức trách, tự phát hiện và đã khắc phục: tự "
                "phát hiện không đương nhiên miễn — cần quyết định (366-M4)",
                needs_decision=True,
            )
            continue
        yield r.ceiling(
            Level.KHTNV, arrow(f"{discipline_text(d)} liên quan chức trách", Level.KHTNV, r.id)
        )
    t = member.tasks
    if t is not None and t.assigned and (t.assigned - t.completed) * 2 > t.assigned:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{t.assigned - t.completed}/{t.assigned} nhiệm vụ không hoàn thành (trên 50%)",
                Level.KHTNV,
                r.id,
            ),
        )


@rule("366-M8", C_EARLIER)
def earlier_violation(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A violation of an earlier year disciplined in this year: the superior committee rates
    it at this evaluation "căn cứ … hoàn cảnh cụ thể" — discretion, so it is flagged "cần
    quyết định" with the facts (form, date of violation, date of decision), never an
    automatic KHTNV. Case 33: violation in 2024, khiển trách in 2025."""
    for d in disciplined_in(m.member.discipline, m.y):
        if d.violation_date is None or d.violation_date.year >= m.y:
            continue
        yield r.flag(
            f"Vi phạm ngày {vn_date(d.violation_date)} (năm {d.violation_date.year}), "
            f"{discipline_text(d)}: không đương nhiên KHTNV năm {m.y}; cấp ủy cấp trên "
            "căn cứ hoàn cảnh cụ thể để đánh giá — cần quyết định (366-M8)",
            needs_decision=True,
        )


@rule("366-M7", C_LEAVE)
def leave(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Sick leave of 3 months or more, or maternity: rated on the actual work (no cap)."""
    if m.member.sick_leave_months >= 3 or m.member.maternity_leave_months > 0:
        yield r.info(
            "Nghỉ ốm từ 3 tháng hoặc nghỉ thai sản: đánh giá theo thực tế công tác "
            "trong năm, không giới hạn mức (366-M7)"
        )


@rule("366-M9", C_TEMP)
def temporary_activity(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A member in temporary activity elsewhere is rated at the official chi bộ with the
    temporary chi bộ's comments (HD 43 mục 7.6): a missing comment is flagged."""
    yield from common.temporary_activity(r, m)


# 366-L2 here, not with the other leader rules (qd366_hd43_leaders): it asks 366-M4 and
# 366-L1 (`_meets_khtnv`) whether the stated facts already decide
@rule("366-L2", C_LEADER, settings=(LEADER_UNIT_ANALOGY,))
def leader_unit_result(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A leader's (Phụ lục 3) level also requires their unit's result: HTXSNV needs the unit
    100% on time with >= 30% exceeded (CONFIRMED); by analogy (`leader_unit_analogy`)
    HTTNV needs 100% on time and HTNV 100% done with at most 20% late — a unit below that
    is flagged for decision. Case 32: unit 100% on time, 10% exceeded → leader HTTNV."""
    if form_of(m.member) is not MemberForm.LEADER:
        return
    c = leader_unit_cap(m.member.led_unit, m.settings[LEADER_UNIT_ANALOGY.name])
    if c is None:
        return
    level = c.level or Level.HTNV
    yield r.ceiling(level, cap(c.why, level, r.id))
    if c.level is None and not _meets_khtnv(m):
        # 366-L1 (under 70% of tasks, basic targets missed, ...) or 366-M4 already set
        # KHTNV: the stated facts decide, nothing is left to ask
        yield r.flag(
            f"{c.why_htnv}: đơn vị không đạt điều kiện mức HTNV — cần quyết định (366-L2)",
            needs_decision=True,
        )


RULESET = RulesetSpec(
    id=ID,
    first_year=2025,
    new_members_reviewed=NEW_MEMBERS_REVIEWED,
    title_vi="Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW",
    years_vi="2025 trở đi",
    citations=(
        "Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị (thay Quy định 124-QĐ/TW)",
        "Hướng dẫn 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương (thay Hướng dẫn "
        "25-HD/BTCTW)",
        "Công văn 10072-CV/BTCTW ngày 06/11/2025 về kiểm điểm năm 2025",
        "Kết luận 198-KL/TW ngày 08/10/2025",
    ),
    scored=True,
    role_groups=True,
    rules=RuleList(
        members=(
            not_rated,
            scores,
            khtnv,
            earlier_violation,
            leave,
            temporary_activity,
            leader,
            leader_unit_result,
            civil_servant,
        ),
        orgs=(org_scores,),
        leadership=(leadership,),
    ),
    member_quota=QuotaPolicy(
        "366-M6",
        C_QUOTA,
        outstanding=True,
        pool_setting="member_quota_pool",
        settings=(
            st.quota_base("366-M6"),
            st.quota_rounding("366-M6"),
            st.quota_share("366-M6"),
            st.quota_share_outstanding("366-M6"),
            st.member_quota_pool("366-M6"),
        ),
    ),
    org_quota=QuotaPolicy(
        "366-M6", C_QUOTA, outstanding=True, settings=(st.org_quota_pool("366-M6"),)
    ),
    head_cap=HEAD_CAP,  # X2 (RULES.md §4 has no head-cap line): qd366_hd43_leaders
    agency_basis=AGENCY_BASIS,  # 366-M10 (`civil_servant_basis: flag`): qd366_hd43_civil
    not_reviewed_rule=("X1", C_MEMBER),
)
