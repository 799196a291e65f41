"""A review's text pickles as UTF-8 and is decoded only when read
(generator.submissions.reviewtext): what comes back is the same review everywhere it is
used — equal, the same length for the pager, the same page key, the same redaction — and
the pager and the organization-wide site's redaction do not decode it."""

from __future__ import annotations

import copy
import dataclasses
import pickle

from generator.site import paging
from generator.site.keypickle import _key
from generator.submissions.records import MemberReview, ReviewText

TEXT = ReviewText(
    strengths="Có ý thức tổ chức kỷ luật, «phục tùng» sự phân công.\nGiữ mối liên hệ.",
    shortcomings="Tham gia sinh hoạt ở nơi cư trú có lúc chưa đều.",
    direction="Chủ động học tập 😀 nâng cao trình độ.",
)


def _packed(review: ReviewText) -> bool:
    return getattr(review, "_packed", None) is not None


def test_round_trip_equal_and_lazy() -> None:
    back = pickle.loads(pickle.dumps(TEXT, pickle.HIGHEST_PROTOCOL))
    assert isinstance(back, ReviewText)
    assert _packed(back)  # nothing decoded yet
    assert back.text_length() == TEXT.text_length() == sum(map(len, TEXT.sections()))
    assert _packed(back)  # the length came from the pickle
    assert back == TEXT
    assert ReviewText.__eq__(TEXT, back)  # either way round
    assert back.shortcomings == TEXT.shortcomings
    assert not _packed(back)
    assert back.sections() == TEXT.sections()
    assert repr(back) == repr(TEXT)


def test_packed_pickles_again_as_the_same_bytes_without_decoding() -> None:
    data = pickle.dumps(TEXT, pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert pickle.dumps(back, pickle.HIGHEST_PROTOCOL) == data
    assert _packed(back)
    again = pickle.loads(pickle.dumps(back, pickle.HIGHEST_PROTOCOL))
    assert again == TEXT


def test_setting_a_section_keeps_the_others() -> None:
    back = pickle.loads(pickle.dumps(TEXT))
    back.remedied = "Đã khắc phục."
    assert back.sections() == dataclasses.replace(TEXT, remedied="Đã khắc phục.").sections()
    assert back.text_length() == TEXT.text_length() + len("Đã khắc phục.")


def test_copies_replace_and_asdict_read_the_text() -> None:
    back = pickle.loads(pickle.dumps(TEXT))
    assert copy.deepcopy(back) == TEXT
    assert dataclasses.replace(pickle.loads(pickle.dumps(TEXT)), explanation="E").sections() == (
        dataclasses.replace(TEXT, explanation="E").sections()
    )
    assert dataclasses.asdict(pickle.loads(pickle.dumps(TEXT))) == dataclasses.asdict(TEXT)


def test_page_key_and_page_size_as_the_review_read_from_its_file() -> None:
    back = pickle.loads(pickle.dumps(TEXT))
    assert _key(b"frame", back) == _key(b"frame", TEXT)
    member = MemberReview.__new__(MemberReview)
    object.__setattr__(member, "review", pickle.loads(pickle.dumps(TEXT)))
    fresh = MemberReview.__new__(MemberReview)
    object.__setattr__(fresh, "review", TEXT)
    assert paging.member_size(member) == paging.member_size(fresh)
    assert _packed(member.review)  # the pager did not decode it
