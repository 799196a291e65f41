"""The quota pools a split province's parts leave to `kiemdiem rollup` (366-M6, README
"Splitting a province"): in a repository marked `kho_mot_phan`, the pool of the
organizations the root's committee rates spans the parts, so the part counts it and does
not judge it (generator/rules/pools.py). Its counts travel in the exchange file's
`ty_le_cho_tong_hop` (counts and settings only, no organization of the pool named), and
the rollup sums every source's counts and judges the whole pool with the same arithmetic
(generator/rules/quota.counted_pool).

    rows(stats)                  # -> the exchange's `ty_le_cho_tong_hop` (None: no pool)
    read_rows(value, source)     # and back: QuotaPools (RollupError, Vietnamese)
    merge_pools(parts, names)    # the summed pools and the sources of each
    findings(merged)             # the rollup's finding on each summed pool

A file without `ty_le_cho_tong_hop` (every file before it, and a whole repository's)
adds nothing to such a pool. Sources that read a pool with different settings (base,
rounding, share) cannot be summed: RollupError naming them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.findings import Finding, Position, make
from generator.rules.quota import ROUNDING_VI, QuotaPool, as_fraction, counted_pool
from generator.rules.wording import pct

if TYPE_CHECKING:
    from generator.statistics import YearStatistics

FIELD = "ty_le_cho_tong_hop"
_ROW = {"quy_tac", "ma", "co_so", "lam_tron", "ty_le", "httnv", "htxsnv", "htxsnv_da_quyet_dinh"}
_BASES = ("httnv", "httnv_or_above")
_ROUNDINGS = ("floor", "round", "ceil")


CARRIED = (
    "tỷ lệ Hoàn thành xuất sắc nhiệm vụ của các tổ chức do cấp ủy tổ chức cấp trên cùng xếp "
    "loại (366-M6) chưa xét ở đây: tệp xuất chỉ cộng số của các nguồn đã gộp (mục "
    "`ty_le_cho_tong_hop`), và tỷ lệ được xét khi tổng hợp mọi kho mà không có `--export`."
)


class PoolError(ValueError):
    """A `ty_le_cho_tong_hop` that cannot be read or summed; the message is Vietnamese."""


def key(pool: QuotaPool) -> str:
    return f"{pool.rule} {pool.pool_id}"


def rows(pools: list[QuotaPool]) -> list[dict[str, Any]]:
    return [
        {
            "quy_tac": p.rule,
            "ma": p.pool_id,
            "co_so": p.base_setting,
            "lam_tron": p.rounding,
            "ty_le": float(p.share),
            "httnv": p.httnv,
            "htxsnv": p.htxsnv_final,
            "htxsnv_da_quyet_dinh": p.htxsnv_decided,
        }
        for p in pools
    ]


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000_000:
        raise ValueError
    return value


def _pool(row: Any) -> QuotaPool:
    if not isinstance(row, dict) or set(row) != _ROW:
        raise ValueError
    rule, org, base, rounding = (row[k] for k in ("quy_tac", "ma", "co_so", "lam_tron"))
    share = row["ty_le"]
    if not (isinstance(rule, str) and isinstance(org, str) and 0 < len(rule) <= 16):
        raise ValueError
    if base not in _BASES or rounding not in _ROUNDINGS or isinstance(share, bool):
        raise ValueError
    if not isinstance(share, int | float) or not 0 <= share <= 1 or not 0 < len(org) <= 100:
        raise ValueError
    final, decided = _count(row["htxsnv"]), _count(row["htxsnv_da_quyet_dinh"])
    if decided > final:
        raise ValueError
    return counted_pool(
        "org",
        org,
        org,
        rule,
        base,
        rounding,
        as_fraction(share),
        httnv=_count(row["httnv"]),
        htxsnv_final=final,
        htxsnv_decided=decided,
    )


def read_rows(value: Any, source: str) -> list[QuotaPool]:
    """The pools of a file's `ty_le_cho_tong_hop`; PoolError when one is not as `rows`
    writes it (the schema told where first: generator/statistics/exchange.py)."""
    if not isinstance(value, list):
        raise PoolError(f"{source}: `{FIELD}` phải là một danh sách.")
    out: list[QuotaPool] = []
    for i, row in enumerate(value):
        try:
            out.append(_pool(row))
        except ValueError:
            raise PoolError(
                f"{source}: `{FIELD}[{i + 1}]` không đúng định dạng (htxsnv_da_quyet_dinh "
                "không được lớn hơn htxsnv)."
            ) from None
    for i, pool in enumerate(out):
        if any(key(p) == key(pool) for p in out[:i]):
            raise PoolError(f"{source}: `{FIELD}` có hai mục cùng quy tắc và mã `{pool.pool_id}`.")
    return out


def merge_pools(
    parts: list[list[QuotaPool]], names: list[str]
) -> tuple[list[QuotaPool], dict[str, list[str]]]:
    """Each pool summed over the sources that carry it, and those sources' names."""
    first: dict[str, tuple[QuotaPool, str]] = {}
    counts: dict[str, list[int]] = {}
    where: dict[str, list[str]] = {}
    for pools, name in zip(parts, names, strict=True):
        for p in pools:
            k = key(p)
            if k not in first:
                first[k], counts[k], where[k] = (p, name), [0, 0, 0], []
            seen, seen_in = first[k]
            if (p.base_setting, p.rounding, p.share) != (
                seen.base_setting, seen.rounding, seen.share
            ):  # fmt: skip
                raise PoolError(_differ(p, name, seen, seen_in))
            for i, n in enumerate((p.httnv, p.htxsnv_final, p.htxsnv_decided)):
                counts[k][i] += n
            where[k].append(name)
    merged = [
        counted_pool(
            "org",
            p.pool_id,
            p.pool_name,
            p.rule,
            p.base_setting,
            p.rounding,
            p.share,
            httnv=counts[k][0],
            htxsnv_final=counts[k][1],
            htxsnv_decided=counts[k][2],
        )
        for k, (p, _) in first.items()
    ]
    for pool in merged:
        pool.deferred = True
    return merged, where


def _differ(p: QuotaPool, name: str, seen: QuotaPool, seen_in: str) -> str:
    def said(q: QuotaPool) -> str:
        what = "HTTNV" if q.base_setting == "httnv" else "HTTNV trở lên"
        return f"{pct(float(q.share))} của số {what}, {ROUNDING_VI[q.rounding]}"

    return (
        f"Các nguồn tính tỷ lệ {p.rule} của các tổ chức do `{p.pool_id}` xếp loại theo cách "
        f"khác nhau: {seen_in} theo {said(seen)}, còn {name} theo {said(p)}, nên không cộng "
        "được, chưa tổng hợp. Mọi kho của cùng một năm phải có cùng mục `cai_dat` (quota_base, "
        "quota_rounding, quota_share, quota_share_outstanding) trong tệp năm và cùng quyết "
        "định của cấp ủy đó; sửa kho chưa đúng rồi chạy lại `kiemdiem rollup --export` ở kho "
        "đó và tổng hợp lại với tệp mới."
    )


def findings(
    stats: YearStatistics, at: Callable[[str, QuotaPool], tuple[str, Position]] | None = None
) -> list[Finding]:
    """The rollup's finding on each summed pool, at the first source that carries it (the
    message names them all); `at` says where in that source (default: its line 1)."""
    out: list[Finding] = []
    for pool in stats.deferred:
        where = stats.deferred_sources.get(key(pool)) or ["?"]
        path, pos = at(where[0], pool) if at is not None else (where[0], Position(1))
        org = stats.org(pool.pool_id)
        name = f"{org.name} ({pool.pool_id})" if org is not None else f"`{pool.pool_id}`"
        out.append(
            make(
                judge(pool),
                path,
                pos,
                rule=pool.rule,
                year=stats.year,
                sources=f"{len(where)} nguồn ({', '.join(where)})",
                name=name,
                decided=pool.htxsnv_decided,
                final=pool.htxsnv_final,
                httnv=pool.httnv,
                limit=pool.limit,
                basis=pool.basis_vi,
                extra={"pool": pool.pool_id, "count": pool.htxsnv_final, "limit": pool.limit},
            )
        )
    return out


def judge(pool: QuotaPool) -> str:
    """The code of the rollup's finding on a summed pool: over its limit with decided
    levels (error), with provisional ones (warning), or within it (notice)."""
    if pool.htxsnv_decided > pool.limit:
        return "rollup-quota-exceeded"
    if pool.htxsnv_final > pool.limit:
        return "rollup-quota-provisional"
    return "rollup-quota-within"
