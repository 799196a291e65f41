"""The dates of one member's file that cannot be right: admitted or born after the year's
evaluation date (`ngay_danh_gia` of nam-danh-gia.yaml), or admitted on or before the day of
birth. Each is an error at the line of the date (catalog: generator/messages/dates.py).

Why they are errors and not left to the rating: the admission date decides whether a member
is rated at all (admitted under 6 months before the evaluation date: 132-M7, 124-M6, QĐ 366
Điều 5 khoản 2.1), so a typo (2027 for 2007) made the member a "new member" and sent the
committee a `rule-decision-not-rated` telling it to comment its own decision out. A file
with one of these errors gives no record, as a file with a schema error does: the member is
listed as a broken file (not rated, "Bản kiểm điểm có lỗi"), their decision line is not
applied and makes no finding of its own — the one thing to fix is the date in this file.

No age rule: RULES.md states no minimum age at admission, so only the order of the dates
is checked (the Charter's age is for the party's rules to state, not for this check).

While the year's evaluation date is outside its own year (generator.check.yeardates makes
that an error on the year file), no date is compared with it: the year file is what to fix.

The dates of its disciplinary decisions (`ky_luat`) are checked as an organization's are,
by generator.check.disciplinedates.
"""

from __future__ import annotations

from typing import Any

from generator.check.disciplinedates import member_discipline_findings
from generator.check.yeardates import evaluation_in_year
from generator.findings import Finding, make
from generator.submissions.records import MemberReview, YearConfig
from generator.submissions.yamlload import Document
from generator.vietnamese import vn_date

ADMITTED = ("ngay_vao_dang",)
BORN = ("ngay_sinh",)


def date_findings(
    member: MemberReview, document: Document, path: str, config: YearConfig | None
) -> list[Finding]:
    """The impossible dates of `member` (its file `path`, parsed as `document`); the year's
    evaluation date is `config`'s (without a year file, only the order of the dates)."""
    found: list[Finding] = []
    admitted, born = member.admitted, member.birth_date
    if config is not None and evaluation_in_year(config):
        evaluation = config.evaluation_date
        where: dict[str, Any] = {"year": config.year, "evaluation": vn_date(evaluation)}
        if admitted > evaluation:
            pos = document.value_pos(ADMITTED)
            found.append(
                make(
                    "date-admitted-after-evaluation",
                    path,
                    pos,
                    admitted=vn_date(admitted),
                    line=pos.line,
                    **where,
                )
            )
        if born is not None and born > evaluation:
            pos = document.value_pos(BORN)
            found.append(make("date-born-after-evaluation", path, pos, line=pos.line, **where))
    # after a date found later than the evaluation, the order says nothing more
    if not found and born is not None and admitted <= born:
        pos = document.value_pos(ADMITTED)
        found.append(
            make(
                "date-admitted-before-birth",
                path,
                pos,
                admitted=vn_date(admitted),
                line=pos.line,
                birth_line=document.value_pos(BORN).line,
            )
        )
    return found + member_discipline_findings(member, document, path, config)
