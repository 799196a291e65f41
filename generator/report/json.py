"""A stable machine format (version 1). Keys are English; texts are Vietnamese."""

from __future__ import annotations

import json

from generator.findings import CheckResult, Finding, Position, Severity
from generator.privacy.findings import actor_of
from generator.report.base import Reporter
from generator.report.safe import inert_json

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
        # who must act, never empty: the finding's own, else its file's writer (the
        # roster's and the year file's: the organization board)
        "actor": actor_of(f),
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
        # a message quoting a value holds no character a terminal would obey or hide
        self.stream.write(inert_json(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")


class ReportError(ValueError):
    """A JSON report that is not what `JsonReporter` writes (Vietnamese message)."""


MAX_FINDINGS = 100_000
MAX_TEXT = 4_000
_TEXT_KEYS = ("code", "path", "message", "hint")


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key)
    if value is None and key == "hint":
        return ""
    if not isinstance(value, str):
        raise ReportError(f"mục `{key}` của một vấn đề không phải chuỗi.")
    return value[:MAX_TEXT]


def _number(item: dict[str, object], key: str) -> int:
    value = item.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10**7:
        raise ReportError(f"mục `{key}` của một vấn đề không phải số dòng/cột hợp lệ.")
    return value


def read_report(text: str) -> tuple[CheckResult, list[Finding]]:
    """The findings of a report written by `JsonReporter`, read as untrusted data: every
    field is type-checked and bounded (the privileged comment job reads a report that a
    pull request's run produced)."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ReportError("báo cáo không phải JSON hợp lệ.") from exc
    if not isinstance(doc, dict) or doc.get("version") != FORMAT_VERSION:
        raise ReportError(f"báo cáo không phải định dạng phiên bản {FORMAT_VERSION}.")
    items = doc.get("findings")
    checked = doc.get("files_checked")
    if not isinstance(items, list) or len(items) > MAX_FINDINGS:
        raise ReportError("mục `findings` không phải danh sách hợp lệ.")
    if not isinstance(checked, int) or isinstance(checked, bool) or checked < 0:
        raise ReportError("mục `files_checked` không hợp lệ.")
    findings = []
    for item in items:
        if not isinstance(item, dict):
            raise ReportError("một vấn đề không phải đối tượng JSON.")
        try:
            severity = Severity(item.get("severity"))
        except ValueError as exc:
            raise ReportError("mức của một vấn đề không hợp lệ.") from exc
        code, path, message, hint = (_text(item, k) for k in _TEXT_KEYS)
        position = Position(_number(item, "line"), _number(item, "column"))
        findings.append(Finding(code, severity, path, position, message, hint))
    return CheckResult(findings, checked), findings
