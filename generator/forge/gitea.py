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
owners are the GitHub file's owners of that path: the catch-all board rule's lines match,
in each folder that holds a later line's path, what no later line matches (`board_lines`),
and a members folder's line leaves out the reviews that have a line of their own. Names are from the closed alphabet
(generator.forge.judge.name_problem), so `.` and `-` are the only characters to escape.
"""

from __future__ import annotations

import os
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


def patterns(rules: Sequence[_Rule]) -> list[list[str]]:
    """The Gitea lines' patterns of each rule, in order (none: a later rule decides all its
    paths, so the rule is left out). The first rule is the catch-all `*`, written as several
    lines (`board_lines`); the others are files (`/path`) or folders (`/folder/`), one line."""
    out: list[list[str]] = [[] for _ in rules]
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
            out[i] = [] if rest is None else [_esc(path) + rest]
        elif not decided:
            out[i] = [_esc(path)]
        (later_folders if folder else later_files).add(path)
        for a in _ancestors(path):
            under.setdefault(a, []).append((path, folder))
    if rules:
        out[0] = board_lines(later_files, later_folders)
    return out


# the longest folder list one board line holds, in characters (a line then stays near this
# plus what one folder holds; Gitea compiles each line as one Go regexp)
MAX_FOLDERS_CHARS = 4000


def board_lines(files: set[str], folders: set[str]) -> list[str]:
    """The catch-all's paths (every path no later line matches), as lines of bounded length.

    Each folder that holds a later line's path (the root, `submissions/`, the year, each
    organization) owns what in it is neither a later line's path nor in such a folder (that
    folder has it): a path's deepest such folder is the one that owns it. Folders whose
    contents the later lines split alike (every chi bộ without sub-organizations: its files
    and `dang-vien/`) share lines, `(?:folder|folder…)` then the one expression of what they
    own, at most MAX_FOLDERS_CHARS of folders a line. A single `!(…)` line grew with every
    organization of the year (a synthetic province of 1,690 organizations: one line of
    285,079 characters); a `!` line per folder would not do, as Gitea counts every matching
    line and `!` matches every path outside the folder too."""
    if not files and not folders:
        return [".*"]
    kept = sorted(
        (p, p in folders)
        for p in files | folders
        if not any(a in folders for a in _ancestors(p))  # a listed folder covers it
    )
    cut = sorted({a for p, _ in kept for a in ["", *_ancestors(p)]})
    by_content: dict[tuple[tuple[str, bool], ...], list[str]] = {}
    for folder in cut:
        inside: set[tuple[str, bool]] = set()
        for path, is_folder in kept:
            if path.startswith(folder):
                rest = path[len(folder) :]
                head, slash, _ = rest.partition("/")
                # a sub-folder's own lines have what it holds
                sub = slash and folder + head + "/" in cut
                inside.add((head + "/", True) if sub else (rest, is_folder))
        by_content.setdefault(tuple(sorted(inside)), []).append(folder)
    lines = []
    for content, group in by_content.items():
        root = _Node()
        for rest, is_folder in content:
            _insert(root, rest, is_folder)
        owned = _complement(root, True)
        if owned is None:
            continue
        for chunk in _chunks([_esc(f) for f in group]):
            lines.append(_prefixed(chunk) + owned)
    return sorted(lines)


def _chunks(items: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    size = 0
    for item in items:
        if out[-1] and size + len(item) > MAX_FOLDERS_CHARS:
            out.append([])
            size = 0
        out[-1].append(item)
        size += len(item) + 1
    return out


def _prefixed(folders: list[str]) -> str:
    """`(?:a|b)` of escaped folders, their common leading folders written once."""
    if len(folders) == 1:
        return folders[0]
    common = os.path.commonprefix(folders)  # noqa: RUF071 (cut at a "/" below)
    common = common[: common.rfind("/") + 1]
    return common + "(?:" + "|".join(f[len(common) :] for f in folders) + ")"
