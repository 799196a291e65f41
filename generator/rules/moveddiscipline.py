"""A member's discipline decided in the year after the file's year, still waiting in that
file: counted in no year until the next year's file holds it.

A decision may come in January of year N+1 while year N's files are still open; written in
year N's file it is told there (generator.check.disciplinedates: a warning, not counted for
N, since discipline counts in the year of its decision — 132-M4, 124-M4, 366-M4) with the
hint to move it to the next year's file. Nothing then made sure it got there: a trial of
the 2026 round dated a 2026 decision into January 2027 and it counted in no year. So, for
each member of year N-1 with such an item decided in year N, year N's file of the same
member must hold it (same decision date and form); else a warning at that file's
`ky_luat` (its first line without one), for the deciding committee. A member with no file
in year N is told by the carry-over warning (generator.check.carryover).

The finding quotes neither the date nor the form: they are committee-only, and written in
another file than the finding's, which the masking of findings does not read
(generator.privacy.minimize); the item is named by its place in last year's list.

Run by `rate_years` with the year before's files, as generator.rules.shortcomings.
"""

from __future__ import annotations

from generator.findings import make
from generator.privacy import FINDING_FIELD, FINDING_MEMBER, FINDING_SCOPE, Scope
from generator.rules.assess import MEMBER_DISCIPLINE_RULES
from generator.rules.base import YearVerdicts
from generator.rules.run import member_label, review_place
from generator.submissions.year import Year

CODE = "rule-discipline-not-moved"


def check_moved_discipline(year: Year, before: Year | None, out: YearVerdicts) -> None:
    """The warnings of the module docstring for `year` (`before`: the year before's files,
    None when not loaded)."""
    if before is None:
        return
    ruleset = year.config.ruleset if year.config is not None else ""
    rule = MEMBER_DISCIPLINE_RULES.get(ruleset or "", "")
    for member_id, earlier in before.members.items():
        # (its place in last year's list, the item) of those decided in this year
        moved = [
            (i, d)
            for i, d in enumerate(earlier.discipline, start=1)
            if d.decision_date.year == year.year
        ]
        now = year.members.get(member_id) if moved else None
        if now is None or now.source is None:
            continue
        held = {(d.decision_date, d.form) for d in now.discipline}
        missing = [i for i, d in moved if (d.decision_date, d.form) not in held]
        if not missing:
            continue
        path, pos = review_place(now, ("ky_luat",) if now.discipline else None)
        out.findings.append(
            make(
                CODE,
                path,
                pos,
                rule=rule,
                actor="committee",
                related=[earlier.source.path] if earlier.source else [],
                extra={
                    FINDING_SCOPE: Scope.CAP_UY.slug,
                    FINDING_MEMBER: member_id,
                    FINDING_FIELD: ["ky_luat"],
                },
                member=member_label(now, member_id),
                before_year=before.year,
                before_path=earlier.source.path if earlier.source else "",
                items=", ".join(map(str, missing)),
                year=year.year,
                rule_text=f" ({rule})" if rule else "",
            )
        )
