"""The findings as a Markdown document: the job summary and the pull-request comment."""

from __future__ import annotations

from generator.findings import CheckResult, Finding
from generator.report.base import summary_vi

# a marker that lets the workflow find and update its own comment instead of adding one
COMMENT_MARKER = "<!-- kiemdiem-check -->"


def _cell(text: str) -> str:
    """Escape for a Markdown table cell: no HTML, no pipes, no line breaks."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\n", "<br>")
    )


def findings_table(result: CheckResult, findings: list[Finding], *, title: str) -> str:
    lines = [COMMENT_MARKER, f"## {title}", "", summary_vi(result.files_checked, findings), ""]
    if findings:
        lines += [
            "| Tệp | Dòng | Mức | Mã | Nội dung | Cách sửa |",
            "|---|---:|---|---|---|---|",
        ]
        for f in findings:
            lines.append(
                f"| `{_cell(f.path)}` | {f.line} | {f.severity.label_vi} | `{f.code}` "
                f"| {_cell(f.message)} | {_cell(f.hint)} |"
            )
    else:
        lines.append("Mọi tệp đều hợp lệ. ✅")
    return "\n".join(lines) + "\n"
