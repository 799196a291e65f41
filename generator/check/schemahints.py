"""Schema fix-it hints: what a non-programmer should write instead, with the corrected line.

Each function receives what the validator knows (the value, the schema node, the path
and the document) and returns a Vietnamese hint, ideally with the corrected line
("Sửa dòng 12 thành: `tu_xep_loai: HTTNV`"). Nothing here changes a file.
"""

from __future__ import annotations

import re
from typing import Any

from generator.check.yamltext import smart_note, strip_smart_quotes, yaml_scalar
from generator.submissions.records import CriterionLevel
from generator.submissions.yamlload import Document
from generator.vietnamese import fold, level_from_text, suggest

_DMY = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")
_YMD_LOOSE = re.compile(r"\s*([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})\s*")


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


def guess_enum(value: Any, options: list[str]) -> str | None:
    """The option a person most likely meant ("Hoàn thành tốt" -> "HTTNV")."""
    if not isinstance(value, str):
        return None
    value = strip_smart_quotes(value)
    folded = _fold(value)
    by_fold = {_fold(o): o for o in options}
    if folded in by_fold:
        return by_fold[folded]
    code = level_from_text(value)
    if code in options:
        return code
    criterion = {_fold(c.label_vi): c.code for c in CriterionLevel}.get(folded)
    if criterion in options:
        return criterion
    return suggest(value, options)


def with_corrected_line(doc: Document, path: tuple[Any, ...], new_value: Any, fallback: str) -> str:
    if new_value is None or not path or not isinstance(path[-1], str):
        return fallback
    line = source_line(doc, path)
    return f"Sửa dòng {line} thành: `{path[-1]}: {new_value}`. {fallback}"


def for_missing_key(key: str, schema: Any, path: tuple[Any, ...], doc: Document) -> str:
    desc = schema.get("description", "") if isinstance(schema, dict) else ""
    example = ""
    if isinstance(schema, dict):
        examples = schema.get("examples")
        if examples:
            example = f" Ví dụ: `{key}: {examples[0]}`."
    base = f"Thêm dòng `{key}: ...`" + (
        " bên dưới dòng đó, thụt lề thêm 2 dấu cách." if path else "."
    )
    return f"{base} {desc}{example}".strip()


def for_unknown_key(
    key: str, guess: str | None, value: Any = None, line: int | None = None
) -> str | None:
    """What to write instead of an unknown key; with the corrected line when the key holds a
    plain value (`họ_tên: Nguyễn Văn Nam` -> `Sửa dòng 3 thành: ho_ten: Nguyễn Văn Nam`)."""
    group = group_of(key)
    if group is not None:
        return (
            f"Mục `{key}` thuộc nhóm `{group}`: đặt dòng này ngay dưới dòng `{group}:` và thụt "
            f"lề thêm 2 dấu cách, ví dụ:\n{group}:\n  {key}: ..."
        )
    if guess and guess != key:
        scalar = isinstance(value, str | int | float | bool) and "\n" not in str(value)
        shown = ("true" if value else "false") if isinstance(value, bool) else value
        fix = (
            f"Sửa dòng {line} thành: `{guess}: {shown}`."
            if scalar and line
            else f"Sửa tên mục thành `{guess}:`."
        )
        if _fold(key).replace(" ", "_") == guess:
            return (
                f"Tên mục viết không dấu, nối bằng dấu gạch dưới: có phải ý bạn là `{guess}`? {fix}"
            )
        return f"Có phải ý bạn là `{guess}`? {fix}"
    return None


def for_type(value: Any, expected: list[str], doc: Document, path: tuple[Any, ...]) -> str:
    name = path[-1] if path and isinstance(path[-1], str) else None
    line = source_line(doc, path)
    if (
        "boolean" in expected
        and isinstance(value, str)
        and _fold(value)
        in {
            "yes",
            "no",
            "on",
            "off",
            "co",
            "khong",
            "dung",
            "sai",
            "y",
            "n",
        }
    ):
        fixed = "true" if _fold(value) in {"yes", "on", "co", "dung", "y"} else "false"
        return (
            f"Chỉ viết `true` (có) hoặc `false` (không). Sửa dòng {line} thành: `{name}: {fixed}`."
        )
    if expected[0] in ("integer", "number") and isinstance(value, str):
        return _number_hint(strip_smart_quotes(value), name, line)
    if expected[0] == "array" and isinstance(value, dict) and value and name:
        # the items were written without their leading '- '
        indent = _indent_of(doc, (*path, next(iter(value))))
        first, *rest = list(value.items())[:3]
        lines = [f"{indent}- {first[0]}: {yaml_scalar(first[1])}"]
        lines += [f"{indent}  {k}: {yaml_scalar(v)}" for k, v in rest]
        return (
            f"Mỗi phần tử của danh sách `{name}` bắt đầu bằng dấu gạch ngang và một dấu cách "
            f"('- '). Sửa dòng {doc.key_pos((*path, first[0])).line} thành: `{lines[0].strip()}` "
            "và thụt các dòng tiếp theo của phần tử đó thêm 2 dấu cách, ví dụ:\n"
            f"{name}:\n" + "\n".join(lines)
        )
    if expected[0] == "array" and isinstance(value, str) and name:
        items = [p.strip() for p in re.split(r"[,;]", value) if p.strip()]
        body = "\n".join(f"  - {item}" for item in items[:3])
        return (
            f"Viết mỗi phần tử trên một dòng, bắt đầu bằng '- ', thụt lề dưới `{name}:`, ví dụ:\n"
            f"{name}:\n{body}"
        )
    if expected[0] == "string" and value is not None and not isinstance(value, str):
        return f'Đặt nội dung trong dấu ngoặc kép. Sửa dòng {line} thành: `{name}: "{value}"`.'
    if expected[0] == "object" and value is None and name:
        children = _unindented_children(doc, path)
        if children:
            first_line, corrected = children[0]
            return (
                f"Các mục con của `{name}` phải thụt lề 2 dấu cách so với dòng `{name}:`. "
                f"Sửa dòng {first_line} thành: `{corrected}`"
                + (" (và các dòng con tiếp theo cũng vậy)." if len(children) > 1 else ".")
            )
    if expected[0] == "object":
        return (
            f"Mục `{name}` là một nhóm: viết `{name}:` trên một dòng, rồi các mục con ở các dòng "
            "dưới, thụt lề thêm 2 dấu cách."
        )
    if value is None:
        return "Mục này đang để trống: điền giá trị, hoặc xóa cả dòng nếu mục không bắt buộc."
    return ""


_NUMBER_START = re.compile(r"\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*(%?)\s*(.*)")


def _number_hint(value: str, name: str | None, line: int) -> str:
    """`2 tháng` -> `2`; `1,5` -> `1.5`; `85%` -> `0.85` for a ratio (ty_le_...), else `85`."""
    m = _NUMBER_START.fullmatch(value)
    if not m:
        return "Chỉ viết con số (chữ số và dấu chấm thập phân), không kèm chữ hay đơn vị."
    number = float(m.group(1).replace(",", "."))
    why = "Chỉ viết con số, không kèm đơn vị hay chữ"
    if m.group(2) and name and name.startswith("ty_le"):
        number /= 100
        why = "Tỷ lệ viết dạng số thập phân từ 0 đến 1 (85% viết là 0.85)"
    elif m.group(2):
        why = "Chỉ viết con số, không kèm dấu %"
    elif "," in m.group(1):
        why = "Số thập phân dùng dấu chấm, không dùng dấu phẩy"
    shown = int(number) if number.is_integer() else round(number, 6)
    return f"{why}. Sửa dòng {line} thành: `{name}: {shown}`."


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
        value = (_container(doc, parent) or {}).get(key)
        out.append((line, f"{indent}{key}: {yaml_scalar(value)}".rstrip()))
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


def for_date(value: Any, doc: Document, path: tuple[Any, ...]) -> str:
    name = path[-1] if path and isinstance(path[-1], str) else None
    line = source_line(doc, path)
    note = smart_note(value)
    text = str(strip_smart_quotes(value))
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
    if iso and name:
        import datetime as dt

        try:
            dt.date.fromisoformat(iso)
        except ValueError:
            return f"Ngày {text} không có thật trên lịch; kiểm tra lại ngày và tháng."
        return (
            f'Viết ngày theo dạng năm-tháng-ngày. Sửa dòng {line} thành: `{name}: "{iso}"`.' + note
        )
    if iso:
        return f"Viết ngày theo dạng năm-tháng-ngày: `{iso}`."
    return f'Ví dụ: `{name or "ngay"}: "2025-12-05"` (năm-tháng-ngày, trong ngoặc kép).' + note
