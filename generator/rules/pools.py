"""Quota pools of a rated year (132-M5, 132-O6, 124-M5, 366-M6): which verdicts share a
pool, and the pool's count (quota.check_pool) recorded on the year and its verdicts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.findings import Finding, Position
from generator.rules import problems
from generator.rules.base import Effect, Reason, Verdict, YearVerdicts
from generator.rules.lookup import DecidedMember
from generator.rules.quota import At, DecidedLine, QuotaPolicy, check_pool, quota_sentence
from generator.rules.run import Run, org_name
from generator.submissions.records import Level


def check_quotas(run: Run) -> None:
    if run.spec.member_quota is not None:
        _member_pools(run, run.spec.member_quota)
    if run.spec.org_quota is not None:
        _org_pools(run, run.spec.org_quota)


def _member_pool_org(run: Run, policy: QuotaPolicy, v: Verdict) -> str | None:
    """The organization whose scope pools `v`: the deciding committee or the TCCSĐ."""
    pool_org = run.tree.grassroots_of(v.org_id)
    if _pool_scope(run, policy) == "deciding_committee":
        pool_org = run.tree.member_authority(v.subject_id).body or pool_org
    return pool_org.id if pool_org is not None else None


def _pool_scope(run: Run, policy: QuotaPolicy) -> str:
    return str(run.settings[policy.pool_setting]) if policy.pool_setting else policy.default_pool


def role_group_of(run: Run, member_id: str) -> str:
    """366-M6: the member's role group when the year lists role groups, else "" (one pool
    per deciding committee)."""
    config = run.year.config
    if not run.spec.role_groups or config is None or not config.role_groups:
        return ""
    member = run.year.members.get(member_id)
    return member.role_group if member is not None and member.role_group else ""


def _group_name(run: Run, group: str) -> str:
    config = run.year.config
    names = {g.code: g.name for g in config.role_groups} if config else {}
    if not group:
        return "chưa ghi nhóm vai trò"
    return names.get(group, group)


def _member_pools(run: Run, policy: QuotaPolicy) -> None:
    year, out = run.year, run.out
    pools: dict[tuple[str, str], list[Verdict]] = {}
    by_org: dict[str, str | None] = {}  # the pool's organization by chi bộ (TCCSĐ scope)
    by_committee = _pool_scope(run, policy) == "deciding_committee"
    grouped = _has_groups(run)
    for v in out.members.values():
        if by_committee:
            pool_org = _member_pool_org(run, policy, v)
        else:
            try:
                pool_org = by_org[v.org_id]
            except KeyError:
                pool_org = by_org[v.org_id] = _member_pool_org(run, policy, v)
        if pool_org is not None:
            group = role_group_of(run, v.subject_id) if grouped else ""
            pools.setdefault((pool_org, group), []).append(v)
    _unknown_groups(run, policy)
    lines = _Lines(run.index.members)
    for (pool_id, group), verdicts in pools.items():
        decider = run.tree.grassroots_of(pool_id)
        decisions = year.decisions.get(decider.id) if decider else None
        name = org_name(run, pool_id)
        if grouped:
            name = f"{name}, nhóm {_group_name(run, group)}"
        pool, found = check_pool(
            kind="member",
            pool_id=pool_id,
            pool_name=name,
            policy=policy,
            settings=run.settings,
            verdicts=verdicts,
            decided_lines=lines,
            outstanding=bool(decisions and decisions.outstanding_results),
            fallback=_fallback_line(run, pool_id, decisions),
        )
        pool.group = group
        _record_pool(out, pool, found, verdicts, policy)


class _Lines(Mapping[str, DecidedLine]):
    """The decision lines of a year's members as `DecidedLine`s, each made when a pool
    beyond its limit asks for it (not one object per member of a province)."""

    def __init__(self, lines: Mapping[str, DecidedMember]) -> None:
        self.lines = lines

    def __getitem__(self, member_id: str) -> DecidedLine:
        d = self.lines[member_id]
        return DecidedLine(member_id, d.path, d)

    def __contains__(self, member_id: object) -> bool:
        return member_id in self.lines

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


def _unknown_groups(run: Run, policy: QuotaPolicy) -> None:
    """366-M6: a rated member whose role group the year does not list is a warning at the
    member's `nhom_vai_tro` (their pool is then that group alone)."""
    config = run.year.config
    if not _has_groups(run) or config is None:
        return
    codes = [g.code for g in config.role_groups]
    for member_id, v in run.out.members.items():
        member = run.year.members.get(member_id)
        if not v.rated or member is None or member.role_group in codes or member.source is None:
            continue
        doc = member.source.document
        pos = doc.key_pos(("nhom_vai_tro",)) if member.role_group else Position(1, 1)
        run.out.findings.append(
            problems.role_group_unknown(
                member.source.path,
                pos,
                year=run.year.year,
                group=member.role_group,
                codes=codes,
                rule=policy.rule,
            )
        )


def _has_groups(run: Run) -> bool:
    config = run.year.config
    return bool(run.spec.role_groups and config is not None and config.role_groups)


def _org_pools(run: Run, policy: QuotaPolicy) -> None:
    year, out = run.year, run.out
    org_pools: dict[str, list[Verdict]] = {}
    for org_id, v in out.orgs.items():
        if run.settings["org_quota_pool"] == "tccsd":
            tccsd = run.tree.grassroots_of(org_id)
            key = tccsd.id if tccsd else None
        else:
            decider = year.deciding_org_for_org(org_id)
            key = decider.id if decider else None
        if key is not None:
            org_pools.setdefault(key, []).append(v)
    lines = {oid: DecidedLine(oid, d.path, d) for oid, d in run.index.orgs.items()}
    for pool_id, verdicts in org_pools.items():
        decisions = year.decisions.get(pool_id)
        pool, found = check_pool(
            kind="org",
            pool_id=pool_id,
            pool_name=f"các tổ chức do {org_name(run, pool_id)} xếp loại",
            policy=policy,
            settings=run.settings,
            verdicts=verdicts,
            decided_lines=lines,
            outstanding=bool(decisions and decisions.outstanding_results),
            fallback=_fallback_line(run, pool_id, decisions),
        )
        if _deferred(run, pool_id):
            _defer(run, pool, policy, _fallback_line(run, pool_id, decisions))
            continue
        _record_pool(out, pool, found, verdicts, policy)


def _deferred(run: Run, pool_id: str) -> bool:
    """Whether an organization pool spans the parts of a split province (README
    "Splitting a province"): in a part (`kho_mot_phan`), the pool of the organizations the
    root's committee rates (366-M6, `org_quota_pool: deciding_committee`). Pools below the
    root (a đảng bộ xã's own) are wholly in one part, and judged there."""
    config = run.year.config
    return (
        config is not None
        and config.part
        and run.settings["org_quota_pool"] == "deciding_committee"
        and pool_id == run.year.root_id
    )


def _defer(run: Run, pool: Any, policy: QuotaPolicy, line: DecidedLine | None) -> None:
    """Keep the pool's counts for `kiemdiem rollup --export` and say so in a notice, with no
    finding against its count here and no quota sentence on its verdicts (their limit is
    the whole province's)."""
    pool.deferred = True
    run.out.quota_pools.append(pool)
    if line is not None:
        run.out.findings.append(
            problems.quota_deferred(
                line.path,
                line.position,
                pool=pool.pool_name,
                count=pool.htxsnv_final,
                decided=pool.htxsnv_decided,
                httnv=pool.httnv,
                rule=policy.rule,
            )
        )


def _fallback_line(run: Run, pool_id: str, decisions: Any) -> DecidedLine | None:
    if decisions is not None and decisions.source is not None:
        return DecidedLine(pool_id, decisions.source.path, At(Position(1)))
    org = run.year.orgs.get(pool_id)
    if org is not None and org.source is not None:
        return DecidedLine(pool_id, org.source.path, At(Position(1)))
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
    if not pool.htxsnv_final:
        return  # no rated HTXSNV in the pool (check_pool counted them)
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
