"""Schema errors as positioned, Vietnamese findings (generator/messages/schema.py).

`findings_for` turns one jsonschema error into findings: one small handler per keyword,
each choosing its catalog entry, hint and parameters; `leaf_errors`, `dedupe` and
`drop_explained_missing` (generator.check.schemaprune, re-exported here) keep one finding
per mistake; the schema's nodes and titles are looked up by generator.check.schemanodes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jsonschema

from generator.check import schemahints
from generator.check.schemanodes import (
    base_node,
    group_holding,
    is_required,
    path_text,
    resolve,
)
from generator.check.schemaprune import dedupe, drop_explained_missing, leaf_errors
from generator.check.written import as_shown
from generator.findings import Finding, Position, make
from generator.messages.schema import (
    BOUND_VI,
    IN_VI,
    ITEM_VI,
    LENGTH_VI,
    OR_VI,
    TYPE_VI,
)
from generator.submissions.yamlload import Document
from generator.vietnamese import suggest


@dataclass(frozen=True)
class _Error:
    """One validation error with what every finding made from it needs."""

    error: jsonschema.ValidationError
    doc: Document
    file: str
    root: dict[str, Any]
    base: dict[str, Any] | None

    @property
    def path(self) -> tuple[Any, ...]:
        return tuple(self.error.absolute_path)

    @property
    def schema(self) -> dict[str, Any]:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    @property
    def label(self) -> str:
        """ "`kiem_diem.uu_diem` (Ưu điểm)": the place, with the property's own title."""
        title = self.schema.get("title", "")
        if self.path and self.base is not None:  # the property's own name beats its type's
            title = base_node(self.base, self.path).get("title", "") or title
        return f"`{path_text(self.path)}`" + (f" ({title})" if title else "")

    @property
    def where(self) -> str:
        return IN_VI.format(label=self.label) if self.path else ""

    def make(self, code: str, pos: Position, **params: Any) -> Finding:
        extra: dict[str, object] = {
            "keyword": str(self.error.validator),
            "pointer": "/" + "/".join(str(p) for p in self.path),
        }
        for name in ("key", "guess"):
            if name in params:
                extra[name] = params[name]
        return make(code, self.file, pos, extra=extra, **params)


def findings_for(
    error: jsonschema.ValidationError,
    doc: Document,
    file: str,
    root_schema: dict[str, Any],
    base_schema: dict[str, Any] | None = None,
) -> list[Finding]:
    e = _Error(error, doc, file, root_schema, base_schema)
    keyword = error.validator
    if keyword is None or keyword == "not" or error.schema is False:
        return _not_allowed(e)
    handler = _HANDLERS.get(str(keyword))
    if handler is not None:
        return handler(e)
    if keyword == "format" and error.validator_value == "date":
        return _pattern(e)
    pos = doc.value_pos(e.path)
    if keyword == "format":
        return [e.make("schema-other", pos, variant="format", label=e.label, value=error.instance)]
    return [e.make("schema-other", pos, label=e.label, detail=error.message)]


def _required(e: _Error) -> list[Finding]:
    value = e.error.instance
    missing = [k for k in e.error.validator_value if isinstance(value, dict) and k not in value]
    pos = e.doc.key_pos(e.path) if e.path else Position(1, 1)
    out = []
    for k in missing:
        sub = resolve(e.root, e.schema.get("properties", {}).get(k, {}))
        if e.base is not None:  # the property's own title beats its shared type's
            own = base_node(e.base, (*e.path, k))
            if isinstance(own, dict) and own.get("title"):
                sub = own
        t = sub.get("title", "") if isinstance(sub, dict) else ""
        hint_key, params = schemahints.for_missing_key(k, sub, e.path)
        params.update(title=f" ({t})" if t else "", where=e.where)
        out.append(e.make("schema-required", pos, hint_key=hint_key, **params))
    return out


def _unknown_keys(e: _Error) -> list[Finding]:
    value = e.error.instance
    allowed = list(e.schema.get("properties", {}))
    out = []
    for k in (k for k in (value or {}) if k not in allowed):
        guess = suggest(k, allowed)
        pos = e.doc.key_pos((*e.path, k))
        group = group_holding(e.root, e.schema, k) if isinstance(k, str) else None
        hint_key, params = schemahints.for_unknown_key(
            k, guess, value[k], e.doc, (*e.path, k), group
        )
        params.update(
            key=k, guess=guess, where=e.where, allowed=", ".join(f"`{a}`" for a in allowed)
        )
        if isinstance(k, str) and not k.strip():  # `- "": ...`: no name to show
            params.update(where=_item_where(e), variant="empty")
            hint_key = ""
        out.append(e.make("schema-unknown-key", pos, hint_key=hint_key, **params))
    return out


def _item_where(e: _Error) -> str:
    """ " trong mục thứ 2 của danh sách `chuyen_sinh_hoat` (…)" for a list item, else as
    every finding's `where`."""
    if len(e.path) < 2 or not isinstance(e.path[-1], int) or not isinstance(e.path[-2], str):
        return e.where
    listed = base_node(e.base, e.path[:-1]) if e.base is not None else {}
    title = listed.get("title", "") if isinstance(listed, dict) else ""
    return ITEM_VI.format(n=e.path[-1] + 1, list=e.path[-2], title=f" ({title})" if title else "")


def _enum(e: _Error) -> list[Finding]:
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


def _const(e: _Error) -> list[Finding]:
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


def _type(e: _Error) -> list[Finding]:
    value = e.error.instance
    expected = e.error.validator_value
    expected_list = expected if isinstance(expected, list) else [expected]
    if _is_date_scalar(e, value):  # `ngay_vao_dang: 19941222`: quoting it is no date yet
        return _date(e, "schema-date", "")
    if isinstance(value, list | dict) and schemahints.looks_like_date_field(
        e.schema, e.schema.get("pattern")
    ):  # `ngay_vao_dang: [1994]`: quoting the list ("[1994]") is no date either
        hint_key, params = schemahints.for_date_container(value, e.doc, e.path)
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


def _pattern(e: _Error) -> list[Finding]:
    pos = e.doc.value_pos(e.path)
    value = e.error.instance
    if schemahints.looks_like_date_field(e.schema, e.error.validator_value):
        # `ngay_vao_dang: ""`: "Chưa ghi ngày", never a date quoted as "``"
        empty = isinstance(value, str) and not value.strip()
        if e.error.validator == "format":
            return _date(e, "schema-date", "empty" if empty else "")
        return _date(e, "schema-pattern", "date-empty" if empty else "date")
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


def _is_date_scalar(e: _Error, value: Any) -> bool:
    """A number or true/false where a date belongs: a date written wrong, not a text."""
    if value is None or isinstance(value, list | dict):
        return False
    return schemahints.looks_like_date_field(e.schema, e.schema.get("pattern"))


def _date(e: _Error, code: str, variant: str) -> list[Finding]:
    """A date written wrong, with the date hint (schemahints.for_date); the value as its
    author wrote it (`19941222`, never Python's rendering)."""
    value = e.error.instance
    hint_key, params = schemahints.for_date(value, e.doc, e.path)
    shown = value if isinstance(value, str) else as_shown(e.doc, e.path, value)[1]["value"]
    params.update(label=e.label, value=shown)
    pos = e.doc.value_pos(e.path)
    return [e.make(code, pos, variant=variant, hint_key=hint_key, **params)]


def _range(e: _Error) -> list[Finding]:
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


def _length(e: _Error) -> list[Finding]:
    keyword = str(e.error.validator)
    return [
        e.make(
            "schema-length",
            e.doc.value_pos(e.path),
            hint_key="write" if keyword in ("minLength", "minItems") else "",
            label=e.label,
            what=LENGTH_VI[keyword].format(n=e.error.validator_value),
        )
    ]


def _not_allowed(e: _Error) -> list[Finding]:
    base_title = base_node(e.base, e.path).get("title", "") if e.base else ""
    named = f"`{path_text(e.path)}`" + (f" ({base_title})" if base_title else "")
    description = e.schema.get("description", "")
    return [
        e.make(
            "schema-not-allowed",
            e.doc.key_pos(e.path),
            hint_key="described" if description else "",
            label=named,
            description=description,
        )
    ]


def _unique(e: _Error) -> list[Finding]:
    return [e.make("schema-other", e.doc.value_pos(e.path), variant="unique", label=e.label)]


_HANDLERS: dict[str, Callable[[_Error], list[Finding]]] = {
    "required": _required,
    "additionalProperties": _unknown_keys,
    "unevaluatedProperties": _unknown_keys,
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
