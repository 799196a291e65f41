"""Bounded pages: every list that grows with the year is split over numbered pages.

No page of the site may grow with the year's size (issue 11: no page over 500 KB for
any shape of tree). Each list that can grow — a chi bộ's members, an organization's
problems, the organization tree, the statistics table — is cut into pages here; the
first page keeps the list's usual address and the others follow it:

    to-chuc/<org>.md            page 1 of a chi bộ (the organization itself, then members)
    to-chuc/<org>/trang-2.md    page 2, ...
    thong-ke/index.md           page 1 of the statistics
    thong-ke/index/trang-2.md   page 2, ...

A chi bộ's members are split by count and by an estimate of their reviews' size, so a
page holding a few very long reviews is cut sooner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.submissions.records import MemberReview

T = TypeVar("T")

MEMBERS_PER_PAGE = 100
MEMBER_BYTES_PER_PAGE = 220_000  # estimated HTML of the members' reviews on one page
FINDINGS_PER_PAGE = 250
FINDINGS_ON_ORG_PAGE = 20  # the rest are on the organization's problems page
ROWS_PER_PAGE = 400  # tree, statistics and summary tables
MEMBER_OVERHEAD = 2_500  # the markup of one member's section without the review text


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a paged list."""

    number: int  # 1-based
    count: int  # how many pages the list has
    rel: str  # the Markdown file, relative to docs_dir
    start: int  # position of the first item in the whole list (0-based)
    items: Sequence[T]

    @property
    def first(self) -> bool:
        return self.number == 1


def page_rel(first_rel: str, number: int) -> str:
    """The Markdown file of page `number` of a list whose first page is `first_rel`."""
    if number == 1:
        return first_rel
    return f"{first_rel[: -len('.md')]}/trang-{number}.md"


def paginate(items: Sequence[T], first_rel: str, size: int) -> list[Page[T]]:
    """Cut `items` into pages of at most `size` (one empty page when there is nothing)."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    return [
        Page(n, len(chunks), page_rel(first_rel, n), (n - 1) * size, chunk)
        for n, chunk in enumerate(chunks, start=1)
    ]


def member_size(member: MemberReview | None) -> int:
    """A cheap estimate of the HTML one member's section makes (escaping included)."""
    if member is None:
        return 300
    # asked for every member of the year: a review read from the cache gives its length
    # without decoding its text (generator.submissions.reviewtext)
    text = member.review.text_length()
    return MEMBER_OVERHEAD + text + text // 4


def paginate_members(
    ids: Sequence[str],
    members: dict[str, MemberReview],
    first_rel: str,
    *,
    per_page: int = MEMBERS_PER_PAGE,
    budget: int = MEMBER_BYTES_PER_PAGE,
) -> list[Page[str]]:
    """A chi bộ's members over pages: at most `per_page` each and about `budget` bytes."""
    chunks: list[list[str]] = [[]]
    used = 0
    for member_id in ids:
        size = member_size(members.get(member_id))
        current = chunks[-1]
        if current and (len(current) >= per_page or used + size > budget):
            chunks.append([])
            used = 0
        chunks[-1].append(member_id)
        used += size
    starts = [0]
    for chunk in chunks[:-1]:
        starts.append(starts[-1] + len(chunk))
    return [
        Page(n, len(chunks), page_rel(first_rel, n), starts[n - 1], chunk)
        for n, chunk in enumerate(chunks, start=1)
    ]
