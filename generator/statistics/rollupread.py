"""Reading a statistics exchange file back (generator/statistics/rollup.py): its formats,
and `read`, which refuses any field it does not know (RollupError, Vietnamese).

    stats = read(data, "xa-a.json")  # a file is checked first by generator/statistics/exchange.py
"""

from __future__ import annotations

from typing import Any

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
    rollupquota,
)
from generator.statistics.sharedorgs import own
from generator.submissions.records import Level, OrgCategory, OrgType

FORMAT = "kiemdiem-thong-ke/2"  # what `export` writes
FORMAT_1 = "kiemdiem-thong-ke/1"  # still read: without `danh_gia` (rollup.py)
OWN = {OWN_RATED, OWN_NOT_RATED, OWN_UNKNOWN, *(nr.value for nr in NOT_RATED)}
# optional in a row of counts (rollup.py): a file without it does not know it
TO_DECIDE = "trong_do_can_quyet_dinh"
_COUNTS = {
    "muc", "khong_xep_loai", "duoc_xep_loai", "chua_quyet_dinh", "can_quyet_dinh", "tong",
    TO_DECIDE,
}  # fmt: skip
_ORG_1 = {"ma", "ten", "loai", "phan_loai", "cap", "dang_vien", "xep_loai", "tam_tinh"}
_ORG = _ORG_1 | {"danh_gia"}
_TOP = {"dinh_dang", "nam", "bo_quy_tac", "tong", "to_chuc", "phan_loai", "xep_loai_to_chuc"}


class RollupError(ValueError):
    """A statistics file that cannot be merged; the message is Vietnamese."""


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
    known = TO_DECIDE in data
    c.to_decide = _int(data[TO_DECIDE], source, f"{where}.{TO_DECIDE}") if known else None
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
    top = _keys(data, _TOP | {"nam_truoc", rollupquota.FIELD}, source, "tệp")
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
    if rollupquota.FIELD in top:  # a part of a split province (366-M6)
        try:
            stats.deferred = rollupquota.read_rows(top[rollupquota.FIELD], source)
        except rollupquota.PoolError as exc:
            raise RollupError(str(exc)) from None
    if "nam_truoc" in top:
        stats.previous = read(top["nam_truoc"], f"{source} (năm trước)")
    return stats
