"""Characters that change how text reads without being seen.

Bidirectional overrides and isolates reorder what a reader sees (the "Trojan Source"
trick: a name that displays as one thing and is another); zero-width characters hide
inside words (two names that look equal and are not, a search that misses). Submitted
text keeps them (they may be a typing accident) but `check` warns, the site shows them as
visible marks, and terminal, log and comment outputs escape them.
"""

from __future__ import annotations

import re

# U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates, U+200E/U+200F marks,
# U+061C Arabic letter mark; U+200B..U+200D zero-width space/non-joiner/joiner,
# U+2060 word joiner, U+FEFF zero-width no-break space (a BOM inside text), U+180E.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
INVISIBLE_RE = re.compile(f"[{BIDI}{ZERO_WIDTH}]")


def code_point(char: str) -> str:
    """'U+202E' for a character."""
    return f"U+{ord(char):04X}"


def find_invisible(text: str) -> list[tuple[int, str]]:
    """(index, character) of every invisible character in `text`."""
    return [(m.start(), m.group()) for m in INVISIBLE_RE.finditer(text)]


def show_invisible(text: str) -> str:
    """`text` with each invisible character replaced by its visible name, e.g. ⟦U+202E⟧."""
    return INVISIBLE_RE.sub(lambda m: f"⟦{code_point(m.group())}⟧", text)
