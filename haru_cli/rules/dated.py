"""What a dated thing to do is (`Item`), the window it is asked for (`Window`) and its calendar UID: the
shape every rules module's `dated_items(ds, when)` yields, and `haru upcoming` lists (rules/upcoming.py).

A leaf of rules/: the domain modules import it, and it imports none of them.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING

from haru_cli.records.frozen import frozen

if TYPE_CHECKING:
    from haru_cli.rules.calendar import BusinessDays


@frozen
class Window:
    """What dated items are asked for: those due by `until` (and overdue ones), as of `today`."""

    today: date
    until: date
    back: date  # how far back unheld feedback milestones are still shown
    days: BusinessDays  # for pay dates


@frozen
class Item:
    """One dated thing to do. `source` is the (record type, id) of the record it comes from."""

    date: date
    kind: str  # one of the DATED_KINDS of the rules module that yields it
    partner: str  # "" for what is no partner's (an automation's review, a vendor's contract)
    subject: str | None  # the contract's title or the action's task; None where the kind says it all
    ref: str
    overdue: bool
    source: tuple[str, str]  # (record type, id)
    uid: str  # stable across runs, so that a calendar updates the event instead of duplicating it
    amount: int | None = None  # a payout's amount (its subject is the month the fees arose in)
    paid: bool | None = None  # a payout: whether its payment is recorded
    vendor: str | None = None  # whose it is, when a vendor's (its contract, a deliverable): partner is ""


def uid(kind: str, record_id: str, *which: object) -> str:
    """A calendar event's UID: its kind, its record, and which of the record's events it is (a term by
    the day it ends, a milestone by its day); stable across runs, so that importing a calendar again
    updates its events instead of duplicating them."""
    return "/".join([kind, record_id, *map(str, which)])


def action_uid(meeting_id: str, task: str, earlier_same: int) -> str:
    """An action's calendar UID: by its meeting and its task, not its position, so that reordering a
    meeting's actions never swaps which event is which (a task repeated in one meeting counts its repeats)."""
    digest = hashlib.sha256(task.strip().encode("utf-8")).hexdigest()[:16]
    return uid("action", meeting_id, digest + (f"-{earlier_same + 1}" if earlier_same else ""))

