"""--incognito masks amounts in free text in every way people write them (SPEC §14), and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from haru_cli.site.incognito import MASK, mask_amounts
from tests.helpers import SCENARIO, site_of, write_workspace

AMOUNTS = [
    # kanji numerals with 万/億/千/百/円
    "三百六十万円", "三十万", "百万", "一千万円", "千円", "五千円", "三百円", "一億二千万円", "弐拾万円",
    # Arabic with 万/億/千/円, full-width digits, a space before the unit, mixed
    "30万", "30万円", "1.2億円", "3.5億", "5千円", "180千円", "300,000円", "300000円", "３０万円", "５０万",
    "15 万円", "30万5千円", "1億2,000万円", "-30万円",
    # Arabic with M/k, and in words
    "1.8M", "2.4k", "1.8M yen", "¥1.8M", "$2.4k", "€1.5k", "1.8 million yen", "EUR 1.5 million",
    # yen signs and currency codes, before or after
    "¥300,000", "￥300,000", "\\300,000", "¥49,500", "JPY 300000", "300000yen", "300,000 JPY",
    "USD 2400", "USD 2,400", "USD2400", "2,400 USD", "2400USD", "US$2,400", "$2,400", "£300", "2,400ドル",
    "2400 dollars", "100ユーロ",
    # long numbers, thousands separators
    "3600000", "300,000",
    # what an attacker tried next: spaces of every kind, full width, invisible characters, other units
    "1.8 M", "1.8 M yen", "1.8 M JPY", "2.4 k円", "2.4 k", "100\u00a0万円", "30\u202f万", "１．８Ｍ",
    "30,0\u200b00", "3\u200b0万円", "1_800_000円", "82 500", "1.8 Mio", "1.8 MM", "900元",
]


NOT_AMOUNTS = ["2026年11月27日", "2026-11-10", "15%", "90分", "3名", "10:30", "1.5倍", "第3四半期", "千葉",
               "三十日", "十分", "一人", "万一", "百貨店", "B2B", "A4", "Q3", "ISO 9001", "PHP 8.2", "03-0000-0002",
               "2 B2B", "（税別）", "T5999900020002", "登録番号: T1234567890123"]


@pytest.mark.parametrize("amount", AMOUNTS)
def test_every_way_of_writing_an_amount_is_masked(amount: str) -> None:
    assert mask_amounts(f"メモ: 月額 {amount}（税別）") == f"メモ: 月額 {MASK}（税別）"


def test_a_vague_amount_is_masked_up_to_its_word() -> None:
    assert mask_amounts("数十万円、約30万円台") == f"数{MASK}、約{MASK}台"


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_dates_times_percentages_counts_and_words_stay(text: str) -> None:
    assert mask_amounts(text) == text


def test_the_dashboard_masks_every_form_in_a_partners_notes(tmp_path: Path) -> None:
    from tests.helpers import site_of
    from tests.site.test_pages import check_site

    notes = "、".join(a.replace("\\", "\\\\") for a in AMOUNTS)
    root = write_workspace(tmp_path / "ws", {**SCENARIO, "partners/spcom.yaml": (
        f"id: spcom\nname: 株式会社S.P.COM\nnotes: \"予算 {notes} で合意\"\n")})
    page = "".join(check_site(site_of(root, incognito=True))["partners/spcom.html"].text)
    assert "予算 " + "、".join([MASK] * len(AMOUNTS)) + " で合意" in page


ROOT = Path(__file__).resolve().parent.parent.parent


def test_incognito_masks_every_amount(tmp_path: Path) -> None:
    import re

    notes = "メモ: 300,000円、30万円、1.2億円、JPY 300000、\\\\300,000、金額 3600000、¥49,500"
    root = write_workspace(tmp_path / "ws", {**SCENARIO, "partners/spcom.yaml": (
        f"id: spcom\nname: 株式会社S.P.COM\nnotes: \"{notes}\"\n")})
    hostile = {f"ws/{k}": v for k, v in site_of(root, incognito=True).items()}
    pages = {**site_of(ROOT / "data", incognito=True), **hostile}
    amount = re.compile(r"[¥￥\\][0-9]|[0-9],[0-9]{3}|[0-9]\s?[万億]?円|JPY\s?[0-9]|[0-9]{5,}")
    for path, body in pages.items():
        text = re.sub(r"<[^>]+>|T[0-9]{13}", " ", body.decode("utf-8"))  # tags, and invoice numbers: they stay
        if path.endswith(".ics"):  # the calendar's text: what its events say (their dates and ids are no amounts)
            from icalendar import Calendar

            text = "\n".join(f"{e['summary']} {e['description']}" for e in Calendar.from_ical(body).walk("VEVENT"))
            assert "¥•••" in text or path.startswith("ws/")  # data/'s fees were there, and are masked
        assert not amount.search(text), (path, amount.search(text))
    assert "¥•••".encode() in pages["index.html"] and "ws/partners/spcom.html" in pages


def test_an_invoice_number_stays_and_an_amount_beside_it_is_masked() -> None:
    assert mask_amounts("T1234567890123 ¥49,500 / 1234567890123") == f"T1234567890123 {MASK} / {MASK}"
    assert mask_amounts("XT1234567890123") == f"XT{MASK}"  # no registration number: part of a longer word


def test_incognito_keeps_the_charts_shape_and_the_invoice_number_and_hides_the_figures() -> None:
    import re

    from tests.helpers import site_of

    masked = site_of(ROOT / "data", incognito=True)
    shown = site_of(ROOT / "data")
    fees = masked["fees/index.html"].decode("utf-8")
    svg = fees[fees.index("<svg"):fees.index("</svg>")]
    bars = re.findall(r'<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"', svg)
    plain = shown["fees/index.html"].decode("utf-8")
    assert bars and bars == re.findall(r'<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"',
                                       plain[plain.index("<svg"):plain.index("</svg>")])  # the same shape
    axis = r'<text[^>]*text-anchor="end"[^>]*>'  # the figures beside the axis
    assert re.search(axis, plain) and not re.search(axis, svg)
    assert not re.search(r"<title>[^<]*: [0-9]", svg)  # nor in a bar's tooltip
    assert "T5999900020002" in masked["fees/2026-10/ueda.html"].decode("utf-8")
    assert "T5999900020002" in masked["partners/ueda.html"].decode("utf-8")


@pytest.mark.parametrize(("query", "probes"), [
    ("45000", True), ("3,600", True), ("３６００", True), ("三百六十万円", True), ("2026-10 45000", True),
    ("ウエダ", False), ("2026-10-31", False), ("2026-10", False), ("伊藤一郎", False), ("千葉", False)])
def test_a_search_that_would_find_a_masked_amount_is_not_run(query: str, probes: bool) -> None:
    from haru_cli.site.incognito import probes_amounts

    assert probes_amounts(query) is probes
