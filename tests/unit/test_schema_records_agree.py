"""schema/ and generator/submissions/records.py describe the same YAML.

records.py names each YAML key once (`metadata["key"]`); the schemas must declare exactly those
keys, require exactly the fields without a default, list exactly the codes of the record
enums, and the ruleset overlays exactly the criterion keys of generator/rules/criteria.py.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from generator.rules import criteria
from generator.rules.registry import REGISTRY, ids
from generator.submissions import records
from generator.submissions.records import (
    Decisions,
    MemberReview,
    Organization,
    Proposals,
    YearConfig,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS: dict[str, dict[str, Any]] = {
    p.name: json.loads(p.read_text("utf-8"))
    for p in sorted((ROOT / "schema").glob("*.schema.json"))
}
OVERLAYS = SCHEMAS["bo-quy-tac.schema.json"]["$defs"]
RULESETS = ids()

RECORD_SCHEMAS: dict[type, str] = {
    YearConfig: "nam-danh-gia.schema.json",
    Organization: "to-chuc.schema.json",
    MemberReview: "dang-vien.schema.json",
    Proposals: "de-xuat.schema.json",
    Decisions: "quyet-dinh.schema.json",
}


def resolve(node: dict[str, Any], file: str) -> tuple[dict[str, Any], str]:
    """Follow `$ref`s ("<file>#/$defs/x" or "#/$defs/x") to the schema that has the content."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        node = SCHEMAS[file]
        for part in pointer.strip("/").split("/"):
            node = node[part]
    return node, file


def unwrap(tp: Any) -> tuple[Any, bool]:
    """(inner type, is a list) of `X`, `X | None`, `list[X]`."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        (tp,) = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) is list:
        return typing.get_args(tp)[0], True
    return tp, False


def enum_codes(cls: type[enum.Enum]) -> set[str]:
    return {getattr(m, "code", m.value) for m in cls}


def yaml_fields(cls: type) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if "key" in f.metadata]


def compare(cls: type, schema: dict[str, Any], file: str, where: str) -> list[str]:
    """Differences between a record class and its (resolved) object schema, recursively."""
    problems = []
    props = schema.get("properties", {})
    keys = {f.metadata["key"] for f in yaml_fields(cls)}
    if set(props) != keys:
        problems.append(
            f"{where}: schema has extra {sorted(set(props) - keys)}, "
            f"lacks {sorted(keys - set(props))}"
        )
    required = {
        f.metadata["key"]
        for f in yaml_fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    if set(schema.get("required", [])) != required:
        problems.append(
            f"{where}: schema requires {sorted(schema.get('required', []))}, "
            f"record fields without default are {sorted(required)}"
        )
    if schema.get("additionalProperties") is not False:
        problems.append(f"{where}: unknown keys are not refused")
    hints = typing.get_type_hints(cls)
    for f in yaml_fields(cls):
        name = f.metadata["key"]
        if name not in props:
            continue
        inner, is_list = unwrap(hints[f.name])
        sub, sub_file = resolve(props[name], file)
        if is_list:
            if sub.get("type") != "array":
                problems.append(f"{where}.{name}: a list in records.py, not in the schema")
                continue
            sub, sub_file = resolve(sub["items"], sub_file)
        if typing.get_origin(inner) is dict and isinstance(sub.get("additionalProperties"), dict):
            # a mapping of free keys (criteria): its values' enum
            inner = typing.get_args(inner)[1]
            sub, sub_file = resolve(sub["additionalProperties"], sub_file)
        if inner is records.OrgType:
            # organization types are data: every code of the enum is described once
            described = set(sub.get("x-loai-to-chuc", {}))
            if set(sub.get("enum", [])) != described:
                problems.append(f"{where}.{name}: enum != x-loai-to-chuc {sorted(described)}")
        elif dataclasses.is_dataclass(inner):
            problems += compare(inner, sub, sub_file, f"{where}.{name}")  # type: ignore[arg-type]
        elif (
            isinstance(inner, type)
            and issubclass(inner, enum.Enum)
            and set(sub.get("enum", [])) != enum_codes(inner)
        ):
            problems.append(
                f"{where}.{name}: schema enum {sub.get('enum')} != "
                f"{inner.__name__} {sorted(enum_codes(inner))}"
            )
    return problems


@pytest.mark.parametrize("cls", RECORD_SCHEMAS, ids=lambda c: c.__name__)
def test_record_keys_required_and_enums_match_schema(cls: type) -> None:
    file = RECORD_SCHEMAS[cls]
    problems = compare(cls, SCHEMAS[file], file, cls.__name__)
    assert not problems, "\n".join(problems)


def test_every_record_file_kind_has_a_schema() -> None:
    files = {
        c
        for c in vars(records).values()
        if isinstance(c, type)
        and dataclasses.is_dataclass(c)
        and c.__module__ == records.__name__
        and any(f.name == "source" for f in dataclasses.fields(c))
    }
    assert files == set(RECORD_SCHEMAS)


def test_rulesets_of_year_and_overlays_agree() -> None:
    year = SCHEMAS["nam-danh-gia.schema.json"]["properties"]["bo_quy_tac"]
    assert tuple(year["enum"]) == RULESETS
    for rs in RULESETS:
        assert f"dang_vien_{rs}" in OVERLAYS
        assert f"to_chuc_{rs}" in OVERLAYS


def refs_below(node: Any) -> set[str]:
    """Every overlay def reachable from `node` through local `$ref`s."""
    found: set[str] = set()
    todo = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, dict):
            ref = n.get("$ref", "")
            if ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in found:
                    found.add(name)
                    todo.append(OVERLAYS[name])
            todo.extend(n.values())
        elif isinstance(n, list):
            todo.extend(n)
    return found


def criterion_keys(crits: tuple[criteria.Criterion, ...]) -> list[str]:
    return [c.key for c in crits]


@pytest.mark.parametrize(("prefix", "table"), [
    ("dang_vien", {s.id: s.member_criteria for s in REGISTRY.values() if s.member_criteria}),
    ("to_chuc", {s.id: s.org_criteria for s in REGISTRY.values() if s.org_criteria}),
])  # fmt: skip
def test_overlay_criteria_equal_criteria_py(
    prefix: str, table: dict[str, tuple[criteria.Criterion, ...]]
) -> None:
    for rs, crits in table.items():
        reachable = refs_below(OVERLAYS[f"{prefix}_{rs}"])
        shapes = [d for d in reachable if d.startswith("tieu_chi_")]
        fulls = [d for d in reachable if d.startswith("du_tieu_chi_")]
        assert len(shapes) == 1, (rs, shapes)
        assert len(fulls) == 1, (rs, fulls)
        assert list(OVERLAYS[shapes[0]]["properties"]) == criterion_keys(crits), rs
        assert OVERLAYS[shapes[0]]["additionalProperties"] is False
        assert OVERLAYS[fulls[0]]["required"] == criterion_keys(crits), rs


def test_score_ruleset_uses_no_criteria() -> None:
    reachable = refs_below(OVERLAYS["dang_vien_qd366-hd43"]) | refs_below(
        OVERLAYS["to_chuc_qd366-hd43"]
    )
    assert not [d for d in reachable if "tieu_chi_" in d]


def test_score_maxima_equal_criteria_py() -> None:
    diem = SCHEMAS["chung.schema.json"]["$defs"]["diem"]["properties"]
    assert diem["tieu_chi_chung"]["maximum"] == criteria.SCORE_GENERAL_MAX
    assert diem["ket_qua_nhiem_vu"]["maximum"] == criteria.SCORE_TASKS_MAX
