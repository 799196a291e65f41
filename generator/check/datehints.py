"""Fix-it hints for a date written another way than the schema's `YYYY-MM-DD`
(generator/check/schemahints.py has the others): the user's own date, when it can be read
only one way (`22/12/1994`, `1994/12/22`, `19941222`), rewritten as `"1994-12-22"` in
their own line; a date that cannot be real is asked about, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.check.numberhints import Hint
from generator.check.schemahints import source_line
from generator.check.written import on_key_line, written
from generator.check.yamltext import is_smart_quoted, strip_smart_quotes
from generator.messages.schema import KIND_VI, SMART_NOTE_VI
from generator.submissions.yamlload import Document

_DMY = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")
_YMD_LOOSE = re.compile(r"\s*([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})\s*")
# eight digits with no dashes (`ngay_vao_dang: 19941222`, read by YAML as a number)
_COMPACT = re.compile(r"\s*([0-9]{4})([0-9]{2})([0-9]{2})\s*")


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
