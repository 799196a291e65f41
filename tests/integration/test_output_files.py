"""Files named on the command line (`stats -o`, `rollup -o`, `check --json-file`,
`check --comment-file`): a missing folder, a folder given instead of a file, or a file
on the way is a usage error (exit 2) in Vietnamese naming the path and what to do — never
"lỗi nội bộ (FileNotFoundError ...)" — and nothing is written (generator.outfile)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.outfile import write_text_output


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


COMMANDS = [
    ["stats", "-o", "{out}"],
    ["stats", "--format", "xlsx", "-o", "{out}"],
    ["stats", "--format", "json", "-o", "{out}"],
    ["rollup", "--export", "-o", "{out}"],
    ["rollup", "--format", "xlsx", "-o", "{out}"],
    ["check", "--json-file", "{out}"],
    ["check", "--comment-file", "{out}"],
]


def _run(
    repo: Path, command: list[str], out: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """`command` with `out` as its file: exit code, standard error, and the option named."""
    code = main(["--repo", str(repo), *(a.replace("{out}", str(out)) for a in command)])
    return code, capsys.readouterr().err, command[-2]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_missing_folder_is_told_and_nothing_written(
    mini_repo: Callable[..., Path],
    tmp_path: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = mini_repo()
    before = _files(tmp_path)
    out = tmp_path / "khong-co" / "ket-qua.txt"
    code, err, option = _run(repo, command, out, capsys)
    assert code == 2
    assert "lỗi nội bộ" not in err and "Error" not in err and "No such file" not in err
    assert (
        f"kiemdiem: Thư mục `{tmp_path / 'khong-co'}` (của tệp {option} `{out}`) không tồn "
        f"tại: hãy tạo thư mục đó trước, hoặc chọn nơi ghi khác bằng {option}. Chưa ghi gì."
    ) in err
    assert _files(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_folder_instead_of_a_file_is_told_and_nothing_written(
    mini_repo: Callable[..., Path],
    tmp_path: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = mini_repo()
    out = tmp_path / "thu-muc"
    out.mkdir()
    code, err, option = _run(repo, command, out, capsys)
    assert code == 2
    assert "lỗi nội bộ" not in err and "IsADirectoryError" not in err
    assert f"kiemdiem: `{out}` ({option}) là một thư mục, không phải tệp: hãy ghi cả tên tệp" in err
    assert f"ví dụ `{option} {out}/" in err
    assert list(out.iterdir()) == []


def test_a_file_where_a_folder_is_needed_is_told(
    mini_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    blocker = tmp_path / "ghi-chu.txt"
    blocker.write_text("giữ nguyên", "utf-8")
    code = main(["--repo", str(repo), "stats", "-o", str(blocker / "tk.csv")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"`{blocker}` (trong đường dẫn -o `{blocker / 'tk.csv'}`) là một tệp, không phải" in err
    assert blocker.read_text("utf-8") == "giữ nguyên"


def test_outputs_are_still_written(
    mini_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    old = tmp_path / "tk.csv"
    old.write_text("bản cũ", "utf-8")
    os.chmod(old, 0o640)
    assert main(["--repo", str(repo), "stats", "-o", str(old)]) == 0
    assert (
        main(["--repo", str(repo), "stats", "--format", "xlsx", "-o", str(tmp_path / "tk.xlsx")])
        == 0
    )
    json_file, comment = tmp_path / "bc.json", tmp_path / "bl.md"
    main(
        [
            "--repo",
            str(repo),
            "check",
            "--json-file",
            str(json_file),
            "--comment-file",
            str(comment),
        ]
    )
    assert old.read_text("utf-8").startswith("loai_dong,")
    assert old.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its permissions
    assert (tmp_path / "tk.xlsx").read_bytes()[:2] == b"PK"
    assert json_file.read_text("utf-8").startswith("{") and comment.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    from generator.cli import UsageError
    from generator.outfile import write_output

    old = tmp_path / "tk.csv"
    old.write_text("bản cũ", "utf-8")

    def full_disk(to: Path) -> None:
        to.write_text("một nửa", "utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(UsageError) as caught:
        write_output(old, "-o", "thong-ke.csv", full_disk)
    assert str(caught.value) == (
        f"Ổ đĩa đã đầy: không ghi được `{old}` (-o). Hãy giải phóng chỗ trống, hoặc ghi "
        "sang ổ khác bằng -o. Tệp cũ (nếu có) vẫn giữ nguyên."
    )
    assert old.read_text("utf-8") == "bản cũ"
    assert _files(tmp_path) == ["tk.csv"]


def test_a_special_file_is_written_as_it_is(tmp_path: Path) -> None:
    fifo = tmp_path / "ong"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_text_output(fifo, "-o", "thong-ke.csv", "a,b\n")
        assert os.read(reader, 100) == b"a,b\n"
    finally:
        os.close(reader)
    assert _files(tmp_path) == ["ong"]
