"""One file of a year as the check stage holds it: where it is, what it parsed to, and
the record built from it once its schema passed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.submissions.layout import SubmissionFile
from generator.submissions.yamlload import Document


@dataclass
class LoadedFile:
    file: SubmissionFile
    document: Document | None
    record: Any = None
