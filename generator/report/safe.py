"""Making submitted text harmless for each place a report goes.

A finding's message quotes what a submitter wrote (a value, a key, a file name), so every
output treats it as hostile:

* a terminal (`visible`, `visible_text` for text of several lines): control characters
  (ANSI/OSC escapes, CR, backspace, BEL, NUL, C1) and the invisible ones (bidi,
  zero-width, format: generator.invisible) become visible escapes like ``\\x1b`` or
  ``⟦U+202E⟧``; a value can never move the cursor, retitle the window or hide text.
  Every command prints submitted text through these (a check's findings, `kiemdiem
  member`, the `rate`/`stats` tables, error messages);
* JSON for a terminal or a file (`inert_json`): the same characters as JSON's ``\\u``
  escapes, so the data is unchanged for any reader and inert on a screen;
* a CI log (`command_data`, `command_property`): GitHub's workflow-command encoding, so
  a value never ends the command it is in, and no output line can start a new command;
* Markdown (`md_cell`): one table cell that cannot close its row or cell, open a code
  span, a link, an image, a heading or raw HTML, or mention anyone.
"""

from __future__ import annotations

import re

from generator.invisible import INVISIBLE_CLASS, INVISIBLE_RE, code_point

# C0 and C1 controls and DEL, the line/paragraph separators, and lone surrogates (a file
# name that is not UTF-8, kept by Git as surrogate escapes)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\x1b"}


def _escape_control(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    if 0xD800 <= ord(c) <= 0xDFFF:
        return f"\\x{ord(c) - 0xDC00:02x}" if ord(c) >= 0xDC80 else f"\\u{ord(c):04x}"
    return f"\\x{ord(c):02x}" if ord(c) <= 0xFF else f"\\u{ord(c):04x}"


def visible(text: str) -> str:
    """One line of text with every control and invisible character shown as an escape."""
    text = _CONTROL_RE.sub(_escape_control, text)
    return INVISIBLE_RE.sub(lambda m: f"⟦{code_point(m.group())}⟧", text)


def visible_lines(text: str) -> list[str]:
    """Multi-line text (a hint) as lines, each made `visible`."""
    return [visible(line) for line in text.split("\n")]


def visible_text(text: str) -> str:
    """Text of several lines (a review's section) for a terminal: its line breaks kept,
    each line made `visible`."""
    return "\n".join(visible_lines(text))


# what `json.dumps(..., ensure_ascii=False)` writes as itself and a terminal would obey or
# hide (it escapes C0 controls itself): DEL, C1, the line/paragraph separators, lone
# surrogates, the invisible characters (generator.invisible)
_JSON_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029\ud800-\udfff{INVISIBLE_CLASS}]")


def _json_escape(m: re.Match[str]) -> str:
    n = ord(m.group())
    if n <= 0xFFFF:
        return f"\\u{n:04x}"
    n -= 0x10000  # a tag character: JSON writes it as a surrogate pair
    return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"


def inert_json(text: str) -> str:
    """JSON text written with `ensure_ascii=False`, each character a terminal would obey
    or hide written as a ``\\uXXXX`` escape (only strings can hold one, and the escape is
    the same string to any JSON reader)."""
    return _JSON_RAW.sub(_json_escape, text)


def command_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF encoded (GitHub's escapeData)."""
    return visible_for_log(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def command_property(text: str) -> str:
    """A workflow command's property value: also `:` and `,` (GitHub's escapeProperty)."""
    return command_data(text).replace(":", "%3A").replace(",", "%2C")


def visible_for_log(text: str) -> str:
    """Like `visible`, but keeps LF and CR (encoded later as %0A/%0D by the command); a
    written ``\\r`` (a message naming the escape) stays text."""
    return "\n".join("\r".join(map(visible, part.split("\r"))) for part in text.split("\n"))


# A table cell holds inline content only (no headings, lists or quotes can start there).
# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the
# ones that start inline markup: code spans, emphasis, links and images, strikethrough,
# escapes, `|` (GFM's cell separator) and `:` (GFM's autolinked URLs).
_MD_PUNCT = set("\\`*_[]!|~:")
# `&`, `<`, `>` as entities (no raw HTML, no entity tricks); `@` followed by a zero-width
# space entity so that no @mention (or e-mail autolink) is formed
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "@&#8203;"}


def _md_escape(text: str) -> str:
    out = []
    for c in text:
        if c in _MD_ENTITIES:
            out.append(_MD_ENTITIES[c])
        elif c in _MD_PUNCT:
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out)


def md_literal(text: str) -> str:
    """Text for Markdown, every character shown as itself (a path, a code, a login)."""
    return _md_escape(visible(text))


def md_cell(text: str) -> str:
    """Text for one Markdown table cell: literal, on one line, inert.

    Messages quote names and values between backticks; when the backticks pair up, each
    quoted part is shown as ``<code>`` (its content escaped like the rest, so a submitted
    backtick can at most change which part looks like code, never escape the cell).
    """
    parts = visible(text).split("`")
    if len(parts) % 2 == 0:  # unpaired: show every backtick as itself
        return _md_escape(visible(text))
    return "".join(
        f"<code>{_md_escape(part)}</code>" if i % 2 else _md_escape(part)
        for i, part in enumerate(parts)
    )
