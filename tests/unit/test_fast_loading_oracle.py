"""The cold check's per-file fast path (generator.loading.check_keyed: plain-string paths,
yamlload's position-free walk, generated record builders) gives exactly what the
straightforward path gives: the same record (every field, its type too), the same load
and schema findings at the same positions, the same digest — for every file of the sample
repository and of a synthetic year, for every YAML file under tests/, for hostile bytes
read as each kind of file, and for one-line edits of real files.

The reference is the code as it was before the fast path (kept here, not in the package):
pathlib reads, `yamlload.loads` WITH positions (the `_Builder`, which reports every
problem), and the generic `from_mapping` loop over each field's converter."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import os
import re
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import check, loadcache, loading, loadpool, synthetic
from generator.check import files as check_files
from generator.check.schemas import SchemaSet
from generator.findings import CheckResult
from generator.invisible import BIDI, FORMAT, IGNORABLE, INVISIBLE_RE, invisible_chars
from generator.orgtypes import OrgType
from generator.submissions import convert, yamlload
from generator.submissions.layout import Kind, SubmissionFile, walk_year
from generator.submissions.yamltext import tab_indent
from tests.conftest import ROOT
from tests.unit.test_yamlload_later import TRICKY

# the first and last character of each run of invisible ones (generator.invisible), and
# those the new user's trial found: soft hyphen, CGJ, Hangul fillers, invisible plus, tags
_SOME_INVISIBLE = "".join(
    sorted({chr(n) for run in FORMAT + IGNORABLE for n in run} | set("\u2064\U000e0041"))
)

# ------------------------------------------------------------ the reference (old code)


@typing.no_type_check
def _ref_converter(tp: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = _ref_converter(next(a for a in typing.get_args(tp) if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        item = _ref_converter(item_tp)
        indexed = dataclasses.is_dataclass(item_tp) and "index" in {
            f.name for f in dataclasses.fields(item_tp)
        }

        def convert_list(values: Any) -> list[Any]:
            out = [item(v) for v in values]
            if indexed:
                for i, obj in enumerate(out):
                    obj.index = i
            return out

        return convert_list
    if origin is dict:
        val = _ref_converter(typing.get_args(tp)[1])
        return lambda d: {k: val(v) for k, v in d.items()}
    if tp is Any or tp in (str, int, bool):
        return lambda v: v
    if tp is dt.date:
        return dt.date.fromisoformat
    if tp is float:
        return float
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return getattr(tp, "parse", None) or tp
    if tp is OrgType:
        return OrgType.parse
    if dataclasses.is_dataclass(tp):
        return lambda v: _ref_from_mapping(tp, v)
    return lambda v: v


def _ref_from_mapping(cls: Any, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if "key" in f.metadata and f.metadata["key"] in data:
            value = data[f.metadata["key"]]
            kwargs[f.name] = None if value is None else _ref_converter(hints[f.name])(value)
    return cls(**kwargs)


def _ref_plain_scalar(value: str) -> Any:
    if value in {"null", "Null", "NULL", "~", ""}:
        return None
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"[-+]?[0-9]+", value):
        digits = value.lstrip("+-")
        return value if len(digits) > 1 and digits.startswith("0") else int(value)
    if re.fullmatch(r"[-+]?[0-9]+\.[0-9]+", value):
        number = float(value)
        return number if repr(number) == value.lstrip("+") else value
    return value


def _ref_tab_indent(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return (number, len(line) - len(stripped) + 1)
    return None


def _ref_check(
    repo: Path, file: SubmissionFile, ctx: loading.Context, schemas: SchemaSet
) -> tuple[loading.Outcome, str]:
    """check_keyed as it was: pathlib, positions built, the generic conversion."""
    data = None
    full = repo / file.path
    if full.exists() and full.stat().st_size <= yamlload.MAX_FILE_BYTES:
        data = full.read_bytes()
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    loaded = CheckResult()
    document = check_files.read_document(repo, file, loaded, data=data, positions=True)
    outcome = loading.Outcome(document is not None, loaded.findings)
    if document is None:
        return outcome, digest
    checked = CheckResult()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(check_files, "from_mapping", _ref_from_mapping)
        lf = check_files.LoadedFile(file, document)
        outcome.record = check_files.validate_loaded(schemas, lf, ctx.config, ctx.ruleset, checked)
    outcome.check_findings = checked.findings
    return outcome, digest


# ------------------------------------------------------------------------ comparing


def _seen(outcome: loading.Outcome, digest: str) -> tuple[object, ...]:
    findings = [
        (f.code, f.path, f.position, f.severity, f.message, f.hint)
        for f in (*outcome.load_findings, *outcome.check_findings)
    ]
    record = outcome.record
    if record is None:
        return (outcome.loaded, findings, None, digest)
    path = record.source.path
    bare = dataclasses.replace(record, source=None)
    return (outcome.loaded, findings, path, repr(bare), bare, digest)


def _both(repo: Path, f: SubmissionFile, head: check.YearHead, schemas: SchemaSet) -> None:
    *fast, stat = loading.check_stat(f, head.ctx, schemas)
    # the stat a worker hands the cache is the one the parent took before (lstat)
    assert stat == (loadcache.pack_stat(os.lstat(repo / f.path)) if fast[1] else None)
    if fast[0].record is not None:
        document = fast[0].record.source.document
        assert isinstance(document, loading.CompactDocument) and document.rel == f.path
    assert fast[1] == (hashlib.sha256((repo / f.path).read_bytes()).hexdigest() if fast[1] else "")
    assert _seen(*fast) == _seen(*_ref_check(repo, f, head.ctx, schemas)), f.path


def _year(repo: Path, year: int) -> tuple[list[SubmissionFile], check.YearHead, SchemaSet]:
    schemas = SchemaSet(repo / "schema")
    readable = check._readable(repo, walk_year(repo, year), CheckResult())
    head = check.year_head(repo, readable, schemas, None)
    return [f for f in readable if f.kind is not Kind.YEAR], head, schemas


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("oracle") / "repo"
    synthetic.generate(root, year=2025, ruleset="qd366-hd43", grassroots=3, chi_bo=6, members=90)
    (root / "schema").symlink_to(ROOT / "schema")
    return root


def test_every_sample_and_synthetic_file_checks_as_before(synth: Path) -> None:
    count = 0
    for repo, years in ((ROOT, (2024, 2025, 2026)), (synth, (2025,))):
        for year in years:
            files, head, schemas = _year(repo, year)
            for f in files:
                _both(repo, f, head, schemas)
                count += 1
    assert count > 250


def _hostile() -> Iterator[bytes]:
    yield from TRICKY
    yield from (p.read_bytes() for p in sorted((ROOT / "tests").rglob("*.yaml")))
    yield b"\xef\xbb\xbfnam: 2025\n"  # BOM
    yield b"nam: 2025\n\x00\n"
    yield b"nam: \xff\n"
    yield b""
    yield b"   \n"
    yield b"a: 1\n" * 10 + b"b:\n  \tc: 1\n"
    yield "ho_ten: Nguyê\u0303n\nghi_chu: \u202eabc\n".encode()
    yield b"a: !!map {b: 1}\nc: !!seq [1]\nd: ! x\ne: !!str [1]\n"
    yield b"a: {b: [1, {c: [2, [3, [4]]]}]}\n- x\n"
    yield b"x" * (yamlload.MAX_FILE_BYTES + 1)
    # invisible characters (a few of each lead byte), and a dash (a lead byte E2)
    for char in BIDI + "\u200b\ufeff\u00ad\u034f\u1160\u2064\u3164\ufe0f\U000e0041":
        yield f"ho_ten: Nguyễn{char} Văn – A\nghi_chu: ok\n".encode()


def _edits(text: str) -> Iterator[str]:
    """`text` with one value line changed to two of a few tricky plain/quoted values."""
    lines = text.split("\n")
    values = ["~", "007", "1.10", "1.5", "true", "2025-01-02", "'12'", "a & b"]
    for i, line in enumerate(lines):
        key, colon, value = line.partition(": ")
        if colon and value and not value.startswith(("|", ">")):
            for new in (values[i % len(values)], values[(i + 3) % len(values)]):
                yield "\n".join([*lines[:i], f"{key}: {new}", *lines[i + 1 :]])


def test_hostile_and_edited_files_check_as_before(synth: Path) -> None:
    files, head, schemas = _year(synth, 2025)
    by_kind = {f.kind: f for f in files}
    assert {Kind.MEMBER, Kind.ORG, Kind.PROPOSALS, Kind.DECISIONS} <= set(by_kind)
    seen = 0
    kinds = list(by_kind.items())
    for n, data in enumerate(_hostile()):
        # the short hostile texts as each kind of file, the long ones as one kind
        for kind, like in kinds if n < len(TRICKY) + 12 and len(data) < 9999 else [kinds[n % 4]]:
            f = SubmissionFile(like.path.rsplit("/", 1)[0] + f"/x-{n}.yaml", kind, 2025)
            (synth / f.path).write_bytes(data)
            _both(synth, f, head, schemas)
            seen += 1
            (synth / f.path).unlink()
    for like in by_kind.values():
        for m, text in enumerate(_edits((synth / like.path).read_text("utf-8"))):
            f = SubmissionFile(like.path.rsplit("/", 1)[0] + f"/e-{m}.yaml", like.kind, 2025)
            (synth / f.path).write_text(text, "utf-8")
            _both(synth, f, head, schemas)
            seen += 1
            (synth / f.path).unlink()
    assert seen > 500


def test_plain_scalars_and_tabs_as_before() -> None:
    words = ["", "~", "null", "Null", "NULL", "nULL", "true", "True", "false", "FALSE", "yes"]
    numbers = ["0", "00", "007", "-0", "+0", "-12", "+12", "1.10", "1.5", "+1.5", "-0.0", "01.5"]
    numbers += ["1e3", "1.", ".5", "0x1F", "1_000", "١٢", "12a", "-", "+", "2025-01-02", "1.2.3"]
    for value in [*words, *numbers, "abc", " a", "-a", "+a", "0a"]:
        got, want = yamlload.plain_scalar(value), _ref_plain_scalar(value)
        assert (type(got), got) == (type(want), want), value
    for text in ["a: 1\n", "a:\n\tb: 1\n", "a:\n  \t b\n", "a:\tb\n", "\t", "x\n \n  \t", ""]:
        pos = tab_indent(text)
        assert (None if pos is None else (pos.line, pos.column)) == _ref_tab_indent(text)


def test_the_generated_builders_match_the_generic_conversion() -> None:
    """Every record class with YAML fields, from each sample file's mapping and from
    mappings with optional values set to null."""
    for f in _year(ROOT, 2025)[0]:
        if f.kind not in check_files.RECORD_TYPES:
            continue
        data = yamlload.loads((ROOT / f.path).read_bytes()).document.data  # type: ignore[union-attr]
        cls = check_files.RECORD_TYPES[f.kind]
        for variant in (data, {k: (None if k != "nam" else v) for k, v in data.items()}):
            try:
                want = _ref_from_mapping(cls, variant)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                with pytest.raises(type(exc)):
                    convert.from_mapping(cls, variant)
                continue
            got = convert.from_mapping(cls, variant)
            assert repr(got) == repr(want) and got == want


def test_workers_hand_the_cache_the_stats_the_parent_took(
    synth: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold load in worker processes keeps for each file the stat the parent took
    before (it stats nothing now: each worker packs the fstat of the file it opens)."""
    files, head, schemas = _year(synth, 2025)
    monkeypatch.setattr(loadpool, "CHUNK", 16)
    seen = {}
    for processes in (1, 2):
        cache = loading.OutcomeCache(synth, 2025, head.ctx)
        loader = loadpool.FileLoader(synth, schemas, head.ctx, cache, processes, min_parallel=1)
        outcomes = loader.run(files)
        seen[processes] = (
            [_seen(o, cache.digest_of(f.path, o)) for f, o in zip(files, outcomes, strict=True)],
            dict(cache.stats),
        )
        (synth / loading.CACHE_DIR).rename(synth / f"cache-{processes}")
    assert seen[1] == seen[2]
    assert len(seen[2][1]) == len(files)


def test_the_invisible_precheck_never_hides_one() -> None:
    """loads skips the search for invisible characters when `_may_hide_invisible` says
    none can be there: it must say so of no text holding one, and say so of Vietnamese
    text (its E1 letters, a no-break space, curly quotes aside) so that it stays cheap."""
    texts = [data.decode("utf-8", "replace") for data in _hostile()]
    vietnamese = "Nguyễn Văn A ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ\u00a0Đ ăâêôơư"
    assert not yamlload._may_hide_invisible(vietnamese.encode(), vietnamese)
    texts += [vietnamese + " – “x” ‘y’ …"]
    for char in _SOME_INVISIBLE:
        texts += [f"a{char}", f"ệ{char}ệ", f"{char}\n", f"ĐảngộỘ\n  x: {char}"]
        problems = yamlload.loads(f"ho_ten: Nguyễn{char}ệ\n".encode()).problems
        assert [(p.code, p.position.column) for p in problems] == [("text-invisible", 15)], char
    texts += invisible_chars()
    for text in texts:
        if INVISIBLE_RE.search(text):
            assert yamlload._may_hide_invisible(text.encode(), text), text
