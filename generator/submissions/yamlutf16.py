"""A file saved as UTF-16 (Windows Notepad's "Unicode" and "Unicode big endian"), told
apart from a binary file (generator.submissions.yamlload).

Both hold NUL bytes, which the loader takes as "not text". A UTF-16 file's text is
intact and only needs saving again as UTF-8, so it gets its own finding (`file-utf16`)
instead of one that sends the user looking for a lost original. Only a file that holds a
NUL or starts with a UTF-16 byte order mark is looked at here.
"""

from __future__ import annotations

import re

from generator.findings import Position
from generator.submissions.yamltext import LoadProblem

BOMS = (b"\xff\xfe", b"\xfe\xff")
# controls other than tab, LF and CR: a binary file that happens to decode as UTF-16
# (a text file holds none of them; NUL, U+0000, is one)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTE_MAX = 120  # characters of the first line quoted in the hint


def _encoding(data: bytes) -> str | None:
    """The UTF-16 codec `data` is written in, judged by its byte order mark or else by
    where its NUL bytes sit (the high byte of every ASCII character), or None."""
    if data.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if data.startswith(b"\xfe\xff"):
        return "utf-16-be"
    if len(data) % 2:
        return None
    # every ASCII and Latin-1 character (keys, most Vietnamese letters: à, ê, ô) has a NUL
    # high byte: ~90% of a review's characters; half is asked for (a stray NUL in a UTF-8
    # file, "a: \x00b", is not UTF-16)
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if not even and odd * 2 >= len(data) // 2:
        return "utf-16-le"  # "a\x00:\x00"
    if not odd and even * 2 >= len(data) // 2:
        return "utf-16-be"  # "\x00a\x00:"
    return None  # NULs next to each other, in both places, or few: not UTF-16 text


def not_utf8(data: bytes) -> LoadProblem | None:
    """Why `data`, which holds a NUL byte or starts with a UTF-16 byte order mark, cannot
    be read: `file-utf16` (text saved as UTF-16), `file-not-text` (a NUL byte in anything
    else), or None (no NUL: the loader goes on and finds what else is wrong)."""
    problem = _utf16(data)
    if problem is None and b"\x00" in data:
        return LoadProblem("file-not-text", Position(1, 1))
    return problem


def _utf16(data: bytes) -> LoadProblem | None:
    """`file-utf16` when `data` is text saved as UTF-16, with the first line of that
    text (so the user sees it is all there); None for anything else."""
    codec = _encoding(data)
    if codec is None:
        return None
    body = data[2:] if data[:2] in BOMS else data
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:  # a lone surrogate, an odd length: not UTF-16 text
        return None
    if _CONTROL.search(text):
        return None
    lines = text.replace("\r\n", "\n").split("\n")
    number, first = next(((n, s.strip()) for n, s in enumerate(lines, 1) if s.strip()), (1, ""))
    if len(first) > _QUOTE_MAX:
        first = first[: _QUOTE_MAX - 1] + "…"
    # the name VS Code shows in its status bar
    detail: dict[str, object] = {"encoding": "UTF-16 LE" if codec == "utf-16-le" else "UTF-16 BE"}
    if first:
        detail.update(line=number, first=first)
    else:  # nothing written yet: no line to quote
        detail["hint_key"] = "blank"
    return LoadProblem("file-utf16", Position(1, 1), detail)
