"""A pull request's check does not confirm a guessed birth date (trial, medium).

`member-same-person` (generator.check.identity) warns when two files share a name, a
birth date and an admission date. A member added 40 files to their chi bộ, each a copy of
their review with another member's name and admission date and a birth date a day apart:
besides the 40 `auth-not-allowed` errors, the warning named the file whose date was that
member's — a birth date no site shows (`x-pham-vi: khong-cong-bo`). A check with an author
does not compare the files the author may not create or change.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

CB = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-co-quan-xa"
NAM = f"{CB}/dang-vien/dv-101003.yaml"  # nguyen-van-nam's review, a plain member
DAT = f"{CB}/dang-vien/dv-101005.yaml"  # chu-van-dat's: born 1990-06-30


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = copy_sample(tmp_path / "repo", (2026,))
    (repo / ".gitignore").write_text(".kiemdiem-cache/\n", "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    return repo


def _guess(repo: Path, number: int, born: dt.date) -> str:
    """A copy of dv-101003's review as `dv-9000NN`, with Chu Văn Đạt's name and admission
    date and the birth date `born`."""
    text = (repo / NAM).read_text("utf-8")
    for old, new in (
        ("ma_dang_vien: dv-101003", f"ma_dang_vien: dv-9000{number:02d}"),
        ("ho_ten: Nguyễn Văn Nam", "ho_ten: Chu Văn Đạt"),
        ('ngay_sinh: "1986-04-12"', f'ngay_sinh: "{born.isoformat()}"'),
        ('ngay_vao_dang: "2012-05-19"', 'ngay_vao_dang: "2015-09-02"'),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    rel = f"{CB}/dang-vien/dv-9000{number:02d}.yaml"
    (repo / rel).write_text(text, "utf-8")
    return rel


def _check(repo: Path, capsys: pytest.CaptureFixture[str], login: str) -> tuple[int, str]:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    argv = ["--repo", str(repo), "check", "--changed-since", "HEAD~1"]
    code = main([*argv, "--author", login, "--actor", login])
    return code, capsys.readouterr().out


def test_files_the_author_may_not_add_are_not_compared(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = [_guess(repo, i, dt.date(1990, 6, 1) + dt.timedelta(days=i)) for i in range(40)]
    code, out = _check(repo, capsys, "nguyen-van-nam")
    assert code == 1
    for rel in added:
        assert f"{rel}:1:1: lỗi [auth-not-allowed]" in out
    assert "[member-same-person]" not in out
    # nothing about Chu Văn Đạt's file nor the one with his birth date but the undo
    about = [x for x in out.splitlines() if "dv-101005" in x or "dv-900029.yaml" in x]
    assert len(about) == 1, about
    assert about[0].startswith(f"{CB}/dang-vien/dv-900029.yaml:1:1: lỗi [auth-not-allowed]")


def test_the_secretary_adding_a_member_twice_is_still_warned(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The chi bộ's secretary may add its members' files: the same person under a second
    id is still told, on both files."""
    added = _guess(repo, 29, dt.date(1990, 6, 30))
    _, out = _check(repo, capsys, "pham-thi-lan")
    assert "[auth-not-allowed]" not in out
    assert f"{added}:1:15: cảnh báo [member-same-person]" in out
    assert f"{DAT}:1:15: cảnh báo [member-same-person]" in out


def _own_as(repo: Path, born: dt.date) -> None:
    """Nguyễn Văn Nam's own review (his to change) rewritten with Chu Văn Đạt's name and
    admission date and the birth date `born`: one guess at Đạt's birth date."""
    text = (repo / NAM).read_text("utf-8")
    for old, new in (
        ("ho_ten: Nguyễn Văn Nam", "ho_ten: Chu Văn Đạt"),
        ('ngay_sinh: "1986-04-12"', f'ngay_sinh: "{born.isoformat()}"'),
        ('ngay_vao_dang: "2012-05-19"', 'ngay_vao_dang: "2015-09-02"'),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (repo / NAM).write_text(text, "utf-8")


def _outputs(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], login: str, fmt: str
) -> tuple[int, str]:
    """Every channel of a pull request's check by `login`: standard output in `fmt`, the
    comment, report.json and the GitHub step summary, joined."""
    summary = tmp_path / f"summary-{fmt}.md"
    summary.write_text("", "utf-8")
    out_dir = tmp_path / f"out-{fmt}"
    out_dir.mkdir()
    argv = ["--repo", str(repo), "check", "--changed-since", "HEAD~1", "--format", fmt]
    argv += ["--author", login, "--actor", login]
    argv += ["--comment-file", str(out_dir / "c.md"), "--json-file", str(out_dir / "r.json")]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GITHUB_STEP_SUMMARY", str(summary))
        code = main(argv)
    texts = [capsys.readouterr().out, summary.read_text("utf-8")]
    texts += [(out_dir / name).read_text("utf-8") for name in ("c.md", "r.json")]
    return code, "\n".join(texts)


def _same(text: str, born: str) -> str:
    return re.sub(r"stop-commands::\w+|::\w{32}::", "TOKEN", text.replace(born, "BORN"))


def test_the_authors_own_file_is_not_compared_with_a_file_out_of_reach(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nguyễn Văn Nam may change his own review, not Chu Văn Đạt's: the right guess and a
    wrong one give him the same answer, in every channel (the count of warnings too)."""
    answers = []
    for born in (dt.date(1990, 6, 30), dt.date(1990, 6, 29)):  # Đạt's, and a day off
        _own_as(repo, born)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", f"guess {born}")
        (tmp_path / str(born)).mkdir()
        outputs = {
            fmt: _outputs(repo, tmp_path / str(born), capsys, "nguyen-van-nam", fmt)
            for fmt in ("github", "json", "text")
        }
        for _, text in outputs.values():
            assert "member-same-person" not in text
            assert "dv-101005" not in text
        # the guess itself and the workflow-command token (random each run) aside
        answers.append({f: (c, _same(t, str(born))) for f, (c, t) in outputs.items()})
        git(repo, "reset", "-q", "--hard", "HEAD~1")
    assert answers[0] == answers[1]


def test_the_committee_still_sees_the_same_person(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same files checked without a pull request's author (the committee's `kiemdiem
    check`, the check of main), or by the chi bộ's secretary, who may change both files:
    the warning stays, on both files."""
    _own_as(repo, dt.date(1990, 6, 30))
    assert main(["--repo", str(repo), "check"]) == 0
    out = capsys.readouterr().out
    assert f"{NAM}:1:15: cảnh báo [member-same-person]" in out
    assert f"{DAT}:1:15: cảnh báo [member-same-person]" in out
    _, out = _check(repo, capsys, "pham-thi-lan")
    assert f"{NAM}:1:15: cảnh báo [member-same-person]" in out
    assert f"{DAT}:1:15: cảnh báo [member-same-person]" in out
