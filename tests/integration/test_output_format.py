"""`stats -o` and `rollup -o` write what the file's name says (generator/outfile.py,
`output_format`): without --format the extension chooses (.csv, .json, .xlsx), a --format
that contradicts it is a usage error (exit 2) in Vietnamese, and nothing is written (a new
user's trial: `stats -o tk.xlsx` wrote CSV text into a .xlsx file)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from generator.cli import main


def _cells(path: Path) -> list[str]:
    sheet = openpyxl.load_workbook(path).active
    return [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


@pytest.fixture
def repo(mini_repo: Callable[..., Path]) -> Path:
    return mini_repo()


@pytest.fixture
def export(repo: Path, tmp_path: Path) -> Path:
    out = tmp_path / "xa.json"
    assert main(["--repo", str(repo), "rollup", "--export", "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("command", ["stats", "rollup"])
def test_the_extension_chooses_the_format(
    repo: Path, export: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = [] if command == "stats" else [str(export)]
    for name in ("tk.xlsx", "tk.json", "tk.csv", "TK.XLSX"):
        out = tmp_path / command / name
        out.parent.mkdir(exist_ok=True)
        code = main(["--repo", str(repo), command, *source, "-o", str(out)])
        assert code == 0, capsys.readouterr().err
    folder = tmp_path / command
    assert any("Toàn đảng bộ" in c for c in _cells(folder / "tk.xlsx"))
    assert any("Toàn đảng bộ" in c for c in _cells(folder / "TK.XLSX"))
    assert json.loads((folder / "tk.json").read_text("utf-8"))["nam"] == 2025
    assert (folder / "tk.csv").read_text("utf-8").startswith("loai_dong,")


@pytest.mark.parametrize("command", ["stats", "rollup"])
def test_a_format_that_contradicts_the_extension_is_refused(
    repo: Path, export: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = [] if command == "stats" else [str(export)]
    out = tmp_path / "tk.xlsx"
    code = main(["--repo", str(repo), command, *source, "--format", "csv", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert (
        f"kiemdiem: --format csv không khớp với đuôi .xlsx của tệp `{out}` (-o): tệp sẽ mang "
        "tên .xlsx mà nội dung là CSV. Hãy dùng --format xlsx (hoặc không ghi --format: định "
        f"dạng lấy theo đuôi tệp), hoặc đặt tên tệp đuôi .csv, ví dụ `-o {tmp_path / 'tk.csv'}`. "
        "Chưa ghi gì."
    ) in err
    assert not out.exists()


def test_another_kind_of_spreadsheet_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tk.xls"
    assert main(["--repo", str(repo), "stats", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"Tệp `{out}` (-o) có đuôi .xls, nhưng kiemdiem không ghi dạng bảng tính đó" in err
    assert f"`-o {tmp_path / 'tk.xlsx'}`" in err
    assert not out.exists()


def test_an_export_is_json_whatever_else_is_asked(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "xa.csv"
    assert main(["--repo", str(repo), "rollup", "--export", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"Tệp `{out}` (-o) có đuôi .csv, nhưng lệnh này ghi .json" in err
    out = tmp_path / "xa.json"
    assert (
        main(["--repo", str(repo), "rollup", "--export", "--format", "xlsx", "-o", str(out)]) == 2
    )
    assert "--export luôn ghi tệp thống kê dạng JSON" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo"]


def test_without_an_extension_csv_is_still_the_default(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "thong-ke"
    assert main(["--repo", str(repo), "stats", "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("loai_dong,")
    capsys.readouterr()
    assert main(["--repo", str(repo), "stats"]) == 0
    assert capsys.readouterr().out.startswith("loai_dong,")
