"""One-line texts a YAML writer may get wrong, for the round-trip tests of both writers
(generator/check/yamltext.py `yaml_scalar`, generator/editor/assets/kiemdiem-yaml.js):
each must read back as exactly itself. Built from pieces (a YAML indicator, a word some
reader resolves, a number or date, a space) in every position, so a new rule is tried
at the start, the middle and the end of a text. All NFC (the loader normalizes)."""

from __future__ import annotations

import itertools

# what a plain scalar may not start with, or is read specially somewhere in it
INDICATORS = [*"-?:,[]{}#&*!|>'\"%@`=<~.+\\", "- ", "? ", ": ", " #", "#", "--- ", "..."]
# words and numbers some reader (kiemdiem's loader, PyYAML's YAML 1.1, `yaml` 1.2) resolves
WORDS = [
    *("yes", "Yes", "YES", "no", "No", "NO", "y", "Y", "n", "N", "on", "On", "ON", "off"),
    *("Off", "true", "True", "TRUE", "false", "False", "null", "Null", "NULL", "~", "=", "<<"),
    *("0", "7", "-1", "+1", "007", "1.10", "1.5", "-2.5", ".5", "1.", "1e3", "1E+3", "1_000"),
    *("0x1F", "0o17", "0b101", "017", "1:20", "190:20:30", "1:20.5", ".inf", "-.inf", ".NaN"),
    *("2025-12-15", "2021-13-01", "2025-1-5", "2001-12-14t21:59:43.10-05:00"),
    *("2001-12-14 21:59:43.10 -5", "12:30", "1,000", "3/4", "10%", "true false"),
]
# spaces a text may begin or end with (Python's and JavaScript's trim differ on some)
SPACES = [" ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\u202f"]
BASE = "Chi hội trưởng"


def tricky() -> list[str]:
    texts = [*WORDS, BASE, "Nguyễn Văn An", "tab\tở giữa", "dòng một\ndòng hai", "a\tb\nc\td"]
    for piece in INDICATORS:
        texts += [piece, piece + BASE, BASE + piece, f"{BASE}{piece}x", f"{piece} {BASE}"]
    for word in WORDS:
        texts += [f"{word} {BASE}", f"{BASE} {word}", f"{word}:", f"{word} #x"]
    for space in SPACES:
        texts += [space + BASE, BASE + space, f"{BASE}{space}#x", f"{BASE}:{space}x"]
    for a, b in itertools.product(["'", '"', "“", "”", "‘"], repeat=2):
        texts.append(f"{a}{BASE}{b}")
    texts += ["Bí thư: Nguyễn Văn A", "Ghi chú # không phải chú thích", "a:b", "http://x.vn"]
    texts += ["[Giáo viên", "{a: b}", "a, b", "*bí danh", "&neo", "!!str x", "%YAML", "@tk"]
    texts += ['ngoặc "kép" và \\ gạch chéo', "\\n không phải xuống dòng", "'", '"', "''"]
    # a paragraph pasted from Word: a tab at a line's start (a `|` block holding it is
    # refused as tab-indented, [yaml-tab]), after spaces, alone, after a blank line
    for lead in ("\t", "  \t", "\t\t", "\u00a0\t", "\t "):
        texts += [f"Về đạo đức, lối sống:\n{lead}Giữ gìn phẩm chất", f"một\n\n{lead}hai\nba"]
    return list(dict.fromkeys(texts))
