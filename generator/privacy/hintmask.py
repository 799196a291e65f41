"""A finding's hint without the value it would write back for a committee-only field.

`minimize` masks a value where a finding quotes it as written. A fix-it hint often shows
it changed instead: a date turned around (`17/10/1961` -> `ngay_sinh: "1961-10-17"`), a
number with a dot for its comma, `có` made `true`, `Khiển trách` made `khien_trach`,
curly quotes made straight. Those texts are not in the file, so no search for the value
finds them, yet they say the value all the same — to a pull request's readers, in CI
annotations and on every site's problem pages and search index.

So where a finding is about a line whose field only a committee may read (or nobody:
`x-pham-vi: cap-uy`, `khong-cong-bo`), its texts keep their form and lose the content:
the corrected line keeps its dash, key, quotes and brackets, the value becomes `[ẩn]`
(a date `YYYY-MM-DD`, the form the schema asks for), and every other quoted piece that is
not the catalog's or the schema's own words (key names, the schema's list of options,
punctuation) is masked too. A sentence added once says what `[ẩn]` stands for, so the hint
still tells how to write the line.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from generator.privacy.valuemask import MASK, clean

DATE = "YYYY-MM-DD"  # the form schema descriptions ask dates in

NOTE = (
    " Mục này chỉ cấp ủy xem được hoặc không công bố, nên nội dung bạn đã ghi không được "
    f"nhắc lại ở đây: ở chỗ `{MASK}`, viết nội dung của bạn theo cách hướng dẫn ở trên."
)
DATE_NOTE = (
    f" `{DATE}` là chính ngày bạn đã ghi, viết lại theo dạng năm (4 chữ số), tháng, ngày "
    "(mỗi phần 2 chữ số), nối bằng dấu gạch ngang: ngày 5 tháng 3 năm 1970 viết là 1970-03-05."
)

# "Sửa dòng 5 thành: `ngay_sinh: "1961-10-17"`": the corrected line of line 5
_FIX = re.compile(r"(dòng (\d+) thành:? )`([^`\n]*)`")
_SPAN = re.compile(r"`([^`\n]*)`")
_YAML = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?:(?P<key>[A-Za-z_][\w-]*):(?=\s|$))?(?P<rest>.*)$")
_DATEISH = re.compile(r"[0-9]{1,4}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,4}")
_PATH_PART = re.compile(r"^([A-Za-z_][\w-]*)(\[[0-9]+\])*$")
# what follows is the schema's own list (enum options, allowed keys), to the line's end
_LIST = re.compile(r"(?:một trong|Các mục được phép):[^\n]*")
_BLOCK = ("|", ">", "|-", ">-", "|+", ">+")
# a repository file a message names (the year before's review, the file itself): a place,
# never a field's value
_REPO_PATH = re.compile(r"submissions/[^\s`]+")
# a file's name (`dv-101003.yaml`, `quyet-dinh.yaml`): no value is written back as one
_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.yaml")
# the catalog's "did you mean" question (messages/schema.py, crossfile.py) once its guess
# is masked: it would ask about nothing ("Có phải ý bạn là `[ẩn]`?"), so it goes; a clause
# after a colon ("Kiểm tra lại mã đảng viên: có phải …?") leaves its sentence ended there
_EMPTY_GUESS = re.compile(r"(?P<colon>:)? ?[Cc]ó phải ý bạn là `\[ẩn\]`\? ?")


def fix_lines(text: str) -> set[int]:
    """The lines `text` gives a corrected version of ("Sửa dòng N thành: `…`")."""
    return {int(m[2]) for m in _FIX.finditer(text)}


def _content(text: str, date: bool = False) -> str:
    """The placeholder for a value's content: a date's form (for a `date` field whatever
    was written: `19611017` quoted is no date yet), else the mask."""
    inner = text.strip()
    if inner in (DATE, ""):
        return inner
    return DATE if date or _DATEISH.fullmatch(inner) else MASK


def masked_value(rest: str, date: bool = False) -> str:
    """A value as written after its key (and a comment after it), its content masked and
    its quotes or brackets kept: ` "1961-10-17"  # ghi chú` -> ` "YYYY-MM-DD"  # [ẩn]`;
    the value of a `date` field always in a date's form, and a date written bare in double
    quotes (`1961-10-17` unquoted is an error of its own: a hint must not write it so)."""
    value = rest.strip()
    if not value or value in _BLOCK or not any(c.isalnum() for c in value):
        return rest
    lead = rest[: len(rest) - len(rest.lstrip())]
    after = ""
    opener = value[0]
    close = {'"': '"', "'": "'", "“": "”", "[": "]", "{": "}"}.get(opener)
    end = _closing(value, close) if close else -1
    if value.startswith(MASK):  # masked already (its brackets are not the value's)
        body, after = _content(MASK, date), value[len(MASK) :]
    elif close and end > 0:
        value, after = value[: end + 1], value[end + 1 :]
        body = opener + _content(value[1:-1], date) + close
    else:
        value, hash_, comment = value.partition(" #")
        after = hash_ + comment
        body = _content(value, date)
    if body == DATE and opener not in "\"'“":  # written bare: the schema asks it quoted
        body = f'"{DATE}"'
    if "#" in after:
        after = after[: after.index("#")] + "# " + MASK
    return lead + body + after


def _closing(value: str, close: str) -> int:
    """Where the quote or bracket `value` opens closes: past `\\"` in double quotes (a
    quote inside, `"Bí thư: \\"Chi bộ\\""`), whose text is the value's too; -1."""
    i = 1
    while i < len(value):
        if value[0] == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == close:
            return i
        i += 1
    return -1


def masked_line(line: str, dates: frozenset[str] = frozenset()) -> str:
    """A YAML line (`- hinh_thuc: khien_trach`, `- mục`, a value) with its value masked;
    a key in `dates` (date fields) keeps a date's form: `ngay_sinh: "YYYY-MM-DD"`."""
    m = _YAML.match(line)
    if m is None:  # pragma: no cover - the pattern matches every line
        return MASK
    head = m["lead"] + (f"{m['key']}:" if m["key"] else "")
    return head + masked_value(m["rest"], m["key"] in dates)


@functools.cache
def _walked(schema_dir: Path) -> tuple[tuple[tuple[str, object], ...], frozenset[str]]:
    """Every property of every schema (its name and its node), and every option (`enum`,
    wherever a schema has one): one walk of the schemas for both."""
    props: list[tuple[str, object]] = []
    options: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            named = node.get("properties")
            if isinstance(named, dict):
                props.extend(named.items())
            if isinstance(node.get("enum"), list):
                options.update(str(v) for v in node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(schema_dir.glob("*.schema.json")):
        try:
            walk(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError):
            continue
    return tuple(props), frozenset(options)


def _properties(schema_dir: Path) -> tuple[tuple[str, object], ...]:
    """Every property of every schema: its name and its node."""
    return _walked(schema_dir)[0]


@functools.cache
def _names(schema_dir: Path) -> frozenset[str]:
    """Every property name of every schema: the key names a hint may always show."""
    return frozenset(name for name, _ in _properties(schema_dir))


@functools.cache
def schema_words(schema_dir: Path) -> frozenset[str]:
    """Every property name and every option (`enum`, wherever a schema has one) of every
    schema: what a catalog's list of options or keys is made of
    (generator.privacy.valuemask.protect)."""
    return _names(schema_dir) | _walked(schema_dir)[1]


def _is_date(node: object) -> bool:
    return isinstance(node, dict) and (
        node.get("format") == "date" or str(node.get("$ref", "")).endswith("/$defs/ngay")
    )


@functools.cache
def _dates(schema_dir: Path) -> frozenset[str]:
    """The property names that are a date (`chung.schema.json#/$defs/ngay`) wherever a
    schema has them: a masked value of theirs keeps the form `YYYY-MM-DD`."""
    props = _properties(schema_dir)
    other = {name for name, node in props if not _is_date(node)}
    return frozenset(name for name, node in props if _is_date(node) and name not in other)


@functools.cache
def _literals() -> frozenset[str]:
    """The quoted pieces the catalog writes itself (`true`, `2025-12-15`, `# `)."""
    from generator import messages

    out: set[str] = set()
    for entry in messages.CATALOG.values():
        for template in (entry.text, entry.hint, *entry.hints.values()):
            out.update(s for s in _SPAN.findall(template) if "{" not in s)
    return frozenset(out)


def _is_key_path(span: str, names: frozenset[str]) -> bool:
    """`ky_luat[1].hinh_thuc`, `ngay_sinh:`: a place in a record, named by the schema."""
    parts = span.removesuffix(":").split(".")
    return all((m := _PATH_PART.match(p)) is not None and m[1] in names for p in parts)


def _safe(text: str, m: re.Match[str], names: frozenset[str]) -> bool:
    """Whether the quoted piece `m` of `text` is the catalog's or the schema's own words,
    or a name of a place (`names` also holds the finding's own member id)."""
    span = m[1]
    if not any(c.isalnum() for c in span) or span in (MASK, DATE) or _is_key_path(span, names):
        return True
    if span in names or _REPO_PATH.fullmatch(span):
        return True
    if span not in _literals() or text[m.end() :].startswith(" thay cho"):
        return False  # "Viết `true` thay cho `có`": the value, made right
    # a date the catalog writes is only ever its example, said so just before it
    return not _DATEISH.fullmatch(span) or "ví dụ" in text[max(0, m.start() - 12) : m.start()]


def _span(
    text: str, m: re.Match[str], names: frozenset[str], dates: frozenset[str], taint: str
) -> str:
    if _safe(text, m, names):
        return m[0]
    line = _YAML.match(m[1])
    if line is not None and line["key"] and line["key"] in names:
        return f"`{masked_line(m[1], dates)}`"
    # the value masked inside a longer text, or a file's name, with nothing else of a
    # committee-only line in it: the rest is the finding's own words (valuemask.clean)
    if (MASK in m[1] or _FILE_NAME.fullmatch(m[1])) and clean(m[1], taint):
        return m[0]
    return f"`{_content(m[1])}`"


def mask_text(
    text: str,
    sensitive: set[int],
    about: bool,
    schema_dir: Path,
    own: frozenset[str] = frozenset(),
    taint: str = " ",
) -> str:
    """`text` (a finding's message or hint) with each corrected line of a `sensitive` line
    masked; when the finding is `about` such a line, every quoted piece that is not the
    catalog's or the schema's own words, a repository path or one of `own` (names the
    finding may show: the id of the member whose file it is, which its path shows anyway;
    an unknown key's own name), and every example line below the first, too. A quoted
    piece that holds a masked value keeps its other words when none of them is a piece
    of a committee-only line (`taint`, generator.privacy.valuemask.taint_of)."""
    if not text:
        return text
    dates = _dates(schema_dir.resolve())
    text = _FIX.sub(
        lambda m: f"{m[1]}`{masked_line(m[3], dates)}`" if int(m[2]) in sensitive else m[0],
        text,
    )
    if about:
        text = _masked_spans(text, schema_dir, own, dates, taint)
    return "\n".join(without_empty_guess(line) for line in text.split("\n"))


def without_empty_guess(line: str) -> str:
    """`line` without a guess that only shows the mask (the options it lists stay):
    "Có phải ý bạn là `[ẩn]`? Chọn một trong: …" -> "Chọn một trong: …"."""

    def drop(m: re.Match[str]) -> str:
        more = m.end() < len(line)
        if m["colon"]:
            return ". " if more else "."
        return " " if more and m.start() > 0 else ""

    return _EMPTY_GUESS.sub(drop, line)


def _masked_spans(
    text: str, schema_dir: Path, own: frozenset[str], dates: frozenset[str], taint: str
) -> str:
    """`text` with every quoted piece that is not the catalog's or the schema's own words
    masked (see `mask_text`), and every example line below the first."""
    names = _names(schema_dir.resolve())
    names = names | own if own else names
    first, newline, rest = text.partition("\n")
    listed = [m.span() for m in _LIST.finditer(first)]  # the schema's options stay

    def one(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in listed):
            return m[0]
        return _span(first, m, names, dates, taint)

    lines = [_SPAN.sub(one, first)]
    lines += [_example(x, dates) for x in rest.split("\n")] if newline else []
    return "\n".join(lines)


def _example(line: str, dates: frozenset[str]) -> str:
    """A line of a hint's example (`  - mục`, `  ngay: "2026-03-01"`), its value masked."""
    m = _YAML.match(line)
    if m is not None and (m["key"] or m["lead"].strip()):
        return masked_line(line, dates)
    return line


def with_note(before: str, after: str) -> str:
    """`after`, a masked hint, with what its placeholders stand for (once)."""
    if after == before:
        return after
    first, newline, rest = after.partition("\n")
    for note, mark in ((NOTE, MASK), (DATE_NOTE, DATE)):
        if mark in after and note.strip() not in after:
            first += note
    return first + newline + rest
