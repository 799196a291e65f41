"""At most `LIMIT` findings a file: the rest told as one.

A file of a few dozen kilobytes can hold thousands of entries that are each wrong the same
way (a list of 20,000 items, each with a bad value): every one a finding, each with its
hint, then masked for privacy against every committee-only value of the file
(generator.privacy.minimize) — minutes of work for one file, in CI too, and a list nobody
reads. So a file's findings past the first `LIMIT` (in line order) are dropped, and one
finding at the first dropped one says how many are left and that a check after the fixes
shows them, with the severity of the worst of them (an error left is still an error:
the check fails as it would have).
"""

from __future__ import annotations

from collections import Counter

from generator.findings import Finding, Severity, make

LIMIT = 200  # findings shown of one file

_VARIANT = {Severity.ERROR: "", Severity.WARNING: "warning", Severity.NOTICE: "notice"}
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def cap_per_file(findings: list[Finding], limit: int = LIMIT) -> list[Finding]:
    """`findings` with each file's past the first `limit` (by position) replaced by one
    `file-too-many-findings` at the first of them; `findings` itself when none is over."""
    counts = Counter(f.path for f in findings)
    over = {path for path, n in counts.items() if n > limit}
    if not over:
        return findings
    by_path: dict[str, list[Finding]] = {path: [] for path in over}
    for f in findings:  # one pass: many files over the limit cost no more than one
        if f.path in by_path:
            by_path[f.path].append(f)
    dropped: dict[str, list[Finding]] = {}
    kept_ids: set[int] = set()
    for path, mine in by_path.items():
        mine.sort(key=Finding.sort_key)
        kept_ids.update(id(f) for f in mine[:limit])
        dropped[path] = mine[limit:]
    out = [f for f in findings if f.path not in over or id(f) in kept_ids]
    for path in sorted(over):
        rest = dropped[path]
        worst = min((f.severity for f in rest), key=_RANK.__getitem__)
        errors = sum(1 for f in rest if f.severity is Severity.ERROR)
        out.append(
            make(
                "file-too-many-findings",
                path,
                rest[0].position,
                variant=_VARIANT[worst],
                count=len(rest),
                errors=errors,
                limit=limit,
            )
        )
    return out


__all__ = ["LIMIT", "cap_per_file"]
