"""An organization's public text that states a person's discipline or health in words.

An organization's review (`kiem_diem`: uu_diem, han_che, …) and its targets' names
(`chi_tieu[].ten`) are read by the whole organization (x-pham-vi: to-chuc), as written. A
member's discipline, sick and maternity leave have committee-only fields of their own
(`ky_luat`, `nghi_om_thang`, `nghi_thai_san_thang`: cap-uy); written into these texts —
"một đảng viên bị kỷ luật khiển trách" in a chi bộ of a dozen members, beside its one KHTNV
member — they tell everyone what those fields tell only the committees (a data-protection
audit found it in the bundled sample). `org-text-committee-fact` is a warning: the text is
kept and the organization rated as written; the writer decides.

It must not fire on ordinary text, so it is narrow, and misses rather than nags:

* Only phrases that state a sanction or a leave, never "kỷ luật" alone: "ý thức tổ chức
  kỷ luật", "giữ nghiêm kỷ luật Đảng", "kỷ luật lao động" are discipline in the general
  sense, what a review should say. Nor "bệnh" or "thai sản" alone: "phòng, chống dịch
  bệnh", "khám chữa bệnh", "chế độ thai sản cho người lao động" are an organization's work.
* Only in a sentence (a line, or a part between `.` and `;`) that names a person: "đảng
  viên", "đồng chí", "cấp ủy viên", a member id (`dv-…`).
* Not where the phrase's clause (the part between commas) says "không" or "chưa" before it:
  "không có đảng viên vi phạm kỷ luật" is a result to report.
* Matched with their tone marks ("bệnh", not "bênh vực"; "ốm", not "ôm"): folding would
  join those (generator.vietnamese.fold). A sentence written without any Vietnamese letter
  is matched folded, as the only way to read it.

A member's own review (x-pham-vi: chi-bo, read at their chi bộ's meeting) is not checked:
a self-review states one's own shortcomings (README "Data protection").

The words and the matching are `generator.privacy.freetext.committee_phrase`; here, which
texts are read and where the finding points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.findings import Finding, Position, make
from generator.privacy import FINDING_FIELD
from generator.privacy.freetext import committee_phrase
from generator.submissions.yamlload import Document

_SENTENCES = re.compile(r"[\n.;!?]+")


def _texts(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, text) of each public free text of an organization's file."""
    review = data.get("kiem_diem")
    if isinstance(review, dict):
        for key, value in review.items():
            if isinstance(value, str):
                yield ("kiem_diem", key), value
    targets = data.get("chi_tieu")
    if isinstance(targets, list):
        for i, item in enumerate(targets):
            if isinstance(item, dict) and isinstance(item.get("ten"), str):
                yield ("chi_tieu", i, "ten"), item["ten"]


def _position(document: Document, at: tuple[str | int, ...], sentence: str) -> Position:
    """Where `sentence` of the value at `at` is written (the value's own position when the
    file's text is not kept, or the sentence is not found there as written)."""
    start = document.value_pos(at)
    if document.text is None:
        return start
    lines = document.text.splitlines()
    for n in range(start.line, len(lines) + 1):
        column = lines[n - 1].find(sentence)
        if column >= 0:
            return Position(n, column + 1)
    return start


def org_text_findings(document: Document, path: str) -> list[Finding]:
    """`org-text-committee-fact` for each public text of an organization's file (`path`,
    parsed as `document`) with a sentence naming a person's discipline or health: the
    first such sentence of each text."""
    if not isinstance(document.data, dict):
        return []
    out: list[Finding] = []
    for at, value in _texts(document.data):
        for sentence in _SENTENCES.split(value):
            hit = committee_phrase(sentence)
            if hit is None:
                continue
            phrase, kind = hit
            keys = [k for k in at if isinstance(k, str)]
            field = ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in at)
            out.append(
                make(
                    "org-text-committee-fact",
                    path,
                    _position(document, at, sentence.strip()),
                    variant="" if kind == "ky_luat" else kind,
                    field=field.replace(".[", "["),
                    phrase=phrase,
                    sentence=sentence.strip(),
                    extra={FINDING_FIELD: keys},
                )
            )
            break
    return out
