"""`kiemdiem check` end to end: exact codes, files, lines and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import CB, MINI, ROOT, XA, Y

M1 = f"{CB}/dang-vien/dv-000001.yaml"


def run_check(repo: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["--repo", str(repo), "check", "--format", "json", *args])
    captured = capsys.readouterr()
    assert captured.out, f"no report (exit {code}); stderr: {captured.err[-2000:]}"
    return code, json.loads(captured.out)


def found(report: dict) -> list[tuple[str, str, int]]:
    return [(f["code"], f["path"], f["line"]) for f in report["findings"]]


def replace(rel: str, old: str, new: str) -> dict[str, str]:
    text = textwrap.dedent(MINI[rel]).lstrip("\n")
    assert old in text, old
    return {rel: text.replace(old, new)}


def test_mini_year_is_clean(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = run_check(mini_repo(), capsys=capsys)
    assert report["findings"] == []
    assert code == 0
    assert report["files_checked"] == len(MINI)


def test_sample_submissions_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """The project checks its own sample: no error, only the intentional warnings (2026,
    the round in progress, has not carried over every chi bộ's 2025 members yet)."""
    code, report = run_check(ROOT, capsys=capsys)
    assert code == 0, report
    assert sorted(f["code"] for f in report["findings"]) == [
        *["member-not-carried-over"] * 4,
        "rule-quota-provisional",
        "rule-two-years-khtnv",
    ]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        # a missing key: the line of the mapping that lacks it (the root: line 1)
        (replace(M1, "ho_ten: Nguyễn Văn Nam\n", ""), [("schema-required", M1, 1)]),
        # a missing key in a nested mapping: the line of that mapping's key
        (
            replace(M1, "  phuong_huong: Chủ động hơn trong công việc.\n", ""),
            [("schema-required", M1, 14)],
        ),
        # an unknown key: its own line
        (
            replace(M1, "tu_xep_loai: HTTNV", "tu_xep_loai: HTTNV\nghi_chu: x"),
            [("schema-unknown-key", M1, 19)],
        ),
        # a level written as its label
        (
            replace(M1, "tu_xep_loai: HTTNV", "tu_xep_loai: Hoàn thành tốt nhiệm vụ"),
            [("schema-enum", M1, 18)],
        ),
        # a date in dd/mm/yyyy
        (replace(M1, '"2010-03-15"', "15/03/2010"), [("schema-pattern", M1, 5)]),
        # a date that does not exist
        (replace(M1, '"2010-03-15"', '"2010-02-30"'), [("schema-date", M1, 5)]),
        # a number written as text
        (replace(M1, "duoc_giao: 10", "duoc_giao: mười"), [("schema-type", M1, 7)]),
        # a score above its maximum
        (replace(M1, "tieu_chi_chung: 27", "tieu_chi_chung: 35"), [("schema-range", M1, 12)]),
        # an id that breaks the pattern
        (
            replace(M1, "ma_dang_vien: dv-000001", "ma_dang_vien: DV 01"),
            [("schema-pattern", M1, 1)],
        ),
    ],
)
def test_schema_violations_have_code_file_and_line(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    overrides: dict[str, str],
    expected: list[tuple[str, str, int]],
) -> None:
    code, report = run_check(mini_repo(overrides), "--no-rules", capsys=capsys)
    assert found(report) == expected
    assert code == 1
    assert all(f["message"] and f["hint"] for f in report["findings"])


def test_unknown_key_suggests_the_intended_one(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(M1, "ho_ten:", "họ_tên:"))
    _, report = run_check(repo, "--no-rules", capsys=capsys)
    # one mistake, one finding: the missing `ho_ten` is what `họ_tên` meant
    assert found(report) == [("schema-unknown-key", M1, 3)]
    assert "Sửa dòng 3 thành: `ho_ten: Nguyễn Văn Nam`" in report["findings"][0]["hint"]


def test_level_label_hint_gives_the_corrected_line(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(M1, "tu_xep_loai: HTTNV", "tu_xep_loai: Hoàn thành tốt nhiệm vụ"))
    _, report = run_check(repo, "--no-rules", capsys=capsys)
    assert "Sửa dòng 18 thành: `tu_xep_loai: HTTNV`" in report["findings"][0]["hint"]


def test_date_hint_gives_the_iso_form(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(M1, '"2010-03-15"', "15/03/2010"))
    _, report = run_check(repo, "--no-rules", capsys=capsys)
    assert 'ngay_vao_dang: "2010-03-15"' in report["findings"][0]["hint"]


def test_ruleset_overlay_forbids_the_other_rulesets_shape(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(f"{Y}/nam-danh-gia.yaml", "qd366-hd43", "qd124-hd25"))
    _, report = run_check(repo, "--no-rules", capsys=capsys)
    by_file = {(f["path"], f["code"]) for f in report["findings"]}
    # each member must add its criteria (tieu_chi) and drop the scores (diem)
    for member in ("dv-000001", "dv-000002"):
        path = f"{CB}/dang-vien/{member}.yaml"
        assert (path, "schema-required") in by_file
        assert (path, "schema-not-allowed") in by_file


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            replace(M1, "ma_dang_vien: dv-000001", "ma_dang_vien: dv-000009"),
            [("id-mismatch-file", M1, 1)],
        ),
        (replace(M1, "nam: 2025", "nam: 2024"), [("year-mismatch", M1, 2)]),
        (
            replace(f"{CB}/to-chuc.yaml", "ma_to_chuc: chi-bo-ap-1", "ma_to_chuc: chi-bo-ap-2"),
            [("org-folder-mismatch", f"{CB}/to-chuc.yaml", 1)],
        ),
        (
            replace(f"{CB}/to-chuc.yaml", "bi_thu: dv-000001", "bi_thu: dv-000003"),
            [("ref-unknown-member", f"{CB}/to-chuc.yaml", 6)],
        ),
        (
            replace(
                f"{CB}/de-xuat.yaml",
                "  - ma_dang_vien: dv-000002\n    muc: HTTNV\n    phieu:\n      tan_thanh: 2\n",
                "",
            ),
            [("proposal-missing-member", f"{CB}/de-xuat.yaml", 4)],
        ),
        (
            replace(f"{CB}/de-xuat.yaml", "- ma_dang_vien: dv-000002", "- ma_dang_vien: dv-000001"),
            [
                ("proposal-duplicate", f"{CB}/de-xuat.yaml", 9),
                ("proposal-missing-member", f"{CB}/de-xuat.yaml", 4),
            ],
        ),
        (
            {
                f"{CB}/quyet-dinh.yaml": 'nam: 2025\nma_to_chuc: chi-bo-ap-1\nso_quyet_dinh: 1-QĐ\nngay: "2025-12-20"\ndang_vien:\n  - ma_dang_vien: dv-000001\n    muc: HTTNV\n'
            },
            [("decision-no-authority", f"{CB}/quyet-dinh.yaml", 6)],
        ),
        (
            {
                f"{XA}/quyet-dinh.yaml": 'nam: 2025\nma_to_chuc: dang-bo-xa-a\nso_quyet_dinh: 1-QĐ\nngay: "2025-12-20"\ndang_vien:\n  - ma_dang_vien: dv-000404\n    muc: HTTNV\nto_chuc:\n  - ma_to_chuc: dang-bo-xa-a\n    muc: HTTNV\n'
            },
            [
                ("ref-unknown-member", f"{XA}/quyet-dinh.yaml", 6),
                ("decision-no-authority", f"{XA}/quyet-dinh.yaml", 9),
            ],
        ),
        ({f"{XA}/ghi-chu.txt": "x"}, [("file-unexpected", f"{XA}/ghi-chu.txt", 1)]),
        (
            {f"{CB}/dang-vien/dv-000003.yml": "x: 1"},
            [("file-unexpected", f"{CB}/dang-vien/dv-000003.yml", 1)],
        ),
        ({f"{XA}/to-chuc.yaml": None}, [("org-missing-file", f"{Y}/huyen-mau/dang-bo-xa-a", 1)]),
    ],
)
def test_cross_file_findings(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    overrides: dict[str, str | None],
    expected: list[tuple[str, str, int]],
) -> None:
    code, report = run_check(mini_repo(overrides), "--no-rules", capsys=capsys)
    assert sorted(found(report)) == sorted(expected)
    assert code == 1


def test_load_problems_flow_through_check(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    (repo / M1).write_bytes(
        (repo / M1).read_bytes().replace(b"ho_ten: Nguy", b"ho_ten: Nguy\n\tx: 1\n", 1)
    )
    (repo / f"{CB}/dang-vien/dv-000002.yaml").write_bytes(
        b"\xef\xbb\xbf" + (repo / f"{CB}/dang-vien/dv-000002.yaml").read_bytes()
    )
    code, report = run_check(repo, "--no-rules", capsys=capsys)
    assert found(report) == [
        ("yaml-tab", M1, 4),
        ("file-bom", f"{CB}/dang-vien/dv-000002.yaml", 1),
    ]
    assert code == 1


def test_symlink_is_refused(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    os.symlink("/etc/passwd", repo / f"{CB}/dang-vien/dv-000003.yaml")
    code, report = run_check(repo, "--no-rules", capsys=capsys)
    assert found(report) == [("file-symlink", f"{CB}/dang-vien/dv-000003.yaml", 1)]
    assert code == 1


def test_path_outside_repository(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repo = mini_repo()
    code, report = run_check(repo, str(tmp_path), "--no-rules", capsys=capsys)
    assert [f["code"] for f in report["findings"]] == ["path-outside-repo"]
    assert code == 1


def test_path_as_the_repository_names_it_from_another_folder(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`kiemdiem --repo R check submissions/...` run outside R checks R's file (a trial
    was told the path was outside the repository), as the findings name it."""
    repo = mini_repo(replace(M1, "tu_xep_loai: HTTNV", "tu_xep_loai: tot"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, report = run_check(repo, M1, "--no-rules", capsys=capsys)
    assert [(f["code"], f["path"]) for f in report["findings"]] == [("schema-enum", M1)]
    assert code == 1
    # leaving the repository from there is still refused
    code, report = run_check(repo, "../../etc", "--no-rules", capsys=capsys)
    assert [f["code"] for f in report["findings"]] == ["path-outside-repo"]


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "xml"]) == 2
    assert "lựa chọn không hợp lệ: 'xml'" in capsys.readouterr().err


def test_text_format(mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    repo = mini_repo(replace(M1, "tu_xep_loai: HTTNV", "tu_xep_loai: tot"))
    code = main(["--repo", str(repo), "check", "--no-rules"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{M1}:18:14: lỗi [schema-enum] Giá trị `tot` không hợp lệ")
    assert lines[1].startswith("    Gợi ý: Sửa dòng 18 thành: `tu_xep_loai: HTTNV`")
    assert lines[-1] == "Đã kiểm tra 7 tệp: 1 lỗi."
    assert code == 1


def test_github_format_annotations_and_summary(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    overrides = {}
    for i in range(12):
        overrides[f"{CB}/dang-vien/dv-1000{i:02d}.yaml"] = "x: 1\n"
    repo = mini_repo(overrides)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = main(["--repo", str(repo), "check", "--format", "github", "--no-rules"])
    out = capsys.readouterr().out.splitlines()
    annotations = [line for line in out if line.startswith("::error ")]
    assert len(annotations) == 10
    assert annotations[0].startswith(
        f"::error file={CB}/dang-vien/dv-100000.yaml,line=1,col=1,title=kiemdiem schema-"
    )
    assert any(line.startswith("::notice title=kiemdiem::Còn ") for line in out)
    table = summary.read_text(encoding="utf-8")
    assert table.count(f"| <code>{CB}/dang-vien/dv-1000") >= 12
    assert code == 1


def test_changed_since_shows_changed_files_and_what_they_cause(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    # an old problem in an unchanged file is not shown...
    (repo / f"{CB}/dang-vien/dv-000002.yaml").write_text("x: 1\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "old problem"], check=True)
    subprocess.run([*git, "tag", "base"], check=True)
    # ...a new member file is checked, and the proposal it leaves uncovered is shown
    (repo / f"{CB}/dang-vien/dv-000003.yaml").write_text(
        (repo / M1).read_text(encoding="utf-8").replace("dv-000001", "dv-000003"), encoding="utf-8"
    )
    code, report = run_check(repo, "--changed-since", "base", "--no-rules", capsys=capsys)
    assert found(report) == [("proposal-missing-member", f"{CB}/de-xuat.yaml", 4)]
    assert code == 1


def test_pending_year_switched_to_a_ruleset_lists_what_each_file_must_add(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """RULES.md R0: the sample's 2026 is `pending`; checked as qd124-hd25, every completed
    file must add its criteria (tieu_chi) and drop its scores (diem); a draft is told, as a
    warning, exactly which fields it must add (issue 8 item 4: it used to be told nothing)."""
    code, report = run_check(
        ROOT, "submissions/2026", "--ruleset", "qd124-hd25", "--no-rules", capsys=capsys
    )
    assert code == 1
    by_file: dict[str, list[tuple[str, str]]] = {}
    for f in report["findings"]:
        if f["code"] != "member-not-carried-over":  # the round's, whatever the ruleset
            by_file.setdefault(f["path"], []).append((f["code"], f["message"]))
    assert by_file
    for path, items in by_file.items():
        text = (ROOT / path).read_text(encoding="utf-8")
        codes = sorted(code for code, _ in items)
        assert set(codes) <= {"schema-required", "schema-not-allowed", "form-to-complete"}, (
            path,
            codes,
        )
        root = path.count("/") == 3  # the province: reviewed above the repository (D5)
        if "trang_thai_ho_so: nhap" in text and root:
            assert codes == ["schema-not-allowed"], (path, codes)
        elif "trang_thai_ho_so: nhap" in text:  # a draft: drop what does not fit, and a list
            assert "schema-required" not in codes, (path, codes)
            assert codes.count("form-to-complete") == 1, (path, codes)
            todo = next(m for c, m in items if c == "form-to-complete")
            assert "`tieu_chi.chinh_tri_tu_tuong`" in todo and "qd124-hd25" in todo
        else:
            assert "form-to-complete" not in codes, (path, codes)
        if "\ndiem:" in text:
            assert any(
                "`diem`" in message for code, message in items if code == "schema-not-allowed"
            )
        if "\ntieu_chi:" not in text and "trang_thai_ho_so: nhap" not in text:
            assert any(
                "`tieu_chi`" in message for code, message in items if code == "schema-required"
            )
    # without the override the pending year is clean but for the round's own warnings
    code, report = run_check(ROOT, "submissions/2026", "--no-rules", capsys=capsys)
    assert code == 0
    assert {f["code"] for f in report["findings"]} == {"member-not-carried-over"}


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        (b"ma_dang_vien: dv-000001\nnam: 2025\nnam: 2025\n", "yaml-duplicate-key", 3),
        (b"ma_dang_vien: dv-000001\nkiem_diem:\n\tuu_diem: x\n", "yaml-tab", 3),
        (b"ma_dang_vien: dv-000001\nho_ten: Nguy\xc3\xa1n\nx: \xff\n", "file-not-utf8", 3),
        (b"\xef\xbb\xbfma_dang_vien: dv-000001\n", "file-bom", 1),
        (b"ma_dang_vien: dv-000001\n---\nnam: 2025\n", "yaml-multi-document", 2),
        (b"a: &a [x, x]\nb: [*a, *a]\n", "yaml-alias", 1),  # each anchor is one
        (b"ma_dang_vien: dv-000001\nnam: !!int 2025\n", "yaml-tag", 2),
        (b"- dv-000001\n", "yaml-not-mapping", 1),
        (b"", "yaml-empty", 1),
        (b"%PDF-1.4\n\x00\x00binary", "file-not-text", 1),
        ("ma_dang_vien: dv-000001\r\nho_tên: Nguyễn\r\n".encode("utf-16"), "file-utf16", 1),
        (b"\xfe\xff" + "ma_dang_vien: dv-000001\n".encode("utf-16-be"), "file-utf16", 1),
        ("ma_dang_vien: dv-000001\n".encode("utf-16-le"), "file-utf16", 1),
        (b"ma_dang_vien: dv-000001\nuu_diem: " + b"x" * 600_000 + b"\n", "file-too-large", 1),
        ("ma_dang_vien: dv-000001\nuu_diem: Kết quả: tốt\n".encode(), "yaml-syntax", 2),
    ],
)
def test_every_bad_input_is_a_finding_with_file_and_line(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    code: str,
    line: int,
) -> None:
    repo = mini_repo()
    (repo / M1).write_bytes(content)
    exit_code, report = run_check(repo, "--no-rules", capsys=capsys)
    assert found(report) == [(code, M1, line)]
    assert report["findings"][0]["message"] and report["findings"][0]["hint"]
    assert exit_code == 1


def test_nfd_text_is_a_warning_not_an_error(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    text = (repo / M1).read_text(encoding="utf-8")
    (repo / M1).write_text(text.replace("Nguyễn", "Nguye\u0302\u0303n"), encoding="utf-8")
    exit_code, report = run_check(repo, "--no-rules", capsys=capsys)
    assert [(f["code"], f["severity"], f["line"]) for f in report["findings"]] == [
        ("text-nfd", "warning", 3)
    ]
    assert exit_code == 0


def test_empty_review_section_is_a_length_finding(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(M1, "uu_diem: Hoàn thành đầy đủ nhiệm vụ được giao.", 'uu_diem: ""'))
    _, report = run_check(repo, "--no-rules", capsys=capsys)
    assert found(report) == [("schema-length", M1, 15)]


def test_a_draft_may_leave_a_section_empty(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13 item 3: one form rule. A draft may be partial: an empty section is no error;
    it is named among what the draft must still add under the year's ruleset."""
    repo = mini_repo(replace(M1, "uu_diem: Hoàn thành đầy đủ nhiệm vụ được giao.", 'uu_diem: ""'))
    member = repo / M1
    member.write_text(member.read_text("utf-8") + "trang_thai_ho_so: nhap\n", "utf-8")
    _, report = run_check(repo, capsys=capsys)
    codes = [(f["code"], f["severity"]) for f in report["findings"] if f["path"] == M1]
    assert ("schema-length", "error") not in codes
    todo = [f for f in report["findings"] if f["path"] == M1 and f["code"] == "form-to-complete"]
    assert todo and "`kiem_diem.uu_diem`" in todo[0]["message"]


@pytest.mark.parametrize("command", [["rate"], ["stats", "--format", "csv"]])
def test_rate_and_stats_say_when_broken_files_were_left_out(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    repo = mini_repo(replace(M1, "tu_xep_loai: HTTNV", "tu_xep_loai: tot"))
    assert main(["--repo", str(repo), *command]) == 1
    err = capsys.readouterr().err
    assert "năm 2025 có 1 lỗi hồ sơ; các tệp lỗi không được tính vào kết quả" in err
    assert main(["--repo", str(mini_repo()), *command]) == 0
