"""Ruleset `qd124-hd25` (evaluation years 2023–2024): Quy định 124-QĐ/TW (04/10/2023) and
Hướng dẫn 25-HD/BTCTW (10/11/2023). RULES.md §3.

Article numbers beyond those RULES.md gives (Điều 10: criteria) are not verified against
the official text; the citation names the document and the part of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules import common
from generator.rules import settings as st
from generator.rules.assess import (
    criteria_level,
    criteria_summary,
    disciplined_in,
    kem_criteria,
    split_criteria,
)
from generator.rules.base import Reason, Setting
from generator.rules.criteria import MEMBER_124, ORG_CRITERIA
from generator.rules.qd124_hd25_orgs import (
    org_criteria,
    org_khtnv,
    org_leaders_disciplined,
    org_needs_decision,
)
from generator.rules.quota import QuotaPolicy
from generator.rules.rule import MemberFacts, Rule, RuleList, rule
from generator.rules.spec import HeadCap, RulesetSpec
from generator.rules.wording import arrow, cap, discipline_text, pct
from generator.submissions.records import CriterionLevel, Level

ID = "qd124-hd25"
# 124-M6 (and 366, RULES.md X1): admitted < 6 months: neither reviewed nor rated
NEW_MEMBERS_REVIEWED = False
QD = "Quy định 124-QĐ/TW"
HD = "Hướng dẫn 25-HD/BTCTW"
C_CRIT = f"{QD}, Điều 10 (tiêu chí đánh giá); {HD}"
C_MEMBER = f"{QD}; {HD} (khung tiêu chuẩn xếp loại chất lượng đảng viên)"
C_NOT_RATED = f"{HD} (đối tượng không kiểm điểm, không xếp loại)"
C_EARLIER = f"{HD} (vi phạm từ năm trước bị kỷ luật trong năm đánh giá)"
C_QUOTA = f"{QD}; {HD} (tỷ lệ HTXSNV trong nhóm có chức năng tương đồng)"
C_HEAD = f"{QD}; {HD} (xếp loại người đứng đầu sau tập thể)"

BAND_RULE = {
    Level.HTXSNV: "124-M1",
    Level.HTTNV: "124-M2",
    Level.HTNV: "124-M3",
    Level.KHTNV: "124-M4",
}

QUOTA_SETTINGS = (
    st.quota_base("124-M5"),
    st.quota_rounding("124-M5"),
    st.quota_share("124-M5"),
    st.member_quota_pool("124-M5"),
)
HTTNV_REQUIRES_ALL_ON_TIME = Setting(
    "httnv_requires_all_on_time",
    True,
    (True, False),
    "124-M2",
    "Hoàn thành tốt nhiệm vụ đòi hỏi hoàn thành 100% nhiệm vụ, chỉ tiêu đúng tiến độ "
    "(`true`, mặc định; phần định lượng chưa đối chiếu văn bản gốc).",
)
KEM_RULE = Setting(
    "kem_rule",
    "any",
    ("any", "task_only"),
    "124-M4",
    "`any` (mặc định): một tiêu chí xếp Kém là Không hoàn thành nhiệm vụ; `task_only`: "
    "chỉ tiêu chí về kết quả nhiệm vụ xếp Kém mới là KHTNV, tiêu chí khác xếp Kém được "
    "nêu để cấp có thẩm quyền quyết định.",
)
OWN_TARGETS_UNDER_HALF_KHTNV = Setting(
    "own_targets_under_half_khtnv",
    True,
    (True, False),
    "124-M4",
    "Đảng viên hoàn thành dưới 50% nhiệm vụ, chỉ tiêu của bản thân là Không hoàn thành "
    "nhiệm vụ (`true`, mặc định).",
)


# --------------------------------------------------------------------------- members


@rule("124-M6", C_NOT_RATED)
def not_rated(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Exempted, suspended, or admitted under 6 months: neither reviewed nor rated.
    Case 20: admitted 01/09/2024 → not reviewed, not rated."""
    yield from common.status_not_rated(r, m, new_member_reviewed=NEW_MEMBERS_REVIEWED)


@rule("X1", C_MEMBER)
def review_completed(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A draft review is not rated."""
    yield from common.draft_not_rated(r, m)


def _criteria_for_assessment(m: MemberFacts) -> dict[str, CriterionLevel]:
    crit = dict(m.member.criteria)
    if m.settings[KEM_RULE.name] == "task_only":
        _, other = split_criteria(crit, MEMBER_124)
        for k, v in other.items():
            if v == CriterionLevel.KEM:
                crit[k] = CriterionLevel.TRUNG_BINH
    return crit


@rule("124-M1", C_CRIT, also=("124-M2", "124-M3", "124-M4"), settings=(KEM_RULE,))
def criteria(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """All criteria Tốt+ and task criteria Xuất sắc → HTXSNV (M1); task Tốt+, others Trung
    bình+ → HTTNV (M2); all Trung bình+ → HTNV (M3). HTXSNV also needs the results of
    `_excellent_needs_results`. Case 15: all Tốt+, tasks Xuất sắc."""
    yield from _excellent_needs_results(r, m)
    crit = _criteria_for_assessment(m)
    level = criteria_level(crit, MEMBER_124)
    if level is None:
        yield r.assessed(None, "Chưa tự đánh giá các tiêu chí (tieu_chi): chưa đủ căn cứ xếp loại")
        return
    rid = BAND_RULE[level]
    yield r.assessed(
        level, arrow(criteria_summary(m.member.criteria, MEMBER_124), level, rid), rule_id=rid
    )


def _excellent_needs_results(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """HTXSNV also needs 100% of tasks completed on time and 50% or more exceeded; a leader
    also needs the unit they lead to complete all its targets. Case 16: 40% exceeded →
    ceiling HTTNV."""
    tasks = m.member.tasks
    if tasks is None or not tasks.assigned:
        yield r.ceiling(
            Level.HTTNV,
            cap(
                "không kê khai nhiệm vụ, chỉ tiêu được giao (không có căn cứ sản phẩm cụ thể)",
                Level.HTTNV,
                r.id,
            ),
            citation=C_MEMBER,
        )
    else:
        on_time = tasks.on_time if tasks.on_time is not None else tasks.completed
        if tasks.completed < tasks.assigned or on_time < tasks.assigned:
            yield r.ceiling(
                Level.HTTNV,
                cap(
                    f"hoàn thành đúng hạn {on_time}/{tasks.assigned} nhiệm vụ (chưa đạt 100%)",
                    Level.HTTNV,
                    r.id,
                ),
                citation=C_MEMBER,
            )
        if tasks.exceeded * 2 < tasks.assigned:
            yield r.ceiling(
                Level.HTTNV,
                cap(
                    f"vượt {tasks.exceeded}/{tasks.assigned} nhiệm vụ "
                    f"({pct(tasks.exceeded / tasks.assigned)}, dưới 50%)",
                    Level.HTTNV,
                    r.id,
                ),
                citation=C_MEMBER,
            )
    unit = m.member.led_unit
    if unit is not None and not unit.all_targets_completed:
        yield r.ceiling(
            Level.HTTNV,
            cap(
                f"{unit.name} do đồng chí phụ trách chưa hoàn thành tất cả chỉ tiêu",
                Level.HTTNV,
                r.id,
            ),
            citation=C_MEMBER,
        )


@rule("124-M2", C_MEMBER, settings=(HTTNV_REQUIRES_ALL_ON_TIME,))
def good_needs_on_time(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """HTTNV needs 100% of tasks completed on time (setting `httnv_requires_all_on_time`,
    default true; UNVERIFIED)."""
    tasks = m.member.tasks
    if not m.settings[HTTNV_REQUIRES_ALL_ON_TIME.name] or tasks is None or not tasks.assigned:
        return
    on_time = tasks.on_time if tasks.on_time is not None else tasks.completed
    if tasks.completed < tasks.assigned or on_time < tasks.assigned:
        yield r.ceiling(
            Level.HTNV,
            cap(
                f"hoàn thành đúng hạn {on_time}/{tasks.assigned} nhiệm vụ, chỉ tiêu (chưa đạt 100%)",
                Level.HTNV,
                r.id,
            ),
        )


@rule("124-M4", C_MEMBER, settings=(KEM_RULE, OWN_TARGETS_UNDER_HALF_KHTNV))
def khtnv(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """KHTNV when: a criterion is Kém (`kem_rule`); suy thoái; violating what members must
    not do or the duty to set an example; disciplined in the year for a violation of the
    year unless self-detected and remedied; a leader whose unit completed under 50% of
    targets **and** missed key targets (force majeure excepted); under 50% of own tasks
    (`own_targets_under_half_khtnv`). Case 17: khiển trách, not self-detected → KHTNV;
    case 18: self-detected → criteria; case 29: unit at 45% with every key target met → no
    KHTNV from the unit."""
    member = m.member
    kem = kem_criteria(member.criteria, MEMBER_124)
    if kem:
        if m.settings[KEM_RULE.name] == "any":
            yield r.ceiling(
                Level.KHTNV, arrow("tiêu chí xếp Kém: " + ", ".join(kem), Level.KHTNV, r.id)
            )
        else:
            task, _ = split_criteria(member.criteria, MEMBER_124)
            task_kem = [k for k, v in task.items() if v == CriterionLevel.KEM]
            if task_kem:
                yield r.ceiling(
                    Level.KHTNV, arrow("tiêu chí về nhiệm vụ xếp Kém", Level.KHTNV, r.id)
                )
            else:
                yield r.flag(
                    "Có tiêu chí xếp Kém: "
                    + ", ".join(kem)
                    + " — cấp có thẩm quyền quyết định (124-M4, kem_rule)",
                    needs_decision=True,
                )
    yield from common.degradation_khtnv(r, m)
    yield from common.prohibited_khtnv(r, m)
    for d in disciplined_in(member.discipline, m.y):
        if d.violation_date is not None and d.violation_date.year < m.y:
            continue  # 124-M7: the earlier year is re-rated instead
        if d.self_detected_remedied:
            yield r.info(
                f"{discipline_text(d)}, nhưng tự phát hiện và đã khắc phục xong hậu "
                "quả: không đương nhiên KHTNV, xếp loại theo tiêu chí (124-M4)"
            )
            continue
        yield r.ceiling(Level.KHTNV, arrow(discipline_text(d), Level.KHTNV, r.id))
    unit = member.led_unit
    if (
        unit is not None
        and unit.targets_completed_share < 0.5
        and not unit.core_targets_met
        and not unit.force_majeure
    ):
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{unit.name} do đồng chí phụ trách hoàn thành {pct(unit.targets_completed_share)} "
                "chỉ tiêu (dưới 50%) và có chỉ tiêu chủ yếu không đạt",
                Level.KHTNV,
                r.id,
            ),
        )
    tasks = member.tasks
    if (
        m.settings[OWN_TARGETS_UNDER_HALF_KHTNV.name]
        and tasks is not None
        and tasks.assigned
        and tasks.completed_share < 0.5
    ):
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"hoàn thành {tasks.completed}/{tasks.assigned} nhiệm vụ, chỉ tiêu "
                f"({pct(tasks.completed_share)}, dưới 50%)",
                Level.KHTNV,
                r.id,
            ),
        )


@rule("124-M7", C_EARLIER)
def earlier_violation(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A violation from an earlier year disciplined in this year does not make this year
    KHTNV; the superior committee re-rates the earlier year with a re-rating record
    (`xep_loai_lai:` in a later year's quyet-dinh.yaml). Case 19."""
    for d in disciplined_in(m.member.discipline, m.y):
        if d.violation_date is not None and d.violation_date.year < m.y:
            yield r.info(
                f"{discipline_text(d)}: năm {m.y} không đương nhiên KHTNV; cấp ủy cấp trên xem "
                f"xét xếp loại lại năm {d.violation_date.year} (124-M7)"
            )


RULESET = RulesetSpec(
    id=ID,
    first_year=2023,
    new_members_reviewed=NEW_MEMBERS_REVIEWED,
    title_vi="Quy định 124-QĐ/TW và Hướng dẫn 25-HD/BTCTW",
    years_vi="2023–2024",
    citations=(
        "Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị",
        "Hướng dẫn 25-HD/BTCTW ngày 10/11/2023 của Ban Tổ chức Trung ương",
    ),
    member_criteria=MEMBER_124,
    org_criteria=ORG_CRITERIA,
    rules=RuleList(
        members=(
            not_rated,
            review_completed,
            criteria,
            good_needs_on_time,
            khtnv,
            earlier_violation,
        ),
        orgs=(org_criteria, org_leaders_disciplined, org_khtnv, org_needs_decision),
    ),
    member_quota=QuotaPolicy(
        "124-M5", C_QUOTA, pool_setting="member_quota_pool", settings=QUOTA_SETTINGS
    ),
    org_quota=QuotaPolicy("124-M5", C_QUOTA, settings=(st.org_quota_pool("124-M5"),)),
    head_cap=HeadCap("124-L1", C_HEAD, setting=st.head_cap("124-L1")),
    not_reviewed_rule=("X1", C_MEMBER),
)
