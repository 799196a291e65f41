"""A province split into repositories by đảng bộ xã (README "Splitting a province"): each
part holds the year file, the province's `to-chuc.yaml` with in `lanh_dao` only the
leaders whose reviews it holds, the rows of the province's `quyet-dinh.yaml` about its own
organization, and its own subtree; it checks on its own, and `kiemdiem rollup` of the parts
gives the whole province's statistics."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import ROOT

YEAR = "2025"
PROVINCE = "dang-bo-tinh-hoa-lam"
PARTS = ("dang-bo-xa-an-son", "dang-bo-cong-ty-che-mau-son")


def _part(base: Path, org: str, rows: str) -> Path:
    """The repository of one part; `rows`: "own" (the documented layout) or "all"."""
    repo = base / org
    shutil.copytree(ROOT / "schema", repo / "schema")
    year = repo / "submissions" / YEAR
    source = ROOT / "submissions" / YEAR
    (year / PROVINCE).mkdir(parents=True)
    shutil.copy2(source / "nam-danh-gia.yaml", year)
    shutil.copytree(source / PROVINCE / org, year / PROVINCE / org)
    held = {p.stem for p in (year / PROVINCE / org).rglob("dang-vien/*.yaml")}
    data = yaml.safe_load((source / PROVINCE / "to-chuc.yaml").read_text("utf-8"))
    if rows == "own":
        lead = data.get("lanh_dao", {})
        for role, ids in list(lead.items()):
            kept_ids = [i for i in ids if i in held] if isinstance(ids, list) else ids
            if kept_ids and (isinstance(ids, list) or ids in held):
                lead[role] = kept_ids
            else:
                del lead[role]
        if not lead:
            data.pop("lanh_dao", None)
    (year / PROVINCE / "to-chuc.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    text = (source / PROVINCE / "quyet-dinh.yaml").read_text("utf-8")
    head, _, body = text.partition("to_chuc:\n")
    kept = [r for r in re.split(r"(?m)^(?=  - )", body) if rows == "all" or f": {org}\n" in r]
    (year / PROVINCE / "quyet-dinh.yaml").write_text(head + "to_chuc:\n" + "".join(kept), "utf-8")
    return repo


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--repo", str(repo), "check"])
    return code, capsys.readouterr().out


def test_a_part_with_its_own_rows_checks_on_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for org in PARTS:
        code, out = _check(_part(tmp_path / "own", org, "own"), capsys)
        assert code == 0 and "lỗi [" not in out, out
    # the province's whole files name the other part's organization and leader
    code, out = _check(_part(tmp_path / "all", PARTS[1], "all"), capsys)
    assert code == 1
    assert f"lỗi [ref-unknown-org] Không có tổ chức mã `{PARTS[0]}` trong năm {YEAR}" in out
    assert "lỗi [ref-unknown-member] Không có đảng viên mã `dv-101001`" in out


def test_the_parts_roll_up_to_the_whole_province(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parts = [str(_part(tmp_path, org, "own")) for org in PARTS]
    assert main(["rollup", *parts, "--year", YEAR, "--format", "json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    whole = tmp_path / "whole"
    shutil.copytree(ROOT / "schema", whole / "schema")
    shutil.copytree(ROOT / "submissions" / YEAR, whole / "submissions" / YEAR)
    assert main(["--repo", str(whole), "stats", "--year", YEAR, "--format", "json"]) == 0
    assert merged == json.loads(capsys.readouterr().out)


def _split(base: Path, levels: dict[str, str]) -> list[Path]:
    """Both parts marked `kho_mot_phan`, rounding up (`quota_rounding: ceil`), each with
    the province's decision on its organization at `levels[org]` (366-M6's pool of the
    organizations the province's committee rates spans them)."""
    repos = []
    for org in PARTS:
        repo = _part(base, org, "own")
        year = repo / "submissions" / YEAR / "nam-danh-gia.yaml"
        text = year.read_text("utf-8").replace("quota_rounding: floor", "quota_rounding: ceil")
        year.write_text(text + "kho_mot_phan: true\n", "utf-8")
        rows = repo / "submissions" / YEAR / PROVINCE / "quyet-dinh.yaml"
        rows.write_text(rows.read_text("utf-8").replace("muc: HTTNV", f"muc: {levels[org]}"))
        repos.append(repo)
    return repos


def _export(repo: Path, capsys: pytest.CaptureFixture[str]) -> str:
    out = repo.parent / f"{repo.name}.json"
    assert main(["--repo", str(repo), "rollup", "--export", "-o", str(out)]) == 0
    capsys.readouterr()
    return str(out)


def test_a_part_leaves_the_provinces_org_share_to_the_rollup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the xã's HTXSNV alone is over 20% of its part's HTTNV (none): no error in the part
    repos = _split(tmp_path, {PARTS[0]: "HTXSNV", PARTS[1]: "HTTNV"})
    code, out = _check(repos[0], capsys)
    assert code == 0 and "lỗi [" not in out, out
    assert "rule-quota-exceeded" not in out
    # a pool wholly in the part (a chi bộ's members, 366-M6) is still judged there
    assert "[rule-quota-provisional] (366-M6) Theo mức dự kiến, Chi bộ Trường THCS An Hòa" in out
    assert out.count("[rule-quota-") == 2  # that one and the deferred notice
    assert (
        f"submissions/{YEAR}/{PROVINCE}/quyet-dinh.yaml:1:1: lưu ý [rule-quota-deferred] "
        "(366-M6) Kho này chỉ giữ một phần của đảng bộ (`kho_mot_phan: true` trong tệp năm), "
        "nên tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong các tổ chức do Đảng bộ tỉnh Hòa Lâm "
        "(dữ liệu mẫu) xếp loại (366-M6) không xét ở đây: các tổ chức đó nằm ở nhiều kho. "
        "Ở kho này: 1 tổ chức HTXSNV (1 đã quyết định), 0 tổ chức HTTNV."
    ) in out
    assert "`kiemdiem rollup`" in out
    # together: 1 HTTNV, 20% rounded up allows 1 HTXSNV
    files = [_export(r, capsys) for r in repos]
    sheet = tmp_path / "tinh.csv"
    assert main(["rollup", *files, "-o", str(sheet)]) == 0
    err = capsys.readouterr().err
    # told at the first source's row of `ty_le_cho_tong_hop` (the line after its `[`)
    line = 2 + Path(files[0]).read_text("utf-8").splitlines().index(' "ty_le_cho_tong_hop": [')
    assert (
        f"{files[0]}:{line}:3: lưu ý [rollup-quota-within] (366-M6) Năm {YEAR}, gộp 2 nguồn "
        f"({files[0]}, {files[1]}): các tổ chức do Đảng bộ tỉnh Hòa Lâm (dữ liệu mẫu) "
        f"({PROVINCE}) xếp loại có 1 tổ chức HTXSNV (1 đã quyết định), tối đa 1 (số xếp loại "
        "HTTNV là 1; 20% là 0,2, làm tròn lên được 1; 1 tổ chức HTTNV): trong tỷ lệ (366-M6)."
    ) in err
    assert "lỗi [" not in err and sheet.is_file()


def test_the_rollup_judges_the_provinces_org_share_over_the_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repos = _split(tmp_path, dict.fromkeys(PARTS, "HTXSNV"))
    for repo in repos:
        code, out = _check(repo, capsys)
        assert code == 0 and "lỗi [" not in out, out
    files = [_export(r, capsys) for r in repos]
    sheet = tmp_path / "tinh.csv"
    # a repository folder is a source too; the sheet is written whole, the exit says 1
    assert main(["rollup", str(repos[0]), files[1], "-o", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{repos[0]}/submissions/{YEAR}/{PROVINCE}/quyet-dinh.yaml:1:1: lỗi [rollup-quota-exceeded] (366-M6) Năm {YEAR}, gộp 2 nguồn "
        f"({repos[0]}, {files[1]}): vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong các tổ "
        f"chức do Đảng bộ tỉnh Hòa Lâm (dữ liệu mẫu) ({PROVINCE}) xếp loại (366-M6): 2 tổ "
        "chức được quyết định HTXSNV, tối đa 0 (số xếp loại HTTNV là 0; 20% là 0, làm tròn "
        "lên được 0; 0 tổ chức HTTNV)."
    ) in err
    assert "tối đa 0 tổ chức HTXSNV (366-M6)" in err and sheet.is_file()
    # an export of the parts carries the counts on, unjudged (it may hold only some parts)
    assert main(["rollup", *files, "--export"]) == 0
    captured = capsys.readouterr()
    assert "rollup-quota" not in captured.err and "`ty_le_cho_tong_hop`" in captured.err
    pools = json.loads(captured.out)["ty_le_cho_tong_hop"]
    assert pools == [
        {"quy_tac": "366-M6", "ma": PROVINCE, "co_so": "httnv", "lam_tron": "ceil",
         "ty_le": 0.2, "httnv": 0, "htxsnv": 2, "htxsnv_da_quyet_dinh": 2}
    ]  # fmt: skip
