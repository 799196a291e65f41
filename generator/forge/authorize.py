"""`check --author`: what an account may not change in a pull request.

Two findings, both errors at the place to undo:

* ``auth-not-allowed`` (line 1 of the file): the account does not own the changed file
  (generator.forge.owners); an account missing from the roster owns nothing; the board
  (``ban_to_chuc: true``) manages all data and may change any file;
* ``auth-own-rating`` (the changed line): a member changed their own line in a chi bộ's
  proposals (``de-xuat.yaml``: ``de_xuat``) or a committee's decisions (``quyet-dinh.yaml``:
  ``dang_vien``, ``xep_loai_lai``) — never allowed, even for a member who sits on the
  committee that owns the file.

A line counts as changed when the file's diff against the base touches it, or when the
member's entries differ as data (which also catches an entry removed or moved).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import gitrepo
from generator.findings import Finding, Position, make
from generator.forge.owners import Area, owners_of
from generator.forge.roster import ROSTER_PATH, Account, Roster
from generator.messages.auth import FILE_LABEL_VI, VERB_VI
from generator.submissions import layout
from generator.submissions.layout import Kind
from generator.submissions.yamlload import Document, loads

# the lists of a file whose entries carry one member's rating, by file kind
RATING_LISTS: dict[Kind, tuple[str, ...]] = {
    Kind.PROPOSALS: ("de_xuat",),
    Kind.DECISIONS: ("dang_vien", "xep_loai_lai"),
}
_FILE_LABEL = {
    Kind.PROPOSALS: FILE_LABEL_VI["proposals"],
    Kind.DECISIONS: FILE_LABEL_VI["decisions"],
}
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


@dataclass(frozen=True)
class Change:
    """One changed file: its text at the base (None: new) and now (None: deleted)."""

    path: str
    before: bytes | None
    after: bytes | None
    changed_lines: frozenset[int] = frozenset()


def read_changes(repo: Path, base: str, paths: Iterable[str]) -> list[Change]:
    """The changes of `paths` since commit `base` (working tree included)."""
    out = []
    for path in paths:
        before = gitrepo.file_at(repo, base, path)
        full = repo / path
        after = full.read_bytes() if full.is_file() and not full.is_symlink() else None
        lines: set[int] = set()
        if after is not None:
            if before is None:
                lines = set(range(1, after.count(b"\n") + 2))
            else:
                diff = gitrepo.diff_zero_context(repo, base, path)
                for m in _HUNK.finditer(diff):
                    start, count = int(m.group(1)), int(m.group(2) or "1")
                    # a pure deletion (count 0) sits after line `start`: mark both neighbours
                    lines.update(range(start, start + count) if count else (start, start + 1))
        out.append(Change(path, before, after, frozenset(lines)))
    return out


def not_allowed(change: Change, login: str, account: Account | None, who: str) -> Finding:
    action = "delete" if change.after is None else ("create" if change.before is None else "edit")
    verb = VERB_VI[action]
    return make(
        "auth-not-allowed",
        change.path,
        Position(1, 1),
        variant="not-in-roster" if account is None else "",
        extra={"author": login},
        login=login,
        verb=verb,
        who=who,
        roster=ROSTER_PATH,
    )


def _entries(doc: Document | None, list_key: str, member_id: str) -> list[tuple[int, Any]]:
    """(index, entry) of `member_id`'s entries in list `list_key`."""
    if doc is None:
        return []
    items = doc.data.get(list_key)
    if not isinstance(items, list):
        return []
    return [
        (i, item)
        for i, item in enumerate(items)
        if isinstance(item, dict) and item.get("ma_dang_vien") == member_id
    ]


def _paths(value: Any, prefix: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _span(doc: Document, path: tuple[Any, ...], entry: Any) -> range:
    """The lines an entry occupies (from its first to its last key or value)."""
    lines = [doc.value_pos(p).line for p in _paths(entry, path)]
    lines += [doc.key_pos(p).line for p in _paths(entry, path)[1:]]
    return range(min(lines), max(lines) + 1)


def own_rating_changes(change: Change, kind: Kind, member_id: str) -> list[int]:
    """Lines (in the new file) where `member_id`'s own rating entries changed."""
    before = loads(change.before).document if change.before is not None else None
    after = loads(change.after).document if change.after is not None else None
    lines: list[int] = []
    for list_key in RATING_LISTS.get(kind, ()):
        old = [e for _, e in _entries(before, list_key, member_id)]
        new = _entries(after, list_key, member_id)
        touched = False
        for i, entry in new:
            assert after is not None
            span = _span(after, (list_key, i), entry)
            if any(line in change.changed_lines for line in span) or entry not in old:
                lines.append(span.start if span else 1)
                touched = True
        if not touched and old != [e for _, e in new]:
            # an own entry was removed (or the file was deleted)
            lines.append(after.key_pos((list_key,)).line if after is not None else 1)
    return sorted(set(lines))


def authorize(
    changes: list[Change], login: str, roster: Roster, *, open_year: int | None
) -> list[Finding]:
    """Findings for the changes under submissions/ that `login` may not make."""
    account = roster.find(login)
    findings: list[Finding] = []
    for change in changes:
        if not change.path.startswith(layout.SUBMISSIONS + "/"):
            continue
        owners = owners_of(change.path, roster, open_year=open_year)
        if owners.area is Area.OUTSIDE:
            continue
        # the board manages all data (schema/tai-khoan.schema.json: ban_to_chuc)
        if not owners.allows(account) and not (account is not None and account.board):
            findings.append(not_allowed(change, login, account, owners.who))
        kind = layout.classify(change.path).kind
        if account is None or account.member_id is None or kind not in RATING_LISTS:
            continue
        for line in own_rating_changes(change, kind, account.member_id):
            findings.append(
                make(
                    "auth-own-rating",
                    change.path,
                    Position(line, 1),
                    extra={"author": login},
                    member=account.member_id,
                    file_label=_FILE_LABEL[kind],
                    login=login,
                )
            )
    return findings
