"""Which audience may read a finding, and what the others read in its place.

A finding about a member's non-public facts tells them even when it quotes no value:
"Quyết định xếp loại đảng viên X mức HTTNV, cao hơn mức tối đa … KHTNV: lý do theo 366-M4"
says X was disciplined or found degraded; "`nghi_om_thang` (Số tháng nghỉ ốm) phải là số"
on X's file says X was on sick leave; "Ngày sinh của mã dv-… khác …" speaks of a date never
published. So each finding has an audience class, as each property and each reason has
(`generator.privacy`, `generator.privacy.verdicts`), the widest of:

- the class its producer states (`FINDING_SCOPE` in `Finding.extra`: the rating engine
  knows the class of each reason it quotes, `reason_scope`);
- the class of every rule it applies (`REASON_SCOPES`: 366-M4, 366-M7, 132-M6, …);
- the class of the property it is about, read from the schema's `x-pham-vi`: the JSON
  pointer of a schema finding, the keys a producer names (`FINDING_FIELD`), or the
  property a code is always about (`FIELDS_OF_CODE`). A property never published
  (`khong-cong-bo`, the date of birth) counts as committee-only here: the finding quotes
  no value (generator.privacy.minimize), and the deciding committee must act on it.

Each audience's site (`generator.site.audiences`) keeps the findings its reader may read
for the member (or organization) they are about, and puts one neutral line in place of the
others of one file and member: `privacy-withheld`, "Có vấn đề cần xử lý trong hồ sơ của
đảng viên `dv-…`" with the worst severity and who must act, at line 1 — no rule id, no
field, no level, no line (a member file's layout would give the field back from it), and
the same words whatever the hidden class, so that it does not tell a committee-only matter
from a chi bộ one. The whole organization so still learns that something is pending and
for whom (the problems page's purpose), and the readers allowed read it in full on their
own site.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.findings import Finding, Position, Severity, make
from generator.privacy import (
    FINDING_FIELD,
    FINDING_MEMBER,
    FINDING_RULES,
    FINDING_SCOPE,
    FINDING_WHOLE,
    Scope,
    scope_tree,
)
from generator.privacy.minimize import kind_of
from generator.privacy.verdicts import REASON_SCOPES
from generator.submissions import layout

WITHHELD = "privacy-withheld"
# finding codes always about one property, whatever they carry (generator/check/memberdates,
# generator/check/disciplinedates: a `lanh_dao.ky_luat` item's also names its FINDING_FIELD)
FIELDS_OF_CODE: dict[str, tuple[tuple[str, ...], ...]] = {
    "date-born-after-evaluation": (("ngay_sinh",),),
    "date-admitted-before-birth": (("ngay_sinh",),),
    # a disciplinary decision's dates (committee-only: x-pham-vi cap-uy)
    "date-discipline-after-evaluation": (("ky_luat",),),
    "date-discipline-before-year": (("ky_luat",),),
    "date-violation-after-decision": (("ky_luat",),),
}
_WORST = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def _fields(finding: Finding) -> list[tuple[str, ...]]:
    """The YAML key paths of the properties `finding` is about (list indexes left out)."""
    out = list(FIELDS_OF_CODE.get(finding.code, ()))
    extra = finding.extra
    pointer = extra.get("pointer")
    if isinstance(pointer, str):
        keys = [
            p.replace("~1", "/").replace("~0", "~")
            for p in pointer.split("/")
            if p and not p.isdigit()
        ]
        out.append(tuple(keys))
        key = extra.get("key")
        if isinstance(key, str) and key:  # a missing or unknown key below the pointer
            out.append((*keys, key))
    named = extra.get(FINDING_FIELD)
    if isinstance(named, (list, tuple)):
        out.append(tuple(str(k) for k in named))
    elif isinstance(named, str) and named:
        out.append(tuple(named.split(".")))
    return out


def _rules(finding: Finding) -> list[str]:
    more = finding.extra.get(FINDING_RULES)
    return [finding.rule, *(more if isinstance(more, (list, tuple)) else ())]


def finding_scope(finding: Finding, schema_dir: Path) -> Scope:
    """The narrowest audience that may read `finding` whole (module docstring)."""
    scope = Scope.TO_CHUC
    stated = finding.extra.get(FINDING_SCOPE)
    if isinstance(stated, str):
        try:
            scope = max(scope, Scope.parse(stated))
        except KeyError:
            scope = Scope.CAP_UY  # an unknown class: err on the side of hiding
    for rule in _rules(finding):
        scope = max(scope, REASON_SCOPES.get(str(rule), Scope.TO_CHUC))
    kind = kind_of(finding.path)
    fields = _fields(finding) if kind else []
    if kind and fields:
        try:
            tree = scope_tree(schema_dir, kind)
        except KeyError:  # a schema folder without that kind's schema
            tree = None
        for path in fields:
            scope = max(scope, tree.of(*path) if tree else Scope.CAP_UY)
    return min(scope, Scope.CAP_UY)


def subject_member(finding: Finding) -> str:
    """The member `finding` is about: the one its producer names, else the member whose
    review file it is in ("" for neither)."""
    named = finding.extra.get(FINDING_MEMBER)
    if isinstance(named, str) and named:
        return named
    if kind_of(finding.path) == "dang-vien":
        return finding.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    return ""


def readable_findings(
    findings: Iterable[Finding],
    schema_dir: Path,
    reader: Callable[[Finding], Scope],
    decides: Callable[[Finding], bool] = lambda finding: False,
) -> list[Finding]:
    """The findings `reader` (the scope of the audience's reader for what each finding is
    about) may read whole — the committee whose decision a finding is about (`decides`)
    with the reasons it names by rule quoted whole (`FINDING_WHOLE`): not a committee
    above it, which reads that file's findings but decides neither the organization nor
    the members those reasons are about — and one `privacy-withheld` line for the others
    of each file and member, in the order of their first finding."""
    out: list[Finding | tuple[str, str]] = []  # a finding, or the key of a withheld group
    withheld: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        may_read = reader(finding)
        if finding_scope(finding, schema_dir) <= may_read:
            whole = finding.extra.get(FINDING_WHOLE)
            if may_read >= Scope.CAP_UY and isinstance(whole, str) and whole and decides(finding):
                finding = dataclasses.replace(finding, message=whole)  # the reasons whole
            out.append(finding)
            continue
        key = (finding.path, subject_member(finding))
        if key not in withheld:
            withheld[key] = []
            out.append(key)
        withheld[key].append(finding)
    return [item if isinstance(item, Finding) else _withheld(*item, withheld[item]) for item in out]


# who writes a file of each kind (generator/forge/owners.py, DESIGN.md "one record per
# file, owned by exactly one body"): the one to fix a schema or YAML error in it
_WRITER = {
    "dang-vien": "member",  # the member's own review
    "de-xuat": "chi_bo",  # the chi bộ's proposals
    "quyet-dinh": "committee",  # the deciding committee's decisions
    "to-chuc": "committee",  # the organization's committee (its collective review)
    "nam-danh-gia": "board",  # the year file: the organization board
}


def actor_of(finding: Finding) -> str:
    """Who must act on `finding`, for the sites' problem lists (generator.site.views) and
    `check --format json`: its own actor, else whoever writes its file (a schema or YAML
    error there is theirs to fix). Never "": a file of no record kind is owned as
    generator/forge/owners.py owns it — in a members folder the member's, in an
    organization's folder its committee's, else (the roster tai-khoan.yaml, a year's
    folder, anything unplaced) the organization board's, which owns whatever has no owner."""
    if finding.actor:
        return finding.actor
    kind = kind_of(finding.path)
    if kind:
        return _WRITER[kind]
    if not layout.classify(finding.path).org_folder:
        return "board"
    return "member" if f"/{layout.MEMBERS_DIR}/" in finding.path else "committee"


def _withheld_actor(group: list[Finding]) -> str:
    """Who must act on a withheld group, so the site lists its neutral line under them
    (generator.site.views.ACTORS), not under "Chưa xác định": the member when any hidden
    finding is theirs, else the worst finding's actor (the first one known, by severity)."""
    actors = [actor_of(f) for f in sorted(group, key=lambda f: _WORST[f.severity])]
    if "member" in actors:
        return "member"
    return next((a for a in actors if a), "")


def _withheld(path: str, member: str, group: list[Finding]) -> Finding:
    worst = min(group, key=lambda f: _WORST[f.severity])
    actor = _withheld_actor(group)
    neutral = make(
        WITHHELD,
        path,
        Position(1),
        variant="" if member else "file",
        actor=actor,
        member=member,
    )
    # the worst severity of the group (an error stays an error); no rule, nothing extra
    return Finding(
        neutral.code,
        worst.severity,
        path,
        neutral.position,
        neutral.message,
        neutral.hint,
        "",
        neutral.actor,
    )
