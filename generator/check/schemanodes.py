"""Finding one's way in a bundled schema: local `$ref`s followed, the node (and its title)
for an instance path, the place of a value as findings name it (`kiem_diem.uu_diem`).
"""

from __future__ import annotations

from typing import Any

from generator.messages.schema import AT_START_VI


def resolve(schema: dict[str, Any], node: Any) -> Any:
    """Follow a local `$ref` (bundled schemas have only local ones)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 10:
        pointer = node["$ref"].removeprefix("#/").split("/")
        target: Any = schema
        for part in pointer:
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        node = target
        seen += 1
    return node


def path_text(path: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else (("." if parts else "") + str(p)))
    return "".join(parts) or AT_START_VI


def base_node(base: dict[str, Any], path: tuple[Any, ...]) -> Any:
    """The base schema's node for an instance path (overlays carry few titles)."""
    node: Any = resolve(base, base)
    for part in path:
        if not isinstance(node, dict):
            return {}
        raw = (
            node.get("items", {})
            if isinstance(part, int)
            else node.get("properties", {}).get(part, {})
        )
        resolved = resolve(base, raw)
        # a property's own title ("Tự xếp loại") beats its shared definition's ("Mức xếp loại")
        if isinstance(raw, dict) and isinstance(resolved, dict) and raw.get("title"):
            resolved = {
                **resolved,
                "title": raw["title"],
                "description": raw.get("description", resolved.get("description", "")),
            }
        node = resolved
    return node


def is_required(base: dict[str, Any], path: tuple[Any, ...]) -> bool:
    """The base schema requires the property at `path`."""
    if not path or not isinstance(path[-1], str):
        return False
    parent = base_node(base, path[:-1])
    return isinstance(parent, dict) and path[-1] in parent.get("required", [])


def group_holding(root: dict[str, Any], node: dict[str, Any], key: str) -> str | None:
    """The one property of `node` that is a group (an object, not a list) with `key` among
    its own properties: where a key stray from it belongs (`uu_diem` at the top of a member's
    file -> `kiem_diem`). None when no group of this place has it (`ly_do` in a `ky_luat`
    item is no `xep_loai_lai` of another kind of file's) or more than one does."""
    found = []
    for name, raw in (node.get("properties") or {}).items():
        sub = resolve(root, raw)
        if not isinstance(sub, dict) or sub.get("type", "object") != "object":
            continue
        props = sub.get("properties")
        if isinstance(props, dict) and key in props:
            found.append(str(name))
    return found[0] if len(found) == 1 else None
