"""Who may read what: data classes of the schema and the audiences of the site.

The 2026 round is the first under the Personal Data Protection Law (Luật Bảo vệ dữ liệu cá
nhân, 91/2025/QH15, in force 2026-01-01; detailed by Nghị định 356/2025). Health data and
findings about a person are sensitive, and processing is limited to its purpose. So every
property of a record schema carries its audience, the schema annotation ``x-pham-vi``:

    to-chuc        the whole organization (name, id, position, final level, file state)
    chi-bo         the member's own chi bộ (review text, criteria, self level, proposals)
    cap-uy         the committees that decide (health, discipline, degradation findings,
                   internal notes)
    khong-cong-bo  never published on any site (date of birth, the account roster)

Top-level properties state their class; a nested property inherits its parent's class
unless it names a narrower one (tests/unit/test_privacy_schema.py keeps both true).

`Scope` orders the classes; a reader with scope S reads every class up to S. The site
builds one site per audience (`generator.site.audiences`), each from records redacted here
(`redact`, `redact_verdict`), so a value an audience may not read is not in its pages nor
in its search index — the templates' gating is the second lock, not the only one.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

KEYWORD = "x-pham-vi"
# what a finding may carry in `Finding.extra` for `generator.privacy.findings` to tell who
# may read it: the class of the facts it states (a Scope's slug, set where those facts are
# known, e.g. the rating engine's reasons), the member it is about, the rules it applies
FINDING_SCOPE = "pham_vi"
FINDING_MEMBER = "member"
FINDING_RULES = "rules"
FINDING_FIELD = "field"  # the YAML keys of the property it is about
# the message with the committee-only reasons it names by rule quoted whole: for the
# deciding committee's own site only (generator.privacy.findings.readable_findings)
FINDING_WHOLE = "whole_message"
# record kind (schema file stem) of each schema that describes a submitted record
RECORD_SCHEMAS = ("dang-vien", "to-chuc", "de-xuat", "quyet-dinh", "nam-danh-gia", "tai-khoan")


class Scope(enum.IntEnum):
    """An audience class; a reader of scope S may read every class up to S."""

    TO_CHUC = 1
    CHI_BO = 2
    CAP_UY = 3
    KHONG_CONG_BO = 4

    @property
    def slug(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, slug: str) -> Scope:
        return cls[slug.upper().replace("-", "_")]

    @property
    def label_vi(self) -> str:
        return {
            1: "Toàn đảng bộ",
            2: "Chi bộ của đảng viên",
            3: "Cấp ủy có thẩm quyền quyết định",
            4: "Không công bố",
        }[self.value]


@dataclass(frozen=True)
class ScopeTree:
    """The class of one property and of the properties below it."""

    scope: Scope
    children: dict[str, ScopeTree] = field(default_factory=dict)

    def of(self, *path: str) -> Scope:
        """The class of the property at `path` (YAML keys), inherited where unnamed."""
        node = self
        for key in path:
            child = node.children.get(key)
            if child is None:
                return node.scope
            node = child
        return node.scope


def _tree(node: dict[str, Any], inherited: Scope) -> ScopeTree:
    own = node.get(KEYWORD)
    scope = Scope.parse(own) if isinstance(own, str) else inherited
    body = node.get("items", node) if node.get("type") == "array" else node
    children = {
        name: _tree(prop, scope)
        for name, prop in (body.get("properties") or {}).items()
        if isinstance(prop, dict)
    }
    return ScopeTree(scope, children)


def schema_scope_tree(schema: dict[str, Any]) -> ScopeTree:
    """The classes of one record schema's properties (the schema's parsed JSON)."""
    # the record itself is whole-organization; its properties say more
    return _tree(schema, Scope.TO_CHUC)


@functools.cache
def _scope_trees(schema_dir: Path) -> dict[str, ScopeTree]:
    out: dict[str, ScopeTree] = {}
    for kind in RECORD_SCHEMAS:
        path = schema_dir / f"{kind}.schema.json"
        if path.is_file():
            out[kind] = schema_scope_tree(json.loads(path.read_text("utf-8")))
    return out


def scope_tree(schema_dir: Path, kind: str) -> ScopeTree:
    """The classes of a record kind's properties, read from `schema_dir`."""
    return _scope_trees(schema_dir.resolve())[kind]


# ---------------------------------------------------------------------- redaction

T = TypeVar("T")


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    raise ValueError(f"{f.name} is required and cannot be withheld")


def _empty(f: dataclasses.Field[Any]) -> _Made:
    """How a copy sets a withheld field (`_copier`): a fresh empty value each time, or the
    field's immutable default (a dataclass accepts no mutable one)."""
    if f.default_factory is not dataclasses.MISSING:
        return ("call", f.default_factory)
    return ("value", _default(f))


def _withheld(f: dataclasses.Field[Any]) -> Callable[[], Any]:
    """What makes a withheld field's empty default (`_default`, asked once per field)."""
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    value = _default(f)
    return lambda: value


def redact(record: T, tree: ScopeTree, reader: Scope) -> T:
    """A copy of `record` with every property `reader` may not read set to its empty
    default (recursively for nested records)."""
    hit = _PLANS.get((type(record), id(tree), reader))
    if hit is not None and hit[0] is tree:
        plan = hit[1]
    elif not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    else:
        plan = _plan(type(record), tree, reader)
    fast = plan.copier
    if fast is not None:  # every field withheld or read whole (a province's members)
        return fast(record)
    changes: dict[str, Any] = {}
    for name, node, hide in plan.steps:
        if hide is not None:
            changes[name] = hide()
            continue
        value = getattr(record, name)
        if dataclasses.is_dataclass(value):
            changes[name] = redact(value, node, reader)
        elif isinstance(value, list):
            changes[name] = [redact(item, node, reader) for item in value]
    return _replace(record, changes) if changes else record


def _replace(record: T, changes: dict[str, Any]) -> T:
    """`dataclasses.replace(record, **changes)`, without its per-field checks when the
    class has nothing they are for (every field set by __init__, no __post_init__): the
    new record's fields are the changes, else the old record's values (a copier made
    once per class and set of changed fields, `_copier`)."""
    key = (type(record), tuple(changes))
    copy = _COPIERS.get(key)
    if copy is None:
        copy = _COPIERS[key] = _copier(type(record), {n: None for n in changes})
    if copy is None:
        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    return copy(record, changes)  # type: ignore[no-any-return]


def _fields(cls: type) -> tuple[str, ...]:
    """The fields of `cls` when a copy may set them directly, else () (some field is not
    set by __init__, or __post_init__ checks or derives something)."""
    names = _FAST.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        simple = all(f.init for f in fields) and not hasattr(cls, "__post_init__")
        names = _FAST[cls] = tuple(f.name for f in fields) if simple else ()
    return names


def _copier(cls: type, made: dict[str, _Made]) -> Callable[..., Any] | None:
    """A function copying a `cls` record, generated once: `copy(record, changes)` takes
    each field in `made` from `changes` (None), from calling a function ("call", f) or as
    a value ("value", v), every other field from `record`; None when `_fields(cls)` says
    no. A copy is set field by field as its __init__ sets them (object.__setattr__ for a
    frozen class)."""
    names = _fields(cls)
    if not names or any(not n.isidentifier() for n in names):
        return None
    direct = cls.__setattr__ is object.__setattr__  # type: ignore[comparison-overlap]
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_set": object.__setattr__}
    lines = ["def copy(r, c=None):", "    n = _new(_cls)"]
    for i, name in enumerate(names):
        if name not in made:
            value = f"r.{name}"
        elif (how := made[name]) is None:
            value = f"c[{name!r}]"
        else:
            env[f"_f{i}"] = how[1]
            value = f"_f{i}()" if how[0] == "call" else f"_f{i}"
        lines.append(f"    n.{name} = {value}" if direct else f"    _set(n, {name!r}, {value})")
    lines.append("    return n")
    exec("\n".join(lines), env)  # the names are a dataclass's own field names
    return env["copy"]  # type: ignore[no-any-return]


_FAST: dict[type, tuple[str, ...]] = {}  # record class -> its fields ((): use replace)
_COPIERS: dict[tuple[type, tuple[str, ...]], Callable[..., Any] | None] = {}
_Step = tuple[str, ScopeTree, "Callable[[], Any] | None"]
_Made = tuple[str, Any] | None  # how a copy sets a field: see `_copier`


@dataclass(frozen=True)
class _Plan:
    """What `redact` does to each field of one record class for one reader."""

    # (field, its tree node, what makes its empty default when it is withheld, else None:
    # redact inside it); fields the reader reads whole (no narrower class below) left out
    steps: list[_Step]
    # when every step withholds: the whole redaction as one generated copy
    copier: Callable[[Any], Any] | None


# (record class, id of the tree, reader) -> (the tree, kept alive for its id; the plan)
_PLANS: dict[tuple[type, int, Scope], tuple[ScopeTree, _Plan]] = {}


def _plan(cls: type, tree: ScopeTree, reader: Scope) -> _Plan:
    """What `redact` does to a `cls` record, worked out once (a province redacts ~100,000
    member records for one site)."""
    hit = _PLANS.get((cls, id(tree), reader))
    if hit is not None and hit[0] is tree:
        return hit[1]
    steps: list[_Step] = []
    for f in dataclasses.fields(cls):
        key = f.metadata.get("key")
        if key is None or not f.init:
            continue
        node = tree.children.get(key, ScopeTree(tree.scope))
        if node.scope > reader:
            steps.append((f.name, node, _withheld(f)))
        elif node.children:
            steps.append((f.name, node, None))
    copier = None
    if steps and all(hide is not None for _, _, hide in steps):
        withheld = {f.name: f for f in dataclasses.fields(cls)}
        copier = _copier(cls, {name: _empty(withheld[name]) for name, _, _ in steps})
    plan = _Plan(steps, copier)
    _PLANS[(cls, id(tree), reader)] = (tree, plan)
    return plan
