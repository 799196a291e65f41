"""The committees' and chi bộ's sites over time and one body at a time: a body gone from
a year loses that year's site (only what the build made is deleted), and `build --chi-mot
ORG` builds that body's sites alone, without the organization's site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.audience_sites import SITE_MARKER
from generator.site.build import BuildOptions, build_site
from tests.conftest import copy_sample

YEAR = 2025
GONE = "chi-bo-van-phong"  # a chi bộ of the sample's đảng bộ cơ sở (not a committee)
ONE = "chi-bo-thon-an-lac"  # a chi bộ cơ sở: its own committee and its chi bộ


def test_a_body_gone_from_the_year_loses_its_site_and_nothing_else(tmp_path: Path) -> None:
    repo = copy_sample(tmp_path / "repo", (YEAR,))
    options = BuildOptions(
        repo=repo, out=tmp_path / "site", project=repo, years=[YEAR],
        audiences=("to-chuc", "cap-uy", "chi-bo"),
    )  # fmt: skip
    build_site(options)
    gone = options.out / "chi-bo" / GONE
    assert (gone / str(YEAR) / "index.html").is_file() and (gone / "versions.json").is_file()
    # folders the build did not make, beside and inside the audience folders
    foreign = options.out / "chi-bo" / "khong-phai-cua-build" / str(YEAR)
    foreign.mkdir(parents=True)
    (foreign / "index.html").write_text("giữ nguyên", "utf-8")
    other_year = gone / "2019"
    other_year.mkdir()
    (other_year / "ghi-chu.txt").write_text("không do build tạo", "utf-8")

    shutil.rmtree(next((repo / "submissions" / str(YEAR)).rglob(GONE)))
    result = build_site(options)

    assert result.audience_removed == [f"chi-bo/{GONE}/{YEAR}"]
    assert not (gone / str(YEAR)).exists()
    # another year's folder (not the build's here) keeps the root and what is in it
    assert (other_year / "ghi-chu.txt").is_file()
    assert (foreign / "index.html").read_text("utf-8") == "giữ nguyên"
    assert (options.out / "chi-bo" / ONE / str(YEAR) / SITE_MARKER).is_file()
    assert not [o for o in result.audience_sites if o.root == f"chi-bo/{GONE}"]

    # the root goes with its last year
    shutil.rmtree(other_year)
    build_site(options)
    (gone / str(YEAR)).mkdir(parents=True)
    (gone / str(YEAR) / SITE_MARKER).write_text("", "utf-8")
    (gone / "versions.json").write_text("[]", "utf-8")
    again = build_site(options)
    assert again.audience_removed == [f"chi-bo/{GONE}/{YEAR}"] and not gone.exists()


def _run(repo: Path, out: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--repo", str(repo), "build", "--out", str(out), *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_one_body_job_builds_its_sites_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (YEAR - 1, YEAR))
    out = tmp_path / "site"
    said = _run(repo, out, "--chi-mot", ONE, "--year", str(YEAR), capsys=capsys)
    assert "không dựng trang toàn đảng bộ" in said
    assert f"cap-uy/{ONE}/{YEAR}/: dựng lại" in said and f"chi-bo/{ONE}/{YEAR}/: dựng lại" in said
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "cap-uy",
        "chi-bo",
    ]
    for kind in ("cap-uy", "chi-bo"):
        assert [p.name for p in (out / kind).iterdir()] == [ONE]
        assert (out / kind / ONE / str(YEAR) / "index.html").is_file()
        assert (out / kind / ONE / "versions.json").is_file()

    # the organization's build afterwards builds the organization's site: the job did not
    # mark its years as built
    said = _run(repo, out, "--pham-vi", "to-chuc", capsys=capsys)
    assert "không thay đổi, giữ nguyên" not in said
    assert (out / str(YEAR - 1) / "index.html").is_file() and (out / "index.html").is_file()
    org_index = (out / str(YEAR) / "index.html").stat().st_mtime_ns
    versions = (out / "versions.json").read_text("utf-8")

    # a job after the full build: that body's sites (unchanged: kept), nothing else touched
    said = _run(repo, out, "--chi-mot", ONE, "--year", str(YEAR), capsys=capsys)
    assert f"chi-bo/{ONE}/{YEAR}/: không thay đổi" in said
    assert (out / str(YEAR) / "index.html").stat().st_mtime_ns == org_index
    assert (out / "versions.json").read_text("utf-8") == versions

    code = main(["--repo", str(repo), "build", "--out", str(out), "--chi-mot", "khong-co-ma-nay"])
    captured = capsys.readouterr()
    assert code == 2 and "Không có cấp ủy hay chi bộ nào mã `khong-co-ma-nay`" in captured.err


def test_an_organization_build_warns_of_the_other_audiences_it_leaves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--pham-vi to-chuc` into a folder holding committees' and chi bộ's sites keeps them
    (the README's server rebuilds the organization's site alone on each push) and says
    the folder is not to be published whole without access rules; into a fresh folder,
    nothing is said."""
    repo = copy_sample(tmp_path / "repo", (YEAR,))
    out = tmp_path / "site"
    _run(repo, out, "--chi-mot", ONE, "--year", str(YEAR), capsys=capsys)
    kept = (out / "chi-bo" / ONE / str(YEAR) / "index.html").read_bytes()
    args = ["--repo", str(repo), "build", "--pham-vi", "to-chuc"]
    assert main([*args, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert (
        f"kiemdiem build: cảnh báo: {out} vẫn còn `cap-uy/` và `chi-bo/` của lần dựng trước" in err
    )
    assert "docs/deploy/nginx-pham-vi.conf" in err and "vào một thư mục mới" in err
    assert (out / "chi-bo" / ONE / str(YEAR) / "index.html").read_bytes() == kept
    assert main([*args, "--out", str(tmp_path / "fresh")]) == 0
    assert "cảnh báo" not in capsys.readouterr().err
