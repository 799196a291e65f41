"""Plain Python values of a composed YAML node tree, fast (generator.submissions.yamlload's
path for a file with nothing to report): kiemdiem's strict reading of plain scalars, and
the walk that builds a document's value without positions, giving up (`Unusual`) wherever
the positioned builder could report a problem."""

from __future__ import annotations

import re
from typing import Any

import yaml

MAX_DEPTH = 32
MAX_NODES = 50_000

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

_INT_RE = re.compile(r"[-+]?[0-9]+")
_FLOAT_RE = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_WORDS: dict[str, Any] = {
    **dict.fromkeys(("null", "Null", "NULL", "~", ""), None),
    "true": True,
    "false": False,
}
_NUMBER_START = frozenset("+-0123456789")  # a number starts with one of these


def plain_scalar(value: str) -> Any:
    """Resolve a plain (unquoted) scalar under kiemdiem's strict YAML 1.2 reading."""
    if value in _WORDS:
        return _WORDS[value]
    if value[0] in _NUMBER_START:  # "" is a word
        return _number(value)
    return value


def _number(value: str) -> Any:
    """A plain scalar starting like a number: the number when it is one (see
    generator.submissions.yamlload's docstring), else the text."""
    if value.isdigit() and value.isascii():  # most numbers: decimal digits only
        return value if len(value) > 1 and value[0] == "0" else _int(value)
    if _INT_RE.fullmatch(value):
        digits = value.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return value  # "007" is an identifier, not a number
        return _int(value)
    if _FLOAT_RE.fullmatch(value):
        number = float(value)
        if repr(number) == value.lstrip("+"):
            return number
        return value  # "1.10", "01.5": keep the text, the schema decides
    return value


def _int(value: str) -> Any:
    """The integer `value` writes, or the text when it has more digits than Python turns
    into an int (sys.get_int_max_str_digits: 4,300 by default; int() would raise)."""
    try:
        return int(value)
    except ValueError:
        return value


class Unusual(Exception):
    """Something `yamlbuild.Builder` reports (or might): build again with positions."""


def plain_value(root: Any) -> Any:
    """`yamlbuild.Builder.build` for a file with nothing to report, without positions:
    the same value, or `Unusual` where the builder could report a problem (the caller
    then runs the builder). Aliases are not looked for: the caller only comes here for a
    text without "&" and "*", which no anchor or alias can be written without.

    The builder counts every node it builds (the root, mapping values, sequence items;
    not keys) and stops past MAX_NODES; here each container adds its children's number
    before they are read: the total, hence whether it passes MAX_NODES, is the same, and
    past it either way is `Unusual`. Plain scalars are resolved inline (`plain_scalar`
    in a few lines): this walk is ~10% of a cold check's per-file work."""
    count = 1
    words, number_start = _WORDS, _NUMBER_START
    scalar, mapping, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def walk(node: Any, depth: int) -> Any:
        nonlocal count
        if depth > MAX_DEPTH:
            raise Unusual
        kind = type(node)
        if kind is scalar:
            if node.tag != STR_TAG:
                raise Unusual
            value = node.value
            if node.style:
                if node.style == ">":  # may have joined lines (yamlodd.lost_breaks)
                    raise Unusual
                return value
            if node.end_mark.line != node.start_mark.line:  # joined lines, as ">"
                raise Unusual
            if value in words:
                return words[value]
            return _number(value) if value[0] in number_start else value
        if kind is mapping:
            if node.tag != MAP_TAG:
                raise Unusual
            pairs = node.value
            count += len(pairs)
            if count > MAX_NODES:
                raise Unusual
            result: dict[str, Any] = {}
            depth += 1
            for key_node, value_node in pairs:
                if type(key_node) is not scalar or key_node.tag != STR_TAG:
                    raise Unusual
                key = key_node.value
                if key in result or (key == "<<" and not key_node.style):
                    raise Unusual
                result[key] = walk(value_node, depth)
            return result
        if kind is sequence:
            if node.tag != SEQ_TAG:
                raise Unusual
            items = node.value
            count += len(items)
            if count > MAX_NODES:
                raise Unusual
            depth += 1
            return [walk(item, depth) for item in items]
        raise Unusual

    return walk(root, 0)
