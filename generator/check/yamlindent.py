"""YAML repair of a key whose indentation matches no open level: which line to change
(the key itself, or the key above it that moved) and to which indentation.

Chosen by generator/check/yamlrepair.py (`explain_syntax`), which renders the result:
each function returns the repair as (line, column, catalog variant, parameters), the
shape generator/check/yamlbracket.py returns too. Nothing here changes a file.
"""

from __future__ import annotations

import itertools
from typing import Any

from generator.check.schemahints import group_of
from generator.check.yamlshape import Line, open_levels

Found = tuple[int, int, str, dict[str, Any]]


def indentation(lines: list[str], items: list[Line], at: Line) -> Found | None:
    """A key whose indentation matches no open level, or whose group's first key was
    moved to the left (then that key is the line to change)."""
    above = items[: items.index(at)]
    levels = open_levels(above)
    n = at.key_indent
    prev = next((i for i in reversed(above) if i.key is not None), None)
    if prev is None or any(level == n for level, _ in levels):
        return None
    if prev.opener and n > prev.key_indent:
        return None
    # `kiem_diem:` / `uu_diem: ...` at the same column / `  han_che: ...`: uu_diem moved left
    before = [i for i in above if i.key is not None and i.index < prev.index]
    group = before[-1] if before else None
    if (
        group is not None
        and group.opener
        and group.key_indent == prev.key_indent
        and n > prev.key_indent
        and not prev.dash
    ):
        fixed = " " * n + lines[prev.index].lstrip(" ")
        return (
            prev.index + 1,
            1,
            "group-key-left",
            {"line": prev.index + 1, "group": group.key, "next": at.index + 1, "fixed": fixed},
        )
    first = _odd_first_key(lines, items, prev, at)
    if first is not None:
        return first
    target, sibling = _nearest_level(levels, n, at.key or "")
    fixed = " " * (target - (2 if at.dash else 0)) + lines[at.index].lstrip(" ")
    return (
        at.index + 1,
        1,
        "indent",
        {
            "line": at.index + 1,
            "spaces": n,
            "expected": target,
            "sibling": sibling.index + 1,
            "fixed": fixed.rstrip(),
        },
    )


def _odd_first_key(lines: list[str], items: list[Line], prev: Line, at: Line) -> Found | None:
    """`nhiem_vu:` / `   duoc_giao: 6` / `  hoan_thanh: 6` / `  dung_han: 6`: the group's
    first key is the odd one out (PyYAML notices at the second); the keys after the error
    line agree with it, so the first key is the line to change."""
    n = at.key_indent
    pos = items.index(prev)
    owner = next((i for i in reversed(items[:pos]) if i.key is not None), None)
    if prev.dash or (owner is not None and not (owner.opener and owner.key_indent < n)):
        return None
    after = [i for i in items[items.index(at) + 1 :] if i.key is not None and not i.dash]
    following = next((i for i in after if i.key_indent <= n), None)
    if following is None or following.key_indent < n:  # no later sibling: the file's habit
        step = _usual_step(items)
        if owner is None or step is None or n - owner.key_indent != step:
            return None
    fixed = " " * n + lines[prev.index].lstrip(" ")
    return (
        prev.index + 1,
        1,
        "indent",
        {
            "line": prev.index + 1,
            "spaces": prev.key_indent,
            "expected": n,
            "sibling": at.index + 1,
            "fixed": fixed.rstrip(),
        },
    )


def _usual_step(items: list[Line]) -> int | None:
    """How far this file usually indents a group's keys (2 in the sample), when it has a
    habit: the most common step from a `key:` line to the key below it."""
    steps: dict[int, int] = {}
    for a, b in itertools.pairwise(items):
        if a.opener and b.key is not None and b.key_indent > a.key_indent:
            step = b.key_indent - a.key_indent
            steps[step] = steps.get(step, 0) + 1
    if not steps:
        return None
    best = max(steps.values())
    common = [s for s, count in steps.items() if count == best]
    return common[0] if len(common) == 1 and best > 1 else None


def _nearest_level(levels: list[tuple[int, Line]], n: int, key: str) -> tuple[int, Line]:
    """The open level a key at indent `n` most likely belongs to; on a tie a key known to
    belong in a group goes deeper, any other key shallower (where `#` was deleted)."""
    best = sorted(levels, key=lambda lv: (abs(lv[0] - n), lv[0]))
    if len(best) > 1 and abs(best[0][0] - n) == abs(best[1][0] - n) and group_of(key):
        return best[1]
    return best[0]
