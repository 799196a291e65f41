"""`kiemdiem rollup` sums "Trong đó cần quyết định" (`trong_do_can_quyet_dinh`, optional in
format kiemdiem-thong-ke/2): two parts' counts add up; a file exported before the field
existed is still read, and the rollup says the count is unknown there (empty in CSV, null
in JSON, "không rõ" in XLSX), never summing it as 0. generator/statistics/rollup.py."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import synthetic
from generator.cli import main
from tests.conftest import ROOT, copy_sample
from tests.integration.test_stats_to_decide import flag_earlier_violation

FIELD = "trong_do_can_quyet_dinh"


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample with one case to decide (test_stats_to_decide), and a synthetic xã."""
    base = tmp_path_factory.mktemp("rollup-to-decide")
    sample = copy_sample(base / "sample", (2024, 2025))
    flag_earlier_violation(sample)
    xa = base / "xa"
    synthetic.generate(xa, year=2025, ruleset="qd366-hd43", grassroots=2, chi_bo=3,
                       members=40, seed=7)  # fmt: skip
    shutil.copytree(ROOT / "schema", xa / "schema")
    out = []
    for repo in (sample, xa):
        path = base / f"{repo.name}.json"
        assert (
            main(["--repo", str(repo), "rollup", "--export", "--year", "2025", "-o", str(path)])
            == 0
        )
        out.append(path)
    return out[0], out[1]


def _total(data: dict[str, Any]) -> dict[str, Any]:
    return next(row for row in data["dong"] if row["loai_dong"] == "tong")


def _rollup(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(["rollup", *args]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def _strip(value: Any) -> Any:
    """An export as a kiemdiem before the field wrote it."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != FIELD}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def test_the_export_carries_the_count(exports: tuple[Path, Path]) -> None:
    data = json.loads(exports[0].read_text("utf-8"))
    assert data["dinh_dang"] == "kiemdiem-thong-ke/2"
    assert data["tong"][FIELD] == 1
    rows = {o["ma"]: o["dang_vien"][FIELD] for o in data["to_chuc"]}
    assert rows["chi-bo-thon-an-lac"] == 1


def test_a_rollup_of_two_parts_sums_it(
    exports: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    parts = [_total(json.loads(_rollup(capsys, str(p), "--format", "json")[0])) for p in exports]
    out, err = _rollup(capsys, *map(str, exports), "--format", "json")
    merged = _total(json.loads(out))
    assert merged[FIELD] == parts[0][FIELD] + parts[1][FIELD]
    assert parts[0][FIELD] == 1
    assert "trong_do_can_quyet_dinh" not in err  # known everywhere: no note


def test_an_older_export_reads_and_the_count_is_unknown(
    exports: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "xa-cu.json"
    old.write_text(json.dumps(_strip(json.loads(exports[1].read_text("utf-8")))), "utf-8")
    out, err = _rollup(capsys, str(exports[0]), str(old), "--format", "json")
    data = json.loads(out)
    assert _total(data)[FIELD] is None  # not 1: the older file's cases are not known
    rows = {r["ma"]: r[FIELD] for r in data["dong"]}
    assert rows["chi-bo-thon-an-lac"] == 1  # a row of the newer file alone stays known
    assert "lưu ý" in err and "xa-cu.json" in err and "trong_do_can_quyet_dinh" in err
    assert "không tính là 0" in err
    out, _ = _rollup(capsys, str(exports[0]), str(old), "--format", "csv")
    total = next(r for r in csv.DictReader(io.StringIO(out)) if r["loai_dong"] == "tong")
    assert total[FIELD] == ""
    sheet = tmp_path / "tinh.xlsx"
    _rollup(capsys, str(exports[0]), str(old), "-o", str(sheet))
    from openpyxl import load_workbook

    rows = [[c.value for c in r] for r in load_workbook(sheet).active.iter_rows()]
    col = next(r.index("Trong đó cần quyết định") for r in rows if "Trong đó cần quyết định" in r)
    assert next(r for r in rows if r[1] == "Toàn đảng bộ")[col] == "không rõ"
    # a rollup of it leaves the field out, so the next rollup still reads it as unknown
    again = tmp_path / "tinh.json"
    _rollup(capsys, str(exports[0]), str(old), "--export", "-o", str(again))
    exported = json.loads(again.read_text("utf-8"))
    assert FIELD not in exported["tong"]
    out, _ = _rollup(capsys, str(again), "--format", "json")
    assert _total(json.loads(out))[FIELD] is None


def test_a_count_above_the_undecided_is_refused(
    exports: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exports[0].read_text("utf-8"))
    data["tong"][FIELD] = data["tong"]["chua_quyet_dinh"] + data["tong"]["can_quyet_dinh"] + 1
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    assert main(["rollup", str(bad), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "rollup-to-decide" in err and "`tong`" in err and "sai.json:" in err


def test_a_chi_bo_above_its_dang_bo_is_refused(
    exports: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hostile-submitter trial gave one chi bộ 1 under a đảng bộ of 0 (and a total of
    0): every other number is held to its parts, this one was not."""
    data = json.loads(exports[0].read_text("utf-8"))
    orgs = data["to_chuc"]
    child = next(
        i for i, o in enumerate(orgs)
        if i and o["cap"] > orgs[0]["cap"]
        and o["dang_vien"]["chua_quyet_dinh"] + o["dang_vien"]["can_quyet_dinh"] > 0
    )  # fmt: skip
    parent = max(i for i in range(child) if orgs[i]["cap"] < orgs[child]["cap"])
    orgs[child]["dang_vien"][FIELD] = 1  # within its own undecided
    orgs[parent]["dang_vien"][FIELD] = 0
    bad = tmp_path / "con.json"
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    assert main(["rollup", str(bad), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "rollup-children" in err and FIELD in err and "con.json:" in err


def test_a_shared_organization_with_a_provisional_level_makes_its_count_unknown() -> None:
    """Both sources count huyen-a's own provisional level among the organizations' levels;
    the rollup counts it once, and whether the rules flagged it no row says: the merged
    organizations' count is unknown (with a note), not one source's guess."""
    from generator.statistics import OWN_RATED
    from generator.statistics.rollup import merge
    from tests.integration.test_rollup_shared import _org, _source

    a = _source([_org("tinh", "dang_bo_tinh", 0, 5, None),
                 _org("huyen-a", "dang_bo_huyen", 1, 5, OWN_RATED)])  # fmt: skip
    b = _source([_org("tinh", "dang_bo_tinh", 0, 4, None),
                 _org("huyen-a", "dang_bo_huyen", 1, 4, OWN_RATED)])  # fmt: skip
    merged = merge([a, b], ["xa-a.json", "xa-b.json"])
    assert merged.org_levels.total == 1 and merged.org_levels.to_decide is None
    assert merged.total.to_decide == 0  # members: known in both
    assert any("xep_loai_to_chuc" in n and "không tính là 0" in n for n in merged.notes)
