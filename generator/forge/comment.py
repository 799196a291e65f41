"""The pull-request comment: one per pull request, updated in place on each push.

The body starts with `COMMENT_MARKER` (generator/report/markdown.py) so the workflow can
find its own earlier comment and edit it instead of adding another. Forges cap a comment's
length (GitHub: 65,536 characters); a long table is cut and points to the job summary (on
Gitea/Forgejo, which may not show it: to the check job's log, generator.report.github).
"""

from __future__ import annotations

from generator.findings import CheckResult, Finding, Severity
from generator.report.github import on_gitea
from generator.report.markdown import findings_table
from generator.report.safe import md_literal

TITLE = "Kết quả kiểm tra hồ sơ"
MAX_CHARS = 60_000  # below GitHub's 65,536, leaving room for the forge's own additions
GUIDE = "generator/forge/HUONG_DAN.md"


def _footer(findings: list[Finding], author: str | None, actor: str | None) -> list[str]:
    lines = [""]
    if author:
        lines.append(f"Người gửi: <code>{md_literal(author)}</code>.")
    if actor and actor.lower() != (author or "").lower():
        lines.append(f"Người đẩy thay đổi: <code>{md_literal(actor)}</code>.")
    if any(f.severity is Severity.ERROR for f in findings):
        lines += [
            "",
            "**Cách sửa:** mở tệp ở cột *Tệp*, đến đúng *Dòng*, sửa theo cột *Cách sửa*, rồi "
            "lưu (commit) vào cùng nhánh; bình luận này tự cập nhật sau mỗi lần lưu. "
            f"Hướng dẫn đầy đủ: `{GUIDE}`.",
        ]
    lines += ["", "<sub>Bình luận do `kiemdiem check` tạo tự động.</sub>"]
    return lines


def comment_body(
    result: CheckResult,
    findings: list[Finding],
    *,
    author: str | None = None,
    actor: str | None = None,
) -> str:
    """The Markdown body of the sticky pull-request comment."""
    footer = "\n".join(_footer(findings, author, actor)) + "\n"
    body = findings_table(result, findings, title=TITLE)
    if len(body) + len(footer) <= MAX_CHARS:
        return body + footer
    # keep the header and as many rows as fit (one row per finding, in order)
    lines = body.rstrip("\n").split("\n")
    first_row = next(i for i, line in enumerate(lines) if line.startswith("|---")) + 1
    kept = lines[:first_row]
    size = sum(len(line) + 1 for line in kept) + len(footer) + 300
    for line in lines[first_row:]:
        if size + len(line) + 1 > MAX_CHARS:
            break
        kept.append(line)
        size += len(line) + 1
    shown = len(kept) - first_row
    kept.append("")
    where = "nhật ký (log) của bước kiểm tra" if on_gitea() else "phần tóm tắt (Summary)"
    kept.append(
        f"_Bảng chỉ hiện {shown}/{len(findings)} vấn đề đầu tiên; xem đủ trong {where} và tệp "
        "đính kèm (artifact) `kiemdiem-report` của lượt chạy kiểm tra._"
    )
    return "\n".join(kept) + "\n" + footer
