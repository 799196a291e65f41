"""A year's files and their facts (generator.check.yearindex), indexed by the ids a pull
request's scope is closed under (generator.check.scope): member stems, mismatched record
ids, persons, organization names, heads, the files naming or re-rating a member and the
organizations continuing one; and the unit a folder belongs to (scope's docstring, 1).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from generator.check.yearindex import Facts
from generator.submissions import layout


class Unbounded(Exception):
    """The scope cannot be bounded: load the whole year (the message says why)."""


def prefixes(folder: str) -> list[str]:
    parts = folder.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


@dataclass
class YearMap:
    """A year's files (paths relative to the year's folder) and their facts, looked up by
    the ids the closure follows."""

    root: str | None
    facts: dict[str, Facts | None]  # every file -> its facts (None: none to give)
    org: dict[str, Facts] = field(default_factory=dict)  # folder -> to-chuc.yaml's facts
    members_in: dict[str, list[str]] = field(default_factory=dict)  # folder -> member stems
    by_stem: dict[str, list[str]] = field(default_factory=dict)  # stem -> folders
    by_rid: dict[str, list[str]] = field(default_factory=dict)  # mismatched id -> folders
    by_person: dict[str, list[str]] = field(default_factory=dict)  # person digest -> folders
    by_name: dict[str, list[str]] = field(default_factory=dict)  # basename -> org folders
    heads: dict[str, list[str]] = field(default_factory=dict)  # member id -> folders headed
    named_by: dict[str, list[str]] = field(default_factory=dict)  # member -> folders naming
    re_raters: dict[str, list[str]] = field(default_factory=dict)  # member -> folders
    by_pred: dict[str, list[str]] = field(default_factory=dict)  # ke_thua_tu id -> folders
    folders: list[str] = field(default_factory=list)  # sorted, every folder holding a file

    @classmethod
    def build(cls, root: str | None, facts: dict[str, Facts | None]) -> YearMap:
        m = cls(root, facts)
        folders: set[str] = set()
        members_dir = "/" + layout.MEMBERS_DIR
        for rel, f in facts.items():
            folder, _, name = rel.rpartition("/")
            if folder.endswith(members_dir) and name.endswith(".yaml"):
                folder, stem = folder[: -len(members_dir)], name[:-5]
                m.members_in.setdefault(folder, []).append(stem)
                m.by_stem.setdefault(stem, []).append(folder)
                if f is not None and f.rid is not None:
                    m.by_rid.setdefault(f.rid, []).append(folder)
                if f is not None and f.person is not None:
                    m.by_person.setdefault(f.person, []).append(folder)
            elif f is not None:
                if name == layout.ORG_FILE:
                    m.org[folder] = f
                    m.by_name.setdefault(folder.rpartition("/")[2], []).append(folder)
                    if f.head:
                        m.heads.setdefault(f.head, []).append(folder)
                    for pred in f.preds:
                        m.by_pred.setdefault(pred, []).append(folder)
                else:
                    for member_id in f.members:
                        m.named_by.setdefault(member_id, []).append(folder)
                    for member_id in f.re_rated:
                        m.re_raters.setdefault(member_id, []).append(folder)
            folders.add(folder)
        m.folders = sorted(folders)
        return m

    def below(self, unit: str) -> list[str]:
        """The folders holding files inside `unit` (itself included)."""
        start = bisect.bisect_left(self.folders, unit)
        out = []
        for folder in self.folders[start:]:
            if folder != unit and not folder.startswith(unit + "/"):
                if folder > unit + "/":
                    break
                continue
            out.append(folder)
        return out

    def unit_of(self, folder: str) -> str:
        """The unit of `folder` (generator.check.scope's docstring, 1)."""
        chain = prefixes(folder)
        if not folder or chain[0] != self.root:
            raise Unbounded(f"{folder or 'the year'}: not below the root organization")
        for f in chain:
            facts = self.org.get(f)
            if facts is None or not facts.valid or facts.rid is not None:
                raise Unbounded(f"{f}: no valid organization file")
        if not self.org[chain[0]].upper:
            raise Unbounded("the root is not above grassroots")
        for f in chain[1:]:
            if not self.org[f].upper:
                return f
        if len(chain) == 1:
            raise Unbounded("a file of the root organization")
        return folder


__all__ = ["Unbounded", "YearMap", "prefixes"]
