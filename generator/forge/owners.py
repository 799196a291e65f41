"""Who owns a path: the one rule behind both CODEOWNERS and `check --author`.

DESIGN.md: "one record per file, owned by exactly one body". Under `submissions/`:

=============================  ==========================================================
file                           owners (accounts in the roster)
=============================  ==========================================================
dang-vien/<id>.yaml            the member `<id>` and the secretary (bí thư) of their chi bộ;
                               the secretary's own review also a second reviewer
                               (`second_reviewers`: deputy, else the level above, else board)
de-xuat.yaml                   the chi bộ's committee (every seat on it)
quyet-dinh.yaml                the committee of the organization whose folder holds it
to-chuc.yaml                   the committee of that organization (its collective review)
nam-danh-gia.yaml, tai-khoan   the organization board (ban_to_chuc)
a closed year (not the newest) the organization board: earlier years are not edited, a
                               re-rating goes into the newest year's quyet-dinh.yaml
a year newer than the open one the organization board: only the board opens a year
=============================  ==========================================================

Whatever would have no owner falls back to the board, so nothing is ownerless. Files
outside `submissions/` are the maintainers' (CODEOWNERS gives them to the board); `check
--author` does not judge them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from generator.forge.roster import Account, Role, Roster, Seat
from generator.submissions import layout
from generator.submissions.layout import Kind


class Area(enum.Enum):
    MEMBER = "member"
    PROPOSALS = "proposals"
    DECISIONS = "decisions"
    ORG = "org"
    BOARD = "board"  # year file, roster, closed years, anything unplaced
    OUTSIDE = "outside"  # not under submissions/


@dataclass(frozen=True)
class Ownership:
    accounts: tuple[Account, ...]
    area: Area
    # Vietnamese: who may change this file, as a sentence fragment
    who: str
    org_id: str | None = None
    member_id: str | None = None
    fallback: bool = False  # the natural owners are not in the roster; the board stands in

    @property
    def logins(self) -> list[str]:
        return [a.login for a in self.accounts]

    def allows(self, account: Account | None) -> bool:
        return account is not None and any(a.login == account.login for a in self.accounts)


def _unique(accounts: list[Account]) -> tuple[Account, ...]:
    seen: dict[str, Account] = {}
    for a in accounts:
        seen.setdefault(a.login.lower(), a)
    return tuple(seen.values())


def owners_of(path: str, roster: Roster, *, open_year: int | None) -> Ownership:
    """The owners of repository-relative `path` (which need not exist yet)."""
    board = _unique(roster.board())
    board_who = "Ban Tổ chức (các tài khoản có `ban_to_chuc: true`)"
    if not path.startswith(layout.SUBMISSIONS + "/"):
        return Ownership(board, Area.OUTSIDE, "người bảo trì kho (" + board_who + ")")
    f = layout.classify(path)
    if f.kind in (Kind.ROSTER, Kind.YEAR) or f.year is None:
        return Ownership(board, Area.BOARD, board_who)
    if open_year is not None and f.year > open_year:
        return Ownership(
            board, Area.BOARD, f"{board_who} — năm {f.year} chưa mở, chỉ Ban Tổ chức mở năm mới"
        )
    if open_year is not None and f.year < open_year:
        return Ownership(
            board, Area.BOARD, f"{board_who} — năm {f.year} đã khép lại, không sửa hồ sơ cũ"
        )
    if not f.org_folder:
        return Ownership(board, Area.BOARD, board_who)
    org_id = layout.org_id_of_folder(f.org_folder)
    name = path.rsplit("/", 1)[-1]
    in_members_dir = path.split("/")[-2] == layout.MEMBERS_DIR
    if f.kind is Kind.MEMBER or (f.kind is Kind.UNKNOWN and in_members_dir):
        member_id = name.rsplit(".", 1)[0]
        accounts = _unique([*roster.members(member_id), *roster.secretaries(org_id)])
        who = f"đảng viên `{member_id}` và bí thư chi bộ `{org_id}`"
        area = Area.MEMBER
        others, others_who = second_reviewers(f.org_folder, member_id, roster)
        if others_who:
            accounts = _unique([*accounts, *others])
            who += f"; bí thư không tự duyệt bản của mình nên {others_who} cùng duyệt"
    elif f.kind is Kind.PROPOSALS:
        accounts, member_id = _unique(roster.committee(org_id)), None
        who, area = f"cấp ủy chi bộ `{org_id}`", Area.PROPOSALS
    elif f.kind is Kind.DECISIONS:
        accounts, member_id = _unique(roster.committee(org_id)), None
        who, area = f"cấp ủy `{org_id}` (cấp quyết định)", Area.DECISIONS
    else:
        accounts, member_id = _unique(roster.committee(org_id)), None
        who, area = f"cấp ủy `{org_id}`", Area.ORG
    if not accounts:
        return Ownership(
            board,
            area,
            f"{who}; chưa ai trong số đó có tài khoản nên {board_who} thay",
            org_id,
            member_id,
            fallback=True,
        )
    return Ownership(accounts, area, who, org_id, member_id)


def is_own(account: Account, member_id: str) -> bool:
    return account.member_id == member_id


def second_reviewers(org_folder: str, member_id: str, roster: Roster) -> tuple[list[Account], str]:
    """Who else reviews member `member_id`'s review when no secretary of their chi bộ but the
    member themself has an account (the secretary's own review): a forge never lets a pull
    request's author approve it, and a review nobody else owns would merge unreviewed or
    never. The chi bộ's deputy secretaries (phó bí thư) when the roster names one, else the
    committee of the nearest organization above with an account on it (RULES.md §7 D1–D3:
    the level that decides), else the board; ([], "") when another secretary reviews it."""
    org_id = layout.org_id_of_folder(org_folder)
    if any(not is_own(a, member_id) for a in roster.secretaries(org_id)):
        return [], ""
    deputies = [
        a
        for a in roster.committee(org_id)
        if not is_own(a, member_id) and Seat(org_id, Role.DEPUTY) in a.seats
    ]
    if deputies:
        return deputies, f"phó bí thư chi bộ `{org_id}`"
    folder = org_folder
    while "/" in folder:
        folder = folder.rsplit("/", 1)[0]
        above = layout.org_id_of_folder(folder)
        committee = [a for a in roster.committee(above) if not is_own(a, member_id)]
        if committee:
            return committee, f"cấp ủy `{above}` (cấp trên)"
    board = [a for a in roster.board() if not is_own(a, member_id)]
    return board, "Ban Tổ chức" if board else ""
