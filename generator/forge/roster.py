"""The roster (`submissions/tai-khoan.yaml`): forge accounts, the members they are, the
committees they sit on, and who belongs to the organization board (Ban Tổ chức).

    tai_khoan:
      - tai_khoan: nguyen-van-an        # the forge login
        ma_dang_vien: dv-100101         # optional: the member this account is
        ho_ten: Nguyễn Văn An
        cap_uy:                         # committee seats
          - ma_to_chuc: chi-bo-thon-1
            vai_tro: bi_thu             # bi_thu | pho_bi_thu | cap_uy_vien
        ban_to_chuc: false              # member of the organization board

The schema (`schema/tai-khoan.schema.json`) is checked by `kiemdiem check`; this module
reads the file leniently (entries it cannot understand are skipped) so that a broken
roster never crashes authorization — it only grants less.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.submissions.layout import ID_RE, ROSTER_FILE, SUBMISSIONS
from generator.submissions.yamlload import loads

ROSTER_PATH = f"{SUBMISSIONS}/{ROSTER_FILE}"
# a forge login (GitHub's alphabet: letters, digits, single hyphens inside); anything else
# in the roster is skipped, so it can never reach CODEOWNERS or a comparison
LOGIN_RE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


class Role(enum.Enum):
    """A seat on a committee (cấp ủy)."""

    SECRETARY = "bi_thu"
    DEPUTY = "pho_bi_thu"
    MEMBER = "cap_uy_vien"


@dataclass(frozen=True)
class Seat:
    org_id: str
    role: Role


@dataclass(frozen=True)
class Account:
    login: str
    name: str = ""
    member_id: str | None = None
    seats: tuple[Seat, ...] = ()
    board: bool = False
    line: int = 1  # where the entry starts in the roster file

    @property
    def handle(self) -> str:
        """The login as CODEOWNERS writes it."""
        return f"@{self.login}"

    def sits_on(self, org_id: str) -> bool:
        return any(s.org_id == org_id for s in self.seats)

    def is_secretary_of(self, org_id: str) -> bool:
        return any(s.org_id == org_id and s.role is Role.SECRETARY for s in self.seats)


@dataclass
class Roster:
    accounts: list[Account] = field(default_factory=list)
    # False when the file is missing or could not be read at all
    readable: bool = True

    def find(self, login: str) -> Account | None:
        """The account for `login`; forge logins compare case-insensitively."""
        wanted = login.strip().lstrip("@").lower()
        return next((a for a in self.accounts if a.login.lower() == wanted), None)

    def members(self, member_id: str) -> list[Account]:
        return [a for a in self.accounts if a.member_id == member_id]

    def committee(self, org_id: str) -> list[Account]:
        return [a for a in self.accounts if a.sits_on(org_id)]

    def secretaries(self, org_id: str) -> list[Account]:
        return [a for a in self.accounts if a.is_secretary_of(org_id)]

    def board(self) -> list[Account]:
        return [a for a in self.accounts if a.board]


def parse_roster(data: Any, lines: dict[int, int] | None = None) -> list[Account]:
    """Accounts from the roster's mapping; entries that make no sense are skipped."""
    entries = data.get("tai_khoan") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    accounts = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("tai_khoan"), str):
            continue
        seats = []
        for seat in entry.get("cap_uy") or []:
            if not isinstance(seat, dict):
                continue
            try:
                role = Role(seat.get("vai_tro"))
            except ValueError:
                continue
            if isinstance(seat.get("ma_to_chuc"), str) and ID_RE.fullmatch(seat["ma_to_chuc"]):
                seats.append(Seat(seat["ma_to_chuc"], role))
        login = entry["tai_khoan"].strip().lstrip("@")
        if not LOGIN_RE.fullmatch(login):
            continue
        member_id = entry.get("ma_dang_vien")
        accounts.append(
            Account(
                login=login,
                name=str(entry.get("ho_ten") or ""),
                member_id=member_id
                if isinstance(member_id, str) and ID_RE.fullmatch(member_id)
                else None,
                seats=tuple(seats),
                board=entry.get("ban_to_chuc") is True,
                line=(lines or {}).get(i, 1),
            )
        )
    return accounts


def load_roster(repo: Path) -> Roster:
    """The roster of the repository at `repo` (empty and unreadable when missing or broken)."""
    try:
        raw = (repo / ROSTER_PATH).read_bytes()
    except OSError:
        return Roster([], readable=False)
    return roster_from_bytes(raw)


def roster_from_bytes(raw: bytes | None) -> Roster:
    """The roster from the file's bytes (e.g. read from the base commit by Git)."""
    if raw is None:
        return Roster([], readable=False)
    loaded = loads(raw)
    if loaded.document is None:
        return Roster([], readable=False)
    doc = loaded.document
    entries = doc.data.get("tai_khoan")
    count = len(entries) if isinstance(entries, list) else 0
    lines = {i: doc.value_pos(("tai_khoan", i)).line for i in range(count)}
    return Roster(parse_roster(doc.data, lines))
