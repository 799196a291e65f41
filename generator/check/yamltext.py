"""How values are written in a review file (for hints that show a corrected line)."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.check.written import is_quoted_text
from generator.submissions.yamlload import loads
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
    value, quoted where it must be: `tu_xep_loai: "Hoàn thành: tốt"`; a comment stays one
    (one that starts outside quotes: `Bí thư: "Chi bộ #1"` holds no comment). The missing
    colon of yamlcolon.missing_colon, on a line YAML could read. None when the line does
    not start so at `at`; "" when no line found reads back as every word written (the
    hint then explains without a line to paste: a wrong one would lose words)."""
    m = re.match(r"[^\W\d][\w-]*[ \t]+(\S.*)$", line[at:])
    if m is None:
        return None
    value, note = split_value_note(m[1].rstrip(), one_blank=True)  # ` #`: YAML's comment
    note = f"  {note.lstrip()}" if note else ""
    value = value.strip()
    # yaml_scalar quotes whatever would not read back as itself (`Hoàn thành:` among them;
    # tests/unit/test_yaml_scalar.py)
    shown = value if is_quoted_text(value) else yaml_scalar(value)
    fixed = f"{line[:at]}{key}: {shown}{note}".strip()
    return fixed if reads_back(fixed, key, written_text(value)) else ""


def split_value_note(text: str, one_blank: bool = False) -> tuple[str, str]:
    """`text`, a value as written after its key, cut before its comment: (the value, the
    comment with the blanks before it, or ""). A comment starts outside quotes, as YAML
    reads it: a `#` inside a quoted text is text (`"Chi bộ  #1"`). A quoted text is one
    that begins where a value begins: at the start, or after `: ` (`Bí thư: "Chi bộ #1"`);
    one that begins a word among plain words is taken so too (`Bí thư "Chi bộ  #1"`: a
    hint keeps those words); a quote inside a word is a letter. The comment starts at
    blanks then `#`: two blanks, as the template's notes (one is `yaml-comment-in-value`'s
    case), or one (`one_blank`, on a line YAML read). A quote never closed: no comment,
    all is text."""
    least = 1 if one_blank else 2
    i, start = 0, True  # start: where a value begins (a quote there opens a quoted text)
    while i < len(text):
        char = text[i]
        if char in " \t":
            j = i
            while j < len(text) and text[j] in " \t":
                j += 1
            if j < len(text) and text[j] == "#" and (j - i >= least or start):
                return text[:i], text[i:].rstrip()
            i = j
            continue
        # a quote at a word's start among plain words opens a quoted part too: YAML
        # would read `  #` there as a comment, but the words were meant as text
        if char in "\"'" and (start or text[i - 1] in " \t"):
            end = _closing(text, i)
            if end < 0:
                return text, ""
            i, start = end + 1, False
            continue
        start = char == ":" and (i + 1 == len(text) or text[i + 1] in " \t")
        i += 1
    return text, ""


def _closing(text: str, at: int) -> int:
    """The index of the quote that closes the one at `at` (`\\"` escapes a double quote,
    `''` is a single one inside single quotes), or -1."""
    quote, i = text[at], at + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return -1


def written_text(value: str) -> str:
    """The text a value written as `value` means: what its quotes hold when it is a
    complete quoted text (`"Chi bộ  #1"` -> `Chi bộ  #1`), else itself."""
    if not is_quoted_text(value):
        return value
    doc = loads(f"v: {value}\n".encode()).document
    return str(doc.data["v"]) if doc is not None else value


def reads_back(fixed: str, key: str, text: str) -> bool:
    """Whether the corrected line `fixed` (`key: …`, after a list's dash or not), read
    alone by kiemdiem's loader, gives `key` exactly the text `text`: the safety net of a
    hint's line to paste, which must never lose a word (STYLE: hints never lose data)."""
    line = fixed.strip()
    if line.startswith("- "):
        line = line[2:].lstrip()
    loaded = loads(f"{line}\n".encode())
    doc = loaded.document
    if doc is None or loaded.problems or not isinstance(doc.data, dict):
        return False
    return bool(doc.data.get(key) == text)
