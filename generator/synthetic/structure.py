"""The organization tree and the member places of a synthetic repository, with each place's
first holder (seeded by `seed` only; who holds a place in a given year: turnover.py).

Three shapes (RULES.md §7):
- `district`: a district (huyện) root above its grassroots organizations (pre-2025);
- `province`: a province with districts in between (pre-2025, large sizes);
- `province-2025`: the tree since the 2025 round, with no district level: a province whose
  đảng bộ xã / phường and a block committee (đảng bộ khối) sit above grassroots, chi bộ
  thôn as chi bộ cơ sở, and a few grassroots organizations directly under the province.

Levels are read from the organization types (generator/orgtypes.py), never from names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import NamedTuple

from generator.orgtypes import OrgType, project
from generator.synthetic.facts import distinct_birth, person_name, pick_weighted, split
from generator.synthetic.vocab import (
    _CATEGORY_NAME,
    _CB_CATEGORIES,
    _CB_NAME,
    _DB_CATEGORIES,
    _ROLES,
    _TITLES,
    HAMLETS,
    PLACES,
    UNITS,
    slug,
)

SHAPES = ("district", "province", "province-2025")
# the first year generated: the structure's people were all admitted before it (turnover.py)
FIRST_YEAR = 2018
# the grassroots categories of a post-2025 tree: most chi bộ cơ sở are chi bộ thôn
_DB_CATEGORIES_2025 = (("doanh_nghiep", 2), ("co_quan_hanh_chinh", 2), ("phuong_thi_tran", 1))
_CB_CATEGORIES_2025 = (("xa", 8), ("don_vi_su_nghiep", 3), ("co_quan_hanh_chinh", 2),
                       ("doanh_nghiep", 1), ("luc_luong_vu_trang", 1))  # fmt: skip


class Person(NamedTuple):
    """Who holds a member place: the same in every year they hold it (turnover.py)."""

    id: str
    name: str
    birth: str
    admitted: str


@dataclass
class Member:
    """A member place (chi bộ, role, leadership) and its holder of the year (turnover.py)."""

    id: str
    name: str
    female: bool
    birth: str
    admitted: str
    role: str
    title: str
    exempted: bool  # miễn công tác và sinh hoạt đảng (stable across years)
    chi_bo: str = ""
    level: str | None = None  # intended final level; None = not rated
    status: str = "dang_sinh_hoat"
    new: bool = False
    sick: int = 0  # months of sick leave this year
    head_of: list[str] = field(default_factory=list)
    leader: bool = False  # sits in a leadership body (cấp ủy)


@dataclass
class Org:
    id: str
    name: str
    type: str
    folder: str  # relative to submissions/<year>
    parent: str | None
    category: str | None = None
    children: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    head: str | None = None
    deputies: list[str] = field(default_factory=list)
    committee: list[str] = field(default_factory=list)
    level: str | None = None

    @property
    def kind(self) -> OrgType:
        return project().get(self.type)


class Structure:
    """Organizations and members; `shape` is one of SHAPES."""

    def __init__(
        self, seed: int, grassroots: int, chi_bo: int, members: int, districts: int, shape: str
    ) -> None:
        if not 1 <= grassroots <= chi_bo <= members:
            raise ValueError("cần 1 ≤ grassroots ≤ chi_bo ≤ members")
        if shape not in SHAPES:
            raise ValueError(f"unknown shape {shape!r}")
        self.rng = random.Random(f"kiemdiem-structure:{seed}")
        self.shape = shape
        self.orgs: dict[str, Org] = {}
        self.members: dict[str, Member] = {}
        self._used_ids: set[str] = set()
        uppers = self._uppers(districts)
        # k đảng bộ cơ sở share the chi bộ beyond one per chi bộ cơ sở
        k = 0 if chi_bo == grassroots else max(1, min(round(grassroots * 0.6), chi_bo - grassroots))
        db_sizes = split(self.rng, chi_bo - (grassroots - k), k, 2) if k else []
        id_pool = self.rng.sample(range(100_000, 1_000_000), members)
        member_sizes = split(self.rng, members, chi_bo, 3)
        chi_bo_orgs = self._grassroots(uppers, grassroots, db_sizes)
        assert len(chi_bo_orgs) == chi_bo, (len(chi_bo_orgs), chi_bo)
        self._people(chi_bo_orgs, id_pool, member_sizes)
        self.places = list(self.members.values())  # in this order every year
        self.first = [Person(m.id, m.name, m.birth, m.admitted) for m in self.places]
        self._leadership()

    def _org_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self._used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self._used_ids.add(candidate)
        return candidate

    def _add(self, name: str, org_type: str, base: str, parent: Org | None, cat: str = "") -> Org:
        oid = self._org_id(base)
        folder = f"{parent.folder}/{oid}" if parent else oid
        org = Org(oid, name, org_type, folder, parent.id if parent else None, cat or None)
        self.orgs[org.id] = org
        if parent is not None:
            parent.children.append(org.id)
        return org

    def _uppers(self, districts: int) -> list[Org]:
        """The root and the organizations above grassroots that hold the TCCSĐ."""
        place = self.rng.choice(PLACES)
        if self.shape == "district":
            self.root = self._add(
                f"Đảng bộ huyện {place} (dữ liệu tổng hợp)", "dang_bo_huyen",
                f"huyen-{slug(place)}", None,
            )  # fmt: skip
            return [self.root]
        self.root = self._add(
            f"Đảng bộ tỉnh {place} (dữ liệu tổng hợp)", "dang_bo_tinh", f"tinh-{slug(place)}", None
        )
        out = []
        for i in range(max(1, districts)):
            p = PLACES[i % len(PLACES)]
            if self.shape == "province":
                out.append(self._add(f"Đảng bộ huyện {p}", "dang_bo_huyen", f"huyen-{slug(p)}",
                                     self.root))  # fmt: skip
            else:
                ward = i % 4 == 3
                label = "phường" if ward else "xã"
                out.append(self._add(f"Đảng bộ {label} {p}", "dang_bo_xa",
                                     f"dang-bo-{slug(label)}-{slug(p)}", self.root))  # fmt: skip
        return out

    def _home(self, uppers: list[Org], g: int, cat: str) -> Org:
        """Where grassroots organization number `g` sits."""
        if self.shape != "province-2025":
            return uppers[g % len(uppers)]
        if g % 20 == 19:  # a TCCSĐ directly under the province (RULES.md §7)
            return self.root
        if cat in ("co_quan_hanh_chinh", "doanh_nghiep") and g % 3 == 0:
            return self._block()
        return uppers[g % len(uppers)]

    def _block(self) -> Org:
        """The province's block committee (đảng bộ khối), made when first needed."""
        for org in self.orgs.values():
            if org.type == "dang_bo_khoi":
                return org
        return self._add(
            "Đảng bộ các cơ quan Đảng tỉnh", "dang_bo_khoi", "dang-bo-cac-co-quan-dang-tinh",
            self.root,
        )  # fmt: skip

    def _grassroots(self, uppers: list[Org], grassroots: int, db_sizes: list[int]) -> list[Org]:
        """The TCCSĐ: the first len(db_sizes) are đảng bộ cơ sở with that many chi bộ."""
        rng, k = self.rng, len(db_sizes)
        post = self.shape == "province-2025"
        db_cats = _DB_CATEGORIES_2025 if post else _DB_CATEGORIES
        cb_cats = _CB_CATEGORIES_2025 if post else _CB_CATEGORIES
        chi_bo_orgs: list[Org] = []
        for g in range(grassroots):
            p = PLACES[(g * 7 + rng.randrange(len(PLACES))) % len(PLACES)]
            if g < k:
                cat = pick_weighted(rng, db_cats)
                name = _CATEGORY_NAME[cat].format(p=p)
                tc = self._add(name, "dang_bo_co_so", slug(name), self._home(uppers, g, cat), cat)
                chi_bo_orgs += [self._chi_bo(tc, cat, c) for c in range(db_sizes[g])]
            else:
                cat = pick_weighted(rng, cb_cats)
                tmpl = ("Chi bộ thôn {p}" if cat == "xa" else None) or _CB_NAME.get(
                    cat, _CATEGORY_NAME[cat]
                )
                name = tmpl.format(p=p)
                chi_bo_orgs.append(
                    self._add(name, "chi_bo_co_so", slug(name), self._home(uppers, g, cat), cat)
                )
        return chi_bo_orgs

    def _chi_bo(self, tc: Org, cat: str, c: int) -> Org:
        """Chi bộ trực thuộc number `c` of đảng bộ cơ sở `tc`."""
        names = HAMLETS if cat in ("xa", "phuong_thi_tran") else UNITS
        cname = f"Chi bộ {names[c % len(names)]}"
        if c >= len(names):
            cname += f" {c // len(names) + 1}"
        return self._add(cname, "chi_bo_truc_thuoc",
                         f"{tc.id}-{slug(cname).removeprefix('chi-bo-')}", tc)  # fmt: skip

    def _people(self, chi_bo_orgs: list[Org], id_pool: list[int], sizes: list[int]) -> None:
        rng = self.rng
        member_sizes = sizes
        ids = iter(id_pool)
        seen: set[tuple[str, str, str]] = set()
        for cb, size in zip(chi_bo_orgs, member_sizes, strict=True):
            cat = self.grassroots_of(cb).category or "khac"
            for _ in range(size):
                female = rng.random() < 0.42
                role = rng.choice(_ROLES[cat])
                by = rng.randint(1950, 1995) if role != "huu_tri" else rng.randint(1940, 1962)
                ay = min(FIRST_YEAR - 1, by + rng.randint(20, 40))
                name = person_name(rng, female)
                birth = f"{by}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                admitted = f"{ay}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                m = Member(
                    id=f"dv-{next(ids):06d}",
                    name=name,
                    female=female,
                    birth=distinct_birth(seen, name, birth, admitted),
                    admitted=admitted,
                    role=role,
                    title=rng.choice([t for t in _TITLES[role] if female or "Phụ nữ" not in t]),
                    exempted=role == "huu_tri" and rng.random() < 0.08,
                    chi_bo=cb.id,
                )
                self.members[m.id] = m
                cb.members.append(m.id)

    def _leadership(self) -> None:
        """Bí thư and phó bí thư of each chi bộ; a đảng ủy from its chi bộ's members."""
        for org in list(self.orgs.values()):
            pool = [m for m in self.members_below(org.id) if not self.members[m].exempted]
            if not pool:
                continue
            if org.kind.holds_members:
                org.head, org.deputies = pool[0], pool[1:2]
                org.committee = pool[2:3] if len(pool) > 5 else []
            elif org.kind.is_grassroots:
                org.head, org.deputies = pool[1 % len(pool)], pool[2:3]
                heads = [self.orgs[c].head for c in org.children[:3]]
                org.committee = [h for h in heads if h and h != org.head]
            else:
                org.committee = [h for c in org.children[:5] if (h := self.orgs[c].head)]
        for org in self.orgs.values():
            if org.head and not org.kind.is_upper:
                self.members[org.head].head_of.append(org.id)
            for mid in (org.head, *org.deputies, *org.committee):
                if mid:
                    self.members[mid].leader = True

    def hold(self, people: dict[int, Person]) -> None:
        """Each place held by its person in `people` (by place number), the others by their
        first holder; the organizations' member lists and leadership follow the ids (a
        head's place never changes hands: turnover.py)."""
        renamed: dict[str, str] = {}
        for i, m in enumerate(self.places):
            person = people.get(i) or self.first[i]
            if m.id != person.id:
                renamed[m.id] = person.id
            m.id, m.name, m.birth, m.admitted = person
        if not renamed:
            return
        self.members = {m.id: m for m in self.places}
        for org in self.orgs.values():
            org.members = [renamed.get(mid, mid) for mid in org.members]
            org.deputies = [renamed.get(mid, mid) for mid in org.deputies]
            org.committee = [renamed.get(mid, mid) for mid in org.committee]
            org.head = renamed.get(org.head, org.head) if org.head else None

    def grassroots_of(self, org: Org) -> Org:
        while not org.kind.is_grassroots:
            assert org.parent is not None
            org = self.orgs[org.parent]
        return org

    def members_below(self, org_id: str) -> list[str]:
        org = self.orgs[org_id]
        out = list(org.members)
        for c in org.children:
            out.extend(self.members_below(c))
        return out

    def decided_orgs(self, org: Org) -> list[str]:
        """Organizations whose rating `org`'s committee decides (RULES.md §7 D2–D4): an
        above-grassroots committee decides the grassroots and above-grassroots organizations
        directly under it; a đảng ủy cơ sở its chi bộ and đảng bộ bộ phận."""
        if org.kind.is_upper:
            return [c for c in org.children if not self.orgs[c].kind.is_below]
        if org.kind.is_grassroots:
            return list(org.children)
        return []
