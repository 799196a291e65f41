"""Strict, position-keeping YAML loading.

PyYAML's C parser composes the node tree (10x the pure-Python loader); this module
constructs plain Python values from it with the rules a review file needs:

* YAML 1.2-style scalars, stricter still: only ``true``/``false`` are booleans, only
  ``null``/``~``/empty are null, integers are decimal digits, a decimal number becomes a
  float only when that loses nothing (``1.10`` stays the string ``"1.10"``); ``yes``,
  ``on``, dates and versions stay strings for the schema to judge;
* no duplicate keys, no non-string keys, no anchors/aliases (so no alias bombs), no
  explicit tags, one document per file, bounded size and depth;
* UTF-8 only (a UTF-16 file is named as such, yamlutf16), no BOM, no tab indentation;
  text is normalized to NFC (a warning says so).

Every value and key keeps its 1-based line and column so that findings can point at
the exact place. Problems are returned as `LoadProblem` values, never raised.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.findings import Position
from generator.submissions import yamlfast, yamlodd, yamlutf16
from generator.submissions.yamlplain import (
    MAP_TAG,
    MAX_DEPTH,
    MAX_NODES,
    SEQ_TAG,
    STR_TAG,
    Unusual,
    plain_scalar,
    plain_value,
)
from generator.submissions.yamltext import (
    LoadProblem,
    char_pos,
    offset_to_pos,
    only_comments,
    tab_indent,
)
from generator.submissions.yamltext import invisible_problems as _invisible
from generator.submissions.yamltext import may_hide_invisible as _may_hide_invisible
from generator.submissions.yamlutf16 import BOMS

try:  # the C parser is a hard expectation on supported platforms; fall back politely
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader

MAX_FILE_BYTES = 512 * 1024

PathKey = tuple[str | int, ...]


class _NoImplicitLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Every plain scalar resolves to str; we decide its type ourselves."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        # called by the composer only for untagged nodes: the default tag of each kind
        if kind is yaml.ScalarNode:
            return STR_TAG
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG

    # The composer calls these two around every node, for path resolvers, which this
    # loader has none of: C callables that do nothing useful cost less than Python
    # methods that do nothing (~5% of composing a review file).
    descend_resolver = slice  # (parent, index) -> a throwaway slice
    ascend_resolver = tuple  # () -> the empty tuple


_NoImplicitLoader.yaml_implicit_resolvers = {}


@dataclass
class Document:
    """A loaded YAML mapping with the position of every key and value."""

    data: dict[str, Any]
    # positions packed into one int each (`_pack`), turned into `Position` only when asked
    # (most never are): a 100,000-member province keeps millions of them
    value_marks: dict[PathKey, int]
    key_marks: dict[PathKey, int]
    # the text it was read from: hints quote a value as written (generator.check.written)
    text: str | None = field(default=None, repr=False, compare=False)

    @property
    def values(self) -> dict[PathKey, Position]:
        """Every value's position, by path."""
        return {k: _unpack(m) for k, m in self.value_marks.items()}

    def value_pos(self, path: PathKey) -> Position:
        """The position of the value at `path`, or of its nearest existing ancestor."""
        p = tuple(path)
        while p:
            if p in self.value_marks:
                return _unpack(self.value_marks[p])
            p = p[:-1]
        mark = self.value_marks.get(())
        return _unpack(mark) if mark is not None else Position(1, 1)

    def key_pos(self, path: PathKey) -> Position:
        """The position of the key that ends `path` (falls back to the value's position)."""
        p = tuple(path)
        if p in self.key_marks:
            return _unpack(self.key_marks[p])
        return self.value_pos(p)


@dataclass
class LoadResult:
    document: Document | None
    problems: list[LoadProblem]


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _pack(mark: Any) -> int:
    return (mark.line + 1) << 32 | (mark.column + 1)


def _unpack(packed: int) -> Position:
    return Position(packed >> 32, packed & 0xFFFFFFFF)


class _Builder:
    def __init__(self, lines: list[str] | None = None) -> None:
        self.lines = lines  # the text's lines: look for folded line breaks (yamlodd)
        self.values: dict[PathKey, int] = {}
        self.keys: dict[PathKey, int] = {}
        self.seen: set[int] = set()
        self.count = 0
        self.problems: list[LoadProblem] = []

    def fail(self, code: str, mark: Any, **detail: Any) -> None:
        self.problems.append(LoadProblem(code, _pos(mark), detail))

    def build(self, node: Any, path: PathKey, depth: int) -> Any:
        if id(node) in self.seen:  # an alias: reported once, at its anchor, never expanded
            if not any(p.code == "yaml-alias" for p in self.problems):
                self.fail("yaml-alias", node.start_mark)
            return None
        self.seen.add(id(node))
        self.count += 1
        if self.count > MAX_NODES:
            if not any(p.code == "yaml-too-many-nodes" for p in self.problems):
                self.fail("yaml-too-many-nodes", node.start_mark, limit=MAX_NODES)
            return None
        if depth > MAX_DEPTH:
            self.fail("yaml-too-deep", node.start_mark, limit=MAX_DEPTH)
            return None
        self.values[path] = _pack(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            if node.tag != STR_TAG:
                self.fail("yaml-tag", node.start_mark, tag=node.tag)
                return None
            if not node.style:
                return plain_scalar(node.value)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ_TAG:
                self.fail("yaml-tag", node.start_mark, tag=node.tag)
                return None
            if self.lines is not None:
                for item in node.value:
                    self.folded(item, item)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != MAP_TAG:
                self.fail("yaml-tag", node.start_mark, tag=node.tag)
                return None
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                    self.fail("yaml-key-not-text", key_node.start_mark)
                    continue
                if key_node.value == "<<" and not key_node.style:
                    self.fail("yaml-merge-key", key_node.start_mark)
                    continue
                key = key_node.value
                if key in result:
                    first = self.keys.get((*path, key))
                    self.fail(
                        "yaml-duplicate-key",
                        key_node.start_mark,
                        key=key,
                        first_line=_unpack(first).line if first else 0,
                    )
                    continue
                self.keys[(*path, key)] = _pack(key_node.start_mark)
                result[key] = self.build(value_node, (*path, key), depth + 1)
                if self.lines is not None:
                    self.folded(value_node, key_node)
            return result
        self.fail(
            "yaml-tag", node.start_mark, tag=str(getattr(node, "tag", ""))
        )  # pragma: no cover
        return None

    def folded(self, node: Any, at: Any) -> None:
        """A warning at `at` (the key, or the item itself) when `node` is a plain or folded
        scalar whose line breaks were joined."""
        assert self.lines is not None
        if type(node) is yaml.ScalarNode and yamlodd.lost_breaks(node, self.lines):
            key = at.value if at is not node else ""
            self.problems.append(
                LoadProblem("text-joined-lines", _pos(at.start_mark), {"key": key}, fatal=False)
            )


class LaterPositions(Document):
    """A document whose position tables are worked out only when first asked for: most
    files never need one, and building them is ~40% of loading a file. A subclass gives
    `_marks_of()`: the tables, from the text it keeps (a statistics exchange's JSON,
    generator.statistics.jsonpos, is one)."""

    _data: Any
    _marks: tuple[dict[PathKey, int], dict[PathKey, int]] | None

    def _marks_of(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        raise NotImplementedError

    def _fill(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        if self._marks is None:
            self._marks = self._marks_of()
        return self._marks

    @property  # type: ignore[override]
    def data(self) -> Any:
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value

    @property
    def value_marks(self) -> dict[PathKey, int]:  # type: ignore[override]
        return self._fill()[0]

    @property
    def key_marks(self) -> dict[PathKey, int]:  # type: ignore[override]
        return self._fill()[1]


class _LaterPositions(LaterPositions):
    """A YAML document's (`loads` with `positions=False`)."""

    def __init__(self, data: dict[str, Any], text: str) -> None:  # no tables until asked
        self._data = data
        self.text = text
        self._marks = None

    def _marks_of(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        assert self.text is not None
        builder = _Builder()
        builder.build(_compose(self.text)[0], (), 0)
        return builder.values, builder.keys


def _compose(text: str) -> tuple[Any, LoadProblem | None]:
    """PyYAML's node tree of `text`, or the syntax problem at PyYAML's problem mark (the
    place it noticed the mistake; generator.check.yamlrepair finds the line to change)."""
    loader = _NoImplicitLoader(text)
    try:
        return loader.get_single_node(), None
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        code = (
            "yaml-multi-document" if "single document" in str(exc.context or "") else "yaml-syntax"
        )
        pos = _pos(mark) if mark else Position(1, 1)
        return None, LoadProblem(code, pos, {"problem": exc.problem or ""})
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(mark) if mark else Position(1, 1)
        detail = {"problem": exc.problem or "", "context": exc.context or ""}
        return None, LoadProblem("yaml-syntax", pos, detail)
    except yaml.YAMLError as exc:  # reader errors (control characters) have no mark class
        offset = getattr(exc, "position", None)  # libyaml's: a byte offset in UTF-8
        pos = char_pos(text, offset) if isinstance(offset, int) else Position(1, 1)
        return None, LoadProblem("yaml-syntax", pos, {"problem": str(exc)})
    finally:
        loader.dispose()


def _events(text: str) -> list[Any]:
    """The parse events of `text` (which composes): anchors and tags (yamlodd)."""
    loader = _NoImplicitLoader(text)
    out = []
    try:
        while loader.check_event():
            out.append(loader.get_event())
    finally:
        loader.dispose()
    return out


def _normalized(data: bytes, text: str) -> tuple[str, list[LoadProblem]]:
    """`text` (= `data` decoded) in NFC, with the warnings about its characters: the first
    line NFC changes (`text-nfd`), the lines holding invisible characters."""
    nfc = unicodedata.normalize("NFC", text)
    if nfc == text:
        return text, _invisible(text) if _may_hide_invisible(data, text) else []
    problems = []
    # report the first line that changes, then carry on with the normalized text
    for number, (a, b) in enumerate(zip(text.split("\n"), nfc.split("\n"), strict=False), 1):
        if a != b:
            problems.append(LoadProblem("text-nfd", Position(number, 1), fatal=False))
            break
    return nfc, problems + _invisible(nfc)


def loads(
    data: bytes,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    positions: bool = True,
    despite_controls: bool = False,
) -> LoadResult:
    """Load one YAML file's bytes into a `Document`, collecting every problem.

    `positions=False`: a file with nothing to report gets a document whose positions are
    worked out when first asked for (the same ones); a file with problems is loaded as
    with positions. A file whose values hold control characters written as escapes
    (`text-control`, an error) gives its document only `despite_controls`: `check`
    validates it all the same, so that the file's other errors are told with that one,
    and never rates it (generator.loading.check_read); a tool that takes values from a
    file (kiemdiem new, the forge) never gets one."""
    if len(data) > max_bytes:
        return LoadResult(
            None,
            [
                LoadProblem(
                    "file-too-large", Position(1, 1), {"size": len(data), "limit": max_bytes}
                )
            ],
        )
    if (b"\x00" in data[:8192] or data[:2] in BOMS) and (bad := yamlutf16.not_utf8(data)):
        return LoadResult(None, [bad])  # UTF-16 (Notepad's "Unicode"), or not text at all
    if data.startswith(b"\xef\xbb\xbf"):
        return LoadResult(None, [LoadProblem("file-bom", Position(1, 1))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LoadResult(
            None,
            [
                LoadProblem(
                    "file-not-utf8", offset_to_pos(data, exc.start), {"byte": data[exc.start]}
                )
            ],
        )
    if not text.strip():
        return LoadResult(None, [LoadProblem("yaml-empty", Position(1, 1))])
    tab = tab_indent(text)
    if tab is not None:
        return LoadResult(None, [LoadProblem("yaml-tab", tab)])
    text, problems = _normalized(data, text)
    text, raw = yamlodd.raw_breaks(text)  # libyaml counts them as line breaks
    problems += raw
    odd = yamlodd.worth_a_look(text)
    if not positions and not problems and not odd:
        # the plain YAML our tools write, read without libyaml (None: anything else)
        fast = yamlfast.read(text)
        if fast is not None:
            return LoadResult(_LaterPositions(fast, text), [])
    root, problem = _compose(text)
    if problem is not None:
        return LoadResult(None, [*problems, problem])
    if root is None or only_comments(text):  # `---` and comments: nothing written yet
        return LoadResult(None, [*problems, LoadProblem("yaml-empty", Position(1, 1))])
    if odd:
        events = _events(text) if "&" in text or "!" in text else None
        problems += yamlodd.problems(text, root, events)
    if not positions and not problems and "&" not in text and "*" not in text:
        with contextlib.suppress(Unusual):
            value = plain_value(root)
            if isinstance(value, dict):
                return LoadResult(_LaterPositions(value, text), [])
    builder = _Builder(text.split("\n"))
    data_value = builder.build(root, (), 0)
    # tags and anchors reported from the events already, each where it is written
    seen = {p.code for p in problems} & {"yaml-tag", "yaml-alias"}
    problems.extend(p for p in builder.problems if p.code not in seen)
    if any(p.fatal for p in problems) or (
        not despite_controls and any(p.code == "text-control" for p in problems)
    ):
        return LoadResult(None, problems)
    if not isinstance(data_value, dict):
        return LoadResult(None, [*problems, LoadProblem("yaml-not-mapping", _pos(root.start_mark))])
    return LoadResult(Document(data_value, builder.values, builder.keys, text), problems)
