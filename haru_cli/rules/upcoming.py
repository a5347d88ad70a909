"""Everything dated, in one list (`haru upcoming`): notice deadlines, term ends, feedback hearings, regular
meetings due, open action items, fee payouts, reviews of what AI saves, deliverables and projects' dates —
each rules module's `dated_items` (rules/registered.py), pure, for an explicit today."""

from __future__ import annotations

from datetime import date

from haru_cli.records.dataset import Dataset
from haru_cli.rules import registered
from haru_cli.rules.calendar import BusinessDays
from haru_cli.rules.dated import Item, Window


def upcoming(ds: Dataset, today: date, until: date, back: date, days: BusinessDays) -> list[Item]:
    """Every rules module's items due by `until`; overdue ones first, then by date, then by kind (in the
    order the modules list them). `back` is how far back unheld feedback milestones are still shown."""
    order = {kind: i for i, kind in enumerate(registered.kinds())}
    items = list(registered.dated_items(ds, Window(today, until, back, days)))
    return sorted(items, key=lambda item: (not item.overdue, item.date, order[item.kind], item.partner, item.ref))
