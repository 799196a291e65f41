"""`check --author`: the facts a committee writes into a member's review.

The member schema classes some properties ``x-pham-vi: cap-uy`` (generator.privacy): what
the committees that decide record — discipline (``ky_luat``), the conclusion of
degradation (``ket_luan_suy_thoai``), a violation of what members must not do
(``vi_pham_dieu_cam``), sick and maternity leave (``nghi_om_thang``,
``nghi_thai_san_thang``), the committee's internal note. They set the member's ceiling
(366-M4: suy thoái, discipline, a violation -> KHTNV; 366-M7: sick leave >= 3 months or
maternity; 366-M8; 132-M4/124-M4 before 2025), so they are the committee's to write, never
the member's, although the member owns the file (generator.forge.owners) — DESIGN.md's
trust model: a pull request touches only what its author may change.

Finding ``auth-committee-field`` (error, at the changed line; for a removal, the line where
the property was; line 1 for a deleted file): an account adds, edits or removes such a
property of a member's review without being entitled to. The member themself never is —
not even as the chi bộ's secretary or on the board (as ``auth-own-rating``); anyone else is
when on the chi bộ's committee, among the file's owners, or on the board. The properties
are read from the base commit's schema (generator.forge.judge), never from the change.

A review moved to another place (a transfer between chi bộ, ``auth-transfer`` in
generator.forge.judge) is compared with the file it came from, not read as a new file
beside a deleted one: carrying the committee's facts unchanged is no change of them
(``member_moves``). A new year's review starts without them: `kiemdiem new member` carries
a member's identity and standing facts, never the committee's facts
(generator.forge.earlierfacts.MEMBER_FACTS, STANDING_FACTS),
and `kiemdiem new year` carries no member review.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

from generator import gitrepo
from generator.findings import Finding, Position, make
from generator.forge.authorize import Change
from generator.forge.owners import owners_of
from generator.forge.roster import Account, Roster
from generator.gitrepo import PathChange
from generator.messages.auth import FIELD_VERB_VI
from generator.privacy import Scope, ScopeTree, schema_scope_tree
from generator.submissions import layout
from generator.submissions.layout import Kind
from generator.submissions.yamlload import Document, loads

MEMBER_SCHEMA = "schema/dang-vien.schema.json"
FieldPath = tuple[str, ...]
_ABSENT = object()


def committee_fields(repo: Path, base: str) -> list[FieldPath]:
    """The member schema's committee-written properties (`x-pham-vi: cap-uy`), as key
    paths, read from the schema at commit `base`."""
    raw = gitrepo.file_at(repo, base, MEMBER_SCHEMA)
    if raw is None:  # a base without schema/ (not a kiemdiem repository yet): the tree's
        path = repo / MEMBER_SCHEMA
        raw = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    try:
        schema = json.loads(raw) if raw is not None else None
    except ValueError:
        schema = None
    return _topmost(schema_scope_tree(schema), ()) if isinstance(schema, dict) else []


def _topmost(node: ScopeTree, prefix: FieldPath) -> list[FieldPath]:
    """The outermost properties of class cap-uy below `node` (their contents go with them).
    Only mappings are descended: the schema classes no property inside a list's items."""
    out: list[FieldPath] = []
    for key, child in node.children.items():
        if child.scope is Scope.CAP_UY:
            out.append((*prefix, key))
        elif child.scope < Scope.CAP_UY:
            out += _topmost(child, (*prefix, key))
    return out


def _get(data: Any, path: FieldPath) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return _ABSENT
        data = data[key]
    return data


def _span(doc: Document, path: FieldPath, value: Any) -> range:
    """The lines a property occupies, from its key to its last key or value."""
    lines = [doc.key_pos(path).line]
    stack: list[tuple[tuple[Any, ...], Any]] = [(path, value)]
    while stack:
        at, v = stack.pop()
        lines.append(doc.value_pos(at).line)
        if isinstance(v, dict):
            stack += [((*at, k), x) for k, x in v.items()]
            lines += [doc.key_pos((*at, k)).line for k in v]
        elif isinstance(v, list):
            stack += [((*at, i), x) for i, x in enumerate(v)]
    return range(min(lines), max(lines) + 1)


def _matched(before: bytes | None, after: bytes | None) -> tuple[list[Any], int]:
    """The line-by-line match of two texts (difflib's opcodes), and the new text's lines."""
    a = (before or b"").decode("utf-8", "replace").splitlines()
    b = (after or b"").decode("utf-8", "replace").splitlines()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), len(b)


def _line_now(before: bytes, after: bytes, old_line: int) -> int:
    """Where line `old_line` of the base's text is (or was, when removed) in the new text."""
    opcodes, lines = _matched(before, after)
    for tag, i1, i2, j1, _ in opcodes:
        if i1 <= old_line - 1 < i2:
            line = j1 + (old_line - 1 - i1 if tag == "equal" else 0) + 1
            return max(1, min(line, lines))
    return 1


def field_changes(change: Change, fields: list[FieldPath]) -> list[tuple[FieldPath, str, int]]:
    """(property, "create" | "edit" | "delete", line in the new file) for each property in
    `fields` whose value differs between the base and the change. Nothing for a new text that
    cannot be read (a tab-indented line, a YAML error, not a mapping): its load error is
    the finding, and the committee's facts it may still hold are not "removed"."""
    before = loads(change.before).document if change.before is not None else None
    after = loads(change.after).document if change.after is not None else None
    if change.after is not None and (after is None or not isinstance(after.data, dict)):
        return []
    out = []
    for path in fields:
        old = _get(before.data, path) if before is not None else _ABSENT
        new = _get(after.data, path) if after is not None else _ABSENT
        if old == new:
            continue
        if new is _ABSENT:
            line = 1
            if before is not None and change.before is not None and change.after is not None:
                line = _line_now(change.before, change.after, before.key_pos(path).line)
            out.append((path, "delete", line))
            continue
        assert after is not None
        span = _span(after, path, new)
        touched = [n for n in span if n in change.changed_lines]
        out.append((path, "create" if old is _ABSENT else "edit", (touched or [span.start])[0]))
    return out


def member_moves(changes: list[PathChange]) -> dict[str, str]:
    """New path -> base path of each member review the change moves: the review of one
    member in one year leaves one path and arrives at another, whether Git pairs the two as
    a rename or (rewritten too much for that) sees a deletion and an addition. A member
    with more than one review leaving or arriving that year is not paired (each file is
    then judged on its own, as a deletion and a creation)."""
    gone: dict[tuple[int, str], list[str]] = {}
    came: dict[tuple[int, str], list[str]] = {}
    for c in changes:
        sides = [(gone, c.old_path or c.path)] if c.status in ("D", "R") else []
        sides += [(came, c.path)] if c.status in ("A", "R") else []
        for side, path in sides:
            f = layout.classify(path)
            if f.kind is Kind.MEMBER and f.year is not None:
                member = path.rsplit("/", 1)[-1].removesuffix(".yaml")
                side.setdefault((f.year, member), []).append(path)
    return {
        came[key][0]: gone[key][0]
        for key in gone.keys() & came.keys()
        if len(gone[key]) == len(came[key]) == 1 and gone[key] != came[key]
    }


def _from_source(change: Change, source: Change) -> Change:
    """`change` (a moved review) as an edit of the file it came from: the source's base
    text before, the lines that differ from it changed."""
    lines: set[int] = set()
    for tag, _, _, j1, j2 in _matched(source.before, change.after)[0]:
        if tag != "equal":  # a pure deletion sits after line j1: mark both neighbours
            lines.update(range(j1 + 1, j2 + 1) if j2 > j1 else (j1, j1 + 1))
    return Change(change.path, source.before, change.after, frozenset(lines))


def entitled(
    account: Account | None, change: Change, roster: Roster, open_year: int | None
) -> bool:
    """May `account` write the committee's facts into the member review `change.path`?"""
    f = layout.classify(change.path)
    member_id = change.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    if account is None or account.member_id == member_id:
        return False  # never one's own facts, whatever seat or role the account has
    org_id = layout.org_id_of_folder(f.org_folder or "")
    owners = owners_of(change.path, roster, open_year=open_year)
    return account.board or account.sits_on(org_id) or owners.allows(account)


def committee_field_findings(
    changes: list[Change],
    login: str,
    roster: Roster,
    fields: list[FieldPath],
    *,
    open_year: int | None,
    moves: dict[str, str] | None = None,
) -> list[Finding]:
    """`auth-committee-field` for each committee fact of a member review that `login`
    changed without being entitled to. `moves` (`member_moves`): a moved review is judged
    at its new path against its source, and the source's deletion is not judged again."""
    account = roster.find(login)
    moves = moves or {}
    by_path = {c.path: c for c in changes}
    out: list[Finding] = []
    for change in changes:
        if change.after is None and change.path in moves.values():
            continue  # moved: its facts are compared at the new path
        if moves.get(change.path) in by_path:
            change = _from_source(change, by_path[moves[change.path]])
        f = layout.classify(change.path)
        if f.kind is not Kind.MEMBER or not fields:
            continue
        if entitled(account, change, roster, open_year):
            continue
        member_id = change.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        own = account is not None and account.member_id == member_id
        for path, action, line in field_changes(change, fields):
            out.append(
                make(
                    "auth-committee-field",
                    change.path,
                    Position(line, 1),
                    variant="own" if own else "",
                    extra={"author": login, "field": ".".join(path), "action": action},
                    field=".".join(path),
                    verb=FIELD_VERB_VI[action],
                    member=member_id,
                    login=login,
                    org=layout.org_id_of_folder(f.org_folder or ""),
                )
            )
    return out
