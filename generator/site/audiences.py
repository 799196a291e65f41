"""One site per audience (issue 14): the organization, each deciding committee, each chi bộ.

    <out>/<year>/                      the whole organization: results, statistics (small
                                       counts hidden), the rules, the guide
    <out>/cap-uy/<org-id>/<year>/      a committee: everything it decides on, exact counts
    <out>/chi-bo/<org-id>/<year>/      a chi bộ: its members' reviews, without what only
                                       the committees may read

Each audience's site is built from a copy of the year whose records are redacted for that
reader (`generator.privacy.redact`), so what an audience may not read is neither in its
pages nor in its search index. Each audience root has its own `versions.json`, so the year
switcher stays inside the audience. Serve them behind the forge's or the web server's group
access (README, "Deployment").
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator.findings import Finding
from generator.loadcache import paused_gc
from generator.privacy import Scope, redact, scope_tree
from generator.privacy.disclosure import Disclosure
from generator.privacy.findings import readable_findings
from generator.privacy.verdicts import (
    REASON_SCOPES,
    counted_verdicts,
    counts_withheld,
    redact_verdict,
    redact_year_verdicts,
)
from generator.rules.base import YearVerdicts
from generator.rules.registry import REGISTRY
from generator.site.audience_findings import decides, finding_reader
from generator.site.audience_stats import (
    counted_for,
    scope_of_members,
    subset,
    subtree_statistics,
)
from generator.site.deciders import index_of
from generator.site.views import YearView, rule_sort_key
from generator.statistics import YearStatistics, year_statistics
from generator.submissions.year import Year

# what `kiemdiem build --pham-vi` accepts
KINDS = {"to-chuc": Scope.TO_CHUC, "cap-uy": Scope.CAP_UY, "chi-bo": Scope.CHI_BO}


@dataclass(frozen=True)
class Audience:
    kind: Scope  # TO_CHUC: the whole organization; CAP_UY: a committee; CHI_BO: a chi bộ
    org_id: str = ""  # the committee's organization, or the chi bộ

    @property
    def root(self) -> str:
        """The audience's folder below the site's output folder ("" for the organization)."""
        return "" if self.kind is Scope.TO_CHUC else f"{self.kind.slug}/{self.org_id}"

    def title_vi(self, year: Year) -> str:
        if self.kind is Scope.TO_CHUC:
            return "Toàn đảng bộ"
        org = year.orgs.get(self.org_id)
        name = org.name if org else self.org_id
        return f"Cấp ủy {name}" if self.kind is Scope.CAP_UY else name


def audiences_of(
    year: Year, kinds: set[Scope], only: str = "", verdicts: YearVerdicts | None = None
) -> list[Audience]:
    """The audiences of a year: the organization, every committee that decides something,
    every organization that holds members (`only`: one organization id)."""
    out: list[Audience] = []
    if Scope.TO_CHUC in kinds and not only:
        out.append(Audience(Scope.TO_CHUC))
    if Scope.CAP_UY in kinds:
        index = index_of(year, verdicts)
        deciders = {o for o, mids in index.decided_members.items() if mids}
        deciders |= {o for o, oids in index.decided_orgs.items() if oids}
        out += [Audience(Scope.CAP_UY, o) for o in sorted(deciders) if only in ("", o)]
    if Scope.CHI_BO in kinds:
        holders = [o.id for o in year.orgs.values() if o.type.holds_members]
        # and a chi bộ whose to-chuc.yaml did not load: a site of its findings, for the
        # secretary who must fix it (keyed by its folder's name)
        holders = sorted([*holders, *index_of(year, verdicts).broken_chi_bo])
        out += [Audience(Scope.CHI_BO, o) for o in holders if only in ("", o)]
    return out


@dataclass
class AudienceYear:
    """A year as one audience may read it."""

    year: Year
    verdicts: YearVerdicts | None
    findings: list[Finding]
    member_scopes: dict[str, Scope]
    disclosure: Disclosure | None  # small counts hidden (the organization's site)
    # exact statistics of what the audience holds (None: keep the whole year's)
    stats: YearStatistics | None


def audience_year(
    year: Year,
    verdicts: YearVerdicts | None,
    findings: list[Finding],
    audience: Audience,
    schema_dir: Path,
    previous: tuple[Year, YearVerdicts] | None = None,
) -> AudienceYear:
    """`year` (its records, verdicts and findings) as `audience` may read it; `previous`
    (the year before, whole) gives the committees' statistics their comparison."""
    index = index_of(year, verdicts)
    org_ids, scopes = scope_of_members(year, index, audience)
    org_reader = Scope.CAP_UY if audience.kind is Scope.CAP_UY else Scope.TO_CHUC
    root = year.root_id if audience.kind is Scope.TO_CHUC else audience.org_id
    member_tree = scope_tree(schema_dir, "dang-vien")
    org_tree = scope_tree(schema_dir, "to-chuc")
    proposal_tree = scope_tree(schema_dir, "de-xuat")
    decision_tree = scope_tree(schema_dir, "quyet-dinh")
    proposal_reader = Scope.TO_CHUC if audience.kind is Scope.TO_CHUC else Scope.CHI_BO
    decision_reader = org_reader
    orgs = {
        oid: redact(org, org_tree, org_reader)
        for oid, org in subset(
            dataclasses.replace(
                year, members={m: year.members[m] for m in scopes if m in year.members}
            ),
            org_ids,
            root,
        ).items()
    }
    config = year.config
    if config is not None and root != config.root:
        config = dataclasses.replace(config, root=root or config.root)
    shown = dataclasses.replace(
        year,
        config=config,
        orgs=orgs,
        members={
            m: redact(year.members[m], member_tree, scopes[m]) for m in scopes if m in year.members
        },
        proposals={
            o: redact(year.proposals[o], proposal_tree, proposal_reader)
            for o in sorted(org_ids)
            if o in year.proposals
        },
        # the decisions recorded by the organizations the site holds (no page reads
        # another's; the whole organization's site keeps them all)
        decisions={
            o: redact(d, decision_tree, decision_reader)
            for o, d in year.decisions.items()
            if audience.kind is Scope.TO_CHUC or o in org_ids
        },
        broken_members={o: ids for o, ids in year.broken_members.items() if o in org_ids},
    )
    # a committee's or chi bộ's: those about files in its folder and below (`org_ids` also
    # holds its ancestors, for the tree; their folders hold the whole organization's files)
    kept = (
        findings
        if audience.kind is Scope.TO_CHUC
        else index.findings_in(findings, {audience.org_id})
    )
    # findings about what the reader may not read: one neutral line each (privacy.findings)
    kept = readable_findings(
        kept, schema_dir, finding_reader(year, index, audience, scopes), decides(index, audience)
    )
    if verdicts is None:
        return AudienceYear(shown, None, kept, scopes, None, None)
    red, stats = _audience_verdicts(year, verdicts, audience, org_ids, scopes, previous)
    dp = config.data_protection if config else None
    disclosure = (
        Disclosure(dp.suppress_below if dp else 3) if audience.kind is Scope.TO_CHUC else None
    )
    return AudienceYear(shown, red, kept, scopes, disclosure, stats)


def _audience_verdicts(
    year: Year,
    verdicts: YearVerdicts,
    audience: Audience,
    org_ids: set[str],
    scopes: dict[str, Scope],
    previous: tuple[Year, YearVerdicts] | None,
) -> tuple[YearVerdicts, YearStatistics | None]:
    """The verdicts of what an audience's site holds, redacted for it, and its exact
    statistics (None: the organization's site keeps the whole year's)."""
    org_reader = Scope.CAP_UY if audience.kind is Scope.CAP_UY else Scope.TO_CHUC
    whole = verdicts
    own = year.decisions.get(audience.org_id) if audience.kind is Scope.CAP_UY else None
    own_re_ratings = (
        frozenset((r.member_id, r.year) for r in own.re_ratings) if own else frozenset()
    )
    if audience.kind is not Scope.TO_CHUC:  # only what the site holds gets redacted
        verdicts = dataclasses.replace(
            verdicts,
            members={m: v for m in scopes if (v := verdicts.members.get(m)) is not None},
            orgs={o: v for o in sorted(org_ids) if (v := verdicts.orgs.get(o)) is not None},
            # its own members' re-ratings and its committee's: no other (124-M7)
            re_ratings=[
                rr
                for rr in verdicts.re_ratings
                if rr.member_id in scopes or (rr.member_id, rr.earlier_year) in own_re_ratings
            ],
        )
    red = redact_year_verdicts(verdicts, scopes, org_reader, own_re_ratings)
    red = dataclasses.replace(red, orgs={o: v for o, v in red.orgs.items() if o in org_ids})
    # counted before redaction (which hides why a member is not rated), never counting a
    # level the site withholds, this year or the year before (`withheld` says so): a subtree
    # as its site reads it; the organization's site hides small counts too
    if audience.kind is not Scope.TO_CHUC:
        return red, subtree_statistics(year, whole, audience.org_id, previous, audience)
    red = dataclasses.replace(red, findings=[], quota_pools=[])
    counted = counted_verdicts(whole, red)
    before = previous
    if previous is not None:
        prev_year, prev = previous
        prev_members, prev_orgs = counted_for(prev_year, prev, audience, prev.members, prev.orgs)
        if prev_members is not prev.members or prev_orgs is not prev.orgs:
            before = (prev_year, dataclasses.replace(prev, members=prev_members, orgs=prev_orgs))
    if counted is whole and before is previous:
        return red, None
    stats = year_statistics(year, counted, before)
    pairs = [(counted, whole), *([(before[1], previous[1])] if before and previous else [])]
    shown = [(getattr(a, k), getattr(b, k)) for a, b in pairs for k in ("members", "orgs")]
    stats.withheld = any(counts_withheld(a, b) for a, b in shown)
    return red, stats


def audience_view(full: YearView, audience: Audience, schema_dir: Path) -> YearView:
    """The view of one year for `audience`, made from the view of the whole year."""
    prev = full.previous
    before = (prev.year, prev.verdicts) if prev is not None and prev.verdicts else None
    shown = audience_year(
        full.year, full.verdicts, full.findings, audience, schema_dir, previous=before
    )
    view = YearView(
        shown.year,
        shown.verdicts,
        shown.findings,
        ruleset_title=full.ruleset_title,
        settings_doc=full.settings_doc,
        previous=full.previous if audience.kind is Scope.TO_CHUC else None,
        years=full.years,
        directory_urls=full.directory_urls,
    )
    view.audience = audience
    view.audience_title = audience.title_vi(full.year)
    view.member_scopes = shown.member_scopes
    view.member_tree = scope_tree(schema_dir, "dang-vien")
    view.disclosure = shown.disclosure
    view.cited = published_citations(full)
    view._stats = shown.stats
    if audience.kind is Scope.TO_CHUC and shown.stats is None:
        view._stats = full.stats  # the same numbers, counted once
    return view


def published_citations(full: YearView) -> list[tuple[str, str, int | None]]:
    """The rules page's citations, the same on every audience's site: the whole year's,
    with how often each rule applied — but none for a rule whose reasons are the deciding
    committees' only (REASON_SCOPES: discipline, degradation, sick and maternity leave —
    366-M7, 132-M6 —, …): that count moves with one member's record (a trial added 4
    months of sick leave to one member and "366-M7 … 3" appeared), and whether the rule
    applied at all would too, so every such rule of the year's ruleset is listed, cited
    or not, with no count (None). The year's counts are no committee's or chi bộ's own, so
    their sites show what the whole organization's does (and the page is the same file in
    every site: shared.py)."""
    spec = REGISTRY.get(full.ruleset_id)
    ids = set()
    if spec is not None:
        ids = {i for r in spec.rules.all() for i in r.ids}
        ids |= {*spec.rules.extra_ids, *spec.engine_rule_ids}
    private = {r for r, scope in REASON_SCOPES.items() if scope >= Scope.CAP_UY}
    cited = full.citations()
    out: list[tuple[str, str, int | None]] = [c for c in cited if c[0] not in private]
    # one row each, with the reference's citation: which of a rule's cases applied (a
    # reason's own citation) would move with one record too
    listed = (ids | {r for r, _, _ in cited}) & private
    out += [(r, full.citation(r, ""), None) for r in listed]
    return sorted(out, key=rule_sort_key)


def public_member(
    year: Year, verdicts: YearVerdicts | None, member_id: str, schema_dir: Path
) -> tuple[object, object]:
    """A member's record and verdict as the whole organization reads them (what
    `audience_year` shows of a member with scope to-chuc)."""
    record = year.members.get(member_id)
    verdict = verdicts.members.get(member_id) if verdicts else None
    return (
        redact(record, scope_tree(schema_dir, "dang-vien"), Scope.TO_CHUC) if record else None,
        redact_verdict(verdict, Scope.TO_CHUC) if verdict is not None else None,
    )


def organization_view(full: YearView, schema_dir: Path) -> YearView:
    """What the whole organization's site shows of a year (`build` and `serve` alike).
    The collector is paused meanwhile and what was made is then frozen, as a load leaves
    its records (the next load unfreezes it: generator.loadcache.paused_gc): a province's
    ~200,000 redacted copies make no cycles, and collecting scanned them for nothing."""
    with paused_gc(freeze=True):
        return audience_view(full, Audience(Scope.TO_CHUC), schema_dir)


def audience_roots(out: Path) -> list[Path]:
    """The committees' and chi bộ's site roots under a site folder."""
    return sorted(
        p for kind in ("cap-uy", "chi-bo") if (out / kind).is_dir() for p in (out / kind).iterdir()
    )


def years_built(root: Path) -> list[int]:
    """The years an audience root holds a built site for."""
    return sorted(
        int(p.name) for p in root.iterdir() if p.name.isdigit() and (p / "index.html").is_file()
    )
