"""What to say about a YAML syntax error when generator.check.yamlrepair finds no line to
correct: PyYAML's problem (libyaml's English words, read here and never shown) chooses a
catalog variant `yaml-syntax/<variant>` in Vietnamese, with a hint; the place stays the one
PyYAML named. The texts live in generator/messages/load.py.
"""

from __future__ import annotations

import re
from typing import Any

from generator.check.yamltext import yaml_scalar

# a needle in PyYAML's "context problem" -> the variant; the first that matches wins
# (libyaml's words, and the pure-Python parser's where they differ)
GENERIC = [
    ("sequence entries are not allowed", "dash-inline"),
    ("mapping values are not allowed", "colon"),
    ("mapping keys are not allowed", "question"),
    ("could not find expected ':'", "missing-colon"),
    ("did not find expected key", "indent-generic"),
    ("did not find expected '-' indicator", "dash"),
    ("found unexpected end of stream", "eof-quote"),
    ("found character that cannot start any token", "bad-start"),
    ("expected <block end>", "block-end"),
    ("found undefined alias", "alias"),
    ("while scanning an alias", "alias"),
    ("while scanning an anchor", "anchor"),
    ("found duplicate anchor", "anchor"),
    ("second occurrence", "anchor"),  # a duplicate anchor, told without its context
    ("escape character", "escape"),
    ("hexdecimal number", "escape"),
    ("hexadecimal number", "escape"),
    ("while scanning a quoted scalar", "quote"),
    ("while parsing a quoted scalar", "quote"),
    ("characters are not allowed", "control"),
    ("while scanning a block scalar", "block-scalar"),
    ("while parsing a flow", "flow"),
    ("expected ',' or", "flow"),
    ("while scanning a tag", "tag"),
    ("while parsing a tag", "tag"),
    ("tag handle", "tag"),
    ("node content", "node-content"),
    ("tab character", "tab"),
    ("directive", "directive"),
    ("YAML document", "directive"),
    ("document start", "document"),
]

# `key: - value` (what PyYAML calls a block sequence entry where none may start)
# the value is taken whole and stripped: a lazy `(\S.*?)\s*$` cost O(n²) on `k: - x<n
# spaces>y` (tests/unit/test_hostile_regex.py)
_DASH_AFTER_KEY = re.compile(r"^( *)((?:-\s+)?)([^\s:#\"'][^:#]*?):[ ]+-[ ]+(\S.*)$")
_CHARACTER = re.compile(r"#x([0-9a-fA-F]+)")


def generic(lines: list[str], line_no: int, english: str) -> tuple[str, dict[str, Any]]:
    """The variant and parameters for PyYAML's problem `english` (its context and problem)
    at line `line_no` of `lines`; the variant is "" when the problem is not known."""
    variant = next((v for needle, v in GENERIC if needle in english), "")
    if variant == "dash-inline":
        return _dash_inline(lines, line_no)
    if variant == "control":
        found = _CHARACTER.search(english)
        return variant, {"char": f"U+{int(found.group(1), 16):04X}" if found else "?"}
    return variant, {}


def _dash_inline(lines: list[str], line_no: int) -> tuple[str, dict[str, Any]]:
    """`chuc_vu: - Phó Bí thư`: the line written three ways a person may have meant."""
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    found = _DASH_AFTER_KEY.match(line)
    if found is None:
        return "dash-misplaced", {}
    indent, dash, key, value = found.groups()
    value = value.rstrip()
    written = value  # the value as it is written, already quoted or not
    if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
        value = value[1:-1]
    else:
        written = yaml_scalar(value)
    start = indent + dash
    child = " " * (len(indent) + len(dash) + 2)
    return "dash-inline", {
        "line": line_no,
        "key": key,
        "single": f"{start}{key}: {written}",
        "opener": f"{start}{key}:",
        "item": f"{child}- {written}",
        "quoted": f"{start}{key}: {yaml_scalar('- ' + value)}",
    }
