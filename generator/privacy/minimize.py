"""Findings that name a field and a line without quoting what only a committee may read.

Pull-request comments, annotations, CI logs, the terminal and the sites' problem lists all
show findings. A finding about a committee-only field (health, discipline, degradation,
internal notes: `x-pham-vi: cap-uy`, or never published) must say where and what is wrong
without repeating the value: "Giá trị `[ẩn]` không hợp lệ cho `ky_luat[1].hinh_thuc`".

`minimize` reads each file that has findings once, finds the lines whose key path has such a
class (by indentation, so it also works on a file that does not parse), and replaces those
lines' values in the findings' messages and hints. It runs where findings are made for every
output (generator.pipeline), so no reporter can forget it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from generator.findings import Finding
from generator.privacy import FINDING_SCOPE, Scope, ScopeTree
from generator.privacy.hintmask import MASK as HINT_MASK
from generator.privacy.hintmask import fix_lines, mask_text, schema_words, with_note
from generator.privacy.keyscope import KeyScopes, key_scopes, parent_keys
from generator.privacy.valuemask import (
    fold_text,
    needle_of,
    protect,
    replace_folded,
    restore,
    taint_of,
)

MASK = HINT_MASK  # one placeholder in every output
_NAME = re.compile(r"[A-Za-z_][\w-]*")  # a key name a hint may show (hintmask._PATH_PART)
_QUOTE_PAIRS = ('""', "''", "“”")  # a value written in quotes, as `_values` reads it
# a key, also written in quotes (`"ngay_quyet_dinh": …`, which YAML reads as the same key)
_KEY = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<q>[\"']?)(?P<key>[A-Za-z_][\w-]*)(?P=q)\s*:(?P<rest>.*)$"
)
# in a flow collection (`{hinh_thuc: canh_cao, ngay_quyet_dinh: "2024-06-07"}`): a quoted
# text that is not a key, the keys named inside, the separators between plain values
_FLOW_QUOTED = re.compile(r"(\"[^\"]*\"|'[^']*'|“[^”]*”)(?!\s*:)")
_FLOW_KEY = re.compile(r"[\"']?([A-Za-z_][\w-]*)[\"']?\s*:(?:\s|$)")
_FLOW_SPLIT = re.compile(r"[{}\[\],]")
# `ngay_sinh 25/12/1983`, `ho_ten：Bình`: a key without its colon (generator.check.yamlcolon);
# `ghi_chu_noi_bo Mật: …`, read as the key `ghi_chu_noi_bo Mật`, its colon missing after
# the first word (generator.check.yamltext.colon_after_word)
_BARE = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\W\d][\w-]*)"
    r"(?:[ \t]*[\uff1a\ufe55\ua789\u2236][ \t]*|[ \t]+|$)(?P<rest>.*)$"
)


def kind_of(path: str) -> str | None:
    """The record kind (schema stem) of a submission file, from its name."""
    name = path.rsplit("/", 1)[-1]
    if "/dang-vien/" in f"/{path}":
        return "dang-vien"
    stem = name.rsplit(".", 1)[0]
    # the roster (tai-khoan.yaml) is never on a site, but its findings are the board's own
    return stem if stem in ("to-chuc", "de-xuat", "quyet-dinh", "nam-danh-gia") else None


def sensitive_values(text: str, tree: ScopeTree) -> dict[int, list[str]]:
    """Line number -> the value texts on that line that only committees (or nobody) may
    read. A block scalar's lines belong to its key; list items to their list's key."""
    return _scan(text, KeyScopes(tree))[0]


def _scan(text: str, scopes: KeyScopes) -> tuple[dict[int, list[str]], set[int]]:
    """`sensitive_values`, and every line of a committee-only field (its key's line too,
    with or without a value on it); a key the schema does not know is of the class of what
    it may be (`generator.privacy.keyscope`: `ngay_sinhh:` is `ngay_sinh:`)."""
    out: dict[int, list[str]] = {}
    lines: set[int] = set()
    stack: list[tuple[int, str, str | None]] = []  # (indent, key, the key it is guessed to be)
    block: tuple[int, bool] | None = None  # (indent of the key owning a block, sensitive)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if block is not None:
            if not stripped or indent > block[0]:
                if block[1] and stripped:
                    out[number] = [stripped]
                    lines.add(number)
                continue
            block = None
        if not stripped or stripped.startswith("#"):
            continue
        match, meant = _key_of(line, number, scopes)
        if match is None:  # a bare list item or a continuation: its parent's class
            item = stripped.lstrip("- ").strip()
            parents = scopes.of([k for _, k, _ in stack], [m for _, _, m in stack])
            if parents >= Scope.CAP_UY or _flow_names_committee(item, scopes):
                out[number] = _line_values(item)
                lines.add(number)
            continue
        key_indent = len(match["indent"]) + (len(match["dash"]) if match["dash"] else 0)
        if match["dash"]:  # a new list item: its list's key may stand at the same indent
            while stack and stack[-1][0] > len(match["indent"]):
                stack.pop()
        while stack and stack[-1][0] >= key_indent:
            stack.pop()
        stack.append((key_indent, match["key"], meant))
        sensitive = scopes.of([k for _, k, _ in stack], [m for _, _, m in stack]) >= Scope.CAP_UY
        rest = match["rest"].split(" #", 1)[0].strip()
        # a flow collection naming a committee-only key inside (`lanh_dao: {ky_luat: …}`)
        sensitive = sensitive or _flow_names_committee(rest, scopes)
        if sensitive:
            lines.add(number)
        if rest in ("|", ">", "|-", ">-", "|+", ">+"):
            block = (key_indent, sensitive)
        elif sensitive and rest:
            out[number] = _line_values(rest)
    return out, lines


def _key_of(line: str, number: int, scopes: KeyScopes) -> tuple[re.Match[str] | None, str | None]:
    """The key a line holds (`key`, `indent`, `dash`, `rest`: what follows it) and the key a
    finding guesses it to be. Besides `key: value`, a key whose colon is missing, where a
    finding at this line guesses so or where its name is one only committees may read
    (`ngay_sinh 25/12/1983`, `ghi_chu_noi_bo Mật: …`): all after it is the committee's,
    whatever YAML made of the line, as a hint that adds the colon writes it back."""
    match = _KEY.match(line)
    if match is not None:
        return match, scopes.meant(match["key"], number)
    bare = _BARE.match(line)
    if bare is None:
        return None, None
    hit = scopes.guesses.get(number)  # the key as YAML read it: its first word, a guess
    meant = hit[1] if hit is not None and hit[0].split(None, 1)[:1] == [bare["key"]] else None
    return (bare, meant) if meant is not None or bare["key"] in scopes.named else (None, None)


def _values(rest: str) -> list[str]:
    """The texts a value written as `rest` shows in a finding: as written and without its
    quotes; a quote it opens and never closes (`"abc`) is no part of it, or a corrected line
    (`ghi_chu_noi_bo: "abc"`) would lose its opening quote to the mask (`[ẩn]"`)."""
    inner = rest.strip("\"'“”")
    unclosed = rest[0] in "\"'“" and (len(rest) < 2 or rest[-1] not in "\"'”")
    return [inner] if unclosed else [rest, inner]


def _line_values(rest: str) -> list[str]:
    """`_values`, and, for a value written as a flow collection, each value inside it: a
    finding quotes one (`ngay_quyet_dinh` of `{hinh_thuc: canh_cao, ngay_quyet_dinh:
    "2027-05-05"}`), not the whole line (a trial saw such dates unmasked in CI
    annotations while the same item in block style showed `[ẩn]`)."""
    out = _values(rest)
    if not _is_flow(rest):
        return out
    for quoted in _FLOW_QUOTED.findall(rest):
        out += _values(quoted)
    for piece in _FLOW_SPLIT.split(_FLOW_QUOTED.sub(",", rest)):
        value = _FLOW_KEY.sub("", piece).strip()
        if value:
            out += _values(value)
    return out


def _is_flow(text: str) -> bool:
    return "{" in text or "[" in text


def _flow_names_committee(text: str, scopes: KeyScopes) -> bool:
    """Whether a flow collection written on one line names a key only committees (or
    nobody) may read, wherever it sits inside (`{ho_ten: …, ky_luat: [...]}`)."""
    return _is_flow(text) and any(
        scopes.named.get(k, Scope.TO_CHUC) >= Scope.CAP_UY for k in _FLOW_KEY.findall(text)
    )


_FEW = 8  # values tried one by one, without the index
_GRAM = 3  # the length of the pieces a value is looked up by (`Needles.candidates`)


class Needles:
    """Values ready for `_mask`: each once, the longest first, with its folded form
    (generator.privacy.valuemask.needle_of; "" for a short one, matched as written), made
    once per file, not per finding; and each looked up by the piece of it (`_GRAM`
    characters of its folded form) that the fewest of them share. A value can be in a text
    only if that piece is in the folded text, so a finding's text is tried against only
    the values whose piece it holds: a file may hold 20,000 committee-only values and have
    hundreds of findings (a loop over every value for every text took minutes)."""

    def __init__(self, values: Iterable[str]) -> None:
        ordered = sorted(set(values), key=lambda v: (-len(v), v))
        self.items = [(v, needle_of(v) if len(v) >= 4 else "") for v in ordered]
        self.always: list[int] = []  # short: tried every time
        self.by_gram: dict[str, list[int]] = {}
        if len(self.items) <= _FEW:
            return  # tried one by one (`candidates`): a finding's own line has a value or two
        grams = [
            {needle[i : i + _GRAM] for i in range(len(needle) - _GRAM + 1)}
            for _, needle in self.items
        ]
        shared = Counter(g for gs in grams for g in gs)
        for i, gs in enumerate(grams):
            if gs:
                self.by_gram.setdefault(min(gs, key=lambda g: (shared[g], g)), []).append(i)
            else:
                self.always.append(i)

    def candidates(self, hay: str) -> list[tuple[str, str]]:
        """The values that may be in a text whose folded form is `hay`, in order."""
        if len(self.items) <= _FEW:
            return self.items
        found = list(self.always)
        for g in {hay[i : i + _GRAM] for i in range(len(hay) - _GRAM + 1)}:
            found.extend(self.by_gram.get(g, ()))
        return [self.items[i] for i in sorted(found)]


def _mask(text: str, values: Needles, words: frozenset[str]) -> str:
    """Replace each value in `text`, only the value (generator.privacy.valuemask: also
    written in another case or without its diacritics; never the schema's words a
    catalog list names, `words`); a short one (a number, `true`) only where quoted. A
    value written in quotes keeps them (`"1961-10-17"` -> `"[ẩn]"`): a corrected line
    masked after (generator.privacy.hintmask) then still shows them, and a date there its
    quoted form (`ngay_sinh: "YYYY-MM-DD"`), which the schema asks for. `text` is folded
    once, and again only after a replacement (which only takes text away)."""
    text, held = protect(text, words)
    first = fold_text(text)
    hay: str | None = first
    for value, needle in values.candidates(first):
        if len(value) >= 4:
            if value[0] + value[-1] in _QUOTE_PAIRS:
                if value in text:
                    text = text.replace(value, f"{value[0]}{MASK}{value[-1]}")
                    hay = None
            elif needle:
                if hay is None:
                    hay = fold_text(text)
                if needle in hay:
                    text = replace_folded(text, value)
                    hay = None
        elif value:
            text = text.replace(f"`{value}`", f"`{MASK}`").replace(f": {value}`", f": {MASK}`")
    return restore(text, held)


def _taint_lines(text: str, sensitive: set[int], words: frozenset[str]) -> list[str]:
    """The committee-only lines of `text` (`sensitive`), each without its key where the
    schema names it (`ky_luat:` says which field, not what it holds; an unknown key may be
    the content itself)."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number in sensitive:
            match = _KEY.match(line)
            keep = match is not None and match["key"] in words
            out.append(match["rest"] if keep and match is not None else line)
    return out


def _own_names(f: Finding, kind: str | None, scopes: KeyScopes) -> frozenset[str]:
    """The names a finding about a committee-only line may still show: the id of the member
    whose file it is (its path shows it anyway), and an unknown key's own name where its
    place is not committee-only (`ngay_sinhh` at the top of a review: the key is the
    writer's, only the value it holds is not; under `ky_luat` the name may be the content)."""
    name = f.path.rsplit("/", 1)[-1]
    own = {name, name.removesuffix(".yaml")} if kind == "dang-vien" else {name}
    key = f.extra.get("key")
    named = f.code == "schema-unknown-key" and isinstance(key, str) and _NAME.fullmatch(key)
    if named and scopes.of(parent_keys(f)) < Scope.CAP_UY:
        own.add(str(key))
    return frozenset(own)


def minimize(findings: list[Finding], repo: Path) -> list[Finding]:
    """`findings` with every committee-only value of their files masked."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        if kind_of(f.path):
            by_file[f.path].append(i)
    out = list(findings)
    schema_dir = repo / "schema"
    for path, indexes in by_file.items():
        kind = kind_of(path)
        try:
            text = (repo / path).read_text("utf-8", errors="replace")
            scopes = key_scopes(schema_dir, kind, [findings[i] for i in indexes]) if kind else None
        except (OSError, KeyError):
            continue
        if scopes is None:
            continue
        lines, sensitive = _scan(text, scopes)
        if not sensitive:
            continue
        everywhere = Needles(v for vs in lines.values() for v in vs if len(v) >= 4)
        words = schema_words(schema_dir.resolve())
        taint = taint_of(_taint_lines(text, sensitive, words))
        for i in indexes:
            f = out[i]
            here = Needles(lines.get(f.line, []))
            message = _mask(_mask(f.message, here, words), everywhere, words)
            hint = _mask(_mask(f.hint, here, words), everywhere, words)
            # what a hint writes back changed (a date turned around, `có` made `true`):
            # its form kept, its content masked (generator.privacy.hintmask)
            about = f.line in sensitive or bool(fix_lines(f"{message}\n{hint}") & sensitive)
            own = _own_names(f, kind, scopes)
            message = mask_text(message, sensitive, about, schema_dir, own, taint)
            hint = with_note(f.hint, mask_text(hint, sensitive, about, schema_dir, own, taint))
            extra = f.extra
            if about and extra.get(FINDING_SCOPE) != Scope.CAP_UY.slug:
                # a finding at such a line (a YAML error, a cut value) is the committee's
                # to read whole, as one naming the field is (generator.privacy.findings):
                # its corrected line and its place give the field away on a wider site
                extra = {**extra, FINDING_SCOPE: Scope.CAP_UY.slug}
            if (message, hint) != (f.message, f.hint) or extra is not f.extra:
                out[i] = dataclasses.replace(f, message=message, hint=hint, extra=extra)
    return out
