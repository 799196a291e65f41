"""The reporter interface and the summary sentence every format shares."""

from __future__ import annotations

from typing import TextIO

from generator.findings import CheckResult, Finding, Severity


class Reporter:
    """Writes a check result. Subclasses implement `report`."""

    name = "base"

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def report(self, result: CheckResult, findings: list[Finding]) -> None:
        raise NotImplementedError


def summary_vi(files_checked: int, findings: list[Finding]) -> str:
    """'Đã kiểm tra 12 tệp: 2 lỗi, 1 cảnh báo.' (or 'không có lỗi')."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    notices = sum(1 for f in findings if f.severity is Severity.NOTICE)
    parts = []
    if errors:
        parts.append(f"{errors} lỗi")
    if warnings:
        parts.append(f"{warnings} cảnh báo")
    if notices:
        parts.append(f"{notices} lưu ý")
    tail = ", ".join(parts) if parts else "không có lỗi"
    return f"Đã kiểm tra {files_checked} tệp: {tail}."
