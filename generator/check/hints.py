"""Fix-it hints: what a non-programmer should write instead, with the corrected line.

Each function receives what the validator knows (the value, the schema node, the path
and the document) and returns a Vietnamese hint, ideally with the corrected line
("Sửa dòng 12 thành: `tu_xep_loai: HTTNV`"). Nothing here changes a file.
"""

from __future__ import annotations

import re
from typing import Any

from generator.findings import Finding, Position
from generator.submissions.records import CriterionLevel
from generator.submissions.yamlload import Document
from generator.vietnamese import fold, level_from_text, suggest

_DMY = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")
_YMD_LOOSE = re.compile(r"\s*([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})\s*")


def _fold(text: str) -> str:
    return fold(text.replace("_", " "))


def _source_line(doc: Document, path: tuple[Any, ...]) -> int:
    return doc.key_pos(path).line if path else 1


_SMART = "\u201c\u201d\u201e\u2018\u2019"  # “ ” „ ‘ ’: typed by word processors and phones


def strip_smart_quotes(value: Any) -> Any:
    """`“2010-05-19”` -> `2010-05-19` (the value a person meant to quote)."""
    if isinstance(value, str) and len(value) >= 2 and value[0] in _SMART and value[-1] in _SMART:
        return value[1:-1]
    return value


def _smart_note(value: Any) -> str:
    if strip_smart_quotes(value) is not value:
        return (
            " Dùng dấu ngoặc kép thẳng `\"` (phím Shift + '), không dùng dấu ngoặc cong “ ” "
            "do Word hay điện thoại tự đổi."
        )
    return ""


def yaml_scalar(value: Any) -> str:
    """How `value` is written after `key: ` in a review file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    needs_quotes = (
        not text
        or ": " in text
        or " #" in text
        or text[0] in "-?:,[]{}#&*!|>'\"%@`"
        or text != text.strip()
        or re.fullmatch(r"[-+]?[0-9.]+|true|false|null|~", text) is not None
        or re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) is not None
    )
    if not needs_quotes:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
    line = _source_line(doc, path)
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
    line = _source_line(doc, path)
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
    line = _source_line(doc, path)
    note = _smart_note(value)
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


# ---- YAML syntax errors: PyYAML's English problems -> Vietnamese, with a hint

_SYNTAX = [
    (
        "mapping values are not allowed",
        "có dấu hai chấm ':' ở chỗ không được phép",
        "Nếu nội dung có dấu hai chấm, đặt cả nội dung trong dấu ngoặc kép, ví dụ: "
        '`uu_diem: "Kết quả: hoàn thành tốt"`, hoặc viết nội dung dạng khối sau `|`.',
    ),
    (
        "could not find expected ':'",
        "thiếu dấu hai chấm ':' sau tên mục (hoặc thiếu dấu cách sau dấu hai chấm)",
        "Mỗi dòng có dạng `ten_muc: giá trị` — sau dấu hai chấm phải có một dấu cách.",
    ),
    (
        "did not find expected key",
        "thụt lề không thẳng hàng",
        "Các mục cùng cấp phải bắt đầu ở cùng một cột; các mục con thụt thêm 2 dấu cách.",
    ),
    (
        "did not find expected '-' indicator",
        "các phần tử danh sách không thẳng hàng",
        "Mỗi phần tử bắt đầu bằng '- ' ở cùng một cột.",
    ),
    (
        "found unexpected end of stream",
        "thiếu dấu ngoặc kép đóng",
        'Kiểm tra mỗi dấu ngoặc kép mở `"` đều có dấu đóng ở cuối nội dung.',
    ),
    (
        "found character that cannot start any token",
        "có ký tự không được đứng đầu giá trị (ví dụ @, ` hay %)",
        "Đặt cả giá trị trong dấu ngoặc kép.",
    ),
    (
        "expected <block end>",
        "thụt lề không thẳng hàng",
        "Các mục cùng cấp phải bắt đầu ở cùng một cột; kiểm tra dòng này và dòng phía trên.",
    ),
    (
        "found undefined alias",
        "có dấu '*' ở đầu giá trị",
        "Đặt cả giá trị trong dấu ngoặc kép.",
    ),
    (
        "while scanning a quoted scalar",
        "dấu ngoặc kép không khớp",
        "Kiểm tra dấu ngoặc kép mở và đóng; trong văn bản dùng ngoặc đơn ' hoặc viết dạng khối `|`.",
    ),
]


def for_yaml_syntax(problem: str, context: str) -> tuple[str, str]:
    """(problem in Vietnamese, hint) for a PyYAML scanner/parser problem."""
    joined = f"{context} {problem}"
    for needle, vi, hint in _SYNTAX:
        if needle in joined:
            return vi, hint
    return (
        f"{problem}" if problem else "không đọc được",
        "So sánh với bản mẫu (`kiemdiem new`): kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép.",
    )


# ---- load problems, explained from the file's own text
#
# PyYAML reports where it *noticed* a problem, often the line after the mistake. These
# helpers look at the text around that place, find the line a person must change, and
# write that line corrected. `improve_load_finding` is applied to the finding the loader's
# problem became (generator.check.problem_finding) together with the file's bytes.

_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?![\s/])(\S.*)$")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*\S)\s*$")
_KEY_ONLY = re.compile(r"^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s*$")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _prev_content(lines: list[str], index: int) -> int | None:
    """Index of the nearest line above `index` with content (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        if _content(lines[i]):
            return i
    return None


def _quote(value: str) -> str:
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', '\\"') + '"'


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """The first line (index) up to `upto` whose value opens a double quote it never closes."""
    for i, line in enumerate(lines[: upto + 1]):
        m = re.match(r'^\s*(?:-\s+)?[^\s:#"][^:#"]*:\s+"(.*)$', line)
        if not m:
            continue
        rest = m.group(1).replace('\\"', "")
        if '"' not in rest:
            return i
    return None


# PyYAML's problem (English) or its Vietnamese rendering (generator.check.hints._SYNTAX)
_PROBLEM_MARKERS = {
    "quote": ("quoted scalar", "end of stream", "ngoặc kép"),
    "colon": ("mapping values", "dấu hai chấm ':' ở chỗ"),
    "indent": ("block end", "expected key", "expected '-'", "thẳng hàng"),
}


def _is(problem: str, kind: str) -> bool:
    return any(marker in problem for marker in _PROBLEM_MARKERS[kind])


def _syntax(lines: list[str], line_no: int, problem: str) -> tuple[int, str, str] | None:
    """(line, Vietnamese problem, hint with the corrected line) or None."""
    at = min(max(line_no - 1, 0), len(lines) - 1)
    # an opening quote never closed swallows the lines below it
    open_quote = _unclosed_quote(lines, at)
    if open_quote is not None and (_is(problem, "quote") or open_quote < at):
        line = lines[open_quote].rstrip()
        return (
            open_quote + 1,
            "dấu ngoặc kép mở nhưng chưa đóng",
            f'Thêm dấu ngoặc kép đóng `"` ở cuối nội dung. Sửa dòng {open_quote + 1} thành: '
            f'`{line.strip()}"`.',
        )
    # the mistake is on the line itself or on the nearest content line above it
    candidates = [at]
    above = _prev_content(lines, at)
    if above is not None:
        candidates.insert(0, above)
    for i in candidates:
        line = lines[i]
        m = _KEY_NO_SPACE.match(line)
        if m and "://" not in line:
            fixed = f"{m.group(1)}{m.group(2)}: {m.group(3)}"
            return (
                i + 1,
                "thiếu dấu cách sau dấu hai chấm",
                f"Sau dấu hai chấm phải có một dấu cách (nếu không, cả dòng bị đọc thành một "
                f"tên mục). Sửa dòng {i + 1} thành: `{fixed.strip()}`.",
            )
    line = lines[at]
    prev = _prev_content(lines, at)
    # a line without `: ` (PyYAML notices it only on the line after): a value written on
    # the next line without indentation, or a stray text line
    for stray in (i for i in (prev, at) if i is not None):
        text = lines[stray]
        if not _content(text) or ":" in text or text.lstrip().startswith("-"):
            continue
        above = _prev_content(lines, stray)
        m = _KEY_ONLY.match(lines[above]) if above is not None else None
        if m and above is not None:
            key = m.group(2).strip()
            fixed = f"{m.group(1)}{key}: {yaml_scalar(text.strip())}"
            return (
                stray + 1,
                f"giá trị của `{key}` nằm ở dòng riêng mà không thụt lề",
                f"Viết giá trị cùng dòng với tên mục. Sửa dòng {above + 1} thành: "
                f"`{fixed.strip()}` và xóa dòng {stray + 1}; nếu nội dung dài, viết "
                f"`{key}: |` rồi thụt lề các dòng nội dung thêm 2 dấu cách.",
            )
        return (
            stray + 1,
            "dòng này không có dạng `ten_muc: giá trị`",
            f"Mỗi dòng có dạng `ten_muc: giá trị`. Nếu dòng {stray + 1} là phần tiếp theo của "
            "nội dung phía trên, thụt lề nó thêm 2 dấu cách; nếu thừa, xóa dòng đó.",
        )
    # indentation deeper than the line above, which already has its value
    if (
        prev is not None
        and _content(line)
        and _indent(line) > _indent(lines[prev])
        and _KEY_VALUE.match(lines[prev])
        and not lines[prev].rstrip().endswith(("|", ">"))
    ):
        fixed = " " * _indent(lines[prev]) + line.strip()
        return (
            at + 1,
            "thụt lề sâu hơn dòng trên",
            f"Các mục cùng nhóm phải thẳng cột với nhau. Sửa dòng {at + 1} thành: "
            f"`{fixed}` (thụt {_indent(lines[prev])} dấu cách như dòng {prev + 1}).",
        )
    # indentation that matches no open level
    if (
        _is(problem, "indent")
        and prev is not None
        and _content(line)
        and _indent(line) < _indent(lines[prev])
    ):
        fixed = " " * _indent(lines[prev]) + line.strip()
        return (
            at + 1,
            "thụt lề không thẳng hàng",
            f"Dòng {at + 1} thụt {_indent(line)} dấu cách nhưng dòng {prev + 1} thụt "
            f"{_indent(lines[prev])}: các mục cùng nhóm phải thẳng cột. Nếu cùng nhóm, "
            f"sửa dòng {at + 1} thành: `{fixed}`.",
        )
    # an unquoted text containing ': '
    if _is(problem, "colon"):
        m = _KEY_VALUE.match(line)
        if m and ": " in m.group(3):
            fixed = f"{m.group(1)}{m.group(2)}: {_quote(m.group(3))}"
            return (
                at + 1,
                "nội dung có dấu hai chấm mà chưa đặt trong dấu ngoặc kép",
                f"Đặt cả nội dung trong dấu ngoặc kép. Sửa dòng {at + 1} thành: `{fixed.strip()}`.",
            )
    return None


def _decode_legacy(data: bytes, line_no: int) -> str | None:
    """The line decoded as Windows-1258 when that reads as Vietnamese, else None."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    import unicodedata

    line = unicodedata.normalize("NFC", _lines(text)[line_no - 1]).strip()
    vietnamese = sum(1 for c in line if c in "ăâđêôơưĂÂĐÊÔƠƯ" or "\u1ea0" <= c <= "\u1ef9")
    return line if vietnamese else None


def improve_load_finding(f: Finding, data: bytes) -> Finding:
    """A load finding with the line to change and that line corrected, where we can tell."""
    import dataclasses

    from generator import messages

    if f.code == "yaml-syntax":
        try:
            lines = _lines(data.decode("utf-8"))
        except UnicodeDecodeError:
            return f
        found = _syntax(lines, f.line, f.message + " " + f.hint + " " + str(f.extra))
        if found is None:
            return f
        line, problem_vi, hint = found
        text, _, _ = messages.render("yaml-syntax", problem_vi=problem_vi, hint_vi=hint)
        return dataclasses.replace(
            f, position=Position(line, 1), message=text, hint=hint, extra=dict(f.extra)
        )
    if f.code == "yaml-tab":
        lines = _lines(data.decode("utf-8", errors="replace"))
        text_line = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
        lead = text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
        fixed = lead.replace("\t", "  ") + text_line.lstrip(" \t")
        return dataclasses.replace(f, hint=f"{f.hint} Sửa dòng {f.line} thành: `{fixed}`.")
    if f.code == "file-not-utf8":
        decoded = _decode_legacy(data, f.line)
        if decoded is None:
            return f
        return dataclasses.replace(
            f,
            message=f.message + " Tệp có vẻ được lưu bằng bảng mã Windows-1258 (CP1258).",
            hint=(
                f"Mở tệp, chọn lưu với mã hóa UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8; "
                f"trong VS Code: Reopen with Encoding → Vietnamese (Windows 1258), rồi Save with "
                f"Encoding → UTF-8). Dòng {f.line} khi đó sẽ là: `{decoded}`."
            ),
        )
    if f.code == "file-bom":
        first = _lines(data[3:].decode("utf-8", errors="replace"))[0]
        return dataclasses.replace(
            f,
            hint=(
                f"{f.hint} Trong VS Code: bấm `UTF-8 with BOM` ở thanh trạng thái → Save with "
                f"Encoding → UTF-8. Dòng 1 khi đó bắt đầu đúng bằng: `{first.strip()}`."
            ),
        )
    return f
