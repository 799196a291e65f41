"""`kiemdiem rollup`: two repositories' statistics merged into one, with no personal data
crossing between them (issue 11)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator import synthetic
from generator.cli import main
from tests.conftest import MINI, ROOT, write_tree

YEAR = 2025
LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("rollup")
    out = []
    for name, seed, members in (("xa-a", 1, 90), ("xa-b", 2, 130)):
        repo = base / name
        synthetic.generate(repo, year=YEAR, ruleset="qd366-hd43", grassroots=3, chi_bo=6,
                           members=members, seed=seed)  # fmt: skip
        shutil.copytree(ROOT / "schema", repo / "schema")
        out.append(repo)
    return out[0], out[1]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _stats(capsys: pytest.CaptureFixture[str], repo: Path) -> dict:
    code, out, _ = _run(capsys, "--repo", str(repo), "stats", "--format", "json")
    assert code == 0
    return json.loads(out)


def _total(data: dict) -> dict:
    return next(row for row in data["dong"] if row["loai_dong"] == "tong")


def _export(capsys: pytest.CaptureFixture[str], repo: Path, out: Path) -> Path:
    code, _, _ = _run(capsys, "--repo", str(repo), "rollup", "--export", "-o", str(out))
    assert code == 0
    return out


def test_the_export_holds_no_member_data(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for repo in repos:
        text = _export(capsys, repo, tmp_path / f"{repo.name}.json").read_text("utf-8")
        members = list((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))
        assert members
        for path in members:
            review = path.read_text("utf-8")
            name = re.search(r"^ho_ten: ['\"]?([^'\"\n]+)", review, re.M)
            assert name is not None
            assert path.stem not in text, path
            assert name.group(1) not in text, path


def test_merged_totals_are_the_sum_of_the_repositories(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = (_export(capsys, r, tmp_path / f"{r.name}.json") for r in repos)
    code, out, _ = _run(capsys, "rollup", str(a), str(b), "--format", "json")
    assert code == 0
    merged = _total(json.loads(out))
    parts = [_total(_stats(capsys, r)) for r in repos]
    assert merged["tong_dang_vien"] == sum(p["tong_dang_vien"] for p in parts) > 0
    for level in LEVELS:
        assert merged[level] == sum(p[level] for p in parts)
    # every organization of both repositories has its row, with its own counts
    rows = {row["ma"]: row for row in json.loads(out)["dong"] if row["loai_dong"] == "to_chuc"}
    for repo in repos:
        for row in _stats(capsys, repo)["dong"]:
            if row["loai_dong"] == "to_chuc":
                assert rows[row["ma"]]["tong_dang_vien"] == row["tong_dang_vien"]


def test_repository_folders_roll_up_like_their_exports(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(_export(capsys, r, tmp_path / f"{r.name}.json")) for r in repos]
    from_files = _run(capsys, "rollup", *files, "--format", "csv")
    from_repos = _run(capsys, "rollup", *map(str, repos), "--format", "csv")
    assert from_files[0] == from_repos[0] == 0
    assert from_files[1] == from_repos[1]
    assert from_files[1].startswith("loai_dong,")


def test_the_province_sheet_is_written(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "tinh.xlsx"
    code, _, _ = _run(capsys, "rollup", *map(str, repos), "--format", "xlsx", "-o", str(sheet))
    assert code == 0
    cells = [c for row in openpyxl.load_workbook(sheet).active.iter_rows(values_only=True)
             for c in row if c is not None]  # fmt: skip
    assert any("Toàn đảng bộ" in str(c) for c in cells)


def test_a_file_carrying_more_than_statistics_is_refused(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(capsys, repos[0], tmp_path / "a.json")
    data = json.loads(path.read_text("utf-8"))
    data["to_chuc"][0]["ho_ten"] = "Nguyễn Văn A"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = _run(capsys, "rollup", str(path))
    assert code == 1
    assert out == ""
    assert f"{path}:1:" in err and "[schema-unknown-key] Mục `ho_ten` không có trong mẫu" in err
    assert "Nguyễn Văn A" not in err


def test_different_years_are_not_merged(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = (_export(capsys, r, tmp_path / f"{r.name}.json") for r in repos)
    data = json.loads(b.read_text("utf-8"))
    data["nam"] = 2024
    b.write_text(json.dumps(data), "utf-8")
    code, _, err = _run(capsys, "rollup", str(a), str(b))
    assert code == 1
    assert "chỉ tổng hợp các tệp của cùng một năm" in err


def test_a_chi_bo_in_two_sources_is_refused(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same export twice, two copies of it, or a repository and its own export would
    count a chi bộ's members twice: refused, naming both sources; nothing written."""
    a, b = repos
    x = _export(capsys, a, tmp_path / "x.json")
    y = tmp_path / "y.json"
    shutil.copy(x, y)
    out = tmp_path / "tong.csv"
    for sources in ((x, x), (x, y), (a, x)):
        code, _, err = _run(capsys, "rollup", *map(str, sources), "-o", str(out))
        assert code == 1, err
        first = "nguồn trước đó trùng tên" if sources[0] == sources[1] else sources[0]
        assert f"đã có trong {first}" in err and "đếm trùng đảng viên" in err
        assert str(sources[1]) in err
        assert not out.exists()
    # the province root shared by two đảng bộ xã's repositories is still summed
    code, _, err = _run(capsys, "rollup", str(a), str(b), "-o", str(out))
    assert code == 0, err


def _xa(root: Path, letter: str) -> Path:
    """The tiny repository of conftest.MINI with its đảng bộ xã, chi bộ and members renamed
    by `letter`: another xã's repository under the same province."""
    names = {"dang-bo-xa-a": f"dang-bo-xa-{letter}", "chi-bo-ap-1": f"chi-bo-ap-{letter}",
             "dv-00000": f"dv-{ord(letter)}0000"}  # fmt: skip

    def renamed(text: str) -> str:
        for old, new in names.items():
            text = text.replace(old, new)
        return text

    return write_tree(root / letter, {renamed(k): renamed(v) for k, v in MINI.items()})


def test_a_rollup_of_rollups_passes_its_own_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two xã's repositories under one province: the merged export (the province's, sent
    further up) adds up like a repository's, the shared province counted once among the
    organizations' levels and the merged file read back to the same statistics."""
    a, b = _xa(tmp_path, "a"), _xa(tmp_path, "b")
    merged = tmp_path / "tinh.json"
    code, _, err = _run(capsys, "rollup", str(a), str(b), "--export", "-o", str(merged))
    assert code == 0, err
    data = json.loads(merged.read_text("utf-8"))
    assert [o["ma"] for o in data["to_chuc"]].count("huyen-mau") == 1
    assert data["xep_loai_to_chuc"]["tong"] == 4  # two xã, two chi bộ; the province unrated
    again = _run(capsys, "rollup", str(merged), "--format", "json")
    direct = _run(capsys, "rollup", str(a), str(b), "--format", "json")
    assert again[0] == 0, again[2]
    assert again[1] == direct[1]


def test_another_ruleset_is_told_at_its_line_naming_the_first_sources(
    repos: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A source counted by another ruleset: told where it says so (a statistics file's
    `bo_quy_tac`, or a repository's year file line), naming the first source's place, with
    a hint that keeps both files; nothing written."""
    a = _export(capsys, repos[0], tmp_path / "a.json")
    b = _export(capsys, repos[1], tmp_path / "b.json")
    b.write_text(b.read_text("utf-8").replace('"qd366-hd43"', '"qd124-hd25"'), "utf-8")
    line = next(i for i, t in enumerate(b.read_text("utf-8").splitlines(), 1) if "bo_quy_tac" in t)
    out = tmp_path / "tong.csv"
    code, _, err = _run(capsys, "rollup", str(a), str(b), "-o", str(out))
    assert code == 1 and not out.exists()
    a_line = next(
        i for i, t in enumerate(a.read_text("utf-8").splitlines(), 1) if "bo_quy_tac" in t
    )
    assert (
        f"{b}:{line}:16: lỗi [rollup-ruleset-mismatch] Nguồn này xếp loại năm {YEAR} theo bộ "
        f"quy tắc `qd124-hd25`, còn nguồn đầu tiên ({a}:{a_line}:16) theo `qd366-hd43`"
    ) in err, err
    assert "Gợi ý: Mọi kho của cùng một năm phải dùng một bộ quy tắc" in err
    assert "Giữ cả hai tệp để đối chiếu" in err
    # a repository folder: told at its year file's `bo_quy_tac` line
    c = tmp_path / "c"
    shutil.copytree(repos[1], c)
    year_file = c / f"submissions/{YEAR}/nam-danh-gia.yaml"
    text = year_file.read_text("utf-8").replace("qd366-hd43", "qd124-hd25")
    year_file.write_text(text, "utf-8")
    row = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("bo_quy_tac:"))
    code, _, err = _run(capsys, "rollup", str(a), str(c), "-o", str(out))
    assert code == 1 and not out.exists()
    assert f"{year_file}:{row}:13: lỗi [rollup-ruleset-mismatch]" in err, err
