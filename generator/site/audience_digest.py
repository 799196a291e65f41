"""Whether a committee's or chi bộ's site is unchanged, told without redacting it.

A province has thousands of these sites (`generator.site.audience_sites`) and one changed
file changes two or three of them. Telling which by redacting every site's records and
hashing the result (what this replaced) cost 130 s at 100,000 members. Here a site's
digest is taken over the UNREDACTED inputs its view is made from
(`generator.site.audiences.audience_view` is a function of exactly these), each hashed
once per build and combined per site:

- `frame`: what every site of the year shows alike — the code, templates, schemas and tool
  versions (`static`), the build options, the year's number, year file, ruleset, settings,
  list of years, the rules page's citations and the year's re-ratings;
- per site: its identity and title, which organizations it holds (from
  `generator.site.deciders`: who decides what) with each one's record and verdict, its
  proposals, decisions, broken files and the findings in its folder and below; and each
  of its members with their reader scope and their record and verdict as that reader
  sees them — whole for the chi bộ and the committees (over-approximating the chi bộ's
  view), redacted for everyone when a committee's site shows an organization it decides
  (so a review's text does not rebuild the committee above);
- for its statistics (exact counts of its whole subtree as it may read it, compared with
  the year before): a Merkle digest of the subtree over what statistics read —
  organizations' records and verdicts and members' verdicts, not review text — in this
  year and the year before, and how the site would read the year before (its members'
  scopes then: `audience_stats.counted_for`; this year's are its members' above).

Exact by construction: whatever `audience_view` reads for a site is in its digest, so a
change that would change a site's pages changes its digest. It may over-approximate (a
changed record field that a page does not show still rebuilds), never under.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from collections.abc import Callable
from pathlib import Path

from generator.privacy import Scope
from generator.rules.base import YearVerdicts
from generator.site import audience_stats, audiences
from generator.site.audiences import Audience
from generator.site.deciders import DecidersIndex, index_of
from generator.site.views import YearView
from generator.submissions.year import Year


def content_bytes(value: object) -> bytes:
    """`value` pickled by content only: without pickle's memo, so an object referenced
    twice is written twice and the same content loaded another way (a warm cache shares
    strings differently) gives the same bytes (the data is acyclic). A record's source
    document pickles as its path."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


def _h(*parts: bytes | str) -> bytes:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


class _Subtrees:
    """Merkle digests of what a subtree's statistics read, per organization (lazily)."""

    def __init__(self, year: Year, verdicts: YearVerdicts, index: DecidersIndex) -> None:
        self.year, self.verdicts, self.index = year, verdicts, index
        self.done: dict[str, bytes] = {}
        self.member_verdicts: dict[str, bytes] = {}  # each member's, hashed once

    def verdict(self, member_id: str) -> bytes:
        if member_id not in self.member_verdicts:
            verdict = self.verdicts.members.get(member_id)
            self.member_verdicts[member_id] = _h(member_id, content_bytes(verdict))
        return self.member_verdicts[member_id]

    def readers(self, audience: Audience, org_id: str) -> bytes:
        """How `audience` reads this year's `org_id` (its statistics count only what it
        may read: `audience_stats.counted_for`): the organizations and members its site would
        hold then, each member's reader scope."""
        if not org_id or org_id not in self.year.orgs:
            return b""
        reader = dataclasses.replace(audience, org_id=org_id)
        orgs, scopes = audience_stats.scope_of_members(self.year, self.index, reader)
        return content_bytes((sorted(orgs), sorted((m, s.slug) for m, s in scopes.items())))

    def of(self, org_id: str) -> bytes:
        if org_id in self.done:
            return self.done[org_id]
        org = self.year.orgs.get(org_id)
        if org is None:
            return b""
        # iterative post-order: children before parents, each once
        stack = [org_id]
        while stack:
            oid = stack[-1]
            kids = [c for c in self.year.orgs[oid].children if c in self.year.orgs]
            todo = [c for c in kids if c not in self.done]
            if todo:
                stack += todo
                continue
            stack.pop()
            members = self.index.members_of.get(oid, ())
            own = content_bytes((self.year.orgs[oid], self.verdicts.orgs.get(oid)))
            verdicts = [self.verdict(m) for m in members]
            self.done[oid] = _h(own, *verdicts, b"\0", *(self.done[c] for c in kids))
        return self.done[org_id]


class SiteDigests:
    """The digests of one year's committee and chi bộ sites (`of(audience)`).

    `public`: the whole organization's view of the year (`audiences.organization_view`),
    when the build made it: its records and verdicts are already redacted for everyone,
    which is how a committee's site shows the members of an organization it decides (not
    theirs to review: their results only). Without it those are redacted here, member by
    member."""

    def __init__(
        self,
        full: YearView,
        static: str,
        options: tuple[object, ...],
        schema_dir: Path,
        public: YearView | None = None,
    ) -> None:
        self.full, self.public, self.schema_dir = full, public, schema_dir
        year, verdicts = full.year, full.verdicts
        self.index = index_of(year, verdicts)
        self.frame = _h(
            static,
            content_bytes(
                (
                    options,
                    year.year,
                    year.config,
                    full.ruleset_title,
                    full.settings_doc,
                    list(full.years),
                    full.directory_urls,
                    audiences.published_citations(full),
                    (verdicts.year, verdicts.ruleset, verdicts.settings, verdicts.re_ratings)
                    if verdicts
                    else None,
                )
            ),
        )
        self._orgs: dict[str, bytes] = {}
        self._members: dict[tuple[str, bool], bytes] = {}
        self._by_org: dict[str, list[int]] | None = None
        self.stats = _Subtrees(year, verdicts, self.index) if verdicts else None
        prev = full.previous
        self.previous = (
            _Subtrees(prev.year, prev.verdicts, index_of(prev.year, prev.verdicts))
            if prev is not None and prev.verdicts
            else None
        )

    def org(self, org_id: str) -> bytes:
        """An organization as a site holding it may show it (its members apart)."""
        if org_id not in self._orgs:
            year, verdicts = self.full.year, self.full.verdicts
            if self._by_org is None:
                self._by_org = self.index.findings_by_org(self.full.findings)
            findings = self.full.findings
            self._orgs[org_id] = _h(
                org_id,
                content_bytes(
                    (
                        year.orgs.get(org_id),
                        verdicts.orgs.get(org_id) if verdicts else None,
                        year.proposals.get(org_id),
                        year.decisions.get(org_id),
                        year.broken_members.get(org_id),
                        [findings[i] for i in self._by_org.get(org_id, ())],
                    )
                ),
            )
        return self._orgs[org_id]

    def member(self, member_id: str, scope: Scope) -> bytes:
        """A member's record and verdict as a reader of `scope` sees them: whole for the
        chi bộ and the committees, redacted for everyone (`public`)."""
        public = scope is Scope.TO_CHUC
        key = (member_id, public)
        if key not in self._members:
            if public:
                shown = content_bytes(self._public(member_id))
            else:  # the verdict hashed once, for the statistics too
                record = content_bytes(self.full.year.members.get(member_id))
                verdict = self.stats.verdict(member_id) if self.stats else b""
                shown = _h(record, verdict)
            self._members[key] = _h(member_id, shown)
        return self._members[key]

    def _public(self, member_id: str) -> tuple[object, object]:
        """A member's record and verdict as the whole organization reads them."""
        if self.public is not None:  # redacted already, for the organization's site
            shown = self.public.verdicts
            return (
                self.public.year.members.get(member_id),
                shown.members.get(member_id) if shown else None,
            )
        full = self.full
        return audiences.public_member(full.year, full.verdicts, member_id, self.schema_dir)

    def of(self, audience: Audience) -> str:
        """The digest of `audience`'s site (a committee's or a chi bộ's)."""
        year = self.full.year
        org_ids, scopes = audience_stats.scope_of_members(year, self.index, audience)
        target = audience.org_id
        parts: list[bytes | str] = [self.frame, audience.root, audience.title_vi(year)]
        parts += [self.org(o) for o in sorted(org_ids)]
        parts += [self.member(m, scopes[m]) + scopes[m].slug.encode() for m in sorted(scopes)]
        if self.stats is not None and audience.kind is not Scope.TO_CHUC:
            parts.append(self.stats.of(target))
            if self.previous is not None:
                before = target if target != year.root_id else self.previous.year.root_id
                parts.append(self.previous.of(before) if before else b"")
                parts.append(self.previous.readers(audience, before or ""))
        return _h(*parts).hex()


def digests_of(
    full: YearView,
    static: str,
    options: tuple[object, ...],
    schema_dir: Path,
    public: YearView | None = None,
) -> Callable[[Audience], str]:
    """A function giving each audience's site digest for the year `full`."""
    return SiteDigests(full, static, options, schema_dir, public).of
