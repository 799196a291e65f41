"""Vietnamese text helpers shared by every stage: the one home for each of them.

* `fold`: accent-free, lower-case text ("Nguyễn Văn Đức" -> "nguyen van duc"; đ -> d,
  which Unicode decomposition alone does not do); `fold_key` for YAML keys and ids;
* `suggest`: "did you mean" — the candidate a person most likely meant;
* level names: `LEVEL_NAMES` (code -> label), `level_text`, `level_from_text`;
* numbers the Vietnamese way (decimal comma): `number_vi`, `exact_vi`, `pct`, `percent_vi`,
  `signed_vi`;
* dates: `vn_date` (dd/mm/yyyy).

A leaf module: it imports nothing from `generator`, so any module may use it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol

_SPACES = re.compile(r"\s+")


# what decomposed text may hold for `fold`'s quick path: ASCII and the combining marks
# (every mark of U+0300-U+036F has a combining class but U+034F, the grapheme joiner)
_NOT_ASCII_OR_MARK = re.compile("[^\x00-\x7f\u0300-\u034e\u0350-\u036f]")


def fold(value: str | None) -> str:
    """Lower-case text without diacritics, spaces collapsed: "Nguyễn  Văn Đức" ->
    "nguyen van duc".

    Text whose decomposition is ASCII letters and combining marks — every Vietnamese
    name — drops the marks by encoding to ASCII (~2 µs a name instead of ~5: a full
    check folds every member's name for its identity digest); other text takes
    `_fold_slow`, which gives the same result for the former."""
    if not value:
        return ""
    text = value.replace("Đ", "D").replace("đ", "d")
    if not text.isascii():
        text = unicodedata.normalize("NFD", text)
        if _NOT_ASCII_OR_MARK.search(text):
            return _fold_slow(value)
        text = text.encode("ascii", "ignore").decode("ascii")
    return " ".join(text.split()).lower()


def _fold_slow(value: str) -> str:
    """`fold` of any text."""
    text = value.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped)).strip().lower()


def fold_key(value: str | None) -> str:
    """`fold` for keys and ids: spaces and dashes become underscores ("Họ tên" -> "ho_ten")."""
    return fold(value).replace(" ", "_").replace("-", "_")


def slug(value: str | None) -> str:
    """An ASCII id fragment: "Đồng Tâm" -> "dong-tam"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")


_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")


def looks_vietnamese(text: str) -> bool:
    """Has a letter only Vietnamese uses (ă â đ ê ô ơ ư or a precomposed tone mark)."""
    return any(c in _VIETNAMESE_LETTERS or "\u1ea0" <= c <= "\u1ef9" for c in text)


def suggest(word: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate `word` most likely meant, or None: equal once folded
    ("họ_tên" -> "ho_ten"), else the closest by `difflib` above `cutoff`."""
    by_key: dict[str, str] = {}
    for c in candidates:
        by_key.setdefault(fold_key(c), c)
    if not by_key:
        return None
    key = fold_key(word)
    if key in by_key:
        return by_key[key]
    match = difflib.get_close_matches(key, list(by_key), n=1, cutoff=cutoff)
    return by_key[match[0]] if match else None


# ---- level names

LEVEL_NAMES: dict[str, str] = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
# what people write instead of a level code (folded) -> the code
_LEVEL_WORDS: dict[str, str] = {
    **{fold(label): code for code, label in LEVEL_NAMES.items()},
    **{fold(code): code for code in LEVEL_NAMES},
    "hoan thanh xuat sac": "HTXSNV",
    "xuat sac": "HTXSNV",
    "hoan thanh tot": "HTTNV",
    "tot": "HTTNV",
    "hoan thanh": "HTNV",
    "khong hoan thanh": "KHTNV",
}


class _Labelled(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def label_vi(self) -> str: ...


def level_text(level: _Labelled) -> str:
    """'Hoàn thành tốt nhiệm vụ (HTTNV)'."""
    return f"{level.label_vi} ({level.code})"


def level_from_text(text: str) -> str | None:
    """The level code a person meant: "Hoàn thành tốt" -> "HTTNV", "httnv" -> "HTTNV"."""
    return _LEVEL_WORDS.get(fold(text.replace("_", " ")))


# ---- numbers and dates


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


def exact_vi(value: float | int) -> str:
    """A number exactly as held, the Vietnamese way, nothing rounded away: 26.0 -> "26",
    8.5 -> "8,5", 0.94 -> "0,94" (what a file says, shown back to the person it is about;
    `number_vi` rounds)."""
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    text = repr(value)  # the shortest digits that give the value back
    if "e" in text:  # 1e-05: written out, never in scientific notation
        text = format(Decimal(text), "f")
    return text.replace(".", ",")


def pct(share: float) -> str:
    """A share as a short percentage: 0.45 -> '45%', 0.333 -> '33,3%'."""
    value = round(share * 100, 1)
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


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


def vn_date(d: dt.date) -> str:
    """12/05/2024."""
    return d.strftime("%d/%m/%Y")


def re_rated_vi(rated_year: int, decision_year: int, *, capital: bool = True) -> str:
    """A re-rating (124-M7) named by both its years: "Năm 2024 được xếp loại lại (quyết định
    năm 2025)" — the year re-rated first, never "xếp loại lại năm 2025", which reads as the
    year 2025 being re-rated."""
    text = f"năm {rated_year} được xếp loại lại (quyết định năm {decision_year})"
    return text[:1].upper() + text[1:] if capital else text
