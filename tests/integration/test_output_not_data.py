"""The generator never rewrites anyone's submission (DESIGN: submissions are the users'):
an output file (`stats -o`, `rollup -o`, `check --json-file`) that resolves into a
repository's submissions/ (the roster too), schema/ or .github/ folder, or to one of the
command's own input files, is refused before any work as a usage error (exit 2, like a
folder given as -o, generator.outfile), and the target's bytes stay as they were.

And a file holding only a document marker and comments is empty (`yaml-empty`), which
`kiemdiem new` fills below the comments (generator.submissions.yamltext.only_comments)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import CB, Y, copy_sample

MEMBER = f"{CB}/dang-vien/dv-000001.yaml"
REFUSED = "Chưa ghi gì."


def _refused(err: str, out: Path, option: str, why: str, example: str) -> None:
    assert f"kiemdiem: Không ghi vào `{out}` ({option}): {why}" in err
    assert f"ví dụ `{option} {example}` ở thư mục hiện tại. {REFUSED}" in err
    assert "Đã ghi" not in err


@pytest.mark.parametrize(
    ("command", "rel", "example"),
    [
        (["stats", "--year", "2025", "-o"], MEMBER, "thong-ke.csv"),
        (["stats", "--format", "xlsx", "-o"], "submissions/tai-khoan.yaml", "thong-ke.xlsx"),
        (["rollup", "--export", "-o"], f"{Y}/nam-danh-gia.yaml", "thong-ke.json"),
        (["rollup", "-o"], "schema/dang-vien.schema.json", "tong-hop.json"),
        (["check", "--json-file"], ".github/CODEOWNERS", "bao-cao.json"),
        (["check", "--comment-file"], MEMBER, "binh-luan.md"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else v,
)
def test_a_repository_file_is_never_an_output(
    mini_repo, command: list[str], rel: str, example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(
        {".github/CODEOWNERS": "* @bi-thu\n", "submissions/tai-khoan.yaml": "# tài khoản\n"}
    )
    target = repo / rel
    before = target.read_bytes()
    folder = rel.split("/")[0]
    option = command[-1]
    code = main(["--repo", str(repo), *command, str(target)])
    _, err = capsys.readouterr()
    assert code == 2
    _refused(err, target, option, f"đường dẫn này nằm trong thư mục {folder}/ của kho", example)
    assert target.read_bytes() == before


def test_a_new_file_in_submissions_and_a_symlink_to_one_are_refused(
    mini_repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    new = repo / CB / "dang-vien" / "thong-ke.csv"
    assert main(["--repo", str(repo), "stats", "-o", str(new)]) == 2
    assert "nằm trong thư mục submissions/ của kho" in capsys.readouterr().err
    assert not new.exists()
    link = tmp_path / "tk.csv"
    link.symlink_to(repo / MEMBER)
    before = (repo / MEMBER).read_bytes()
    assert main(["--repo", str(repo), "stats", "-o", str(link)]) == 2
    _refused(
        capsys.readouterr().err,
        link,
        "-o",
        f"đường dẫn này nằm trong thư mục submissions/ của kho `{repo}`",
        "thong-ke.csv",
    )
    assert (repo / MEMBER).read_bytes() == before and link.is_symlink()


def test_rollup_never_writes_over_its_source(
    mini_repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    x = tmp_path / "x.json"
    assert main(["--repo", str(repo), "rollup", "--export", "-o", str(x)]) == 0
    y = tmp_path / "y.json"
    shutil.copy(x, y)
    capsys.readouterr()
    before = y.read_bytes()
    for command in (
        ["rollup", str(y), "-o", str(y)],
        ["rollup", str(x), str(y), "--export", "-o", str(y)],
    ):
        assert main(command) == 2
        _refused(
            capsys.readouterr().err,
            y,
            "-o",
            f"đây chính là tệp `{y}` mà lệnh đang đọc.",
            "tong-hop.json" if "--export" not in command else "thong-ke.json",
        )
        assert y.read_bytes() == before


def test_a_marker_and_comments_are_an_empty_file_that_new_fills(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2026,))
    folder = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
    rel = f"{folder}/dang-vien/dv-101099.yaml"
    mine = b"---\n# Ghi ch\xc3\xba c\xe1\xbb\xa7a t\xc3\xb4i\n"
    (repo / rel).write_bytes(mine)
    assert main(["--repo", str(repo), "check", str(repo / rel)]) == 1
    out = capsys.readouterr().out
    assert f"{rel}:1:1: lỗi [yaml-empty] Tệp chưa có nội dung" in out
    assert "yaml-not-mapping" not in out
    assert (
        main(["--repo", str(repo), "new", "member", "dv-101099", "--org", "chi-bo-thon-an-lac"])
        == 0
    )
    assert "bên dưới các chú thích đã có (giữ nguyên)" in capsys.readouterr().out
    written = (repo / rel).read_bytes()
    assert written.startswith(mine + b"\n# ")
    main(["--repo", str(repo), "check", str(repo / rel)])
    out = capsys.readouterr().out
    assert "yaml-" not in out and f"{rel}:" in out  # the form's blanks, nothing about YAML
