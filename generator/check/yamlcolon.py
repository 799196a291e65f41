"""YAML repair of a key written without its colon: `ho_ten Nguyễn Văn Bình`, `kiem_diem`
alone above its indented block, `tu_xep_loai HTTNV`, or a full-width `ho_ten：Bình` typed
by a Vietnamese or Chinese input method. PyYAML reads such a line as text with no key
(and notices it a line later); told as a stray line, its hint offered "indent it" or
"put `# ` at the start", and the second turns the name into a comment: the file then
lacks a required key (a loss of data, STYLE: hints never lose what a person wrote).

When the line's first word is a key of the file's schema in that place (or close to one,
`họ_tên`), or a key anywhere in the schema, the line is told as a missing `: `, at the
column where it belongs, with the corrected line; a line holding a known key is never
offered `# `. Chosen by generator/check/yamlrepair.py (`explain_syntax`), in the shape
generator/check/yamlindent.py returns. Nothing here changes a file; the texts live in
generator/messages/loadlines.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.check.schemanodes import base_node
from generator.check.written import is_quoted_text
from generator.check.yamlemptykey import known_keys, place_of
from generator.check.yamlshape import Line, indent, is_content
from generator.check.yamltext import reads_back, split_value_note, written_text, yaml_scalar
from generator.messages.loadsyntax import INDENT_NOTE_VI
from generator.vietnamese import fold_key, suggest

Found = tuple[int, int, str, dict[str, Any]]

# colons that are not YAML's: full-width (U+FF1A), small (U+FE55), modifier letter
# (U+A789), ratio (U+2236)
_ODD_COLONS = "\uff1a\ufe55\ua789\u2236"
# indentation, a list dash, the first word (letters, digits, `_`, `-`), then what
# separates it from the rest: an odd colon, blanks, or the end of the line
_FIRST_WORD = re.compile(
    rf"^( *)((?:-[ ]+)?)([^\W\d][\w-]*)(?:[ \t]*([{_ODD_COLONS}])[ \t]*|[ \t]+|$)(.*)$"
)


def missing_colon(lines: list[str], candidates: list[Line], schema: Any) -> Found | None:
    """The repair for the first of the stray lines `candidates` whose first word is a key
    the schema knows (`schema`: the file's base schema, None when unknown)."""
    if not isinstance(schema, dict):
        return None
    for item in candidates:
        if item.key is not None:
            continue
        m = _FIRST_WORD.match(lines[item.index])
        if m is None:
            continue
        lead, dash, word, odd, _ = m.groups()
        at = len(lead) + len(dash)
        place = place_of(lines, item.index, len(lead), at, 1 if dash else 0)
        here = known_keys(schema, place[0]) if place is not None else None
        key = _meant_key(word, here, schema)
        if key is None:
            continue
        value, shown, note = _value(
            lines, item, at + len(word), schema, (*place[0], key) if place else None
        )
        fixed = f"{lead}{dash}{key}:" + (f" {shown}" if shown else "") + note
        n = len(lead)
        # the safety net: a line that would not give the key every word written is not
        # offered (the hint then says where the colon goes, with no line to paste)
        pasted = shown in ("", "|") or reads_back(fixed, key, written_text(value))
        params = {
            "line": item.index + 1,
            "key": key,
            "fixed": fixed.strip() if pasted else "",
            "indent_note": INDENT_NOTE_VI.format(n=n) if n else "",
            "hint_key": ("odd" if odd else "") + ("" if pasted else "-noline" if odd else "noline"),
            "odd": odd or "",
            # the key as written and the key meant: the line takes the class of either
            # (generator.privacy.keyscope), so a committee-only value is never echoed
            "extra": {"key": word, "guess": key},
        }
        return item.index + 1, at + len(word) + 1, "missing-colon-key", params
    return None


def _value(
    lines: list[str], item: Line, end: int, schema: dict[str, Any], path: tuple[Any, ...] | None
) -> tuple[str, str, str]:
    """The value after the key that ends at `end`: as written, as it goes after `key: `,
    and the comment after it (kept a comment; one that starts outside quotes, a `#` in a
    quoted text is text); `|` for a text field whose lines follow, indented (`han_che`
    alone above its text)."""
    rest = lines[item.index].rstrip()[end:]
    value = rest.lstrip(f" \t{_ODD_COLONS}")
    if value.startswith("#"):  # `han_che # ghi chú`: a comment already (its blanks kept)
        value, note = "", rest if rest[:2].isspace() else f" {value}"
    else:
        value, note = split_value_note(value)
        value = value.strip()
    if value:
        return value, (value if is_quoted_text(value) else yaml_scalar(value)), note
    below = next((line for line in lines[item.index + 1 :] if is_content(line)), "")
    node = base_node(schema, path) if path is not None else None
    if indent(below) > item.key_indent and isinstance(node, dict) and _is_text(node):
        return "", "|", note
    return "", "", note


def _is_text(node: dict[str, Any]) -> bool:
    types = node.get("type", [])
    return "string" in ([types] if isinstance(types, str) else types) and "enum" not in node


def _meant_key(word: str, here: list[str] | None, schema: dict[str, Any]) -> str | None:
    """The key `word` names: one of the keys of its place `here` (itself, or close to one
    when it is written like a key, `họ_tên`), else a key of the schema elsewhere (then the
    schema check tells the group it belongs in). A word without `_` is taken for a key
    of another place only when the place is not known: `nam` may begin a sentence."""
    if here and word in here:
        return word
    if here and ("_" in word or not word.isascii()):
        guess = suggest(word, here, cutoff=0.8)
        if guess is not None:
            return guess
    if "_" not in word and here is not None:
        return None
    return {fold_key(k): k for k in sorted(set(_all_keys(schema)))}.get(fold_key(word))


def _all_keys(node: Any) -> Iterator[str]:
    """Every property name of a schema, in its groups, lists and definitions."""
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            yield from (k for k in properties if isinstance(k, str))
        for value in node.values():
            yield from _all_keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from _all_keys(value)
