"""The dashboard's charts (SPEC §13.1): one colour per partner, area and kind, the same on every chart, from a
palette colour-blind readers tell apart, each at least 3:1 against the page; at most 8 series and その他, the
largest first; fiscal years in fiscal order; the figures as a table under each; "no data" instead of empty axes."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

from haru_cli.i18n import Translator
from haru_cli.site.charts import OTHERS, PALETTE, against_targets, stacked_bars
from haru_cli.views.charts import MAX_SERIES, ranked
from haru_cli.views.shapes import Series, Target
from tests.helpers import SCENARIO, WorkspaceFactory, site_of
from tests.site.test_pages import sections_of

ROOT = Path(__file__).resolve().parent.parent.parent
WHITE = "#ffffff"  # a section's background

# Machado, Oliveira and Fernandes (2009), severity 1: linear RGB as people with each deficiency see it.
SEEN = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def linear(colour: str) -> tuple[float, ...]:
    channels = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def luminance(rgb: tuple[float, ...]) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2's contrast ratio."""
    high, low = sorted((luminance(linear(a)), luminance(linear(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of linear sRGB."""
    r, g, b = rgb
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    fx, fy, fz = (v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116
                  for v in (xyz[0] / 0.95047, xyz[1], xyz[2] / 1.08883))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def seen(colour: str, how: str) -> tuple[float, float, float]:
    rgb = linear(colour)
    simulated = tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in SEEN[how])
    return lab(simulated)


def test_every_colour_stands_out_from_the_page_and_from_every_other_as_everyone_sees_them() -> None:
    colours = [*PALETTE, OTHERS]
    assert len(PALETTE) >= MAX_SERIES
    assert [c for c in colours if contrast(c, WHITE) < 3] == []
    close = [(how, a, b, round(math.dist(seen(a, how), seen(b, how)), 1)) for how in SEEN
             for a, b in itertools.combinations(colours, 2) if math.dist(seen(a, how), seen(b, how)) < 15]
    assert close == []


def test_at_most_8_series_the_largest_first_and_the_rest_as_others() -> None:
    series = [Series(f"p{n}", (float(n), 1.0), n % 8) for n in range(12)]  # p11 the largest
    found = ranked(series, 2, "その他")
    assert [s.label for s in found] == ["p11", "p10", "p9", "p8", "p7", "p6", "p5", "p4", "その他"]
    assert found[-1].values == (0 + 1 + 2 + 3, 4.0) and found[-1].colour is None  # every bar still adds up
    assert len({s.colour for s in found[:-1]}) == 8  # no two of one chart alike, though p11 and p3 share a slot
    assert [s.colour for s in found[:4]] == [3, 2, 1, 0]  # each its own slot where it is free


def test_a_chart_draws_each_series_in_its_colour() -> None:
    svg = stacked_bars("t", ("04", "05"), [Series("ウエダ", (1.0, 2.0), 2), Series("その他", (1.0, 0.0))])
    assert f'fill="{PALETTE[2]}"><title>04 ウエダ' in svg and f'fill="{OTHERS}"><title>04 その他' in svg
    bars = against_targets("t", [Target("AIスクール", 20.0, 25.0, 1)])
    assert f'fill="{PALETTE[1]}"><title>AIスクール: 20.0%' in bars


def fills(pages: dict[str, bytes], path: str) -> set[tuple[str, str]]:
    """(series, colour) of every bar of a page's charts."""
    return {(label, fill) for fill, label in re.findall(
        r'<rect [^>]*fill="(#[0-9a-f]{6})"><title>[^ ]+ ([^:]+): ', pages[path].decode("utf-8"))}


def test_a_partner_has_one_colour_on_every_chart() -> None:
    pages = site_of(ROOT / "data")
    bars = fills(pages, "index.html") | fills(pages, "time/fy2026.html") | fills(pages, "fees/fy2026.html")
    colours: dict[str, set[str]] = {}
    for label, fill in bars:
        colours.setdefault(label, set()).add(fill)
    partners = {label: found for label, found in colours.items() if label.startswith("株式会社")}
    assert len(partners) >= 5 and all(len(found) == 1 for found in partners.values()), partners
    assert len({next(iter(found)) for found in partners.values()}) == len(partners)  # and its own


def test_fiscal_years_in_fiscal_order_and_the_figures_under_each_chart() -> None:
    pages = site_of(ROOT / "data")
    time = sections_of(pages["time/fy2026.html"].decode("utf-8"))
    by_partner = time["パートナー別の時間（年度）"]
    months = re.findall(r"<th[^>]*>(\d\d-\d\d)</th>", by_partner)
    assert months == [f"26-{m:02d}" for m in range(4, 13)] + ["27-01", "27-02", "27-03"]  # April to March
    assert "<th>内訳</th>" in by_partner and "<td>合計</td>" in re.sub(r' class="[^"]*"', "", by_partner)
    rows = re.findall(r"<tr><td[^>]*>(?:<div class=\"text\">)?([^<]+)<", by_partner)
    legend = re.findall(r'<li><svg[^>]*><rect[^>]*/></svg>([^<]+)</li>', by_partner)
    assert rows[:-1] == legend  # a row per series, in the legend's order (largest first)
    fees = sections_of(pages["fees/fy2026.html"].decode("utf-8"))["月ごとの紹介手数料（税抜）"]
    assert re.findall(r"<th[^>]*>(\d\d-\d\d)</th>", fees) == months  # the whole fiscal year, as the time's
    for path in ("index.html", "time/fy2026.html", "fees/fy2026.html", "partners/ueda.html"):
        for title, section in sections_of(pages[path].decode("utf-8")).items():
            if "<svg" in section:
                assert "<table>" in section.split("</figure>")[1], (path, title)  # its figures, as a table


def test_an_empty_chart_says_so_instead_of_drawing_axes(workspace: WorkspaceFactory) -> None:
    pages = site_of(workspace(SCENARIO))
    chart = sections_of(pages["partners/spcom.html"].decode("utf-8"))["会議の種類別の時間（12 か月）"]
    assert "<svg" not in chart and "データがありません。" in chart
    english = site_of(workspace(SCENARIO), lang="en")
    assert "No data." in sections_of(english["partners/spcom.html"].decode("utf-8"))[
        "Hours by kind of meeting (12 months)"]
    assert Translator("ja")("site.chart.no_data") == "データがありません。"


def test_the_fees_chart_sums_each_partner_s_month_as_filtering_every_statement(tmp_path: Path) -> None:
    """fees_chart groups the statements in one pass: each partner's month is what summing that month's
    statements of the partner gives (the formulation it replaced, once per partner and month)."""
    from datetime import date
    from types import SimpleNamespace

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from haru_cli.views.charts import fees_chart
    from tests.helpers import load_workspace, write_workspace

    ids = ["ueda", "spcom", "andath"]
    ds = load_workspace(write_workspace(tmp_path / "ws", {"partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\n",
                                                          "partners/andath.yaml": "id: andath\nname: 株式会社&ath\n"}))
    statement = st.builds(lambda p, amount: SimpleNamespace(partner=SimpleNamespace(id=p), subtotal=amount),
                          st.sampled_from(ids), st.integers(-10**6, 10**7))
    months = st.lists(st.lists(statement, max_size=6), min_size=1, max_size=12)

    @settings(max_examples=200, deadline=None)
    @given(months)
    def check(found: list[list[SimpleNamespace]]) -> None:
        by_month = [(date(2026, 4 + n % 9, 1), statements) for n, statements in enumerate(found)]
        chart = fees_chart(ds, by_month, Translator("ja"))  # type: ignore[arg-type]
        partners = sorted({s.partner.id for _, month in by_month for s in month})
        expected = {ds.partners[p].name: tuple(float(sum(s.subtotal for s in month if s.partner.id == p))
                                               for _, month in by_month) for p in partners}
        assert {s.label: s.values for s in chart.series} == {k: v for k, v in expected.items() if any(v)}

    check()
