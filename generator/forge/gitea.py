"""CODEOWNERS rules in Gitea's (and Forgejo's) syntax, with the GitHub file's meaning.

Gitea reads `CODEOWNERS`, `docs/CODEOWNERS` or `.gitea/CODEOWNERS` (the first found) and
differs from GitHub in two ways that matter here (docs.gitea.com/usage/code-owners;
go-gitea/gitea models/issues/pull.go `ParseCodeOwnersLine`, services/issue/pull.go
`getMatchingCodeOwnerRules`, `HasAllRequiredCodeownerReviews`):

* a pattern is a Go regular expression, compiled as `^pattern$` and matched against the
  changed path without a leading `/`; a leading `!` makes the line match every path the
  expression does NOT match; the line is tokenized first, `\\` escaping the next character,
  so every backslash of the expression is written twice;
* EVERY matching line counts (there is no "last match wins"), and branch protection wants
  an approval from the owners of each matching line.

So each GitHub rule becomes the set of paths it decides under last-match-wins: the paths it
matches minus those a later rule matches. Every path then matches exactly one line, whose
owners are the GitHub file's owners of that path: the catch-all board line is
`!(…everything a later line matches…)`, and a members folder's line leaves out the reviews
that have a line of their own. Names are from the closed alphabet
(generator.forge.judge.name_problem), so `.` and `-` are the only characters to escape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


class _Rule(Protocol):
    @property
    def pattern(self) -> str: ...


def _esc(text: str) -> str:
    """A literal in a Gitea pattern: `.` escaped for the regexp, its backslash doubled for
    Gitea's tokenizer (`\\\\.` in the file is the regexp `\\.`)."""
    return text.replace(".", "\\\\.")


def _esc_class(char: str) -> str:
    return "\\\\" + char if char in ".-" else char


def _group(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@dataclass
class _Node:
    """A character trie of the paths (and folders) later lines decide."""

    children: dict[str, _Node] = field(default_factory=dict)
    end: bool = False  # an exact path ends here
    everything: bool = False  # a folder: all that follows is decided later


def _insert(root: _Node, rest: str, folder: bool) -> None:
    node = root
    for char in rest:
        node = node.children.setdefault(char, _Node())
    if folder:
        node.everything = True
    else:
        node.end = True


def _complement(node: _Node, start: bool) -> str | None:
    """A regexp for the continuations w of this node's prefix that no later line decides
    (w not empty when `start`); None when there is none."""
    if node.everything:
        return None
    alternatives = [] if node.end or start else [""]
    chars = sorted(node.children)
    alternatives.append(f"[^{''.join(_esc_class(c) for c in chars)}].*" if chars else ".+")
    for char in chars:
        sub = _complement(node.children[char], False)
        if sub is not None:
            alternatives.append(_esc(char) + sub)
    return _group(alternatives)


def _split(pattern: str) -> tuple[str, bool]:
    """A GitHub pattern this generator writes (`/path` or `/folder/`) as (path, is folder)."""
    return pattern.lstrip("/"), pattern.endswith("/")


def _ancestors(path: str) -> list[str]:
    parts = path.rstrip("/").split("/")
    return ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]


def patterns(rules: Sequence[_Rule]) -> list[str | None]:
    """The Gitea pattern of each rule, in order (None: a later rule decides all its paths,
    so the line is left out). The first rule is the catch-all `*`; the others are files
    (`/path`) or folders (`/folder/`)."""
    out: list[str | None] = [None] * len(rules)
    later_files: set[str] = set()
    later_folders: set[str] = set()
    under: dict[str, list[tuple[str, bool]]] = {}  # folder -> later paths below it
    for i in range(len(rules) - 1, 0, -1):
        path, folder = _split(rules[i].pattern)
        if any(a in later_folders for a in _ancestors(path)) or path in later_folders:
            decided = True
        else:
            decided = not folder and path in later_files
        if not decided and folder:
            root = _Node()
            for below, is_folder in under.get(path, []):
                _insert(root, below[len(path) :], is_folder)
            rest = _complement(root, True)
            out[i] = None if rest is None else _esc(path) + rest
        elif not decided:
            out[i] = _esc(path)
        (later_folders if folder else later_files).add(path)
        for a in _ancestors(path):
            under.setdefault(a, []).append((path, folder))
    out[0] = _catch_all(later_files, later_folders) if rules else None
    return out


def _catch_all(files: set[str], folders: set[str]) -> str:
    """`!(…)` of every path a later line matches, grouped by folder (a file under a folder
    that is itself listed is left out: the folder covers it)."""
    if not files and not folders:
        return ".*"
    by_dir: dict[str, list[str]] = {}
    for path in sorted(files | folders):
        if any(a in folders for a in _ancestors(path)):
            continue
        head, _, leaf = path.rstrip("/").rpartition("/")
        leaf_re = _esc(leaf) + ("/.*" if path in folders else "")
        by_dir.setdefault(head, []).append(leaf_re)
    parts = [(_esc(head) + "/" if head else "") + _group(leaves) for head, leaves in by_dir.items()]
    return "!" + _group(parts) if len(parts) > 1 else "!" + parts[0]
