"""Escaping and folding of text that comes from submissions.

The rule of the site: a submitter's text is never Markdown and never HTML.

Pages are Markdown files, but every piece of user text is written inside a raw HTML
block (``<div>``, ``<table>``, ``<section>`` started at the beginning of a line).
Python-Markdown leaves the inside of a raw HTML block alone (we do not enable
``md_in_html``), so ``*x*``, ``[a](javascript:…)``, ``![i](…)`` and autolinks stay text.
Inside the block the text is HTML-escaped (``& < > " '``), so ``<script>`` and
``<img onerror=…>`` are text as well. Control characters are dropped, which also keeps
Python-Markdown's placeholder characters (STX/ETX) out of the page.

Page titles (front matter, ``<title>``, breadcrumbs) go through MkDocs' and Material's
own templates, which do not escape consistently; `safe_title` keeps only characters
that cannot form markup in any of them.

`fold` gives the accent-free, lower-case form of Vietnamese text ("Nguyễn Văn Đức" ->
"nguyen van duc"), which the pages carry next to names and headings so that the search
finds them when typed without diacritics (it and the number helpers live in
`generator.vietnamese`, re-exported here).
"""

from __future__ import annotations

import html
import re

from generator.invisible import show_invisible
from generator.vietnamese import fold, number_vi, percent_vi, signed_vi

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_TITLE_UNSAFE = re.compile(r"[<>&\"'`\\*_\[\]{}()#|!~^$=:]+")
_SPACES = re.compile(r"\s+")
__all__ = [
    "esc",
    "fold",
    "number_vi",
    "paragraphs",
    "percent_vi",
    "safe_title",
    "signed_vi",
    "strip_controls",
    "yaml_string",
]
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def strip_controls(value: str) -> str:
    """Drop control characters (they are never meaningful in a review)."""
    return _CONTROL.sub("", value)


def esc(value: object) -> str:
    """HTML-escape a value for use inside a raw HTML block (text or attribute).
    Bidi and zero-width characters are shown as visible marks (generator.invisible)."""
    if value is None:
        return ""
    text = show_invisible(_CONTROL.sub("", str(value)))
    return html.escape(text, quote=True)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def code_spans(value: object) -> str:
    """A finding's text as HTML: escaped (`esc`), each `quoted` piece — a key, a value, a
    corrected line — set as code, as the terminal and the pull request show it."""
    return _CODE_SPAN.sub(r"<code>\1</code>", esc(value))


def paragraphs(value: str | None) -> str:
    """User text as HTML paragraphs: blank lines split paragraphs, single newlines
    become ``<br>``. The result is one line per paragraph, with no blank line inside,
    so it can never end the surrounding raw HTML block early."""
    if not value or not value.strip():
        return ""
    out = []
    for chunk in _PARAGRAPH_BREAK.split(value.strip()):
        lines = [esc(line.strip()) for line in chunk.splitlines() if line.strip()]
        if lines:
            out.append("<p>" + "<br>".join(lines) + "</p>")
    return "\n".join(out)


def safe_title(value: str | None, fallback: str = "") -> str:
    """A title for front matter and navigation: markup characters removed."""
    text = show_invisible(_CONTROL.sub("", value or ""))
    text = _SPACES.sub(" ", _TITLE_UNSAFE.sub(" ", text)).strip()
    return text or fallback


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar (for front matter), from an already safe title."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
