"""One province's statistics from many repositories, without personal data (issue 11).

A province that keeps its records in several repositories (e.g. one per đảng bộ xã) still
reports as one. Each repository exports its year's statistics as a statistics-only JSON
file (`kiemdiem rollup --export -o xa-a.json`); the province merges those files
(`kiemdiem rollup xa-a.json xa-b.json ... --format xlsx -o tinh.xlsx`).

    data = export(stats)            # a repository's YearStatistics -> the exchange mapping
    stats = read(data, "xa-a.json")  # and back (RollupError, Vietnamese); a file is checked
                                     # first by generator/statistics/exchange.py
    merged = merge([a, b, ...])      # one YearStatistics: the same sheet as `kiemdiem stats`

The exchange holds counts and organizations (id, name, type, category, depth, own level)
and nothing else: no member id, name or review text has a field to travel in, and `read`
refuses any field it does not know, so a file that carries more is not merged.
Organizations with the same id in several files (a shared root) are counted once, with
their members summed, their own level counted once among the organizations' levels, and
the sub-organizations of every file under them (tree order, depth of the merged tree): what
`merge` makes passes the checks of a statistics file, so a rollup can be rolled up again.
"""

from __future__ import annotations

from typing import Any

from generator.rules.base import NotRated
from generator.statistics import CATEGORIES, LEVELS, NOT_RATED, Counts, OrgStats, YearStatistics
from generator.submissions.records import Level, OrgCategory, OrgType

FORMAT = "kiemdiem-thong-ke/1"
_COUNTS = {"muc", "khong_xep_loai", "duoc_xep_loai", "chua_quyet_dinh", "can_quyet_dinh", "tong"}
_ORG = {"ma", "ten", "loai", "phan_loai", "cap", "dang_vien", "xep_loai", "tam_tinh"}
_TOP = {"dinh_dang", "nam", "bo_quy_tac", "tong", "to_chuc", "phan_loai", "xep_loai_to_chuc"}


class RollupError(ValueError):
    """A statistics file that cannot be merged; the message is Vietnamese."""


# ---------------------------------------------------------------------- export


def _counts(c: Counts) -> dict[str, Any]:
    return {
        "muc": {lv.code: c.by_level[lv] for lv in LEVELS},
        "khong_xep_loai": {nr.value: c.not_rated[nr] for nr in NOT_RATED},
        "duoc_xep_loai": c.rated,
        "chua_quyet_dinh": c.undecided,
        "can_quyet_dinh": c.unassessed,
        "tong": c.total,
    }


def export(stats: YearStatistics) -> dict[str, Any]:
    """The statistics-only exchange mapping of one year (and of the year before, if known)."""
    data: dict[str, Any] = {
        "dinh_dang": FORMAT,
        "nam": stats.year,
        "bo_quy_tac": stats.ruleset,
        "tong": _counts(stats.total),
        "to_chuc": [
            {
                "ma": o.org_id,
                "ten": o.name,
                "loai": o.type.value,
                "phan_loai": o.category.value if o.category else None,
                "cap": o.depth,
                "dang_vien": _counts(o.members),
                "xep_loai": o.level.code if o.level else None,
                "tam_tinh": o.provisional,
            }
            for o in stats.orgs
        ],
        "phan_loai": {cat.value: _counts(stats.by_category[cat]) for cat in CATEGORIES},
        "xep_loai_to_chuc": _counts(stats.org_levels),
    }
    if stats.previous is not None:
        data["nam_truoc"] = export(stats.previous)
    return data


# ---------------------------------------------------------------------- read


def _fail(source: str, what: str) -> RollupError:
    return RollupError(f"{source}: {what} (tệp thống kê không đúng định dạng {FORMAT}).")


def _keys(value: Any, allowed: set[str], source: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(source, f"`{where}` phải là một bảng khóa–giá trị")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise _fail(source, f"`{where}` có trường không được phép: {', '.join(unknown)}")
    return value


def _int(value: Any, source: str, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _fail(source, f"`{where}` phải là số nguyên không âm")
    return value


def _read_counts(value: Any, source: str, where: str) -> Counts:
    data = _keys(value, _COUNTS, source, where)
    c = Counts()
    levels = _keys(data.get("muc", {}), {lv.code for lv in LEVELS}, source, f"{where}.muc")
    for lv in LEVELS:
        c.by_level[lv] = _int(levels.get(lv.code, 0), source, f"{where}.muc.{lv.code}")
    reasons = data.get("khong_xep_loai", {})
    reasons = _keys(reasons, {nr.value for nr in NOT_RATED}, source, f"{where}.khong_xep_loai")
    for nr in NOT_RATED:
        c.not_rated[nr] = _int(reasons.get(nr.value, 0), source, f"{where}.khong_xep_loai")
    c.rated = _int(data.get("duoc_xep_loai", 0), source, f"{where}.duoc_xep_loai")
    c.undecided = _int(data.get("chua_quyet_dinh", 0), source, f"{where}.chua_quyet_dinh")
    c.unassessed = _int(data.get("can_quyet_dinh", 0), source, f"{where}.can_quyet_dinh")
    c.total = _int(data.get("tong", 0), source, f"{where}.tong")
    return c


def _text(value: Any, source: str, where: str) -> str:
    if not isinstance(value, str) or len(value) > 300:
        raise _fail(source, f"`{where}` phải là chuỗi (tối đa 300 ký tự)")
    return value


def _read_org(value: Any, source: str, where: str) -> OrgStats:
    data = _keys(value, _ORG, source, where)
    level = data.get("xep_loai")
    category = data.get("phan_loai")
    try:
        return OrgStats(
            org_id=_text(data.get("ma"), source, f"{where}.ma"),
            name=_text(data.get("ten"), source, f"{where}.ten"),
            type=OrgType.parse(_text(data.get("loai"), source, f"{where}.loai")),
            category=OrgCategory(category) if category is not None else None,
            depth=_int(data.get("cap", 0), source, f"{where}.cap"),
            members=_read_counts(data.get("dang_vien", {}), source, f"{where}.dang_vien"),
            level=Level[level] if level is not None else None,
            provisional=bool(data.get("tam_tinh", False)),
        )
    except (KeyError, ValueError) as exc:
        if isinstance(exc, RollupError):
            raise
        raise _fail(source, f"`{where}` có giá trị không hợp lệ") from None


def read(data: Any, source: str) -> YearStatistics:
    """A YearStatistics from an exchange mapping; `source` names the file in messages."""
    top = _keys(data, _TOP | {"nam_truoc"}, source, "tệp")
    if top.get("dinh_dang") != FORMAT:
        raise _fail(source, "thiếu hoặc sai `dinh_dang`")
    orgs = top.get("to_chuc", [])
    if not isinstance(orgs, list):
        raise _fail(source, "`to_chuc` phải là một danh sách")
    categories = _keys(top.get("phan_loai", {}), {c.value for c in CATEGORIES}, source, "phan_loai")
    stats = YearStatistics(
        year=_int(top.get("nam"), source, "nam"),
        ruleset=_text(top.get("bo_quy_tac"), source, "bo_quy_tac"),
        total=_read_counts(top.get("tong", {}), source, "tong"),
        orgs=[_read_org(o, source, f"to_chuc[{i}]") for i, o in enumerate(orgs)],
        by_category={
            c: _read_counts(categories.get(c.value, {}), source, f"phan_loai.{c.value}")
            for c in CATEGORIES
        },
        org_levels=_read_counts(top.get("xep_loai_to_chuc", {}), source, "xep_loai_to_chuc"),
    )
    if "nam_truoc" in top:
        stats.previous = read(top["nam_truoc"], f"{source} (năm trước)")
    return stats


# ---------------------------------------------------------------------- merge


def _sum(parts: list[Counts]) -> Counts:
    total = Counts()
    for c in parts:
        total.merge(c)
    return total


def _same_year(parts: list[YearStatistics], names: list[str]) -> None:
    first = parts[0]
    for stats, name in zip(parts, names, strict=True):
        if stats.year != first.year:
            raise RollupError(
                f"{name}: năm {stats.year} khác năm {first.year} của {names[0]}; "
                "chỉ tổng hợp các tệp của cùng một năm."
            )
        if stats.ruleset != first.ruleset:
            raise RollupError(
                f"{name}: bộ quy tắc {stats.ruleset} khác {first.ruleset} của {names[0]}."
            )


def _own_verdict(o: OrgStats) -> Counts:
    """What an organization's own verdict added to its source's organization levels, as
    far as its row tells: a level (decided or provisional), or rated without a level yet.
    A row with neither had no verdict (the top of a tree) or was not rated for a reason
    the row does not keep: that one stays counted in each source."""
    c = Counts()
    if o.level is not None or o.provisional:
        c.total = c.rated = 1
        if o.level is None:
            c.unassessed = 1
        else:
            c.by_level[o.level] = 1
            c.undecided = int(o.provisional)
    return c


def _subtract(total: Counts, c: Counts) -> None:
    for lv in LEVELS:
        total.by_level[lv] -= c.by_level[lv]
    total.rated -= c.rated
    total.undecided -= c.undecided
    total.unassessed -= c.unassessed
    total.total -= c.total


def _merge_orgs(
    parts: list[YearStatistics], names: list[str]
) -> tuple[dict[str, OrgStats], Counts]:
    """The organizations of all sources by id (members of one in several sources summed),
    and the organization levels counted more than once."""
    orgs: dict[str, OrgStats] = {}
    shared = Counts()  # organizations counted in more than one file's organization levels
    holder: dict[str, int] = {}  # an organization holding members -> the source it is in
    for i, (stats, name) in enumerate(zip(parts, names, strict=True)):
        for o in stats.orgs:
            if o.type.holds_members:
                # only the organizations above the split (the province, a đảng bộ over
                # several repositories) may be in several sources: a chi bộ's members
                # would be counted twice (the same source given twice, a repository
                # and its own export, two copies of one đảng bộ xã)
                where = holder.setdefault(o.org_id, i)
                if where != i:
                    other = "nguồn trước đó trùng tên" if names[where] == name else names[where]
                    raise RollupError(
                        f"{name}: {o.name} ({o.org_id}) đã có trong {other}; mỗi chi bộ "
                        "chỉ được tính ở một nguồn, nên tổng hợp sẽ đếm trùng đảng viên. "
                        "Hãy ghi mỗi kho (hoặc tệp xuất của nó) một lần trong lệnh."
                    )
            seen = orgs.get(o.org_id)
            if seen is None:
                orgs[o.org_id] = OrgStats(
                    o.org_id, o.name, o.type, o.category, o.depth, _sum([o.members]),
                    o.level, o.provisional,
                )  # fmt: skip
            else:  # a root shared by several repositories: its members are summed
                seen.members.merge(o.members)
                shared.merge(_own_verdict(o))
                if seen.level != o.level:
                    seen.level, seen.provisional = None, False
    return orgs, shared


def _parents(orgs: list[OrgStats]) -> dict[str, str | None]:
    """Each organization's parent in one source's tree order (the one before it a level up)."""
    above: list[str] = []
    out: dict[str, str | None] = {}
    for o in orgs:
        del above[o.depth :]
        out[o.org_id] = above[-1] if above else None
        above.append(o.org_id)
    return out


def _tree_order(parts: list[YearStatistics], orgs: dict[str, OrgStats]) -> list[OrgStats]:
    """The merged organizations parents first, each followed by all of its sub-organizations
    from every source (an organization two sources share keeps the subtrees of both under
    it), with the depth of the merged tree."""
    parent: dict[str, str | None] = {}
    for stats in parts:
        for org_id, above in _parents(stats.orgs).items():
            parent.setdefault(org_id, above)
    children: dict[str | None, list[str]] = {}
    for org_id in orgs:
        children.setdefault(parent.get(org_id), []).append(org_id)
    out: list[OrgStats] = []
    placed: set[str] = set()
    for top in [*children.get(None, []), *orgs]:  # then any left out of the tree, on top
        stack = [(top, 0)]
        while stack:
            org_id, depth = stack.pop()
            if org_id in placed:
                continue
            placed.add(org_id)
            orgs[org_id].depth = depth
            out.append(orgs[org_id])
            stack.extend((c, depth + 1) for c in reversed(children.get(org_id, [])))
    return out


def merge(parts: list[YearStatistics], sources: list[str] | None = None) -> YearStatistics:
    """One year's statistics from several repositories' (same year, same ruleset)."""
    names = sources or [str(i + 1) for i in range(len(parts))]
    if not parts:
        raise RollupError("Không có tệp thống kê nào để tổng hợp.")
    _same_year(parts, names)
    orgs, shared = _merge_orgs(parts, names)
    merged = YearStatistics(
        year=parts[0].year,
        ruleset=parts[0].ruleset,
        total=_sum([s.total for s in parts]),
        orgs=_tree_order(parts, orgs),
        by_category={c: _sum([s.by_category[c] for s in parts]) for c in CATEGORIES},
        org_levels=_sum([s.org_levels for s in parts]),
    )
    _subtract(merged.org_levels, shared)
    earlier = [s.previous for s in parts]
    if all(p is not None for p in earlier):
        merged.previous = merge([p for p in earlier if p is not None], names)
    return merged


__all__ = ["FORMAT", "NotRated", "RollupError", "export", "merge", "read"]
