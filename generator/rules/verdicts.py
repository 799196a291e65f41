"""Verdict assembly (RULES.md X1): a verdict from its rules' reasons — not rated, or the
ceiling (the lowest cap), the assessed level (criteria capped by the ceiling) and flags."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from generator.rules.base import Effect, Reason, Verdict
from generator.submissions.records import Level

if TYPE_CHECKING:
    from generator.rules.rule import MemberFacts

_NOT_RATED, _CEILING, _ASSESSED, _FLAG = (
    Effect.NOT_RATED,
    Effect.CEILING,
    Effect.ASSESSED,
    Effect.FLAG,
)


def assemble(v: Verdict, reasons: Iterable[Reason]) -> None:
    """Fill `v` from its rules' reasons (X1): with a not-rated reason, the not-rated
    reasons and the flags; else the reasons but flags, the flags, and the levels. (One pass:
    it runs for every member of a province.)"""
    kept: list[Reason] = []
    flags: list[Reason] = []
    not_rated: list[Reason] = []
    for r in reasons:
        effect = r.effect
        if effect is _FLAG:
            flags.append(r)
        else:
            kept.append(r)
            if effect is _NOT_RATED:
                not_rated.append(r)
    if not_rated:
        first = not_rated[0]
        v.rated = False
        v.reviewed = first.reviewed
        v.not_rated = first.not_rated
        v.ceiling = v.assessed = None
        v.reasons = not_rated
        v.flags = flags
        return
    v.reasons = kept
    v.flags = flags
    recompute(v)


def recompute(v: Verdict) -> None:
    """The ceiling (the lowest cap, HTXSNV without one), the assessed level (the lowest
    criteria level capped by the ceiling; KHTNV when capped there without criteria) and
    whether a flag asks for a decision."""
    ceiling = Level.HTXSNV
    assessed: Level | None = None
    for r in v.reasons:
        level = r.level
        if level is None:
            continue
        effect = r.effect
        if effect is _CEILING:
            if level < ceiling:
                ceiling = level
        elif effect is _ASSESSED and (assessed is None or level < assessed):
            assessed = level
    v.ceiling = ceiling
    base = assessed if assessed is not None else (Level.KHTNV if ceiling == Level.KHTNV else None)
    v.assessed = min(base, ceiling) if base is not None else None
    v.needs_decision = any(r.needs_decision for r in v.flags)


def binding(v: Verdict) -> list[Reason]:
    """The ceiling reasons that set the ceiling."""
    return [r for r in v.reasons if r.effect is Effect.CEILING and r.level == v.ceiling]


def member_verdict(
    v: Verdict, facts: MemberFacts, rules: Iterable[Callable[[MemberFacts], Iterable[Reason]]]
) -> Verdict:
    """`v` assembled from every member rule's reasons about `facts`: a member's verdict
    from its rules (the engine's step 2; generator/rules/loaded.py as records arrive)."""
    reasons: list[Reason] = []
    for func in rules:
        reasons.extend(func(facts))
    assemble(v, reasons)
    return v
