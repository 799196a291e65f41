"""Charts drawn at build time as inline SVG (no script, no external request).

Each chart is a picture of a table the page also prints as text, so the SVG carries
`role="img"` and a short `aria-label`; the numbers are in the table. Labels are escaped
with `text.esc` (organization names come from submissions).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from markupsafe import Markup

from generator.site.text import esc, percent_vi
from generator.submissions.records import Level

# colours per level, best first; chosen to stay distinct in grey print too
LEVEL_COLOURS = {
    Level.HTXSNV: "#1b5e20",
    Level.HTTNV: "#66bb6a",
    Level.HTNV: "#fbc02d",
    Level.KHTNV: "#c62828",
}
LEVELS_DESC = (Level.HTXSNV, Level.HTTNV, Level.HTNV, Level.KHTNV)


# the drawing's own units: about one CSS pixel each when the chart fills the content column
# of a desktop page (kiemdiem.css lets it fill the column, at least 560px wide)
WIDTH = 720
FONT = 14  # labels; with the scale above they stay >= 12px on screen and in A4 print
# text drawn on a level's colour: light on the dark ones, dark on the light ones
ON_COLOUR = {Level.HTXSNV: "kd-on-dark", Level.HTTNV: "kd-on-light", Level.HTNV: "kd-on-light",
             Level.KHTNV: "kd-on-dark"}  # fmt: skip


class _Counts(Protocol):
    """What a chart reads of `generator.statistics.Counts`."""

    @property
    def with_level(self) -> int: ...

    def count(self, level: Level) -> int: ...

    def share(self, level: Level) -> float: ...


def _open(label: str, height: int) -> str:
    return (
        f'<svg class="kd-chart" role="img" aria-label="{esc(label)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT}" font-family="sans-serif">'
    )


def _legend(items: Sequence[tuple[str, str]], x: int, y: int, step: int) -> str:
    parts = []
    for i, (name, colour) in enumerate(items):
        lx = x + i * step
        parts.append(
            f'<rect x="{lx}" y="{y}" width="14" height="14" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="{y + 12}">{esc(name)}</text>'
        )
    return "".join(parts)


def stacked_bars(rows: Sequence[tuple[str, _Counts]], label: str) -> Markup:
    """One horizontal bar per row, 100% wide, split by level share, each part labelled
    with its count when there is room; the number with a level at the right."""
    label_w, bar_w, row_h, top = 280, 380, 32, 40
    height = top + row_h * len(rows) + 8
    legend = [(lv.code, LEVEL_COLOURS[lv]) for lv in LEVELS_DESC]
    out = [_open(label, height), _legend(legend, label_w, 8, 110)]
    for i, (name, counts) in enumerate(rows):
        y = top + i * row_h
        total = counts.with_level
        short = name if len(name) <= 33 else name[:32] + "…"
        out.append(
            f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end">'
            f"<title>{esc(name)}</title>{esc(short)}</text>"
        )
        x = float(label_w)
        for level in LEVELS_DESC:
            n = counts.count(level)
            if not n or not total:
                continue
            w = bar_w * n / total
            out.append(
                f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                f'fill="{LEVEL_COLOURS[level]}"><title>{esc(name)}: {level.code} {n} '
                f"({percent_vi(counts.share(level))})</title></rect>"
            )
            if w >= 9 * len(str(n)) + 6:
                out.append(
                    f'<text class="{ON_COLOUR[level]}" x="{x + w / 2:.1f}" y="{y + 20}" '
                    f'text-anchor="middle">{n}</text>'
                )
            x += w
        out.append(f'<text x="{label_w + bar_w + 8}" y="{y + 20}">{total}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def grouped_bars(
    series: Sequence[tuple[str, _Counts]], label: str, hidden: Sequence[bool] = ()
) -> Markup:
    """Per level, one vertical bar per series (e.g. per year): the level's share in
    percent, written above the bar; a 0-100% scale at the left. A series marked in
    `hidden` (its table row hides a small count, generator/privacy/disclosure.py) gets no
    bars: a share would give the row's denominator, and with it the hidden count."""
    series_colours = ("#90a4ae", "#37474f", "#1565c0", "#6a1b9a")
    left, top, chart_h, bottom = 56, 44, 220, 34
    group_w = (WIDTH - left - 10) // len(LEVELS_DESC)
    bar_w = min(56, (group_w - 30) // max(1, len(series)))
    height = top + chart_h + bottom
    hides = [i < len(hidden) and hidden[i] for i in range(len(series))]
    legend = [
        (f"{name} (ẩn)" if hides[i] else name, series_colours[i % 4])
        for i, (name, _) in enumerate(series)
    ]
    out = [_open(label, height), _legend(legend, left, 8, 100)]
    base = top + chart_h
    for pct in (0, 25, 50, 75, 100):
        y = base - chart_h * pct / 100
        out.append(
            f'<line x1="{left}" y1="{y:.0f}" x2="{WIDTH - 10}" y2="{y:.0f}" '
            f'stroke="#9e9e9e" stroke-width="{1 if pct == 0 else 0.5}"/>'
            f'<text x="{left - 6}" y="{y + 5:.0f}" text-anchor="end">{pct}%</text>'
        )
    for g, level in enumerate(LEVELS_DESC):
        gx = left + g * group_w + (group_w - bar_w * len(series) - 6 * (len(series) - 1)) / 2
        for i, (name, counts) in enumerate(series):
            if hides[i]:
                continue
            share = counts.share(level)
            h = chart_h * share
            x = gx + i * (bar_w + 6)
            colour = series_colours[i % len(series_colours)]
            text = percent_vi(share)
            out.append(
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar_w}" height="{h:.1f}" '
                f'fill="{colour}"><title>{esc(name)}: {level.code} {text}</title></rect>'
                f'<text x="{x + bar_w / 2:.1f}" y="{base - h - 5:.1f}" text-anchor="middle" '
                f'font-size="13">{text.rstrip("%")}</text>'
            )
        out.append(
            f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{base + 22}" '
            f'text-anchor="middle" font-weight="bold">{level.code}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))
