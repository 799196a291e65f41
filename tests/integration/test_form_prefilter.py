"""load_year hands `form_findings` only the records whose state fits the ruleset
(generator.check._form_findings): the findings are those of every file handed over."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.check import YearLoad, _form_findings, load_year
from generator.check.loaded import LoadedFile
from generator.rules.form import form_findings
from generator.rules.registry import spec_for
from generator.submissions.layout import Kind
from tests.conftest import ROOT, copy_sample


def _every_file(loaded: list[LoadedFile]) -> list[tuple[str, str, object]]:
    return [
        (lf.file.kind.value, lf.file.path, lf.record if lf.record is not None else lf.document)
        for lf in loaded
        if lf.file.kind in (Kind.MEMBER, Kind.ORG)
        and (lf.record is not None or lf.document is not None)
    ]


def _drafts_and_finals(repo: Path, year: int) -> None:
    """Every third member without a section and a self-rating, half of them drafts, half
    complete (a draft under a ruleset, a complete file while pending, get form findings)."""
    files = sorted((repo / "submissions" / str(year)).rglob("dang-vien/*.yaml"))
    for n, path in enumerate(files[::3]):
        data = yaml.safe_load(path.read_text("utf-8"))
        data.get("kiem_diem", {}).pop("phuong_huong", None)
        data.pop("tu_xep_loai", None)
        data["trang_thai_ho_so"] = "nhap" if n % 2 else "hoan_thanh"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("mixed", [False, True])
def test_prefiltered_form_findings_equal_every_files(
    tmp_path: Path, year: int, mixed: bool
) -> None:
    repo = ROOT if not mixed else copy_sample(tmp_path / "repo", (year,))
    if mixed:
        _drafts_and_finals(repo, year)
    sink: dict[int, YearLoad] = {}
    year_obj, _ = load_year(repo, year, sink=sink)
    loaded = sink[year].loaded
    spec = spec_for(year, year_obj.config)
    everything = form_findings(year_obj, spec, _every_file(loaded))  # type: ignore[arg-type]
    assert _form_findings(year_obj, loaded) == everything
    if mixed:
        assert everything  # the comparison is not between two empty lists
