"""A fast reader of the plain YAML our tools write (generator.submissions.yamlload's path
for a check's workers): the value libyaml + `yamlplain.plain_value` give, or None for
anything it is not sure of, and the caller then runs that path unchanged.

The subset, line by line (every line ends with "\\n"; empty lines anywhere but at the
start of a literal block; comment lines at column 0 between entries):

* ``key: VALUE`` / ``key:`` (a nested block below, or null) at the indentation of its
  mapping; keys are ASCII words (``[A-Za-z_][A-Za-z0-9_-]*``, kept as text like the
  composer keeps them);
* ``- key: VALUE`` / ``- key:`` (a mapping as a sequence item) and ``- VALUE`` (a scalar
  item), the sequence indented deeper than the key it is the value of;
* VALUE: a one-line plain scalar that cannot be anything else (no "#", no ": ", no ":"
  at its end, no indicator first, no space last), resolved with kiemdiem's words
  (`yamlplain.plain_scalar`); a one-line double-quoted scalar without a backslash; a
  one-line single-quoted scalar without a quote inside; ``|`` alone (a literal block,
  clip chomping) whose first line is not empty and sets the indentation, with no line of
  spaces only and no trailing space.

Whatever else — comments after a value or indented, flow collections, anchors, aliases, tags, other block scalar
headers, multi-line scalars, escapes, directives, document markers, tabs, CR, characters
libyaml reads as line breaks or refuses, a duplicate key, an indentation not exactly at
an open block, a document that is not a mapping at column 0, more nodes or depth than
yamlplain allows — gives None. tests/unit/test_yamlfast_oracle.py compares both readers
on real, synthetic and mutated files."""

from __future__ import annotations

import re
from typing import Any

from generator.submissions.yamlplain import (
    _NUMBER_START,
    _WORDS,
    MAX_DEPTH,
    MAX_NODES,
    _number,
    plain_scalar,
)

# Characters no value may hold here: C0/C1 controls (tab, CR, NEL among them), DEL, the
# line and paragraph separators (line breaks to libyaml), BOM, non-characters and lone
# surrogates. Everything else libyaml reads as printable, as it is.
_ODD = "\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff\\ud800-\\udfff"

# A plain scalar of one line: no indicator first (YAML's, plus "?" ":" which may start
# one in some cases, and any white space; "-" only before a non-space), no "#" anywhere,
# ":" only before a non-space, no space last. Flow indicators inside are text in block
# context.
_PLAIN = rf"""(?:[^\s\-?:,\[\]{{}}#&*!|>'"%@`{_ODD}]|-(?=[^\s{_ODD}]))[^#:{_ODD}]*(?::(?=\S)[^#:{_ODD}]*)*(?<!\ )"""

# One entry (plus the empty and comment lines after it): "key:" or "- key:" with its
# value, or "-" with a scalar item. A decimal integer (no sign, no leading zero) has a
# group of its own: int() is all it needs. A literal block's lines are all in its
# entry's match: the first sets the indentation (`bi`); the block goes on while lines
# start with it or are empty.
_GAP = rf"(?:\n|\#[^{_ODD}]*\n)*"  # empty lines, and comment lines at column 0
# An entry starts a line: `(?<![^\n])` lets re.split try the rest only at line starts. A
# mid-line start never gives a match `read` keeps (the entries must cover the text back to
# back, each ending with a line break), but trying one at every character of a long run
# of blanks (`(\ *)` eats the run, then backtracks over it) cost O(n²): minutes for one
# 512 KB file (tests/unit/test_hostile_regex.py).
_ENTRY = re.compile(
    rf"""(?<![^\n])(?:\A{_GAP})?(\ *)(?:(-\ )?([A-Za-z_][A-Za-z0-9_-]{{0,127}}):|-)
      (?:\ (?:(0|[1-9][0-9]{{0,17}})(?=\n)|({_PLAIN})|("[^"\\{_ODD}]*")|('[^'{_ODD}]*'))\n
        |\ \|\n(\ +)([^\ {_ODD}][^{_ODD}]*\n(?:\8[^{_ODD}]*\n|\n)*)
        |\n){_GAP}""",
    re.VERBOSE,
)

_MAX_ENTRIES = MAX_NODES // 2 - 1  # an entry makes at most two nodes; the root is one
_MAX_OPEN = MAX_DEPTH - 2  # open blocks; a value lies at most one below the last


_NOT_SCALAR = object()


def _item(num: str | None, plain: str | None, dq: str | None, sq: str | None) -> Any:
    """The value of a scalar item ("- VALUE"), or _NOT_SCALAR (read's loop, for keys'
    values, does the same inline)."""
    if num is not None:
        return int(num)
    if plain is not None:
        return plain_scalar(plain)
    if dq is not None:
        return dq[1:-1]
    return _NOT_SCALAR if sq is None else sq[1:-1]


def read(text: str) -> dict[str, Any] | None:
    """The mapping `text` holds, as libyaml + `yamlplain.plain_value` read it, or None
    when `text` is not in the subset this module reads (see the module docstring)."""
    if text.count("\n") > _MAX_ENTRIES:
        return None
    # [text before the first entry, 9 groups, text between it and the next entry, ...]:
    # every entry's groups, and whether the entries cover the text back to back (the
    # first entry's match takes the empty and comment lines that start the file)
    parts = _ENTRY.split(text)
    if len(parts) == 1 or any(parts[::10]):
        return None
    words, number_start = _WORDS, _NUMBER_START
    root: dict[str, Any] = {}
    stack: list[tuple[int, Any]] = [(0, root)]  # open blocks, innermost last
    top: Any = root  # the innermost open block (a dict or a list), at top_indent
    top_indent, top_is_map = 0, True
    pending: tuple[dict[str, Any], str, int] | None = None  # a "key:" awaiting its block
    groups = iter(parts)
    next(groups)
    for ind, dash, key, num, plain, dq, sq, bi, body, _ in zip(*[groups] * 10, strict=True):
        n = len(ind)
        if pending is not None:
            owner, owner_key, owner_indent = pending
            pending = None
            if n > owner_indent:  # the block below "key:" opens here
                if len(stack) >= _MAX_OPEN:
                    return None
                top_is_map = key is not None and dash is None
                top = owner[owner_key] = {} if top_is_map else []
                top_indent = n
                stack.append((n, top))
            # else "key:" has nothing below: an empty plain scalar, null (set below)
        if n != top_indent:  # back to an open block's indentation, or given up
            while stack[-1][0] > n:
                stack.pop()
            top_indent, top = stack[-1]
            if top_indent != n:
                return None  # deeper than the innermost block (a continuation), or between
            top_is_map = type(top) is dict
        if key is None:  # "- VALUE": a scalar item
            value = _item(num, plain, dq, sq)
            if top_is_map or value is _NOT_SCALAR:
                return None  # "- " at a mapping's indentation; "-" alone, "- |"
            top.append(value)
            continue
        if dash is not None:  # "- key: VALUE": a mapping as an item
            if top_is_map or len(stack) >= _MAX_OPEN:
                return None
            item: dict[str, Any] = {}
            top.append(item)
            n += 2
            stack.append((n, item))
            top_indent, top = n, item
            top_is_map = True
        elif not top_is_map:
            return None  # a key at a sequence's indentation
        if key in top:
            return None  # a duplicate key: the positioned path reports it
        if num is not None:
            top[key] = int(num)
        elif plain is not None:
            value = words.get(plain, plain)
            if value is plain and plain[0] in number_start:
                value = _number(plain)
            top[key] = value
        elif dq is not None or sq is not None:
            top[key] = (dq or sq)[1:-1]
        elif body is not None:
            if len(bi) <= n or " \n" in body:
                return None
            top[key] = body.replace("\n" + bi, "\n").rstrip("\n") + "\n"
        else:
            top[key] = None  # an empty plain scalar, unless a block opens below
            pending = (top, key, n)
    return root
