"""The site's one door to the earlier stages: load (generator.check), rate (generator.rules).

Keeping these calls here means the rest of generator/site depends only on `Year`,
`YearVerdicts` and `Finding`, and a change in how a stage is called is a change here.
"""

from __future__ import annotations

from pathlib import Path

from generator.findings import Finding
from generator.rules.base import Verdict, YearVerdicts
from generator.site.views import YearView
from generator.submissions.records import Level
from generator.submissions.year import Year


def load(repo: Path, year: int) -> tuple[Year, list[Finding]]:
    from generator.check import load_year

    loaded, result = load_year(repo, year)
    return loaded, list(result.findings)


class _History:
    """Final levels of the years rated before (RULES.md X3)."""

    def __init__(self, earlier: dict[int, YearVerdicts | None]) -> None:
        self.earlier = earlier

    def final_level(self, year: int, member_id: str) -> Level | None:
        verdicts = self.earlier.get(year)
        verdict: Verdict | None = verdicts.members.get(member_id) if verdicts else None
        return verdict.final if verdict else None


def rate(year: Year, earlier: dict[int, YearVerdicts | None]) -> YearVerdicts | None:
    """One year's verdicts, with the final levels of earlier years as history."""
    from generator.rules import rate_year

    return rate_year(year, _History(earlier))


def rate_all(years: dict[int, Year]) -> dict[int, YearVerdicts]:
    """Several years at once, oldest first: history flags and re-ratings (124-M7) between
    them are applied by the rating engine."""
    from generator.rules import rate_years

    return rate_years(dict(sorted(years.items())))


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
    try:
        from generator.rules import REGISTRY  # type: ignore[attr-defined]
    except ImportError:
        REGISTRY = {}
    ruleset = REGISTRY.get(year.ruleset_id)
    if ruleset is not None:
        title = ruleset.title_vi
        values = dict(year.config.settings) if year.config else {}
        settings_doc = [
            (s.name, values.get(s.name, s.default), s.rule, s.doc_vi) for s in ruleset.settings
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
