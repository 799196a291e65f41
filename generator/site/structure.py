"""The period's tree and who decides, for the templates (RULES.md §7): a mixin of `YearView`.

`structure()` lists each organization type of the year with its tier, count and deciding
committees; `decider(org_id)` names the body that should decide an organization's rating.
Both read generator/authority.py, so the site and `kiemdiem check` agree on authority.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.authority import Authority, StructureRow, org_authority, structure_table

if TYPE_CHECKING:
    from generator.submissions.year import Year


class TreeAuthority:
    year: Year

    def structure(self) -> list[StructureRow]:
        """The period's structure and who decides each level (RULES.md §7)."""
        return structure_table(self.year)

    def decider(self, org_id: str) -> Authority:
        """Who decides `org_id`'s rating (D2–D5), for the tree and organization pages."""
        return org_authority(self.year, org_id)
