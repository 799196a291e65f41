"""A member with an account who moved to another chi bộ that the newest year still has, and
has not written this year's review there yet: who owns the review `kiemdiem new member`
will create, on copies of the sample (generator/forge/codeowners.py `_moved_onto`).

CODEOWNERS places a member by the chi bộ of their newest review (last year's), so their own
line stays in the old chi bộ; the new chi bộ's path falls under its members folder line.
For a member without a seat that is their new secretary, who approves it: pinned here. For
a member who is the new chi bộ's secretary it was only themself, so their review could not
be approved by anyone; a seat on the chi bộ's committee now gives that path its own line.
"""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.forge import codeowners
from generator.forge.owners import owners_of
from generator.forge.roster import load_roster
from tests.integration.test_roster_rights import _check, _sample

COMPANY = "dang-bo-tinh-hoa-lam/dang-bo-cong-ty-che-mau-son"
OLD = "chi-bo-van-phong"  # secretary nong-thi-bich
NEW = "chi-bo-phan-xuong-che-bien"  # secretary hoang-van-toan (dv-103011), deputy vi-van-long


def _review(year: int, chi_bo: str, member: str) -> str:
    return f"submissions/{year}/{COMPANY}/{chi_bo}/dang-vien/{member}.yaml"


def _lines(repo: Path) -> list[str]:
    """CODEOWNERS's rules, each as `pattern owner…` (the padding between them dropped)."""
    text = (repo / codeowners.CODEOWNERS_PATH).read_text("utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.startswith("/")]


def _owners(repo: Path, path: str) -> str:
    """The owners the forge reads for `path`: the last matching rule wins."""
    found = ""
    for line in _lines(repo):
        pattern, owners = line.split(" ", 1)
        if pattern == f"/{path}" or (pattern.endswith("/") and f"/{path}".startswith(pattern)):
            found = owners
    return found


def _new_member(repo: Path, member: str, capsys) -> str:  # type: ignore[no-untyped-def]
    assert main(["--repo", str(repo), "new", "member", member, "--org", NEW]) == 0
    return capsys.readouterr().out.splitlines()[0]


def test_a_secretary_who_moved_owns_the_review_new_member_creates(tmp_path: Path, capsys) -> None:
    """hoang-van-toan (dv-103011), bí thư of NEW: his 2025 review is in OLD (he moved), no
    2026 review yet. The path `kiemdiem new member` creates was his alone as the members
    folder's only owner (an author cannot approve their own pull request): now its own line
    names the deputy, as `check --author` does."""
    repo, _ = _sample(tmp_path, capsys)
    (repo / _review(2025, NEW, "dv-103011")).rename(repo / _review(2025, OLD, "dv-103011"))
    (repo / _review(2026, NEW, "dv-103011")).unlink()
    assert main(["--repo", str(repo), "codeowners"]) == 0
    assert capsys.readouterr().out.splitlines() == ["Đã ghi .github/CODEOWNERS."]
    new = _review(2026, NEW, "dv-103011")
    assert f"/{new} @hoang-van-toan @vi-van-long" in _lines(repo)
    assert f"/{_review(2026, OLD, 'dv-103011')} @hoang-van-toan @nong-thi-bich" in _lines(repo)
    assert _owners(repo, new) == "@hoang-van-toan @vi-van-long"
    assert owners_of(new, load_roster(repo), open_year=2026).logins == [
        "hoang-van-toan",
        "vi-van-long",
    ]
    # the path is the one `kiemdiem new member` writes; CODEOWNERS stays current after it
    assert _new_member(repo, "dv-103011", capsys) == f"Đã tạo `{new}`."
    assert main(["--repo", str(repo), "codeowners", "--check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        ".github/CODEOWNERS đã cũ: chạy `kiemdiem codeowners` rồi commit tệp đó."
    ]
    assert main(["--repo", str(repo), "codeowners"]) == 0
    capsys.readouterr()
    assert _owners(repo, new) == "@hoang-van-toan @vi-van-long"
    assert not any("dv-103011" in line for line in _lines(repo) if f"/{OLD}/" in line)


def test_a_member_without_a_seat_who_moved_is_approved_by_the_new_secretary(
    tmp_path: Path, capsys
) -> None:
    """hua-van-tung (dv-103003, no seat) moved from OLD to NEW and has no 2026 review: his
    line stays at OLD (a path nobody will write), the review he creates in NEW is owned by
    NEW's secretary, who approves it; once merged, `codeowners --check` says the file is
    stale and the board's run moves his line to NEW. No roster warning: nothing is stuck."""
    repo, _ = _sample(tmp_path, capsys)
    (repo / _review(2026, OLD, "dv-103003")).unlink()
    assert main(["--repo", str(repo), "codeowners"]) == 0
    capsys.readouterr()
    new = _review(2026, NEW, "dv-103003")
    assert f"/{_review(2026, OLD, 'dv-103003')} @hua-van-tung @nong-thi-bich" in _lines(repo)
    assert not any("dv-103003" in line for line in _lines(repo) if f"/{NEW}/" in line)
    assert _owners(repo, new) == "@hoang-van-toan"
    code, out = _check(repo, capsys)
    assert (code, [line for line in out if "[roster-" in line]) == (0, [])
    assert _new_member(repo, "dv-103003", capsys) == f"Đã tạo `{new}`."
    assert main(["--repo", str(repo), "codeowners", "--check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        ".github/CODEOWNERS đã cũ: chạy `kiemdiem codeowners` rồi commit tệp đó."
    ]
    assert main(["--repo", str(repo), "codeowners"]) == 0
    capsys.readouterr()
    assert f"/{new} @hoang-van-toan @hua-van-tung" in _lines(repo)
