"""`check --changed-since` when Git cannot answer (a new user's trial): a ref Git does not
know, a folder that is no Git repository, no git program. Each is a usage error said in
Vietnamese (exit 2), with what to do; nothing is checked and nothing is written."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main


def _files(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in repo.rglob("*") if p.is_file()}


def _changed_since(
    repo: Path, ref: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    code = main(["--repo", str(repo), "check", "--changed-since", ref])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def git_repo(mini_repo: Callable[..., Path]) -> Path:
    repo = mini_repo()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    return repo


@pytest.mark.parametrize("ref", ["nosuchref", "HEAD~3"])
def test_an_unknown_ref_is_a_usage_error_in_vietnamese(
    git_repo: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    before = _files(git_repo)
    code, out, err = _changed_since(git_repo, ref, capsys)
    assert code == 2
    assert out == ""
    assert err == (
        f"kiemdiem: Không tìm thấy phiên bản `{ref}` trong kho Git. Kiểm tra lại tên nhánh "
        "hoặc mã commit (ví dụ `origin/main`; `git branch -a` liệt kê các nhánh). Trong CI, "
        'hãy lấy đủ lịch sử Git, ví dụ `fetch-depth: 0` (GitHub Actions) hoặc `GIT_DEPTH: "0"` '
        "(GitLab).\n"
    )
    assert _files(git_repo) == before


def test_a_folder_outside_git_is_a_usage_error_in_vietnamese(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = mini_repo()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo.parent))
    before = _files(repo)
    code, out, err = _changed_since(repo, "main", capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(
        f"kiemdiem: Git không mở được kho ở `{repo}`: thư mục này không nằm trong một bản sao "
        "(git clone) của kho, hoặc Git từ chối mở nó. --changed-since cần lịch sử Git để biết "
        "tệp nào đã đổi: hãy chạy lệnh trong bản sao của kho, hoặc chạy `kiemdiem check` "
        "không kèm --changed-since để kiểm tra mọi tệp. (Git báo: "
    )
    assert "rev-parse" not in err and "Traceback" not in err
    assert _files(repo) == before


def test_no_git_program_is_a_usage_error_in_vietnamese(
    git_repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    before = _files(git_repo)
    code, out, err = _changed_since(git_repo, "main", capsys)
    assert (code, out) == (2, "")
    assert err == (
        "kiemdiem: Không tìm thấy chương trình git trên máy; hãy cài Git rồi chạy lại lệnh.\n"
    )
    assert _files(git_repo) == before
