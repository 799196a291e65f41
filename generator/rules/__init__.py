"""The rating stage: rulesets, their registry and the entry points.

    from generator.rules import rate_year, rate_years, REGISTRY, ruleset_for

    verdicts = rate_year(year)                   # one Year -> YearVerdicts
    by_year = rate_years({2023: y23, 2024: y24})  # oldest first, with history and re-ratings

Modules: `base` (verdict types), `rule` (the shape of a rule), `spec` (a ruleset as
data), `registry` (every ruleset; which one a year uses), `engine` (the shared driver),
`verdicts` (assembly), `decisions` (head caps; decisions and re-ratings above the
ceiling), `pools` and `quota` (quota pools), `flags` ("cần quyết định", X3), `lookup`
(proposals/decisions index), `problems` (findings `rule-...`),
`assess`/`common`/`bands366` (shared rule bodies), `settings` (settings several rulesets
share), `wording` (Vietnamese text helpers), `form` (what a file must add under a
ruleset), and one module per ruleset: `qd132_hd21`, `qd124_hd25`, `qd366_hd43` (each with
its `_orgs` module for the organization and leadership rules; 366's leaders, with its
head cap, in `_leaders`), `pending`. Adding a ruleset = one module defining a
`RulesetSpec` + `registry.register(...)` + its schema overlay + its tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.authority import re_rating_authority, re_rating_refused
from generator.findings import Finding
from generator.rules import qd124_hd25
from generator.rules.agencybasis import check_agency_dropped
from generator.rules.assess import is_new_member
from generator.rules.base import (
    Effect,
    History,
    NotRated,
    Reason,
    ReRatingApplied,
    Setting,
    Verdict,
    YearVerdicts,
)
from generator.rules.decisions import re_rating_problem
from generator.rules.engine import rate
from generator.rules.lookup import decided_by_text
from generator.rules.moveddiscipline import check_moved_discipline
from generator.rules.registry import (
    REGISTRY,
    default_ruleset_id,
    ruleset_id_for,
    ruleset_of,
    spec_for,
)
from generator.rules.reuse import RatingMemo
from generator.rules.shortcomings import check_counts, check_earlier_shortcomings
from generator.rules.spec import RulesetSpec
from generator.submissions.records import Level, MemberReview, MembershipStatus, YearConfig
from generator.submissions.year import Year
from generator.vietnamese import re_rated_vi


def ruleset_for(config: YearConfig | None) -> RulesetSpec:
    """The ruleset the year file names (R0); without a year file, `pending`."""
    return spec_for(config.year if config is not None else 0, config)


def review_expected(config: YearConfig | None, member: MemberReview) -> bool:
    """Whether the year's ruleset expects a completed review from `member`.

    Exempted and suspended members are neither reviewed nor rated (132-M7, 124-M6); a
    member admitted less than 6 months before the evaluation date is reviewed under
    132-M7 but not under 124-M6. The check stage validates such files for form only.
    """
    if member.status in (MembershipStatus.EXEMPTED, MembershipStatus.SUSPENDED):
        return False
    if config is not None and is_new_member(member.admitted, config.evaluation_date):
        return ruleset_for(config).new_members_reviewed
    return True


@dataclass
class VerdictHistory:
    """`History` over earlier years' verdicts (final levels include re-ratings)."""

    years: dict[int, YearVerdicts] = field(default_factory=dict)

    def final_level(self, year: int, member_id: str) -> Level | None:
        yv = self.years.get(year)
        v = yv.members.get(member_id) if yv else None
        return v.rated_level if v is not None else None


class _NoHistory:
    def final_level(self, year: int, member_id: str) -> Level | None:
        return None


def rate_year(
    year: Year, history: History | None = None, *, reuse: RatingMemo | None = None
) -> YearVerdicts:
    """Rate one year under the ruleset its year file names (`reuse`: generator.rules.reuse)."""
    spec = spec_for(year.year, year.config)
    return rate(spec, year, history or _NoHistory(), reuse)


def _after_rating(
    year: Year, before: Year | None, verdicts: YearVerdicts, spec: RulesetSpec
) -> None:
    """What is checked once a year is rated under `spec`, some of it against the year
    before's files (`before`, None when not loaded): 366-M1's earlier shortcomings
    (shortcomings.py), a discipline left in last year's file (moveddiscipline.py), the
    shortcomings' counts, and an agency rating dropped since last year (366-M10)."""
    check_earlier_shortcomings(year, before, verdicts)
    check_moved_discipline(year, before, verdicts)
    check_counts(year, verdicts)
    check_agency_dropped(year, before, verdicts, spec.agency_basis)


def rate_years(
    years: dict[int, Year], *, reuse: RatingMemo | None = None
) -> dict[int, YearVerdicts]:
    """Rate every year oldest first: each year sees the earlier ones (X3 "2 năm liền
    KHTNV" by stable member id) and its re-rating records (124-M7) change the earlier
    years' verdicts (`Verdict.re_rated`) before it is rated.

    `reuse` (a `RatingMemo` kept by the caller, or read from `.kiemdiem-cache/`) gives
    the same result, reusing members' verdicts whose inputs did not change."""
    history = VerdictHistory()
    out: dict[int, YearVerdicts] = {}
    for y in sorted(years):
        year = years[y]
        pending_re_ratings, refused = _collect_re_ratings(year, history, years)
        spec = spec_for(year.year, year.config)
        verdicts = rate(spec, year, history, reuse)
        _after_rating(year, years.get(y - 1), verdicts, spec)
        verdicts.re_ratings.extend(pending_re_ratings)
        verdicts.findings.extend(refused)
        for rr in pending_re_ratings:
            v = verdicts.members.get(rr.member_id)
            if v is not None:
                v.reasons.append(
                    Reason(
                        "124-M7",
                        qd124_hd25.C_EARLIER,
                        f"Cấp ủy cấp trên xếp loại lại năm {rr.earlier_year}: "
                        f"{_level_or_dash(rr.previous)} → {rr.level.label_vi} "
                        f"({rr.decision}{_heir(rr.successor_vi)}) (124-M7)",
                        Effect.INFO,
                    )
                )
        out[y] = verdicts
        history.years[y] = verdicts
    return out


def _level_or_dash(level: Level | None) -> str:
    return level.label_vi if level else "chưa xếp loại"


def _heir(text: str) -> str:
    return f"; {text}" if text else ""


def _collect_re_ratings(
    year: Year, history: VerdictHistory, trees: dict[int, Year]
) -> tuple[list[ReRatingApplied], list[Finding]]:
    """The year's re-ratings of earlier years (124-M7) that its body may make (RULES.md §7:
    the earlier year's deciding body, its successor across a change of tree, or a committee
    above them; generator/authority.py) and at or below the ceiling of the year they
    re-rate (X2); the others are findings and are not applied."""
    applied: list[ReRatingApplied] = []
    refused: list[Finding] = []
    for decisions in year.decisions.values():
        for rr in decisions.re_ratings:
            earlier_tree = trees.get(rr.year)
            who = re_rating_authority(earlier_tree, year, rr.member_id) if earlier_tree else None
            if who is not None and not who.allows(decisions.org_id):
                refused.append(re_rating_refused(year, decisions, rr, who))
                continue
            heir = who.text_vi(rr.year) if who is not None else ""
            earlier = history.years.get(rr.year)
            v = earlier.members.get(rr.member_id) if earlier else None
            problem = re_rating_problem(year, decisions, rr, earlier_tree, v) if v else None
            if problem is not None:  # not rated that year, or above its ceiling (X2): an
                refused.append(problem)  # error, and the year keeps its level (as case 36)
                continue
            previous = v.final if v is not None else None
            number = decided_by_text(year, decisions)
            applied.append(
                ReRatingApplied(rr.member_id, rr.year, rr.level, previous, number, rr.reason, heir)
            )
            if v is not None:
                v.re_rated = (year.year, rr.level, number)
                v.reasons.append(
                    Reason(
                        "124-M7",
                        qd124_hd25.C_EARLIER,
                        f"{re_rated_vi(rr.year, year.year)}: {_level_or_dash(previous)} → "
                        f"{rr.level.label_vi} ({number}{_heir(heir)}) (124-M7)",
                        Effect.INFO,
                    )
                )
    return applied, refused


def all_rule_ids() -> dict[str, list[str]]:
    """rule id -> the rulesets that implement it (for the rule-coverage test)."""
    ids: dict[str, list[str]] = {}
    for spec in REGISTRY.values():
        for r in spec.all_rules():
            for rid in r.ids:
                ids.setdefault(rid, []).append(spec.id)
        for rid in spec.rule_ids():
            ids.setdefault(rid, []).append(spec.id)
    return {k: sorted(set(v)) for k, v in ids.items()}


__all__ = [
    "REGISTRY",
    "Effect",
    "History",
    "NotRated",
    "RatingMemo",
    "ReRatingApplied",
    "Reason",
    "RulesetSpec",
    "Setting",
    "Verdict",
    "VerdictHistory",
    "YearVerdicts",
    "all_rule_ids",
    "default_ruleset_id",
    "rate_year",
    "rate_years",
    "ruleset_for",
    "ruleset_id_for",
    "ruleset_of",
    "spec_for",
]
