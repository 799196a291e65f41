"""GitHub (and Gitea/Forgejo) Actions: workflow-command annotations plus a job summary.

The first `MAX_ANNOTATIONS` findings become `::error file=…,line=…::` annotations shown at
the line in the pull request; every finding goes to the Markdown table written to
`$GITHUB_STEP_SUMMARY` when it is set (and to standard output in text form either way).
"""

from __future__ import annotations

import os

from generator.findings import CheckResult, Finding, Severity
from generator.report.base import Reporter
from generator.report.markdown import findings_table
from generator.report.text import TextReporter

MAX_ANNOTATIONS = 10
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = ",".join(
        [
            f"file={_escape_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"title={_escape_property(f'kiemdiem {f.code}')}",
        ]
    )
    body = f.message + (f"\nGợi ý: {f.hint}" if f.hint else "")
    return f"::{_COMMAND[f.severity]} {props}::{_escape_data(body)}"


class GithubReporter(Reporter):
    name = "github"

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        for f in findings[:MAX_ANNOTATIONS]:
            print(annotation(f), file=self.stream)
        if len(findings) > MAX_ANNOTATIONS:
            print(
                f"::notice title=kiemdiem::Còn {len(findings) - MAX_ANNOTATIONS} vấn đề khác — "
                "xem bảng đầy đủ trong phần tóm tắt (Summary) của lượt chạy.",
                file=self.stream,
            )
        TextReporter(self.stream).report(result, findings)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as out:
                out.write(findings_table(result, findings, title="Kết quả kiểm tra hồ sơ"))
