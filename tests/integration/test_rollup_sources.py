"""`kiemdiem rollup` checks every statistics file before using any of it (a new user's
trial): the export of a copy of the sample, tampered, is refused with a Vietnamese
finding at its file, line and column, exit code 1, and nothing on standard output or in
the output file. What the sample exports itself passes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.cli import main
from tests.conftest import copy_sample

YEAR = 2025


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of `kiemdiem rollup --export` in a copy of the sample (2025, with 2024 as
    the year before)."""
    root = tmp_path_factory.mktemp("rollup-sources")
    repo = copy_sample(root / "repo", (2024, YEAR))
    out = root / "xa.json"
    assert (
        main(["--repo", str(repo), "rollup", "--export", "--year", str(YEAR), "-o", str(out)]) == 0
    )
    return out.read_text("utf-8")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _write(folder: Path, data: Any, name: str = "xa.json") -> Path:
    """`data` written as the export writes it (one key per line)."""
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return path


def _at(path: Path, pattern: str, n: int = 0) -> str:
    """`path:line:column` of group 1 of the `n`-th match of `pattern` in the file."""
    text = path.read_text("utf-8")
    m = list(re.finditer(pattern, text))[n]
    line = text.count("\n", 0, m.start(1)) + 1
    column = m.start(1) - (text.rfind("\n", 0, m.start(1)) + 1) + 1
    return f"{path}:{line}:{column}"


def _refused(capsys: pytest.CaptureFixture[str], source: Path, *options: str) -> tuple[str, Path]:
    """Standard error of `rollup source -o tong.<ext>`, asserting exit 1, nothing on
    standard output and no file written."""
    out = source.parent / ("tong.xlsx" if "xlsx" in options else "tong.csv")
    code, stdout, err = _run(capsys, "rollup", str(source), *options, "-o", str(out))
    assert code == 1, err
    assert stdout == ""
    assert not out.exists()
    assert "lỗi nội bộ" not in err and "Traceback" not in err
    assert err.rstrip().endswith("kiemdiem: chưa tổng hợp, chưa ghi tệp nào.")
    return err, out


def test_the_sample_export_is_accepted(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "xa.json"
    source.write_text(exported, "utf-8")
    data = json.loads(exported)
    assert data["nam"] == YEAR and data["nam_truoc"]["nam"] == YEAR - 1
    code, out, err = _run(capsys, "rollup", str(source), "--format", "json")
    assert code == 0, err
    total = next(r for r in json.loads(out)["dong"] if r["loai_dong"] == "tong")
    assert total["tong_dang_vien"] == data["tong"]["tong"] > 0


def test_a_control_character_in_a_name_is_refused_never_printed(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported)
    data["to_chuc"][1]["ten"] = "\x1b[31mChi bộ\x1b]0;pwned\x07"
    source = _write(tmp_path, data)
    code, out, err = _run(capsys, "rollup", str(source))  # CSV to the terminal
    assert code == 1 and out == ""
    assert "\x1b" not in err and "\x07" not in err
    where = _at(source, r'"ten": ("\\u001b)')
    assert (
        f"{where}: lỗi [schema-pattern] Giá trị `\\x1b[31mChi bộ\\x1b]0;pwned\\x07` ở "
        "`to_chuc[2].ten` (Tên tổ chức) không đúng dạng quy định."
    ) in err
    assert "không có ký tự điều khiển" in err
    assert "đề nghị nơi gửi chạy lại lệnh đó" in err
    _refused(capsys, source)


def test_an_organization_total_its_levels_do_not_make_is_refused(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported)
    org = data["to_chuc"][2]
    parts = org["dang_vien"]["tong"]
    org["dang_vien"]["tong"] = 9999
    source = _write(tmp_path, data)
    err, _ = _refused(capsys, source)
    where = _at(source, r'"tong": (9999)')
    assert (
        f"{where}: lỗi [rollup-total-sum] `to_chuc[3].dang_vien`: `tong` là 9999, nhưng "
        f"`duoc_xep_loai` cộng các lý do không xếp loại (`khong_xep_loai`) là {parts}."
    ) in err


def test_a_number_too_large_for_a_spreadsheet_is_refused(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported)
    data["tong"]["tong"] = 10**400
    source = _write(tmp_path, data)
    err, _ = _refused(capsys, source, "--format", "xlsx")
    where = _at(source, r'"tong": (1000000000)')
    assert (
        f"{where}: lỗi [schema-range] `tong.tong` (Tổng) phải không lớn hơn 10000000, nhưng "
        "đang là `10000000…0000 (401 chữ số)`."
    ) in err


def test_an_organization_smaller_than_its_sub_organizations_is_refused(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Numbers that add up row by row but not across rows: a chi bộ grown by 100
    members the đảng bộ above it does not have."""
    data = json.loads(exported)
    orgs = data["to_chuc"]
    i = next(i for i, o in enumerate(orgs) if o["cap"] == 2)
    parent = max(j for j in range(i) if orgs[j]["cap"] == 1)
    members = orgs[i]["dang_vien"]
    for key in ("tong", "duoc_xep_loai"):
        members[key] += 100
    members["muc"]["HTTNV"] += 100
    source = _write(tmp_path, data)
    err, _ = _refused(capsys, source)
    own = orgs[parent]["dang_vien"]["tong"]
    end = next((k for k in range(parent + 1, len(orgs)) if orgs[k]["cap"] <= 1), len(orgs))
    below = sum(o["dang_vien"]["tong"] for o in orgs[parent + 1 : end] if o["cap"] == 2)
    assert own < below
    assert (
        f"lỗi [rollup-children] `to_chuc[{parent + 1}].dang_vien` ({orgs[parent]['ten']}): "
        f"`tong` là {own}, ít hơn tổng của các tổ chức trực thuộc ({below})."
    ) in err


def _duplicate_key(text: str) -> str:
    return text.replace('"nam": 2025,', '"nam": 2025,\n "nam": 2024,', 1)


def _syntax(text: str) -> str:
    return text.replace('"nam": 2025,', '"nam": 2025', 1)


def _half_pair(text: str) -> str:
    return text.replace('"ten": "', '"ten": "\\ud800', 1)


def _float(data: dict[str, Any]) -> None:
    data["tong"]["duoc_xep_loai"] = float(data["tong"]["duoc_xep_loai"])


def _previous_year(data: dict[str, Any]) -> None:
    data["nam_truoc"]["nam"] = YEAR


def _depth(data: dict[str, Any]) -> None:
    data["to_chuc"][1]["cap"] = 3


def _same_org(data: dict[str, Any]) -> None:
    data["to_chuc"][3]["ma"] = data["to_chuc"][2]["ma"]


def _undecided(data: dict[str, Any]) -> None:
    data["xep_loai_to_chuc"]["chua_quyet_dinh"] = 99


# (how the file is changed, where the finding points: a pattern and which match, what it says)
TAMPERED: list[tuple[Callable[..., Any], tuple[str, int], str]] = [
    (_duplicate_key, (r'\n ("nam": 2024)', 0), "[rollup-duplicate-key] Mục `nam` được viết hai lần"),
    (_syntax, (r'"nam": 2025\n (")bo_quy_tac', 0), "[rollup-json] Tệp không đúng cú pháp JSON: thiếu dấu phẩy"),
    (_half_pair, (r'"ten": "(\\)ud800', 0), "[rollup-not-utf8] Tệp có mã `\\u` của nửa cặp ký tự"),
    (_float, (r'"duoc_xep_loai": (\d+\.0)', 0), "`tong.duoc_xep_loai` (Được xếp loại) phải là số nguyên"),
    (_previous_year, (r'"nam": (2025)', 1),
     "[rollup-previous-year] `nam_truoc.nam` là 2025: năm trước phải trước năm 2025"),
    (_depth, (r'"cap": (3)', 0), "[rollup-depth] `to_chuc[2]`"),
    (_same_org, (r'"ma": (")', 3), "[rollup-duplicate-org] `to_chuc[4]`: mã tổ chức"),
    (_undecided, (r'"chua_quyet_dinh": (99)', 0),
     "[rollup-undecided] `xep_loai_to_chuc`: `chua_quyet_dinh` là 99, nhiều hơn số có mức"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "place", "said"), TAMPERED, ids=lambda v: getattr(v, "__name__", "")
)
def test_a_tampered_file_is_refused_where_it_is_wrong(
    exported: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[..., Any],
    place: tuple[str, int],
    said: str,
) -> None:
    source = tmp_path / "xa.json"
    if change in (_duplicate_key, _syntax, _half_pair):
        source.write_text(change(exported), "utf-8")
    else:
        data = json.loads(exported)
        change(data)
        _write(tmp_path, data)
    err, _ = _refused(capsys, source)
    assert f"{_at(source, *place)}: lỗi " in err, err
    assert said in err
    assert "Tệp thống kê do lệnh `kiemdiem rollup --export` ghi ra và không sửa bằng tay" in err


def test_a_long_value_is_quoted_shortened(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported)
    data["to_chuc"][0]["ten"] = "A" * 100_000 + "\x1b"
    err, _ = _refused(capsys, _write(tmp_path, data))
    assert "[schema-length] `to_chuc[1].ten` (Tên tổ chức) phải có nhiều nhất 300 ký tự." in err
    assert "AAAA…AAAAAAAAA\\x1b` ở `to_chuc[1].ten`" in err
    assert len(err) < 3000


def test_a_file_that_is_not_text_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "xa.json"
    source.write_bytes(b'{"nam": "\xff\xfe"}')
    err, _ = _refused(capsys, source)
    assert f"{source}:1:1: lỗi [rollup-not-utf8] Tệp không phải văn bản UTF-8" in err


def test_every_source_is_told_in_one_run(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported)
    data["tong"]["tong"] += 1
    bad = _write(tmp_path, data, "xa-b.json")
    missing = tmp_path / "khong-co.json"
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    out = tmp_path / "tong.csv"
    code, stdout, err = _run(capsys, "rollup", str(bad), str(missing), str(folder), "-o", str(out))
    assert (code, stdout, out.exists()) == (1, "", False)
    assert f"{bad}:" in err and "[rollup-total-sum] `tong`: `tong` là" in err
    assert (
        f"{missing}:1:1: lỗi [rollup-not-found] Không tìm thấy tệp hay thư mục `{missing}`." in err
    )
    assert (f"{folder}:1:1: lỗi [rollup-not-a-repo] Thư mục `{folder}` không phải kho hồ sơ") in err


def test_command_line_misuse_is_still_a_usage_error(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "xa.json"
    source.write_text(exported, "utf-8")
    code, _, err = _run(capsys, "rollup", str(source), "--format", "xlsx")
    assert code == 2 and "Định dạng xlsx cần tên tệp" in err
    code, _, err = _run(capsys, "rollup", str(source), "--year", "2024")
    assert code == 1 and "là thống kê năm 2025, không phải năm 2024 (--year)" in err


def test_the_merged_sheet_is_written_from_the_extension(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "xa.json"
    source.write_text(exported, "utf-8")
    sheet = tmp_path / "tinh.xlsx"
    code, _, err = _run(capsys, "rollup", str(source), "-o", str(sheet))
    assert code == 0, err
    cells = [c for row in openpyxl.load_workbook(sheet).active.iter_rows(values_only=True)
             for c in row if c is not None]  # fmt: skip
    assert any("Toàn đảng bộ" in str(c) for c in cells)


def test_a_total_short_of_its_organizations_and_categories_is_refused(
    exported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file's total, consistent in itself (one reason fewer), counts fewer members than
    its top organizations and its categories do."""
    data = json.loads(exported)
    total = data["tong"]
    reason = next(k for k, v in total["khong_xep_loai"].items() if v >= 1)
    total["khong_xep_loai"][reason] -= 1
    total["tong"] -= 1
    source = _write(tmp_path, data)
    err, _ = _refused(capsys, source)
    where = _at(source, r'\n  "tong": (\d+)\n \},\n "to_chuc"')  # the file's own total
    n, whole = total["tong"], total["tong"] + 1
    assert (
        f"{where}: lỗi [rollup-roots] `tong`: `tong` là {n}, ít hơn tổng của các tổ chức cấp "
        f"cao nhất trong `to_chuc` ({whole})."
    ) in err
    assert (
        f"{where}: lỗi [rollup-categories] `tong`: `tong` là {n}, ít hơn tổng theo loại hình "
        f"(`phan_loai`: {whole})."
    ) in err
