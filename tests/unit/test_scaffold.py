"""`kiemdiem new`: starting files that pass the check once filled, never overwriting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check.run import Selection, check_repo
from generator.cli import main
from generator.forge import earlierfacts
from generator.forge.committee import committee_fields
from generator.submissions.yamlload import loads

ROOT = Path(__file__).resolve().parents[2]
CHI_BO = "huyen/xa-a/chi-bo-1"

TREE = {
    "nam-danh-gia.yaml": (
        "nam: {y}\nbo_quy_tac: pending\nten: Năm {y}\nto_chuc_goc: huyen\n"
        'ngay_danh_gia: "{y}-12-15"\n'
    ),
    "huyen/to-chuc.yaml": "ma_to_chuc: huyen\nnam: {y}\nten: Huyện\nloai: dang_bo_huyen\n",
    "huyen/xa-a/to-chuc.yaml": (
        "ma_to_chuc: xa-a\nnam: {y}\nten: Xã A\nloai: dang_bo_co_so\nphan_loai: xa\n"
    ),
    f"{CHI_BO}/to-chuc.yaml": (
        "ma_to_chuc: chi-bo-1\nnam: {y}\nten: Chi bộ 1\nloai: chi_bo_truc_thuoc\n"
    ),
}
FILLED = {
    'ho_ten: ""': "ho_ten: Trần Thị Bình",
    'ngay_vao_dang: ""': 'ngay_vao_dang: "2015-03-02"',
    'uu_diem: ""': "uu_diem: |\n    Hoàn thành tốt nhiệm vụ được giao.",
    'han_che: ""': "han_che: Có lúc chưa chủ động.",
    'phuong_huong: ""': "phuong_huong: Chủ động hơn trong công việc.",
}


def make_year(repo: Path, year: int) -> None:
    for rel, text in TREE.items():
        path = repo / "submissions" / str(year) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(y=year), "utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    make_year(tmp_path, 2026)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(repo: Path, rel: str) -> list[tuple[str, int]]:
    outcome = check_repo(repo, Selection([rel]), rate=False)
    return sorted((f.code, f.line) for f in outcome.result.findings)


def fill(text: str) -> str:
    for old, new in FILLED.items():
        text = text.replace(old, new)
    return text


def test_new_member_lists_what_to_write_then_passes_once_filled(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1"]) == 0
    rel = f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml"
    assert f"Đã tạo `{rel}`" in capsys.readouterr().out
    path = repo / rel
    text = path.read_text("utf-8")
    # the modeline points at the real schema, relative to the file
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../../../schema/dang-vien.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve() == repo / "schema/dang-vien.schema.json"
    assert "# 1. Ưu điểm" in text and "# 2. Hạn chế, khuyết điểm và nguyên nhân" in text
    # unfilled: exactly the empty facts are reported; a draft may leave its sections empty
    # (issue 13 item 3: one form rule — drafts may be partial)
    codes = findings(repo, rel)
    assert {c for c, _ in codes} <= {"schema-length", "schema-date", "schema-pattern"}
    lines = text.splitlines()

    def at(*keys: str) -> list[int]:
        return [i + 1 for i, line in enumerate(lines) if line.strip().split(":")[0] in keys]

    assert sorted({line for _, line in codes}) == at("ho_ten", "ngay_vao_dang")
    # marked complete while the year is pending: the empty sections are named, as warnings
    complete = text.replace("trang_thai_ho_so: nhap", "trang_thai_ho_so: hoan_thanh")
    path.write_text(complete, "utf-8")
    form = [(c, line) for c, line in findings(repo, rel) if c == "form-incomplete"]
    assert form, "a complete file with empty sections is told what to write"
    path.write_text(fill(text), "utf-8")
    assert findings(repo, rel) == []


def test_new_member_takes_known_facts_from_last_year(repo: Path) -> None:
    make_year(repo, 2025)
    old = repo / f"submissions/2025/{CHI_BO}/dang-vien/dv-7.yaml"
    old.parent.mkdir(parents=True)
    old.write_text(
        "ma_dang_vien: dv-7\nnam: 2025\nho_ten: Trần Thị Bình\nloai_dang_vien: du_bi\n"
        'ngay_sinh: "1990-01-02"\nngay_vao_dang: "2025-03-02"\nchuc_vu: Phó trưởng ấp\n',
        "utf-8",
    )
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1", "--year", "2026"]) == 0
    text = (repo / f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml").read_text("utf-8")
    assert "lấy từ bản kiểm điểm năm 2025" in text
    for line in (
        "ho_ten: Trần Thị Bình",
        "loai_dang_vien: du_bi",
        'ngay_sinh: "1990-01-02"',
        'ngay_vao_dang: "2025-03-02"',
        "chuc_vu: Phó trưởng ấp",
        '  # trach_nhiem_tap_the: ""',
    ):
        assert line in text


def test_new_member_carries_a_title_ending_in_a_colon_as_it_was(repo: Path) -> None:
    """`chuc_vu: "Chi hội trưởng:"` last year was written plain this year: a YAML syntax
    error in the file `kiemdiem new` made (new-user trial)."""
    make_year(repo, 2025)
    old = repo / f"submissions/2025/{CHI_BO}/dang-vien/dv-7.yaml"
    old.parent.mkdir(parents=True)
    old.write_text(
        'ma_dang_vien: dv-7\nnam: 2025\nho_ten: Trần Thị Bình\nchuc_vu: "Chi hội trưởng:"\n',
        "utf-8",
    )
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1", "--year", "2026"]) == 0
    rel = f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml"
    text = (repo / rel).read_text("utf-8")
    assert 'chuc_vu: "Chi hội trưởng:"' in text.splitlines()
    codes = {c for c, _ in findings(repo, rel)}
    assert codes <= {"schema-length", "schema-date", "schema-pattern"}, codes
    assert loads(text.encode("utf-8")).document.data["chuc_vu"] == "Chi hội trưởng:"


def test_new_refuses_to_overwrite(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1"]) == 0
    path = repo / f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml"
    path.write_text("mine\n", "utf-8")
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1"]) == 1
    assert "đã có; không ghi đè" in capsys.readouterr().err
    assert path.read_text("utf-8") == "mine\n"


def test_new_fills_a_file_of_comments_keeping_them_first_then_the_modeline(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the YAML language server reads the modeline in any comment of the file (newwrite's
    # fill_if_blank cites where), so the user's comments stay first, byte for byte
    path = repo / f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml"
    path.parent.mkdir(parents=True)
    mine = "# Bản nháp của tôi: viết xong trước 15/12\n  # nhờ bí thư xem giúp\n"
    path.write_text(mine, "utf-8")
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1"]) == 0
    assert "bên dưới các chú thích đã có (giữ nguyên)" in capsys.readouterr().out
    modeline = "# yaml-language-server: $schema=../../../../../../schema/dang-vien.schema.json"
    assert path.read_text("utf-8").split("\n")[:5] == [
        "# Bản nháp của tôi: viết xong trước 15/12",
        "  # nhờ bí thư xem giúp",
        "",
        modeline,
        "# BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2026 — đảng viên dv-7, Chi bộ 1",
    ]
    assert path.read_text("utf-8").count("yaml-language-server") == 1
    assert {c for c, _ in findings(repo, path.relative_to(repo).as_posix())} <= {
        "schema-length",
        "schema-date",
        "schema-pattern",
    }


def test_new_member_needs_a_chi_bo(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "member", "dv-7", "--org", "xa-a"]) == 2
    assert "không phải chi bộ" in capsys.readouterr().err
    assert main(["new", "member", "Dv 7", "--org", "chi-bo-1"]) == 2
    assert main(["new", "member", "dv-7", "--org", "khong-co"]) == 2


def test_new_org_passes_once_named(repo: Path) -> None:
    assert main(["new", "org", "chi-bo-2", "--parent", "xa-a", "--type", "chi_bo_truc_thuoc"]) == 0
    rel = "submissions/2026/huyen/xa-a/chi-bo-2/to-chuc.yaml"
    path = repo / rel
    text = path.read_text("utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../../../../schema/to-chuc.schema.json"
    )
    assert ("schema-length", 9) in findings(repo, rel)
    path.write_text(fill(text).replace('ten: ""', "ten: Chi bộ 2"), "utf-8")
    assert findings(repo, rel) == []


@pytest.mark.parametrize(
    ("parent", "org_type", "fits", "above"),
    [
        # below a chi bộ nothing fits: only another parent helps
        ("chi-bo-1", "chi_bo_truc_thuoc", "", "đảng bộ cơ sở (`dang_bo_co_so`), đảng bộ bộ phận"),
        (
            "xa-a",
            "chi_bo_co_so",
            "đảng bộ bộ phận (`dang_bo_bo_phan`), chi bộ trực thuộc (`chi_bo_truc_thuoc`)",
            "đảng bộ tỉnh",
        ),
    ],
)
def test_new_org_refuses_a_type_its_parent_cannot_hold(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    parent: str,
    org_type: str,
    fits: str,
    above: str,
) -> None:
    before = _files(repo)
    assert main(["new", "org", "chi-bo-2", "--parent", parent, "--type", org_type]) == 2
    err = capsys.readouterr().err
    # check's own message for the tree it would have made (org-type-misplaced)
    assert err.startswith("kiemdiem: Chi bộ ") and "`chi-bo-2` không thể nằm trực tiếp dưới " in err
    assert f" `{parent}`. Chưa tạo tệp nào." in err
    assert (f"chỉ đặt được {fits}" if fits else "không đặt được tổ chức nào") in err
    assert f"chỉ đặt được dưới {above}" in err
    assert _files(repo) == before
    # the same tree, written by hand, is what check reports
    target = repo / "submissions/2026" / ("huyen/xa-a" if parent == "xa-a" else CHI_BO)
    (target / "chi-bo-2").mkdir()
    org = f"ma_to_chuc: chi-bo-2\nnam: 2026\nten: Chi bộ 2\nloai: {org_type}\n"
    (target / "chi-bo-2/to-chuc.yaml").write_text(org, "utf-8")
    rel = (target / "chi-bo-2/to-chuc.yaml").relative_to(repo).as_posix()
    assert ("org-type-misplaced", 4) in findings(repo, rel)


def test_new_year_takes_the_root_from_last_year(repo: Path) -> None:
    assert main(["new", "year", "2027", "--ruleset", "pending"]) == 0
    text = (repo / "submissions/2027/nam-danh-gia.yaml").read_text("utf-8")
    assert "to_chuc_goc: huyen" in text
    assert "bo_quy_tac: pending" in text
    assert text.startswith("# yaml-language-server: $schema=../../schema/nam-danh-gia.schema.json")
    assert main(["new", "year", "2027"]) == 1


def _files(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in repo.rglob("*") if p.is_file()}


@pytest.mark.parametrize("year", [1990, 2017, 2101])
def test_new_year_refuses_a_year_the_schema_refuses(
    repo: Path, capsys: pytest.CaptureFixture[str], year: int
) -> None:
    before = _files(repo)
    assert main(["new", "year", str(year)]) == 2
    err = capsys.readouterr().err
    assert (
        f"kiemdiem: Năm {year} nằm ngoài khoảng năm đánh giá mà mẫu hồ sơ cho phép "
        "(từ 2018 đến 2100, theo schema/chung.schema.json)"
    ) in err
    assert "chưa tạo tệp nào" in err
    assert _files(repo) == before
    assert not (repo / f"submissions/{year}").exists()


def test_new_year_reads_the_bounds_from_the_schema(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = repo / "schema/chung.schema.json"
    common.write_text(common.read_text("utf-8").replace('"minimum": 2018', '"minimum": 1990'))
    assert main(["new", "year", "1990", "--ruleset", "pending"]) == 0
    assert (repo / "submissions/1990/nam-danh-gia.yaml").is_file()
    assert main(["new", "year", "1989"]) == 2
    assert "(từ 1990 đến 2100," in capsys.readouterr().err


def test_new_member_refuses_a_second_review_in_the_year(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = repo / "submissions/2026/huyen/xa-a/chi-bo-2"
    other.mkdir()
    (other / "to-chuc.yaml").write_text(
        "ma_to_chuc: chi-bo-2\nnam: 2026\nten: Chi bộ 2\nloai: chi_bo_truc_thuoc\n", "utf-8"
    )
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1"]) == 0
    capsys.readouterr()
    before = _files(repo)
    assert main(["new", "member", "dv-7", "--org", "chi-bo-2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "kiemdiem: Đảng viên `dv-7` đã có bản kiểm điểm năm 2026: "
        f"`submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml`; chưa tạo tệp nào. Mỗi đảng viên "
        "chỉ có một bản kiểm điểm mỗi năm"
    )
    assert "chuyển chính tệp đó (giữ nguyên nội dung)" in err
    assert _files(repo) == before
    assert not (other / "dang-vien").exists()
    # another year is another review
    make_year(repo, 2025)
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1", "--year", "2025"]) == 0


def test_a_members_carried_facts_are_none_of_the_committees() -> None:
    """`kiemdiem new member` carries a member's identity from last year, never a property
    the committee writes (x-pham-vi: cap-uy): the member's first commit of the file must
    not add one (generator.forge.committee refuses that as `auth-committee-field`)."""
    committee = {key for key, *_ in committee_fields(ROOT, "HEAD")}
    assert {"ky_luat", "nghi_om_thang", "ghi_chu_noi_bo"} <= committee
    assert committee.isdisjoint(earlierfacts.MEMBER_FACTS)


def test_new_member_file_checked_names_its_empty_date_as_empty(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1"]) == 0
    rel = f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml"
    capsys.readouterr()
    line = 1 + (repo / rel).read_text("utf-8").splitlines().index('ngay_vao_dang: ""')
    assert main(["check", rel]) == 1
    out = capsys.readouterr().out
    assert (
        f"{rel}:{line}:16: lỗi [schema-pattern] Chưa ghi ngày ở `ngay_vao_dang` (Ngày vào Đảng):"
        " viết ngày theo dạng năm-tháng-ngày, ví dụ `2025-12-15`." in out
    ), out
    assert "``" not in out


def test_new_names_the_org_meant_by_its_name(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "member", "dv-7", "--org", "Chi bộ 1"]) == 2
    err = capsys.readouterr().err
    assert (
        "Không có tổ chức mã `Chi bộ 1` trong năm 2026. Có phải ý bạn là `chi-bo-1` (Chi bộ 1)? "
        "Viết mã tổ chức (cũng là tên thư mục của tổ chức): `--org chi-bo-1`." in err
    ), err
    assert main(["new", "org", "chi-bo-2", "--parent", "Xã A", "--type", "chi_bo_truc_thuoc"]) == 2
    assert "`--parent xa-a`" in capsys.readouterr().err
    assert main(["new", "member", "dv-7", "--org", "khong-co"]) == 2
    assert "(xem tên các thư mục)" in capsys.readouterr().err
    assert not (repo / f"submissions/2026/{CHI_BO}/dang-vien").exists()
