"""GitLab Code Quality (a JSON array), shown by GitLab in merge requests at the line.

Each issue: ``description`` (the Vietnamese message and hint), ``check_name`` (the finding
code), ``fingerprint`` (a stable hash: code, file and message, plus a counter for repeats,
so a finding keeps its identity when lines above it move), ``severity`` and
``location.path`` / ``location.lines.begin``. See generator/forge/gitlab-ci.example.yml.
"""

from __future__ import annotations

import hashlib
import json

from generator.findings import CheckResult, Finding, Severity
from generator.report.base import Reporter
from generator.report.safe import inert_json

# a file that cannot be read at all blocks everything about it
_BLOCKER_PREFIXES = ("file-", "yaml-")
_CRITICAL_PREFIXES = ("auth-",)


def severity(f: Finding) -> str:
    """GitLab's scale: info, minor, major, critical, blocker."""
    if f.severity is Severity.NOTICE:
        return "info"
    if f.severity is Severity.WARNING:
        return "minor"
    if f.code.startswith(_BLOCKER_PREFIXES):
        return "blocker"
    if f.code.startswith(_CRITICAL_PREFIXES):
        return "critical"
    return "major"


def fingerprint(f: Finding, occurrence: int = 0) -> str:
    key = "\x00".join((f.code, f.path, f.message, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def issue(f: Finding, occurrence: int = 0) -> dict[str, object]:
    return {
        "type": "issue",
        "description": f.message + (f" Gợi ý: {f.hint}" if f.hint else ""),
        "check_name": f.code,
        "fingerprint": fingerprint(f, occurrence),
        "severity": severity(f),
        "location": {"path": f.path, "lines": {"begin": f.line}},
    }


class GitlabReporter(Reporter):
    name = "gitlab"

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        seen: dict[tuple[str, str, str], int] = {}
        out = []
        for f in findings:
            k = (f.code, f.path, f.message)
            out.append(issue(f, seen.get(k, 0)))
            seen[k] = seen.get(k, 0) + 1
        # a message quoting a value holds no character a terminal would obey or hide
        self.stream.write(inert_json(json.dumps(out, ensure_ascii=False, indent=2)) + "\n")
