"""`kiemdiem new year`: the organization tree carried over from the year before, each
organization's to-chuc.yaml as `kiemdiem new org` writes it; written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.check.run import Selection, check_repo
from generator.cli import main
from generator.submissions import layout
from generator.submissions.yamlload import loads
from tests.conftest import copy_sample

# what a to-chuc.yaml says about how its year went: never carried into the next year
PER_YEAR = (
    "chi_tieu",
    "nhiem_vu",
    "danh_gia_cung_cap",
    "tieu_chi",
    "diem",
    "cong_tac_xay_dung_dang_kem",
    "ky_luat",
    "tu_xep_loai",
    "ke_thua_tu",
    "lanh_dao",
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_sample(tmp_path / "repo", (2025, 2026))
    monkeypatch.chdir(root)
    return root


def _orgs(repo: Path, year: int) -> dict[str, dict[str, object]]:
    """folder below the year -> the to-chuc.yaml's data."""
    out = {}
    for f in layout.walk_year(repo, year):
        if f.kind is layout.Kind.ORG:
            loaded = loads((repo / f.path).read_bytes())
            assert loaded.document is not None, f.path
            out[f.org_folder or ""] = loaded.document.data
    return out


def _files(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in repo.rglob("*") if p.is_file()}


def _entries(repo: Path) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in (repo / "submissions").rglob("*")}


def test_new_year_carries_every_organization_without_last_years_review(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _orgs(repo, 2026)
    assert len(before) == 9
    assert main(["new", "year", "2027"]) == 0
    out = capsys.readouterr().out
    assert "9 tệp `to-chuc.yaml` chép cây tổ chức của năm 2026" in out
    assert "kiemdiem check" in out and "kiemdiem new member" in out
    after = _orgs(repo, 2027)
    assert after.keys() == before.keys()  # the same folders: same ids, same parents
    for folder, old in before.items():
        new = after[folder]
        assert new["ma_to_chuc"] == layout.org_id_of_folder(folder) == old["ma_to_chuc"]
        assert new["nam"] == 2027
        for key in ("ten", "loai", "phan_loai", "ngay_thanh_lap"):
            assert new.get(key) == old.get(key), (folder, key)
        # the year's own content is left as `new org` leaves it
        assert [k for k in PER_YEAR if k in new] == [], folder
        assert new["kiem_diem"] == {"uu_diem": "", "han_che": "", "phuong_huong": ""}
        assert new["trang_thai_ho_so"] == "nhap"
    # member reviews, proposals and decisions are each year's own
    kinds = {f.kind for f in layout.walk_year(repo, 2027)}
    assert kinds == {layout.Kind.YEAR, layout.Kind.ORG}
    # last year's leadership is offered, commented out
    xa = (repo / "submissions/2027/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/to-chuc.yaml").read_text(
        "utf-8"
    )
    assert "#   bi_thu: dv-101001\n" in xa and "theo tệp năm 2026" in xa
    # the new year passes the check: the tree is whole; what remains is each draft's to-do
    # and, per chi bộ, its 2026 members still to carry over (generator.check.carryover)
    findings = check_repo(repo, Selection(["submissions/2027"]), rate=False).result.findings
    assert {f.code for f in findings} == {"form-to-complete", "member-not-carried-over"}
    carried = [f for f in findings if f.code == "member-not-carried-over"]
    assert len(carried) == 6 and all(f.path.endswith("/to-chuc.yaml") for f in carried)
    assert {f.severity.value for f in findings} == {"warning"}
    assert not any(n.startswith(".") for n in os.listdir(repo / "submissions"))


def test_a_carried_file_is_the_one_new_org_writes(repo: Path) -> None:
    assert main(["new", "year", "2027"]) == 0
    folder = "submissions/2027/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
    carried = (repo / folder / "to-chuc.yaml").read_bytes()
    (repo / folder / "to-chuc.yaml").unlink()
    assert main(["new", "org", "chi-bo-thon-an-lac", "--parent", "dang-bo-xa-an-son",
                 "--type", "chi_bo_co_so"]) == 0  # fmt: skip
    assert (repo / folder / "to-chuc.yaml").read_bytes() == carried
    assert b"ten: Chi b\xe1\xbb\x99 th\xc3\xb4n An L\xe1\xba\xa1c" in carried


@pytest.mark.parametrize("existing", [None, "nam-danh-gia.yaml", "x/to-chuc.yaml"])
def test_new_year_refuses_a_year_folder_that_exists(
    repo: Path, capsys: pytest.CaptureFixture[str], existing: str | None
) -> None:
    folder = repo / "submissions/2027"
    folder.mkdir()
    if existing:
        (folder / existing).parent.mkdir(parents=True, exist_ok=True)
        (folder / existing).write_text("mine\n", "utf-8")
    before, entries = _files(repo), _entries(repo)
    assert main(["new", "year", "2027"]) == 1
    err = capsys.readouterr().err
    assert "kiemdiem: thư mục `submissions/2027/` đã có" in err
    assert "chưa tạo tệp nào, không ghi đè" in err
    if existing != "nam-danh-gia.yaml":
        assert "`kiemdiem new year 2027 --no-orgs`" in err
    assert _files(repo) == before and _entries(repo) == entries
    # an existing year is refused too (2026, carried from 2025)
    assert main(["new", "year", "2026"]) == 1
    assert _files(repo) == before and _entries(repo) == entries


def test_a_year_not_next_to_the_newest_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2029 typed in a repository whose newest year is 2026 (a trial of the 2026 round): it
    would carry 2026's tree and settings over two years no one opened."""
    before, entries = _files(repo), _entries(repo)
    assert main(["new", "year", "2029"]) == 2  # a usage error, as a year out of bounds
    err = capsys.readouterr().err
    assert "Năm 2029 không liền sau năm mới nhất của kho (2026): các năm 2027–2028 chưa" in err
    assert "`kiemdiem new year 2027`" in err and "`--skip-years`" in err
    assert "chưa tạo tệp nào" in err
    assert _files(repo) == before and _entries(repo) == entries
    assert main(["new", "year", "2028"]) == 2
    assert "năm 2027 chưa được mở" in capsys.readouterr().err
    assert main(["new", "year", "2029", "--skip-years"]) == 0
    assert (repo / "submissions/2029/nam-danh-gia.yaml").is_file()


def test_no_orgs_writes_only_the_year_file(repo: Path) -> None:
    assert main(["new", "year", "2027", "--no-orgs"]) == 0
    assert [f.path for f in layout.walk_year(repo, 2027)] == ["submissions/2027/nam-danh-gia.yaml"]
    assert os.listdir(repo / "submissions/2027") == ["nam-danh-gia.yaml"]


def test_new_year_refuses_to_carry_a_tree_of_types_gone_in_the_new_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2024,))
    monkeypatch.chdir(repo)
    before = _entries(repo)
    assert main(["new", "year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "`dang_bo_huyen` (Đảng bộ huyện, có đến năm 2024)" in err
    assert "`kiemdiem new year 2025 --no-orgs`" in err
    assert _entries(repo) == before
    assert main(["new", "year", "2025", "--no-orgs"]) == 0


def test_new_year_leaves_nothing_when_a_write_fails(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _entries(repo)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", fail)  # the rename into place
    assert main(["new", "year", "2027"]) == 2
    assert "Không ghi được thư mục `submissions/2027/`" in capsys.readouterr().err
    assert _entries(repo) == before  # neither the year nor the temporary folder


def test_new_year_carries_only_what_is_safe_to_write(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xa = repo / "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
    # a folder whose name is not an id, with an organization below it: neither is a path
    bad = xa / "Chi Bo X"
    (bad / "chi-bo-con").mkdir(parents=True)
    for folder in (bad, bad / "chi-bo-con"):
        (folder / "to-chuc.yaml").write_text(
            "ma_to_chuc: x\nnam: 2026\nten: X\nloai: chi_bo_truc_thuoc\n", "utf-8"
        )
    # an unreadable file: not carried, the organizations below it still are
    (xa / "to-chuc.yaml").write_text("ma_to_chuc: [\n", "utf-8")
    # facts that cannot be one line, leaders that are not ids: left to write again
    lac = xa / "chi-bo-thon-an-lac" / "to-chuc.yaml"
    lac.write_text(
        "ma_to_chuc: chi-bo-thon-an-lac\nnam: 2026\nten: |\n  An Lạc\n  loai: khac\n"
        'loai: chi_bo_truc_thuoc\nngay_thanh_lap: "2020-01-01\\u2028tu_xep_loai: HTXSNV"\n'
        'lanh_dao:\n  bi_thu: "dv-1\\nkiem_diem: x"\n  pho_bi_thu: [dv-2, "../x"]\n',
        "utf-8",
    )
    assert main(["new", "year", "2027"]) == 0
    err = capsys.readouterr().err
    assert "`dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/Chi Bo X`" in err
    assert "`dang-bo-tinh-hoa-lam/dang-bo-xa-an-son`" in err
    new_xa = repo / "submissions/2027/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
    assert not (new_xa / "Chi Bo X").exists()
    assert not (new_xa / "to-chuc.yaml").exists()
    assert (new_xa / "chi-bo-co-quan-xa" / "to-chuc.yaml").is_file()
    text = (new_xa / "chi-bo-thon-an-lac" / "to-chuc.yaml").read_text("utf-8")
    data = loads(text.encode()).document
    assert data is not None
    assert data.data["ten"] == "" and "ngay_thanh_lap" not in data.data
    assert "tu_xep_loai" not in data.data and "kiem_diem: x" not in text
    assert "#   pho_bi_thu:\n#     - dv-2\n" in text
    assert "../x" not in text and "dv-1" not in text


def test_new_year_keeps_the_root_of_the_tree_it_carries(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _entries(repo)
    assert main(["new", "year", "2027", "--root", "dang-bo-tinh-khac"]) == 2
    assert "khác tổ chức gốc của năm 2026" in capsys.readouterr().err
    assert _entries(repo) == before
    assert main(["new", "year", "2027", "--root", "dang-bo-tinh-khac", "--no-orgs"]) == 0
    text = (repo / "submissions/2027/nam-danh-gia.yaml").read_text("utf-8")
    assert "to_chuc_goc: dang-bo-tinh-khac" in text
