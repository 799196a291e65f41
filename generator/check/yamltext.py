"""How values are written in a review file (for hints that show a corrected line)."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.check.written import is_quoted_text
from generator.submissions.yamlodd import split_note
from generator.submissions.yamltext import SMART_QUOTES as SMART_QUOTES  # “ ” „ ‘ ’


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


# characters a YAML reader treats as line breaks or refuses raw: always written as escapes
# (the same set as generator/editor/assets/kiemdiem-yaml.js SPECIAL)
_SPECIAL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]")
_ESCAPED = re.compile("[\u007f-\u009f\u2028\u2029\ufeff]")  # json.dumps keeps these raw
# plain words some YAML reader takes for something else than text: YAML 1.1 booleans
# (PyYAML), nulls, and the `=` / `<<` tags; compared lowercased
_WORDS = frozenset({"yes", "no", "y", "n", "on", "off", "true", "false", "null", "~", "=", "<<"})
# what may not begin a plain scalar, or is better quoted there
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"


def _needs_quotes(text: str) -> bool:
    """Whether `text`, written plain after `key: `, could read back as anything but itself
    (by kiemdiem's loader, PyYAML or the editor's YAML 1.2 reader): then it is quoted."""
    return (
        not text
        or "\n" in text
        or "\t" in text  # PyYAML's pure-Python reader refuses `a\tb` plain
        or text != text.strip()  # leading/trailing (Unicode) spaces would be lost
        or text[0] in _INDICATORS
        or re.search(r":(\s|$)", text) is not None  # `Chi hội trưởng:`, `a: b` (a key)
        or re.search(r"\s#", text) is not None  # ` # ...` would be a comment
        or text.lower() in _WORDS
        # an ASCII text starting like a number may be one in some reader (1.10, 0x1F,
        # 1:20, 2025-12-15, 1e3, .5, +1): non-ASCII text never is
        or (text[0] in "0123456789+." and text.isascii())
    )


def yaml_scalar(value: Any) -> str:
    """How `value` is written after `key: ` in a review file: a string reads back as
    exactly itself (tests/unit/test_yaml_scalar.py)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _SPECIAL.search(text) is None and not _needs_quotes(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # YAML double quotes take JSON's escapes
    return _ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


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
    # yaml_scalar quotes whatever would not read back as itself (`Hoàn thành:` among them;
    # tests/unit/test_yaml_scalar.py)
    shown = value if is_quoted_text(value) else yaml_scalar(value)
    return f"{line[:at]}{key}: {shown}{note}".strip()
