"""Ruleset `qd366-hd43` (evaluation years 2025 onward): Quy định 366-QĐ/TW (30/8/2025) and
Hướng dẫn 43-HD/BTCTW (31/10/2025). RULES.md §4. Scores out of 100: general criteria /30,
task results /70 (Phụ lục 4; Phụ lục 5 for members outside the political system).

RULES.md §4 names no not-rated cases; this module keeps those of 124-M6 (exempted,
suspended, admitted under 6 months: neither reviewed nor rated), cited as X1/X4 —
see NOT_IMPLEMENTED.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules import common
from generator.rules import settings as st
from generator.rules.assess import disciplined_in, score_band, score_text
from generator.rules.base import Reason, Setting
from generator.rules.engine import RulesetSpec
from generator.rules.quota import QuotaPolicy
from generator.rules.rule import MemberFacts, OrgFacts, Rule, RuleList, rule
from generator.rules.wording import arrow, cap, discipline_text, pct
from generator.submissions.records import Level

ID = "qd366-hd43"
# 124-M6 (and 366, RULES.md X1): admitted < 6 months: neither reviewed nor rated
NEW_MEMBERS_REVIEWED = False
QD = "Quy định 366-QĐ/TW"
HD = "Hướng dẫn 43-HD/BTCTW"
C_MEMBER = f"{QD}; {HD}, Phụ lục 4 (khung tiêu chuẩn xếp loại đảng viên theo thang điểm 100)"
C_NOT_RATED = f"{HD} (đối tượng không kiểm điểm, không xếp loại; theo cách hiểu của 124-M6)"
C_LEAVE = f"{HD} (nghỉ ốm, thai sản: đánh giá theo thực tế công tác)"
C_LEADER = f"{QD}; {HD} (người đứng đầu, cán bộ lãnh đạo)"
C_ORG = f"{QD}; {HD} (xếp loại chất lượng tổ chức đảng theo thang điểm 100)"
C_QUOTA = f"{QD}; {HD} (tỷ lệ HTXSNV 20%, tối đa 25% khi có kết quả nổi bật)"

SETTINGS: list[Setting] = [
    st.quota_base("366-M6"),
    st.quota_rounding("366-M6"),
    st.quota_share("366-M6"),
    st.quota_share_outstanding("366-M6"),
    st.member_quota_pool("366-M6"),
    st.org_quota_pool("366-M6"),
]

BAND_RULE = {
    Level.HTXSNV: "366-M1",
    Level.HTTNV: "366-M2",
    Level.HTNV: "366-M3",
    Level.KHTNV: "366-M4",
}


@rule("X1", C_NOT_RATED)
def not_rated(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Exempted, suspended, or admitted under 6 months: neither reviewed nor rated."""
    yield from common.status_not_rated(r, m, new_member_reviewed=NEW_MEMBERS_REVIEWED)


@rule("X1", C_MEMBER)
def review_completed(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A draft review is not rated."""
    yield from common.draft_not_rated(r, m)


def _tasks_facts(m: MemberFacts) -> tuple[float, float, float, float, str]:
    """(completed share, on-time share, exceeded share, late share among completed, text)."""
    t = m.member.tasks
    if t is None or not t.assigned:
        return 1.0, 1.0, 0.0, 0.0, "không kê khai nhiệm vụ được giao"
    on_time = t.on_time if t.on_time is not None else t.completed
    late = max(t.completed - on_time, 0)
    text = (
        f"hoàn thành {t.completed}/{t.assigned} nhiệm vụ, đúng hạn {on_time}, "
        f"vượt {t.exceeded} ({pct(t.exceeded / t.assigned)})"
    )
    return (
        t.completed / t.assigned,
        on_time / t.assigned,
        t.exceeded / t.assigned,
        late / t.assigned,
        text,
    )


@rule("366-M1", C_MEMBER, also=("366-M2", "366-M3", "366-M5"))
def scores(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Score bands with their task conditions, best level whose conditions all hold:
    M1 >= 90, 100% on time, >= 30% exceeded, all earlier shortcomings remedied; M2 70–89,
    100% on time; M3 50–69, 100% completed, at most 20% late. A case meeting none (and not
    KHTNV) is flagged "cần quyết định" (M5), never assigned. Cases 22, 23, 25."""
    s = m.member.scores
    if s is None:
        yield r.assessed(None, "Chưa chấm điểm (diem): chưa đủ căn cứ xếp loại")
        return
    band = score_band(s)
    if band == Level.KHTNV:
        yield r.assessed(
            Level.KHTNV,
            arrow(f"{score_text(s)} (dưới 50)", Level.KHTNV, "366-M4"),
            rule_id="366-M4",
        )
        return
    done, on_time, exceeded, late, ttext = _tasks_facts(m)
    es = m.member.earlier_shortcomings
    remedied = es is None or es.remedied >= es.pointed_out
    missing: dict[Level, str] = {}
    if band >= Level.HTXSNV:
        why = []
        if on_time < 1:
            why.append("chưa hoàn thành 100% nhiệm vụ đúng hạn")
        if exceeded < 0.3:
            why.append("vượt dưới 30% nhiệm vụ")
        if not remedied and es is not None:
            why.append(f"mới khắc phục {es.remedied}/{es.pointed_out} hạn chế đã chỉ ra")
        if not why:
            yield r.assessed(
                Level.HTXSNV, arrow(f"{score_text(s)}; {ttext}", Level.HTXSNV, "366-M1")
            )
            return
        missing[Level.HTXSNV] = ", ".join(why)
    if band >= Level.HTTNV:
        if on_time >= 1:
            note = f" (chưa đạt HTXSNV: {missing[Level.HTXSNV]})" if Level.HTXSNV in missing else ""
            yield r.assessed(
                Level.HTTNV,
                arrow(f"{score_text(s)}; {ttext}{note}", Level.HTTNV, "366-M2"),
                rule_id="366-M2",
            )
            return
        missing[Level.HTTNV] = "chưa hoàn thành 100% nhiệm vụ đúng hạn"
    if done >= 1 and late <= 0.2:
        yield r.assessed(
            Level.HTNV, arrow(f"{score_text(s)}; {ttext}", Level.HTNV, "366-M3"), rule_id="366-M3"
        )
        return
    gap = (
        "chưa hoàn thành 100% nhiệm vụ"
        if done < 1
        else f"{pct(late)} nhiệm vụ chậm tiến độ (trên 20%)"
    )
    yield r.assessed(
        None, f"{score_text(s)}; {ttext}: không đạt điều kiện của mức nào", rule_id="366-M5"
    )
    yield r.flag(
        f"{score_text(s)} nhưng {gap}: không đủ điều kiện mức nào — cần quyết định (366-M5)",
        needs_decision=True,
        rule_id="366-M5",
    )


@rule("366-M4", C_MEMBER, also=("366-M8",))
def khtnv(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """KHTNV when: suy thoái; a duty-related violation disciplined with khiển trách or
    heavier (in this year's decision, whatever the violation's year: M8); violating what
    members must not do or the duty to set an example; more than 50% of tasks not
    completed. Self-detection does not exempt automatically: flagged for the deciding body."""
    member = m.member
    yield from common.degradation_khtnv(r, m)
    yield from common.prohibited_khtnv(r, m)
    for d in disciplined_in(member.discipline, m.y):
        if not d.duty_related:
            continue
        earlier = d.violation_date is not None and d.violation_date.year < m.y
        note = (
            f" (vi phạm từ năm {d.violation_date.year}, xếp loại vào năm nay: 366-M8)"
            if (earlier and d.violation_date)
            else ""
        )
        if d.self_detected_remedied:
            yield r.flag(
                f"{discipline_text(d)} liên quan chức trách, tự phát hiện và đã khắc phục"
                f"{note}: tự phát hiện không đương nhiên miễn — cần quyết định (366-M4)",
                needs_decision=True,
            )
            continue
        yield r.ceiling(
            Level.KHTNV,
            arrow(f"{discipline_text(d)} liên quan chức trách{note}", Level.KHTNV, r.id),
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


@rule("366-M7", C_LEAVE)
def leave(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Sick leave of 3 months or more, or maternity: rated on the actual work (no cap)."""
    if m.member.sick_leave_months >= 3 or m.member.maternity_leave_months > 0:
        yield r.info(
            "Nghỉ ốm từ 3 tháng hoặc nghỉ thai sản: đánh giá theo thực tế công tác "
            "trong năm, không giới hạn mức (366-M7)"
        )


@rule("366-L1", C_LEADER)
def leader(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A leader is KHTNV when the unit they lead completed under 70% of tasks, missed the
    core targets, has more than 50% of its units KHTNV, or more than 50% of confidence votes
    are low."""
    u = m.member.led_unit
    if u is None:
        return
    if u.targets_completed_share < 0.7:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{u.name} hoàn thành {pct(u.targets_completed_share)} nhiệm vụ (dưới 70%)",
                Level.KHTNV,
                r.id,
            ),
        )
    if not u.core_targets_met:
        yield r.ceiling(
            Level.KHTNV, arrow(f"{u.name} không đạt chỉ tiêu cốt lõi", Level.KHTNV, r.id)
        )
    if u.units_khtnv_share > 0.5:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{u.name} có {pct(u.units_khtnv_share)} đơn vị KHTNV (trên 50%)", Level.KHTNV, r.id
            ),
        )
    if u.low_confidence_share > 0.5:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{pct(u.low_confidence_share)} phiếu tín nhiệm thấp (trên 50%)", Level.KHTNV, r.id
            ),
        )


@rule("366-O1", C_ORG)
def org_scores(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """Organizations use the same score bands; HTXSNV also needs no subordinate unit and
    no leadership member disciplined in the year."""
    s = o.org.scores
    if s is None:
        yield r.assessed(None, "Tổ chức chưa chấm điểm (diem): chưa đủ căn cứ xếp loại")
        return
    band = score_band(s)
    yield r.assessed(band, arrow(score_text(s), band, r.id))
    hits = [c.name for c in o.child_orgs() if disciplined_in(c.discipline, o.y)]
    hits += [
        f"cấp ủy viên {mm.name}"
        for mm in o.leadership_members()
        if disciplined_in(mm.discipline, o.y)
    ]
    if hits:
        yield r.ceiling(
            Level.HTTNV, cap("bị kỷ luật trong năm: " + ", ".join(hits), Level.HTTNV, r.id)
        )


RULESET = RulesetSpec(
    id=ID,
    new_members_reviewed=NEW_MEMBERS_REVIEWED,
    title_vi="Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW",
    years_vi="2025 trở đi",
    settings=SETTINGS,
    rules=RuleList(
        members=(not_rated, review_completed, scores, khtnv, leave, leader),
        orgs=(org_scores,),
    ),
    member_quota=QuotaPolicy("366-M6", C_QUOTA, outstanding=True, pool_setting="member_quota_pool"),
    org_quota=QuotaPolicy("366-M6", C_QUOTA, outstanding=True),
    not_reviewed_rule=("X1", C_MEMBER),
)
