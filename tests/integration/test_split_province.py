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
