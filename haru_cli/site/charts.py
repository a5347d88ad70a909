"""Charts as SVG drawn on the server (SPEC §13): bars by month, stacked by series (hours by partner or by
kind, fees), and bars against targets (time by area). Pure: numbers and labels in, one SVG string out,
every text in it XML-escaped. No script, no external font or stylesheet: a page reads without JavaScript."""

from __future__ import annotations

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from haru_cli.escape import visible
from haru_cli.views.shapes import Series


def _attribute(text: str) -> str:
    return quoteattr(visible(text, one_line=True))


def escape(text: str) -> str:
    """Text of a chart (a partner's name in a tooltip …): control characters as escapes, as everywhere on
    the page, then XML-escaped."""
    return _xml_escape(visible(text, one_line=True))

# A palette that reads on white and in grey (print): distinct in lightness as well as hue.
PALETTE = ("#2f6690", "#d1495b", "#edae49", "#66a182", "#8d6a9f", "#3a7ca5", "#c1666b", "#00798c", "#a39171",
           "#5c5c5c")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 260, 56, 44, 16
ROW = 22  # a horizontal bar's height, with its gap


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}".rstrip("0").rstrip(".")


def _ticks(low: float, high: float) -> list[float]:
    """Round steps from below low to above high (1, 2 or 5 × a power of ten), about five of them."""
    raw = (high - low or 1.0) / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * m for m in (1, 2, 5, 10) if power * m >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [n * step for n in range(first, last + 1)]


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label={_attribute(title)} font-family="sans-serif" font-size="11">'
            f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def stacked_bars(title: str, columns: Sequence[str], series: Sequence[Series], unit: str = "",
                 others: str = "…") -> str:
    """Bars per column (a month), each stacked from its series (past the palette's colours, the rest as
    `others`); a legend under the chart; the unit beside the axis."""
    shown = [s for s in series if any(s.values)]
    if len(shown) > len(PALETTE):  # the rest in one part of each bar, so that every bar still adds up
        rest = shown[len(PALETTE) - 1:]
        shown = [*shown[: len(PALETTE) - 1],
                 Series(others, tuple(sum(s.values[i] for s in rest) for i in range(len(columns))))]
    ups = [sum(max(s.values[i], 0) for s in shown) for i in range(len(columns))]
    downs = [sum(min(s.values[i], 0) for s in shown) for i in range(len(columns))]
    high, low = max([*ups, 0.0]), min([*downs, 0.0])
    if high == low:
        high = 1.0
    legend_rows = (len(shown) + 2) // 3
    height = HEIGHT + legend_rows * 16
    plot_h = HEIGHT - TOP - BOTTOM
    ticks = _ticks(low, high)
    top, bottom = max(ticks[-1], high), min(ticks[0], low)

    def y(value: float) -> float:
        return TOP + (top - value) / (top - bottom) * plot_h

    body = []
    for tick in ticks:
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#ddd"/>')
        body.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555">'
                    f"{escape(_number(tick))}</text>")
    band = (WIDTH - 8 - LEFT) / max(len(columns), 1)
    bar = band * 0.7
    for i, column in enumerate(columns):
        x = LEFT + i * band + (band - bar) / 2
        up, down = 0.0, 0.0
        for n, s in enumerate(shown):
            value = s.values[i]
            if not value:
                continue
            start = up if value > 0 else down
            end = start + value
            if value > 0:
                up = end
            else:
                down = end
            y0, y1 = sorted((y(start), y(end)))
            body.append(f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar:.1f}" height="{max(y1 - y0, 0.5):.1f}" '
                        f'fill="{PALETTE[n]}"><title>{escape(f"{column} {s.label}: {_number(value)}{unit}")}'
                        "</title></rect>")
        body.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" fill="#333">'
                    f"{escape(column)}</text>")
    body.append(f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#888"/>')
    if unit.strip():
        body.append(f'<text x="4" y="{TOP - 4}" fill="#555">{escape(unit.strip())}</text>')
    for n, s in enumerate(shown):
        lx, ly = LEFT + (n % 3) * 220, HEIGHT - 8 + (n // 3) * 16
        body.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{PALETTE[n]}"/>'
                    f'<text x="{lx + 14}" y="{ly}" fill="#333">{escape(s.label[:18])}</text>')
    return _svg(WIDTH, height, title, body)


def against_targets(title: str, rows: Sequence[tuple[str, float, float | None]]) -> str:
    """Horizontal bars of shares (percent) with each target as a mark: (label, share, target)."""
    height = TOP + len(rows) * ROW + 24
    left, right = 140, WIDTH - 60
    scale = max([100.0 / 2, *(r[1] for r in rows), *(r[2] or 0 for r in rows)])

    def x(value: float) -> float:
        return left + value / scale * (right - left)

    body = []
    for i, (label, share, target) in enumerate(rows):
        top = TOP + i * ROW
        body.append(f'<text x="{left - 8}" y="{top + 14}" text-anchor="end" fill="#333">{escape(label)}</text>')
        body.append(f'<rect x="{left}" y="{top + 3}" width="{max(x(share) - left, 0):.1f}" height="{ROW - 8}" '
                    f'fill="{PALETTE[0]}"><title>{escape(f"{label}: {share:.1f}%")}</title></rect>')
        body.append(f'<text x="{max(x(share), x(target or 0)) + 6:.1f}" y="{top + 14}" fill="#333">{share:.1f}%</text>')
        if target is not None:
            body.append(f'<line x1="{x(target):.1f}" x2="{x(target):.1f}" y1="{top}" y2="{top + ROW - 2}" '
                        f'stroke="{PALETTE[1]}" stroke-width="3"><title>{escape(f"{label}: {target:.1f}%")}</title>'
                        "</line>")
    return _svg(WIDTH, height, title, body)
