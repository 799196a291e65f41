"""The bundled sample (submissions/) builds with `kiemdiem build --strict`, every year."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.build import BuildOptions, build_site
from generator.submissions.layout import years

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_YEARS = years(ROOT)

pytestmark = pytest.mark.skipif(not SAMPLE_YEARS, reason="no sample years in submissions/")


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    options = BuildOptions(repo=ROOT, out=out, project=ROOT, strict=True, force=True,
                           work=out.parent / "work")  # fmt: skip
    result = build_site(options)
    assert [r.year for r in result.years] == SAMPLE_YEARS
    return out


def test_every_sample_year_builds_strict(sample_site: Path) -> None:
    listed = [v["version"] for v in json.loads((sample_site / "versions.json").read_text())]
    assert listed == [str(y) for y in sorted(SAMPLE_YEARS, reverse=True)]
    for year in SAMPLE_YEARS:
        assert (sample_site / str(year) / "index.html").is_file()
        assert (sample_site / str(year) / "search" / "search_index.json").is_file()


def test_every_sample_member_has_an_anchor_and_no_private_data(sample_site: Path) -> None:
    for year in SAMPLE_YEARS:
        anchors: set[str] = set()
        pages = "".join(p.read_text("utf-8") for p in (sample_site / str(year)).rglob("*.html"))
        anchors.update(re.findall(r'<h3 id="([a-z0-9-]+)">', pages))
        for path in (ROOT / "submissions" / str(year)).rglob("dang-vien/*.yaml"):
            assert path.stem in anchors, path
            text = path.read_text("utf-8")
            birth = re.search(r'^ngay_sinh:\s*"?(\d{4}-\d{2}-\d{2})', text, re.M)
            if birth:
                y, m, d = birth.group(1).split("-")
                assert f"{d}/{m}/{y}" not in pages and birth.group(1) not in pages, path


def test_build_command_skips_unchanged_closed_years(tmp_path: Path) -> None:
    out = tmp_path / "site"
    args = ["--repo", str(ROOT), "build", "--out", str(out)]
    assert main(args) == 0
    oldest = out / str(SAMPLE_YEARS[0]) / "index.html"
    stamp = oldest.stat().st_mtime_ns
    assert main(args) == 0
    if len(SAMPLE_YEARS) > 1:
        assert oldest.stat().st_mtime_ns == stamp  # closed year kept
    newest = out / str(SAMPLE_YEARS[-1]) / "index.html"
    assert newest.is_file()
    assert "url=" + str(SAMPLE_YEARS[-1]) in (out / "index.html").read_text()
