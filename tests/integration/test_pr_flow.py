"""The pull-request flow end to end, without a forge (issues 5 and 9).

A Git repository is made in tmp_path holding the tool (generator/, pyproject.toml, schema/)
and a small district (one xã, one chi bộ, three members, a roster); a branch commits
changes as a given author. Then the steps of `.github/workflows/check.yml` run as a
runner would: the base commit is checked out in `base/`, the pull request's head in `pr/`,
the tool comes from `base/` (the install step is emulated by putting `base/` first on the
import path), and the check step's command runs unchanged with the runner's environment.
The tests assert the annotations, the job summary, the comment and the report artifact.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.report.markdown import COMMENT_MARKER

ROOT = Path(__file__).resolve().parents[2]
Y = "submissions/2026"
CB = f"{Y}/huyen/xa-a/chi-bo-1"
MEMBER = (
    "ma_dang_vien: {id}\nnam: 2026\nho_ten: {name}\nloai_dang_vien: chinh_thuc\n"
    'ngay_vao_dang: "2010-05-19"\ntrang_thai_ho_so: nhap\n'
)
TREE = {
    f"{Y}/nam-danh-gia.yaml": (
        'nam: 2026\nbo_quy_tac: pending\nten: Năm 2026\nto_chuc_goc: huyen\nngay_danh_gia: "2026-12-15"\n'
    ),
    f"{Y}/huyen/to-chuc.yaml": "ma_to_chuc: huyen\nnam: 2026\nten: Huyện\nloai: dang_bo_huyen\n",
    f"{Y}/huyen/xa-a/to-chuc.yaml": (
        "ma_to_chuc: xa-a\nnam: 2026\nten: Xã A\nloai: dang_bo_co_so\nphan_loai: xa\n"
    ),
    f"{CB}/to-chuc.yaml": (
        "ma_to_chuc: chi-bo-1\nnam: 2026\nten: Chi bộ 1\nloai: chi_bo_truc_thuoc\n"
        "lanh_dao:\n  bi_thu: dv-1\n  cap_uy_vien:\n    - dv-2\n"
    ),
    f"{CB}/dang-vien/dv-1.yaml": MEMBER.format(id="dv-1", name="Lê Văn Một"),
    f"{CB}/dang-vien/dv-2.yaml": MEMBER.format(id="dv-2", name="Phạm Thị Hai"),
    f"{CB}/dang-vien/dv-3.yaml": MEMBER.format(id="dv-3", name="Võ Văn Ba"),
    f"{CB}/de-xuat.yaml": (
        'nam: 2026\nma_to_chuc: chi-bo-1\nngay_hop: "2026-12-05"\nde_xuat:\n'
        "  - ma_dang_vien: dv-1\n    muc: HTTNV\n"
        "  - ma_dang_vien: dv-2\n    muc: HTNV\n"
        "  - ma_dang_vien: dv-3\n    muc: HTNV\n"
    ),
    "submissions/tai-khoan.yaml": (
        "tai_khoan:\n"
        "  - tai_khoan: le-van-mot\n    ma_dang_vien: dv-1\n    ho_ten: Lê Văn Một\n"
        "    cap_uy:\n      - ma_to_chuc: chi-bo-1\n        vai_tro: bi_thu\n"
        "  - tai_khoan: pham-thi-hai\n    ma_dang_vien: dv-2\n    ho_ten: Phạm Thị Hai\n"
        "    cap_uy:\n      - ma_to_chuc: chi-bo-1\n        vai_tro: cap_uy_vien\n"
        "  - tai_khoan: ban-to-chuc\n    ho_ten: Cán bộ Ban Tổ chức\n    ban_to_chuc: true\n"
    ),
}


def git(repo: Path, *args: str, author: str = "ban-to-chuc") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": f"{author}@example.invalid",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": f"{author}@example.invalid",
    }
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env
    ).stdout


def make_repo(path: Path) -> Path:
    shutil.copytree(ROOT / "schema", path / "schema")
    shutil.copytree(
        ROOT / "generator", path / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", path / "pyproject.toml")
    for rel, text in TREE.items():
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_text(text, "utf-8")
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "năm 2026")
    return path


def workflow_steps() -> dict[str, dict[str, object]]:
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    return {s["id"]: s for s in workflow["jobs"]["check"]["steps"] if "id" in s}


@dataclass
class Run:
    code: int
    out: str
    summary: str
    comment: str
    report: dict[str, object]

    def heads(self) -> list[str]:
        """The annotations' command and properties, sorted."""
        return sorted(
            line.split("::")[1] for line in self.out.splitlines() if line.startswith("::error")
        )

    def codes(self) -> list[tuple[str, str]]:
        """(code, path) of every finding in the JSON report, sorted."""
        findings = self.report["findings"]
        assert isinstance(findings, list)
        return sorted((f["code"], f["path"]) for f in findings)


def run_workflow_check(repo: Path, tmp: Path, author: str, actor: str | None = None) -> Run:
    """Run check.yml's steps as a runner would, for the branch checked out in `repo`."""
    ws = tmp / "workspace"
    if ws.exists():
        shutil.rmtree(ws)
        git(repo, "worktree", "prune")
    ws.mkdir()
    base_sha = git(repo, "rev-parse", "main").strip()
    head_sha = git(repo, "rev-parse", "HEAD").strip()
    # actions/checkout: the base commit in base/, the pull request's head in pr/
    git(repo, "worktree", "add", "-q", "--detach", str(ws / "base"), base_sha)
    git(repo, "worktree", "add", "-q", "--detach", str(ws / "pr"), head_sha)
    steps = workflow_steps()
    # the install step installs the base checkout; emulated: `kiemdiem` runs base/'s code
    assert steps["install"]["run"] == "python -m pip install ./base"
    shim = ws / "bin"
    shim.mkdir()
    (shim / "kiemdiem").write_text(
        f'#!/bin/sh\nPYTHONPATH="{ws / "base"}" exec "{sys.executable}" -m generator "$@"\n',
        "utf-8",
    )
    (shim / "kiemdiem").chmod(0o755 | stat.S_IXUSR)
    summary = tmp / "summary.md"
    summary.write_text("", "utf-8")
    env = {
        **os.environ,
        "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(tmp),
        "BASE_SHA": base_sha,
        "PR_AUTHOR": author,
        "PR_ACTOR": actor or author,
        "PR_NUMBER": "17",
    }
    env.pop("PYTHONPATH", None)
    assert set(steps["check"]["env"]) == {"BASE_SHA", "PR_AUTHOR", "PR_ACTOR", "PR_NUMBER"}
    proc = subprocess.run(
        ["bash", "-e", "-c", str(steps["check"]["run"])],
        cwd=ws,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    out_dir = ws / "kiemdiem-report"
    assert (out_dir / "pr-number.txt").read_text("utf-8") == "17\n"
    comment = out_dir / "comment.md"
    report = out_dir / "report.json"
    return Run(
        proc.returncode,
        proc.stdout,
        summary.read_text("utf-8"),
        comment.read_text("utf-8") if comment.exists() else "",
        json.loads(report.read_text("utf-8")) if report.exists() else {},
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def edit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_member_pull_request(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "kiem-diem-dv-2")
    # her own review, with a level written as its label (line 7)
    edit(
        repo,
        f"{CB}/dang-vien/dv-2.yaml",
        "trang_thai_ho_so: nhap\n",
        "trang_thai_ho_so: nhap\ntu_xep_loai: Hoàn thành tốt nhiệm vụ\n",
    )
    # someone else's review: not hers to change
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    # the chi bộ's proposals (she sits on the committee), including her own line (line 7)
    edit(repo, f"{CB}/de-xuat.yaml", "dv-2\n    muc: HTNV", "dv-2\n    muc: HTXSNV")
    edit(repo, f"{CB}/de-xuat.yaml", "dv-3\n    muc: HTNV", "dv-3\n    muc: HTTNV")
    git(repo, "commit", "-q", "-am", "kiểm điểm", author="pham-thi-hai")

    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    out, summary, comment = run.out, run.summary, run.comment
    assert run.code == 1
    annotations = sorted(line for line in out.splitlines() if line.startswith("::error"))
    heads = [a.split("::")[1] for a in annotations]
    assert heads == sorted(
        [
            f"error file={CB}/de-xuat.yaml,line=7,col=1,title=kiemdiem auth-own-rating",
            f"error file={CB}/dang-vien/dv-2.yaml,line=7,col=14,title=kiemdiem schema-enum",
            f"error file={CB}/dang-vien/dv-3.yaml,line=1,col=1,title=kiemdiem auth-not-allowed",
        ]
    )
    by_code = {a.split("title=kiemdiem ")[1].split("::")[0]: a for a in annotations}
    assert "`tu_xep_loai: HTTNV`" in by_code["schema-enum"]
    assert "Tài khoản `pham-thi-hai` không được sửa tệp này" in by_code["auth-not-allowed"]
    assert "đảng viên `dv-3` và bí thư chi bộ `chi-bo-1`" in by_code["auth-not-allowed"]
    assert "dòng của `dv-2` trong đề xuất của chi bộ" in by_code["auth-own-rating"]
    # the job summary: the same findings as a table (cells escaped: see test_report_safety)
    assert "| Tệp | Dòng | Mức | Mã | Nội dung | Cách sửa |" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| <code>submissions/")]

    def cells(row: str) -> tuple[str, str, str]:
        parts = [p.strip() for p in row.split(" | ")]
        return (parts[0].removeprefix("| "), parts[1], parts[3])

    assert [cells(r) for r in rows] == [
        (f"<code>{CB}/dang-vien/dv-2.yaml</code>", "7", "<code>schema-enum</code>"),
        (f"<code>{CB}/dang-vien/dv-3.yaml</code>", "1", "<code>auth-not-allowed</code>"),
        (f"<code>{CB}/de-xuat.yaml</code>", "7", "<code>auth-own-rating</code>"),
    ]
    # the comment: the marker first (the workflow finds and updates it), the table, the author
    assert comment.startswith(COMMENT_MARKER + "\n## Kết quả kiểm tra hồ sơ")
    assert [
        line for line in comment.splitlines() if line.startswith("| <code>submissions/")
    ] == rows
    assert "Người gửi: <code>pham-thi-hai</code>." in comment
    assert "3 lỗi" in comment
    # the report artifact: every finding, as JSON
    assert run.codes() == sorted(
        [
            ("auth-own-rating", f"{CB}/de-xuat.yaml"),
            ("schema-enum", f"{CB}/dang-vien/dv-2.yaml"),
            ("auth-not-allowed", f"{CB}/dang-vien/dv-3.yaml"),
        ]
    )


def test_secretary_pull_request_is_clean(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")  # the secretary may
    edit(repo, f"{CB}/de-xuat.yaml", "dv-2\n    muc: HTNV", "dv-2\n    muc: HTTNV")
    git(repo, "commit", "-q", "-am", "đề xuất", author="le-van-mot")
    run = run_workflow_check(repo, tmp_path, "le-van-mot")
    assert run.code == 0, run.out
    assert not [line for line in run.out.splitlines() if line.startswith("::error")]
    assert "Đã kiểm tra" in run.summary and "không có lỗi" in run.summary
    assert run.comment.startswith(COMMENT_MARKER)
    assert "Mọi tệp đều hợp lệ." in run.comment


def test_secretary_cannot_change_own_line(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/de-xuat.yaml", "dv-1\n    muc: HTTNV", "dv-1\n    muc: HTXSNV")
    git(repo, "commit", "-q", "-am", "đề xuất", author="le-van-mot")
    run = run_workflow_check(repo, tmp_path, "le-van-mot")
    assert run.code == 1
    assert (
        f"::error file={CB}/de-xuat.yaml,line=5,col=1,title=kiemdiem auth-own-rating::" in run.out
    )


def test_removing_own_line_is_a_change_too(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/de-xuat.yaml", "  - ma_dang_vien: dv-1\n    muc: HTTNV\n", "")
    git(repo, "commit", "-q", "-am", "đề xuất", author="le-van-mot")
    run = run_workflow_check(repo, tmp_path, "le-van-mot")
    assert (
        f"::error file={CB}/de-xuat.yaml,line=4,col=1,title=kiemdiem auth-own-rating::" in run.out
    )


def test_unknown_account_may_change_nothing(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "la")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    git(repo, "commit", "-q", "-am", "sửa", author="nguoi-la")
    run = run_workflow_check(repo, tmp_path, "nguoi-la")
    assert run.code == 1
    assert "chưa có trong danh sách tài khoản" in run.out
    assert f"file={CB}/dang-vien/dv-3.yaml,line=1,col=1,title=kiemdiem auth-not-allowed" in run.out


def test_board_may_change_any_file(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "btc")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    edit(repo, f"{Y}/nam-danh-gia.yaml", "ten: Năm 2026", "ten: Kiểm điểm năm 2026")
    git(repo, "commit", "-q", "-am", "sửa", author="ban-to-chuc")
    run = run_workflow_check(repo, tmp_path, "ban-to-chuc")
    assert run.code == 0, run.out


def test_gitlab_format_on_the_same_change(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "x")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    git(repo, "commit", "-q", "-am", "sửa", author="pham-thi-hai")
    proc = subprocess.run(
        [
            "kiemdiem",
            "check",
            "--changed-since",
            "main",
            "--author",
            "pham-thi-hai",
            "--format",
            "gitlab",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    import json

    assert proc.stdout, proc.stderr[-2000:]
    issues = json.loads(proc.stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        (
            "auth-not-allowed",
            "critical",
            {"path": f"{CB}/dang-vien/dv-3.yaml", "lines": {"begin": 1}},
        )
    ]
    assert len(issues[0]["fingerprint"]) == 32


# ---------------------------------------------------------------------------------------
# Issue 9: a pull request cannot argue the check out of its verdict.


def test_self_granted_board_role_is_judged_with_the_base_roster(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "tu-cap-quyen")
    # she makes herself a member of the organization board in the roster...
    edit(
        repo,
        "submissions/tai-khoan.yaml",
        "vai_tro: cap_uy_vien\n",
        "vai_tro: cap_uy_vien\n    ban_to_chuc: true\n",
    )
    # ...and in the same change raises her own proposal and edits another member's review
    edit(repo, f"{CB}/de-xuat.yaml", "dv-2\n    muc: HTNV", "dv-2\n    muc: HTXSNV")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    git(repo, "commit", "-q", "-am", "quyền", author="pham-thi-hai")
    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    assert run.code == 1
    assert run.codes() == sorted(
        [
            ("auth-not-allowed", "submissions/tai-khoan.yaml"),
            ("auth-not-allowed", f"{CB}/dang-vien/dv-3.yaml"),
            ("auth-own-rating", f"{CB}/de-xuat.yaml"),
        ]
    )


def test_a_modified_generator_is_not_the_judge(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "sua-chuong-trinh")
    # the pull request's own authorization code lets everything through...
    edit(
        repo,
        "generator/forge/authorize.py",
        '    """Findings for the changes under submissions/ that `login` may not make."""\n',
        '    """Findings for the changes under submissions/ that `login` may not make."""\n'
        "    return []\n",
    )
    edit(repo, "pyproject.toml", 'name = "kiemdiem"', 'name = "kiemdiem"  # sửa')
    # ...and raises her own proposal
    edit(repo, f"{CB}/de-xuat.yaml", "dv-2\n    muc: HTNV", "dv-2\n    muc: HTXSNV")
    git(repo, "commit", "-q", "-am", "sửa", author="pham-thi-hai")
    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    # the check that ran is the base's: the own rating is caught, and so is the code change
    assert run.code == 1
    assert run.codes() == sorted(
        [
            ("auth-outside", "generator/forge/authorize.py"),
            ("auth-outside", "pyproject.toml"),
            ("auth-own-rating", f"{CB}/de-xuat.yaml"),
        ]
    )
    assert (
        "::error file=generator/forge/authorize.py,line=1,col=1,title=kiemdiem auth-outside::"
        "Tài khoản `pham-thi-hai` không được thay đổi tệp ngoài thư mục submissions/"
    ) in run.out


def test_the_board_may_change_the_tool(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "btc-sua")
    edit(repo, "pyproject.toml", 'name = "kiemdiem"', 'name = "kiemdiem"  # sửa')
    git(repo, "commit", "-q", "-am", "sửa", author="ban-to-chuc")
    run = run_workflow_check(repo, tmp_path, "ban-to-chuc")
    assert run.code == 0, run.out


def test_the_account_that_pushed_is_checked_too(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")  # the secretary may
    git(repo, "commit", "-q", "-am", "sửa", author="pham-thi-hai")
    # opened by the secretary, but pushed by another account that may not make this change
    run = run_workflow_check(repo, tmp_path, "le-van-mot", actor="pham-thi-hai")
    assert run.code == 1
    assert run.codes() == [("auth-not-allowed", f"{CB}/dang-vien/dv-3.yaml")]
    assert "Tài khoản `pham-thi-hai` không được sửa tệp này" in run.out
    assert "Người đẩy thay đổi: <code>pham-thi-hai</code>." in run.comment
    assert run_workflow_check(repo, tmp_path, "le-van-mot", actor="le-van-mot").code == 0


@pytest.mark.parametrize(
    "folder",
    [
        f"{CB}/dang-vien/dv-ü.yaml",  # non-ASCII: quoted by `git diff --name-only`
        f"{CB}/dang-vien/dv\n::error::x.yaml",  # a newline in a file name
        f'{CB}/dang-vien/"dv-2".yaml',
        f"{Y}/huyen/xa-a/.an/dang-vien/dv-2.yaml",  # a dot-folder is never loaded
        f"{Y}/huyen/xa-a/Chi Bo/dang-vien/dv-2.yaml",
    ],
    ids=["non-ascii", "newline", "quotes", "dot-folder", "space"],
)
def test_every_changed_name_is_seen(repo: Path, tmp_path: Path, folder: str) -> None:
    git(repo, "checkout", "-q", "-b", "ten-la")
    target = repo / folder
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(MEMBER.format(id="dv-2", name="Phạm Thị Hai"), "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "thêm", author="pham-thi-hai")
    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    assert run.code == 1
    assert ("path-name", folder) in run.codes()
    # a name is never printed raw: no line of the log starts a workflow command with it
    assert not [
        line
        for line in run.out.splitlines()
        if line.startswith("::")
        and not line.startswith(("::error file=", "::stop-commands::"))
        and not re.fullmatch(r"::[0-9a-f]{32}::", line)
    ]


def test_a_new_year_folder_is_the_boards(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "nam-moi")
    path = "submissions/2027/huyen/xa-a/chi-bo-1/dang-vien/dv-2.yaml"
    (repo / path).parent.mkdir(parents=True)
    (repo / path).write_text(MEMBER.format(id="dv-2", name="Phạm Thị Hai"), "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "năm mới", author="pham-thi-hai")
    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    assert run.code == 1
    assert ("year-new-without-file", "submissions/2027") in run.codes()
    assert ("auth-not-allowed", path) in run.codes()


def test_moving_own_review_to_another_chi_bo_is_a_transfer(repo: Path, tmp_path: Path) -> None:
    # the base has a second chi bộ, with no proposals yet
    other = f"{Y}/huyen/xa-a/chi-bo-2"
    (repo / other).mkdir()
    (repo / other / "to-chuc.yaml").write_text(
        "ma_to_chuc: chi-bo-2\nnam: 2026\nten: Chi bộ 2\nloai: chi_bo_truc_thuoc\n", "utf-8"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "chi bộ 2")
    git(repo, "checkout", "-q", "-b", "chuyen")
    (repo / other / "dang-vien").mkdir()
    git(repo, "mv", f"{CB}/dang-vien/dv-2.yaml", f"{other}/dang-vien/dv-2.yaml")
    git(repo, "commit", "-q", "-m", "chuyển", author="pham-thi-hai")
    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    assert run.code == 1
    assert ("auth-transfer", f"{other}/dang-vien/dv-2.yaml") in run.codes()
    assert "từ `chi-bo-1` sang `chi-bo-2`" in run.out
    # the board may transfer
    assert "auth-transfer" not in [
        c for c, _ in run_workflow_check(repo, tmp_path, "ban-to-chuc").codes()
    ]


def test_deleting_own_review_shows_what_it_breaks(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "xoa")
    git(repo, "rm", "-q", f"{CB}/dang-vien/dv-2.yaml")
    git(repo, "commit", "-q", "-m", "xóa", author="pham-thi-hai")
    run = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    # the proposal left pointing nowhere is an error on the pull request, and the chi bộ's
    # count that changes is said
    assert run.code == 1
    codes = run.codes()
    assert [c for c in codes if c[1] == f"{CB}/de-xuat.yaml"], codes
    assert ("change-count", f"{CB}/dang-vien/dv-2.yaml") in codes
    assert "`chi-bo-1` có 2 đảng viên (trước đó: 3)" in run.out
    # the same findings as the full check of the year, which the deletion causes
    full = subprocess.run(
        [sys.executable, "-m", "generator", "--repo", str(repo), "check", "--format", "json"],
        capture_output=True,
        text=True,
    )
    full_codes = {(f["code"], f["path"]) for f in json.loads(full.stdout)["findings"]}
    assert {c for c in codes if c[0] != "change-count"} <= full_codes
