"""YAML text to values with positions: PyYAML's C parser composes the node tree, and
`Builder` constructs plain Python values from it by the rules generator.submissions.yamlload
describes (its module docstring), with every key's and value's position and the problems
it meets; `compose` gives the tree or the syntax problem, `parse_events` the parse events.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.findings import Position
from generator.submissions import yamlodd
from generator.submissions.yamldoc import LaterPositions, PathKey, mark_pos, pack, unpack
from generator.submissions.yamlplain import (
    MAP_TAG,
    MAX_DEPTH,
    MAX_NODES,
    SEQ_TAG,
    STR_TAG,
    plain_scalar,
)
from generator.submissions.yamltext import LoadProblem, char_pos

try:  # the C parser is a hard expectation on supported platforms; fall back politely
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class NoImplicitLoader(_BaseLoader):  # type: ignore[misc,valid-type]
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


NoImplicitLoader.yaml_implicit_resolvers = {}


class Builder:
    """Plain values of a composed node tree, with every key's and value's position (packed)
    and the problems met on the way."""

    def __init__(self, lines: list[str] | None = None) -> None:
        self.lines = lines  # the text's lines: look for folded line breaks (yamlodd)
        self.values: dict[PathKey, int] = {}
        self.keys: dict[PathKey, int] = {}
        self.seen: set[int] = set()
        self.count = 0
        self.problems: list[LoadProblem] = []

    def fail(self, code: str, mark: Any, **detail: Any) -> None:
        self.problems.append(LoadProblem(code, mark_pos(mark), detail))

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
        self.values[path] = pack(node.start_mark)
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
                        first_line=unpack(first).line if first else 0,
                    )
                    continue
                self.keys[(*path, key)] = pack(key_node.start_mark)
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
                LoadProblem("text-joined-lines", mark_pos(at.start_mark), {"key": key}, fatal=False)
            )


class LaterYamlPositions(LaterPositions):
    """A YAML document's (`loads` with `positions=False`)."""

    def __init__(self, data: dict[str, Any], text: str) -> None:  # no tables until asked
        self._data = data
        self.text = text
        self._marks = None

    def _marks_of(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        assert self.text is not None
        builder = Builder()
        builder.build(compose(self.text)[0], (), 0)
        return builder.values, builder.keys


def compose(text: str) -> tuple[Any, LoadProblem | None]:
    """PyYAML's node tree of `text`, or the syntax problem at PyYAML's problem mark (the
    place it noticed the mistake; generator.check.yamlrepair finds the line to change)."""
    loader = NoImplicitLoader(text)
    try:
        return loader.get_single_node(), None
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        code = (
            "yaml-multi-document" if "single document" in str(exc.context or "") else "yaml-syntax"
        )
        pos = mark_pos(mark) if mark else Position(1, 1)
        return None, LoadProblem(code, pos, {"problem": exc.problem or ""})
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = mark_pos(mark) if mark else Position(1, 1)
        detail = {"problem": exc.problem or "", "context": exc.context or ""}
        return None, LoadProblem("yaml-syntax", pos, detail)
    except yaml.YAMLError as exc:  # reader errors (control characters) have no mark class
        offset = getattr(exc, "position", None)  # libyaml's: a byte offset in UTF-8
        pos = char_pos(text, offset) if isinstance(offset, int) else Position(1, 1)
        return None, LoadProblem("yaml-syntax", pos, {"problem": str(exc)})
    finally:
        loader.dispose()


def parse_events(text: str) -> list[Any]:
    """The parse events of `text` (which composes): anchors and tags (yamlodd)."""
    loader = NoImplicitLoader(text)
    out = []
    try:
        while loader.check_event():
            out.append(loader.get_event())
    finally:
        loader.dispose()
    return out
