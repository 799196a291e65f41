"""`check --author`: a chi bộ secretary's own review needs another reviewer.

A secretary owns the reviews of their chi bộ's members as secretary, and their own review as
a member (generator.forge.owners). Their own review must not be approved by themselves as
secretary: CODEOWNERS gives it a second owner too (`owners.second_reviewers`: the deputy
secretary, else the committee of the level above — RULES.md §7 D1–D3 — else the board), and
the pull-request check says so where a reader looks, on the file:

* ``auth-own-review`` (warning, line 1 of the file): the change touches the review of a
  member who is the secretary of its chi bộ; it names who has to approve the pull request,
  because the secretary's own approval of it is not a review.
"""

from __future__ import annotations

from generator.findings import Finding, Position, make
from generator.forge.owners import Area, owners_of, second_reviewers
from generator.forge.roster import Roster
from generator.gitrepo import PathChange
from generator.submissions import layout
from generator.submissions.layout import Kind


def _quoted(logins: list[str]) -> str:
    return ", ".join(f"`{login}`" for login in sorted(set(logins), key=str.lower))


def own_review_findings(
    changes: list[PathChange], roster: Roster, *, open_year: int | None
) -> list[Finding]:
    """`auth-own-review` for each changed review of a chi bộ's own secretary."""
    out: list[Finding] = []
    seen: set[str] = set()
    for c in changes:
        for path in (c.path, c.old_path):
            if not path or path in seen:
                continue
            seen.add(path)
            f = layout.classify(path)
            if f.kind is not Kind.MEMBER or not f.org_folder:
                continue
            if owners_of(path, roster, open_year=open_year).area is not Area.MEMBER:
                continue  # a closed or unopened year: the board's alone
            org_id = layout.org_id_of_folder(f.org_folder)
            member_id = path.rsplit("/", 1)[-1].removesuffix(".yaml")
            own = [a.login for a in roster.members(member_id) if a.is_secretary_of(org_id)]
            reviewers, who = second_reviewers(f.org_folder, member_id, roster)
            if not own or not reviewers:
                continue
            out.append(
                make(
                    "auth-own-review",
                    path,
                    Position(1, 1),
                    member=member_id,
                    org=org_id,
                    secretary=_quoted(own),
                    who=who,
                    reviewers=_quoted([a.login for a in reviewers]),
                )
            )
    return out
