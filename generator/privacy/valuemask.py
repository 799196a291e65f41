"""Masking a committee-only value where a finding quotes it, and only the value.

`generator.privacy.minimize` replaces a value's text in a finding's message and hint. A
bare search for the value as written misses it written otherwise (`Khiển trách` quoted as
`khiển trách` or `Khien  trach`), and it also hits the schema's own words: a file with
`hinh_thuc: khien_trach` on one line and a wrong form on another was told "Chọn một trong:
`[ẩn]`, `canh_cao`, …" — the list of options lost the very option, and its gap said which
one the file holds. So here:

* a value is found case- and diacritic-blind (`generator.vietnamese.fold`, spaces
  collapsed), wherever it stands, as often as it stands, inside a longer text too, and
  only its own characters become the mask (the text around it stays);
* the schema's options and key names a catalog list names ("Chọn một trong: …", "Các mục
  được phép: …") are the same for every file and stay whole;
* `clean` tells whether a quoted text, once its masked values are taken out, still holds
  any piece of a committee-only line (a word, a number: a value turned around or split
  keeps its pieces), or a `true`/`false` a hint may have made of `có`/`không`: only a
  text without any may be shown around a mask (generator.privacy.hintmask).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

MASK = "[ẩn]"
# the schema's own list in a catalog text, to the line's end (hintmask._LIST)
_LIST = re.compile(r"(?:một trong|Các mục được phép):[^\n]*")
_SPAN = re.compile(r"`([^`\n]*)`")
_TOKEN = re.compile(r"[^\W_]+")
_HOLD = "\ue000"  # a private-use character: never in a catalog text, kept out of values


@functools.cache
def _fold_char(c: str) -> str:
    """One character folded: lower case, no diacritics, `đ` as `d`, blanks as a space."""
    if c.isspace():
        return " "
    if c in "đĐ":
        return "d"
    return "".join(
        x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)
    ).lower()


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` folded (blanks collapsed to one space), and each folded character's index in
    `text`."""
    out: list[str] = []
    at: list[int] = []
    for i, c in enumerate(text):
        f = _fold_char(c)
        if f == " " and out and out[-1] == " ":
            continue
        out.extend(f)
        at.extend([i] * len(f))
    return "".join(out), at


def fold_text(text: str) -> str:
    return _folded(text)[0]


def needle_of(value: str) -> str:
    """What `replace_folded` looks for of `value` ("" when nothing: then nothing is)."""
    return fold_text(value).strip()


def replace_folded(text: str, value: str, mask: str = MASK) -> str:
    """`text` with every occurrence of `value`, folded alike, replaced by `mask`."""
    needle = needle_of(value)
    if not needle:
        return text
    hay, at = _folded(text)
    spans: list[tuple[int, int]] = []
    start = hay.find(needle)
    while start >= 0:
        end = at[start + len(needle) - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # a mark written apart belongs to the letter before it
        spans.append((at[start], end))
        start = hay.find(needle, start + len(needle))
    for a, b in reversed(spans):
        text = text[:a] + mask + text[b:]
    return text


def protect(text: str, words: frozenset[str]) -> tuple[str, list[str]]:
    """`text` with each quoted word of a catalog list (`words`: the schema's option and key
    names) held out of reach of a replacement, and the held pieces (`restore`)."""
    held: list[str] = []
    if _HOLD in text:
        return text, held

    def hold_list(m: re.Match[str]) -> str:
        def hold(s: re.Match[str]) -> str:
            if s[1] not in words:
                return s[0]
            held.append(s[0])
            return f"{_HOLD}{len(held) - 1}{_HOLD}"

        return _SPAN.sub(hold, m[0])

    return _LIST.sub(hold_list, text), held


def restore(text: str, held: list[str]) -> str:
    if not held:
        return text
    return re.sub(f"{_HOLD}([0-9]+){_HOLD}", lambda m: held[int(m[1])], text)


def taint_of(lines: Iterable[str]) -> str:
    """The committee-only lines' text, folded, its words and numbers each between spaces
    (what `clean` looks pieces up in)."""
    return " " + " ".join(_TOKEN.findall(fold_text(" ".join(lines)))) + " "


def clean(text: str, taint: str) -> bool:
    """Whether `text` (a quoted piece, its masks taken out) holds no piece of `taint`: no
    word or number of it, not even inside a longer one (`19611017` is `1961-10-17`, and
    `08` is `8`), and no `true`/`false` (what a hint writes for `có`/`không`)."""
    bare = " ".join(_TOKEN.findall(fold_text(text.replace(MASK, " "))))
    joined = taint.replace(" ", "")
    for token in bare.split():
        if token in ("true", "false"):
            return False
        if token.isdigit():
            numbers = {token, token.lstrip("0") or "0"}
            if any(n in joined for n in numbers):
                return False
        elif token in joined:
            return False
    return True


__all__ = ["MASK", "clean", "fold_text", "protect", "replace_folded", "restore", "taint_of"]
