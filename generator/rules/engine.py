"""The rating driver shared by every ruleset (RULES.md X1, X2, X3).

    spec.rate(year, history) -> YearVerdicts

1. settings: the ruleset's `Setting`s, overridden by `cai_dat:` of the year file
   (spec.resolve_settings);
2. members: each member rule yields reasons; `verdicts.assemble` turns them into a
   verdict; the proposal and decision lines are attached (lookup.DecisionIndex);
3. organizations bottom-up (children before parents) from their members' and subordinate
   organizations' final levels; then each organization's leadership body;
4. heads after their units and decisions above the ceiling (decisions.py), a civil
   servant above the agency's rating where the ruleset flags it (agencybasis.py), quota pools
   (pools.py), "cần quyết định" and two KHTNV years (flags.py).

Nothing here knows a ruleset id: the differences live in the ruleset modules' rules and
policies (`spec.RulesetSpec`).
"""

from __future__ import annotations

import datetime as dt

from generator.authority import TreeMemo
from generator.rules.agencybasis import check_agency_basis
from generator.rules.base import Effect, History, NotRated, Reason, Verdict, YearVerdicts
from generator.rules.decisions import check_decisions, head_caps
from generator.rules.flags import check_flags
from generator.rules.lookup import DecisionIndex
from generator.rules.pools import check_quotas
from generator.rules.reuse import RatingMemo, YearCores
from generator.rules.rule import MemberFacts, OrgFacts
from generator.rules.run import Run
from generator.rules.spec import RulesetSpec, resolve_settings
from generator.rules.verdicts import assemble, member_verdict
from generator.submissions.records import FileState, Organization
from generator.submissions.year import Year


def rate(
    spec: RulesetSpec, year: Year, history: History, reuse: RatingMemo | None = None
) -> YearVerdicts:
    """Rate `year`; with `reuse`, members' verdicts from their rules are taken from (and
    kept in) the memo by what they depend on (generator.rules.reuse)."""
    settings, findings = resolve_settings(spec, year)
    out = YearVerdicts(year.year, spec.id, settings)
    out.findings.extend(findings)
    evaluation_date = year.config.evaluation_date if year.config else dt.date(year.year, 12, 31)
    tree = TreeMemo(year)
    index = DecisionIndex.build(year, tree)
    run = Run(spec, year, history, settings, evaluation_date, index, out, tree)
    if reuse is not None:
        run.cores = reuse.cores_for(year, spec.id, settings, evaluation_date)
    _rate_members(run)
    if isinstance(run.cores, YearCores) and reuse is not None:
        reuse.done(run.cores)
    _rate_orgs(run)
    if spec.rates:
        head_caps(run)
    check_decisions(run)
    if spec.rates:
        check_agency_basis(run)
        check_quotas(run)
        check_flags(run)
    return out


def _not_reviewed(run: Run, member_id: str, org_id: str, why: str) -> Verdict:
    v = Verdict(member_id, "member", org_id=org_id)
    rule_id, citation = run.spec.not_reviewed_rule
    reason = Reason(
        rule_id, citation, why, Effect.NOT_RATED, not_rated=NotRated.NOT_REVIEWED, reviewed=False
    )
    if not run.spec.rates:
        reason = Reason(
            "R0",
            "",
            "Năm đánh giá chưa có hướng dẫn: chưa xếp loại",
            Effect.NOT_RATED,
            not_rated=NotRated.PENDING_RULESET,
            reviewed=False,
        )
    assemble(v, [reason])
    return v


def _rate_members(run: Run) -> None:
    """Every member's verdict from the member rules (or kept, `run.cores`), chi bộ by chi
    bộ in the tree's order; then the proposal and decision lines are attached."""
    year, out = run.year, run.out
    verdicts, members, paths = out.members, year.members, run.member_paths
    rules = [r.func for r in run.spec.rules.members]  # bound in C: no frame per call
    kept, keep = run.cores.verdict, run.cores.keep
    settings, evaluation_date = run.settings, run.evaluation_date
    broken = year.broken_members
    for org in year.orgs.values():
        org_id = org.id
        for member_id in org.member_ids:
            member = members.get(member_id)
            if member is None or member_id in verdicts:
                continue
            v = kept(member_id, org_id, member)
            if v is None:
                v = member_verdict(
                    Verdict(member_id, "member", org_id=org_id, self_level=member.self_level),
                    MemberFacts(year, member, settings, evaluation_date),
                    rules,
                )
                keep(member, v)
            verdicts[member_id] = v
            if member.source:
                paths[member_id] = member.source.path
        for member_id in broken.get(org_id, ()):
            if member_id not in verdicts:
                verdicts[member_id] = _not_reviewed(
                    run, member_id, org_id, "Bản kiểm điểm có lỗi, chưa đọc được: chưa xếp loại"
                )
    # members a chi bộ proposed who have no review file at all
    for org_id, proposals in year.proposals.items():
        for item in proposals.items:
            if item.member_id not in verdicts:
                verdicts[item.member_id] = _not_reviewed(
                    run, item.member_id, org_id, "Chưa có bản kiểm điểm: chưa xếp loại"
                )
    _attach_lines(run)


def _attach_lines(run: Run) -> None:
    """Each member's proposal line (level, votes) and decision line (level, by whom)."""
    proposals, decisions = run.index.proposals, run.index.members
    texts: dict[int, str] = {}  # run.decided_by's, by the decisions file (inline: per member)
    for member_id, v in run.out.members.items():
        proposed = proposals.get(member_id)
        if proposed is not None:
            item = proposed.item
            v.proposed = item.level
            votes = item.votes
            if votes is not None:
                v.proposed_votes = (votes.agree, votes.disagree, votes.abstain)
        decided = decisions.get(member_id)
        if decided is not None:
            record = decided.record
            v.decided = decided.item.level
            text = texts.get(id(record))
            if text is None:
                text = texts[id(record)] = run.decided_by(record)
            v.decided_by = text


def _post_order(year: Year) -> list[Organization]:
    done: set[str] = set()
    order: list[Organization] = []

    def visit(org: Organization) -> None:
        if org.id in done:
            return
        done.add(org.id)
        for child_id in org.children:
            child = year.orgs.get(child_id)
            if child is not None:
                visit(child)
        order.append(org)

    root = year.orgs.get(year.root_id or "")
    if root is not None:
        visit(root)
    for org in year.orgs.values():
        visit(org)
    return order


def _rate_orgs(run: Run) -> None:
    year, out = run.year, run.out
    for org in _post_order(year):
        if org.parent_id is None and org.type.is_upper:
            continue  # the root (province, or a pre-2025 district) is rated above (§7 D5)
        v = Verdict(org.id, "org", org_id=org.parent_id or "", self_level=org.self_level)
        members = [out.members[m] for m in org.member_ids if m in out.members]
        members += [out.members[m] for m in year.broken_members.get(org.id, []) if m in out.members]
        children = [out.orgs[c] for c in org.children if c in out.orgs]
        facts = OrgFacts(
            year, org, run.settings, run.evaluation_date, members, children, year.members
        )
        if not run.spec.rates:
            reasons = [
                Reason(
                    "R0",
                    "",
                    "Năm đánh giá chưa có hướng dẫn: chưa xếp loại",
                    Effect.NOT_RATED,
                    not_rated=NotRated.PENDING_RULESET,
                    reviewed=True,
                )
            ]
        elif org.state is FileState.DRAFT:
            rule_id, citation = run.spec.not_reviewed_rule
            reasons = [
                Reason(
                    rule_id,
                    citation,
                    "Bản kiểm điểm tập thể còn là bản nháp: chưa xếp loại",
                    Effect.NOT_RATED,
                    not_rated=NotRated.NOT_REVIEWED,
                    reviewed=False,
                )
            ]
        else:
            reasons = [reason for r in run.spec.rules.orgs for reason in r(facts)]
        assemble(v, reasons)
        decided = run.index.orgs.get(org.id)
        if decided is not None:
            v.decided = decided.item.level
            v.decided_by = run.decided_by(decided.decisions)
        out.orgs[org.id] = v
        if run.spec.rules.leadership and v.rated:
            lv = Verdict(org.id, "leadership", org_id=org.id)
            lfacts = OrgFacts(
                year,
                org,
                run.settings,
                run.evaluation_date,
                members,
                children,
                year.members,
                own_verdict=v,
            )
            assemble(lv, [reason for r in run.spec.rules.leadership for reason in r(lfacts)])
            v.leadership = lv
