"""Members whose chi bộ's `to-chuc.yaml` is broken are in no row of the statistics (a
statistician's trial: two names with CR or NUL left 19 of 3,000 members out, and
`rollup --export` still exited 0): `kiemdiem stats` says how many and which files to
fix, `rollup` refuses such a repository and writes nothing
(generator/statistics/leftout.py)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator import synthetic
from generator.cli import main
from tests.conftest import ROOT

YEAR = 2025


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int, int]:
    """A repository whose one chi bộ's name has a control character: the repository, that
    file's path, its member files and the number of members in the whole repository."""
    repo = tmp_path_factory.mktemp("left-out") / "xa"
    synthetic.generate(repo, year=YEAR, ruleset="qd366-hd43", grassroots=2, chi_bo=4,
                       members=40, seed=3)  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    members = sorted(repo.glob(f"submissions/{YEAR}/**/dang-vien/*.yaml"))
    folder = members[0].parent.parent
    org = folder / "to-chuc.yaml"
    text = org.read_text("utf-8")
    name = 'ten: "Chi bộ\\r Ấp Một"'  # the escape \r, as the trial's file has it
    org.write_text(re.sub(r"(?m)^ten: .*$", lambda _: name, text, count=1), "utf-8")
    hidden = len(list((folder / "dang-vien").glob("*.yaml")))
    assert 0 < hidden < len(members)
    return repo, org.relative_to(repo).as_posix(), hidden, len(members)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stats_tells_how_many_members_are_left_out_and_why(
    broken: tuple[Path, str, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, org_file, hidden, members = broken
    code, out, err = _run(capsys, "--repo", str(repo), "stats", "--format", "json")
    assert code == 1
    total = next(r for r in json.loads(out)["dong"] if r["loai_dong"] == "tong")
    assert total["tong_dang_vien"] == members - hidden  # what the message explains
    assert (
        f"kiemdiem: {hidden} đảng viên không được tính vào số liệu (kể cả dòng tổng) vì tệp "
        "to-chuc.yaml của tổ chức có hồ sơ của họ bị lỗi hoặc chưa có." in err
    )
    assert f"\n  {org_file}\n" in err


def test_rollup_export_refuses_a_year_with_a_broken_organization_file(
    broken: tuple[Path, str, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, org_file, hidden, _ = broken
    out = tmp_path / "xa.json"
    code, _, err = _run(capsys, "--repo", str(repo), "rollup", "--export", "-o", str(out))
    assert code == 1 and not out.exists()
    assert f"\n  {org_file}\n" in err
    assert (
        f"kiemdiem: không tổng hợp năm {YEAR}: 1 tệp to-chuc.yaml bị lỗi hoặc chưa có kể "
        f"trên, nên số liệu thiếu các tổ chức ấy và {hidden} đảng viên của chúng" in err
    )
    assert err.rstrip().endswith("kiemdiem: chưa ghi tệp nào.")


def test_rollup_refuses_a_repository_folder_with_a_broken_organization_file(
    broken: tuple[Path, str, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, org_file, hidden, _ = broken
    out = tmp_path / "tinh.csv"
    code, _, err = _run(capsys, "rollup", str(repo), "-o", str(out))
    assert code == 1 and not out.exists()
    assert f"(kho {repo}: không tổng hợp năm {YEAR}: 1 tệp" not in err  # the source leads
    assert f"kiemdiem: kho {repo}: không tổng hợp năm {YEAR}: 1 tệp to-chuc.yaml" in err
    assert f"({repo}/{org_file}), nên số liệu thiếu các tổ chức ấy và {hidden} đảng" in err
    assert err.rstrip().endswith("kiemdiem: chưa tổng hợp, chưa ghi tệp nào.")


def test_a_missing_organization_file_is_named_too(
    broken: tuple[Path, str, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chi bộ folder holding member files but no to-chuc.yaml (moved away, say): its
    members are missing alike, and the file to write is named."""
    repo = tmp_path / "xa"
    shutil.copytree(broken[0], repo)
    members = sorted(repo.glob(f"submissions/{YEAR}/**/dang-vien/*.yaml"))
    folder = members[-1].parent.parent
    assert (folder / "to-chuc.yaml").is_file() and not broken[1].startswith(
        folder.relative_to(repo).as_posix() + "/"
    )  # another chi bộ than the broken one
    (folder / "to-chuc.yaml").unlink()
    gone = len(list((folder / "dang-vien").glob("*.yaml")))
    code, _, err = _run(capsys, "--repo", str(repo), "stats", "--format", "json")
    assert code == 1
    assert f"kiemdiem: {broken[2] + gone} đảng viên không được tính vào số liệu" in err
    missing = (folder / "to-chuc.yaml").relative_to(repo).as_posix()
    assert f"\n  {missing}\n" in err or err.endswith(f"\n  {missing}\n")
    assert f"\n  {broken[1]}\n" in err or err.endswith(f"\n  {broken[1]}\n")
