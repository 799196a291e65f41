"""Strict, position-keeping YAML loading.

PyYAML's C parser composes the node tree (10x the pure-Python loader); this module
constructs plain Python values from it with the rules a review file needs:

* YAML 1.2-style scalars, stricter still: only ``true``/``false`` are booleans, only
  ``null``/``~``/empty are null, integers are decimal digits, a decimal number becomes a
  float only when that loses nothing (``1.10`` stays the string ``"1.10"``); ``yes``,
  ``on``, dates and versions stay strings for the schema to judge;
* no duplicate keys, no non-string keys, no anchors/aliases (so no alias bombs), no
  explicit tags, one document per file, bounded size and depth;
* UTF-8 only (a UTF-16 file is named as such, yamlutf16), no BOM, no tab indentation;
  text is normalized to NFC (a warning says so).

Every value and key keeps its 1-based line and column so that findings can point at
the exact place (generator.submissions.yamldoc holds the document types,
generator.submissions.yamlbuild the building). Problems are returned as `LoadProblem`
values, never raised.
"""

from __future__ import annotations

import contextlib
import unicodedata

from generator.findings import Position
from generator.submissions import yamlfast, yamlodd, yamlutf16
from generator.submissions.yamlbuild import Builder, LaterYamlPositions, compose, parse_events
from generator.submissions.yamldoc import Document, LaterPositions, LoadResult, PathKey
from generator.submissions.yamldoc import mark_pos as _pos
from generator.submissions.yamlplain import MAX_DEPTH, MAX_NODES, Unusual, plain_scalar, plain_value
from generator.submissions.yamltext import LoadProblem, offset_to_pos, only_comments, tab_indent
from generator.submissions.yamltext import invisible_problems as _invisible
from generator.submissions.yamltext import may_hide_invisible as _may_hide_invisible
from generator.submissions.yamlutf16 import BOMS

# the document types (yamldoc) and the limits (yamlplain) are imported from here
__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "Document",
    "LaterPositions",
    "LoadProblem",
    "LoadResult",
    "PathKey",
    "loads",
    "plain_scalar",
]

MAX_FILE_BYTES = 512 * 1024


def _normalized(data: bytes, text: str) -> tuple[str, list[LoadProblem]]:
    """`text` (= `data` decoded) in NFC, with the warnings about its characters: the first
    line NFC changes (`text-nfd`), the lines holding invisible characters."""
    nfc = unicodedata.normalize("NFC", text)
    if nfc == text:
        return text, _invisible(text) if _may_hide_invisible(data, text) else []
    problems = []
    # report the first line that changes, then carry on with the normalized text
    for number, (a, b) in enumerate(zip(text.split("\n"), nfc.split("\n"), strict=False), 1):
        if a != b:
            problems.append(LoadProblem("text-nfd", Position(number, 1), fatal=False))
            break
    return nfc, problems + _invisible(nfc)


def loads(
    data: bytes,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    positions: bool = True,
    despite_controls: bool = False,
) -> LoadResult:
    """Load one YAML file's bytes into a `Document`, collecting every problem.

    `positions=False`: a file with nothing to report gets a document whose positions are
    worked out when first asked for (the same ones); a file with problems is loaded as
    with positions. A file whose values hold control characters written as escapes
    (`text-control`, an error) gives its document only `despite_controls`: `check`
    validates it all the same, so that the file's other errors are told with that one,
    and never rates it (generator.loading.check_read); a tool that takes values from a
    file (kiemdiem new, the forge) never gets one."""
    if len(data) > max_bytes:
        return LoadResult(
            None,
            [
                LoadProblem(
                    "file-too-large", Position(1, 1), {"size": len(data), "limit": max_bytes}
                )
            ],
        )
    if (b"\x00" in data[:8192] or data[:2] in BOMS) and (bad := yamlutf16.not_utf8(data)):
        return LoadResult(None, [bad])  # UTF-16 (Notepad's "Unicode"), or not text at all
    if data.startswith(b"\xef\xbb\xbf"):
        return LoadResult(None, [LoadProblem("file-bom", Position(1, 1))])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LoadResult(
            None,
            [
                LoadProblem(
                    "file-not-utf8", offset_to_pos(data, exc.start), {"byte": data[exc.start]}
                )
            ],
        )
    if not text.strip():
        return LoadResult(None, [LoadProblem("yaml-empty", Position(1, 1))])
    tab = tab_indent(text)
    if tab is not None:
        return LoadResult(None, [LoadProblem("yaml-tab", tab)])
    text, problems = _normalized(data, text)
    text, raw = yamlodd.raw_breaks(text)  # libyaml counts them as line breaks
    problems += raw
    odd = yamlodd.worth_a_look(text)
    if not positions and not problems and not odd:
        # the plain YAML our tools write, read without libyaml (None: anything else)
        fast = yamlfast.read(text)
        if fast is not None:
            return LoadResult(LaterYamlPositions(fast, text), [])
    root, problem = compose(text)
    if problem is not None:
        return LoadResult(None, [*problems, problem])
    if root is None or only_comments(text):  # `---` and comments: nothing written yet
        return LoadResult(None, [*problems, LoadProblem("yaml-empty", Position(1, 1))])
    if odd:
        events = parse_events(text) if "&" in text or "!" in text else None
        problems += yamlodd.problems(text, root, events)
    if not positions and not problems and "&" not in text and "*" not in text:
        with contextlib.suppress(Unusual):
            value = plain_value(root)
            if isinstance(value, dict):
                return LoadResult(LaterYamlPositions(value, text), [])
    builder = Builder(text.split("\n"))
    data_value = builder.build(root, (), 0)
    # tags and anchors reported from the events already, each where it is written
    seen = {p.code for p in problems} & {"yaml-tag", "yaml-alias"}
    problems.extend(p for p in builder.problems if p.code not in seen)
    if any(p.fatal for p in problems) or (
        not despite_controls and any(p.code == "text-control" for p in problems)
    ):
        return LoadResult(None, problems)
    if not isinstance(data_value, dict):
        return LoadResult(None, [*problems, LoadProblem("yaml-not-mapping", _pos(root.start_mark))])
    return LoadResult(Document(data_value, builder.values, builder.keys, text), problems)
