"""The shape of a rule (yamllint-style): an id, a citation, the settings it reads, a pure
function yielding `Reason`s, and a docstring holding the worked case.

    @rule("132-M6", CITE_132, settings=())
    def sick_leave(m: MemberFacts) -> Iterator[Reason]:
        \"\"\"Sick leave >= 3 months caps the level at HTNV (RULES.md §6 case 7).\"\"\"
        ...

A ruleset module lists its rules in tuples (`MEMBER_RULES`, `ORG_RULES`,
`LEADERSHIP_RULES`); the engine (generator.rules.engine) runs them and assembles verdicts.
Rules never see each other's output and never branch on the ruleset id.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from generator.rules.base import Effect, NotRated, Reason, Setting, Verdict
from generator.submissions.records import Level, MemberReview, Organization
from generator.submissions.year import Year

F = TypeVar("F")


@dataclass(frozen=True)
class MemberFacts:
    """What a member rule may look at."""

    year: Year
    member: MemberReview
    settings: dict[str, Any]
    evaluation_date: dt.date

    @property
    def y(self) -> int:
        return self.year.year


@dataclass(frozen=True)
class OrgFacts:
    """What an organization rule may look at: the organization, its members' and its
    subordinate organizations' verdicts (their final levels, rated bottom-up)."""

    year: Year
    org: Organization
    settings: dict[str, Any]
    evaluation_date: dt.date
    member_verdicts: list[Verdict]  # members of this chi bộ (empty for a đảng bộ)
    child_verdicts: list[Verdict]  # subordinate organizations
    members_by_id: dict[str, MemberReview]
    own_verdict: Verdict | None = None  # for leadership rules: the organization's verdict

    @property
    def y(self) -> int:
        return self.year.year

    @property
    def units(self) -> list[Verdict]:
        """What the organization's level is built from: subordinate organizations for a
        đảng bộ, members for a chi bộ (132-O1/O2)."""
        return self.child_verdicts if self.child_verdicts else self.member_verdicts

    def leadership_members(self) -> list[MemberReview]:
        return [
            self.members_by_id[i] for i in self.org.leadership.all_ids if i in self.members_by_id
        ]

    def child_orgs(self) -> list[Organization]:
        return [self.year.orgs[c] for c in self.org.children if c in self.year.orgs]


RuleFunc = Callable[[Any], Iterator[Reason]]


@dataclass(frozen=True)
class Rule(Generic[F]):
    id: str  # RULES.md rule id
    citation: str  # document and article
    settings: tuple[Setting, ...]  # the settings the rule reads, declared beside it
    func: Callable[[F], Iterator[Reason]]
    doc: str = ""
    also: tuple[str, ...] = ()  # further rule ids the function decides (e.g. M1..M4 bands)

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.id, *self.also)

    def __call__(self, facts: F) -> Iterator[Reason]:
        return self.func(facts)

    # --- helpers for building reasons that carry this rule's id and citation
    def _id(self, rule_id: str | None) -> str:
        """The rule id a reason carries: this rule's own, or one it declares in `also`."""
        if rule_id is None:
            return self.id
        if rule_id not in self.ids:
            raise ValueError(f"rule {self.id} emits {rule_id}, which it does not declare")
        return rule_id

    def ceiling(
        self, level: Level, text: str, *, rule_id: str | None = None, citation: str = ""
    ) -> Reason:
        return Reason(self._id(rule_id), citation or self.citation, text, Effect.CEILING, level)

    def assessed(
        self, level: Level | None, text: str, *, rule_id: str | None = None, citation: str = ""
    ) -> Reason:
        return Reason(self._id(rule_id), citation or self.citation, text, Effect.ASSESSED, level)

    def not_rated(self, why: NotRated, text: str, *, reviewed: bool) -> Reason:
        return Reason(
            self.id, self.citation, text, Effect.NOT_RATED, None, not_rated=why, reviewed=reviewed
        )

    def flag(
        self, text: str, *, needs_decision: bool = False, rule_id: str | None = None
    ) -> Reason:
        return Reason(
            self._id(rule_id), self.citation, text, Effect.FLAG, needs_decision=needs_decision
        )

    def info(self, text: str, *, rule_id: str | None = None) -> Reason:
        return Reason(self._id(rule_id), self.citation, text, Effect.INFO)


def rule(
    rule_id: str,
    citation: str,
    *,
    settings: tuple[Setting, ...] = (),
    also: tuple[str, ...] = (),
) -> Callable[[Callable[..., Iterator[Reason]]], Rule[Any]]:
    """Declare a rule: the decorated function receives the facts and the `Rule` itself
    (so it can build reasons carrying its id and citation)."""

    def wrap(func: Callable[..., Iterator[Reason]]) -> Rule[Any]:
        r: Rule[Any] = Rule(rule_id, citation, settings, func, (func.__doc__ or "").strip(), also)
        # `func` bound to its rule in C (functools.partial): the engine calls `r.func(facts)`
        # for every member (8 rules × a province's 100,000), so no Python frame in between
        object.__setattr__(r, "func", functools.partial(func, r))
        return r

    return wrap


@dataclass
class RuleList:
    """The rules of one ruleset, by subject."""

    members: tuple[Rule[MemberFacts], ...] = ()
    orgs: tuple[Rule[OrgFacts], ...] = ()
    leadership: tuple[Rule[OrgFacts], ...] = ()
    extra_ids: tuple[str, ...] = field(default=())  # ids implemented outside rule functions

    def all(self) -> list[Rule[Any]]:
        return [*self.members, *self.orgs, *self.leadership]

    def settings(self) -> list[Setting]:
        """Every setting the rules declare, once each, in rule order."""
        out: dict[str, Setting] = {}
        for r in self.all():
            for s in r.settings:
                out.setdefault(s.name, s)
        return list(out.values())
