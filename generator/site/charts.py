"""Charts drawn at build time as inline SVG (no script, no external request).

Each chart is a picture of a table the page also prints as text, so the SVG carries
`role="img"` and a short `aria-label`; the numbers are in the table. Labels are escaped
with `text.esc` (organization names come from submissions).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from generator.site.text import esc
from generator.submissions.records import Level

# colours per level, best first; chosen to stay distinct in grey print too
LEVEL_COLOURS = {
    Level.HTXSNV: "#1b5e20",
    Level.HTTNV: "#66bb6a",
    Level.HTNV: "#fbc02d",
    Level.KHTNV: "#c62828",
}
LEVELS_DESC = (Level.HTXSNV, Level.HTTNV, Level.HTNV, Level.KHTNV)


def _legend(x: int, y: int) -> str:
    parts = []
    for i, level in enumerate(LEVELS_DESC):
        lx = x + i * 110
        parts.append(
            f'<rect x="{lx}" y="{y}" width="12" height="12" fill="{LEVEL_COLOURS[level]}"/>'
            f'<text x="{lx + 16}" y="{y + 11}">{level.code}</text>'
        )
    return "".join(parts)


def stacked_bars(rows: Sequence[tuple[str, dict[Level, int]]], label: str) -> Markup:
    """One horizontal bar per row, 100% wide, split by level share."""
    label_w, bar_w, row_h, top = 220, 420, 22, 30
    height = top + row_h * len(rows) + 10
    width = label_w + bar_w + 60
    out = [
        f'<svg class="kd-chart" role="img" aria-label="{esc(label)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg" '
        'font-size="12" font-family="sans-serif">',
        _legend(label_w, 8),
    ]
    for i, (name, counts) in enumerate(rows):
        y = top + i * row_h
        total = sum(counts.values())
        short = name if len(name) <= 32 else name[:31] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{esc(short)}</text>')
        x = float(label_w)
        for level in LEVELS_DESC:
            n = counts.get(level, 0)
            if not n or not total:
                continue
            w = bar_w * n / total
            out.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{LEVEL_COLOURS[level]}"><title>{esc(name)}: {level.code} {n}</title></rect>'
            )
            x += w
        out.append(f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{total}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def grouped_bars(series: Sequence[tuple[str, dict[Level, float]]], label: str) -> Markup:
    """Per level, one vertical bar per series (e.g. per year), heights in percent."""
    series_colours = ("#90a4ae", "#37474f", "#1565c0", "#6a1b9a")
    group_w, bar_w, chart_h, top, left = 120, 26, 160, 30, 40
    width = left + group_w * len(LEVELS_DESC) + 20
    height = top + chart_h + 40
    out = [
        f'<svg class="kd-chart" role="img" aria-label="{esc(label)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg" '
        'font-size="12" font-family="sans-serif">'
    ]
    for i, (name, _) in enumerate(series):
        colour = series_colours[i % len(series_colours)]
        out.append(
            f'<rect x="{left + i * 90}" y="6" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + i * 90 + 16}" y="17">{esc(name)}</text>'
        )
    base = top + chart_h
    out.append(f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#999"/>')
    for g, level in enumerate(LEVELS_DESC):
        gx = left + g * group_w + 10
        for i, (name, shares) in enumerate(series):
            value = shares.get(level, 0.0)
            h = chart_h * value / 100.0
            x = gx + i * (bar_w + 4)
            colour = series_colours[i % len(series_colours)]
            out.append(
                f'<rect x="{x}" y="{base - h:.1f}" width="{bar_w}" height="{h:.1f}" '
                f'fill="{colour}"><title>{esc(name)}: {level.code} {value:.1f}%</title></rect>'
                f'<text x="{x + bar_w / 2}" y="{base - h - 3:.1f}" text-anchor="middle" '
                f'font-size="10">{value:.0f}</text>'
            )
        out.append(
            f'<text x="{gx + (bar_w + 4) * len(series) / 2}" y="{base + 16}" '
            f'text-anchor="middle">{level.code}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))
