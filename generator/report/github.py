"""GitHub (and Gitea/Forgejo) Actions: workflow-command annotations plus a job summary.

The first `MAX_ANNOTATIONS` findings become `::error file=…,line=…::` annotations shown at
the line in the pull request; every finding goes to the Markdown table written to
`$GITHUB_STEP_SUMMARY` when it is set (and to standard output in text form either way).

The runner reads every output line that starts with `::` as a command, so:

* annotation data and properties are encoded (`generator.report.safe.command_data`,
  `command_property`): a value cannot end its command or start another;
* the text form is printed between `::stop-commands::<random token>` and `::<token>::`,
  so no line of it is a command whatever a file name or value holds;
* the summary stays under GitHub's 1 MiB limit for a step (larger summaries are dropped
  whole): rows that do not fit are left out, with a pointer to the full report.
"""

from __future__ import annotations

import os
import secrets

from generator.findings import CheckResult, Finding, Severity
from generator.report.base import Reporter
from generator.report.markdown import HEADER, finding_row, findings_table
from generator.report.safe import command_data, command_property
from generator.report.text import TextReporter

MAX_ANNOTATIONS = 10
# GitHub drops a step summary larger than 1 MiB; leave room for the forge's own lines
MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024
REPORT_ARTIFACT = "kiemdiem-report"
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}
# Where the findings the annotations leave out are to be read. Gitea/Forgejo Actions set
# GITHUB_STEP_SUMMARY but showed nothing of it before Gitea 1.27 with a runner that uploads it
# (go-gitea/gitea#23721, PR #37500; #36098), nor annotations (#23722), and its artifact
# upload can be refused (README "Per forge"); the job's log holds every finding either way.
MORE_ON_GITHUB = "xem bảng đầy đủ trong phần tóm tắt (Summary) của lượt chạy."
MORE_ON_GITEA = (
    "xem đủ trong nhật ký (log) của bước kiểm tra này, ngay bên dưới: mỗi vấn đề một dòng, "
    "có tệp, dòng và cách sửa."
)


def on_gitea() -> bool:
    """Whether this runs in Gitea or Forgejo Actions (both also set GITHUB_ACTIONS=true)."""
    return "true" in (os.environ.get("GITEA_ACTIONS"), os.environ.get("FORGEJO_ACTIONS"))


def annotation(f: Finding) -> str:
    props = ",".join(
        [
            f"file={command_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"title={command_property(f'kiemdiem {f.code}')}",
        ]
    )
    body = f.message + (f"\nGợi ý: {f.hint}" if f.hint else "")
    return f"::{_COMMAND[f.severity]} {props}::{command_data(body)}"


def summary(result: CheckResult, findings: list[Finding], limit: int = MAX_SUMMARY_BYTES) -> str:
    """The job summary: the findings table, cut to `limit` bytes (UTF-8) at a row."""
    full = findings_table(result, findings, title="Kết quả kiểm tra hồ sơ")
    if len(full.encode("utf-8")) <= limit:
        return full
    all_lines = full.split("\n")
    lines = all_lines[: all_lines.index(HEADER[0])] + HEADER
    size = sum(len(line.encode("utf-8")) + 1 for line in lines) + 1024
    shown = 0
    for f in findings:
        row = finding_row(f)
        size += len(row.encode("utf-8")) + 1
        if size > limit:
            break
        lines.append(row)
        shown += 1
    lines += [
        "",
        f"_Bảng chỉ hiện {shown}/{len(findings)} vấn đề đầu tiên (giới hạn dung lượng của "
        f"phần tóm tắt). Báo cáo đầy đủ: tệp đính kèm (artifact) `{REPORT_ARTIFACT}` của lượt "
        "chạy này, và nhật ký (log) của bước kiểm tra._",
    ]
    return "\n".join(lines) + "\n"


class GithubReporter(Reporter):
    name = "github"

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        for f in findings[:MAX_ANNOTATIONS]:
            print(annotation(f), file=self.stream)
        if len(findings) > MAX_ANNOTATIONS:
            print(
                f"::notice title=kiemdiem::Còn {len(findings) - MAX_ANNOTATIONS} vấn đề khác — "
                + (MORE_ON_GITEA if on_gitea() else MORE_ON_GITHUB),
                file=self.stream,
            )
        token = secrets.token_hex(16)
        print(f"::stop-commands::{token}", file=self.stream)
        TextReporter(self.stream).report(result, findings)
        print(f"::{token}::", file=self.stream)
        path = os.environ.get("GITHUB_STEP_SUMMARY")
        if path:
            with open(path, "a", encoding="utf-8") as out:
                out.write(summary(result, findings))
