"""YAML repair of a key left out before its colon: `  - : Chi bộ Ấp 3` in a list, or
`: giá trị` at the start of a line. PyYAML says only that it "did not find expected key"
(which the generic explanation would call an indentation error); the line is told as
an item without a name, at its colon, with the keys the schema allows in that place
when the lines above tell which place it is.

Chosen by generator/check/yamlrepair.py (`explain_syntax`), in the shape
generator/check/yamlindent.py returns: (line, column, catalog variant, parameters).
Nothing here changes a file; the texts live in generator/messages/load.py.
"""

from __future__ import annotations

import re
from typing import Any

from generator.check.schemafindings import base_node
from generator.check.yamlshape import Line, open_levels, structure
from generator.messages.schema import IN_VI, ITEM_VI

Found = tuple[int, int, str, dict[str, Any]]

# the indentation, list dashes, then the colon with nothing before it
_EMPTY_KEY = re.compile(r"^( *)((?:-[ ]+)*):(?:[ ]|$)")


def empty_key(
    lines: list[str], line_no: int, column: int, problem: str, schema: Any
) -> Found | None:
    """The repair when PyYAML's missing key at `line_no`:`column` is a colon with no item
    name before it (`schema`: the file's base schema, None when unknown)."""
    if "expected key" not in problem or not 0 < line_no <= len(lines):
        return None
    m = _EMPTY_KEY.match(lines[line_no - 1])
    if m is None:
        return None
    colon = len(m.group(1)) + len(m.group(2))  # 0-based
    if column and column != colon + 1:
        return None
    dashes = m.group(2).count("-")
    place = place_of(lines, line_no - 1, len(m.group(1)), colon, dashes) if dashes < 2 else None
    params: dict[str, Any] = {"line": line_no, "where": "", "allowed": "", "hint_key": ""}
    known = known_keys(schema, place[0]) if place is not None and isinstance(schema, dict) else None
    if place is not None and known is not None:
        path, number = place
        params.update(where=_where(schema, path, number))
        if known:
            params.update(allowed=", ".join(f"`{k}`" for k in known), hint_key="allowed")
    return line_no, colon + 1, "empty-key", params


def place_of(
    lines: list[str], at: int, dash_at: int, colon: int, dashes: int
) -> tuple[tuple[Any, ...], int] | None:
    """The schema path of the mapping the nameless item belongs to (a list item as 0),
    and the item's number in its list (0 when not in a list); None when the lines above
    do not tell."""
    above = structure(lines, at)
    ancestors = [line for n, line in open_levels(above) if n < colon]
    if any(not line.opener for line in ancestors):
        return None
    path: list[Any] = []
    for line in ancestors:
        path += [0, line.key] if line.dash else [line.key]
    owner = ancestors[-1].index if ancestors else -1
    if dashes:
        same = [i for i in above if i.index > owner and i.dash and i.indent == dash_at]
        return (*path, 0), len(same) + 1
    item = _item_of(above, colon)
    if item is None:
        return tuple(path), 0
    same = [
        i for i in above if owner < i.index <= item.index and i.dash and i.indent == item.indent
    ]
    return (*path, 0), len(same)


def _item_of(above: list[Line], colon: int) -> Line | None:
    """The `- key: ...` line that opened the list item a key at column `colon` is in,
    None when that key's mapping is no list item."""
    for line in reversed(above):
        if line.key is None or line.key_indent > colon:
            continue
        if line.key_indent < colon:
            return None
        if line.dash:
            return line
    return None


def known_keys(schema: dict[str, Any], path: tuple[Any, ...]) -> list[str] | None:
    """The keys the schema allows at `path`, None when a step of the path is no place of
    the schema (a name from the file that the schema does not have is never shown)."""
    for n, part in enumerate(path):
        parent = base_node(schema, path[:n])
        if not isinstance(parent, dict):
            return None
        if isinstance(part, int) and "items" not in parent:
            return None
        if isinstance(part, str) and part not in parent.get("properties", {}):
            return None
    node = base_node(schema, path)
    return list(node.get("properties", {})) if isinstance(node, dict) else None


def _where(schema: dict[str, Any], path: tuple[Any, ...], number: int) -> str:
    """ " trong mục thứ 1 của danh sách `chuyen_sinh_hoat` (…)", " trong `kiem_diem` (…)",
    or "" at the top of the file."""
    if not path:
        return ""
    if isinstance(path[-1], int):
        title = base_node(schema, path[:-1]).get("title", "")
        return ITEM_VI.format(n=number, list=path[-2], title=f" ({title})" if title else "")
    title = base_node(schema, path).get("title", "")
    dotted = ".".join(str(p) for p in path if isinstance(p, str))
    return IN_VI.format(label=f"`{dotted}`" + (f" ({title})" if title else ""))
