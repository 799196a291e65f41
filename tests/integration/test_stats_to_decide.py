"""The statistics count the cases the rules cannot settle: "Trong đó cần quyết định".

In the sample's 2025, dv-101012 (chi bộ thôn An Lạc) gets a khiển trách in 2025 for a
violation of 2024: 366-M8 flags her "cần quyết định" (the superior committee judges the
circumstances), and her chi bộ's decision leaves her out, so her level is provisional. The
count is 1 in `kiemdiem stats` (CSV, JSON, XLSX, terminal) and on the site of the committee
deciding her; the reason is committee-only (generator/privacy/verdicts.py REASON_SCOPES),
so the organization's and the chi bộ's sites do not count her (they list no such flag).
generator/statistics/__init__.py `Counts.to_decide`, generator/privacy/verdicts.py.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import copy_sample

XA = "dang-bo-xa-an-son"
CHI_BO = "chi-bo-thon-an-lac"
BASE = f"submissions/2025/dang-bo-tinh-hoa-lam/{XA}/{CHI_BO}"
HEAD = "Trong đó cần quyết định"


def flag_earlier_violation(repo: Path) -> None:
    """dv-101012: a 2024 violation disciplined in 2025 (366-M8), left out of the decision."""
    path = repo / BASE / "dang-vien" / "dv-101012.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["ky_luat"] = [
        {"hinh_thuc": "khien_trach", "ngay_vi_pham": "2024-11-10", "ngay_quyet_dinh": "2025-03-02"}
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    path = repo / BASE / "quyet-dinh.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["dang_vien"] = [r for r in data["dang_vien"] if r["ma_dang_vien"] != "dv-101012"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("to-decide") / "repo", (2024, 2025))
    flag_earlier_violation(repo)
    return repo


def _stats(repo: Path, tmp: Path, fmt: str) -> Path:
    out = tmp / f"thong-ke.{fmt}"
    assert main(["--repo", str(repo), "stats", "--year", "2025", "-o", str(out)]) == 0
    return out


def test_stats_csv_and_json_count_her(repo: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_stats(repo, tmp_path, "csv").read_text("utf-8"))))
    by_key = {r["ma"]: r for r in rows}
    assert by_key[CHI_BO]["trong_do_can_quyet_dinh"] == "1"
    assert by_key[CHI_BO]["trong_do_muc_du_kien"] == "1"  # her level, provisional
    assert by_key[XA]["trong_do_can_quyet_dinh"] == "1"
    assert by_key["chi-bo-thon-an-phu"]["trong_do_can_quyet_dinh"] == "0"
    assert rows[0]["loai_dong"] == "tong" and rows[0]["trong_do_can_quyet_dinh"] == "1"
    data = json.loads(_stats(repo, tmp_path, "json").read_text("utf-8"))
    assert {r["ma"]: r["trong_do_can_quyet_dinh"] for r in data["dong"]}[CHI_BO] == 1


def test_stats_xlsx_and_terminal_name_the_column(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(_stats(repo, tmp_path, "xlsx")).active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    col = next(r.index(HEAD) for r in cells if HEAD in r)
    row = next(r for r in cells if r[1] == "Chi bộ thôn An Lạc")
    assert row[col] == 1
    capsys.readouterr()
    main(["--repo", str(repo), "rate", "--year", "2025"])
    lines = capsys.readouterr().out.splitlines()
    assert next(ln for ln in lines if ln.startswith("Tổ chức")).endswith("Cần QĐ")
    assert next(ln for ln in lines if "Chi bộ thôn An Lạc" in ln).split()[-1] == "1"


def _site(repo: Path) -> Path:
    out = repo / "site"
    if not out.exists():
        common = ["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]
        assert main([*common, "--pham-vi", "to-chuc"]) == 0
        assert main([*common, "--pham-vi", "cap-uy,chi-bo", "--chi-mot", CHI_BO]) == 0
    return out


def _text(cell: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", cell))).strip()


def _column(site: Path, root: str, table: str, label: str) -> str:
    """The cell "Trong đó cần quyết định" of the row starting with `label` ("" for a table
    of one row) in the statistics table `table` of the site at `root`."""
    page = (site / root / "2025" / "thong-ke" / "index.html").read_text("utf-8")
    body = re.search(rf'<table[^>]*id="{table}"[^>]*>(.*?)</table>', page, re.S)
    assert body is not None
    heads = [_text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", body.group(1), re.S)]
    for row in body.group(1).split("</tr>"):
        cells = [_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if len(cells) == len(heads) and (not label or cells[0] == label):
            return cells[heads.index(HEAD)]
    raise AssertionError(f"no row {label!r} in {table}")


def test_the_deciding_committee_s_page_counts_her(repo: Path) -> None:
    site = _site(repo)
    root = f"cap-uy/{CHI_BO}"
    assert _column(site, root, "bang-toan-dang-bo", "") == "1"
    assert _column(site, root, "bang-theo-to-chuc", "Chi bộ thôn An Lạc") == "1"


@pytest.mark.parametrize("root", ["", f"chi-bo/{CHI_BO}"])
def test_a_site_that_may_not_read_why_does_not_count_her(repo: Path, root: str) -> None:
    """Her flag states a discipline (366-M8, committee-only): counted where it is not
    listed, the count would tell that a member of An Lạc has a case the page hides."""
    site = _site(repo)
    assert _column(site, root, "bang-toan-dang-bo", "") == "0"
    if not root:
        assert _column(site, root, "bang-theo-to-chuc", "Chi bộ thôn An Lạc") == "0"
    page = (site / root / "2025" / "thong-ke" / "index.html").read_text("utf-8")
    assert "chỉ tính những trường hợp trang này được nêu lý do" in page
