"""Rulesets as data (issue 10 item 3): the schema and the README agree with the registry,
a year's ruleset id is worked out in one place, and a throwaway ruleset registered from
this module alone rates a small year."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from generator.rules import rate_year
from generator.rules.base import Reason, Setting
from generator.rules.quota import QuotaPolicy
from generator.rules.registry import (
    REGISTRY,
    default_ruleset_id,
    ids,
    register,
    ruleset_id_for,
    unregister,
)
from generator.rules.rule import MemberFacts, Rule, RuleList, rule
from generator.rules.spec import RulesetSpec
from generator.submissions.records import Level
from generator.submissions.year import Year
from tests.unit.rules.tree import Tree

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "schema"


def _json(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((SCHEMA / name).read_text(encoding="utf-8"))


def _all_settings() -> dict[str, Setting]:
    out: dict[str, Setting] = {}
    for spec in REGISTRY.values():
        for s in spec.settings:
            out.setdefault(s.name, s)
    return out


def test_schema_enums_overlays_and_settings_follow_the_registry() -> None:
    year = _json("nam-danh-gia.schema.json")["properties"]
    assert year["bo_quy_tac"]["enum"] == list(ids())
    cai_dat = year["cai_dat"]["properties"]
    settings = _all_settings()
    assert set(cai_dat) == set(settings)
    for name, s in settings.items():
        node = cai_dat[name]
        if s.choices is not None and set(s.choices) == {True, False}:
            assert node["type"] == "boolean", name
        elif s.choices is not None:
            assert node["enum"] == list(s.choices), name
        if s.default is None:
            assert "null" in node["type"], name
    defs = _json("bo-quy-tac.schema.json")["$defs"]
    for spec in REGISTRY.values():
        assert spec.overlay_member in defs and spec.overlay_org in defs, spec.id
        if spec.member_criteria:
            keys = set(defs[f"tieu_chi_dang_vien_{spec.id}"]["properties"])
            assert keys == {c.key for c in spec.member_criteria}, spec.id


def test_readme_settings_table_lists_every_setting_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Settings") :]
    for name, s in _all_settings().items():
        row = next((line for line in table.splitlines() if f"`{name}`" in line), None)
        assert row is not None, name
        shown = {None: "null", True: "true", False: "false"}.get(s.default, str(s.default))
        assert shown in row, (name, shown, row)


def test_a_year_ruleset_is_worked_out_in_one_place() -> None:
    assert [default_ruleset_id(y) for y in (2018, 2022, 2023, 2024, 2025, 2031)] == [
        "qd132-hd21",
        "qd132-hd21",
        "qd124-hd25",
        "qd124-hd25",
        "qd366-hd43",
        "qd366-hd43",
    ]
    assert ruleset_id_for(2026, None, "qd124-hd25") == "qd124-hd25"
    assert ruleset_id_for(2026, None, "khong-co") == "pending"
    assert ruleset_id_for(2024) == "pending"  # no year file: nothing is rated
    assert not hasattr(Year, "ruleset_id")  # the year asks the registry (ruleset_of)
    # no other module under generator/ spells the year table (a year compared with a
    # ruleset's first year, or a (year, ruleset) table)
    table = re.compile(
        r"(?:[<>]=? ?20\d\d\b|RULESET_BY_YEAR|^\s*\(20\d\d, \"qd[^\"]*\"\),\s*$)", re.M
    )
    hits = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "generator").rglob("*.py")
        if table.search(p.read_text(encoding="utf-8"))
    ]
    assert hits == []


# --------------------------------------------------------------------------- throwaway

THU_NGHIEM = "thu-nghiem"
SHARE = Setting("thu_nghiem_share", 0.5, None, "T-M1", "Tỷ lệ thử nghiệm.", unverified=False)


@rule("T-M1", "Văn bản thử nghiệm, Điều 1", settings=(SHARE,))
def everyone_good(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Every completed review is HTXSNV under the throwaway ruleset."""
    yield r.assessed(Level.HTXSNV, f"thử nghiệm, tỷ lệ {m.settings[SHARE.name]} (T-M1)")


def test_a_throwaway_ruleset_rates_a_small_year(root: Path) -> None:
    spec = RulesetSpec(
        id=THU_NGHIEM,
        title_vi="Bộ quy tắc thử nghiệm",
        years_vi="—",
        rules=RuleList(members=(everyone_good,)),
        member_quota=QuotaPolicy(
            "T-M2",
            "Văn bản thử nghiệm, Điều 2",
            settings=tuple(
                s for s in REGISTRY["qd366-hd43"].settings if s.name.startswith("quota_")
            ),
        ),
    )
    register(spec)
    try:
        t = Tree(root, 2025, "qd366-hd43")
        t.chi_bo_co_so("cb")
        for i in range(6):
            t.member("cb", f"dv-{i}", "HTTNV")
        year, _ = t.load()
        assert year.config is not None
        year.config.ruleset = THU_NGHIEM
        v = rate_year(year)
        assert v.ruleset == THU_NGHIEM and v.settings["thu_nghiem_share"] == 0.5
        assert {m.final for m in v.members.values()} == {Level.HTXSNV}
        assert {r.rule for m in v.members.values() for r in m.reasons} == {"T-M1", "T-M2"}
        assert [p.rule for p in v.quota_pools] == ["T-M2"]
        assert THU_NGHIEM in ids()
    finally:
        unregister(THU_NGHIEM)
    assert THU_NGHIEM not in ids()
