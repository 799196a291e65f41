"""The dates of disciplinary decisions (`ky_luat` items), on a member's file and on an
organization's (`ky_luat` of the organization, `lanh_dao.ky_luat` of its leadership body),
against the evaluation year and each other (catalog: generator/messages/dates.py).

Discipline (committee-only data, x-pham-vi cap-uy on both kinds of file) counts in the year
of its decision (132-M4(d); 124-M4 and 366-M4 "disciplined in the evaluation year"; an
earlier violation decided this year is 124-M7 / 366-M8; an organization's or its leadership
body's in the rules named in ORGANIZATION and LEADERSHIP), so `generator.rules.assess.disciplined_in` passes
over any other item without a word. A trial of 2026 found a khiển trách dated 2027 (a typo)
silently gave HTTNV where 2026 gave KHTNV. So each item is checked here: decided after the
year (it cannot have been decided by this year's evaluation: an error, the file gives no
record — a member is not rated; a `to-chuc.yaml` is a broken organization file, as with a
schema error, so its folder's organizations and members are not rated — ; a warning while still within the round, by 31/01 of the next year, when it may be a
real decision of the next year that is not counted now), decided before the year (not
counted for this year: a warning that says why), a violation dated after its own decision
(an error). These findings are about the list's field (privacy:
generator.privacy.findings.FIELDS_OF_CODE, and `FINDING_FIELD` naming `lanh_dao.ky_luat`):
readers other than the committee see only that something is pending, and the dates quoted
are masked where findings are shown (generator.privacy.minimize).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.check.yeardates import deadline_window
from generator.findings import Finding, make
from generator.messages.dates import MEMBER_WORDS, ORG_WORDS
from generator.privacy import FINDING_FIELD
from generator.rules.assess import MEMBER_DISCIPLINE_RULES
from generator.submissions.records import Discipline, MemberReview, Organization, YearConfig
from generator.submissions.yamlload import Document
from generator.vietnamese import vn_date


@dataclass(frozen=True, slots=True)
class DisciplineList:
    """Where a file keeps a list of disciplinary decisions, the rules by which each ruleset
    counts it in the year of its decision (the first is the finding's rule), and the words
    its messages use for the file."""

    keys: tuple[str, ...]
    rules: dict[str, tuple[str, ...]]
    words: dict[str, str]


MEMBER = DisciplineList(
    ("ky_luat",),
    {ruleset: (rule,) for ruleset, rule in MEMBER_DISCIPLINE_RULES.items()},
    MEMBER_WORDS,
)
# the organization's own discipline: its own HTNV condition (132-O3) and its superior's
# "a subordinate unit disciplined" (132-O4, 124-O4 — also its own under 124 —, 124-O5 when
# self-detection is not stated, 366-O1)
ORGANIZATION = DisciplineList(
    ("ky_luat",),
    {
        "qd132-hd21": ("132-O3", "132-O4"),
        "qd124-hd25": ("124-O4", "124-O5"),
        "qd366-hd43": ("366-O1",),
    },
    ORG_WORDS,
)
# the leadership body's: 132-L2 and its organization's 132-O4, 124-O4; QĐ 366 rates the
# body on its members' discipline (366-L3), so no 366 rule counts this list
LEADERSHIP = DisciplineList(
    ("lanh_dao", "ky_luat"),
    {"qd132-hd21": ("132-L2", "132-O4"), "qd124-hd25": ("124-O4",)},
    ORG_WORDS,
)
DISCIPLINE_LISTS = (MEMBER, ORGANIZATION, LEADERSHIP)


def member_discipline_findings(
    member: MemberReview, document: Document, path: str, config: YearConfig | None
) -> list[Finding]:
    return discipline_findings(member.discipline, MEMBER, document, path, config)


def org_date_findings(
    org: Organization, document: Document, path: str, config: YearConfig | None
) -> list[Finding]:
    """The disciplinary decisions of an organization file (`to-chuc.yaml`) whose dates do
    not fit the year or each other: the organization's, then its leadership body's."""
    own = discipline_findings(org.discipline, ORGANIZATION, document, path, config)
    body = org.leadership.discipline
    return own + discipline_findings(body, LEADERSHIP, document, path, config)


def discipline_findings(
    items: list[Discipline],
    where: DisciplineList,
    document: Document,
    path: str,
    config: YearConfig | None,
) -> list[Finding]:
    """The decisions `items` (kept at `where` in `document`) whose dates do not fit the
    year or each other (module docstring); dates are quoted as written (`YYYY-MM-DD`),
    which is what generator.privacy.minimize masks on committee-only lines. Without a
    year file, only the order of each item's dates."""
    found: list[Finding] = []
    rules = where.rules.get(config.ruleset, ()) if config is not None else ()
    field = ".".join(where.keys)
    extra: dict[str, object] | None = {FINDING_FIELD: where.keys} if len(where.keys) > 1 else None
    for i, d in enumerate(items):
        decided_at = document.value_pos((*where.keys, i, "ngay_quyet_dinh"))
        item: dict[str, Any] = {
            "item": i + 1,
            "decided": d.decision_date.isoformat(),
            "field": field,
            **where.words,
        }
        if d.violation_date is not None and d.violation_date > d.decision_date:
            pos = document.value_pos((*where.keys, i, "ngay_vi_pham"))
            found.append(
                make(
                    "date-violation-after-decision",
                    path,
                    pos,
                    extra=extra,
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
        params: dict[str, Any] = {"year": year, **item}  # never the decision's own year
        variant = ""
        if decided_year > year:
            code = "date-discipline-after-evaluation"
            params["evaluation"] = vn_date(config.evaluation_date)
            # within the round (decisions run into January, yeardates.DEADLINE_LAST) it
            # may be a real decision of next year: not counted now, and not an error
            variant = "round" if d.decision_date <= deadline_window(year)[1] else ""
        elif decided_year < year:
            code = "date-discipline-before-year"
        else:
            continue
        rule_text = f" ({', '.join(rules)})" if rules else ""
        found.append(
            make(
                code,
                path,
                decided_at,
                variant=variant,
                extra=extra,
                rule=rules[0] if rules else "",
                rule_text=rule_text,
                line=decided_at.line,
                **params,
            )
        )
    return found
