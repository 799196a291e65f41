"""A stable machine format (version 1). Keys are English; texts are Vietnamese."""

from __future__ import annotations

import json

from generator.findings import CheckResult, Finding, Severity
from generator.report.base import Reporter

FORMAT_VERSION = 1


def finding_dict(f: Finding) -> dict[str, object]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "message": f.message,
        "hint": f.hint,
        "rule": f.rule or None,
        "actor": f.actor or None,
    }


class JsonReporter(Reporter):
    name = "json"

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        doc = {
            "version": FORMAT_VERSION,
            "files_checked": result.files_checked,
            "summary": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
            "findings": [finding_dict(f) for f in findings],
        }
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
