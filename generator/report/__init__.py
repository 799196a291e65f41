"""Reporters: how a `CheckResult` is shown. One class per output format.

A reporter receives the sorted findings and writes to a text stream; adding a format is
adding a class to `REPORTERS`, not a branch in the check loop (STYLE.md: check-jsonschema).
"""

from __future__ import annotations

from generator.report.base import Reporter
from generator.report.github import GithubReporter
from generator.report.gitlab import GitlabReporter
from generator.report.json import JsonReporter
from generator.report.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "gitlab": GitlabReporter,
}

__all__ = ["REPORTERS", "Reporter"]
