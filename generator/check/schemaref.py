"""The repository's schema files read as JSON, and a `$ref` followed across them
(``"chung.schema.json#/$defs/nam"`` or ``"#/..."``), knowing which file it ends in: what
the editor's form (generator.editor.config) and `kiemdiem new` (its year bounds) read of a
schema without compiling it (generator.check.schemas bundles and compiles for checking)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


@cache
def schema_file(schema_dir: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((schema_dir / name).read_text("utf-8"))
    return data


def deref(schema_dir: Path, node: dict[str, Any], here: str) -> tuple[dict[str, Any], str]:
    """`node` with its `$ref` target merged in (the node's own keys win, the target's
    description kept as `x-ref-description`), and the file the chain of refs ends in
    (`here`: the file `node` is in). Raises OSError, ValueError or KeyError when a file or
    pointer cannot be read."""
    ref = node.get("$ref")
    if not ref:
        return node, here
    file, _, pointer = ref.partition("#")
    file = file or here
    target: Any = schema_file(schema_dir, file)
    for part in pointer.strip("/").split("/") if pointer else []:
        target = target[part]
    resolved, where = deref(schema_dir, target, file)
    merged = {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}
    merged["x-ref-description"] = resolved.get("description", "")
    return merged, where
