"""An organization's name that `check` accepts is one the statistics exchange file takes
(a statistician's trial: names starting with a tab or ~5,600 characters long passed
`check`, `rollup --export` wrote them, and the province's `rollup` refused the file with
a hint, "export again", that only wrote the same file). The organization schema refuses
what the exchange schema refuses, told at the name's line of to-chuc.yaml."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import CB, MINI, ROOT

ORG = f"{CB}/to-chuc.yaml"


def _schema(name: str) -> dict:
    return json.loads((ROOT / "schema" / name).read_text("utf-8"))


def test_the_name_rules_of_both_schemas_are_the_same() -> None:
    exchange = _schema("thong-ke.schema.json")["$defs"]["to_chuc"]["properties"]["ten"]
    org = _schema("to-chuc.schema.json")["properties"]["ten"]
    text = _schema("chung.schema.json")["$defs"]["van_ban"]  # the name's $ref
    assert org["$ref"] == "chung.schema.json#/$defs/van_ban"
    for keyword in ("pattern", "maxLength", "minLength"):
        assert org.get(keyword, text.get(keyword)) == exchange[keyword], keyword


def _named(mini_repo: Callable[..., Path], line: str) -> Path:
    text = textwrap.dedent(MINI[ORG]).lstrip("\n")
    assert "ten: Chi bộ Ấp 1\n" in text
    return mini_repo({ORG: text.replace("ten: Chi bộ Ấp 1\n", line + "\n")})


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["--repo", str(repo), "check", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["findings"]


@pytest.mark.parametrize(
    ("line", "code", "message", "hint"),
    [
        (
            'ten: "\\tChi bộ Ấp 1"',
            "schema-pattern",
            "`ten` (Tên tổ chức) có ký tự điều khiển U+0009 (tab): không nhìn thấy được, và "
            "tệp thống kê gửi cấp trên (`kiemdiem rollup --export`) không nhận tên có ký tự này.",
            "Viết `ten` (Tên tổ chức) trên một dòng, không có U+0009 (tab): giữa hai chữ, dùng "
            "một dấu cách thay cho ký tự ấy",
        ),
        (
            "ten: |\n  Chi bộ\n  Ấp 1",  # a block: two lines, a line feed between them
            "schema-pattern",
            "`ten` (Tên tổ chức) có ký tự điều khiển U+000A (xuống dòng):",
            "Viết `ten` (Tên tổ chức) trên một dòng, không có U+000A (xuống dòng):",
        ),
        (
            "ten: Chi bộ " + "rất dài " * 700,
            "schema-length",
            "`ten` (Tên tổ chức) phải có nhiều nhất 300 ký tự.",
            "Viết `ten` (Tên tổ chức) ngắn gọn, tối đa 300 ký tự (đếm cả dấu cách): chỉ tên "
            "đầy đủ. Nội dung khác đang viết trong đó, nếu cần giữ, chép sang nơi khác trước "
            "khi viết lại.",
        ),
    ],
)
def test_check_refuses_a_name_the_statistics_file_refuses(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    line: str,
    code: str,
    message: str,
    hint: str,
) -> None:
    exit_code, findings = _check(_named(mini_repo, line), capsys)
    assert exit_code == 1
    errors = [f for f in findings if f["severity"] == "error" and f["path"] == ORG]
    assert [(f["code"], f["line"], f["column"]) for f in errors] == [(code, 3, 6)]
    assert errors[0]["message"].startswith(message)
    assert errors[0]["hint"].startswith(hint)


def test_a_control_character_told_at_its_escape_is_told_once(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`"Chi bộ\\r Ấp 1"` (the trial's file): the text-control error at the escape says
    what to remove; the name's schema finding would say it again."""
    exit_code, findings = _check(_named(mini_repo, 'ten: "Chi bộ\\r Ấp 1"'), capsys)
    assert exit_code == 1
    errors = [(f["code"], f["line"], f["column"]) for f in findings if f["path"] == ORG]
    assert errors == [("text-control", 3, 13)]


def test_a_name_check_accepts_rolls_up(
    mini_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """At the limit (300 characters, a no-break space, a bidi mark shown as ⟦U+…⟧ by the
    site): `check` passes, and the province reads the export."""
    name = ("Chi bộ\u00a0Ấp 1 \u202e" + "x" * 300)[:300]
    repo = _named(mini_repo, f'ten: "{name}"')
    exit_code, findings = _check(repo, capsys)
    assert (exit_code, [f["code"] for f in findings]) == (0, ["text-invisible"])  # a warning
    out = tmp_path / "xa.json"
    assert main(["--repo", str(repo), "rollup", "--export", "-o", str(out)]) == 0
    assert name in [o["ten"] for o in json.loads(out.read_text("utf-8"))["to_chuc"]]
    assert main(["rollup", str(out), "--format", "json", "-o", str(tmp_path / "t.json")]) == 0
    capsys.readouterr()


def test_export_refuses_a_name_an_older_schema_let_in(
    mini_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A repository whose schema/ folder predates the name's rules passes its check; its
    export is read back as the province reads it and refused, told at the name's line."""
    repo = _named(mini_repo, 'ten: "\\tChi bộ Ấp 1"')
    schema = repo / "schema" / "to-chuc.schema.json"
    data = json.loads(schema.read_text("utf-8"))
    del data["properties"]["ten"]["pattern"], data["properties"]["ten"]["maxLength"]
    schema.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert _check(repo, capsys)[0] == 0
    out = tmp_path / "xa.json"
    assert main(["--repo", str(repo), "rollup", "--export", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert not out.exists()
    assert (
        f"{ORG}:3:6: lỗi [rollup-export-refused] Tệp thống kê năm 2025 sẽ bị cấp trên từ chối "
        "vì tên của tổ chức `chi-bo-ap-1` ở dòng này: Giá trị `\\tChi bộ Ấp 1` ở "
    ) in err
    assert "Gợi ý: Sửa tên trong tệp này (một dòng, không có ký tự điều khiển như tab" in err
    assert err.rstrip().endswith("kiemdiem: chưa ghi tệp nào.")
