"""Charts as SVG drawn on the server (SPEC §13): bars by month, stacked by series (hours by partner or by
kind, fees), and bars against targets (time by area). Pure: numbers and labels in, one SVG string out,
every text in it XML-escaped. No script, no external font or stylesheet: a page reads without JavaScript."""

from __future__ import annotations

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from haru_cli.escape import visible
from haru_cli.views.shapes import Series, Target


def _attribute(text: str) -> str:
    return quoteattr(visible(text, one_line=True))


def escape(text: str) -> str:
    """Text of a chart (a partner's name in a tooltip …): control characters as escapes, as everywhere on
    the page, then XML-escaped."""
    return _xml_escape(visible(text, one_line=True))

# One colour per slot (views/charts.py gives each partner, area and kind its slot): each at least 3:1 against
# the white of a section (WCAG's contrast for graphics), and apart from each other — CIE ΔE at least 15 — as
# people see them and as those with protanopia, deuteranopia or tritanopia do (tests/site/test_charts.py
# simulates them). No red: red says overdue. その他 is grey.
PALETTE = ("#2d58ac", "#918447", "#8b1dd4", "#4b95d5", "#076912", "#c367a5", "#8d3b7b", "#628c0a")
OTHERS = "#6c6c6c"
TARGET = "#b3261e"  # a target's mark: the page's red, a line across the bar, not a colour to tell apart
INK, MUTED = "#333", "#555"


def colour(slot: int | None) -> str:
    return OTHERS if slot is None else PALETTE[slot % len(PALETTE)]


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


def stacked_bars(title: str, columns: Sequence[str], series: Sequence[Series], unit: str = "", *,
                 masked: bool = False) -> str:
    """Bars per column (a month), each stacked from its series in its colour (views/charts.py has ranked them
    and put the rest in その他); the unit beside the axis; its legend is the page's (`legend`), under it, where
    a narrow screen wraps it. `masked` (amounts hidden for a screen share): the shape alone — no figure on the
    axis or in a bar's tooltip."""
    shown = [s for s in series if any(s.values)]
    ups = [sum(max(s.values[i], 0) for s in shown) for i in range(len(columns))]
    downs = [sum(min(s.values[i], 0) for s in shown) for i in range(len(columns))]
    high, low = max([*ups, 0.0]), min([*downs, 0.0])
    if high == low:
        high = 1.0
    plot_h = HEIGHT - TOP - BOTTOM
    ticks = _ticks(low, high)
    top, bottom = max(ticks[-1], high), min(ticks[0], low)

    def y(value: float) -> float:
        return TOP + (top - value) / (top - bottom) * plot_h

    body = []
    for tick in ticks:
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#ddd"/>')
        if not masked:
            body.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="{MUTED}">'
                        f"{escape(_number(tick))}</text>")
    band = (WIDTH - 8 - LEFT) / max(len(columns), 1)
    bar = band * 0.7
    for i, column in enumerate(columns):
        x = LEFT + i * band + (band - bar) / 2
        up, down = 0.0, 0.0
        for s in shown:
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
            tip = f"{column} {s.label}" if masked else f"{column} {s.label}: {_number(value)}{unit}"
            body.append(f'<rect x="{x:.1f}" y="{y0:.1f}" width="{bar:.1f}" height="{max(y1 - y0, 0.5):.1f}" '
                        f'fill="{colour(s.colour)}"><title>{escape(tip)}</title></rect>')
        body.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" fill="{INK}">'
                    f"{escape(column)}</text>")
    body.append(f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#888"/>')
    if unit.strip():
        body.append(f'<text x="4" y="{TOP - 4}" fill="{MUTED}">{escape(unit.strip())}</text>')
    return _svg(WIDTH, HEIGHT - BOTTOM + 24, title, body)


def legend(series: Sequence[Series]) -> str:
    """What each colour of a stacked chart stands for, as a list of the page (it wraps on a phone): a swatch
    of SVG (an attribute, not a style the page's policy would refuse) and the series' label, escaped."""
    items = [f'<li><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" '
             f'fill="{colour(s.colour)}"/></svg>{escape(s.label)}</li>' for s in series if any(s.values)]
    return f'<ul class="legend">{"".join(items)}</ul>' if items else ""


def against_targets(title: str, rows: Sequence[Target]) -> str:
    """Horizontal bars of shares (percent), each in its area's colour, with each target as a mark."""
    height = TOP + len(rows) * ROW + 24
    left, right = 140, WIDTH - 60
    scale = max([100.0 / 2, *(r.share for r in rows), *(r.target or 0 for r in rows)])

    def x(value: float) -> float:
        return left + value / scale * (right - left)

    body = []
    for i, r in enumerate(rows):
        top = TOP + i * ROW
        body.append(f'<text x="{left - 8}" y="{top + 14}" text-anchor="end" fill="{INK}">{escape(r.label)}</text>')
        body.append(f'<rect x="{left}" y="{top + 3}" width="{max(x(r.share) - left, 0):.1f}" height="{ROW - 8}" '
                    f'fill="{colour(r.colour)}"><title>{escape(f"{r.label}: {r.share:.1f}%")}</title></rect>')
        body.append(f'<text x="{max(x(r.share), x(r.target or 0)) + 6:.1f}" y="{top + 14}" fill="{INK}">'
                    f"{r.share:.1f}%</text>")
        if r.target is not None:
            body.append(f'<line x1="{x(r.target):.1f}" x2="{x(r.target):.1f}" y1="{top}" y2="{top + ROW - 2}" '
                        f'stroke="{TARGET}" stroke-width="3"><title>{escape(f"{r.label}: {r.target:.1f}%")}</title>'
                        "</line>")
    return _svg(WIDTH, height, title, body)
