"""Outputs that cannot be turned against their reader (issue 9, item 5).

A finding quotes what a submitter wrote; these tests put hostile values into findings and
look at what each reader gets: the runner's command parser (workflow commands), a
CommonMark + GFM renderer (the job summary and the comment, rendered with markdown-it-py
as GitHub renders tables), and a terminal.
"""

from __future__ import annotations

import io
import re

import pytest
from markdown_it import MarkdownIt

from generator.findings import CheckResult, Finding, Position, Severity
from generator.forge.comment import comment_body
from generator.report.github import GithubReporter, annotation, summary
from generator.report.markdown import findings_table
from generator.report.text import TextReporter

HOSTILE = [
    "a\n::error file=x.yaml,line=1::giả mạo",
    "b\r\n::stop-commands::abc",
    "c\n## Tiêu đề giả\n@ban-to-chuc",
    "d` | ![ảnh](https://evil.example/x.png?leak=1) | `e",
    "f | [bấm vào](https://evil.example/) | g",
    "<img src=https://evil.example/y.png> <script>alert(1)</script>",
    "h\x1b]0;tiêu đề cửa sổ\x07\x1b[31mđỏ\x1b[0m\x1b[2J",
    "i\u202egnp.exe\u200b",
    "100%0A::error::j",
    "k,title=x:y",
]


def hostile_findings() -> list[Finding]:
    return [
        Finding(
            "schema-enum",
            Severity.ERROR,
            f"submissions/2026/x/dang-vien/dv-{i}.yaml",
            Position(i + 1, 3),
            f"Giá trị `{value}` không hợp lệ.",
            f"Sửa thành `{value}`.\nDòng hai của gợi ý.",
        )
        for i, value in enumerate(HOSTILE)
    ]


def commands(output: str) -> list[str]:
    """The lines the runner would read as workflow commands, honouring stop-commands."""
    out, stopped = [], None
    for line in output.split("\n"):
        line = line.rstrip("\r")
        if stopped is not None:
            if line == f"::{stopped}::":
                stopped = None
            continue
        if line.startswith("::"):
            out.append(line)
            m = re.fullmatch(r"::stop-commands::(.+)", line)
            if m:
                stopped = m.group(1)
    return out


def test_workflow_commands_are_only_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    stream = io.StringIO()
    findings = hostile_findings()
    GithubReporter(stream).report(CheckResult(findings, 10), findings)
    cmds = commands(stream.getvalue())
    # ten annotations, then the stop-commands that guards the text form: nothing else
    assert len(cmds) == 11
    assert all(c.startswith("::error file=submissions/2026/x/dang-vien/dv-") for c in cmds[:10])
    assert re.fullmatch(r"::stop-commands::[0-9a-f]{32}", cmds[10])
    # each annotation is one line whose message holds the value encoded
    for c in cmds[:10]:
        props, message = c[len("::error ") :].split("::", 1)
        assert set(dict(p.split("=", 1) for p in props.split(","))) == {
            "file",
            "line",
            "col",
            "title",
        }
        assert "\n" not in message and "\r" not in message and "\x1b" not in message
    assert "100%250A%3A%3Aerror" not in cmds[8]  # message data: ':' stays, '%' is encoded
    assert "100%250A::error::j" in cmds[8]


def test_annotation_properties_are_encoded() -> None:
    f = Finding("c", Severity.ERROR, "a,b:c\n%.yaml", Position(1, 1), "m")
    assert annotation(f).startswith("::error file=a%2Cb%3Ac%0A%25.yaml,line=1,col=1,")


def render(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("where", ["summary", "comment"])
def test_markdown_tables_stay_tables(where: str) -> None:
    findings = hostile_findings()
    result = CheckResult(findings, 10)
    text = (
        findings_table(result, findings, title="T")
        if where == "summary"
        else comment_body(result, findings, author="x\n# y", actor="@z")
    )
    html = render(text)
    # one table, one row per finding, six cells a row
    assert html.count("<table>") == 1
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    assert len(rows) == 1 + len(findings)
    assert all(row.count("<td") == 6 for row in rows[1:])
    # nothing a value holds became markup: no image, link, heading, script, raw HTML
    assert "<img" not in html and "<a " not in html and "<script" not in html
    assert html.count("<h2>") == 1 and "<h1>" not in html
    for value in ("evil.example", "Tiêu đề giả", "giả mạo"):
        assert value in html  # shown, as text
    # no mention: every @ is followed by a zero-width space
    assert not re.search(r"@[A-Za-z0-9]", html.replace("&#8203;", "\u200b"))
    assert "\x1b" not in text and "\u202e" not in text and "⟦U+202E⟧" in text


def test_summary_stays_under_github_limit_and_points_to_the_report() -> None:
    findings = [
        Finding(
            "schema-required",
            Severity.ERROR,
            f"submissions/2026/x/dang-vien/dv-{i}.yaml",
            Position(i % 90 + 1, 1),
            "Thiếu mục `ho_ten` (Họ và tên) " + "x" * 400,
            "Thêm dòng `ho_ten: ...`.",
        )
        for i in range(26_000)
    ]
    text = summary(CheckResult(findings, 26_000), findings)
    assert len(text.encode("utf-8")) < 1024 * 1024
    assert "Đã kiểm tra 26000 tệp: 26000 lỗi." in text
    shown = text.count("| <code>submissions/")
    assert 1000 < shown < 26_000
    assert f"Bảng chỉ hiện {shown}/26000 vấn đề" in text
    assert "`kiemdiem-report`" in text


def test_terminal_gets_no_control_characters() -> None:
    stream = io.StringIO()
    findings = hostile_findings()
    TextReporter(stream).report(CheckResult(findings, 10), findings)
    out = stream.getvalue()
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b]", out)
    assert "\\x1b]0;" in out and "⟦U+202E⟧" in out and "⟦U+200B⟧" in out
    # every line is a finding line or an indented hint: no value starts a line
    for line in out.splitlines()[:-1]:
        assert line.startswith(("submissions/", "    ")), line


def test_a_report_is_read_back_as_untrusted_data(tmp_path) -> None:
    import json as _json

    from generator.cli import main
    from generator.report.json import ReportError, read_report

    findings = hostile_findings()
    stream = io.StringIO()
    from generator.report.json import JsonReporter

    JsonReporter(stream).report(CheckResult(findings, 10), findings)
    result, back = read_report(stream.getvalue())
    assert result.files_checked == 10
    assert [(f.code, f.path, f.line, f.message) for f in back] == [
        (f.code, f.path, f.line, f.message) for f in findings
    ]
    # what the privileged job does: the comment rebuilt from the report, every cell escaped
    report = tmp_path / "report.json"
    report.write_text(stream.getvalue(), "utf-8")
    comment = tmp_path / "comment.md"
    code = main(["check", "--from-report", str(report), "--comment-file", str(comment)])
    assert code == 1
    html = render(comment.read_text("utf-8"))
    assert "<img" not in html and "<a " not in html and html.count("<table>") == 1
    # anything but the reporter's own shape is refused
    for bad in (
        "[]",
        '{"version": 2, "files_checked": 0, "findings": []}',
        '{"version": 1, "files_checked": 0, "findings": [{"code": 1}]}',
        _json.dumps(
            {
                "version": 1,
                "files_checked": 0,
                "findings": [
                    {
                        "code": "x",
                        "severity": "error",
                        "path": "p",
                        "line": 0,
                        "column": 1,
                        "message": "m",
                        "hint": "",
                    }
                ],
            }
        ),
    ):
        with pytest.raises(ReportError):
            read_report(bad)
