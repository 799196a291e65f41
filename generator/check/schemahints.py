"""Schema fix-it hints: what a non-programmer should write instead, with the corrected line.

Each function chooses, from what the validator knows, one of the catalog entry's named hints
(generator/messages/schema.py) and its parameters, ideally with the corrected line
("Sửa dòng 12 thành: `tu_xep_loai: HTTNV`"); nothing is rendered here, no file is changed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.check.numberhints import Hint, number_hint
from generator.check.written import double_quoted, line_text, on_key_line, written
from generator.check.yamltext import is_smart_quoted, strip_smart_quotes
from generator.messages.schema import KIND_VI, SMART_NOTE_VI
from generator.submissions.records import CriterionLevel
from generator.submissions.yamlload import Document
from generator.vietnamese import fold, level_from_text, suggest

_DMY = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")
_YMD_LOOSE = re.compile(r"\s*([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})\s*")
# eight digits with no dashes (`ngay_vao_dang: 19941222`, read by YAML as a number)
_COMPACT = re.compile(r"\s*([0-9]{4})([0-9]{2})([0-9]{2})\s*")


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
    line = doc.key_pos(path).line
    # (no line for a value cut by " #": `yaml-comment-in-value` carries that line's)
    found = on_key_line(doc, path, value) if value is not None else None
    if found is None or found.line != line:
        return f"{why}-rename", {"line": line}
    start = doc.key_pos(path).column - 1  # the key as written, and its colon, replaced
    corrected = found.prefix[:start] + f"{guess}: " + found.text + found.suffix
    return f"{why}-line", {"line": line, "corrected": corrected.lstrip(" ").rstrip()}


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
        for k in (_container(doc, parent) or {})
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


def _container(doc: Document, path: tuple[Any, ...]) -> Any:
    node: Any = doc.data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def looks_like_date_field(schema: Any, pattern_or_format: Any) -> bool:
    if isinstance(schema, dict) and schema.get("format") == "date":
        return True
    return isinstance(pattern_or_format, str) and pattern_or_format.startswith("^[0-9]{4}-")


def for_date_container(value: Any, doc: Document, path: tuple[Any, ...]) -> Hint:
    """A list or group where one date belongs (`ngay_vao_dang: [1994]`): one date written
    "YYYY-MM-DD" in quotes in its place, quoting what was written when its text can be
    recovered (check/written.py) — never the list quoted whole, which is no date either."""
    name = path[-1] if path and isinstance(path[-1], str) else "ngay"
    params: dict[str, Any] = {
        "name": name,
        "line": source_line(doc, path),
        "container": KIND_VI["list" if isinstance(value, list) else "dict"],
    }
    found = on_key_line(doc, path, value)
    if found is None:
        return "date-container-noline", params
    return "date-container", {**params, "line": found.line, "text": found.text}


def for_date(value: Any, doc: Document, path: tuple[Any, ...]) -> Hint:
    name = path[-1] if path and isinstance(path[-1], str) else None
    text = str(strip_smart_quotes(value))
    if not isinstance(value, str):  # a number: its digits as written (`01021990`)
        found_text = written(doc, path, value)
        text = found_text.text if found_text is not None else text
    params: dict[str, Any] = {
        "name": name or "ngay",
        "line": source_line(doc, path),
        "text": text,
        "note": SMART_NOTE_VI if is_smart_quoted(value) else "",
    }
    m = _DMY.fullmatch(text)
    iso = None
    if m:
        d, mth, y = (int(x) for x in m.groups())
        iso = f"{y:04d}-{mth:02d}-{d:02d}"
    else:
        m = _YMD_LOOSE.fullmatch(text)
        if m:
            y, mth, d = (int(x) for x in m.groups())
            iso = f"{y:04d}-{mth:02d}-{d:02d}"
        else:
            iso = _compact_iso(text)
    if iso is None:
        return "example", params
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return "impossible", params
    found = on_key_line(doc, path, value)
    corrected = found.with_value(f'"{iso}"') if found is not None else None
    if found is None or corrected is None:
        return "iso", {**params, "iso": iso}
    return "iso-line", {**params, "iso": iso, "line": found.line, "corrected": corrected}


def _compact_iso(text: str) -> str | None:
    """`19941222` -> `1994-12-22`, only when the eight digits can be read no other way: a
    real date as year-month-day (year 1900-2099), and not a real date as day-month-year
    (`12121990`) or month-day-year; else None (the hint then only shows the form)."""
    m = _COMPACT.fullmatch(text)
    if m is None:
        return None
    digits = "".join(m.groups())
    readings = [(digits[:4], digits[4:6], digits[6:]), (digits[4:], digits[2:4], digits[:2])]
    readings.append((digits[4:], digits[:2], digits[2:4]))
    valid = [_real_date(*r) for r in readings]
    if valid[0] is None or any(v is not None for v in valid[1:]):
        return None
    return valid[0]


_PLAUSIBLE_YEARS = range(1900, 2100)  # of a birth, an admission or a decision


def _real_date(year: str, month: str, day: str) -> str | None:
    iso = f"{year}-{month}-{day}"
    try:
        return iso if dt.date.fromisoformat(iso).year in _PLAUSIBLE_YEARS else None
    except ValueError:
        return None
