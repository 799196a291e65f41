"""No data loss (issue 9, item 6): `build --out` never empties a folder it did not make,
and `new` never writes through a symlink."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.build import OUT_MARKER

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "submissions", repo / "submissions")
    shutil.copytree(ROOT / "schema", repo / "schema")
    return repo


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    "out",
    ["submissions", "submissions/2025", "submissions/../submissions/x", ".", "..", "{repo}"],
)
def test_build_refuses_the_data_and_the_repository_root(
    repo: Path, out: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    before = snapshot(repo)
    code = main(["--repo", str(repo), "build", "--out", out.format(repo=repo)])
    assert code == 2
    err = capsys.readouterr().err
    assert "Không dựng trang vào" in err and "không có tệp nào bị xóa" in err
    assert "Traceback" not in err
    assert snapshot(repo) == before


def test_build_refuses_a_folder_it_did_not_make(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "2025").mkdir(parents=True)
    (out / OUT_MARKER).write_text("", "utf-8")  # the site folder is build's, 2025/ is not
    (out / "2025" / "bao-cao.docx").write_bytes(b"someone's work")
    code = main(["--repo", str(repo), "build", "--out", str(out), "--year", "2025"])
    assert code == 2
    assert f"`{out / '2025'}`" in capsys.readouterr().err
    assert (out / "2025" / "bao-cao.docx").read_bytes() == b"someone's work"
    # the site folder itself too: versions.json and index.html would be overwritten there
    other = tmp_path / "other"
    other.mkdir()
    (other / "index.html").write_text("trang riêng", "utf-8")
    assert main(["--repo", str(repo), "build", "--out", str(other), "--year", "2025"]) == 2
    assert (other / "index.html").read_text("utf-8") == "trang riêng"


def test_build_refuses_a_symlinked_output(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(repo / "submissions")
    assert main(["--repo", str(repo), "build", "--out", str(tmp_path / "link")]) == 2
    assert (repo / "submissions" / "tai-khoan.yaml").is_file()


@pytest.mark.slow
def test_build_marks_what_it_owns_and_rebuilds_there(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    years = sorted(p.name for p in (repo / "submissions").iterdir() if p.name.isdigit())
    year = years[0]
    assert main(["--repo", str(repo), "build", "--out", str(out), "--year", year]) == 0
    assert (out / OUT_MARKER).is_file() and (out / year / OUT_MARKER).is_file()
    assert (out / year / "index.html").is_file()
    # its own folders: built again in place (MkDocs empties them, keeping the marker)
    stale = out / year / "stale.html"
    stale.write_text("x", "utf-8")
    assert main(["--repo", str(repo), "build", "--out", str(out), "--year", year, "--force"]) == 0
    assert not stale.exists() and (out / year / OUT_MARKER).is_file()


def _org_args(repo: Path) -> tuple[int, str, Path]:
    """(year, a chi bộ's id, its folder) of the newest sample year with members."""
    from generator.submissions import layout

    year = layout.years(repo)[-1]
    member = next(f for f in layout.walk_year(repo, year) if f.kind is layout.Kind.MEMBER)
    assert member.org_folder
    folder = repo / "submissions" / str(year) / member.org_folder
    return year, layout.org_id_of_folder(member.org_folder), folder


def test_new_refuses_to_write_through_a_dangling_symlink(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, org, folder = _org_args(repo)
    victim = tmp_path / "victim.txt"  # does not exist: the link dangles
    (folder / "dang-vien" / "dv-999999.yaml").symlink_to(victim)
    code = main(["--repo", str(repo), "new", "member", "dv-999999", "--org", org])
    assert code == 1
    assert "liên kết tượng trưng" in capsys.readouterr().err
    assert not victim.exists()


def test_new_refuses_a_symlinked_folder(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, org, folder = _org_args(repo)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    members = folder / "dang-vien"
    shutil.move(str(members), str(elsewhere / "dang-vien"))
    os.symlink(elsewhere / "dang-vien", members)
    code = main(["--repo", str(repo), "new", "member", "dv-999999", "--org", org])
    assert code == 1
    assert "liên kết tượng trưng" in capsys.readouterr().err
    assert not (elsewhere / "dang-vien" / "dv-999999.yaml").exists()
