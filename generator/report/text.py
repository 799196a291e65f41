"""Plain text for terminals: `file:line:column: lỗi [code] message` and an indented hint.

Paths, messages and hints quote submitted text, so every line goes through
`generator.report.safe.visible`: no control character (ANSI/OSC escape, CR, BEL…) and no
bidi or zero-width character reaches the terminal as itself.
"""

from __future__ import annotations

from generator.findings import CheckResult, Finding
from generator.report.base import Reporter, summary_vi
from generator.report.safe import visible, visible_lines


def format_finding(f: Finding) -> str:
    rule = f" ({visible(f.rule)})" if f.rule else ""
    lines = [
        f"{visible(f.path)}:{f.line}:{f.column}: {f.severity.label_vi} [{visible(f.code)}]"
        f"{rule} {visible(f.message)}"
    ]
    if f.hint:
        hint_lines = visible_lines(f.hint)
        lines.append(f"    Gợi ý: {hint_lines[0]}")
        lines.extend(f"        {h}" for h in hint_lines[1:])
    return "\n".join(lines)


class TextReporter(Reporter):
    name = "text"

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        for f in findings:
            print(format_finding(f), file=self.stream)
        print(summary_vi(result.files_checked, findings), file=self.stream)
