"""A repository without schema/ (e.g. one `python -m generator.synthetic` just wrote) is
refused by every command that reads the records, in Vietnamese, with what to do — never an
internal error half-way through (`build` used to fail with "lỗi nội bộ (KeyError:
'dang-vien')" after rating the whole year), and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import synthetic
from generator.cli import main


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("no-schema")
    synthetic.generate(repo, year=2025, ruleset="qd366-hd43", grassroots=2, chi_bo=4,
                       members=30, seed=2)  # fmt: skip
    return repo


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["rate"],
        ["stats"],
        ["build", "--out", "{out}"],
        ["serve", "--addr", "127.0.0.1:0"],
        ["member", "dv-000001"],
    ],
)
def test_refused_with_what_to_do(
    repo: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    argv = ["--repo", str(repo), *(a.replace("{out}", str(out)) for a in command)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"Không tìm thấy thư mục schema/ trong {repo}" in err
    assert "--repo" in err and "lỗi nội bộ" not in err and "Traceback" not in err
    assert not out.exists()
    assert not (repo / ".kiemdiem-cache").exists()
