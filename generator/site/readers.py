"""What one audience's reader may see on a page (issue 14): the part of `YearView` that the
templates ask about privacy.

A view made by `generator.site.audiences.audience_view` sets these attributes; the whole,
unredacted view (library use, tests) keeps the defaults and reads everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from generator.privacy import Scope, ScopeTree
from generator.privacy.disclosure import TO_DECIDE, Disclosure
from generator.rules.base import NotRated
from generator.statistics import Counts, YearStatistics
from generator.statistics.export import UNKNOWN
from generator.submissions.records import Level

if TYPE_CHECKING:
    from generator.site.audiences import Audience


class AudienceReads:
    audience: Audience | None = None  # None: the whole year, unredacted
    audience_title: str = ""
    member_scopes: Mapping[str, Scope] = MappingProxyType({})  # reader scope per member
    member_tree: ScopeTree | None = None  # the member schema's classes (x-pham-vi)
    disclosure: Disclosure | None = None  # small counts hidden (the organization's site)
    # the rules page's rules, once known: (id, citation, how often; None: not published)
    cited: list[tuple[str, str, int | None]] | None = None

    if TYPE_CHECKING:

        @property
        def stats(self) -> YearStatistics | None: ...  # YearView's

    def reads(self, member_id: str, key: str) -> bool:
        """Whether this view's reader may read property `key` of a member's file."""
        if self.member_tree is None:
            return True
        scope = self.member_scopes.get(member_id, Scope.TO_CHUC)
        return self.member_tree.of(key) <= scope

    def n(self, counts: Counts, cell: Level | NotRated) -> str:
        """A count as this view shows it: exact, or "< 3" where it would name a person and
        "ẩn" where it would give such a count back (generator/privacy/disclosure.py)."""
        if self.disclosure is not None:
            return self.disclosure.show(counts, cell, self.stats)
        return str(counts.by_level[cell] if isinstance(cell, Level) else counts.not_rated[cell])

    def hides(self, counts: Counts, cell: Level | NotRated) -> bool:
        return self.disclosure is not None and cell in self.disclosure.hidden(counts, self.stats)

    def hides_any(self, counts: Counts) -> bool:
        """Whether a row hides a cell: it then shows no percentages (they would give its
        denominator back, and with it the sum of its hidden cells)."""
        if self.disclosure is None:
            return False
        return bool(self.disclosure.hidden(counts, self.stats) - {TO_DECIDE})  # in no sum

    def n_to_decide(self, counts: Counts) -> str:
        """ "Trong đó cần quyết định" as this view shows it (`n`): counted as the site's
        reader may read the flags (generator.privacy.verdicts.counted_verdicts)."""
        if self.disclosure is not None:
            return self.disclosure.show(counts, TO_DECIDE, self.stats)
        return UNKNOWN if counts.to_decide is None else str(counts.to_decide)

    def n_not_rated(self, counts: Counts) -> str:
        if self.disclosure is not None:
            return self.disclosure.show_not_rated_total(counts, self.stats)
        return str(counts.not_rated_total)
