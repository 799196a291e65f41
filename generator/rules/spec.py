"""A ruleset as data (RULES.md §1): everything about one ruleset in one `RulesetSpec`.

id, the evaluation years it is the default for, title and citations, criteria or scores
(which also shape the block `kiemdiem new` writes), the rules (each with the settings it reads,
declared beside it), the quota and head-cap policies, and the schema overlay names.
Every other list of rulesets (the check stage, `kiemdiem new`, the scaffold, the site)
reads `generator.rules.registry`; nothing else branches on a ruleset id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.findings import Finding, Position
from generator.rules import problems
from generator.rules.base import Setting
from generator.rules.criteria import Criterion
from generator.rules.quota import QuotaPolicy
from generator.rules.rule import Rule, RuleList
from generator.submissions.year import Year

# rules every rated ruleset gets from the driver: X1 verdict assembly, X2 decisions above
# the ceiling / quota / head cap as errors, X3 two KHTNV years
ENGINE_RULE_IDS = ("X1", "X2", "X3")


@dataclass(frozen=True)
class HeadCap:
    """132-L1 / 124-L1: a head is never rated above the organization they head."""

    rule: str
    citation: str
    setting: Setting | None = None  # a bool setting that can switch the cap off


@dataclass(frozen=True)
class AgencyBasis:
    """366-M10 (the project's id for RULES.md §4's civil-servant line): a civil servant's
    party level above the agency's rating is flagged for the deciding body, after the
    decisions are read, while `setting` has `flag_value` (generator.rules.agencybasis)."""

    rule: str
    citation: str
    setting: Setting
    flag_value: object


@dataclass(frozen=True)
class FormSection:
    """A field a completed review must hold under a ruleset (RULES.md X5, R0): the YAML
    path and its Vietnamese name, for "what this file must add"."""

    path: tuple[str, ...]
    label_vi: str


@dataclass
class RulesetSpec:
    """A ruleset: its identity, rules, settings and policies."""

    id: str
    title_vi: str
    years_vi: str
    rules: RuleList
    # first evaluation year this ruleset is the default for (None: never a default)
    first_year: int | None = None
    # the legal texts, one line each, for the site and the docs
    citations: tuple[str, ...] = ()
    # the assessment part of a review (and of the block `kiemdiem new` writes): criterion
    # levels with these keys, or scores out of 100 (366)
    member_criteria: tuple[Criterion, ...] = ()
    org_criteria: tuple[Criterion, ...] = ()
    scored: bool = False
    member_quota: QuotaPolicy | None = None
    org_quota: QuotaPolicy | None = None
    head_cap: HeadCap | None = None
    agency_basis: AgencyBasis | None = None
    # rule ids implemented by the engine for this ruleset (beyond the rule functions)
    engine_rule_ids: tuple[str, ...] = ()
    not_reviewed_rule: tuple[str, str] = ("X1", "")  # rule id, citation for drafts
    rates: bool = True  # False for `pending`
    # whether a member admitted < 6 months before the evaluation date writes a review
    # (132-M7: yes; 124-M6: no); the check stage asks through `review_expected`
    new_members_reviewed: bool = False
    # role groups pool the member quota (366-M6): (deciding committee × role group)
    role_groups: bool = False
    extra_settings: tuple[Setting, ...] = field(default=())

    @property
    def overlay_member(self) -> str:
        """The `$defs` name of the member overlay in schema/bo-quy-tac.schema.json."""
        return f"dang_vien_{self.id}"

    @property
    def overlay_org(self) -> str:
        return f"to_chuc_{self.id}"

    @property
    def settings(self) -> list[Setting]:
        """Every setting of the ruleset, each declared once beside what reads it."""
        found: dict[str, Setting] = {s.name: s for s in self.rules.settings()}
        for policy in (self.member_quota, self.org_quota):
            for s in policy.settings if policy else ():
                found.setdefault(s.name, s)
        if self.head_cap is not None and self.head_cap.setting is not None:
            found.setdefault(self.head_cap.setting.name, self.head_cap.setting)
        for s in self.extra_settings:
            found.setdefault(s.name, s)
        return list(found.values())

    def rule_ids(self) -> list[str]:
        ids = [i for r in self.rules.all() for i in r.ids]
        ids += [p.rule for p in (self.member_quota, self.org_quota) if p is not None]
        if self.head_cap:
            ids.append(self.head_cap.rule)
        ids += list(self.engine_rule_ids)
        ids += list(self.rules.extra_ids)
        if self.rates:
            ids += list(ENGINE_RULE_IDS)
        return sorted(set(ids))

    def all_rules(self) -> list[Rule[Any]]:
        return self.rules.all()


def resolve_settings(spec: RulesetSpec, year: Year) -> tuple[dict[str, Any], list[Finding]]:
    """The ruleset's settings for `year`: defaults, overridden by `cai_dat:` of the year
    file; unknown names and values outside a setting's choices are findings."""
    values = {s.name: s.default_for(year.year) for s in spec.settings}
    findings: list[Finding] = []
    config = year.config
    if config is None:
        return values, findings
    by_name = {s.name: s for s in spec.settings}
    src = config.source
    for name, value in config.settings.items():
        pos = src.document.value_pos(("cai_dat", name)) if src else Position(1)
        path = src.path if src else f"submissions/{year.year}/nam-danh-gia.yaml"
        setting = by_name.get(name)
        if setting is None:
            findings.append(
                problems.setting_unknown(
                    path, pos, name=name, ruleset=spec.id, known=sorted(by_name)
                )
            )
            continue
        if setting.choices is not None and value not in setting.choices:
            findings.append(
                problems.setting_invalid(
                    path, pos, name=name, value=value, choices=setting.choices, rule=setting.rule
                )
            )
            continue
        values[name] = value
    return values, findings
