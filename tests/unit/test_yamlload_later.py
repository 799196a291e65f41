"""Loading without positions (yamlload.loads(positions=False), what a check's workers do):
the same values and problems as loading with them, and the same positions once asked for."""

from __future__ import annotations

import pytest

from generator import synthetic
from generator.submissions import yamlbuild
from generator.submissions.yamlload import MAX_DEPTH, MAX_NODES, loads
from tests.conftest import ROOT


def _nested(depth: int) -> bytes:
    """A value `depth` levels below the root mapping (the root is depth 0)."""
    return b"a: " + b"[" * (depth - 1) + b"1" + b"]" * (depth - 1) + b"\n"


TRICKY = [
    b"ho_ten: A\nnam: 2025\nho_ten: B\n",  # duplicate key
    b"a:\n  b: 1\n  b: 2\n",  # duplicate key below the root
    b"a: &x [1, 2]\nb: *x\n",  # alias
    b"a: &x 1\n",  # an anchor alone
    b"a: !!int 3\n",
    b"a: !!str 3\n",
    b"? [a, b]\n: 1\n",
    b"? {a: 1}\n: 1\n",
    b"1: one\n",  # a number as a key is still text to YAML's composer
    b"<<: {a: 1}\n",
    b'"<<": {a: 1}\n',  # quoted: an ordinary key
    b"- a\n- b\n",
    b"just text\n",
    b"a: 1\n---\nb: 2\n",
    b"a: ''\nb: ~\nc:\nd: 007\ne: 1.10\nf: 1.5\ng: true\nh: 'true'\n",
    b"loi: 'A & B, 2 * 3'\n",  # "&" and "*" in text: loaded with positions
    "ho_ten: Nguye\u0302\u0303n\n".encode(),  # NFD: a warning
    "ghi_chu: a\u200bb\n".encode(),  # an invisible character: a warning
    b"a:\n\tb: 1\n",
    _nested(MAX_DEPTH),
    _nested(MAX_DEPTH + 1),
    b"a: [" + b"1," * (MAX_NODES - 3) + b"1]\n",  # the root, a, and MAX_NODES - 2 items
    b"a: [" + b"1," * (MAX_NODES - 2) + b"1]\n",  # one node over
    b"a:\n  - {b: 1, c: [x, y]}\n  - - 1\n    - 2\n",
]


def _corpus(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    synth = tmp_path_factory.mktemp("later") / "repo"
    synthetic.generate(synth, year=2025, ruleset="qd366-hd43", grassroots=2, chi_bo=4, members=40)
    files = [*sorted((ROOT / "submissions").rglob("*.yaml")), *sorted(synth.rglob("*.yaml"))]
    files += sorted((ROOT / "tests").rglob("*.yaml"))
    return [*TRICKY, *(f.read_bytes() for f in files)]


def _seen(data: bytes, positions: bool) -> tuple[object, ...]:
    result = loads(data, max_bytes=10**6, positions=positions)
    doc = result.document
    problems = [(p.code, p.position, p.detail, p.fatal) for p in result.problems]
    if doc is None:
        return (None, problems)
    return (doc.data, problems, dict(doc.value_marks), dict(doc.key_marks))


def test_loading_without_positions_gives_what_loading_with_them_gives(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    corpus = _corpus(tmp_path_factory)
    assert len(corpus) > 200
    for data in corpus:
        assert _seen(data, positions=False) == _seen(data, positions=True), data[:200]


def test_an_ordinary_file_is_loaded_without_positions_until_one_is_asked_for() -> None:
    member = next((ROOT / "submissions").rglob("dang-vien/*.yaml")).read_bytes()
    doc = loads(member, positions=False).document
    assert isinstance(doc, yamlbuild.LaterYamlPositions)
    assert doc._marks is None
    key = next(iter(doc.data))
    assert doc.key_pos((key,)) == loads(member).document.key_pos((key,))  # type: ignore[union-attr]
    assert doc._marks is not None
    assert loads(member).document.key_marks == doc.key_marks


def test_a_file_with_something_to_report_is_loaded_with_positions() -> None:
    for data in (b"a: 1\na: 2\n", "ghi_chu: a\u200bb\n".encode(), b"a: &x [1]\nb: *x\n"):
        result = loads(data, positions=False)
        assert result.problems
        assert not isinstance(result.document, yamlbuild.LaterYamlPositions)
    # an anchor or an alias may hide in any text with "&" or "*": not the fast path
    assert not isinstance(
        loads(b"a: &x 1\n", positions=False).document, yamlbuild.LaterYamlPositions
    )
