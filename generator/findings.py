"""Findings: what `check` (and the rating engine) reports, as plain values.

A finding is data, never an exception: parse failures, schema violations, cross-file
problems and rule violations all become `Finding` objects that flow through the same
loop and are shown by one of the reporters in `generator.report`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator import messages


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def label_vi(self) -> str:
        return messages.SEVERITY_VI[self.value]


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int = 1


@dataclass(frozen=True)
class Finding:
    """One problem at one place.

    `code` is stable (tests, documentation and users can name it); `message` and `hint`
    are Vietnamese sentences a non-programmer can act on; `path` is relative to the
    repository root, with forward slashes.
    """

    code: str
    severity: Severity
    path: str
    position: Position
    message: str
    hint: str = ""
    # the rule id from RULES.md when the finding comes from a rule (e.g. "132-M5")
    rule: str = ""
    # who must act: "member", "chi_bo", "committee", "board" (the organization board)
    actor: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def column(self) -> int:
        return self.position.column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.position.line, self.position.column, self.code)


def make(
    code: str,
    path: str,
    position: Position,
    *,
    variant: str = "",
    hint_key: str = "",
    rule: str = "",
    actor: str = "",
    related: Iterable[str] = (),
    extra: dict[str, object] | None = None,
    **params: Any,
) -> Finding:
    """The one way to make a finding: `code`'s catalog entry (generator.messages) rendered
    with `params`, at `path:position`.

    `variant`/`hint_key` choose a wording or hint of the entry (see `messages.render`);
    `related` lists other files involved (shown by `check --changed-since` when one of them
    changed); `actor` defaults to the entry's.
    """
    if rule:
        params.setdefault("rule", rule)
    text, hint, severity = messages.render(code, variant=variant, hint_key=hint_key, **params)
    entry = messages.CATALOG[f"{code}/{variant}" if variant else code]
    more: dict[str, object] = dict(extra or {})
    related = list(related)
    if related:
        more["related"] = related
    return Finding(
        code, Severity(severity), path, position, text, hint, rule, actor or entry.actor, more
    )


@dataclass
class CheckResult:
    """Everything a check run found, plus what it looked at."""

    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0
