"""YAML repair of text pasted over several lines without `|`: `  uu_diem:` then
`  -Chấp hành tốt.` and `  -Gương mẫu.` at the key's indentation, or Word's
`  uu_diem: •<tab>Chấp hành…: luôn gương mẫu.` with a line below it. Told line by line,
the hints looped: the first line moved up in quotes, the next told "indent 2 more
spaces", and indenting it gave the same finding on the same line, at column 1, for ever
(a quoted or `key:` value cannot go on over indented lines).

When a key's value and the lines below it (not keys, not list items, not comments, at
least the key's indentation) make two lines of text or more, and the schema takes text
there, the finding is at the key's colon and its hint shows the corrected lines: the key
with `|`, and every line of the text (the quotes the first one was put in taken off) 2
spaces deeper than the key — the person's words unchanged. Chosen by
generator/check/yamlrepair.py (`explain_syntax`), in the shape generator/check/yamlindent.py
returns. Nothing here changes a file; the texts live in generator/messages/loadlines.py.
"""

from __future__ import annotations

import re
from typing import Any

from generator.check.schemanodes import base_node
from generator.check.written import is_quoted_text
from generator.check.yamlemptykey import place_of
from generator.check.yamlshape import Line, indent, is_content
from generator.check.yamltext import written_text
from generator.submissions.yamlodd import is_control, split_note

Found = tuple[int, int, str, dict[str, Any]]

_KEY_NAME = re.compile(r"[^\W\d][\w-]*")  # a key as keys are written: no blank inside
_KEY_COLON = re.compile(r"^( *(?:-[ ]+)?[^\s:#\"'][^:#]*?):(?=[ ]|$)")


def text_block(lines: list[str], items: list[Line], at: int, schema: Any) -> Found | None:
    """The repair when the error at line index `at` is in a text written over several
    lines after a key (`items`: the file's structural lines, generator/check/yamlshape.py;
    `schema`: the file's base schema, None when unknown). PyYAML notices the mistake on a
    line of the text, on the key's line, or on the next key's: the two nearest keys at or
    above it are tried."""
    keys = [i for i in reversed(items) if i.index <= at and _is_key(i)][:2]
    for key_line in keys:
        colon = _KEY_COLON.match(lines[key_line.index])
        below = _below(lines, items, key_line)
        if colon is None or not below or at > below[-1] + 1:
            continue
        first = _first_line(lines[key_line.index][colon.end() :])
        if first is None or len(below) + (1 if first[0] else 0) < 2:
            return None
        if not _takes_text(lines, key_line, schema):
            return None
        return (
            key_line.index + 1,
            colon.end() + 1,
            "text-block",
            {
                "key": key_line.key,
                "first": key_line.index + 1,
                "last": below[-1] + 1,
                "block": _block(lines, key_line, colon.group(1), first, below),
            },
        )
    return None


def _block(
    lines: list[str], key_line: Line, key: str, first: tuple[str, str], below: list[int]
) -> str:
    """The corrected lines, each in backticks on a line of its own (a blank one empty):
    `key: |`, then the text 2 spaces deeper than the key, deeper lines kept deeper."""
    deeper = key_line.key_indent + 2
    least = min(indent(lines[i]) for i in below)
    block = [f"{key}: |{first[1]}"] + ([" " * deeper + first[0]] if first[0] else [])
    for i in range(key_line.index + 1, below[-1] + 1):
        text = lines[i].rstrip()
        block.append(" " * (deeper + indent(text) - least) + text.lstrip(" ") if text else "")
    return "\n".join(f"`{line}`" if line else "" for line in block)


def _is_key(item: Line) -> bool:
    return item.key is not None and _KEY_NAME.fullmatch(item.key) is not None


def _takes_text(lines: list[str], key_line: Line, schema: Any) -> bool:
    """The schema takes text at the key (a key the schema does not know counts as text:
    the schema check names it after)."""
    if not isinstance(schema, dict):
        return True
    dashes = 1 if key_line.dash else 0
    place = place_of(lines, key_line.index, key_line.indent, key_line.key_indent, dashes)
    if place is None:
        return True
    node = base_node(schema, (*place[0], key_line.key))
    if not isinstance(node, dict) or not node:
        return True
    types = node.get("type", [])
    text = "string" in ([types] if isinstance(types, str) else types)
    return text and not any(k in node for k in ("enum", "const", "format", "pattern"))


def _first_line(rest: str) -> tuple[str, str] | None:
    """(the text written after the key's colon, the comment after it), the quotes a text
    was put in taken off; None when that value is no text that can begin a block (a `|`
    already, a list in brackets, a quote not closed on the line, a text with a line
    break or a control character inside its quotes)."""
    value, note = split_note(rest.rstrip())
    value = value.strip()
    if value.startswith("#"):
        return "", f" {value}{note}"
    if not value:
        return "", note
    if value[0] in "|>[{&*!%@`":
        return None
    if value[0] in "\"'":
        if not is_quoted_text(value):
            return None
        value = written_text(value)
        if value != value.strip() or any(c == "\n" or is_control(c) for c in value):
            return None
    return value, note


def _below(lines: list[str], items: list[Line], key_line: Line) -> list[int]:
    """The indexes of the lines of text right below the key: not keys, not list items,
    at least as deep as the key; blank lines between them are theirs, a comment ends them."""
    keys = {i.index for i in items if _is_key(i)}
    found: list[int] = []
    for i in range(key_line.index + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if not is_content(line) or indent(line) < key_line.key_indent or i in keys:
            break
        if line.lstrip(" ").startswith("- ") or line.lstrip(" ").startswith("\t"):
            break
        found.append(i)
    return found
