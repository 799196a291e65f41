"""How values are written in a review file (for hints that show a corrected line)."""

from __future__ import annotations

import re
from typing import Any

from generator.check.written import is_quoted_text
from generator.submissions.yamlload import loads
from generator.submissions.yamlodd import split_note

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


def colon_after_word(line: str, at: int, key: str) -> str | None:
    """The line `tu_xep_loai Hoàn thành: tốt` (a key, a blank, then text holding `: `),
    which YAML reads as one key `tu_xep_loai Hoàn thành`, with `key` and its colon after
    its first word (at column `at`, 0-based) and every word after that word kept as the
    value, quoted where it must be: `tu_xep_loai: "Hoàn thành: tốt"`; a comment stays one.
    The missing colon of yamlcolon.missing_colon, on a line YAML could read. None when the line
    does not start so at `at`."""
    m = re.match(r"[^\W\d][\w-]*[ \t]+(\S.*)$", line[at:])
    if m is None:
        return None
    value, note = split_note(m[1].rstrip())
    value, hash_, comment = value.partition(" #")  # `# ` after one blank: YAML's comment
    note = (f"  #{comment}" if hash_ else "") + note
    value = value.strip()
    shown = value if is_quoted_text(value) else yaml_scalar(value)
    if not is_quoted_text(shown) and not _reads_back(shown, value):
        shown = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{line[:at]}{key}: {shown}{note}".strip()


def _reads_back(shown: str, value: str) -> bool:
    """`shown` after `key: ` reads back as the text `value` (`Hoàn thành:` does not)."""
    loaded = loads(f"v: {shown}\n".encode())
    doc = loaded.document
    return doc is not None and not loaded.problems and doc.data.get("v") == value
