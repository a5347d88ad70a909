"""SPEC §4 upcoming (rules/upcoming.py): overdue first, then by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from haru_cli.rules.upcoming import upcoming
from tests.helpers import DAYS, load_workspace

TODAY = date(2026, 11, 27)


def test_upcoming_overdue_first_then_by_date(scenario: Path) -> None:
    ds = load_workspace(scenario)
    items = [(i.kind, i.ref, str(i.date), i.overdue)
             for i in upcoming(ds, TODAY, date(2026, 12, 11), date(2026, 11, 13), DAYS)]
    assert items == [
        ("regular_meeting", "spcom", "2026-02-01", True),  # monthly since 2026-01-01, never met
        ("notice_deadline", "alliance", "2026-10-31", True),  # passed without a decision: on until 2027-01-31
        ("term_end", "old", "2026-10-31", True),
        ("notice_deadline", "half", "2026-11-30", False),
        ("notice_deadline", "ueda-referral", "2026-11-30", False),
        ("draft", "draft", "2026-12-01", False),  # a draft about to start
        ("regular_meeting", "ueda", "2026-12-10", False),
    ]
