"""On Gitea/Forgejo Actions the pointers for findings a report leaves out name what that forge
shows (the check job's log), not GitHub's job summary, which Gitea showed nothing of before
1.27 (go-gitea/gitea#23721, PR #37500)."""

from __future__ import annotations

import io

import pytest

from generator.findings import CheckResult, Finding, Position, Severity
from generator.forge.comment import comment_body
from generator.report.github import MAX_ANNOTATIONS, GithubReporter


def findings(count: int, width: int = 0) -> list[Finding]:
    return [
        Finding(
            "schema-required",
            Severity.ERROR,
            f"submissions/2026/x/dang-vien/dv-{i}.yaml",
            Position(i + 1, 3),
            "Thiếu mục `ho_ten` (Họ và tên)." + " x" * width,
            "Thêm dòng `ho_ten: ...`.",
        )
        for i in range(count)
    ]


@pytest.fixture(params=["github", "gitea", "forgejo"])
def forge(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    for name in ("GITEA_ACTIONS", "FORGEJO_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # Gitea and Forgejo set it too
    if request.param != "github":
        monkeypatch.setenv(f"{request.param.upper()}_ACTIONS", "true")
    return str(request.param)


def test_the_notice_for_findings_past_the_annotations_points_where_the_forge_shows_them(
    forge: str,
) -> None:
    found = findings(MAX_ANNOTATIONS + 2)
    stream = io.StringIO()
    GithubReporter(stream).report(CheckResult(found, len(found)), found)
    out = stream.getvalue()
    notice = next(line for line in out.splitlines() if line.startswith("::notice"))
    assert notice.startswith("::notice title=kiemdiem::Còn 2 vấn đề khác — ")
    if forge == "github":
        assert "phần tóm tắt (Summary)" in notice
    else:
        assert "Summary" not in notice and "nhật ký (log) của bước kiểm tra này" in notice
    # what it points to holds them: the log's text form after the notice names both
    after = out.split(notice, 1)[1]
    assert "dv-10.yaml:11:3" in after and "dv-11.yaml:12:3" in after


def test_a_cut_comment_points_where_the_forge_shows_the_rest(forge: str) -> None:
    found = findings(400, width=100)
    body = comment_body(CheckResult(found, len(found)), found)
    cut = next(line for line in body.splitlines() if line.startswith("_Bảng chỉ hiện"))
    assert "/400 vấn đề đầu tiên" in cut and "`kiemdiem-report`" in cut
    if forge == "github":
        assert "phần tóm tắt (Summary)" in cut
    else:
        assert "Summary" not in cut and "nhật ký (log) của bước kiểm tra" in cut
