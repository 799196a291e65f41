"""The site's one door to the earlier stages: rated years (generator.pipeline) -> views.

The site never loads or rates: it receives `RatedYears` from the pipeline (which years,
with which history, is decided there) and turns them into `YearView`s here, the same way
for `build` and `serve`. The rest of generator/site depends only on `YearView`.
"""

from __future__ import annotations

from generator.findings import Finding
from generator.pipeline import RatedYears
from generator.rules.base import YearVerdicts
from generator.rules.registry import REGISTRY, ruleset_of
from generator.site.views import YearView
from generator.submissions.year import Year


def view(
    year: Year,
    verdicts: YearVerdicts | None,
    findings: list[Finding],
    *,
    previous: YearView | None = None,
    years: list[int] | None = None,
) -> YearView:
    """A YearView with the ruleset's title and documented settings, when known."""
    title, settings_doc = "", []
    ruleset = REGISTRY[ruleset_of(year)]
    if ruleset is not None:
        title = ruleset.title_vi
        values = dict(year.config.settings) if year.config else {}
        settings_doc = [
            (s.name, values.get(s.name, s.default_for(year.year)), s.rule, s.doc_vi)
            for s in ruleset.settings
        ]
    return YearView(
        year,
        verdicts,
        findings,
        ruleset_title=title,
        settings_doc=settings_doc,
        previous=previous,
        years=years,
    )


def views(rated: RatedYears) -> dict[int, YearView]:
    """A view of every rated year, oldest first, each with the year before as `previous`
    (the comparison) when it was loaded."""
    out: dict[int, YearView] = {}
    for r in rated:
        out[r.number] = view(
            r.year,
            r.verdicts,
            r.findings,
            previous=out.get(r.number - 1),
            years=rated.all_years,
        )
    return out
