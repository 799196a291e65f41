"""Strict loading: every bad input is a positioned problem, never a crash or a hang."""

from __future__ import annotations

import time

import pytest

from generator.findings import Position
from generator.submissions.yamlload import MAX_DEPTH, loads, plain_scalar


def problems(data: bytes) -> list[tuple[str, int, int]]:
    return [(p.code, p.position.line, p.position.column) for p in loads(data).problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("false", False),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("True", "True"),
        ("1.10", "1.10"),
        ("1.5", 1.5),
        ("27.5", 27.5),
        ("2021-13-01", "2021-13-01"),
        ("2024-05-12", "2024-05-12"),
        ("42", 42),
        ("-3", -3),
        ("007", "007"),
        ("0x1F", "0x1F"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
        ("null", None),
        ("~", None),
        ("", None),
        ("12:30", "12:30"),
    ],
)
def test_plain_scalars_follow_strict_yaml_1_2(text: str, expected: object) -> None:
    value = plain_scalar(text)
    assert value == expected
    assert type(value) is type(expected)


def test_values_keep_line_and_column() -> None:
    doc = loads("ho_ten: Nguyễn Văn Nam\nky_luat:\n  - hinh_thuc: khien_trach\n".encode()).document
    assert doc is not None
    assert doc.data == {"ho_ten": "Nguyễn Văn Nam", "ky_luat": [{"hinh_thuc": "khien_trach"}]}
    assert doc.value_pos(("ho_ten",)) == Position(1, 9)
    assert doc.key_pos(("ky_luat",)) == Position(2, 1)
    assert doc.value_pos(("ky_luat", 0, "hinh_thuc")) == Position(3, 16)
    assert doc.key_pos(("ky_luat", 0, "hinh_thuc")) == Position(3, 5)
    # a path that does not exist falls back to its nearest existing ancestor
    assert doc.value_pos(("ky_luat", 0, "ngay_quyet_dinh")) == Position(3, 5)


def test_quoted_values_stay_text() -> None:
    doc = loads(b"a: \"true\"\nb: '42'\nc: |\n  1.5\n").document
    assert doc is not None
    assert doc.data == {"a": "true", "b": "42", "c": "1.5\n"}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"ho_ten: A\nnam: 2025\nho_ten: B\n", [("yaml-duplicate-key", 3, 1)]),
        (b"a:\n\tb: 1\n", [("yaml-tab", 2, 1)]),
        (b"a:\n  b: 1\n \tc: 2\n", [("yaml-tab", 3, 2)]),
        (b"\xef\xbb\xbfa: 1\n", [("file-bom", 1, 1)]),
        (b"a: 1\nb: caf\xe9\n", [("file-not-utf8", 2, 7)]),
        (b"a: \x00\x01\n", [("file-not-text", 1, 1)]),
        ("a: 1\r\n".encode("utf-16"), [("file-utf16", 1, 1)]),
        ("a: 1\n".encode("utf-16-be"), [("file-utf16", 1, 1)]),
        (b"\xff\xfeabc", [("file-not-utf8", 1, 1)]),  # FF FE and no NUL: not UTF-16 either
        (b"", [("yaml-empty", 1, 1)]),
        (b"  \n# only a comment\n", [("yaml-empty", 1, 1)]),
        (b"a: 1\n---\nb: 2\n", [("yaml-multi-document", 2, 1)]),
        (b"a: &x [1, 2]\nb: *x\n", [("yaml-alias", 1, 4)]),
        (b"a: !!int 3\n", [("yaml-tag", 1, 4)]),
        (b"a: !python/object:os.system x\n", [("yaml-tag", 1, 4)]),
        (b"? [a, b]\n: 1\n", [("yaml-key-not-text", 1, 3)]),
        (b"<<: {a: 1}\n", [("yaml-merge-key", 1, 1)]),
        (b"- a\n- b\n", [("yaml-not-mapping", 1, 1)]),
        (b"just text\n", [("yaml-not-mapping", 1, 1)]),
        (b"uu_diem: Ket qua: tot\n", [("yaml-syntax", 1, 17)]),
        (b'a: "open\nb: 1\n', [("yaml-syntax", 3, 1)]),
        (b"a: 1\n b: 2\n", [("yaml-syntax", 2, 3)]),
    ],
)
def test_bad_input_is_a_positioned_problem(
    data: bytes, expected: list[tuple[str, int, int]]
) -> None:
    result = loads(data)
    assert result.document is None
    assert problems(data) == expected


def test_nfd_text_is_normalized_with_a_warning() -> None:
    nfd = "ho_ten: Nguye\u0302\u0303n\n".encode()  # "Nguyễn" with combining marks
    result = loads(b"nam: 2025\n" + nfd)
    assert result.document is not None
    assert result.document.data["ho_ten"] == "Nguyễn"
    assert [(p.code, p.position.line, p.fatal) for p in result.problems] == [("text-nfd", 2, False)]


def test_file_over_the_size_limit_is_refused_before_parsing() -> None:
    result = loads(b"a: " + b"x" * 2000 + b"\n", max_bytes=1000)
    assert result.document is None
    assert [(p.code, p.detail["limit"]) for p in result.problems] == [("file-too-large", 1000)]


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n".encode()
    started = time.perf_counter()
    result = loads(bomb)
    assert time.perf_counter() - started < 1.0
    assert result.document is None
    assert {p.code for p in result.problems} == {"yaml-alias"}


def test_deep_nesting_is_refused() -> None:
    deep = b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n"
    assert [p.code for p in loads(deep).problems] == ["yaml-too-deep"]


def test_too_many_nodes_is_refused() -> None:
    many = b"a: [" + b"1," * 60_000 + b"1]\n"
    assert [p.code for p in loads(many, max_bytes=10**6).problems] == ["yaml-too-many-nodes"]


def test_control_characters_give_a_document_only_to_the_check() -> None:
    """`text-control` is an error that does not stop validation (`check` asks for the
    document despite it); a tool taking values from a file never gets one."""
    data = b'a: "x\\e[2Jy"\nb: "\\u202e"\nc: 1\n'
    assert sorted(problems(data)) == [("text-control", 1, 6), ("text-invisible", 2, 5)]
    assert loads(data).document is None
    kept = loads(data, despite_controls=True)
    assert sorted(p.code for p in kept.problems) == ["text-control", "text-invisible"]
    assert kept.document is not None
    assert kept.document.data == {"a": "x\x1b[2Jy", "b": "\u202e", "c": 1}
    assert kept.document.value_pos(("c",)) == Position(3, 4)
