"""The shape of one catalog entry."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """A finding code's Vietnamese text and hint, both `str.format` templates.

    `hints` holds alternative hints by name, for codes whose advice depends on the case;
    the code that makes the finding chooses one (`hint_key=`) before anything is rendered.
    `actor` is who must act when the finding does not say otherwise.
    """

    text: str
    hint: str = ""
    severity: str = "error"  # "error" | "warning" | "notice"
    hints: dict[str, str] = field(default_factory=dict)
    actor: str = ""
