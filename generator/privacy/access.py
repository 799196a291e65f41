"""One member's record across every year: what a request of access is answered with.

The data subject may ask what is held about them and how it was used (Luật Bảo vệ dữ liệu
cá nhân 91/2025/QH15). `member_record` gathers, for each year that holds the member: the
chi bộ, the data stored in their review file (every property with its schema title and
audience class), the levels (self, proposed with votes, decided and by whom, final), the
reasons with their rule ids and citations, flags, and re-ratings recorded by later years.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.pipeline import RatedYears
from generator.privacy import Scope, scope_tree
from generator.rules.base import Verdict
from generator.rules.registry import ruleset_of
from generator.submissions.records import MemberReview


@dataclass
class StoredValue:
    key: str  # YAML key, e.g. "nghi_om_thang"
    title: str  # the schema's Vietnamese title
    scope: Scope  # who may read it on the sites
    data: Any  # as the record holds it (enums, dates, nested records)

    @property
    def value(self) -> Any:
        """JSON-ready, as written in the file: a choice by the word the member wrote
        (`khien_trach`, `tot`, `HTTNV`), never an enum's internal number."""
        return _plain(self.data)

    @property
    def words(self) -> Any:
        """The same for a reader: a choice by its Vietnamese label where it has one
        (`khiển trách`, `Tốt`, `Hoàn thành tốt nhiệm vụ`), else as written."""
        return _plain(self.data, words=True)


@dataclass
class YearRecord:
    year: int
    ruleset: str
    org_id: str
    org_name: str
    stored: list[StoredValue] = field(default_factory=list)
    verdict: Verdict | None = None
    retention_years: int | None = None


def _plain(value: Any, words: bool = False) -> Any:
    """A record value as JSON-ready data: dates ISO, records as dicts by YAML key, an enum
    by its YAML word (its `code` where it has one: the numbered enums, Level,
    CriterionLevel, DisciplineForm, would otherwise give their rank); with `words`, an
    enum by its Vietnamese label where it has one."""
    if isinstance(value, enum.Enum):
        if words and hasattr(value, "label_vi"):
            return value.label_vi
        return getattr(value, "code", value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.metadata["key"]: _plain(getattr(value, f.name), words)
            for f in dataclasses.fields(value)
            if "key" in f.metadata
        }
    if isinstance(value, list):
        return [_plain(v, words) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, words) for k, v in value.items()}
    return value


def _titles(schema_dir: Path) -> dict[str, str]:
    schema = json.loads((schema_dir / "dang-vien.schema.json").read_text("utf-8"))
    return {k: str(p.get("title", k)) for k, p in schema["properties"].items()}


def stored_values(member: MemberReview, schema_dir: Path) -> list[StoredValue]:
    """Every property the member's file holds (empty ones left out), in file order."""
    tree = scope_tree(schema_dir, "dang-vien")
    titles = _titles(schema_dir)
    out = []
    for f in dataclasses.fields(member):
        key = f.metadata.get("key")
        if key is None:
            continue
        value = getattr(member, f.name)
        if _is_default(f, value):
            continue
        out.append(StoredValue(key, titles.get(key, key), tree.of(key), value))
    return out


def _is_default(f: dataclasses.Field[Any], value: Any) -> bool:
    if f.default is not dataclasses.MISSING:
        return bool(value == f.default)
    if f.default_factory is not dataclasses.MISSING:
        return bool(value == f.default_factory())
    return False  # a required property is always shown


def member_record(rated: RatedYears, member_id: str, schema_dir: Path) -> list[YearRecord]:
    """The member's record in every rated year that holds them, oldest first."""
    out = []
    for ry in rated:
        year = ry.year
        member = year.members.get(member_id)
        verdict = ry.verdicts.members.get(member_id) if ry.verdicts else None
        if member is None and verdict is None:
            continue
        org_id = member.org_id if member else (verdict.org_id if verdict else "")
        org = year.orgs.get(org_id)
        config = year.config
        out.append(
            YearRecord(
                year=year.year,
                ruleset=ruleset_of(year),
                org_id=org_id,
                org_name=org.name if org else org_id,
                stored=stored_values(member, schema_dir) if member else [],
                verdict=verdict,
                retention_years=config.data_protection.retention_years if config else None,
            )
        )
    return out


def as_json(member_id: str, records: list[YearRecord]) -> dict[str, Any]:
    def verdict(v: Verdict | None) -> dict[str, Any] | None:
        if v is None:
            return None
        return {
            "xep_loai": v.rated_level.code if v.rated_level else None,
            "du_kien": v.provisional,
            "khong_xep_loai_vi": v.not_rated.value if v.not_rated else None,
            "tu_xep_loai": v.self_level.code if v.self_level else None,
            "chi_bo_de_xuat": v.proposed.code if v.proposed else None,
            "phieu": list(v.proposed_votes) if v.proposed_votes else None,
            "cap_uy_quyet_dinh": v.decided.code if v.decided else None,
            "quyet_dinh": v.decided_by,
            "xep_loai_lai": (
                {"nam": v.re_rated[0], "muc": v.re_rated[1].code, "quyet_dinh": v.re_rated[2]}
                if v.re_rated
                else None
            ),
            "ly_do": [
                {"quy_tac": r.rule, "noi_dung": r.text, "can_cu": r.citation}
                for r in [*v.reasons, *v.flags]
            ],
        }

    return {
        "ma_dang_vien": member_id,
        "cac_nam": [
            {
                "nam": r.year,
                "bo_quy_tac": r.ruleset,
                "to_chuc": {"ma": r.org_id, "ten": r.org_name},
                "thoi_han_luu_tru_nam": r.retention_years,
                "du_lieu_luu_giu": [
                    {"muc": s.key, "ten": s.title, "pham_vi": s.scope.slug, "gia_tri": s.value}
                    for s in r.stored
                ],
                "ket_qua": verdict(r.verdict),
            }
            for r in records
        ],
    }
