"""One broken file does not make findings elsewhere: a chi bộ whose own to-chuc.yaml is
broken keeps its members known, so the đảng bộ xã naming one of them on its committee gets
no "unknown member" (whose "did you mean" pointed at another member: following it would
have put someone else on the committee). Found by a new user's trial."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

YEAR = 2026
CHI_BO = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
XA = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/to-chuc.yaml"


def _findings(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["--repo", str(repo), "check", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["findings"]


def _break(repo: Path, pattern: str, repl: str) -> None:
    path = repo / CHI_BO / "to-chuc.yaml"
    text, n = re.subn(pattern, repl, path.read_text("utf-8"), count=1, flags=re.M)
    assert n == 1
    path.write_text(text, "utf-8")


@pytest.mark.parametrize(
    ("pattern", "repl", "code"),
    [
        (r"^loai: chi_bo_co_so$", "loai: chi_bo_co_soo", "schema-enum"),  # a typo in its type
        (r"^ma_to_chuc: chi-bo-thon-an-lac$", "ma_to_chuc: chi-bo-an-lac", "org-folder-mismatch"),
    ],
)
def test_a_broken_chi_bo_file_does_not_make_its_members_unknown(
    pattern: str, repl: str, code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025, YEAR))
    named = re.findall(r"dv-\d+", (repo / XA).read_text("utf-8"))
    members = {p.stem for p in (repo / CHI_BO / "dang-vien").glob("*.yaml")}
    assert set(named) & members, "the sample's xã committee names a member of this chi bộ"
    _, before = _findings(repo, capsys)
    assert not [f for f in before if f["code"] == "ref-unknown-member"]
    _break(repo, pattern, repl)
    exit_code, found = _findings(repo, capsys)
    assert exit_code == 1
    errors = [f for f in found if f["severity"] == "error"]
    assert [(f["code"], f["path"]) for f in errors] == [(code, f"{CHI_BO}/to-chuc.yaml")]
