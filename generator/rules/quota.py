"""Quota pools (132-M5, 132-O6, 124-M5, 366-M6): HTXSNV <= a share of those rated HTTNV.

A `QuotaPolicy` says which rule, which share (and the larger share an outstanding-results
decision allows, 366-M6), and how pools are formed; `check_pool` counts a pool's final
levels and returns a `QuotaPool` (shown by the site and the statistics) and the findings
against the decision lines beyond the limit.

Settings read (shared by the rulesets that declare them):
- `quota_base`: `httnv` (denominator = rated HTTNV, the literal text) or `httnv_or_above`
  (HTTNV + HTXSNV, as some provinces read it);
- `quota_rounding`: `floor` (default), `round` (half up) or `ceil`;
- `quota_share` (0.20) and, where the policy allows it, `quota_share_outstanding` (0.25);
- `member_quota_pool` / `org_quota_pool` (read by the engine when forming pools).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Protocol

from generator.findings import Finding, Position
from generator.rules import problems
from generator.rules.base import Setting, Verdict
from generator.rules.wording import pct
from generator.submissions.records import Level
from generator.vietnamese import exact_vi

# `quota_rounding` in words (a pool's basis, `QuotaPool.basis_vi`; rollup's refusal of
# sources that round differently, generator.statistics.rollupquota)
ROUNDING_VI = {"floor": "làm tròn xuống", "round": "làm tròn", "ceil": "làm tròn lên"}


@dataclass(frozen=True)
class QuotaPolicy:
    rule: str
    citation: str
    # 366-M6: a larger share (`quota_share_outstanding`) with an outstanding-results decision
    outstanding: bool = False
    pool_setting: str | None = None  # the setting choosing the pool (None: fixed)
    default_pool: str = "tccsd"
    # the settings this policy reads (quota_base, quota_rounding, quota_share, ...)
    settings: tuple[Setting, ...] = ()


@dataclass
class QuotaPool:
    """One pool's count, as checked (also shown by the site and statistics)."""

    kind: str  # "member" | "org"
    pool_id: str  # the organization whose scope forms the pool
    pool_name: str
    rule: str
    base_setting: str
    rounding: str
    share: Fraction
    base: int  # the denominator (count of HTTNV, or HTTNV + HTXSNV)
    limit: int
    httnv: int
    htxsnv_final: int  # decided or provisional
    htxsnv_decided: int
    over_ids: list[str] = field(default_factory=list)  # decided HTXSNV beyond the limit
    group: str = ""  # 366-M6: the role group of a member pool ("" when the year lists none)
    # counted but not judged here: a pool spanning the parts of a split province (README
    # "Splitting a province"), judged by `kiemdiem rollup` from every part's counts
    deferred: bool = False

    @property
    def over(self) -> bool:
        return self.htxsnv_decided > self.limit

    @property
    def basis_vi(self) -> str:
        what = "số xếp loại HTTNV" if self.base_setting == "httnv" else "số xếp loại HTTNV trở lên"
        how = ROUNDING_VI[self.rounding]
        # "số xếp loại HTTNV là 3; 20% là 0,6, làm tròn xuống được 0": the base first, then
        # the share of it with its decimals (not "20% của … là 3", read as 20% being 3)
        exact = exact_vi(float(self.share * self.base))
        return (
            f"{what} là {self.base}; {pct(float(self.share))} là {exact}, {how} được {self.limit}"
        )


def as_fraction(value: object) -> Fraction:
    """0.2 -> 1/5 exactly (via its decimal text), so 20% of 40 is 8, not 8.000000000000002."""
    return Fraction(str(value))


def limit_for(base: int, share: Fraction, rounding: str) -> int:
    """share x base, rounded as the setting says; exact rational arithmetic."""
    exact = share * base
    if rounding == "ceil":
        return math.ceil(exact)
    if rounding == "round":
        return math.floor(exact + Fraction(1, 2))
    return math.floor(exact)


class Located(Protocol):
    @property
    def position(self) -> Position: ...


@dataclass(frozen=True)
class At:
    """A position known already (a fallback line)."""

    position: Position


@dataclass(frozen=True)
class DecidedLine:
    """A decision line, its position asked only for a finding: finding it re-reads the
    decisions file (generator.loading.CompactDocument), which a province cannot afford for
    every line of every pool."""

    subject_id: str
    path: str
    where: Located

    @property
    def position(self) -> Position:
        return self.where.position


def check_pool(
    *,
    kind: str,
    pool_id: str,
    pool_name: str,
    policy: QuotaPolicy,
    settings: dict[str, object],
    verdicts: list[Verdict],
    decided_lines: Mapping[str, DecidedLine],
    outstanding: bool,
    fallback: DecidedLine | None,
) -> tuple[QuotaPool, list[Finding]]:
    """Count one pool; findings for decided HTXSNV beyond the limit (in file order)."""
    httnv, htxs = 0, list[Verdict]()  # one pass: `final` (a property) asked once each
    for v in verdicts:
        if v.rated:
            final = v.final
            if final == Level.HTTNV:
                httnv += 1
            elif final == Level.HTXSNV:
                htxs.append(v)
    decided = [v for v in htxs if v.decided == Level.HTXSNV and v.re_rated is None]
    if outstanding and policy.outstanding:
        share = as_fraction(settings["quota_share_outstanding"])
    else:
        share = as_fraction(settings["quota_share"])
    pool = counted_pool(
        kind,
        pool_id,
        pool_name,
        policy.rule,
        str(settings["quota_base"]),
        str(settings["quota_rounding"]),
        share,
        httnv=httnv,
        htxsnv_final=len(htxs),
        htxsnv_decided=len(decided),
    )
    limit = pool.limit
    subject = "đảng viên" if kind == "member" else "tổ chức"
    out: list[Finding] = []
    if len(decided) > limit:
        lines = sorted(
            (decided_lines[v.subject_id] for v in decided if v.subject_id in decided_lines),
            key=lambda d: (d.path, d.position),
        )
        for line in lines[limit:]:
            pool.over_ids.append(line.subject_id)
            out.append(
                problems.quota_exceeded(
                    line.path,
                    line.position,
                    pool=pool_name,
                    count=len(decided),
                    limit=limit,
                    basis=pool.basis_vi,
                    rule=policy.rule,
                    subject=subject,
                )
            )
    elif len(htxs) > limit and fallback is not None:
        out.append(
            problems.quota_provisional(
                fallback.path,
                fallback.position,
                pool=pool_name,
                count=len(htxs),
                limit=limit,
                basis=pool.basis_vi,
                rule=policy.rule,
                subject=subject,
            )
        )
    return pool, out


def counted_pool(
    kind: str,
    pool_id: str,
    pool_name: str,
    rule: str,
    base_setting: str,
    rounding: str,
    share: Fraction,
    *,
    httnv: int,
    htxsnv_final: int,
    htxsnv_decided: int,
) -> QuotaPool:
    """A pool from its counts: the base (`quota_base`) and the limit (`quota_rounding`).
    `check_pool` counts a repository's verdicts; `kiemdiem rollup` sums the counts of a
    pool its parts deferred (generator/statistics/rollupquota.py)."""
    base = httnv + (htxsnv_final if base_setting == "httnv_or_above" else 0)
    limit = limit_for(base, share, rounding)
    return QuotaPool(
        kind, pool_id, pool_name, rule, base_setting, rounding, share, base, limit, httnv,
        htxsnv_final, htxsnv_decided,
    )  # fmt: skip


def quota_sentence(pool: QuotaPool) -> str:
    """For the INFO reason on every HTXSNV in the pool (RULES.md §6 case 1: 'subject to
    quota')."""
    share = pct(pool.htxsnv_final / pool.base) if pool.base else "—"
    return (
        f"HTXSNV chịu giới hạn tỷ lệ trong {pool.pool_name}: {pool.htxsnv_final} trường hợp "
        f"HTXSNV ({share} so với cơ sở tính), tối đa {pool.limit} ({pool.basis_vi}) "
        f"({pool.rule})"
    )
