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

Discipline (`ky_luat`, committee-only data) counts in the year of its decision (132-M4(d);
124-M4 and 366-M4 "disciplined in the evaluation year"; an earlier violation decided this
year is 124-M7 / 366-M8), so `generator.rules.assess.disciplined_in` passes over any other
item without a word. A trial of 2026 found a khiển trách dated 2027 (a typo) silently gave
HTTNV where 2026 gave KHTNV. So each item is checked here: decided after the year (it cannot
have been decided by this year's evaluation: an error, the file is not rated; a warning
while still within the round, by 31/01 of the next year, when it may be a real decision of
the next year that is not counted now), decided
before the year (not counted for this year: a warning that says why), a violation dated
after its own decision (an error). These findings are about `ky_luat` (privacy:
generator.privacy.findings.FIELDS_OF_CODE): readers other than the committee see only that
something is pending, and the dates quoted are masked where findings are shown
(generator.privacy.minimize).
"""

from __future__ import annotations

from typing import Any

from generator.check.yeardates import deadline_window, evaluation_in_year
from generator.findings import Finding, make
from generator.submissions.records import MemberReview, YearConfig
from generator.submissions.yamlload import Document
from generator.vietnamese import vn_date

ADMITTED = ("ngay_vao_dang",)
BORN = ("ngay_sinh",)
DISCIPLINE = "ky_luat"
# the rule by which a ruleset counts a disciplinary decision in the year of its decision
DISCIPLINE_RULE = {"qd132-hd21": "132-M4", "qd124-hd25": "124-M4", "qd366-hd43": "366-M4"}


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
    return found + discipline_findings(member, document, path, config)


def discipline_findings(
    member: MemberReview, document: Document, path: str, config: YearConfig | None
) -> list[Finding]:
    """The disciplinary decisions of `member` whose dates do not fit the year or each other
    (module docstring); dates are quoted as written (`YYYY-MM-DD`), which is what
    generator.privacy.minimize masks on committee-only lines."""
    found: list[Finding] = []
    rule = DISCIPLINE_RULE.get(config.ruleset, "") if config is not None else ""
    for i, d in enumerate(member.discipline):
        decided_at = document.value_pos((DISCIPLINE, i, "ngay_quyet_dinh"))
        item: dict[str, Any] = {"item": i + 1, "decided": d.decision_date.isoformat()}
        if d.violation_date is not None and d.violation_date > d.decision_date:
            pos = document.value_pos((DISCIPLINE, i, "ngay_vi_pham"))
            found.append(
                make(
                    "date-violation-after-decision",
                    path,
                    pos,
                    violated=d.violation_date.isoformat(),
                    decided_line=decided_at.line,
                    line=pos.line,
                    **item,
                )
            )
        if config is None:
            continue
        year = config.year
        decided_year = d.decision_date.year
        where: dict[str, Any] = {"year": year, **item}  # never the decision's own year
        variant = ""
        if decided_year > year:
            code = "date-discipline-after-evaluation"
            where["evaluation"] = vn_date(config.evaluation_date)
            # within the round (decisions run into January, yeardates.DEADLINE_LAST) it
            # may be a real decision of next year: not counted now, and not an error
            variant = "round" if d.decision_date <= deadline_window(year)[1] else ""
        elif decided_year < year:
            code = "date-discipline-before-year"
        else:
            continue
        rule_text = f" ({rule})" if rule else ""
        found.append(
            make(
                code,
                path,
                decided_at,
                variant=variant,
                rule=rule,
                rule_text=rule_text,
                line=decided_at.line,
                **where,
            )
        )
    return found
