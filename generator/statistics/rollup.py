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

Format versions (`dinh_dang`). `export` writes format 2; `read` takes 1 and 2.

- kiemdiem-thong-ke/2 keeps each organization's own verdict in this repository
  (`danh_gia`: "xep_loai", the reason it was not rated, "khong_xep_loai" with no reason,
  null when it has none here, "khong_ro" when a rollup of format-1 files did not know),
  so an organization two sources share is counted once among the organizations' levels
  whether it was rated or not (generator/statistics/sharedorgs.py).
- kiemdiem-thong-ke/1 (before) has no `danh_gia`: a row without a level cannot tell "not
  rated" from "no verdict of its own". Read as `OWN_UNKNOWN` (unless the file counts no
  organization not rated), such a shared organization stays counted in each source as
  before, and the merged statistics carry a Vietnamese note saying so (`notes`).
"""

from __future__ import annotations

from typing import Any

from generator.rules.base import NotRated
from generator.statistics import (
    CATEGORIES,
    LEVELS,
    NOT_RATED,
    OWN_NOT_RATED,
    OWN_RATED,
    OWN_UNKNOWN,
    Counts,
    OrgStats,
    YearStatistics,
)
from generator.statistics.sharedorgs import (
    Disagreement,
    agree,
    contribution,
    described,
    differing_field,
    known_once,
    own,
    subtract,
    unknown_note,
)
from generator.submissions.records import Level, OrgCategory, OrgType

FORMAT = "kiemdiem-thong-ke/2"  # what `export` writes
FORMAT_1 = "kiemdiem-thong-ke/1"  # still read: without `danh_gia` (see above)
OWN = {OWN_RATED, OWN_NOT_RATED, OWN_UNKNOWN, *(nr.value for nr in NOT_RATED)}
_COUNTS = {"muc", "khong_xep_loai", "duoc_xep_loai", "chua_quyet_dinh", "can_quyet_dinh", "tong"}
_ORG_1 = {"ma", "ten", "loai", "phan_loai", "cap", "dang_vien", "xep_loai", "tam_tinh"}
_ORG = _ORG_1 | {"danh_gia"}
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
                "danh_gia": own(o),
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


def _read_own(data: dict[str, Any], version: str, source: str, where: str) -> str | None:
    """An organization's `danh_gia` (format 2); `OWN_UNKNOWN` in format 1, which has none."""
    if version == FORMAT_1:
        return OWN_UNKNOWN
    if "danh_gia" not in data:
        raise _fail(source, f"`{where}` thiếu `danh_gia`")
    verdict = data["danh_gia"]
    if verdict is not None and verdict not in OWN:
        raise _fail(source, f"`{where}.danh_gia` có giá trị không hợp lệ")
    return verdict  # type: ignore[no-any-return]


def _read_org(value: Any, source: str, where: str, version: str) -> OrgStats:
    data = _keys(value, _ORG_1 if version == FORMAT_1 else _ORG, source, where)
    level = data.get("xep_loai")
    category = data.get("phan_loai")
    verdict = _read_own(data, version, source, where)
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
            own=verdict,
        )
    except (KeyError, ValueError) as exc:
        if isinstance(exc, RollupError):
            raise
        raise _fail(source, f"`{where}` có giá trị không hợp lệ") from None


def read(data: Any, source: str) -> YearStatistics:
    """A YearStatistics from an exchange mapping; `source` names the file in messages."""
    top = _keys(data, _TOP | {"nam_truoc"}, source, "tệp")
    version = top.get("dinh_dang")
    if version not in (FORMAT, FORMAT_1):
        raise _fail(source, "thiếu hoặc sai `dinh_dang`")
    orgs = top.get("to_chuc", [])
    if not isinstance(orgs, list):
        raise _fail(source, "`to_chuc` phải là một danh sách")
    categories = _keys(top.get("phan_loai", {}), {c.value for c in CATEGORIES}, source, "phan_loai")
    stats = YearStatistics(
        year=_int(top.get("nam"), source, "nam"),
        ruleset=_text(top.get("bo_quy_tac"), source, "bo_quy_tac"),
        total=_read_counts(top.get("tong", {}), source, "tong"),
        orgs=[_read_org(o, source, f"to_chuc[{i}]", version) for i, o in enumerate(orgs)],
        by_category={
            c: _read_counts(categories.get(c.value, {}), source, f"phan_loai.{c.value}")
            for c in CATEGORIES
        },
        org_levels=_read_counts(top.get("xep_loai_to_chuc", {}), source, "xep_loai_to_chuc"),
    )
    if version == FORMAT_1 and stats.org_levels.total == stats.org_levels.rated:
        for o in stats.orgs:  # no organization not rated: a row without a level had no verdict
            if own(o) == OWN_UNKNOWN:
                o.own = None
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


def _check_agree(
    rows: list[tuple[int, int, OrgStats]], i: int, j: int, o: OrgStats, at: tuple[Any, ...]
) -> None:
    """Disagreement when `o` (source i, row j) says another own verdict than an earlier
    source's row of the same organization: the merged totals would keep one silently."""
    for k, m, earlier in rows:
        if not agree(earlier, o):
            places = [
                (k, (*at, "to_chuc", m, differing_field(earlier, o)), described(earlier)),
                (i, (*at, "to_chuc", j, differing_field(o, earlier)), described(o)),
            ]
            raise Disagreement(o, 0, places)


def _merge_orgs(
    parts: list[YearStatistics], names: list[str], at: tuple[Any, ...] = ()
) -> tuple[dict[str, OrgStats], Counts, list[str]]:
    """The organizations of all sources by id (members of one in several sources summed),
    the organization levels counted more than once, and the notes on those a format-1
    source leaves unknown (sharedorgs)."""
    orgs: dict[str, OrgStats] = {}
    shared = Counts()  # organizations counted in more than one file's organization levels
    holder: dict[str, int] = {}  # an organization holding members -> the source it is in
    where: dict[str, list[str]] = {}  # an organization -> the sources it is in
    unknown: set[str] = set()  # shared organizations a format-1 source leaves unknown
    rows: dict[str, list[tuple[int, int, OrgStats]]] = {}  # (source, row, row's stats)
    for i, (stats, name) in enumerate(zip(parts, names, strict=True)):
        for j, o in enumerate(stats.orgs):
            if o.type.holds_members:
                # only the organizations above the split (the province, a đảng bộ over
                # several repositories) may be in several sources: a chi bộ's members
                # would be counted twice (the same source given twice, a repository
                # and its own export, two copies of one đảng bộ xã)
                first = holder.setdefault(o.org_id, i)
                if first != i:
                    other = "nguồn trước đó trùng tên" if names[first] == name else names[first]
                    raise RollupError(
                        f"{name}: {o.name} ({o.org_id}) đã có trong {other}; mỗi chi bộ "
                        "chỉ được tính ở một nguồn, nên tổng hợp sẽ đếm trùng đảng viên. "
                        "Hãy ghi mỗi kho (hoặc tệp xuất của nó) một lần trong lệnh."
                    )
            seen = orgs.get(o.org_id)
            where.setdefault(o.org_id, []).append(name)
            _check_agree(rows.setdefault(o.org_id, []), i, j, o, at)
            rows[o.org_id].append((i, j, o))
            if seen is None:
                orgs[o.org_id] = OrgStats(
                    o.org_id, o.name, o.type, o.category, o.depth, _sum([o.members]),
                    o.level, o.provisional, own(o),
                )  # fmt: skip
                continue
            # an organization above the split, shared by several sources: its members are
            # summed, its own verdict counted once (when the sources' formats tell it)
            seen.members.merge(o.members)
            if known_once(seen, o):
                shared.merge(contribution(o))
            else:
                seen.own = OWN_UNKNOWN
                unknown.add(o.org_id)
    year = parts[0].year
    notes = [unknown_note(orgs[i], where[i], year) for i in orgs if i in unknown]
    return orgs, shared, notes


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


def merge(
    parts: list[YearStatistics], sources: list[str] | None = None, at: tuple[Any, ...] = ()
) -> YearStatistics:
    """One year's statistics from several repositories' (same year, same ruleset); `at`
    is the path of these statistics in a source's file (("nam_truoc",) for the year
    before). Sources that disagree on a shared organization's own verdict raise
    `Disagreement` (the command tells both values at their line and column)."""
    names = sources or [str(i + 1) for i in range(len(parts))]
    if not parts:
        raise RollupError("Không có tệp thống kê nào để tổng hợp.")
    _same_year(parts, names)
    try:
        orgs, shared, notes = _merge_orgs(parts, names, at)
    except Disagreement as exc:
        exc.year = parts[0].year
        raise
    merged = YearStatistics(
        year=parts[0].year,
        ruleset=parts[0].ruleset,
        total=_sum([s.total for s in parts]),
        orgs=_tree_order(parts, orgs),
        by_category={c: _sum([s.by_category[c] for s in parts]) for c in CATEGORIES},
        org_levels=_sum([s.org_levels for s in parts]),
        notes=[n for s in parts for n in s.notes] + notes,
    )
    subtract(merged.org_levels, shared)
    earlier = [s.previous for s in parts]
    if all(p is not None for p in earlier):
        merged.previous = merge([p for p in earlier if p is not None], names, (*at, "nam_truoc"))
        merged.notes = list(dict.fromkeys(merged.notes + merged.previous.notes))
    return merged


__all__ = [
    "FORMAT",
    "FORMAT_1",
    "Disagreement",
    "NotRated",
    "RollupError",
    "export",
    "merge",
    "read",
]
