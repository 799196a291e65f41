"""The numbers of a statistics file that must agree: what schema/thong-ke.schema.json cannot
say (RULES.md X4; generator/statistics/__init__.py defines the counts).

    findings = check(doc, "xa-a.json")   # on a document the schema accepted

Each row of counts adds up by construction (`Counts.add`): every member counted is rated or
not rated for one reason, and every rated member has a level or awaits a decision:

    tong == duoc_xep_loai + sum(khong_xep_loai)
    duoc_xep_loai == sum(muc) + can_quyet_dinh
    chua_quyet_dinh <= sum(muc)
    trong_do_can_quyet_dinh <= chua_quyet_dinh + can_quyet_dinh   (when the row has it)

and the rows agree with each other: an organization counts at least its sub-organizations'
members (those right below it in `to_chuc`, one `cap` deeper; it may hold members of its
own), the whole tree (`tong`) at least its top organizations' and at least the grassroots
categories' (`phan_loai`), and no more organizations are rated (`xep_loai_to_chuc`) than
there are. An organization's own verdict (`danh_gia`, format 2 only) agrees with its level
(rated: a level or awaiting a decision; else none), and no more organizations have one
than `xep_loai_to_chuc` counts (a rollup takes a shared organization's off it once). An organization id is listed once (twice would count its members twice), each
organization is at most one level below the one before it, and the year before is before.
A quota pool a part left to the rollup (`ty_le_cho_tong_hop`) is listed once, and its
decided HTXSNV are among its HTXSNV.
"""

from __future__ import annotations

from typing import Any

from generator.findings import Finding, make
from generator.statistics import OWN_NOT_RATED, OWN_RATED, OWN_UNKNOWN
from generator.submissions.yamlload import Document, PathKey

FORMAT_1 = "kiemdiem-thong-ke/1"  # without `danh_gia` (generator/statistics/rollup.py)
SCALARS = ("tong", "duoc_xep_loai", "chua_quyet_dinh", "can_quyet_dinh")


def check(doc: Document, file: str) -> list[Finding]:
    """Every disagreement in a schema-valid statistics document (its year, and the year
    before when it has one)."""
    data = doc.data
    out = _year(doc, file, data, ())
    before = data.get("nam_truoc")
    if before is not None:
        if before["nam"] >= data["nam"]:
            pos = doc.value_pos(("nam_truoc", "nam"))
            out.append(
                make("rollup-previous-year", file, pos, previous=before["nam"], year=data["nam"])
            )
        out += _year(doc, file, before, ("nam_truoc",))
    return out + _pools(doc, file, data.get("ty_le_cho_tong_hop", []))


def _pools(doc: Document, file: str, rows: list[dict[str, Any]]) -> list[Finding]:
    """The quota pools a part left to the rollup (366-M6, statistics/rollupquota.py): the
    decided HTXSNV are among the HTXSNV, and a pool is listed once."""
    out: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        path: PathKey = ("ty_le_cho_tong_hop", i)
        if row["htxsnv_da_quyet_dinh"] > row["htxsnv"]:
            pos = doc.value_pos((*path, "htxsnv_da_quyet_dinh"))
            out.append(make("rollup-quota-decided", file, pos, label=_label(path),
                            decided=row["htxsnv_da_quyet_dinh"], final=row["htxsnv"]))  # fmt: skip
        first = seen.setdefault((row["quy_tac"], row["ma"]), i)
        if first != i:
            out.append(make("rollup-quota-twice", file, doc.value_pos(path), label=_label(path),
                            rule=row["quy_tac"], org_id=row["ma"],
                            other=_label(("ty_le_cho_tong_hop", first))))  # fmt: skip
    return out


def _year(doc: Document, file: str, data: dict[str, Any], at: PathKey) -> list[Finding]:
    rows: list[tuple[PathKey, dict[str, Any]]] = [
        (("tong",), data["tong"]),
        *((("phan_loai", c), counts) for c, counts in data["phan_loai"].items()),
        (("xep_loai_to_chuc",), data["xep_loai_to_chuc"]),
        *((("to_chuc", i, "dang_vien"), o["dang_vien"]) for i, o in enumerate(data["to_chuc"])),
    ]
    out = [f for path, counts in rows for f in _row(doc, file, (*at, *path), counts)]
    out += _shape(doc, file, data["to_chuc"], at)
    if out:  # the rows are compared only once each adds up and the tree is a tree
        return out
    out = _own_rows(doc, file, data, at)
    if out:
        return out
    return (
        _tree(doc, file, data, at) + _totals(doc, file, data, at) + _own_count(doc, file, data, at)
    )


def _label(path: PathKey) -> str:
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return f"`{out}`"


def _row(doc: Document, file: str, path: PathKey, c: dict[str, Any]) -> list[Finding]:
    levels = sum(c["muc"].values())
    not_rated = sum(c["khong_xep_loai"].values())
    label = _label(path)
    out = []
    if c["duoc_xep_loai"] != levels + c["can_quyet_dinh"]:
        pos = doc.value_pos((*path, "duoc_xep_loai"))
        parts = levels + c["can_quyet_dinh"]
        out.append(
            make("rollup-rated-sum", file, pos, label=label, rated=c["duoc_xep_loai"], parts=parts)
        )
    if c["tong"] != c["duoc_xep_loai"] + not_rated:
        pos = doc.value_pos((*path, "tong"))
        parts = c["duoc_xep_loai"] + not_rated
        out.append(make("rollup-total-sum", file, pos, label=label, total=c["tong"], parts=parts))
    if c["chua_quyet_dinh"] > levels:
        pos = doc.value_pos((*path, "chua_quyet_dinh"))
        undecided = c["chua_quyet_dinh"]
        out.append(
            make("rollup-undecided", file, pos, label=label, undecided=undecided, levels=levels)
        )
    to_decide, open_ = c.get("trong_do_can_quyet_dinh"), c["chua_quyet_dinh"] + c["can_quyet_dinh"]
    if to_decide is not None and to_decide > open_:
        pos = doc.value_pos((*path, "trong_do_can_quyet_dinh"))
        out.append(
            make("rollup-to-decide", file, pos, label=label, to_decide=to_decide, open=open_)
        )
    return out


def _shape(doc: Document, file: str, orgs: list[dict[str, Any]], at: PathKey) -> list[Finding]:
    """Ids listed once; the first organization at the top, each one at most one deeper
    than the one before it. (Positions are looked up only for a finding: a valid file
    never pays for them.)"""
    out: list[Finding] = []
    first: dict[str, int] = {}
    for i, o in enumerate(orgs):
        path = (*at, "to_chuc", i)
        seen = first.setdefault(o["ma"], i)
        if seen != i:
            pos, other = doc.value_pos((*path, "ma")), _label((*at, "to_chuc", seen)).strip("`")
            out.append(
                make(
                    "rollup-duplicate-org",
                    file,
                    pos,
                    label=_label(path),
                    org_id=o["ma"],
                    other=other,
                )
            )
        depth = o["cap"]
        before = orgs[i - 1]["cap"] if i else -1
        if depth > before + 1:
            pos = doc.value_pos((*path, "cap"))
            said = {"label": _label(path), "name": o["ten"], "depth": depth}
            if i == 0:
                out.append(make("rollup-depth", file, pos, variant="first", **said))
            else:
                out.append(make("rollup-depth", file, pos, before=before, **said))
    return out


def _flat(c: dict[str, Any]) -> dict[tuple[str, ...], int]:
    """Every number of a row, by its path in the row."""
    out: dict[tuple[str, ...], int] = {(k,): c[k] for k in SCALARS}
    for group in ("muc", "khong_xep_loai"):
        out.update({(group, k): v for k, v in c[group].items()})
    # optional (an older export has none): compared where the organization has it, with
    # the known ones of its parts (a trial gave a chi bộ 1 under a đảng bộ of 0)
    if (to_decide := c.get("trong_do_can_quyet_dinh")) is not None:
        out[("trong_do_can_quyet_dinh",)] = to_decide
    return out


def _add(total: dict[tuple[str, ...], int], c: dict[str, Any]) -> None:
    for k, v in _flat(c).items():
        total[k] = total.get(k, 0) + v


def _short(whole: dict[str, Any], parts: dict[tuple[str, ...], int]) -> tuple[str, ...] | None:
    """The first number of `whole` smaller than the same number summed over `parts`."""
    return next((k for k, v in _flat(whole).items() if v < parts.get(k, 0)), None)


def _short_total(
    code: str,
    doc: Document,
    file: str,
    data: dict[str, Any],
    at: PathKey,
    parts: dict[tuple[str, ...], int],
    named: str,
) -> list[Finding]:
    """Finding `code` at the first number of the file's total (`tong`) smaller than the
    same number summed over `parts` (told as `named` in the message); none when none is."""
    field = _short(data["tong"], parts)
    if field is None:
        return []
    detail: dict[str, Any] = {named: parts[field]}
    return [
        make(code, file, doc.value_pos((*at, "tong", *field)), label=_label((*at, "tong")),
             field=".".join(field), value=_flat(data["tong"])[field], **detail)
    ]  # fmt: skip


def _tree(doc: Document, file: str, data: dict[str, Any], at: PathKey) -> list[Finding]:
    """Each organization against its sub-organizations (those after it one `cap` deeper,
    up to the next at its own level or above)."""
    orgs = data["to_chuc"]
    out: list[Finding] = []
    roots: dict[tuple[str, ...], int] = {}
    open_: list[tuple[int, dict[tuple[str, ...], int]]] = []  # (index, its children's sum)

    def close(i: int, children: dict[tuple[str, ...], int]) -> None:
        o = orgs[i]
        field = _short(o["dang_vien"], children)
        if field is not None:
            path = (*at, "to_chuc", i, "dang_vien")
            pos = doc.value_pos((*path, *field))
            value, total = _flat(o["dang_vien"])[field], children[field]
            out.append(
                make("rollup-children", file, pos, label=_label(path), name=o["ten"],
                     field=".".join(field), value=value, children=total)
            )  # fmt: skip

    for i, o in enumerate(orgs):
        while open_ and orgs[open_[-1][0]]["cap"] >= o["cap"]:
            close(*open_.pop())
        _add(open_[-1][1] if open_ else roots, o["dang_vien"])
        open_.append((i, {}))
    while open_:
        close(*open_.pop())
    out += _short_total("rollup-roots", doc, file, data, at, roots, "children")
    return out


def _totals(doc: Document, file: str, data: dict[str, Any], at: PathKey) -> list[Finding]:
    out: list[Finding] = []
    categories: dict[tuple[str, ...], int] = {}
    for counts in data["phan_loai"].values():
        _add(categories, counts)
    out += _short_total("rollup-categories", doc, file, data, at, categories, "parts")
    rated_orgs = data["xep_loai_to_chuc"]["tong"]
    if rated_orgs > len(data["to_chuc"]):
        pos = doc.value_pos((*at, "xep_loai_to_chuc", "tong"))
        out.append(
            make(
                "rollup-org-levels",
                file,
                pos,
                label=_label((*at, "xep_loai_to_chuc")),
                value=rated_orgs,
                orgs=len(data["to_chuc"]),
            )
        )
    return out


def _own_rows(doc: Document, file: str, data: dict[str, Any], at: PathKey) -> list[Finding]:
    """Each organization's `danh_gia`: there in format 2 (and only there), agreeing with
    its level."""
    out: list[Finding] = []
    v2 = data["dinh_dang"] != FORMAT_1
    for i, o in enumerate(data["to_chuc"]):
        path = (*at, "to_chuc", i)
        said: dict[str, Any] = {"label": _label(path), "name": o["ten"]}
        if v2 != ("danh_gia" in o):
            code = "rollup-own-missing" if v2 else "rollup-own-v1"
            pos = doc.value_pos(path) if v2 else doc.key_pos((*path, "danh_gia"))
            out.append(make(code, file, pos, **said))
            continue
        own = o.get("danh_gia", OWN_RATED)
        has_level = o["xep_loai"] is not None or o["tam_tinh"]
        if v2 and (own == OWN_RATED) != has_level:
            pos = doc.value_pos((*path, "danh_gia"))
            shown: dict[str, Any] = {
                "own": "null" if own is None else own,
                "level": o["xep_loai"] or "null",
                "provisional": "true" if o["tam_tinh"] else "false",
            }
            out.append(make("rollup-own-level", file, pos, **said, **shown))
    return out


def _own_count(doc: Document, file: str, data: dict[str, Any], at: PathKey) -> list[Finding]:
    """The organizations' own verdicts (format 2) against `xep_loai_to_chuc`."""
    counted: dict[tuple[str, ...], int] = {}
    for o in data["to_chuc"]:
        for key in _own_keys(o):
            counted[key] = counted.get(key, 0) + 1
    field = _short(data["xep_loai_to_chuc"], counted)
    if field is None:
        return []
    path = (*at, "xep_loai_to_chuc")
    return [
        make("rollup-own-count", file, doc.value_pos((*path, *field)), label=_label(path),
             field=".".join(field), value=_flat(data["xep_loai_to_chuc"])[field],
             orgs=counted[field])
    ]  # fmt: skip


def _own_keys(o: dict[str, Any]) -> list[tuple[str, ...]]:
    """The numbers of `xep_loai_to_chuc` an organization's own verdict adds one to."""
    own = o.get("danh_gia", OWN_UNKNOWN)
    if own is None or own == OWN_UNKNOWN:
        return []
    if own == OWN_NOT_RATED:
        return [("tong",)]
    if own != OWN_RATED:
        return [("tong",), ("khong_xep_loai", own)]
    level = o["xep_loai"]
    if level is None:
        return [("tong",), ("duoc_xep_loai",), ("can_quyet_dinh",)]
    undecided = [("chua_quyet_dinh",)] if o["tam_tinh"] else []
    return [("tong",), ("duoc_xep_loai",), ("muc", level), *undecided]
