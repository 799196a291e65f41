"""The pull-request flow end to end, without a forge (issue 5).

A Git repository is made in tmp_path from a small district (one xã, one chi bộ, three
members, a roster); a branch commits changes as a given author; then the exact command of
`.github/workflows/check.yml` runs with the environment a runner gives it. The test
asserts the annotations, the job summary table, the pull-request comment and the
authorization findings.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
    for rel, text in TREE.items():
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_text(text, "utf-8")
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "năm 2026")
    # what actions/checkout with fetch-depth 0 leaves: the base branch as origin/<base>
    git(path, "update-ref", "refs/remotes/origin/main", "main")
    return path


def workflow_command() -> str:
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    step = next(s for s in workflow["jobs"]["check"]["steps"] if s.get("id") == "check")
    assert set(step["env"]) == {"PR_AUTHOR"}
    return str(step["run"])


def run_workflow_check(repo: Path, tmp: Path, author: str) -> tuple[int, str, str, str]:
    """Run the check step as a runner would; (exit code, stdout, summary, comment)."""
    summary = tmp / "summary.md"
    summary.write_text("", "utf-8")
    runner_temp = tmp / "runner"
    runner_temp.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(runner_temp),
        "PR_AUTHOR": author,
    }
    proc = subprocess.run(
        ["bash", "-e", "-c", workflow_command()],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    comment = runner_temp / "kiemdiem-comment.md"
    return (
        proc.returncode,
        proc.stdout,
        summary.read_text("utf-8"),
        comment.read_text("utf-8") if comment.exists() else "",
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("kiemdiem") is None:
        pytest.skip("the kiemdiem command is not installed (pip install -e .)")
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

    code, out, summary, comment = run_workflow_check(repo, tmp_path, "pham-thi-hai")
    assert code == 1
    annotations = sorted(line for line in out.splitlines() if line.startswith("::"))
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
    # the job summary: the same findings as a table
    assert "| Tệp | Dòng | Mức | Mã | Nội dung | Cách sửa |" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| `submissions/")]
    assert [
        (r.split("|")[1].strip(), r.split("|")[2].strip(), r.split("|")[4].strip()) for r in rows
    ] == [
        (f"`{CB}/dang-vien/dv-2.yaml`", "7", "`schema-enum`"),
        (f"`{CB}/dang-vien/dv-3.yaml`", "1", "`auth-not-allowed`"),
        (f"`{CB}/de-xuat.yaml`", "7", "`auth-own-rating`"),
    ]
    # the comment: the marker first (the workflow finds and updates it), the table, the author
    assert comment.startswith(COMMENT_MARKER + "\n## Kết quả kiểm tra hồ sơ")
    assert [line for line in comment.splitlines() if line.startswith("| `submissions/")] == rows
    assert "Người gửi: `pham-thi-hai`." in comment
    assert "3 lỗi" in comment


def test_secretary_pull_request_is_clean(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")  # the secretary may
    edit(repo, f"{CB}/de-xuat.yaml", "dv-2\n    muc: HTNV", "dv-2\n    muc: HTTNV")
    git(repo, "commit", "-q", "-am", "đề xuất", author="le-van-mot")
    code, out, summary, comment = run_workflow_check(repo, tmp_path, "le-van-mot")
    assert code == 0, out
    assert not [line for line in out.splitlines() if line.startswith("::")]
    assert "Đã kiểm tra" in summary and "không có lỗi" in summary
    assert comment.startswith(COMMENT_MARKER)
    assert "Mọi tệp đều hợp lệ." in comment


def test_secretary_cannot_change_own_line(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/de-xuat.yaml", "dv-1\n    muc: HTTNV", "dv-1\n    muc: HTXSNV")
    git(repo, "commit", "-q", "-am", "đề xuất", author="le-van-mot")
    code, out, _, _ = run_workflow_check(repo, tmp_path, "le-van-mot")
    assert code == 1
    assert f"::error file={CB}/de-xuat.yaml,line=5,col=1,title=kiemdiem auth-own-rating::" in out


def test_removing_own_line_is_a_change_too(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "chi-bo-1")
    edit(repo, f"{CB}/de-xuat.yaml", "  - ma_dang_vien: dv-1\n    muc: HTTNV\n", "")
    git(repo, "commit", "-q", "-am", "đề xuất", author="le-van-mot")
    _, out, _, _ = run_workflow_check(repo, tmp_path, "le-van-mot")
    assert f"::error file={CB}/de-xuat.yaml,line=4,col=1,title=kiemdiem auth-own-rating::" in out


def test_unknown_account_may_change_nothing(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "la")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    git(repo, "commit", "-q", "-am", "sửa", author="nguoi-la")
    code, out, _, _ = run_workflow_check(repo, tmp_path, "nguoi-la")
    assert code == 1
    assert "chưa có trong danh sách tài khoản" in out
    assert f"file={CB}/dang-vien/dv-3.yaml,line=1,col=1,title=kiemdiem auth-not-allowed" in out


def test_board_may_change_any_file(repo: Path, tmp_path: Path) -> None:
    git(repo, "checkout", "-q", "-b", "btc")
    edit(repo, f"{CB}/dang-vien/dv-3.yaml", "Võ Văn Ba", "Võ Văn Bốn")
    edit(repo, f"{Y}/nam-danh-gia.yaml", "ten: Năm 2026", "ten: Kiểm điểm năm 2026")
    git(repo, "commit", "-q", "-am", "sửa", author="ban-to-chuc")
    code, out, _, _ = run_workflow_check(repo, tmp_path, "ban-to-chuc")
    assert code == 0, out


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
    assert proc.returncode == 1
    import json

    issues = json.loads(proc.stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        (
            "auth-not-allowed",
            "critical",
            {"path": f"{CB}/dang-vien/dv-3.yaml", "lines": {"begin": 1}},
        )
    ]
    assert len(issues[0]["fingerprint"]) == 32
