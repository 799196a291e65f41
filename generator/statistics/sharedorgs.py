"""Organizations in more than one source of a rollup (generator/statistics/rollup.py):
the province, a đảng bộ above the split, any organization two repositories' exports both
hold. Each one's own verdict is counted once among the organizations' levels
(`xep_loai_to_chuc`, RULES.md X4), rated or not.

    contribution(o)     # what o's own verdict added to its source's organization levels
    known_once(a, b)    # b, the same organization as a in a later source, is taken off

An organization is the same in two sources when it has the same code (`ma`, unique in the
province's tree). Its own verdict is `OrgStats.own` (the exchange's `danh_gia`, format 2).
A format-1 file does not keep it: a row with a level (or awaiting a decision) was rated,
but a row with neither was either not rated (counted among the organizations' levels, for
a reason the file does not say) or had no verdict of its own (the top of a tree, rated
above, counted nowhere). Such a row (`OWN_UNKNOWN`) is counted in each source as before
format 2, and the rollup says so in a note (`unknown_note`).
"""

from __future__ import annotations

from typing import Any

from generator.statistics import (
    LEVELS,
    NOT_RATED,
    OWN_NOT_RATED,
    OWN_RATED,
    OWN_UNKNOWN,
    Counts,
    OrgStats,
    YearStatistics,
)


def own(o: OrgStats) -> str | None:
    """`o.own`, with a format-1 row that has a level (or awaits a decision) known as rated."""
    if o.own == OWN_UNKNOWN and (o.level is not None or o.provisional):
        return OWN_RATED
    return o.own


def contribution(o: OrgStats) -> Counts:
    """What an organization's own verdict added to its source's organization levels: a
    level (decided or provisional), rated without a level yet, not rated for a reason (or
    none given); nothing when it had no verdict, or when a format-1 file does not tell."""
    c = Counts()
    verdict = own(o)
    if verdict == OWN_RATED:
        c.total = c.rated = 1
        if o.level is None:
            c.unassessed = 1
        else:
            c.by_level[o.level] = 1
            c.undecided = int(o.provisional)
        # whether the rules flagged it "cần quyết định" no row says: taken off the sum of
        # the sources' organization levels, that sum's count is no longer known
        c.to_decide = None if o.provisional or o.level is None else 0
    elif verdict == OWN_NOT_RATED:
        c.total = 1
    elif verdict is not None and verdict != OWN_UNKNOWN:
        c.total = 1
        c.not_rated[next(nr for nr in NOT_RATED if nr.value == verdict)] = 1
    return c


def known_once(first: OrgStats, later: OrgStats) -> bool:
    """Whether `later`'s own verdict is known to be the one already counted with `first`
    (so it is taken off the merged organization levels): never when a format-1 file
    leaves either unknown (a rated one would disagree, see generator/statistics/rollup.py)."""
    return OWN_UNKNOWN not in (own(first), own(later))


def subtract(total: Counts, c: Counts) -> None:
    for lv in LEVELS:
        total.by_level[lv] -= c.by_level[lv]
    for nr in NOT_RATED:
        total.not_rated[nr] -= c.not_rated[nr]
    total.rated -= c.rated
    total.undecided -= c.undecided
    total.unassessed -= c.unassessed
    if total.to_decide is not None:
        total.to_decide = None if c.to_decide is None else total.to_decide - c.to_decide
    total.total -= c.total


def unknown_note(o: OrgStats, names: list[str], year: int) -> str:
    """The note of a shared organization a format-1 source leaves unknown."""
    return (
        f"Năm {year}: {o.name} ({o.org_id}) có trong các nguồn {', '.join(names)} và không có mức xếp "
        "loại; tệp thống kê định dạng cũ (kiemdiem-thong-ke/1) không cho biết tổ chức này "
        "không được xếp loại hay không có đánh giá riêng, nên số tổ chức theo xếp loại "
        "(`xep_loai_to_chuc`) vẫn tính nó ở mỗi nguồn như trước, có thể nhiều hơn một lần. "
        "Để đếm đúng một lần, đề nghị nơi gửi tệp cũ chạy lại `kiemdiem rollup --export` "
        "bằng phiên bản kiemdiem mới rồi gửi tệp mới."
    )


def agree(a: OrgStats, b: OrgStats) -> bool:
    """Whether two sources' rows of one organization say the same of its own verdict (a
    format-1 row without a level agrees with any verdict but a rating)."""
    ka, kb = own(a), own(b)
    if OWN_UNKNOWN in (ka, kb):
        return OWN_RATED not in (ka, kb)
    return (ka, a.level, a.provisional) == (kb, b.level, b.provisional)


def differing_field(o: OrgStats, other: OrgStats) -> str:
    """The field of `o`'s row (exchange format) that says what `other`'s does not."""
    if own(o) != own(other):
        return "xep_loai" if o.own == OWN_UNKNOWN else "danh_gia"
    return "xep_loai" if o.level != other.level else "tam_tinh"


def described(o: OrgStats) -> str:
    """An organization's own verdict in words, for a message."""
    verdict = own(o)
    if verdict == OWN_RATED:
        if o.level is None:
            return "được xếp loại, chờ cấp có thẩm quyền quyết định mức"
        return f"mức {o.level.code}" + (" (dự kiến)" if o.provisional else "")
    if verdict is None:
        return "không có đánh giá riêng"
    if verdict == OWN_UNKNOWN:
        return "không có mức xếp loại"
    reason = next((nr.label_vi for nr in NOT_RATED if nr.value == verdict), "")
    return f"không xếp loại ({reason})" if reason else "không xếp loại"


class Disagreement(ValueError):
    """Two sources that say different things of one shared organization's own verdict:
    each `(source index, path in its exchange file, what it says)`."""

    def __init__(self, org: OrgStats, year: int, places: list[tuple[int, tuple[Any, ...], str]]):
        self.org, self.year, self.places = org, year, places
        super().__init__(f"{org.name} ({org.org_id}): " + "; ".join(p[2] for p in places))


def to_decide_notes(
    merged: YearStatistics, parts: list[YearStatistics], names: list[str]
) -> list[str]:
    """The notes of a rollup whose count "Trong đó cần quyết định" (`Counts.to_decide`) is
    not known: sources written before the field existed (generator/statistics/rollup.py),
    or a shared organization's own verdict taken off the organizations' levels."""
    out = []
    old = [name for s, name in zip(parts, names, strict=True) if s.total.to_decide is None]
    if old:
        out.append(
            f"Năm {merged.year}: {', '.join(old)} không có số `trong_do_can_quyet_dinh` "
            '(tệp xuất bằng phiên bản kiemdiem trước khi có số này), nên cột "Trong đó cần '
            'quyết định" không rõ (để trống) ở mọi dòng cộng số của các nguồn đó, không '
            "tính là 0. Để có số này, đề nghị nơi gửi chạy lại `kiemdiem rollup --export` "
            "bằng phiên bản kiemdiem mới rồi gửi tệp mới."
        )
    if merged.org_levels.to_decide is None and all(
        s.org_levels.to_decide is not None for s in parts
    ):
        out.append(
            f"Năm {merged.year}: một tổ chức có trong nhiều nguồn có mức dự kiến hoặc chưa có "
            'mức; tệp thống kê không cho biết quy định có nêu tổ chức đó "cần quyết định" '
            'hay không, nên số tổ chức "Trong đó cần quyết định" (`xep_loai_to_chuc`) '
            "không rõ (để trống), không tính là 0."
        )
    return out
