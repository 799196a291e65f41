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
finds them when typed without diacritics.
"""

from __future__ import annotations

import html
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_TITLE_UNSAFE = re.compile(r"[<>&\"'`\\*_\[\]{}()#|!~^$=:]+")
_SPACES = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def strip_controls(value: str) -> str:
    """Drop control characters (they are never meaningful in a review)."""
    return _CONTROL.sub("", value)


def esc(value: object) -> str:
    """HTML-escape a value for use inside a raw HTML block (text or attribute)."""
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value))
    return html.escape(text, quote=True)


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


def fold(value: str | None) -> str:
    """Lower-case text without diacritics: "Nguyễn Văn Đức" -> "nguyen van duc"."""
    if not value:
        return ""
    text = value.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped)).strip().lower()


def safe_title(value: str | None, fallback: str = "") -> str:
    """A title for front matter and navigation: markup characters removed."""
    text = _CONTROL.sub("", value or "")
    text = _SPACES.sub(" ", _TITLE_UNSAFE.sub(" ", text)).strip()
    return text or fallback


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar (for front matter), from an already safe title."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def number_vi(value: float | int | None, digits: int = 1) -> str:
    """A number the Vietnamese way, as short as it can be: 17.0 -> "17", 17.5 -> "17,5",
    0.125 -> "0,1" (digits=1). Thousands are not grouped (counts on the site are small)."""
    if value is None:
        return ""
    text = f"{float(value):.{digits}f}" if digits > 0 else str(round(value))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",")


def percent_vi(share: float, digits: int = 1) -> str:
    """A share (0..1) as a percentage with a fixed number of decimals, the way `kiemdiem
    rate` prints it: 0.1026 -> "10,3%", 0 -> "0,0%"."""
    return f"{share * 100:.{digits}f}".replace(".", ",") + "%"


def signed_vi(points: float | None) -> str:
    """A change in percentage points: +2,6 / -5,1 / 0,0 (— when unknown)."""
    if points is None:
        return "—"
    text = f"{points:+.1f}".replace(".", ",")
    return "0,0" if text in ("+0,0", "-0,0") else text
