"""The JSON Schemas in schema/ against their example files in tests/schema_examples/.

Layout: ``tests/schema_examples/<schema-name>/{valid,invalid}/*.yaml`` where ``<schema-name>``
is a schema file name without ``.schema.json``. Header comments of an example:

* ``# ruleset: qd124-hd25`` — the ruleset overlay of bo-quy-tac.schema.json applied on top of
  the base schema (for dang-vien and to-chuc; default qd366-hd43);
* ``# expect: <json-pointer> <keyword>`` (invalid examples only, exactly one) — the instance
  location and the JSON Schema keyword of the failure the file exists to show. The root is
  written ``""``. The base schema is checked first; the overlay only when the base passes
  (as generator/check/schemas.py does).

Besides "valid passes, invalid fails where it says", the coverage test fails when an enum value
is never used by a valid example, a required key is never the one missing in an invalid
example, or a pattern is never violated by one: every rule of the schemas is shown by a file.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from generator.rules.registry import ids
from generator.submissions.yamlload import loads

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"
EXAMPLES = ROOT / "tests" / "schema_examples"
OVERLAY_FILE = "bo-quy-tac.schema.json"
OVERLAY_PREFIX = {"dang-vien": "dang_vien", "to-chuc": "to_chuc"}
DEFAULT_RULESET = "qd366-hd43"
RULESETS = ids()

RULESET_RE = re.compile(r"^#\s*ruleset:\s*(\S+)\s*$", re.M)
EXPECT_RE = re.compile(r"^#\s*expect:\s*(\S+)\s+(\S+)\s*$", re.M)

# keywords whose value is one subschema / a list of them / a mapping of names to them
SUB_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "propertyNames")
SUB_LIST = ("allOf", "anyOf", "oneOf", "prefixItems")
SUB_MAP = ("properties", "$defs", "patternProperties")

# ------------------------------------------------------------------ schemas


SCHEMAS: dict[str, dict[str, Any]] = {
    p.name: json.loads(p.read_text("utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))
}
# What the validators see: the same schemas without their top-level `$schema`. A `$schema`
# makes jsonschema switch to the registered validator class at every `$ref` into that file,
# which would bypass the enum-recording class below.
BODIES: dict[str, dict[str, Any]] = {
    name: {k: v for k, v in schema.items() if k != "$schema"} for name, schema in SCHEMAS.items()
}
REGISTRY: Registry = Registry().with_resources(
    (name, DRAFT202012.create_resource(body)) for name, body in BODIES.items()
)


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema (as a dict) below `node`, with its JSON pointer in the file."""
    if not isinstance(node, dict):
        return
    yield pointer, node
    for kw in SUB_ONE:
        if kw in node:
            yield from walk(node[kw], f"{pointer}/{kw}")
    for kw in SUB_LIST:
        for i, sub in enumerate(node.get(kw, ())):
            yield from walk(sub, f"{pointer}/{kw}/{i}")
    for kw in SUB_MAP:
        for name, sub in node.get(kw, {}).items():
            yield from walk(sub, f"{pointer}/{kw}/{name}")


def all_nodes() -> Iterator[tuple[str, dict[str, Any]]]:
    for name, body in BODIES.items():
        for pointer, node in walk(body):
            yield f"{name}#{pointer}", node


# where each subschema object lives, so that errors (which carry the subschema) can be traced
LOCATION: dict[int, str] = {id(node): where for where, node in all_nodes()}

_seen_enum: dict[int, set[Any]] = defaultdict(set)
_enum_keyword = Draft202012Validator.VALIDATORS["enum"]


def _recording_enum(validator: Any, enums: Any, instance: Any, schema: Any) -> Any:
    """The standard `enum` keyword, noting which values of which enum were met."""
    if isinstance(instance, str | int | float | bool) and instance in enums:
        _seen_enum[id(schema)].add(instance)
    return _enum_keyword(validator, enums, instance, schema)


RecordingValidator = jsonschema.validators.extend(Draft202012Validator, {"enum": _recording_enum})


def validator_for(schema_name: str, ruleset: str | None) -> Any:
    """The validator of a base schema (ruleset None) or of its ruleset overlay."""
    if ruleset is None:
        ref = f"{schema_name}.schema.json"
    else:
        ref = f"{OVERLAY_FILE}#/$defs/{OVERLAY_PREFIX[schema_name]}_{ruleset}"
    return RecordingValidator(
        {"$ref": ref},
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


# ------------------------------------------------------------------ examples


@dataclass
class Example:
    path: Path
    schema: str  # schema file name without .schema.json
    valid: bool
    ruleset: str
    expect: tuple[str, str] | None  # (json pointer, keyword)
    data: Any

    @property
    def id(self) -> str:
        return str(self.path.relative_to(EXAMPLES))


def _load_example(path: Path) -> Example:
    text = path.read_text("utf-8")
    result = loads(path.read_bytes())
    assert result.document is not None, f"{path}: not loadable: {result.problems}"
    rs = RULESET_RE.search(text)
    expects = EXPECT_RE.findall(text)
    valid = path.parent.name == "valid"
    if valid:
        assert not expects, f"{path}: a valid example has no '# expect:'"
    else:
        assert len(expects) == 1, f"{path}: an invalid example needs exactly one '# expect:'"
    expect = None
    if expects:
        pointer, keyword = expects[0]
        expect = ("" if pointer == '""' else pointer, keyword)
    return Example(
        path=path,
        schema=path.parent.parent.name,
        valid=valid,
        ruleset=rs.group(1) if rs else DEFAULT_RULESET,
        expect=expect,
        data=result.document.data,
    )


EXAMPLE_LIST = [_load_example(p) for p in sorted(EXAMPLES.glob("*/*/*.yaml"))]
VALID = [e for e in EXAMPLE_LIST if e.valid]
INVALID = [e for e in EXAMPLE_LIST if not e.valid]


def pointer_of(error: jsonschema.ValidationError) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in error.path)


def errors_of(example: Example) -> list[jsonschema.ValidationError]:
    """Base schema errors; when there are none, the ruleset overlay's errors."""
    errors = list(validator_for(example.schema, None).iter_errors(example.data))
    if not errors and example.schema in OVERLAY_PREFIX:
        errors = list(validator_for(example.schema, example.ruleset).iter_errors(example.data))
    return errors


def describe(errors: list[jsonschema.ValidationError]) -> str:
    return "\n".join(f"  {pointer_of(e) or '<root>'} {e.validator}: {e.message}" for e in errors)


def expected_errors(example: Example) -> list[jsonschema.ValidationError]:
    assert example.expect is not None
    pointer, keyword = example.expect
    return [e for e in errors_of(example) if pointer_of(e) == pointer and e.validator == keyword]


# ------------------------------------------------------------------ tests


def test_there_are_examples_for_every_schema() -> None:
    names = {n.removesuffix(".schema.json") for n in SCHEMAS} - {"chung", "bo-quy-tac"}
    for name in sorted(names):
        assert any(e.schema == name for e in VALID), f"no valid example for {name}"
        assert any(e.schema == name for e in INVALID), f"no invalid example for {name}"
    assert {e.schema for e in EXAMPLE_LIST} <= names


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "$id" not in schema  # editors resolve the relative refs from the file location
    Draft202012Validator.check_schema(schema)


def test_refs_are_local_or_to_shared_defs() -> None:
    """Only `#/...` and `<file>.schema.json#/$defs/<name>` refs (the validator bundles those)."""
    bad = []
    for where, node in all_nodes():
        ref = node.get("$ref")
        if ref is None:
            continue
        m = re.fullmatch(r"([a-z-]+\.schema\.json)?#/\$defs/([A-Za-z0-9_-]+)", ref)
        file = (m.group(1) or where.partition("#")[0]) if m else None
        if not m or file not in SCHEMAS or m.group(2) not in SCHEMAS[file].get("$defs", {}):
            bad.append(f"{where}: {ref}")
    assert not bad, "unresolvable or unsupported $ref:\n" + "\n".join(bad)


def test_every_property_has_vietnamese_title_and_description() -> None:
    missing = []
    for where, node in all_nodes():
        for name, prop in node.get("properties", {}).items():
            if not isinstance(prop, dict):
                missing.append(f"{where}/properties/{name}: a boolean schema")
                continue
            for kw in ("title", "description"):
                if not str(prop.get(kw, "")).strip():
                    missing.append(f"{where}/properties/{name}: no {kw}")
    assert not missing, "\n".join(missing)


def test_unknown_keys_are_errors_in_base_schemas() -> None:
    """Every object with declared properties refuses other keys (overlays add to a base)."""
    open_objects = [
        where
        for where, node in all_nodes()
        if "properties" in node
        and node.get("additionalProperties") is not False
        and not where.startswith(OVERLAY_FILE)
    ]
    assert not open_objects, "missing additionalProperties: false:\n" + "\n".join(open_objects)


@pytest.mark.parametrize("example", VALID, ids=lambda e: e.id)
def test_valid_example(example: Example) -> None:
    errors = errors_of(example)
    assert not errors, f"{example.id} ({example.ruleset}):\n{describe(errors)}"


@pytest.mark.parametrize("example", INVALID, ids=lambda e: e.id)
def test_invalid_example(example: Example) -> None:
    assert example.expect is not None
    errors = errors_of(example)
    assert errors, f"{example.id} ({example.ruleset}) is valid"
    assert expected_errors(example), (
        f"{example.id}: expected {example.expect[1]} at {example.expect[0] or '<root>'}, got\n"
        + describe(errors)
    )


def test_rulesets_of_examples_are_known() -> None:
    assert {e.ruleset for e in EXAMPLE_LIST} <= set(RULESETS)


def test_every_enum_value_required_key_and_pattern_is_exercised() -> None:
    _seen_enum.clear()
    for example in VALID:
        errors_of(example)
    missing_keys: dict[int, set[str]] = defaultdict(set)
    violated: set[int] = set()
    for example in INVALID:
        for error in expected_errors(example):
            if error.validator == "required" and isinstance(error.instance, dict):
                missing_keys[id(error.schema)] |= set(error.validator_value) - set(error.instance)
            elif error.validator == "pattern":
                violated.add(id(error.schema))

    gaps = []
    for where, node in all_nodes():
        if "enum" in node:
            unused = [v for v in node["enum"] if v not in _seen_enum[id(node)]]
            if unused:
                gaps.append(f"{where}: enum value(s) {unused} used by no valid example")
        if "required" in node:
            never = [k for k in node["required"] if k not in missing_keys[id(node)]]
            if never:
                gaps.append(f"{where}: required key(s) {never} missing in no invalid example")
        if "pattern" in node and id(node) not in violated:
            gaps.append(f"{where}: pattern {node['pattern']!r} violated by no invalid example")
    assert not gaps, "schema rules no example exercises:\n" + "\n".join(gaps)
