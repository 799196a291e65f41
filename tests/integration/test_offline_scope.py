"""`kiemdiem build --offline` makes a copy to hand around (a USB stick), which has no
access rules: whoever holds the folder reads every page in it. A data-protection trial
found the README's USB command built every committee's and chi bộ's site into it (their
members' discipline and internal notes). Without `--pham-vi` an offline build now holds the
organization-wide site only and says so; asked for the others, it builds them and warns."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import MINI, write_tree


def _build(tmp_path: Path, *extra: str) -> Path:
    repo = write_tree(tmp_path / "repo", MINI)
    out = tmp_path / "usb"
    assert main(["--repo", str(repo), "build", "--offline", "--out", str(out), *extra]) == 0
    return out


def test_offline_build_holds_the_organizations_site_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _build(tmp_path)
    assert (out / "2025" / "index.html").is_file()
    assert not (out / "cap-uy").exists() and not (out / "chi-bo").exists()
    err = capsys.readouterr().err
    assert "chỉ có trang toàn đảng bộ" in err and "--pham-vi to-chuc,cap-uy,chi-bo" in err


def test_offline_build_of_the_committees_sites_warns_to_hand_out_folders_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _build(tmp_path, "--pham-vi", "to-chuc,cap-uy,chi-bo")
    assert list((out / "cap-uy").glob("*/2025/index.html"))
    assert list((out / "chi-bo").glob("*/2025/index.html"))
    err = capsys.readouterr().err
    assert "cảnh báo: bản mở từ ổ đĩa (--offline) có cả trang của cấp ủy, chi bộ" in err
    assert "`cap-uy/<mã tổ chức>/`, `chi-bo/<mã tổ chức>/`" in err


def test_a_server_build_still_builds_every_audience_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = write_tree(tmp_path / "repo", MINI)
    out = tmp_path / "site"
    assert main(["--repo", str(repo), "build", "--out", str(out)]) == 0
    assert list((out / "cap-uy").glob("*/2025/index.html"))
    assert "--offline" not in capsys.readouterr().err


def test_one_bodys_offline_copy_still_holds_its_own_sites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--chi-mot` asks for one body's own sites: offline, they are what it holds (the
    organization-wide default would leave nothing to build)."""
    out = _build(tmp_path, "--chi-mot", "chi-bo-ap-1")
    assert list(out.glob("chi-bo/chi-bo-ap-1/2025/index.html"))
    assert not (out / "2025").exists()
    assert "cảnh báo: bản mở từ ổ đĩa" not in capsys.readouterr().err
