"""Organization types as data (RULES.md §7): the tree's levels come from the schema.

`schema/to-chuc.schema.json` lists the codes of `loai` in its `enum` and describes each in
the annotation `x-loai-to-chuc`:

    "dang_bo_xa": {"ten": "Đảng bộ xã, phường, đặc khu", "cap": "tren_co_so",
                   "cap_tren": ["dang_bo_tinh"], "tu_nam": 2025,
                   "co_quan_quyet_dinh": "Ban Thường vụ Đảng ủy xã"}

- `cap` (tier): `tren_co_so` above grassroots, `co_so` a TCCSĐ, `duoi_co_so` below it;
- `co_dang_vien`: the organization holds members (a chi bộ);
- `cap_tren`: the types it may sit directly under (empty: only a root);
- `tu_nam` / `den_nam`: the first and last evaluation year the type exists in;
- `co_quan_quyet_dinh`: the committee that decides for it (for messages and the site).

No code names a type: levels, authority (generator/authority.py), codeowners and the site
read these properties, so a new above-grassroots type (another kind of block committee) is a
schema and data change only.

`OrgType.parse(code)` (used when records are built) looks the code up in the registry of the
schema directory last loaded with `use_schema_dir` (the check loader does this for the
repository it loads), falling back to this project's own `schema/`.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"
ANNOTATION = "x-loai-to-chuc"


class Tier(enum.Enum):
    """Where a type sits relative to grassroots level (tổ chức cơ sở đảng)."""

    ABOVE = "tren_co_so"
    GRASSROOTS = "co_so"
    BELOW = "duoi_co_so"


@dataclass(frozen=True)
class OrgType:
    """One organization type, as `x-loai-to-chuc` describes it."""

    value: str  # the code written in `loai`
    label_vi: str
    tier: Tier
    holds_members: bool = False
    parents: tuple[str, ...] = ()
    first_year: int | None = None
    last_year: int | None = None
    committee_vi: str = ""  # the deciding committee, e.g. "Ban Thường vụ Đảng ủy xã"

    @property
    def code(self) -> str:
        return self.value

    @property
    def is_grassroots(self) -> bool:
        """A tổ chức cơ sở đảng (TCCSĐ): the quota pool of RULES.md 132-M5."""
        return self.tier is Tier.GRASSROOTS

    @property
    def is_upper(self) -> bool:
        """Above grassroots level: its standing committee decides the level below (D3, D4)."""
        return self.tier is Tier.ABOVE

    @property
    def is_below(self) -> bool:
        return self.tier is Tier.BELOW

    @property
    def decides(self) -> bool:
        """Whether its committee decides ratings (of members, or of organizations below)."""
        return self.tier is not Tier.BELOW

    def may_sit_under(self, parent: OrgType) -> bool:
        """Whether an organization of this type may sit directly below one of type `parent`
        (its `cap_tren`): `check` reports `org-type-misplaced` otherwise, `new org` refuses."""
        return parent.value in self.parents

    def exists_in(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )

    def period_vi(self) -> str:
        if self.first_year and self.last_year:
            return f"từ năm {self.first_year} đến năm {self.last_year}"
        if self.first_year:
            return f"từ năm {self.first_year}"
        if self.last_year:
            return f"đến năm {self.last_year}"
        return "mọi năm"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value: str) -> OrgType:
        return current().get(value)

    @classmethod
    def from_annotation(cls, code: str, spec: dict[str, Any]) -> OrgType:
        return cls(
            value=code,
            label_vi=str(spec.get("ten", code)),
            tier=Tier(spec.get("cap", "duoi_co_so")),
            holds_members=bool(spec.get("co_dang_vien", False)),
            parents=tuple(spec.get("cap_tren", ())),
            first_year=spec.get("tu_nam"),
            last_year=spec.get("den_nam"),
            committee_vi=str(spec.get("co_quan_quyet_dinh", "")),
        )


class OrgTypes:
    """The types of one schema directory, by code."""

    def __init__(self, types: dict[str, OrgType]) -> None:
        self.by_code = types

    @classmethod
    def from_schema(cls, schema: dict[str, Any]) -> OrgTypes:
        loai = schema.get("properties", {}).get("loai", {})
        specs = loai.get(ANNOTATION, {})
        codes = list(loai.get("enum", specs))
        return cls({c: OrgType.from_annotation(c, specs.get(c, {})) for c in codes})

    @classmethod
    def load(cls, schema_dir: Path) -> OrgTypes:
        """The types `schema_dir` declares (this project's when it has no organization schema)."""
        path = schema_dir / "to-chuc.schema.json"
        if not path.is_file():
            path = PROJECT_SCHEMA_DIR / "to-chuc.schema.json"
        key = (str(path.resolve()), path.stat().st_mtime_ns)
        cached = _CACHE.get(key)
        if cached is None:
            cached = _CACHE[key] = cls.from_schema(json.loads(path.read_text(encoding="utf-8")))
        return cached

    def get(self, code: str) -> OrgType:
        found = self.by_code.get(code)
        if found is None:
            # schema-valid records only reach here; an unknown code means another schema
            # directory: fall back to the project's own types rather than fail
            found = project().by_code.get(code) or OrgType(code, code, Tier.BELOW)
        return found

    def __iter__(self) -> Any:
        return iter(self.by_code.values())

    def codes(self) -> list[str]:
        return list(self.by_code)


_CACHE: dict[tuple[str, int], OrgTypes] = {}
_CURRENT: list[OrgTypes] = []
_PROJECT: list[OrgTypes] = []


def project() -> OrgTypes:
    """This project's own types (read once: the installed schema does not change while the
    program runs; a repository's own schema is read with `OrgTypes.load`)."""
    if not _PROJECT:
        _PROJECT.append(OrgTypes.load(PROJECT_SCHEMA_DIR))
    return _PROJECT[0]


def use_schema_dir(schema_dir: Path) -> OrgTypes:
    """Make the types of `schema_dir` the ones records are built with (the loader calls this
    for the repository it loads)."""
    types = OrgTypes.load(schema_dir)
    _CURRENT[:] = [types]
    return types


def current() -> OrgTypes:
    return _CURRENT[0] if _CURRENT else project()
