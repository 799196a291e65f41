"""Ruleset `qd366-hd43`: who is a leader (the member's form, Phụ lục 3) and the rules for
leaders (366-L1, 366-L2), with the head cap the ruleset reads from X2. RULES.md §4. The
ruleset itself is assembled in `qd366_hd43`."""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules import settings as st
from generator.rules.base import Reason, Setting
from generator.rules.rule import MemberFacts, Rule, rule
from generator.rules.spec import HeadCap
from generator.rules.wording import arrow, pct
from generator.submissions.records import Level, MemberForm, MemberReview

QD = "Quy định 366-QĐ/TW"
HD = "Hướng dẫn 43-HD/BTCTW"

FORM_TEXT = {
    MemberForm.LEADER: "Phụ lục 3 (cán bộ lãnh đạo, quản lý)",
    MemberForm.MEMBER: "Phụ lục 4 (đảng viên không giữ chức vụ lãnh đạo, quản lý)",
    MemberForm.OUTSIDE: "Phụ lục 5 (đảng viên ngoài hệ thống chính trị)",
}

C_LEADER = f"{QD}; {HD}, {FORM_TEXT[MemberForm.LEADER]} (người đứng đầu, cán bộ lãnh đạo)"


def form_of(member: MemberReview) -> MemberForm:
    """The form the member's file names (`mau_bieu`), else the one its facts imply: a
    leader (`don_vi_phu_trach`) Phụ lục 3, outside the political system Phụ lục 5."""
    if member.form is not None:
        return member.form
    if member.led_unit is not None:
        return MemberForm.LEADER
    return MemberForm.OUTSIDE if member.outside_political_system else MemberForm.MEMBER


# --------------------------------------------------------------------------- leaders


@rule("366-L1", C_LEADER)
def leader(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A leader is KHTNV when the unit they lead completed under 70% of tasks, missed the
    basic socio-economic targets, has more than 50% of its units KHTNV, more than 50% of
    confidence votes are low, or an organization or person under their direct management
    had a case of corruption, waste or negativity handled by discipline."""
    u = m.member.led_unit
    if u is None:
        return
    cases = []
    if u.targets_completed_share < 0.7:
        cases.append(f"{u.name} hoàn thành {pct(u.targets_completed_share)} nhiệm vụ (dưới 70%)")
    if not u.core_targets_met:
        cases.append(f"{u.name} không đạt các chỉ tiêu cơ bản")
    if u.units_khtnv_share > 0.5:
        cases.append(f"{u.name} có {pct(u.units_khtnv_share)} đơn vị KHTNV (trên 50%)")
    if u.low_confidence_share > 0.5:
        cases.append(f"{pct(u.low_confidence_share)} phiếu tín nhiệm thấp (trên 50%)")
    if u.corruption_case:
        cases.append(
            "tổ chức, cá nhân do đồng chí trực tiếp quản lý có vụ việc tham nhũng, lãng phí, "
            "tiêu cực bị xử lý kỷ luật"
        )
    for case in cases:
        yield r.ceiling(Level.KHTNV, arrow(case, Level.KHTNV, r.id))


LEADER_UNIT_ANALOGY = Setting(
    "leader_unit_analogy",
    True,
    (True, False),
    "366-L2",
    "Mức HTTNV, HTNV của người lãnh đạo cũng đòi hỏi kết quả tương ứng của đơn vị mình phụ "
    "trách (100% đúng hạn; 100% hoàn thành, chậm không quá 20%) — suy theo mức HTXSNV, chưa "
    "đối chiếu văn bản (`true`, mặc định); `false`: chỉ xét điều kiện của mức HTXSNV.",
)


# --------------------------------------------------------------------------- head cap

C_HEAD = (
    f"{QD}; {HD}; RULES.md X2 (người đứng đầu không được xếp loại cao hơn tổ chức mình đứng "
    "đầu; Quy định 366 không có quy định riêng, cách đọc chưa đối chiếu văn bản)"
)
# RULES.md §4 states no head cap of its own (132-L1, 124-L1 do): under 366 a head above
# their unit is X2's ("a head above their unit is an error"), UNVERIFIED against the texts,
# so it reads the `head_cap` setting, on by default as X2 says for every ruleset. It caps
# the head at the level of the organization they head; 366-L2 (their unit's task results)
# is a separate condition on a leader's own level, which this cap does not replace.
HEAD_CAP = HeadCap(
    "X2",
    C_HEAD,
    setting=st.head_cap(
        "X2",
        "Dưới qd366-hd43: Quy định 366 không có dòng riêng về người đứng đầu; đây là cách "
        "đọc quy tắc X2 (chưa đối chiếu văn bản).",
    ),
)
