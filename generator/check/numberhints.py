"""Fix-it hints for a number written as text (generator/check/schemahints.py): the
user's own digits, written the way the schema takes them ("Sửa dòng 12 thành: `duoc_giao:
12`"), and never a value that is not one of the field's (a decimal for an integer field)."""

from __future__ import annotations

import math
import re
from typing import Any

Hint = tuple[str, dict[str, Any]]

# an integer with dots between groups of three digits: `1.000`, `12.500` (thousands)
_THOUSANDS = re.compile(r"\s*[0-9]{1,3}(?:\.[0-9]{3})+\s*")
_NUMBER_START = re.compile(r"\s*([-+]?[0-9]+(?:[.,][0-9]+)?)")


def _is_unit(digits: str, rest: str) -> bool:
    """`rest`, after the number, is a unit or a word the hint may drop ("2 tháng", "20đ"),
    never part of how the number is written (1e400, 0x1A, 1_000, 12 000, 1.5.3)."""
    if any(c.isdigit() for c in rest) or rest[0] in "_.,":
        return False
    return not (digits.lstrip("+-").startswith("0") and rest[0] in "xXoObB")


def _number_start(value: str) -> tuple[str, str, str] | None:
    """What `\\s*(NUMBER)\\s*(%?)\\s*(.*)` would fullmatch in `value`: the digits, "%" or "",
    and the rest (no line break in it), blanks dropped; None when it does not. Taken
    apart by hand: the regex's blanks-then-`.*` backtracked in O(n²) on `1<n spaces>\\nx`
    (tests/unit/test_hostile_regex.py)."""
    m = _NUMBER_START.match(value)
    if m is None:
        return None
    after = value[m.end() :].lstrip()
    percent = "%" if after.startswith("%") else ""
    rest = after[len(percent) :].lstrip()
    return None if "\n" in rest else (m[1], percent, rest)


def _any_number(value: str, params: dict[str, Any], integer: bool) -> Hint:
    """`2 tháng` -> `2`; `1,5` -> `1.5`; `85%` -> `0.85` for a ratio (ty_le_...), else `85`;
    for an `integer`, `1.000` -> `1000` (in Vietnamese a dot separates thousands).

    The corrected line only changes how the user's own digits are written (a unit dropped,
    a decimal comma made a dot, a percentage made a ratio); when the digits themselves are
    in doubt (`1e400`, `12 000`) there is no corrected line: the hint never makes up a value.
    """
    if integer and _THOUSANDS.fullmatch(value):
        return "number-thousands", {**params, "shown": value.strip().replace(".", "")}
    parts = _number_start(value)
    if parts is None:
        return "number-bad", params
    digits, percent, rest = parts
    if rest and not percent and not _is_unit(digits, rest):
        return "number-bad", params
    if (percent and rest) or len(digits.partition(",")[2]) == 3:
        return "number-bad", params  # "1,000": a thousands separator or a decimal comma
    number = float(digits.replace(",", "."))
    if not math.isfinite(number):  # thousands of digits (yamlplain keeps them as text)
        return "number-bad", params
    name = params["name"]
    shown: Any = digits.lstrip("+").replace(",", ".")
    key = "number-unit"
    if percent and name and name.startswith("ty_le"):
        number /= 100
        shown = int(number) if number.is_integer() else round(number, 6)
        key = "number-ratio"
    elif percent:
        key = "number-percent"
    elif "," in digits:
        key = "number-comma"
    elif shown == value.strip():  # `1.5` for an integer: nothing to drop, no line to give
        return "number-bad", params
    return key, {**params, "shown": shown}


# a number the hint would write with only zeros after its point: `2.0`, `-3.00`
_ZERO_FRACTION = re.compile(r"([-+]?[0-9]+)(?:\.0+)?")


def number_hint(value: str, params: dict[str, Any], integer: bool = False) -> Hint:
    """The hint for `value`, a number written as text, with `shown` when there is a line
    to offer. For an `integer` field the line always holds a whole number: `2,0` -> `2`
    (number-whole); a value whose whole number is in doubt (`1,5`, `1,000` -- one, or one
    thousand --, `1.5%`) gets number-integer, which asks for the whole number meant,
    never `1.5`."""
    key, out = _any_number(value, params, integer)
    if not integer or key == "number-thousands":
        return key, out
    if "shown" not in out:
        return "number-integer", out
    whole = _ZERO_FRACTION.fullmatch(str(out["shown"]))
    if whole is None:
        return "number-integer", params
    if whole[1] != str(out["shown"]):
        return "number-whole", {**out, "shown": whole[1]}
    return key, out
