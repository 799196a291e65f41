"""The class of a key as its writer meant it: a misspelled or misplaced key included.

`ScopeTree.of` gives a key the schema does not know its parent's class: `ngay_sinhh:` at
the top of a review is read as a whole-organization field. Yet a "did you mean" hint writes
its value back under the key it guesses (`Sửa dòng 5 thành: ngay_sinh: "1986-04-12"`), and a
member's review committed as `to-chuc.yaml` is told its `ngay_sinh` may be `ngay_thanh_lap`
— the birth date, in the pull request, its annotations and report.json.

So a key its own schema does not know has the narrowest class of what it may be: the key it
is guessed to be (`schema-unknown-key`'s `guess`), the same place in any record schema (a
member's `ky_luat[1].so_quyet_dinh` in an organization's file), and any field of that name
that names its own class in a schema (`ngay_sinh` in the wrong group). A key the schema knows
keeps its own schema's class. A key written without its colon (`ngay_sinh 25/12/1983`, a
yaml-syntax finding) or with words before it (`ghi_chu_noi_bo Mật: …`, read as the key
`ghi_chu_noi_bo Mật`) is read so too (generator.privacy.minimize), as the key written and
the key its hint guesses.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.findings import Finding
from generator.privacy import RECORD_SCHEMAS, Scope, ScopeTree, scope_tree

_GUESSING = ("schema-unknown-key", "yaml-syntax")  # findings that guess a key (`guesses`)


@dataclass(frozen=True)
class KeyScopes:
    """The classes of one file's keys, as written (`tree`: its own record schema's)."""

    tree: ScopeTree
    others: tuple[ScopeTree, ...] = ()  # every record schema's
    named: Mapping[str, Scope] = field(default_factory=dict)  # see `_named`
    guesses: Mapping[int, tuple[str, str]] = field(default_factory=dict)  # line: key, guess

    def meant(self, key: str, line: int) -> str | None:
        """The key a finding guesses the `key` written at `line` to be."""
        hit = self.guesses.get(line)
        return hit[1] if hit is not None and hit[0] == key else None

    def of(self, keys: Sequence[str], meant: Sequence[str | None] = ()) -> Scope:
        """The class of the value at `keys` (as written; `meant`: each one's guess)."""
        scope = self.tree.of(*keys)
        first = _first_unknown(self.tree, keys)
        if first is None:
            return scope
        guessed = [(meant[i] if i < len(meant) else None) or k for i, k in enumerate(keys)]
        scopes = [scope, self.tree.of(*guessed), *(t.of(*keys) for t in self.others)]
        scopes += [self.named[k] for k in keys[first:] if k in self.named]
        return max(scopes)


def _first_unknown(tree: ScopeTree, keys: Sequence[str]) -> int | None:
    """The index of the first of `keys` the schema does not have at its place."""
    node = tree
    for i, key in enumerate(keys):
        child = node.children.get(key)
        if child is None:
            return i
        node = child
    return None


@functools.cache
def _named(schema_dir: Path) -> dict[str, Scope]:
    """Field name -> the narrowest committee-only class a property of that name states
    itself (not inherited from its parent) in any record schema: `ngay_sinh`, `ky_luat`."""
    out: dict[str, Scope] = {}

    def walk(node: ScopeTree) -> None:
        for name, child in node.children.items():
            if child.scope > node.scope and child.scope >= Scope.CAP_UY:
                out[name] = max(out.get(name, child.scope), child.scope)
            walk(child)

    for kind in RECORD_SCHEMAS:
        try:
            walk(scope_tree(schema_dir, kind))
        except KeyError:
            continue
    return out


def key_scopes(schema_dir: Path, kind: str, findings: Sequence[Finding]) -> KeyScopes:
    """The classes of the keys of a `kind` file with these `findings` (its guesses)."""
    others = []
    for other in RECORD_SCHEMAS:
        try:
            others.append(scope_tree(schema_dir, other))
        except KeyError:
            continue
    guesses = {
        f.line: (str(f.extra["key"]), str(f.extra["guess"]))
        for f in findings
        # an unknown key, or a key written without its colon (yaml-syntax,
        # generator.check.yamlcolon): the key as written and the key guessed
        if f.code in _GUESSING and f.extra.get("guess") and "key" in f.extra
    }
    tree = scope_tree(schema_dir, kind)
    return KeyScopes(tree, tuple(others), _named(schema_dir.resolve()), guesses)


def parent_keys(finding: Finding) -> list[str]:
    """The keys of the mapping a finding's `pointer` names (`/ky_luat/0` -> `ky_luat`)."""
    pointer = str(finding.extra.get("pointer", ""))
    return [p for p in pointer.split("/") if p and not p.isdigit()]
