"""A chi bộ secretary's own review has another reviewer: CODEOWNERS gives it to the deputy
secretary (else the level above's committee) too, and `check --author` on a pull request
that changes it says who must approve it — never the secretary herself, as secretary."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.cli import main
from generator.forge import codeowners
from tests.conftest import copy_sample

Y = "/submissions/2026/dang-bo-tinh-hoa-lam"
CB = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-co-quan-xa"
LAN = f"{CB}/dang-vien/dv-101004.yaml"  # pham-thi-lan: member dv-101004 and the bí thư


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        check=True,
        capture_output=True,
    )


def test_each_secretarys_own_review_has_a_second_code_owner(tmp_path: Path) -> None:
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    assert main(["--repo", str(repo), "codeowners"]) == 0
    lines = (repo / codeowners.CODEOWNERS_PATH).read_text("utf-8").splitlines()
    # the six secretaries of the sample with their deputy (phó bí thư) beside them
    for folder, member, owners in [
        (
            "dang-bo-cong-ty-che-mau-son/chi-bo-phan-xuong-che-bien",
            "dv-103011",
            "@hoang-van-toan @vi-van-long",
        ),
        (
            "dang-bo-cong-ty-che-mau-son/chi-bo-van-phong",
            "dv-103002",
            "@lam-thi-diep @nong-thi-bich",
        ),
        ("dang-bo-xa-an-son/chi-bo-co-quan-xa", "dv-101004", "@chu-van-dat @pham-thi-lan"),
        ("dang-bo-xa-an-son/chi-bo-thon-an-lac", "dv-101011", "@do-van-thanh @nguyen-thi-hoa"),
        ("dang-bo-xa-an-son/chi-bo-thon-an-phu", "dv-101021", "@ly-van-tam @phan-van-loi"),
        ("dang-bo-xa-an-son/chi-bo-truong-thcs-an-hoa", "dv-102001", "@ha-thi-minh @ta-van-quang"),
    ]:
        pattern = f"{Y}/{folder}/dang-vien/{member}.yaml"
        assert [line.split() for line in lines if line.startswith(pattern + " ")] == [
            [pattern, *owners.split()]
        ]
    # no review of a member with an account is owned by one account alone
    reviews = [line.split() for line in lines if "/dang-vien/dv-" in line]
    assert len(reviews) > 6 and [r for r in reviews if len(r) < 3] == []


def test_the_check_names_who_approves_a_secretarys_own_review(tmp_path: Path, capsys) -> None:
    repo = copy_sample(tmp_path / "repo", (2026,))
    (repo / ".gitignore").write_text(".kiemdiem-cache/\n", "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    text = (repo / LAN).read_text("utf-8")
    assert text.count("tu_xep_loai: HTTNV") == 1
    (repo / LAN).write_text(text.replace("tu_xep_loai: HTTNV", "tu_xep_loai: HTXSNV"), "utf-8")
    git(repo, "commit", "-qam", "raise")
    args = ["--repo", str(repo), "check", "--changed-since", "HEAD~1"]
    code = main([*args, "--author", "pham-thi-lan", "--actor", "pham-thi-lan"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0  # the member may write her own self-rating
    assert [line for line in out if "[auth-" in line] == [
        f"{LAN}:1:1: cảnh báo [auth-own-review] Đây là bản kiểm điểm của chính bí thư chi bộ "
        "`chi-bo-co-quan-xa` (`dv-101004`, tài khoản `pham-thi-lan`): bí thư không tự duyệt "
        "bản của mình, nên yêu cầu hợp nhất này cần phó bí thư chi bộ `chi-bo-co-quan-xa` "
        "(`chu-van-dat`) duyệt."
    ]
    hint = out[out.index(next(line for line in out if "[auth-" in line)) + 1]
    assert "Nhờ `chu-van-dat` xem và bấm duyệt (Approve)" in hint
    # the deputy, a code owner of that file now, may change it (no auth-not-allowed)
    code = main([*args, "--author", "chu-van-dat"])
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 1)[0] for line in out if "[auth-" in line] == [f"{LAN}:1:1"]
    assert code == 0
