"""The findings as a Markdown document: the job summary and the pull-request comment.

Every cell goes through `generator.report.safe.md_cell`: a submitted value cannot end its
cell or row, or become a heading, link, image, code span, HTML or @mention.
"""

from __future__ import annotations

from generator.findings import CheckResult, Finding
from generator.report.base import summary_vi
from generator.report.safe import md_cell, md_literal

# a marker that lets the workflow find and update its own comment instead of adding one
COMMENT_MARKER = "<!-- kiemdiem-check -->"
HEADER = [
    "| Tệp | Dòng | Mức | Mã | Nội dung | Cách sửa |",
    "|---|---:|---|---|---|---|",
]


def finding_row(f: Finding) -> str:
    return (
        f"| <code>{md_literal(f.path)}</code> | {f.line} | {f.severity.label_vi} "
        f"| <code>{md_literal(f.code)}</code> | {md_cell(f.message)} | {md_cell(f.hint)} |"
    )


def findings_table(result: CheckResult, findings: list[Finding], *, title: str) -> str:
    lines = [COMMENT_MARKER, f"## {title}", "", summary_vi(result.files_checked, findings), ""]
    if findings:
        lines += HEADER
        lines += [finding_row(f) for f in findings]
    else:
        lines.append("Mọi tệp đều hợp lệ. ✅")
    return "\n".join(lines) + "\n"
