"""Verdict assembly (RULES.md X1): a verdict from its rules' reasons — not rated, or the
ceiling (the lowest cap), the assessed level (criteria capped by the ceiling) and flags."""

from __future__ import annotations

from collections.abc import Iterable

from generator.rules.base import Effect, Reason, Verdict
from generator.submissions.records import Level


def assemble(v: Verdict, reasons: Iterable[Reason]) -> None:
    """Fill `v` from its rules' reasons (X1)."""
    reasons = list(reasons)
    not_rated = [r for r in reasons if r.effect is Effect.NOT_RATED]
    if not_rated:
        first = not_rated[0]
        v.rated = False
        v.reviewed = first.reviewed
        v.not_rated = first.not_rated
        v.ceiling = v.assessed = None
        v.reasons = not_rated
        v.flags = [r for r in reasons if r.effect is Effect.FLAG]
        return
    v.reasons = [r for r in reasons if r.effect is not Effect.FLAG]
    v.flags = [r for r in reasons if r.effect is Effect.FLAG]
    recompute(v)


def recompute(v: Verdict) -> None:
    ceilings = [r.level for r in v.reasons if r.effect is Effect.CEILING and r.level]
    v.ceiling = min(ceilings, default=Level.HTXSNV)
    assessed = [r.level for r in v.reasons if r.effect is Effect.ASSESSED and r.level]
    base = min(assessed) if assessed else (Level.KHTNV if v.ceiling == Level.KHTNV else None)
    v.assessed = min(base, v.ceiling) if base is not None else None
    v.needs_decision = any(r.needs_decision for r in v.flags)


def binding(v: Verdict) -> list[Reason]:
    """The ceiling reasons that set the ceiling."""
    return [r for r in v.reasons if r.effect is Effect.CEILING and r.level == v.ceiling]
