"""`kiemdiem member MÃ [--format text|json]`: one member's record across all years.

For a request of access by the data subject (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15):
the data held in each year's review file with who may read it, the levels and who decided
them, the reasons with their rule ids and citations, and re-ratings by later years.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from generator.cli import UsageError, find_repo, require_schema
from generator.pipeline import Pipeline
from generator.privacy.access import YearRecord, as_json, member_record
from generator.report.safe import inert_json, visible, visible_text
from generator.vietnamese import exact_vi, re_rated_vi

HELP = "in toàn bộ hồ sơ của một đảng viên qua các năm (khi đảng viên yêu cầu xem dữ liệu của mình)"
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("member", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument("member_id", metavar="MÃ", help="mã đảng viên, ví dụ dv-101011")
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (đọc trên màn hình, mặc định) hoặc json (để lưu, gửi kèm văn bản trả lời)",
    )
    p.set_defaults(func=run)


# the words a reader of the text output sees for JSON's true / false / null
YES, NO, NONE = "có", "không", "—"


def _text(value: object) -> str:
    """One value in words: yes/no and "not stated" in Vietnamese, never Python's
    True/False/None; a number with a decimal comma and no `.0` (a score of 26 is held as
    26.0); control, bidi and zero-width characters shown as escapes, line breaks kept
    (generator.report.safe: the one sanitiser of terminal output)."""
    if value is True:
        return YES
    if value is False:
        return NO
    if value is None:
        return NONE
    if isinstance(value, float):
        return exact_vi(value)
    return visible_text(str(value))


def _block(value: dict[str, object] | list[object], indent: int) -> list[str]:
    """A nested value (a group or a list of records) as indented lines, the way it is
    written in the review file: `key: value`, and `- ` before each item of a list."""
    pad = " " * indent
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if v == "":
                continue
            if isinstance(v, list | dict) and v:
                out += [f"{pad}{_text(k)}:", *_block(v, indent + 2)]
            else:
                out += _keyed(f"{pad}{_text(k)}", v, indent)
        return out
    out = []
    for item in value:
        lines = _block(item, indent + 2) if isinstance(item, list | dict) else []
        if lines:  # the item's first line after its dash, the others below it
            out += [f"{pad}- {lines[0][indent + 2 :]}", *lines[1:]]
        else:  # a text of several lines: aligned after the dash
            first, *rest = _lines(item)
            out += [f"{pad}- {first}", *_indented(rest, indent + 2)]
    return out


def _scalar(value: object) -> str:
    """A value shown on its line: an empty group or list is "not stated"."""
    return NONE if isinstance(value, list | dict) else _text(value)


def _lines(value: object) -> list[str]:
    """The lines of a shown value (a YAML block's final line break is not a line)."""
    return _scalar(value).splitlines() or [""]


def _indented(lines: list[str], indent: int) -> list[str]:
    return [" " * indent + line if line.strip() else "" for line in lines]


def _keyed(head: str, value: object, indent: int) -> list[str]:
    """`head: value`; a text of several lines (a YAML block such as kiem_diem.uu_diem)
    as `head:` and its lines below, indented under the key (`indent`: the key's column)."""
    lines = _lines(value)
    if len(lines) == 1:
        return [f"{head}: {lines[0]}"]
    return [f"{head}:", *_indented(lines, indent + 2)]


def render_text(member_id: str, records: list[YearRecord]) -> str:
    name = next((str(s.value) for r in records for s in r.stored if s.key == "ho_ten"), member_id)
    lines = [f"Hồ sơ đảng viên {member_id} — {_text(name)}", ""]
    for r in records:
        org = f"{_text(r.org_name)} ({_text(r.org_id)})"
        lines.append(f"Năm {r.year} · {org} · bộ quy tắc {_text(r.ruleset)}")
        if r.retention_years:
            lines.append(f"  Thời hạn lưu giữ dữ liệu cá nhân: {r.retention_years} năm")
        if r.stored:
            lines.append("  Dữ liệu đang lưu giữ (mục · phạm vi người được xem · giá trị):")
            for s in r.stored:
                head = f"    {s.title} ({s.key}) · {s.scope.label_vi}"
                shown = s.words  # a choice in Vietnamese words, the rest as written
                if isinstance(shown, list | dict) and shown:
                    lines += [head + ":", *_block(shown, 6)]
                else:
                    lines += _keyed(head, shown, 4)
        else:
            lines.append("  Không có tệp bản kiểm điểm hợp lệ trong năm này.")
        v = r.verdict
        if v is None:
            lines.append("  Chưa có kết quả xếp loại.")
        else:
            level = v.rated_level  # what `rate` counts: none where X1 does not rate
            if level is not None:
                state = "dự kiến" if v.provisional else "đã quyết định"
                lines.append(f"  Kết quả: {level.code} — {level.label_vi} ({state})")
            elif not v.rated:
                why = v.not_rated.label_vi.lower() if v.not_rated else "không xếp loại"
                lines.append(f"  Không xếp loại: {why}")
            for label, level in (("Tự xếp loại", v.self_level), ("Chi bộ đề xuất", v.proposed)):
                if level is not None:
                    lines.append(f"  {label}: {level.code}")
            if v.proposed_votes:
                yes, no, abstain = v.proposed_votes
                lines.append(
                    f"  Biểu quyết của chi bộ: {yes} tán thành, {no} không tán thành, "
                    f"{abstain} không biểu quyết"
                )
            if v.decided is not None:
                lines.append(f"  Cấp ủy quyết định: {v.decided.code} ({_text(v.decided_by or '')})")
                if not v.rated:  # kept as held, but not a result (rule-decision-not-rated)
                    lines.append("    (không được tính: trường hợp này không xếp loại, X1)")
            if v.re_rated:
                lines.append(
                    f"  {re_rated_vi(r.year, v.re_rated[0])}: {v.re_rated[1].code} "
                    f"({_text(v.re_rated[2])})"
                )
            for reason in [*v.reasons, *v.flags]:
                lines.append(f"  - [{reason.rule}] {_text(reason.text)} — {_text(reason.citation)}")
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    repo = require_schema(args.repo.resolve() if args.repo else find_repo())
    member_id = args.member_id
    if not ID.fullmatch(member_id):
        raise UsageError(
            f"Mã đảng viên `{visible(member_id)}` không hợp lệ: chỉ gồm chữ thường không "
            "dấu, chữ số và dấu gạch ngang, ví dụ dv-101011."
        )
    rated = Pipeline(repo).rate(None)
    records = member_record(rated, member_id, repo / "schema")
    if not records:
        print(
            f"Không tìm thấy đảng viên {member_id} trong năm nào của submissions/. "
            "Kiểm tra lại mã (tên tệp dang-vien/<mã>.yaml).",
            file=sys.stderr,
        )
        return 1
    if args.format == "json":
        text = json.dumps(as_json(member_id, records), ensure_ascii=False, indent=2)
        sys.stdout.write(inert_json(text) + "\n")
    else:
        sys.stdout.write(render_text(member_id, records))
    return 0
