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
