"""Characters that change how text reads without being seen.

Bidirectional overrides and isolates reorder what a reader sees (the "Trojan Source"
trick: a name that displays as one thing and is another); zero-width and other format
characters, fillers and variation selectors hide inside words (two names that look equal
and are not, a search that misses, a tag-character payload). Submitted text keeps them
(they may be a typing accident: a soft hyphen or an emoji's joiner pasted with a name) but
`check` warns, the site shows them as visible marks, and terminal, log and comment
outputs escape them.

Which characters: every format character (Unicode category Cf) and every other
default-ignorable code point (Unicode's Default_Ignorable_Code_Point, what a renderer
shows as nothing). Blanks with a width (U+00A0, U+2800 braille blank, U+3000) are not:
a reader sees a space there, as the writer did.
"""

from __future__ import annotations

import re

# Unicode category Cf as of Unicode 14.0 (Python 3.11's unicodedata), first and last of
# each run: soft hyphen, Arabic number signs and letter mark, Mongolian vowel separator,
# zero-width space/non-joiner/joiner and the LRM/RLM marks, the bidi embeddings and
# overrides, word joiner and invisible operators, the bidi isolates and deprecated format
# characters, BOM/zero-width no-break space, interlinear annotation, Kaithi, Egyptian,
# shorthand and musical format controls, the language tag and tag characters. Deriving it
# at import would cost 0.25 s per command; tests/unit/test_invisible.py checks it against
# unicodedata instead (a newer Python's new format characters fail it).
FORMAT = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
# The other default-ignorable code points (none of them Cf, no run overlapping one): combining grapheme joiner, Hangul
# choseong/jungseong fillers, Khmer inherent vowels, Mongolian free variation selectors,
# the reserved U+2065, Hangul filler, variation selectors (U+FE0F follows many emoji),
# halfwidth Hangul filler, reserved U+FFF0..U+FFF8, and plane 14's reserved code points
# and variation selectors supplement (U+E0000..U+E0FFF around the tag characters).
IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0000),
    (0xE0002, 0xE001F),
    (0xE0080, 0xE0FFF),
)
# the bidi controls (a subset of FORMAT), for tests and docs naming the Trojan Source ones
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A regular expression character class's body matching `ranges`, adjacent runs
    joined (each run beyond U+FFFF is one more test per character searched)."""
    runs: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if runs and runs[-1][1] + 1 >= lo:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in runs
    )


INVISIBLE_CLASS = _class(FORMAT + IGNORABLE)  # for a class of more characters (report.safe)
INVISIBLE_RE = re.compile(f"[{INVISIBLE_CLASS}]")


def invisible_chars() -> list[str]:
    """Every invisible character, in code point order (some 4,300: tests, yamltext)."""
    return [chr(n) for lo, hi in sorted(FORMAT + IGNORABLE) for n in range(lo, hi + 1)]


def code_point(char: str) -> str:
    """'U+202E' for a character."""
    return f"U+{ord(char):04X}"


def find_invisible(text: str) -> list[tuple[int, str]]:
    """(index, character) of every invisible character in `text`."""
    return [(m.start(), m.group()) for m in INVISIBLE_RE.finditer(text)]


def show_invisible(text: str) -> str:
    """`text` with each invisible character replaced by its visible name, e.g. ⟦U+202E⟧."""
    return INVISIBLE_RE.sub(lambda m: f"⟦{code_point(m.group())}⟧", text)
