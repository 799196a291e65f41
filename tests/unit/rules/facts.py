"""Facts built in memory for rule tests that need no YAML tree: a rule is a pure function
of `MemberFacts` / `OrgFacts`, so these tests call it directly.

    m = member_facts("qd366-hd43", nhiem_vu={...})
    reasons = list(qd366_hd43.khtnv(m))
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.rules.base import Verdict
from generator.rules.registry import REGISTRY
from generator.rules.rule import MemberFacts, OrgFacts
from generator.submissions.records import MemberReview, Organization, from_mapping
from generator.submissions.year import Year


def settings_of(ruleset: str, year: int, **overrides: Any) -> dict[str, Any]:
    values = {s.name: s.default_for(year) for s in REGISTRY[ruleset].settings}
    values.update(overrides)
    return values


def member(member_id: str = "dv-1", year: int = 2025, **fields: Any) -> MemberReview:
    data = {
        "ma_dang_vien": member_id,
        "nam": year,
        "ho_ten": f"Đảng viên {member_id}",
        "loai_dang_vien": "chinh_thuc",
        "ngay_vao_dang": "2000-01-01",
        **fields,
    }
    return from_mapping(MemberReview, data)


def member_facts(
    ruleset: str, year: int = 2025, settings: dict[str, Any] | None = None, **fields: Any
) -> MemberFacts:
    m = member(year=year, **fields)
    y = Year(repo=Path("."), year=year, config=None, members={m.id: m})
    return MemberFacts(y, m, settings_of(ruleset, year, **(settings or {})), dt.date(year, 12, 15))


def org(org_id: str = "cb", year: int = 2025, **fields: Any) -> Organization:
    data = {"ma_to_chuc": org_id, "nam": year, "ten": org_id.upper(), "loai": "chi_bo_co_so"}
    data.update(fields)
    return from_mapping(Organization, data)


def org_facts(
    ruleset: str,
    year: int = 2025,
    *,
    members: list[MemberReview] = (),  # type: ignore[assignment]
    children: list[Organization] = (),  # type: ignore[assignment]
    member_verdicts: list[Verdict] = (),  # type: ignore[assignment]
    own_verdict: Verdict | None = None,
    settings: dict[str, Any] | None = None,
    **fields: Any,
) -> OrgFacts:
    o = org(year=year, **fields)
    o.children = [c.id for c in children]
    y = Year(
        repo=Path("."),
        year=year,
        config=None,
        orgs={o.id: o, **{c.id: c for c in children}},
        members={m.id: m for m in members},
    )
    return OrgFacts(
        y,
        o,
        settings_of(ruleset, year, **(settings or {})),
        dt.date(year, 12, 15),
        list(member_verdicts),
        [],
        y.members,
        own_verdict=own_verdict,
    )
