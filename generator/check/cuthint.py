"""The corrected line of a plain value cut by " #" (`yaml-comment-in-value`, found by
generator.submissions.yamlodd), chosen knowing the field the value belongs to.

The loader offers two lines: the whole value in quotes (`chuc_vu: "Phó Bí thư #2"`, for
a text field the "#" may be part of) and the cut value with the comment two blanks after
it (`duoc_giao: 6  # sáu`). In quotes, a number, a choice or a date would become text
the schema refuses (`"6 # sáu"` is no integer, `"HTTNV # tự"` no rating): for such a
field the "#" can only start a note, and the hint keeps it one (variant `note`). One
corrected line per finding; the value's own finding gives none for a cut line
(generator.check.written.on_key_line), so the two never disagree.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator.check.schemafindings import base_node
from generator.messages.loadcut import PLACE_VI
from generator.submissions.yamlload import Document, LoadProblem

# what the loader adds for the check to choose with; never rendered
_CHOICE = ("as_note", "whole", "value_at")


def choose(problem: LoadProblem, doc: Document | None, schema: Any) -> LoadProblem:
    """`problem` with its corrected line chosen for the field at its place in `doc`
    (`schema`: the file's base schema; None when unknown: the quoted line, as before)."""
    if problem.code != "yaml-comment-in-value" or "as_note" not in problem.detail:
        return problem
    detail = dict(problem.detail)
    as_note, whole, value_at = (detail.pop(k) for k in _CHOICE)
    path = path_at(doc, value_at) if doc is not None and isinstance(schema, dict) else None
    if path is not None and not takes_text(base_node(schema, path), whole):
        detail.update(fixed=as_note, variant="note")
    return replace(problem, detail=detail)


def path_at(doc: Document, at: tuple[int, int]) -> tuple[Any, ...] | None:
    """The path of the value that starts at line and column `at` (1-based)."""
    mark = at[0] << 32 | at[1]  # as yamlload packs them
    return next((p for p, m in doc.value_marks.items() if m == mark), None)


def takes_text(node: Any, text: str) -> bool:
    """Whether the schema `node` of a field accepts `text` as its value: a free-text
    field does; a number, true/false, a choice, a date or an id does not. A node that
    says nothing (an unknown key) counts as text."""
    if not isinstance(node, dict):
        return True
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else types
    if types and "string" not in types:
        return False
    if "enum" in node or "const" in node:
        return text in node.get("enum", [node.get("const")])
    if node.get("format") == "date":
        return False
    pattern = node.get("pattern")
    try:
        return not isinstance(pattern, str) or re.search(pattern, text) is not None
    except re.error:
        return True


def place(params: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The parameters of a `yaml-comment-in-value` finding with `place`, the value named
    (PLACE_VI), and its hint's name: "item" for a value with no key to name it by (a list
    item, `- "": ...`), whose hint cannot say `key: |`. Never an empty "``"."""
    key = params.get("key")
    if isinstance(key, str) and key.strip():
        return {**params, "place": PLACE_VI["key"].format(key=key)}, ""
    keyed = params.get("keyed", True)
    listed, n = params.get("list"), params.get("n")
    if listed and isinstance(n, int):
        which = "empty-item" if keyed else "item"
        return {**params, "place": PLACE_VI[which].format(n=n, list=listed)}, "item"
    which = "empty" if keyed else "line"
    return {**params, "place": PLACE_VI[which].format(line=params.get("line", ""))}, "item"
