"""Dates as the reports write them, in the Gregorian and the era calendar."""

from __future__ import annotations

from datetime import date

from haru_cli.i18n.dates import date_text, month_text

DAY = date(2026, 11, 27)


def test_a_date_in_japanese_in_english_and_in_the_era_calendar() -> None:
    assert date_text(DAY, "ja") == "2026年11月27日"
    assert date_text(DAY, "ja", wareki=True) == "令和8年11月27日"
    assert date_text(DAY, "en", wareki=True) == "2026-11-27"  # the era calendar is Japanese only
    assert date_text(None, "ja") == "—"


def test_a_month_in_japanese_in_english_and_in_the_era_calendar() -> None:
    assert month_text(date(2019, 5, 1), "ja", wareki=True) == "令和元年5月"
    assert month_text(DAY, "ja") == "2026年11月"
    assert month_text(DAY, "en") == "2026-11"


def test_wareki_eras() -> None:
    from datetime import date

    from haru_cli.i18n.dates import wareki_year

    assert [wareki_year(d) for d in (date(2026, 11, 27), date(2019, 5, 1), date(2019, 4, 30), date(1989, 1, 7),
                                     date(1985, 4, 1), date(1926, 12, 24), date(1912, 7, 29))] == [
        "令和8年", "令和元年", "平成31年", "昭和64年", "昭和60年", "大正15年", "明治45年"]
