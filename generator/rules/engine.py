"""The rating driver shared by every ruleset (RULES.md X1, X2, X3).

    spec.rate(year, history) -> YearVerdicts

1. settings: the ruleset's `Setting`s, overridden by `cai_dat:` of the year file;
2. members: each member rule yields reasons; `assemble` turns them into a verdict
   (not rated, or ceiling = the lowest cap, assessed = criteria capped by the ceiling,
   flags); the proposal and decision lines are attached (lookup.DecisionIndex);
3. organizations bottom-up (children before parents) from their members' and subordinate
   organizations' final levels; then each organization's leadership body;
4. heads after their units (132-L1, 124-L1): the head cap becomes a ceiling of the head;
5. checks for the deciding bodies: decisions above the ceiling or for someone not rated or
   not reviewed, quota pools, "cần quyết định", two KHTNV years (X3).

Nothing here knows a ruleset id: the differences live in the ruleset modules' rules and
policies (`RulesetSpec`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.findings import Finding, Position
from generator.rules import problems
from generator.rules.base import (
    Effect,
    History,
    NotRated,
    Reason,
    Setting,
    Verdict,
    YearVerdicts,
)
from generator.rules.lookup import DecisionIndex, decided_by_text
from generator.rules.quota import DecidedLine, QuotaPolicy, check_pool, quota_sentence
from generator.rules.rule import MemberFacts, OrgFacts, Rule, RuleList
from generator.rules.wording import cap, level_text
from generator.submissions.records import FileState, Level, Organization
from generator.submissions.year import Year

# rules every rated ruleset gets from this driver: X1 verdict assembly, X2 decisions above
# the ceiling / quota / head cap as errors, X3 two KHTNV years
ENGINE_RULE_IDS = ("X1", "X2", "X3")


@dataclass(frozen=True)
class HeadCap:
    """132-L1 / 124-L1: a head is never rated above the organization they head."""

    rule: str
    citation: str
    setting: str | None = None  # a bool setting that can switch the cap off


@dataclass
class RulesetSpec:
    """A ruleset: its rules, settings and policies. Implements `base.Ruleset`."""

    id: str
    title_vi: str
    years_vi: str
    settings: list[Setting]
    rules: RuleList
    member_quota: QuotaPolicy | None = None
    org_quota: QuotaPolicy | None = None
    head_cap: HeadCap | None = None
    # rule ids implemented by the engine for this ruleset (beyond the rule functions)
    engine_rule_ids: tuple[str, ...] = ()
    not_reviewed_rule: tuple[str, str] = ("X1", "")  # rule id, citation for drafts
    rates: bool = True  # False for `pending`
    # whether a member admitted < 6 months before the evaluation date writes a review
    # (132-M7: yes; 124-M6: no); the check stage asks through `review_expected`
    new_members_reviewed: bool = False

    def rate(self, year: Year, history: History) -> YearVerdicts:
        return rate(self, year, history)

    def rule_ids(self) -> list[str]:
        ids = [r.id for r in self.rules.all()]
        ids += [p.rule for p in (self.member_quota, self.org_quota) if p is not None]
        if self.head_cap:
            ids.append(self.head_cap.rule)
        ids += list(self.engine_rule_ids)
        if self.rates:
            ids += list(ENGINE_RULE_IDS)
        return sorted(set(ids))

    def all_rules(self) -> list[Rule[Any]]:
        return self.rules.all()


# --------------------------------------------------------------------------- settings


def resolve_settings(spec: RulesetSpec, year: Year) -> tuple[dict[str, Any], list[Finding]]:
    values = {s.name: s.default for s in spec.settings}
    findings: list[Finding] = []
    config = year.config
    if config is None:
        return values, findings
    by_name = {s.name: s for s in spec.settings}
    src = config.source
    for name, value in config.settings.items():
        pos = src.document.value_pos(("cai_dat", name)) if src else Position(1)
        path = src.path if src else f"submissions/{year.year}/nam-danh-gia.yaml"
        setting = by_name.get(name)
        if setting is None:
            findings.append(
                problems.setting_unknown(
                    path, pos, name=name, ruleset=spec.id, known=sorted(by_name)
                )
            )
            continue
        if setting.choices is not None and value not in setting.choices:
            findings.append(
                problems.setting_invalid(
                    path, pos, name=name, value=value, choices=setting.choices, rule=setting.rule
                )
            )
            continue
        values[name] = value
    return values, findings


# --------------------------------------------------------------------------- assembly


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


# --------------------------------------------------------------------------- rating


@dataclass
class _Run:
    spec: RulesetSpec
    year: Year
    history: History
    settings: dict[str, Any]
    evaluation_date: dt.date
    index: DecisionIndex
    out: YearVerdicts
    member_paths: dict[str, str] = field(default_factory=dict)


def rate(spec: RulesetSpec, year: Year, history: History) -> YearVerdicts:
    settings, findings = resolve_settings(spec, year)
    out = YearVerdicts(year.year, spec.id, settings)
    out.findings.extend(findings)
    evaluation_date = year.config.evaluation_date if year.config else dt.date(year.year, 12, 31)
    run = _Run(spec, year, history, settings, evaluation_date, DecisionIndex.build(year), out)
    _rate_members(run)
    _rate_orgs(run)
    if spec.rates:
        _head_caps(run)
    _check_decisions(run)
    if spec.rates:
        _check_quotas(run)
        _check_flags(run)
    return out


def _not_reviewed(run: _Run, member_id: str, org_id: str, why: str) -> Verdict:
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


def _rate_members(run: _Run) -> None:
    year, out = run.year, run.out
    for org in year.orgs.values():
        for member_id in org.member_ids:
            member = year.members.get(member_id)
            if member is None or member_id in out.members:
                continue
            v = Verdict(member_id, "member", org_id=org.id, self_level=member.self_level)
            facts = MemberFacts(year, member, run.settings, run.evaluation_date)
            reasons: list[Reason] = []
            for r in run.spec.rules.members:
                reasons.extend(r(facts))
            assemble(v, reasons)
            out.members[member_id] = v
            if member.source:
                run.member_paths[member_id] = member.source.path
        for member_id in year.broken_members.get(org.id, []):
            if member_id not in out.members:
                out.members[member_id] = _not_reviewed(
                    run, member_id, org.id, "Bản kiểm điểm có lỗi, chưa đọc được: chưa xếp loại"
                )
    # members a chi bộ proposed who have no review file at all
    for org_id, proposals in year.proposals.items():
        for item in proposals.items:
            if item.member_id not in out.members:
                out.members[item.member_id] = _not_reviewed(
                    run, item.member_id, org_id, "Chưa có bản kiểm điểm: chưa xếp loại"
                )
    for member_id, v in out.members.items():
        proposed = run.index.proposals.get(member_id)
        if proposed is not None:
            v.proposed = proposed.item.level
            votes = proposed.item.votes
            if votes is not None:
                v.proposed_votes = (votes.agree, votes.disagree, votes.abstain)
        decided = run.index.members.get(member_id)
        if decided is not None:
            v.decided = decided.item.level
            v.decided_by = decided_by_text(year, decided.decisions)


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


def _rate_orgs(run: _Run) -> None:
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
            v.decided_by = decided_by_text(year, decided.decisions)
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


def _head_caps(run: _Run) -> None:
    head_cap = run.spec.head_cap
    if head_cap is None or (head_cap.setting and not run.settings.get(head_cap.setting, True)):
        return
    year, out = run.year, run.out
    for org_id, ov in out.orgs.items():
        org = year.orgs[org_id]
        head = org.head_id
        hv = out.members.get(head or "")
        if hv is None or not hv.rated or not ov.rated or ov.final is None:
            continue
        if ov.final >= Level.HTXSNV:
            continue
        status = "đã quyết định" if ov.decided is not None else "dự kiến"
        hv.reasons.append(
            Reason(
                head_cap.rule,
                head_cap.citation,
                cap(
                    f"là bí thư (người đứng đầu) của {org.name}, tổ chức xếp loại "
                    f"{level_text(ov.final)} ({status})",
                    ov.final,
                    head_cap.rule,
                ),
                Effect.CEILING,
                ov.final,
            )
        )
        recompute(hv)


def _member_name(run: _Run, member_id: str) -> str:
    m = run.year.members.get(member_id)
    return f"{m.name} ({member_id})" if m else member_id


def _org_name(run: _Run, org_id: str) -> str:
    o = run.year.orgs.get(org_id)
    return o.name if o else org_id


def _check_decisions(run: _Run) -> None:
    """X2 above the ceiling, head above unit; decisions for someone not rated/reviewed."""
    out = run.out
    head_rule = run.spec.head_cap.rule if run.spec.head_cap else None
    for member_id, d in run.index.members.items():
        v = out.members.get(member_id)
        if v is None:
            continue  # unknown member: the cross-file check's `ref-unknown-member`
        related = [run.member_paths[member_id]] if member_id in run.member_paths else []
        name = _member_name(run, member_id)
        if not run.spec.rates:
            continue
        if not v.rated:
            if v.not_rated is NotRated.NOT_REVIEWED:
                why = v.reasons[0].text if v.reasons else "chưa có bản kiểm điểm"
                rule_id = run.spec.not_reviewed_rule[0]
                out.findings.append(
                    problems.decision_without_review(
                        d.path,
                        d.position,
                        member=name,
                        why=why[:1].lower() + why[1:],
                        rule=rule_id,
                    )
                )
            else:
                r = v.reasons[0]
                out.findings.append(
                    problems.decision_not_rated(
                        d.path, d.position, subject=f"đảng viên {name}", why=r.text, rule=r.rule
                    )
                )
            continue
        if v.decided is not None and v.ceiling is not None and v.decided > v.ceiling:
            limiting = binding(v)
            if head_rule and all(r.rule == head_rule for r in limiting):
                org_id = _headed_org(run, member_id)
                out.findings.append(
                    problems.head_above_unit(
                        d.path,
                        d.position,
                        head=name,
                        decided=v.decided,
                        org_name=_org_name(run, org_id),
                        org_level=v.ceiling,
                        rule=head_rule,
                        related=related,
                    )
                )
            else:
                out.findings.append(
                    problems.decision_above_ceiling(
                        d.path,
                        d.position,
                        subject=f"đảng viên {name}",
                        decided=v.decided,
                        ceiling=v.ceiling,
                        because=[r.text for r in limiting],
                        rules=[r.rule for r in limiting],
                        related=related,
                    )
                )
    for org_id, od in run.index.orgs.items():
        v = out.orgs.get(org_id)
        if v is None or not run.spec.rates:
            continue
        name = _org_name(run, org_id)
        if not v.rated:
            r = v.reasons[0]
            out.findings.append(
                problems.decision_not_rated(
                    od.path, od.position, subject=name, why=r.text, rule=r.rule
                )
            )
        elif v.decided is not None and v.ceiling is not None and v.decided > v.ceiling:
            limiting = binding(v)
            org = run.year.orgs.get(org_id)
            related = [org.source.path] if org and org.source else []
            out.findings.append(
                problems.decision_above_ceiling(
                    od.path,
                    od.position,
                    subject=name,
                    decided=v.decided,
                    ceiling=v.ceiling,
                    because=[r.text for r in limiting],
                    rules=[r.rule for r in limiting],
                    related=related,
                )
            )


def _headed_org(run: _Run, member_id: str) -> str:
    for org in run.year.orgs.values():
        if org.head_id == member_id and org.id in run.out.orgs:
            return org.id
    return ""


def _check_quotas(run: _Run) -> None:
    year, out, spec = run.year, run.out, run.spec
    if spec.member_quota is not None:
        policy = spec.member_quota
        scope = (
            str(run.settings.get(policy.pool_setting, policy.default_pool))
            if (policy.pool_setting)
            else policy.default_pool
        )
        pools: dict[str, list[Verdict]] = {}
        for v in out.members.values():
            if scope == "deciding_committee":
                pool_org = year.deciding_org_for_member(v.subject_id) or year.grassroots_of(
                    v.org_id
                )
            else:
                pool_org = year.grassroots_of(v.org_id)
            if pool_org is not None:
                pools.setdefault(pool_org.id, []).append(v)
        lines = {mid: DecidedLine(mid, d.path, d.position) for mid, d in run.index.members.items()}
        for pool_id, verdicts in pools.items():
            decider = year.grassroots_of(pool_id)
            decisions = year.decisions.get(decider.id) if decider else None
            fallback = _fallback_line(run, pool_id, decisions)
            pool, found = check_pool(
                kind="member",
                pool_id=pool_id,
                pool_name=_org_name(run, pool_id),
                policy=policy,
                settings=run.settings,
                verdicts=verdicts,
                decided_lines=lines,
                outstanding=bool(decisions and decisions.outstanding_results),
                fallback=fallback,
            )
            _record_pool(out, pool, found, verdicts, policy)
    if spec.org_quota is not None:
        policy = spec.org_quota
        org_pools: dict[str, list[Verdict]] = {}
        for org_id, v in out.orgs.items():
            if run.settings.get("org_quota_pool", "deciding_committee") == "tccsd":
                tccsd = year.grassroots_of(org_id)
                key = tccsd.id if tccsd else None
            else:
                decider = year.deciding_org_for_org(org_id)
                key = decider.id if decider else None
            if key is not None:
                org_pools.setdefault(key, []).append(v)
        lines = {oid: DecidedLine(oid, d.path, d.position) for oid, d in run.index.orgs.items()}
        for pool_id, verdicts in org_pools.items():
            decisions = year.decisions.get(pool_id)
            pool, found = check_pool(
                kind="org",
                pool_id=pool_id,
                pool_name=f"các tổ chức do {_org_name(run, pool_id)} xếp loại",
                policy=policy,
                settings=run.settings,
                verdicts=verdicts,
                decided_lines=lines,
                outstanding=bool(decisions and decisions.outstanding_results),
                fallback=_fallback_line(run, pool_id, decisions),
            )
            _record_pool(out, pool, found, verdicts, policy)


def _fallback_line(run: _Run, pool_id: str, decisions: Any) -> DecidedLine | None:
    if decisions is not None and decisions.source is not None:
        return DecidedLine(pool_id, decisions.source.path, Position(1))
    org = run.year.orgs.get(pool_id)
    if org is not None and org.source is not None:
        return DecidedLine(pool_id, org.source.path, Position(1))
    return None


def _record_pool(
    out: YearVerdicts,
    pool: Any,
    found: list[Finding],
    verdicts: list[Verdict],
    policy: QuotaPolicy,
) -> None:
    out.quota_pools.append(pool)
    out.findings.extend(found)
    sentence = quota_sentence(pool)
    for v in verdicts:
        if v.rated and v.final == Level.HTXSNV:
            v.reasons.append(Reason(policy.rule, policy.citation, sentence, Effect.INFO))
            if v.subject_id in pool.over_ids:
                v.flags.append(
                    Reason(
                        policy.rule,
                        policy.citation,
                        f"Quyết định HTXSNV vượt tỷ lệ của {pool.pool_name} ({policy.rule})",
                        Effect.FLAG,
                    )
                )


def _check_flags(run: _Run) -> None:
    """ "cần quyết định" (124-O5, 366-M4, 366-M5) and two KHTNV years (X3)."""
    year, out = run.year, run.out
    for member_id, v in out.members.items():
        if v.rated and v.needs_decision and v.decided is None:
            path, pos, actor = _member_place(run, member_id)
            for r in v.flags:
                if r.needs_decision:
                    out.findings.append(
                        problems.needs_decision(
                            path,
                            pos,
                            subject=f"đảng viên {_member_name(run, member_id)}",
                            why=r.text,
                            rule=r.rule,
                            actor=actor,
                        )
                    )
        previous = run.history.final_level(year.year - 1, member_id)
        if v.rated and v.final == Level.KHTNV and previous == Level.KHTNV:
            v.flags.append(
                Reason(
                    "X3",
                    "Quy định xếp loại đảng viên (theo dõi liên tục)",
                    f"Không hoàn thành nhiệm vụ năm {year.year - 1} và năm {year.year}: "
                    "2 năm liền KHTNV — chi bộ cần giúp đỡ, không tự động xóa tên (X3)",
                    Effect.FLAG,
                )
            )
            path, pos, actor = _member_place(run, member_id)
            out.findings.append(
                problems.two_years_khtnv(
                    path, pos, member=_member_name(run, member_id), year=year.year, actor=actor
                )
            )
    for org_id, v in out.orgs.items():
        if v.rated and v.needs_decision and v.decided is None:
            org = year.orgs[org_id]
            path = org.source.path if org.source else ""
            for r in v.flags:
                if r.needs_decision:
                    out.findings.append(
                        problems.needs_decision(
                            path,
                            Position(1),
                            subject=org.name,
                            why=r.text,
                            rule=r.rule,
                            actor="committee",
                        )
                    )


def _member_place(run: _Run, member_id: str) -> tuple[str, Position, str]:
    """Where a member's finding goes: the decision line, else the proposal line, else the
    review file."""
    d = run.index.members.get(member_id)
    if d is not None:
        return d.path, d.position, "committee"
    p = run.index.proposals.get(member_id)
    if p is not None:
        return p.path, p.position, "chi_bo"
    return run.member_paths.get(member_id, ""), Position(1), "member"
