"""Whether a sentence of free text states a person's discipline or health in words.

What `generator.check.committeefacts` warns about in an organization's public texts (its
module docstring says why, and what is not matched: "kỷ luật" alone, "dịch bệnh", a negated
clause). The words are Vietnamese vocabulary, kept here, beside the classes of fields they
belong to, rather than among the check's user-facing text (tests/unit/test_messages.py).
"""

from __future__ import annotations

import re
import unicodedata

from generator.vietnamese import fold, looks_vietnamese

# phrases that state a person's sanction (and the committee-only field it belongs in)
DISCIPLINE = (
    "bị kỷ luật",
    "thi hành kỷ luật",
    "xử lý kỷ luật",
    "vi phạm kỷ luật",
    "khiển trách",
    "cảnh cáo",
    "cách chức",
    "khai trừ",
)
HEALTH = (
    "nghỉ ốm",
    "bị ốm",
    "ốm đau",
    "ốm nặng",
    "bị bệnh",
    "mắc bệnh",
    "điều trị bệnh",
    "bệnh hiểm nghèo",
    "nghỉ thai sản",
    "nghỉ sinh con",
)
PERSON = ("đảng viên", "đồng chí", "cấp ủy viên", "cấp uỷ viên")
NEGATION = ("không", "chưa")
_MEMBER_ID = re.compile(r"(?<![\w-])dv-[\w-]+", re.IGNORECASE)


def _words(phrases: tuple[str, ...], folded: bool) -> re.Pattern[str]:
    alts = "|".join(re.escape(fold(p) if folded else p) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


_PATTERNS = {
    folded: (
        _words(DISCIPLINE, folded),
        _words(HEALTH, folded),
        _words(PERSON, folded),
        _words(NEGATION, folded),
    )
    for folded in (False, True)
}


def committee_phrase(sentence: str) -> tuple[str, str] | None:
    """(the phrase, "ky_luat" or "suc_khoe") when `sentence` names a person and states a
    sanction or a leave of theirs, not negated in its clause; else None."""
    folded = not looks_vietnamese(sentence)
    text = fold(sentence) if folded else unicodedata.normalize("NFC", sentence).lower()
    discipline, health, person, negation = _PATTERNS[folded]
    if not (person.search(text) or _MEMBER_ID.search(text)):
        return None
    for kind, pattern in (("ky_luat", discipline), ("suc_khoe", health)):
        for hit in pattern.finditer(text):
            clause = text[: hit.start()].rsplit(",", 1)[-1]
            if not negation.search(clause):
                return hit.group(0), kind
    return None
