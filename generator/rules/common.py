"""Rule bodies shared by several rulesets, parameterised by the rule id and citation the
calling ruleset gives them (so the reason names that ruleset's rule)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.assess import is_new_member, months_between
from generator.rules.base import NotRated, Reason
from generator.rules.rule import MemberFacts, Rule
from generator.rules.wording import arrow, vn_date
from generator.submissions.records import FileState, Level, MembershipStatus


def status_not_rated(
    r: Rule[MemberFacts],
    m: MemberFacts,
    *,
    new_member_reviewed: bool,
    suspended_rated: bool = False,
) -> Iterator[Reason]:
    """Exempted / suspended: neither reviewed nor rated (suspended members are rated where
    the ruleset's `suspended_rated` says so: 2018). Admitted under 6 months before the
    evaluation date: reviewed but not rated (132-M7) or neither (124-M6)."""
    member = m.member
    if member.status is MembershipStatus.EXEMPTED:
        yield r.not_rated(
            NotRated.EXEMPTED,
            f"Được miễn công tác và sinh hoạt đảng: không kiểm điểm, không xếp loại ({r.id})",
            reviewed=False,
        )
    elif member.status is MembershipStatus.SUSPENDED and not suspended_rated:
        yield r.not_rated(
            NotRated.SUSPENDED,
            f"Đang bị đình chỉ sinh hoạt đảng: không kiểm điểm, không xếp loại ({r.id})",
            reviewed=False,
        )
    elif is_new_member(member.admitted, m.evaluation_date):
        months = max(months_between(member.admitted, m.evaluation_date), 0)
        what = (
            "có kiểm điểm, không xếp loại"
            if new_member_reviewed
            else ("không kiểm điểm, không xếp loại")
        )
        yield r.not_rated(
            NotRated.NEW_MEMBER,
            f"Kết nạp ngày {vn_date(member.admitted)}, mới {months} tháng tính đến ngày đánh "
            f"giá {vn_date(m.evaluation_date)} (dưới 6 tháng): {what} ({r.id})",
            reviewed=new_member_reviewed,
        )


def draft_not_rated(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A member must have completed the review to be rated (132-M9; X1 elsewhere)."""
    if m.member.state is FileState.DRAFT:
        yield r.not_rated(
            NotRated.NOT_REVIEWED,
            f"Bản kiểm điểm còn là bản nháp (trang_thai_ho_so: nhap): chưa xếp loại ({r.id})",
            reviewed=False,
        )


def degradation_khtnv(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A competent body's finding of degradation makes a member KHTNV (132-M4a, 124-M4,
    366-M4)."""
    if m.member.degradation_finding:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                "cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "
                "“tự diễn biến”, “tự chuyển hóa”",
                Level.KHTNV,
                r.id,
            ),
        )


def prohibited_khtnv(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Violating what members must not do or the duty to set an example makes a member
    KHTNV (124-M4, 366-M4)."""
    if m.member.prohibited_violation:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                "vi phạm những điều đảng viên không được làm hoặc trách nhiệm nêu gương",
                Level.KHTNV,
                r.id,
            ),
        )


def temporary_activity(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """A member in temporary activity elsewhere is rated at the official chi bộ with the
    temporary chi bộ's comments (132-M8, 366-M9): flag a missing comment."""
    ta = m.member.temporary_activity
    if (ta is not None or m.member.status is MembershipStatus.TEMPORARY_ELSEWHERE) and not (
        ta and ta.comments_received
    ):
        unit = ta.unit if ta else "nơi sinh hoạt tạm thời"
        yield r.flag(
            f"Sinh hoạt tạm thời ở {unit}: được xếp loại ở chi bộ chính thức, cần có nhận xét "
            f"của chi bộ nơi sinh hoạt tạm thời ({r.id})"
        )
