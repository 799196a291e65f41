"""Schema fix-it hints: what a non-programmer should write instead, with the corrected line.

Each function chooses, from what the validator knows, one of the catalog entry's named hints
(generator/messages/schema.py) and its parameters, ideally with the corrected line
("Sửa dòng 12 thành: `tu_xep_loai: HTTNV`"); nothing is rendered here, no file is changed.
A number written as text: numberhints.py; a date written another way: datehints.py.
"""

from __future__ import annotations

import re
from typing import Any

from generator.check.numberhints import Hint, number_hint
from generator.check.written import double_quoted, line_text, on_key_line
from generator.check.yamltext import colon_after_word, strip_smart_quotes
from generator.submissions.records import CriterionLevel
from generator.submissions.yamlload import Document
from generator.vietnamese import fold, level_from_text, suggest


def _fold(text: str) -> str:
    return fold(text.replace("_", " "))


def source_line(doc: Document, path: tuple[Any, ...]) -> int:
    return doc.key_pos(path).line if path else 1


def _indent_of(doc: Document, path: tuple[Any, ...]) -> str:
    return " " * (doc.key_pos(path).column - 1) if path else ""


def _child_keys() -> dict[str, list[str]]:
    """YAML group key -> the keys that belong inside it (from records.py)."""
    if not _CHILDREN:
        import dataclasses
        import typing

        from generator.submissions import records

        for cls in vars(records).values():
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
                continue
            hints = typing.get_type_hints(cls)
            for f in dataclasses.fields(cls):
                key = f.metadata.get("key")
                tp = hints.get(f.name)
                args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
                inner = args[0]
                if typing.get_origin(inner) is list:
                    inner = typing.get_args(inner)[0]
                if key and isinstance(inner, type) and dataclasses.is_dataclass(inner):
                    keys = list(records.yaml_keys(inner).values())
                    _CHILDREN.setdefault(key, [])
                    _CHILDREN[key] += [k for k in keys if k not in _CHILDREN[key]]
    return _CHILDREN


_CHILDREN: dict[str, list[str]] = {}


def group_of(key: str) -> str | None:
    """The group a key belongs in when it is not a top-level key ("uu_diem" -> "kiem_diem")."""
    for group, keys in _child_keys().items():
        if key in keys:
            return group
    return None


def guess_enum(value: Any, options: list[str]) -> tuple[str | None, bool]:
    """The option a person most likely meant, and whether what they wrote says it for
    certain: the option itself in other letters or with its label ("Hoàn thành tốt" ->
    HTTNV, certain) — not a near miss ("HTNVV" -> HTNV or HTTNV?), which the hint only
    asks about, never writes into a corrected line (it would pick a rating for them)."""
    if not isinstance(value, str):
        return None, False
    value = strip_smart_quotes(value)
    folded = _fold(value)
    by_fold = {_fold(o): o for o in options}
    if folded in by_fold:
        return by_fold[folded], True
    code = level_from_text(value)
    if code in options:
        return code, True
    criterion = {_fold(c.label_vi): c.code for c in CriterionLevel}.get(folded)
    if criterion in options:
        return criterion, True
    return suggest(value, options), False


# a chosen hint: the name of one of the catalog entry's hints and its parameters


def for_missing_key(key: str, schema: Any, path: tuple[Any, ...]) -> Hint:
    node = schema if isinstance(schema, dict) else {}
    examples = node.get("examples")
    params = {"key": key, "description": node.get("description", "")}
    where = "nested" if path else "top"
    if examples:
        return f"{where}-example", {**params, "example": examples[0]}
    return where, params


def for_unknown_key(
    key: str,
    guess: str | None,
    value: Any,
    doc: Document,
    path: tuple[Any, ...],
    group: str | None = None,
) -> Hint:
    """What to write instead of an unknown key (at `path`); with the corrected line when
    the key's value starts on its line (`họ_tên: Nguyễn Văn Nam` -> `Sửa dòng 3 thành:
    ho_ten: Nguyễn Văn Nam`): only the key changes, the value stays as it is written.
    `group`: the group of this place the key belongs in (schemanodes.group_holding)."""
    if group is not None:
        return "group", {"group": group}
    if not guess or guess == key:
        return "", {}
    why = "ascii" if _fold(key).replace(" ", "_") == guess else "guess"
    words = key.split() if isinstance(key, str) and why == "guess" else []
    head = words[0] if len(words) > 1 else None
    if head is not None and suggest(head, [guess], cutoff=0.8) == guess:
        return _spaced_key(key, guess, value, doc, path)  # `tu_xep_loai Hoàn thành: tốt`
    line = doc.key_pos(path).line
    # (no line for a value cut by " #": `yaml-comment-in-value` carries that line's)
    found = on_key_line(doc, path, value) if value is not None else None
    if found is None or found.line != line:
        return f"{why}-rename", {"line": line}
    start = doc.key_pos(path).column - 1  # the key as written, and its colon, replaced
    corrected = found.prefix[:start] + f"{guess}: " + found.text + found.suffix
    return f"{why}-line", {"line": line, "corrected": corrected.lstrip(" ").rstrip()}


def _spaced_key(key: str, guess: str, value: Any, doc: Document, path: tuple[Any, ...]) -> Hint:
    """A key, a blank, then text holding `: ` (`tu_xep_loai Hoàn thành: tốt`), read as one
    key: the colon goes after its first word, and every word after it is the value
    (yamlcolon's missing colon, yamltext.colon_after_word). Renaming the key to `guess`
    would lose the words between (`tu_xep_loai: tốt`), so without a corrected line (a block
    below) no line is offered; a line that would not read back as every word written is
    not offered either (the `colon` hint says how to write it as a block)."""
    pos = doc.key_pos(path)
    raw = line_text(doc, pos.line)
    if isinstance(value, dict | list) or raw is None or not raw[pos.column - 1 :].startswith(key):
        return "", {}
    corrected = colon_after_word(raw, pos.column - 1, guess)
    if corrected is None:
        return "", {}
    if not corrected:  # no line reads back as every word written: none to paste
        return "colon", {"line": pos.line}
    return "colon-line", {"line": pos.line, "corrected": corrected}


_YES = {"yes", "on", "co", "dung", "y"}
_NO = {"no", "off", "khong", "sai", "n"}


def for_type(
    value: Any,
    expected: list[str],
    doc: Document,
    path: tuple[Any, ...],
    schema: dict[str, Any] | None = None,
) -> Hint:
    name = path[-1] if path and isinstance(path[-1], str) else None
    params: dict[str, Any] = {"name": name, "line": source_line(doc, path)}
    if "boolean" in expected and isinstance(value, str) and _fold(value) in _YES | _NO:
        fixed = "true" if _fold(value) in _YES else "false"
        return corrected_value("bool", {**params, "fixed": fixed}, doc, path, value, fixed)
    if expected[0] in ("integer", "number") and isinstance(value, str):
        integer = expected[0] == "integer"
        key, params = number_hint(strip_smart_quotes(value), params, integer)
        node = schema or {}
        if key in ("number-bad", "number-integer") and "minimum" in node and "maximum" in node:
            return "number-bad-range", {**params, **_bounds(node)}
        if "shown" in params:
            return corrected_value(key, params, doc, path, value, str(params["shown"]))
        return key, params
    if expected[0] == "array" and isinstance(value, dict) and value and name:
        return _list_dash(value, doc, path, params)
    if expected[0] == "array" and isinstance(value, str) and name:
        items = [p.strip() for p in re.split(r"[,;]", value) if p.strip()]
        return "list-one-line", {**params, "example": "\n".join(f"  - {i}" for i in items[:3])}
    if expected[0] == "string" and value is not None and not isinstance(value, str):
        return _quote(value, doc, path, params)
    if expected[0] == "object" and value is None and name:
        children = _unindented_children(doc, path)
        if children:
            many = "-many" if len(children) > 1 else ""
            line, corrected = children[0]
            return f"children{many}", {**params, "line": line, "corrected": corrected}
    if expected[0] == "object":
        return "group", params
    return ("empty", params) if value is None else ("", params)


def corrected_value(
    hint: str, params: dict[str, Any], doc: Document, path: tuple[Any, ...], value: Any, new: str
) -> Hint:
    """`hint` with the user's own line in which only the value, `value` as written, becomes
    `new` (`  - co_nhan_xet: có  # ghi chú` -> `- co_nhan_xet: true  # ghi chú`: the dash,
    key and comment kept); `hint`-noline, with `new` to write instead of the value, when
    the value's text cannot be found on its key's line (check/written.py)."""
    found = on_key_line(doc, path, value)
    if found is None:
        return f"{hint}-noline", {**params, "new": new}
    corrected = found.with_value(new)
    if corrected is None:  # `new` is what is written: nothing to offer as the fix
        return "", params
    return hint, {**params, "line": found.line, "corrected": corrected}


def for_enum(value: Any, options: list[str], doc: Document, path: tuple[Any, ...]) -> Hint:
    """The option meant (`guess`), asked about when in doubt; when certain, the user's
    line with that option in place of the value."""
    guess, certain = guess_enum(value, options)
    params: dict[str, Any] = {"guess": guess, "line": source_line(doc, path)}
    if not guess:
        return "", params
    found = on_key_line(doc, path, value) if certain else None
    corrected = found.with_value(guess) if found is not None else None
    if found is None or corrected is None:
        return "guess", params
    return "corrected", {**params, "line": found.line, "corrected": corrected}


def _quote(value: Any, doc: Document, path: tuple[Any, ...], params: dict[str, Any]) -> Hint:
    """A list, group, true/false or number where text belongs: the line with the value
    quoted as its author wrote it (`chuc_vu: [Giáo viên]` -> `chuc_vu: "[Giáo viên]"`),
    never as Python shows it; no corrected line when the text cannot be recovered."""
    found = on_key_line(doc, path, value)
    if found is None:
        return ("quote-noline" if params["name"] else "quote-item"), params
    corrected = found.with_value(double_quoted(found.text))
    if corrected is None:
        return ("quote-noline" if params["name"] else "quote-item"), params
    return "quote", {**params, "line": found.line, "corrected": corrected}


def _list_dash(
    value: dict[str, Any], doc: Document, path: tuple[Any, ...], params: dict[str, Any]
) -> Hint:
    """The items of a list written without their leading '- ': the first item's lines as
    written, with the dash (`ngay: "2026-03-01"` -> `- ngay: "2026-03-01"`)."""
    keys = list(value)[:3]
    indent = _indent_of(doc, (*path, keys[0]))
    line = doc.key_pos((*path, keys[0])).line
    lines = []
    for i, key in enumerate(keys):
        pos = doc.key_pos((*path, key))
        text = line_text(doc, pos.line)
        if text is None:
            return "list-dash-noline", {**params, "line": line}
        if text[: pos.column - 1].strip():  # `{ngay: ..., tu_don_vi: ...}` on one line
            return "", params
        lines.append(indent + ("- " if i == 0 else "  ") + text[pos.column - 1 :].rstrip())
    example = "\n".join(lines)
    return "list-dash", {**params, "line": line, "first": lines[0].strip(), "example": example}


def _bounds(node: dict[str, Any]) -> dict[str, Any]:
    """The schema's bounds as written in a hint (30, not 30.0)."""
    return {
        k: int(v) if isinstance(v, float) and v.is_integer() else v
        for k, v in node.items()
        if k in ("minimum", "maximum")
    }


def _unindented_children(doc: Document, path: tuple[Any, ...]) -> list[tuple[int, str]]:
    """Keys written after an empty group at the group's own level, that belong inside it.

    `kiem_diem:` followed by `uu_diem: Tốt` at the same column: YAML reads `kiem_diem` as
    empty and `uu_diem` as its sibling. Returns (line, corrected line) for each such key.
    """
    name = path[-1]
    children = set(_child_keys().get(str(name), []))
    parent = path[:-1]
    start = doc.key_pos(path).line
    siblings = sorted(
        (doc.key_pos((*parent, k)).line, k)
        for k in (value_at(doc.data, parent) or {})
        if isinstance(k, str)
    )
    out = []
    indent = _indent_of(doc, path) + "  "
    for line, key in siblings:
        if line <= start:
            continue
        if key not in children:
            break
        text = line_text(doc, line)
        if text is None:
            break
        out.append((line, f"{indent}{text.lstrip(' ')}".rstrip()))
    return out


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    """What `data` holds at `path` (keys and list indexes), or None when it holds nothing
    there."""
    node: Any = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node
