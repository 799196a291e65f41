"""Who decides a rating (RULES.md §7, D1–D5), read from the tree's types for every year.

- D1 a member: the committee of their TCCSĐ (the grassroots organization they belong to).
- D2 a chi bộ trực thuộc or đảng bộ bộ phận: the đảng ủy cơ sở, or the standing committee
  of the level directly above the TCCSĐ.
- D3 a TCCSĐ: the standing committee of the level directly above it (the province's when
  it sits directly under the province).
- D4 an above-grassroots organization under another (đảng bộ xã, khối, a pre-2025 district):
  the standing committee above it (the province's).
- D5 the root (the province, or a pre-2025 district root): rated above this repository.

Only `OrgType` properties are read (tier, never a type's name), so the same code serves the
pre-2025 tree (province → district → TCCSĐ) and the post-2025 one (province → đảng bộ xã /
khối / directly the province → TCCSĐ), and any type a schema adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.findings import Finding, Position, make

if TYPE_CHECKING:
    from generator.submissions.records import Decisions, Organization, ReRating
    from generator.submissions.year import Year


@dataclass(frozen=True)
class Authority:
    """The bodies that may decide one subject's rating: the first is the one that should."""

    rule: str  # "D1".."D5"
    deciders: tuple[Organization, ...]

    @property
    def body(self) -> Organization | None:
        return self.deciders[0] if self.deciders else None

    def allows(self, org_id: str) -> bool:
        return any(o.id == org_id for o in self.deciders)

    def text_vi(self) -> str:
        """'Ban Thường vụ Đảng ủy xã — Đảng bộ xã An Sơn (`dang-bo-xa-an-son`)'."""
        if self.rule == "D5":
            return "cấp trên của tổ chức gốc (ngoài phạm vi kho hồ sơ này)"
        if not self.deciders:
            return "cấp ủy cấp trên (không xác định được trong cây tổ chức)"
        return " hoặc ".join(body_text(o) for o in self.deciders)


def body_text(org: Organization) -> str:
    committee = org.type.committee_vi or f"Cấp ủy {org.type.label_vi.lower()}"
    return f"{committee} — {org.name} (`{org.id}`)"


def _upward(year: Year, org: Organization | None) -> Iterator[Organization]:
    """`org` and its ancestors, nearest first."""
    if org is None:
        return
    yield org
    yield from year.ancestors(org.id)


def grassroots_of(year: Year, org_id: str) -> Organization | None:
    """The TCCSĐ `org_id` belongs to (itself if it is one)."""
    for org in _upward(year, year.orgs.get(org_id)):
        if org.type.is_grassroots:
            return org
    return None


def upper_above(year: Year, org_id: str) -> Organization | None:
    """The nearest above-grassroots organization strictly above `org_id`."""
    for org in year.ancestors(org_id):
        if org.type.is_upper:
            return org
    return None


def member_authority(
    year: Year,
    member_id: str,
    grassroots: Callable[[Year, str], Organization | None] = grassroots_of,
) -> Authority:
    """D1: the committee of the member's TCCSĐ (`grassroots`: `grassroots_of`, or a
    `TreeMemo`'s)."""
    member = year.members.get(member_id)
    tccsd = grassroots(year, member.org_id) if member else None
    return Authority("D1", (tccsd,) if tccsd else ())


class TreeMemo:
    """`grassroots_of` and `member_authority` of one year whose tree does not change while
    it is asked (one rating): each organization's TCCSĐ is found once, not once per member
    (a province's rating asks ~3 times per member)."""

    def __init__(self, year: Year) -> None:
        self.year = year
        self._grassroots: dict[str, Organization | None] = {}
        self._d1: dict[str, Authority] = {}  # by the member's org_id: D1 reads only that

    def grassroots_of(self, org_id: str) -> Organization | None:
        try:
            return self._grassroots[org_id]
        except KeyError:
            found = self._grassroots[org_id] = grassroots_of(self.year, org_id)
            return found

    def _of(self, year: Year, org_id: str) -> Organization | None:
        return self.grassroots_of(org_id)

    def member_authority(self, member_id: str) -> Authority:
        member = self.year.members.get(member_id)
        if member is None:
            return member_authority(self.year, member_id, self._of)
        found = self._d1.get(member.org_id)
        if found is None:
            found = self._d1[member.org_id] = member_authority(self.year, member_id, self._of)
        return found


def org_authority(year: Year, org_id: str) -> Authority:
    """D2–D5 for organization `org_id`."""
    org = year.orgs.get(org_id)
    if org is None:
        return Authority("D3", ())
    if org.parent_id is None:
        return Authority("D5", ())
    if org.type.is_below:
        tccsd = grassroots_of(year, org.parent_id)
        above = upper_above(year, tccsd.id) if tccsd else None
        return Authority("D2", tuple(o for o in (tccsd, above) if o is not None))
    above = upper_above(year, org_id)
    rule = "D3" if org.type.is_grassroots else "D4"
    return Authority(rule, (above,) if above else ())


def successor(earlier: Year, later: Year, org_id: str) -> Organization | None:
    """The organization of `later` that continues `org_id` of `earlier` across a change of
    tree: itself when it still exists, else the one that names it in `ke_thua_tu`, else the
    successor of its parent (RULES.md §7: the district's work passes to the province)."""
    current: str | None = org_id
    while current is not None:
        if current in later.orgs:
            return later.orgs[current]
        for org in later.orgs.values():
            if current in org.predecessors:
                return org
        parent = earlier.orgs.get(current)
        current = parent.parent_id if parent is not None else None
    return None


@dataclass(frozen=True)
class ReRatingAuthority:
    """Who may re-rate a member's earlier year in a later one (RULES.md 124-M7, case 37): the
    body that decided the earlier year, or (when it no longer exists) its successor, or a
    committee above either in the later tree."""

    earlier_body: Organization | None  # who decided (D1) in the earlier year
    successor: Organization | None  # that body in the later year (itself when it exists)
    allowed: tuple[Organization, ...]

    @property
    def body_gone(self) -> bool:
        return self.earlier_body is not None and (
            self.successor is None or self.successor.id != self.earlier_body.id
        )

    def allows(self, org_id: str) -> bool:
        return not self.allowed or any(o.id == org_id for o in self.allowed)

    def text_vi(self, earlier_year: int) -> str:
        """'Đảng bộ xã An Hòa (cấp quyết định năm 2024) không còn; cấp kế thừa: …'."""
        if not self.body_gone or self.earlier_body is None:
            return ""
        gone = f"{self.earlier_body.name} (cấp quyết định năm {earlier_year}) không còn"
        if self.successor is None:
            return gone + "; không xác định được cấp kế thừa trong cây tổ chức"
        return f"{gone}; cấp kế thừa: {body_text(self.successor)}"


def re_rating_authority(earlier: Year, later: Year, member_id: str) -> ReRatingAuthority:
    body = member_authority(earlier, member_id).body
    if body is None:
        return ReRatingAuthority(None, None, ())
    heir = successor(earlier, later, body.id)
    allowed = (heir, *later.ancestors(heir.id)) if heir is not None else ()
    return ReRatingAuthority(body, heir, tuple(allowed))


def re_rating_refused(
    later: Year, decisions: Decisions, item: ReRating, who: ReRatingAuthority
) -> Finding:
    """`re-rating-no-authority`: a re-rating recorded by a body that may not make it (it is
    not applied), naming the body that may — the successor when the earlier one is gone."""
    src = decisions.source
    pos = src.document.value_pos(("xep_loai_lai", item.index, "ma_dang_vien")) if src else None
    owner = later.orgs.get(decisions.org_id)
    should = body_text(who.successor) if who.successor is not None else "cấp ủy cấp trên"
    return make(
        "re-rating-no-authority",
        src.path if src else "",
        pos or Position(1),
        rule="124-M7",
        body=owner.name if owner else decisions.org_id,
        member=item.member_id,
        year=item.year,
        authority=should,
        gone=who.text_vi(item.year),
    )


TIER_VI = {"tren_co_so": "trên cơ sở", "co_so": "tổ chức cơ sở đảng", "duoi_co_so": "dưới cơ sở"}


@dataclass(frozen=True)
class StructureRow:
    """One organization type of a year's tree, for the site: how many, where, who decides."""

    label: str  # "Đảng bộ xã, phường, đặc khu"; "Đảng viên" for the members' row
    tier: str  # TIER_VI
    count: int
    deciders: str  # "Ban Thường vụ Tỉnh ủy"; several joined with "; "
    rule: str  # "D1".."D5"


def structure_table(year: Year) -> list[StructureRow]:
    """The period's structure (RULES.md §7): each type present, top first, with the
    committees that decide its organizations' ratings, then the members' row (D1)."""
    by_type: dict[str, list[Authority]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for _, org, who in structure(year):
        by_type.setdefault(org.type.value, []).append(who)
        labels[org.type.value] = (org.type.label_vi, TIER_VI[org.type.tier.value])
    rows = [
        StructureRow(labels[code][0], labels[code][1], len(whos), _deciders(whos), whos[0].rule)
        for code, whos in by_type.items()
    ]
    # a member's authority is their chi bộ's TCCSĐ: asked once per chi bộ (its first
    # member), in the members' order, the committees are named in the same order
    first: dict[str, Authority] = {}
    for member in year.members.values():
        if member.org_id not in first:
            first[member.org_id] = member_authority(year, member.id)
    if year.members:
        deciders = _deciders(list(first.values()))
        rows.append(StructureRow("Đảng viên", "", len(year.members), deciders, "D1"))
    return rows


def _deciders(whos: list[Authority]) -> str:
    names: list[str] = []
    for who in whos:
        if who.rule == "D5":
            text = "cấp trên (ngoài phạm vi kho hồ sơ)"
        elif who.body is None:
            text = "không xác định được"
        else:
            text = who.body.type.committee_vi or f"Cấp ủy {who.body.type.label_vi.lower()}"
        if text not in names:
            names.append(text)
    return "; ".join(names)


def structure(year: Year) -> list[tuple[int, Organization, Authority]]:
    """The tree in order (depth, organization, who decides it), for the site."""
    out: list[tuple[int, Organization, Authority]] = []
    root = year.orgs.get(year.root_id or "")

    def visit(org: Organization, depth: int) -> None:
        out.append((depth, org, org_authority(year, org.id)))
        for child_id in org.children:
            child = year.orgs.get(child_id)
            if child is not None:
                visit(child, depth + 1)

    if root is not None:
        visit(root, 0)
    return out


__all__ = [
    "Authority",
    "ReRatingAuthority",
    "StructureRow",
    "body_text",
    "grassroots_of",
    "member_authority",
    "org_authority",
    "re_rating_authority",
    "re_rating_refused",
    "structure",
    "structure_table",
    "successor",
    "upper_above",
]
