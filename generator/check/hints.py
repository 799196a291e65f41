"""Fix-it hints: what a non-programmer should write instead, with the corrected line.

Each function receives what the validator knows (the value, the schema node, the path
and the document) and returns a Vietnamese hint, ideally with the corrected line
("Sửa dòng 12 thành: `tu_xep_loai: HTTNV`"). Nothing here changes a file.
"""

from __future__ import annotations

import re
from typing import Any

from generator.submissions.records import LEVEL_LABELS, CriterionLevel
from generator.submissions.yamlload import Document

_DMY = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")
_YMD_LOOSE = re.compile(r"\s*([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})\s*")

# labels users write instead of codes: folded label -> code
_LABELS: dict[str, str] = {}


def _fold(text: str) -> str:
    from generator.check.schemas import fold

    return " ".join(fold(text).replace("_", " ").split())


def _labels() -> dict[str, str]:
    if not _LABELS:
        for level, label in LEVEL_LABELS.items():
            _LABELS[_fold(label)] = level.name
            _LABELS[_fold(level.name)] = level.name
        # common short forms
        _LABELS.update(
            {
                "hoan thanh xuat sac": "HTXSNV",
                "xuat sac": "HTXSNV",
                "hoan thanh tot": "HTTNV",
                "tot": "HTTNV",
                "hoan thanh": "HTNV",
                "khong hoan thanh": "KHTNV",
            }
        )
        for crit in CriterionLevel:
            _LABELS[_fold(crit.label_vi) + " (tieu chi)"] = crit.code
    return _LABELS


def _source_line(doc: Document, path: tuple[Any, ...]) -> int:
    return doc.key_pos(path).line if path else 1


def guess_enum(value: Any, options: list[str]) -> str | None:
    """The option a person most likely meant ("Hoàn thành tốt" -> "HTTNV")."""
    if not isinstance(value, str):
        return None
    folded = _fold(value)
    by_fold = {_fold(o): o for o in options}
    if folded in by_fold:
        return by_fold[folded]
    code = _labels().get(folded)
    if code in options:
        return code
    criterion = {_fold(c.label_vi): c.code for c in CriterionLevel}.get(folded)
    if criterion in options:
        return criterion
    from generator.check.schemas import _suggest

    return _suggest(value, options)


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


def for_unknown_key(key: str, guess: str | None) -> str | None:
    if guess and guess != key:
        if _fold(key).replace(" ", "_") == guess:
            return (
                f"Tên mục viết không dấu, nối bằng dấu gạch dưới: có phải ý bạn là `{guess}`? "
                f"Sửa thành `{guess}:`."
            )
        return f"Có phải ý bạn là `{guess}`? Sửa tên mục thành `{guess}:`."
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
        cleaned = value.replace(",", ".").strip().rstrip("%").strip()
        try:
            number = float(cleaned)
        except ValueError:
            return "Chỉ viết con số, không kèm chữ hay đơn vị."
        shown = int(number) if number.is_integer() else number
        return f"Chỉ viết con số. Sửa dòng {line} thành: `{name}: {shown}`."
    if expected[0] == "array" and isinstance(value, str) and name:
        items = [p.strip() for p in re.split(r"[,;]", value) if p.strip()]
        body = "\n".join(f"  - {item}" for item in items[:3])
        return (
            f"Viết mỗi phần tử trên một dòng, bắt đầu bằng '- ', thụt lề dưới `{name}:`, ví dụ:\n"
            f"{name}:\n{body}"
        )
    if expected[0] == "string" and value is not None and not isinstance(value, str):
        return f'Đặt nội dung trong dấu ngoặc kép. Sửa dòng {line} thành: `{name}: "{value}"`.'
    if expected[0] == "object":
        return (
            f"Mục `{name}` là một nhóm: viết `{name}:` trên một dòng, rồi các mục con ở các dòng "
            "dưới, thụt lề thêm 2 dấu cách."
        )
    if value is None:
        return "Mục này đang để trống: điền giá trị, hoặc xóa cả dòng nếu mục không bắt buộc."
    return ""


def looks_like_date_field(schema: Any, pattern_or_format: Any) -> bool:
    if isinstance(schema, dict) and schema.get("format") == "date":
        return True
    return isinstance(pattern_or_format, str) and pattern_or_format.startswith("^[0-9]{4}-")


def for_date(value: Any, doc: Document, path: tuple[Any, ...]) -> str:
    name = path[-1] if path and isinstance(path[-1], str) else None
    line = _source_line(doc, path)
    text = str(value)
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
        return f'Viết ngày theo dạng năm-tháng-ngày. Sửa dòng {line} thành: `{name}: "{iso}"`.'
    if iso:
        return f"Viết ngày theo dạng năm-tháng-ngày: `{iso}`."
    return 'Ví dụ: `ngay_hop: "2025-12-05"` (năm-tháng-ngày).'


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
