"""The fast reader (generator.submissions.yamlfast) against libyaml's: for every file of the
sample repository, of a synthetic year and under tests/, and for thousands of mutants of
real files (characters and words put at line starts, line ends and inside values; lines
duplicated, dropped, re-indented; line breaks changed), the fast reader either gives up
(None) or gives exactly what the positioned path gives — the same keys in the same order,
values of the very same types — and that path reports no problem at all.

The reference is libyaml's node tree built by `yamlbuild.Builder` (what `loads` does with
positions, reporting every problem); `loads(positions=False)`, which tries the fast reader
first, is also compared with `loads(positions=True)` on the whole corpus."""

from __future__ import annotations

import random
from typing import Any

import pytest

from generator import synthetic
from generator.submissions import yamlbuild, yamlfast, yamlload
from generator.submissions.yamlload import loads
from tests.conftest import ROOT
from tests.unit.test_yamlload_later import TRICKY


def _same(a: Any, b: Any) -> bool:
    """Equal, with the same type at every level and the same key order."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


_NOTHING = object()


def _reference(text: str) -> Any:
    """What the positioned path reads from `text`; _NOTHING when it reports any problem
    or the document is not a mapping."""
    root, problem = yamlbuild.compose(text)
    if problem is not None or root is None:
        return _NOTHING
    builder = yamlbuild.Builder()
    value = builder.build(root, (), 0)
    if builder.problems or type(value) is not dict:
        return _NOTHING
    return value


def _agrees(text: str) -> bool:
    """Whether the fast reader read `text` (asserting it read it right)."""
    fast = yamlfast.read(text)
    if fast is None:
        return False
    reference = _reference(text)
    assert reference is not _NOTHING, f"the fast reader accepts what libyaml does not: {text!r}"
    assert _same(fast, reference), f"{text!r}\nfast: {fast!r}\nlibyaml: {reference!r}"
    return True


@pytest.fixture(scope="module")
def written_files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sample repository's files and a synthetic year's: what our tools write."""
    synth = tmp_path_factory.mktemp("fastyaml") / "repo"
    synthetic.generate(synth, year=2025, ruleset="qd366-hd43", grassroots=2, chi_bo=4, members=40)
    paths = [*sorted((ROOT / "submissions").rglob("*.yaml")), *sorted(synth.rglob("*.yaml"))]
    return [p.read_text("utf-8") for p in paths]


@pytest.fixture(scope="module")
def real_files(written_files: list[str]) -> list[str]:
    """Those and every YAML file under tests/ (hand-written, often wrong on purpose)."""
    tests = sorted((ROOT / "tests").rglob("*.yaml"))
    return [*written_files, *(p.read_bytes().decode("utf-8", "replace") for p in tests)]


def test_real_files_read_fast_and_right(written_files: list[str], real_files: list[str]) -> None:
    assert len(real_files) > 300
    for text in real_files:
        _agrees(text)
    # the point of it: nearly every file our tools write takes the fast path
    fast = sum(yamlfast.read(text) is not None for text in written_files)
    assert fast >= 0.95 * len(written_files), f"{fast} of {len(written_files)}"


def test_tricky_files_are_left_to_libyaml_or_read_right() -> None:
    for data in TRICKY:
        text = data.decode("utf-8", "replace")
        _agrees(text)
        assert _same(  # the whole of loads, fast path or not
            _loaded(data, positions=False), _loaded(data, positions=True)
        ), data


# Inserted (or put in place of a value) by the mutations: YAML's indicators, white space
# and line breaks as libyaml sees them, characters it refuses, and words kiemdiem reads
# as something other than text.
_CHARS = [
    *":#\"'|>-[]{},&*!%@`?~\\=<",
    *"\t \r\n",
    "ế",
    "\u00a0",
    "\u2028",
    "\x85",
    "\ufeff",
    "\x7f",
    "\x01",
    "\u3000",
    "\U0001f600",
]
_WORDS = [
    *(": ", " #", " # x", "#x", "- ", "-", "  ", "|", "|-", "|+", "|2", ">", "> ", ": |"),
    *("---", "...", "--- ", "%YAML 1.2", "&a ", "*a", "!!str ", "!x ", "<<", "? "),
    *("''", '""', "'a''b'", '"a\\"b"', '"\\u00e9"', "'x", '"x', "a: b", "a:b", ":x"),
    *("null", "Null", "NULL", "nULL", "~", "true", "True", "TRUE", "false", "yes", "on"),
    *("1", "0", "-1", "+1", "-0", "007", "0x1", "0o7", "1e3", ".5", "1.", "1.5", "-1.5"),
    *("1.10", "1_000", "2025-01-01", "12:30", ".inf", ".nan", "1,5", "[1]", "{a: 1}"),
]
_TOKENS = _CHARS + _WORDS


def _mutants(text: str, rng: random.Random, count: int) -> list[str]:
    """`count` one-place edits of `text`, and a few edits of the whole of it."""
    lines = text.split("\n")[:-1]
    out = [
        text.rstrip("\n"),
        text + "\n\n",
        "---\n" + text,
        text + "...\n",
        "\n" + text,
        text.replace("\n", "\r\n"),
        "  " + text.replace("\n", "\n  ")[:-2],
    ]
    for _ in range(count):
        i = rng.randrange(len(lines))
        line = lines[i]
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        colon = line.find(": ")
        token = rng.choice(_TOKENS)
        at = rng.randrange(len(line) + 1)
        edits = [
            token + line,
            line[:indent] + token + body,
            line + token,
            line[:at] + token + line[at:],
            line[:at] + token + line[at + 1 :],
            (line[: colon + 2] + token) if colon >= 0 else token,
            (line[: colon + 2] + token + line[colon + 2 :]) if colon >= 0 else line,
            line + "\n" + line,  # a duplicate key (or item)
            "",
            " " + line,
            "  " + line,
            line[1:],
            line[2:],
            line + "\n",
            line + "\n" + " " * rng.randrange(1, 8),
            line + "\n# x",
            line + "\n  # x",
            line + "\n" + line[:indent] + token,
        ]
        new = [*lines[:i], rng.choice(edits), *lines[i + 1 :]]
        out.append("\n".join(new) + "\n")
    return out


def _loaded(data: bytes, positions: bool) -> tuple[Any, ...]:
    result = loads(data, positions=positions)
    problems = [(p.code, p.position, p.detail, p.fatal) for p in result.problems]
    doc = result.document
    return (None if doc is None else doc.data, problems)


def test_mutants_are_left_to_libyaml_or_read_right(real_files: list[str]) -> None:
    rng = random.Random(20261201)
    fast = slow = 0
    for text in real_files:
        for mutant in _mutants(text, rng, 40):
            if _agrees(mutant):
                fast += 1
            else:
                slow += 1
            data = mutant.encode("utf-8", "surrogatepass")
            assert _same(_loaded(data, positions=False), _loaded(data, positions=True)), mutant
    # both outcomes are common: the comparison is not vacuous either way
    assert fast > 2000, fast
    assert slow > 2000, slow


_READ = [  # in the subset: read fast (and right)
    "a: 1\n",
    "a: b\n\n\nc: d\n\n",
    "# note\na: 1\n# note\n\nb:\n  c: x\n# note\n",
    "\n# a comment: with a colon\n\n# b: 2\na: 1\n",
    "a:\n  - x\n  - 'y'\n  - \"z\"\n  - 2\n  - null\n",
    "a:\n  - b: 1\n    c:\n      - d\n  - b: 2\nz: 0\n",
    "a: |\n  one\n\n    two\n\n\nb: |\n   x\n",
    "a:\n  b: |\n    x # not a comment\n    - y\n# a comment\nc: ''\n",
    "a: x, y [z] {w}\nb: http://x.y/z\nc: 'it is'\nd: \"#1\"\n",
    "a:\nb: ~\nc: 1.5\nd: 1.10\ne: 007\nf: -3\ng: true\nh: True\n",
    "null: 1\ntrue: 2\n_x-1: 3\n",
    "a: " + "1" * 5000 + "\nb: -" + "2" * 4300 + "\n",  # text (too long for int()), an int
]

_LEFT = [  # outside the subset: given up, whatever libyaml makes of them
    "a: 1 # note\n",
    "a: >\n  x\n",
    "a: |-\n  x\n",
    "a: |2\n   x\n",
    "a: [1, 2]\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    'a: "x\\ty"\n',
    "a: 'it''s'\n",
    "a: one\n  two\n",
    "a: 1\na: 2\n",
    "a:\n- x\n",
    "---\na: 1\n",
    "a: 1",
    "a: 1\r\n",
    "a: 1 \n",
    "a: |\n  x\n  \n",
    "a: |\n\n  x\n",
    "  a: 1\n",
    "- a\n",
    "a:\n  b: 1\n   c: 2\n",
    "a:\tb\n",
    "a: x\u2028y\n",
    "<<: {}\n",
    "1: x\n",
    "a: 1\n" + "  # indented comment\n",
]


@pytest.mark.parametrize("text", _READ)
def test_the_subset_is_read_fast(text: str) -> None:
    assert _agrees(text), text


@pytest.mark.parametrize("text", _LEFT)
def test_the_rest_is_left_to_libyaml(text: str) -> None:
    assert yamlfast.read(text) is None, text


def test_a_block_too_deep_or_too_big_is_left_to_libyaml() -> None:
    deep = "".join("  " * d + f"k{d}:\n" for d in range(40)) + "  " * 40 + "x: 1\n"
    assert yamlfast.read(deep) is None
    assert _reference(deep) is _NOTHING  # too deep for kiemdiem too
    many = "a:\n" + "  - 1\n" * yamlload.MAX_NODES
    assert yamlfast.read(many) is None


def test_loads_uses_the_fast_reader_for_an_ordinary_file() -> None:
    member = next((ROOT / "submissions").rglob("dang-vien/*.yaml")).read_bytes()
    assert yamlfast.read(member.decode()) is not None
    doc = loads(member, positions=False).document
    assert isinstance(doc, yamlbuild.LaterYamlPositions)
    assert _same(doc.data, loads(member).document.data)  # type: ignore[union-attr]
