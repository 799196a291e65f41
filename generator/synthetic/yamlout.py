"""Block-style YAML writing for the synthetic review files."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

_PLAIN_RE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.~=<][^\n]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if (
        _PLAIN_RE.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
        and text.lower() not in _RESERVED
    ):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, Mapping):
        for k, v in value.items():
            _emit_entry(f"{pad}{k}:", v, indent, out)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        for item in value:
            if isinstance(item, Mapping) and item:
                first = True
                for k, v in item.items():
                    lead = f"{pad}- {k}:" if first else f"{pad}  {k}:"
                    _emit_entry(lead, v, indent + 2, out)
                    first = False
            else:
                out.append(f"{pad}- {_scalar(item)}")
    else:  # pragma: no cover - callers pass containers
        out.append(pad + _scalar(value))


def _emit_entry(lead: str, value: Any, indent: int, out: list[str]) -> None:
    if isinstance(value, Mapping):
        if not value:
            out.append(f"{lead} {{}}")
            return
        out.append(lead)
        _emit(value, indent + 2, out)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            out.append(f"{lead} []")
            return
        out.append(lead)
        _emit(value, indent + 2, out)
    elif isinstance(value, str) and "\n" in value.rstrip("\n"):
        body = value.rstrip("\n")
        out.append(f"{lead} |" if value.endswith("\n") else f"{lead} |-")
        inner = " " * (indent + 2)
        out.extend(inner + line if line else "" for line in body.split("\n"))
    elif isinstance(value, str) and value.endswith("\n"):
        out.append(f"{lead} |")
        out.append(" " * (indent + 2) + value.rstrip("\n"))
    else:
        out.append(f"{lead} {_scalar(value)}")


def dump_yaml(data: Mapping[str, Any], comment: str = "") -> str:
    """Block-style YAML for a review file: multi-line texts as `|` literals, dates quoted.

    The output reads back with generator.submissions.yamlload to the same data (strings
    that would look like numbers, booleans or dates are quoted).
    """
    out = [f"# {line}".rstrip() for line in comment.splitlines()] if comment else []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"
