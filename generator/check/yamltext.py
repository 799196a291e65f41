"""How values are written in a review file (for hints that show a corrected line)."""

from __future__ import annotations

import re
from typing import Any

SMART_QUOTES = "\u201c\u201d\u201e\u2018\u2019"  # “ ” „ ‘ ’: typed by word processors and phones


def strip_smart_quotes(value: Any) -> Any:
    """`“2010-05-19”` -> `2010-05-19` (the value a person meant to quote)."""
    if (
        isinstance(value, str)
        and len(value) >= 2
        and value[0] in SMART_QUOTES
        and value[-1] in SMART_QUOTES
    ):
        return value[1:-1]
    return value


def is_smart_quoted(value: Any) -> bool:
    """Written in curly quotes (“…”) instead of straight ones."""
    return strip_smart_quotes(value) is not value


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
