"""Plain text for terminals: `file:line:column: lỗi [code] message` and an indented hint."""

from __future__ import annotations

from generator.findings import CheckResult, Finding
from generator.report.base import Reporter, summary_vi


def format_finding(f: Finding) -> str:
    rule = f" ({f.rule})" if f.rule else ""
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity.label_vi} [{f.code}]{rule} {f.message}"]
    if f.hint:
        hint_lines = f.hint.splitlines()
        lines.append(f"    Gợi ý: {hint_lines[0]}")
        lines.extend(f"        {h}" for h in hint_lines[1:])
    return "\n".join(lines)


class TextReporter(Reporter):
    name = "text"

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        for f in findings:
            print(format_finding(f), file=self.stream)
        print(summary_vi(result.files_checked, findings), file=self.stream)
