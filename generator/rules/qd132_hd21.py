"""Ruleset `qd132-hd21` (evaluation years 2018–2022): Quy định 132-QĐ/TW (08/3/2018) and
Hướng dẫn 21-HD/BTCTW (18/10/2019). RULES.md §2.

Each rule: id, citation, the settings it reads, and the worked case of RULES.md §6 in its
docstring. Article numbers beyond those RULES.md gives are not verified against the
official text; the citation names the document and the part of it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules import common
from generator.rules import settings as st
from generator.rules.assess import criteria_level, criteria_summary, disciplined_in
from generator.rules.base import Reason, Setting
from generator.rules.criteria import MEMBER_132, ORG_CRITERIA
from generator.rules.qd132_hd21_orgs import (
    C_LEAD,
    leadership_follows_org,
    leadership_khtnv,
    org_criteria,
    org_disciplined,
    org_khtnv,
)
from generator.rules.quota import QuotaPolicy
from generator.rules.rule import MemberFacts, Rule, RuleList, rule
from generator.rules.spec import HeadCap, RulesetSpec
from generator.rules.wording import arrow, cap, discipline_text, pct, vn_date
from generator.submissions.records import (
    Level,
    MemberKind,
)

ID = "qd132-hd21"
# 132-M7: admitted < 6 months: reviewed, not rated
NEW_MEMBERS_REVIEWED = True
QD = "Quy định 132-QĐ/TW"
HD = "Hướng dẫn 21-HD/BTCTW"
C_MEMBER = f"{QD}; {HD}, mục II.B.2 (xếp loại chất lượng đảng viên)"
C_CS = f"{HD}, mục II.B.2.3 (đảng viên là cán bộ, công chức, viên chức)"
C_NOT_RATED = f"{HD}, mục II.A (đối tượng kiểm điểm, xếp loại)"

BAND_RULE = {
    Level.HTXSNV: "132-M1",
    Level.HTTNV: "132-M2",
    Level.HTNV: "132-M3",
    Level.KHTNV: "132-M4",
}

QUOTA_SETTINGS = (
    st.quota_base("132-M5"),
    st.quota_rounding("132-M5"),
    st.quota_share("132-M5"),
)


# --------------------------------------------------------------------------- members


SUSPENDED_RATED = Setting(
    "suspended_rated",
    False,
    (True, False),
    "132-M7",
    "Đảng viên bị đình chỉ sinh hoạt đảng vẫn được kiểm điểm, xếp loại (`true`, cách làm "
    "của năm 2018 theo Hướng dẫn 16; nguồn yếu) hay không (`false`, mặc định theo Hướng "
    "dẫn 21).",
    year_defaults=((2018, True),),
)


@rule("132-M7", C_NOT_RATED, settings=(SUSPENDED_RATED,))
def not_rated(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Exempted or suspended: not reviewed, not rated (a suspended member is rated where
    `suspended_rated` is true: 2018, HD 16). Admitted < 6 months before the evaluation
    date: reviewed, not rated. Case 8: admitted 01/08 → "mới kết nạp dưới 6 tháng";
    case 9: exempted; suspended."""
    yield from common.status_not_rated(
        r,
        m,
        new_member_reviewed=NEW_MEMBERS_REVIEWED,
        suspended_rated=bool(m.settings[SUSPENDED_RATED.name]),
    )


@rule("132-M10", C_MEMBER)
def probationary(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A probationary (dự bị) member is reviewed and rated like a full member: the same
    rules apply; the verdict says so."""
    if m.member.kind is MemberKind.DU_BI:
        yield r.info(
            "Đảng viên dự bị: kiểm điểm, đánh giá, xếp loại như đảng viên chính thức (132-M10)"
        )


@rule("132-M9", C_MEMBER)
def review_completed(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A member must have completed the review (a draft file is not rated)."""
    yield from common.draft_not_rated(r, m)


@rule("132-M1", C_MEMBER, also=("132-M2", "132-M3", "132-M4"))
def criteria(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Criterion levels → level: task criteria Xuất sắc and others Tốt+ → HTXSNV (M1);
    task Tốt+, others Trung bình+ → HTTNV (M2); all Trung bình+ → HTNV (M3); below →
    KHTNV (M4). A civil servant's level also follows the agency's rating (see
    `_civil_servant`). Case 1: task Xuất sắc, others Tốt → HTXSNV (subject to quota)."""
    yield from _civil_servant(r, m)
    level = criteria_level(m.member.criteria, MEMBER_132)
    if level is None:
        yield r.assessed(None, "Chưa tự đánh giá các tiêu chí (tieu_chi): chưa đủ căn cứ xếp loại")
        return
    rid = BAND_RULE[level]
    yield r.assessed(
        level, arrow(criteria_summary(m.member.criteria, MEMBER_132), level, rid), rule_id=rid
    )


def _civil_servant(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A civil servant's party level follows the agency's rating: HTXSNV needs HTXSNV
    (M1), HTTNV needs HTTNV+ (M2), rated KHTNV by the agency → KHTNV (M4(c)).
    Case 3: agency HTTNV → ceiling HTTNV; case 4: agency KHTNV → KHTNV."""
    cs = m.member.civil_servant
    if cs is None or cs.level == Level.HTXSNV:
        return
    rid = {Level.HTTNV: "132-M1", Level.HTNV: "132-M2", Level.KHTNV: "132-M4"}[cs.level]
    agency = f" ({cs.agency})" if cs.agency else ""
    facts = f"cơ quan{agency} xếp loại công chức, viên chức mức {cs.level.label_vi}"
    text = arrow(facts, cs.level, rid) if cs.level == Level.KHTNV else cap(facts, cs.level, rid)
    yield r.ceiling(cs.level, text, rule_id=rid, citation=C_CS)


@rule("132-M4", C_MEMBER)
def khtnv(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """KHTNV when: (a) a competent body concluded suy thoái, "tự diễn biến", "tự chuyển
    hóa"; (b) under 50% of assigned tasks completed; (d) disciplined in the year, any form
    (one violation counts once: in the year of the decision). Case 5: 45% → KHTNV;
    case 6: khiển trách this year → KHTNV, not again next year."""
    member = m.member
    yield from common.degradation_khtnv(r, m)
    tasks = member.tasks
    if tasks is not None and tasks.assigned and tasks.completed_share < 0.5:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"hoàn thành {tasks.completed}/{tasks.assigned} nhiệm vụ, chỉ tiêu được giao "
                f"({pct(tasks.completed_share)}, dưới 50%)",
                Level.KHTNV,
                r.id,
            ),
        )
    for d in disciplined_in(member.discipline, m.y):
        yield r.ceiling(Level.KHTNV, arrow(discipline_text(d), Level.KHTNV, r.id))


@rule("132-M6", C_MEMBER)
def leave(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Sick leave totalling 3 months or more caps the level at HTNV; maternity leave: rated
    on the time actually worked. Case 7: excellent criteria, 4 months sick → ceiling HTNV."""
    months = m.member.sick_leave_months
    if months >= 3:
        shown = f"{months:g}".replace(".", ",")
        yield r.ceiling(
            Level.HTNV,
            cap(f"nghỉ ốm {shown} tháng trong năm (từ 3 tháng trở lên)", Level.HTNV, r.id),
        )
    if m.member.maternity_leave_months > 0:
        yield r.info("Nghỉ thai sản trong năm: đánh giá trên thời gian thực tế công tác (132-M6)")


@rule("132-M8", C_MEMBER)
def transfer(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Transferred in the year: the receiving chi bộ rates, with the former chi bộ's
    comments when the member spent 6 months or more there. Temporary activity elsewhere:
    rated at the official chi bộ with the temporary chi bộ's comments."""
    for t in m.member.transfers:
        if t.months_there >= 6 and not t.comments_received:
            yield r.flag(
                f"Chuyển sinh hoạt từ {t.from_unit} ngày {vn_date(t.date)}, đã sinh hoạt ở đó "
                f"{t.months_there:g} tháng: cần có nhận xét của chi bộ nơi cũ (132-M8)"
            )
    yield from common.temporary_activity(r, m)


RULESET = RulesetSpec(
    id=ID,
    first_year=2018,
    new_members_reviewed=NEW_MEMBERS_REVIEWED,
    title_vi="Quy định 132-QĐ/TW và Hướng dẫn 21-HD/BTCTW",
    years_vi="2018–2022",
    citations=(
        "Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị",
        "Hướng dẫn 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương",
    ),
    member_criteria=MEMBER_132,
    org_criteria=ORG_CRITERIA,
    rules=RuleList(
        members=(not_rated, probationary, review_completed, criteria, khtnv, leave, transfer),
        orgs=(org_criteria, org_disciplined, org_khtnv),
        leadership=(leadership_follows_org, leadership_khtnv),
    ),
    member_quota=QuotaPolicy(
        "132-M5", f"{QD}; {HD}, mục II.B.2 (tỷ lệ đảng viên HTXSNV)", settings=QUOTA_SETTINGS
    ),
    org_quota=QuotaPolicy(
        "132-O6",
        f"{QD}; {HD} (tỷ lệ tổ chức đảng HTXSNV)",
        settings=(st.org_quota_pool("132-O6"),),
    ),
    head_cap=HeadCap("132-L1", C_LEAD),
    not_reviewed_rule=("132-M9", C_MEMBER),
)
