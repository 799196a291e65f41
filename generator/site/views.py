"""What the pages of one year show, computed once from the year, its verdicts and findings.

The templates in site_templates/ only lay out what a `YearView` hands them; they never
compute a rating, a count or a link. Links between pages are built here, relative to the
page that holds them (raw HTML links are not rewritten by MkDocs), so the site works
from any folder and from `file://`.

Addressing (stable across years, because ids are):
    organization   to-chuc/<ma_to_chuc>/
    member         to-chuc/<ma_to_chuc of their chi bộ>/#<ma_dang_vien> on the chi bộ's
                   first page, to-chuc/<ma_to_chuc>/trang-<n>/#<ma_dang_vien> on a later one
                   (generator.site.paging)
    its problems   van-de/to-chuc/<ma_to_chuc>/

Every link is made by `href` from the Markdown file it points to, in the form the build
asks for: folders (`to-chuc/x/`, served over HTTP) or files (`to-chuc/x.html`, for
`build --offline`, opened from disk).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from generator.findings import Finding, Severity
from generator.privacy.findings import actor_of
from generator.rules.base import NotRated, Reason, Verdict, YearVerdicts
from generator.rules.reference import BY_ID as RULE_REFERENCE
from generator.rules.registry import ruleset_of
from generator.site import labels
from generator.site.counts import Tally, TreeCounts
from generator.site.readers import AudienceReads
from generator.site.structure import TreeAuthority
from generator.statistics import OrgStats, YearStatistics, year_statistics
from generator.submissions.records import Level, MemberReview, Organization
from generator.submissions.year import Year
from generator.vietnamese import re_rated_vi

# a provisional level an audience's copy withholds (generator.privacy.verdicts): the same
# words whatever the level and whatever reason withheld it
WITHHELD_LEVEL = "Dự kiến; mức chưa công bố trên trang này"
LEVELS_DESC = (Level.HTXSNV, Level.HTTNV, Level.HTNV, Level.KHTNV)

# who must act on a finding (Finding.actor), in the order the problems page lists them
ACTORS = {
    "member": "Đảng viên (người viết bản kiểm điểm)",
    "chi_bo": "Chi bộ (đề xuất xếp loại)",
    "committee": "Cấp ủy có thẩm quyền (quyết định xếp loại)",
    "board": "Ban Tổ chức (hồ sơ năm, cây tổ chức)",
    "": "Chưa xác định",
}


def page_path_org(org_id: str) -> str:
    """The Markdown file (relative to docs_dir) of an organization's page."""
    return f"to-chuc/{org_id}.md"


def page_path_problems(org_id: str) -> str:
    """The Markdown file of an organization's problems ("" for those of no organization)."""
    return f"van-de/to-chuc/{org_id}.md" if org_id else "van-de/chung.md"


def date_vi(value: dt.date | str | None) -> str:
    """A date the Vietnamese way: 05/02/2025."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")


@dataclass
class Progress:
    """How far an organization is in the season (home page)."""

    org: Organization
    members: int
    submitted: int  # review files that are complete (not drafts)
    drafts: int
    missing: int  # listed in proposals but without a review file, or broken files
    proposed: int
    decided: int


@dataclass
class TreeNode:
    org: Organization
    depth: int


class YearView(labels.YearLabels, AudienceReads, TreeAuthority):
    """Read-only lookups and links for the templates of one year."""

    def __init__(
        self,
        year: Year,
        verdicts: YearVerdicts | None,
        findings: list[Finding],
        *,
        ruleset_title: str = "",
        settings_doc: list[tuple[str, object, str, str]] | None = None,
        previous: YearView | None = None,
        years: list[int] | None = None,
        directory_urls: bool = True,
    ) -> None:
        self.year = year
        self.directory_urls = directory_urls
        self._member_page: dict[str, str] = {}  # member id -> Markdown file of its page
        self._findings_by_org: dict[str, list[Finding]] | None = None
        self.verdicts = verdicts
        self.findings = sorted(findings, key=Finding.sort_key)
        self.ruleset_title = ruleset_title
        # (name, value, rule id, Vietnamese explanation) of every setting of the ruleset
        self.settings_doc = settings_doc or []
        self.previous = previous
        self.years = years or [year.year]
        self._stats: YearStatistics | None = None
        self._counts: TreeCounts | None = None

    # ------------------------------------------------------------------ basics

    @property
    def number(self) -> int:
        return self.year.year

    @property
    def title(self) -> str:
        config = self.year.config
        return config.title if config and config.title else f"Năm {self.year.year}"

    @property
    def ruleset_id(self) -> str:
        return ruleset_of(self.year)

    @property
    def is_sample(self) -> bool:
        return bool(self.year.config and self.year.config.sample)

    @property
    def root(self) -> Organization | None:
        root_id = self.year.root_id
        return self.year.orgs.get(root_id) if root_id else None

    def offline_years(self) -> list[int]:
        """The other years, newest first, for the organization's site built `--offline`:
        its home page links them, since Material's year menu reads ../versions.json with
        fetch, which a browser refuses from file://. A server build has the menu: none."""
        if self.directory_urls or (self.audience is not None and self.audience.root):
            return []
        return sorted((y for y in set(self.years) if y != self.number), reverse=True)

    def member_verdict(self, member_id: str) -> Verdict | None:
        return self.verdicts.members.get(member_id) if self.verdicts else None

    def org_verdict(self, org_id: str) -> Verdict | None:
        return self.verdicts.orgs.get(org_id) if self.verdicts else None

    # ------------------------------------------------------------------ links

    def href(self, rel: str, to_root: str) -> str:
        """The link to the page built from Markdown file `rel`, from a page `to_root` below
        the year's root."""
        if not self.directory_urls:
            return f"{to_root}{rel[: -len('.md')]}.html"
        if rel == "index.md":
            return to_root or "./"
        if rel.endswith("/index.md"):
            return to_root + rel[: -len("index.md")]
        return f"{to_root}{rel[: -len('.md')]}/"

    def to_root(self, rel: str) -> str:
        """The way from the page built from `rel` back to the year's root ("../../")."""
        depth = rel.count("/")
        if self.directory_urls and not rel.endswith("index.md"):
            depth += 1
        return "../" * depth

    def org_href(self, org_id: str, to_root: str) -> str:
        return self.href(page_path_org(org_id), to_root)

    def problems_rel(self, org_id: str) -> str:
        return page_path_problems(org_id)

    def set_member_pages(self, pages: dict[str, str]) -> None:
        """Which page (Markdown file) holds each member (generator.site.paging)."""
        self._member_page.update(pages)

    def member_href(self, member_id: str, to_root: str) -> str:
        rel = self._member_page.get(member_id)
        if rel is None:
            member = self.year.members.get(member_id)
            org_id = member.org_id if member else self._org_of_listed(member_id)
            if not org_id:
                return ""
            rel = page_path_org(org_id)
        return f"{self.href(rel, to_root)}#{member_id}"

    def _org_of_listed(self, member_id: str) -> str:
        for org_id, ids in self.year.broken_members.items():
            if member_id in ids:
                return org_id
        return ""

    # ------------------------------------------------------------------ tree

    def tree(self) -> list[TreeNode]:
        """Every organization, parents before children, in folder order."""
        root = self.root
        if root is None:
            return [TreeNode(o, 0) for o in sorted(self.year.orgs.values(), key=lambda o: o.id)]
        out = [TreeNode(root, 0)]

        def walk(org: Organization, depth: int) -> None:
            for child_id in org.children:
                child = self.year.orgs.get(child_id)
                if child is not None:
                    out.append(TreeNode(child, depth))
                    walk(child, depth + 1)

        walk(root, 1)
        return out

    def orgs(self) -> list[Organization]:
        return [node.org for node in self.tree()]

    def breadcrumbs(self, org_id: str) -> list[Organization]:
        return list(reversed(list(self.year.ancestors(org_id))))

    def children(self, org_id: str) -> list[Organization]:
        org = self.year.orgs[org_id]
        return [self.year.orgs[c] for c in org.children if c in self.year.orgs]

    def grassroots(self) -> list[Organization]:
        return [o for o in self.orgs() if o.type.is_grassroots]

    @property
    def counts(self) -> TreeCounts:
        """Members and counts by organization, each worked out once (generator.site.counts:
        the view's year does not change once it is made)."""
        if self._counts is None:
            self._counts = TreeCounts(self.year, self.verdicts)
        return self._counts

    def member_ids_of(self, org_id: str) -> list[str]:
        """Members listed on a chi bộ's page: loaded files, then broken ones, then ids the
        chi bộ's proposals name without a file (the same list each time: do not change it)."""
        return self.counts.ids_of(org_id)

    def members_of(self, org_id: str) -> list[MemberReview]:
        org = self.year.orgs[org_id]
        return [self.year.members[m] for m in org.member_ids if m in self.year.members]

    def proposal_note(self, org_id: str, member_id: str) -> str:
        """The chi bộ's note on its proposal for a member (de-xuat.yaml `ghi_chu`)."""
        proposals = self.year.proposals.get(org_id)
        if proposals is None:
            return ""
        return next((p.note for p in proposals.items if p.member_id == member_id), "")

    def count_below(self, org_id: str) -> int:
        return self.counts.count_below(org_id)

    # ------------------------------------------------------------------ verdict text

    def status(self, verdict: Verdict | None) -> str:
        """One short Vietnamese phrase: decided, provisional, or why not rated."""
        if verdict is None:
            return "Chưa có kết quả"
        if not verdict.rated and verdict.not_rated is None and self.audience is not None:
            return "Không xếp loại"  # why is not this audience's to read (generator.privacy)
        if verdict.rated and verdict.final is None and verdict.withheld:
            return WITHHELD_LEVEL  # provisional, capped by what this reader may not read
        if not verdict.rated or verdict.final is None:
            reason = verdict.not_rated or NotRated.NOT_REVIEWED
            return f"Không xếp loại: {reason.label_vi.lower()}"
        if verdict.re_rated is not None:
            return self.re_rated_text(verdict)
        if verdict.decided is not None:
            return "Đã quyết định"
        return "Dự kiến"

    def re_rated_text(self, verdict: Verdict, capital: bool = True) -> str:
        """Both years of a re-rating of this year's `verdict` (124-M7, `re_rated_vi`)."""
        by = verdict.re_rated[0] if verdict.re_rated else 0
        return re_rated_vi(self.number, by, capital=capital)

    def reasons(self, verdict: Verdict | None) -> list[Reason]:
        return list(verdict.reasons) if verdict else []

    # ------------------------------------------------------------------ progress

    def progress(self) -> list[Progress]:
        """Per grassroots organization (and the whole tree last): the season's progress."""
        return [self._progress_of(org) for org in self.grassroots()]

    def progress_total(self) -> Progress | None:
        root = self.root
        return self._progress_of(root) if root is not None else None

    def _progress_of(self, org: Organization) -> Progress:
        """The progress of the members listed by `org` and every organization below it."""
        tally = sum(
            (self.counts.tally(o.id) for o in [org, *self.year.descendants(org.id)]), Tally()
        )
        missing = tally.members - tally.submitted - tally.drafts
        return Progress(
            org, tally.members, tally.submitted, tally.drafts, missing, tally.proposed,
            tally.decided,
        )  # fmt: skip

    # ------------------------------------------------------------------ statistics

    @property
    def stats(self) -> YearStatistics | None:
        """The year's statistics (RULES.md X4), from `generator.statistics` like `kiemdiem
        rate` and `kiemdiem stats`, compared with the previous view's year when rated."""
        if self._stats is None and self.verdicts is not None:
            prev = self.previous
            before = (prev.year, prev.verdicts) if prev and prev.verdicts else None
            self._stats = year_statistics(self.year, self.verdicts, before)
        return self._stats

    def grassroots_stats(self) -> list[OrgStats]:
        """The statistics rows of the grassroots organizations (the chart's bars)."""
        stats = self.stats
        return [o for o in stats.orgs if o.type.is_grassroots] if stats else []

    # ------------------------------------------------------------------ findings

    def findings_by_actor(
        self, findings: list[Finding] | None = None
    ) -> list[tuple[str, list[Finding]]]:
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings if findings is None else findings:
            actor = actor_of(finding)  # no actor: whoever writes the file
            actor = actor if actor in ACTORS else ""
            groups.setdefault(actor, []).append(finding)
        return [(ACTORS[a], groups[a]) for a in ACTORS if a in groups]

    def findings_for_org(self, org_id: str) -> list[Finding]:
        """Findings about the files in an organization's own folder (its members' files
        included, its sub-organizations' not); "" gives those of no organization."""
        return self.findings_by_org().get(org_id, [])

    def findings_by_org(self) -> dict[str, list[Finding]]:
        """Every finding under the organization whose folder holds its file (one pass)."""
        if self._findings_by_org is None:
            groups: dict[str, list[Finding]] = {}
            for finding in self.findings:
                parts = finding.path.split("/")[:-1]
                if parts and parts[-1] == "dang-vien":
                    parts = parts[:-1]
                org_id = parts[-1] if parts and parts[-1] in self.year.orgs else ""
                groups.setdefault(org_id, []).append(finding)
            self._findings_by_org = groups
        return self._findings_by_org

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    # ------------------------------------------------------------------ rules

    def citations(self) -> list[tuple[str, str, int | None]]:
        """Every (rule id, citation) the year's verdicts cite, with how often (for an
        audience's view: the whole year's, since which rules applied is no one's secret,
        without the counts of the committee-only rules: audiences.published_citations)."""
        if self.cited is not None:
            return self.cited
        seen: Counter[tuple[str, str]] = Counter()
        if self.verdicts:
            for verdict in [*self.verdicts.members.values(), *self.verdicts.orgs.values()]:
                for reason in [*verdict.reasons, *verdict.flags]:
                    seen[(reason.rule, self.citation(reason.rule, reason.citation))] += 1
        # kept: every audience's view of the year asks the whole year's view for it
        cited: list[tuple[str, str, int | None]] = [(r, c, n) for (r, c), n in seen.items()]
        self.cited = sorted(cited, key=rule_sort_key)
        return self.cited

    def citation(self, rule_id: str, citation: str) -> str:
        """A reason's citation; when the rule gave none, the rules reference's."""
        ref = RULE_REFERENCE.get(rule_id)
        return citation or (ref.citation if ref is not None else "")

    def rule_statement(self, rule_id: str) -> str:
        """The rules reference's one-line statement of `rule_id` (docs/quy-tac.md)."""
        ref = RULE_REFERENCE.get(rule_id)
        return ref.statement if ref is not None else ""


def rule_sort_key(item: tuple[str, str, int | None]) -> tuple[str, int, str]:
    rule = item[0]
    head, _, tail = rule.rpartition("-")
    digits = "".join(ch for ch in tail if ch.isdigit())
    return (head + tail.rstrip("0123456789"), int(digits) if digits else 0, rule)
