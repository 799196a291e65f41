"""Schema errors as positioned, Vietnamese findings (generator/messages/schema.py).

`findings_for` turns one jsonschema error (generator.check.schemaerror) into findings: one
small handler per keyword, each choosing its catalog entry, hint and parameters (about keys:
generator.check.schemakeys; about values: here); `leaf_errors`, `dedupe` and
`drop_explained_missing` (generator.check.schemaprune, re-exported here) keep one finding
per mistake; the schema's nodes and titles are looked up by generator.check.schemanodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jsonschema

from generator.check import datehints, schemahints
from generator.check.schemaerror import KeywordError
from generator.check.schemakeys import not_allowed, required_keys, unknown_keys
from generator.check.schemanodes import (
    base_node,
    is_required,
)
from generator.check.schemaprune import (
    TOLD_AS_TEXT_CONTROL,
    dedupe,
    drop_explained_missing,
    leaf_errors,
)
from generator.check.written import as_shown
from generator.findings import Finding
from generator.invisible import code_point
from generator.messages.schema import (
    BOUND_VI,
    CONTROL_NAMES,
    LENGTH_VI,
    OR_VI,
    TYPE_VI,
)
from generator.submissions.yamlload import Document
from generator.submissions.yamlodd import is_control


def findings_for(
    error: jsonschema.ValidationError,
    doc: Document,
    file: str,
    root_schema: dict[str, Any],
    base_schema: dict[str, Any] | None = None,
) -> list[Finding]:
    e = KeywordError(error, doc, file, root_schema, base_schema)
    keyword = error.validator
    if keyword is None or keyword == "not" or error.schema is False:
        return not_allowed(e)
    handler = _HANDLERS.get(str(keyword))
    if handler is not None:
        return handler(e)
    if keyword == "format" and error.validator_value == "date":
        return _pattern(e)
    pos = doc.value_pos(e.path)
    if keyword == "format":
        return [e.make("schema-other", pos, variant="format", label=e.label, value=error.instance)]
    return [e.make("schema-other", pos, label=e.label, detail=error.message)]


def _enum(e: KeywordError) -> list[Finding]:
    value = e.error.instance
    options = [str(o) for o in e.error.validator_value]
    hint_key, params = schemahints.for_enum(value, options, e.doc, e.path)
    key = e.path[-1] if e.path and isinstance(e.path[-1], str) else None
    variant, shown = as_shown(e.doc, e.path, value)
    return [
        e.make(
            "schema-enum",
            e.doc.value_pos(e.path),
            variant=variant if variant in ("empty", "kind") else "",
            hint_key=hint_key,
            label=e.label,
            **shown,
            options=", ".join(f"`{o}`" for o in options),
            key=key,
            **params,
        )
    ]


def _const(e: KeywordError) -> list[Finding]:
    variant, shown = as_shown(e.doc, e.path, e.error.instance)
    return [
        e.make(
            "schema-const",
            e.doc.value_pos(e.path),
            variant="kind" if variant == "kind" else "",
            label=e.label,
            expected=e.error.validator_value,
            **shown,
        )
    ]


def _type(e: KeywordError) -> list[Finding]:
    value = e.error.instance
    expected = e.error.validator_value
    expected_list = expected if isinstance(expected, list) else [expected]
    if _is_date_scalar(e, value):  # `ngay_vao_dang: 19941222`: quoting it is no date yet
        return _date(e, "schema-date", "")
    if isinstance(value, list | dict) and datehints.looks_like_date_field(
        e.schema, e.schema.get("pattern")
    ):  # `ngay_vao_dang: [1994]`: quoting the list ("[1994]") is no date either
        hint_key, params = datehints.for_date_container(value, e.doc, e.path)
    else:
        hint_key, params = schemahints.for_type(value, expected_list, e.doc, e.path, e.schema)
    if hint_key == "empty" and e.base is not None and is_required(e.base, e.path):
        hint_key = "empty-required"  # never suggest leaving a required item out
    variant, shown = as_shown(e.doc, e.path, value)
    params.update(
        label=e.label,
        want=OR_VI.join(TYPE_VI.get(str(t), str(t)) for t in expected_list),
        **shown,
    )
    return [
        e.make("schema-type", e.doc.value_pos(e.path), variant=variant, hint_key=hint_key, **params)
    ]


# a text on one line without control characters: an organization's name (to-chuc.schema
# .json), as the statistics exchange file takes it (thong-ke.schema.json, `to_chuc.ten`)
CONTROL_FREE = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"


def _pattern(e: KeywordError) -> list[Finding]:
    pos = e.doc.value_pos(e.path)
    value = e.error.instance
    if datehints.looks_like_date_field(e.schema, e.error.validator_value):
        # `ngay_vao_dang: ""`: "Chưa ghi ngày", never a date quoted as "``"
        empty = isinstance(value, str) and not value.strip()
        if e.error.validator == "format":
            return _date(e, "schema-date", "empty" if empty else "")
        return _date(e, "schema-pattern", "date-empty" if empty else "date")
    if e.error.validator_value == CONTROL_FREE and isinstance(value, str) and _yaml(e):
        bad = dict.fromkeys(c for c in value if not re.fullmatch(CONTROL_FREE, c))
        names = ", ".join(f"{code_point(c)}{CONTROL_NAMES.get(c, '')}" for c in bad)
        found = e.make("schema-pattern", pos, variant="control", label=e.label, chars=names)
        if all(is_control(c) for c in bad):  # not a tab nor a line feed: told at its escape
            found.extra[TOLD_AS_TEXT_CONTROL] = True
        return [found]
    description = e.schema.get("description", "")
    return [
        e.make(
            "schema-pattern",
            pos,
            hint_key="described" if description else "",
            label=e.label,
            value=value,
            description=description,
            pattern=e.error.validator_value,
        )
    ]


def _yaml(e: KeywordError) -> bool:
    """A submitted file's property (its schema node has a scope, `x-pham-vi`); a statistics
    file's keeps the generic message, its value quoted, escaped (statistics/exchange.py)."""
    return "x-pham-vi" in e.schema


def _is_date_scalar(e: KeywordError, value: Any) -> bool:
    """A number or true/false where a date belongs: a date written wrong, not a text."""
    if value is None or isinstance(value, list | dict):
        return False
    return datehints.looks_like_date_field(e.schema, e.schema.get("pattern"))


def _date(e: KeywordError, code: str, variant: str) -> list[Finding]:
    """A date written wrong, with the date hint (datehints.for_date); the value as its
    author wrote it (`19941222`, never Python's rendering)."""
    value = e.error.instance
    hint_key, params = datehints.for_date(value, e.doc, e.path)
    shown = value if isinstance(value, str) else as_shown(e.doc, e.path, value)[1]["value"]
    params.update(label=e.label, value=shown)
    pos = e.doc.value_pos(e.path)
    return [e.make(code, pos, variant=variant, hint_key=hint_key, **params)]


def _range(e: KeywordError) -> list[Finding]:
    return [
        e.make(
            "schema-range",
            e.doc.value_pos(e.path),
            label=e.label,
            bound=BOUND_VI[str(e.error.validator)],
            limit=e.error.validator_value,
            value=e.error.instance,
        )
    ]


def _length(e: KeywordError) -> list[Finding]:
    keyword = str(e.error.validator)
    return [
        e.make(
            "schema-length",
            e.doc.value_pos(e.path),
            hint_key={"minLength": "write", "minItems": "write", "maxLength": "shorten"}.get(
                keyword, ""
            ),
            label=e.label,
            what=LENGTH_VI[keyword].format(n=e.error.validator_value),
            n=e.error.validator_value,
        )
    ]


def _unique(e: KeywordError) -> list[Finding]:
    return [e.make("schema-other", e.doc.value_pos(e.path), variant="unique", label=e.label)]


_HANDLERS: dict[str, Callable[[KeywordError], list[Finding]]] = {
    "required": required_keys,
    "additionalProperties": unknown_keys,
    "unevaluatedProperties": unknown_keys,
    "enum": _enum,
    "const": _const,
    "type": _type,
    "pattern": _pattern,
    **{k: _range for k in BOUND_VI},
    **{k: _length for k in LENGTH_VI},
    "uniqueItems": _unique,
}


__all__ = [
    "base_node",
    "dedupe",
    "drop_explained_missing",
    "findings_for",
    "leaf_errors",
]
