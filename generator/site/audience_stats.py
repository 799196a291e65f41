"""What an audience's site counts and holds: the organizations and members its site
holds (`scope_of_members`), and the statistics of a subtree as that audience may read them
(`subtree_statistics`, `counted_for`): a level withheld from the reader is counted as not
decided, this year and the year before alike (generator.privacy.verdicts.counted_as_read).
Split from generator.site.audiences, which builds the audience's year from these.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from generator.privacy import Scope
from generator.privacy.verdicts import counted_as_read, counts_withheld
from generator.rules.base import Verdict, YearVerdicts
from generator.site.deciders import DecidersIndex, index_of
from generator.statistics import YearStatistics, year_statistics
from generator.submissions.records import Organization
from generator.submissions.year import Year

if TYPE_CHECKING:
    from generator.site.audiences import Audience


def subset(year: Year, org_ids: set[str], root: str | None) -> dict[str, Organization]:
    """The organizations `org_ids`, their links cut to the subset; `root` has no parent."""
    out = {}
    # a set's order changes between runs; the site's digest not. An id without a record
    # (a broken chi bộ's site: DecidersIndex.broken_chi_bo) has nothing to hold
    for oid in sorted(org_ids & year.orgs.keys()):
        org = year.orgs[oid]
        out[oid] = dataclasses.replace(
            org,
            parent_id=None if oid == root else org.parent_id,
            children=[c for c in org.children if c in org_ids],
            member_ids=[m for m in org.member_ids if m in year.members],
        )
    return out


def scope_of_members(
    year: Year, index: DecidersIndex, audience: Audience
) -> tuple[set[str], dict[str, Scope]]:
    """The organizations an audience's site holds and the reader scope of each member."""
    if audience.kind is Scope.TO_CHUC:
        return set(year.orgs), dict.fromkeys(index.member_org, Scope.TO_CHUC)
    target = audience.org_id
    if audience.kind is Scope.CHI_BO:
        return {target}, dict.fromkeys(index.members_of.get(target, ()), Scope.CHI_BO)
    # what the committee decides (D1: members; D2–D4: organizations)
    scopes = dict.fromkeys(index.decided_members.get(target, ()), Scope.CAP_UY)
    orgs = {target} | {index.member_org[m] for m in scopes}
    for oid in index.decided_orgs.get(target, ()):
        orgs.add(oid)
        for mid in index.members_of.get(oid, ()):
            scopes.setdefault(mid, Scope.TO_CHUC)  # its results, as everyone sees them
    # the organizations between the committee and what it decides, for the tree
    for oid in list(orgs):
        for parent in year.ancestors(oid):
            if parent.id == target or parent.id in orgs:
                break
            orgs.add(parent.id)
    return orgs, scopes


def subtree_statistics(
    year: Year,
    verdicts: YearVerdicts,
    org_id: str,
    previous: tuple[Year, YearVerdicts] | None = None,
    audience: Audience | None = None,
) -> YearStatistics | None:
    """Statistics of `org_id` and everything below it (counts and names of organizations
    only), compared with the same organization's subtree the year before when it existed
    then. With `audience`, only what its site may read is counted, that year and the year
    before alike (`counted_for`); without, exactly."""
    if org_id not in year.orgs:
        return None
    ids = {org_id, *(o.id for o in year.descendants(org_id))}
    config = year.config and dataclasses.replace(year.config, root=org_id)
    tree = dataclasses.replace(year, config=config, orgs=subset(year, ids, org_id))
    known = index_of(year, verdicts).members_in(ids)
    members = {m: v for m in known if (v := verdicts.members.get(m)) is not None}
    orgs = {o: v for o, v in verdicts.orgs.items() if o in ids}
    counted = counted_for(year, verdicts, audience, members, orgs) if audience else (members, orgs)
    stats = year_statistics(
        tree, dataclasses.replace(verdicts, members=counted[0], orgs=counted[1])
    )
    stats.withheld = counts_withheld(counted[0], members) or counts_withheld(counted[1], orgs)
    if previous is not None:
        # the root's committee compares with the whole year before, whatever its root was
        # then (the 2025 merger changed the root); another with its own subtree if it existed
        before_root = org_id if org_id != year.root_id else previous[0].root_id
        if before_root:
            before = audience and dataclasses.replace(audience, org_id=before_root)
            stats.previous = subtree_statistics(*previous, before_root, audience=before)
            stats.withheld |= bool(stats.previous and stats.previous.withheld)
    return stats


def counted_for(
    year: Year,
    verdicts: YearVerdicts,
    audience: Audience,
    members: dict[str, Verdict],
    orgs: dict[str, Verdict],
) -> tuple[dict[str, Verdict], dict[str, Verdict]]:
    """`members` and `orgs` (verdicts of `year`) as `audience`'s statistics may count them:
    a level withheld from it is counted as not decided (`counted_as_read`). Each member is
    read as the audience's site reads them (`scope_of_members`), one the site does not hold
    as everyone reads them; each organization the site holds as its pages read it, another
    as everyone does. A committee reads whole the members it decides (D1), and what it
    decided the year before (the root's committee: what the root then decided)."""
    site_orgs: set[str] = set()
    scopes: dict[str, Scope] = {}  # the organization's site: everyone's reading of everyone
    if audience.kind is not Scope.TO_CHUC:
        site_orgs, scopes = scope_of_members(year, index_of(year, verdicts), audience)
    org_reader = Scope.CAP_UY if audience.kind is Scope.CAP_UY else Scope.TO_CHUC
    return (
        counted_as_read(members, lambda m: scopes.get(m, Scope.TO_CHUC)),
        counted_as_read(orgs, lambda o: org_reader if o in site_orgs else Scope.TO_CHUC),
    )


__all__ = ["counted_for", "scope_of_members", "subset", "subtree_statistics"]
