"""Findings of the rating engine for the deciding bodies (codes `rule-...`).

One function per code; each builds a `generator.findings.Finding` with its Vietnamese
message and hint. The codes are stable (tests and documentation name them):

| code | severity | meaning |
|---|---|---|
| rule-decision-above-ceiling | error | a decided level above what the rules allow (X2) |
| rule-head-above-unit | error | a head decided above the organization they head (132-L1, 124-L1) |
| rule-quota-exceeded | error | decided HTXSNV in a quota pool over its limit (132-M5, 132-O6, 124-M5, 366-M6) |
| rule-quota-provisional | warning | the pool would exceed its limit if the provisional levels were decided |
| rule-decision-without-review | error | a level decided for a member whose review is missing, a draft or broken (132-M9, X1) |
| rule-decision-not-rated | error | a level decided for someone the rules do not rate (132-M7, 124-M6) |
| rule-needs-decision | warning | the rules do not settle the level; the competent body must decide (124-O5, 366-M4, 366-M5) |
| rule-two-years-khtnv | warning | KHTNV two years running (X3) |
| rule-setting-invalid | error | a `cai_dat:` value the ruleset does not accept |
| rule-setting-unknown | warning | a `cai_dat:` name the year's ruleset does not use |
"""

from __future__ import annotations

from generator.findings import Finding, Position, Severity
from generator.rules.wording import level_text
from generator.submissions.records import Level


def _f(
    code: str,
    severity: Severity,
    path: str,
    pos: Position,
    message: str,
    hint: str,
    rule: str,
    actor: str,
    **extra: object,
) -> Finding:
    return Finding(code, severity, path, pos, message, hint, rule, actor, extra=dict(extra))


def decision_above_ceiling(
    path: str,
    pos: Position,
    *,
    subject: str,
    decided: Level,
    ceiling: Level,
    because: list[str],
    rules: list[str],
    related: list[str],
) -> Finding:
    return _f(
        "rule-decision-above-ceiling",
        Severity.ERROR,
        path,
        pos,
        f"Quyết định xếp loại {subject} mức {level_text(decided)}, cao hơn mức tối đa quy định "
        f"cho phép là {level_text(ceiling)}: " + "; ".join(because) + ".",
        f"Xem lại mức xếp loại: không được cao hơn {ceiling.code} (quy định "
        + ", ".join(rules)
        + "). Nếu hồ sơ kê khai sai, sửa hồ sơ trước.",
        rules[0],
        "committee",
        related=related,
    )


def head_above_unit(
    path: str,
    pos: Position,
    *,
    head: str,
    decided: Level,
    org_name: str,
    org_level: Level,
    rule: str,
    related: list[str],
) -> Finding:
    return _f(
        "rule-head-above-unit",
        Severity.ERROR,
        path,
        pos,
        f"Người đứng đầu {head} được xếp loại {level_text(decided)}, cao hơn mức của "
        f"{org_name} do mình đứng đầu ({level_text(org_level)}).",
        f"Người đứng đầu không được xếp loại cao hơn tổ chức mình phụ trách ({rule}): hạ xuống "
        f"tối đa {org_level.code}, hoặc xem lại mức của {org_name}.",
        rule,
        "committee",
        related=related,
    )


def quota_exceeded(
    path: str,
    pos: Position,
    *,
    pool: str,
    count: int,
    limit: int,
    basis: str,
    rule: str,
    subject: str,
) -> Finding:
    return _f(
        "rule-quota-exceeded",
        Severity.ERROR,
        path,
        pos,
        f"Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong {pool}: {count} {subject} được quyết "
        f"định HTXSNV, tối đa {limit} ({basis}).",
        f"Giảm số {subject} HTXSNV xuống tối đa {limit} ({rule}); dòng này là một trong những "
        "trường hợp vượt tỷ lệ (xếp theo thứ tự trong tệp).",
        rule,
        "committee",
        pool=pool,
        count=count,
        limit=limit,
    )


def quota_provisional(
    path: str,
    pos: Position,
    *,
    pool: str,
    count: int,
    limit: int,
    basis: str,
    rule: str,
    subject: str,
) -> Finding:
    return _f(
        "rule-quota-provisional",
        Severity.WARNING,
        path,
        pos,
        f"Theo mức dự kiến, {pool} có {count} {subject} đủ điều kiện HTXSNV nhưng tỷ lệ chỉ "
        f"cho phép tối đa {limit} ({basis}).",
        f"Khi quyết định, chỉ xếp tối đa {limit} {subject} HTXSNV ({rule}).",
        rule,
        "committee",
        pool=pool,
        count=count,
        limit=limit,
    )


def decision_without_review(
    path: str, pos: Position, *, member: str, why: str, rule: str, actor: str = "committee"
) -> Finding:
    return _f(
        "rule-decision-without-review",
        Severity.ERROR,
        path,
        pos,
        f"Đã xếp loại đảng viên {member} nhưng {why}.",
        "Đảng viên phải hoàn thành bản kiểm điểm trước khi được đề xuất và quyết định xếp "
        f"loại ({rule}); bỏ dòng này hoặc bổ sung bản kiểm điểm (trang_thai_ho_so: hoan_thanh).",
        rule,
        actor,
    )


def decision_not_rated(
    path: str, pos: Position, *, subject: str, why: str, rule: str, actor: str = "committee"
) -> Finding:
    return _f(
        "rule-decision-not-rated",
        Severity.ERROR,
        path,
        pos,
        f"Đã xếp loại {subject} nhưng trường hợp này không xếp loại: {why}.",
        f"Bỏ dòng xếp loại này ({rule}).",
        rule,
        actor,
    )


def needs_decision(
    path: str, pos: Position, *, subject: str, why: str, rule: str, actor: str
) -> Finding:
    return _f(
        "rule-needs-decision",
        Severity.WARNING,
        path,
        pos,
        f"Cần cấp có thẩm quyền quyết định mức xếp loại của {subject}: {why}.",
        f"Quy định không tự xác định được mức trong trường hợp này ({rule}); cấp ủy có thẩm "
        "quyền xem xét và ghi mức vào quyết định.",
        rule,
        actor,
    )


def two_years_khtnv(path: str, pos: Position, *, member: str, year: int, actor: str) -> Finding:
    return _f(
        "rule-two-years-khtnv",
        Severity.WARNING,
        path,
        pos,
        f"Đảng viên {member} Không hoàn thành nhiệm vụ 2 năm liền ({year - 1} và {year}).",
        "Chi bộ cần giúp đỡ đảng viên; việc xem xét đưa ra khỏi Đảng không tự động (X3).",
        "X3",
        actor,
    )


def setting_invalid(
    path: str, pos: Position, *, name: str, value: object, choices: tuple[object, ...], rule: str
) -> Finding:
    allowed = ", ".join(f"`{c}`" for c in choices)
    return _f(
        "rule-setting-invalid",
        Severity.ERROR,
        path,
        pos,
        f"Giá trị `{value}` của cài đặt `{name}` không hợp lệ.",
        f"Chọn một trong: {allowed} ({rule}).",
        rule,
        "board",
    )


def setting_unknown(
    path: str, pos: Position, *, name: str, ruleset: str, known: list[str]
) -> Finding:
    return _f(
        "rule-setting-unknown",
        Severity.WARNING,
        path,
        pos,
        f"Bộ quy tắc {ruleset} không dùng cài đặt `{name}`: cài đặt này không có tác dụng.",
        "Các cài đặt của bộ quy tắc này: "
        + (", ".join(f"`{k}`" for k in known) or "không có")
        + ".",
        "R0",
        "board",
    )
