"""Schema findings about a record's keys (generator.check.schemafindings): a required key
missing, a key the schema does not know (with the key meant, or the group it belongs in),
a key the schema does not allow there. Each names the place with its title and the hint
generator.check.schemahints chooses.
"""

from __future__ import annotations

from typing import Any

from generator.check import schemahints
from generator.check.schemaerror import KeywordError
from generator.check.schemanodes import base_node, group_holding, path_text, resolve
from generator.findings import Finding, Position
from generator.messages.schema import ITEM_VI
from generator.vietnamese import suggest


def required_keys(e: KeywordError) -> list[Finding]:
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


def unknown_keys(e: KeywordError) -> list[Finding]:
    value = e.error.instance
    allowed = list(e.schema.get("properties", {}))
    out = []
    for k in (k for k in (value or {}) if k not in allowed):
        guess = _first_word_key(k, allowed) or suggest(k, allowed)
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


def _first_word_key(key: Any, allowed: list[str]) -> str | None:
    """The key a key written with blanks starts with (`tu_xep_loai Hoàn thành`, from
    `tu_xep_loai Hoàn thành: tốt`: a missing colon, schemahints._spaced_key)."""
    words = key.split() if isinstance(key, str) else []
    if len(words) < 2:
        return None
    if words[0] in allowed:
        return words[0]
    return suggest(words[0], allowed, cutoff=0.8) if "_" in words[0] else None


def _item_where(e: KeywordError) -> str:
    """ " trong mục thứ 2 của danh sách `chuyen_sinh_hoat` (…)" for a list item, else as
    every finding's `where`."""
    if len(e.path) < 2 or not isinstance(e.path[-1], int) or not isinstance(e.path[-2], str):
        return e.where
    listed = base_node(e.base, e.path[:-1]) if e.base is not None else {}
    title = listed.get("title", "") if isinstance(listed, dict) else ""
    return ITEM_VI.format(n=e.path[-1] + 1, list=e.path[-2], title=f" ({title})" if title else "")


def not_allowed(e: KeywordError) -> list[Finding]:
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
