"""Dates ahead (SPEC §4.1–4.3): term ends, notice deadlines, expiry, regular meetings — pure functions of
the loaded workspace and an explicit `today`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from haru_cli.models import Contract, Partner
from haru_cli.values import Duration

if TYPE_CHECKING:
    from haru_cli.loader import Dataset

CADENCE = {"monthly": Duration(1, "m"), "quarterly": Duration(3, "m")}
_APPROX_DAYS = {"d": 1, "w": 7, "m": 31, "y": 366}


def term_end(contract: Contract, k: int) -> date | None:
    """E_k = (E0 + 1 day) + k×term − 1 day: renewal k of the first term's end (k = 0 is `end` itself)."""
    if contract.end is None:
        return None
    if k == 0:
        return contract.end
    if contract.term is None:
        return None
    return contract.term.after(contract.end + timedelta(days=1), k) - timedelta(days=1)


def term_ends(contract: Contract, start: date, until: date) -> Iterator[date]:
    """Every term end within [start, until], in order (just E0 without auto_renew)."""
    if contract.end is None:
        return
    if not (contract.auto_renew and contract.term is not None):
        if start <= contract.end <= until:
            yield contract.end
        return
    k = _first_k_on_or_after(contract, contract.term, start)
    while (end := term_end(contract, k)) is not None and end <= until:
        yield end
        k += 1


def _first_k_on_or_after(contract: Contract, term: Duration, day: date) -> int:
    """The smallest k with E_k ≥ day, without walking every term since the contract began."""
    assert contract.end is not None
    if contract.end >= day:
        return 0
    # A lower bound from the longest a term can be, then step forward: at most a few steps.
    k = max(0, (day - contract.end).days // (term.count * _APPROX_DAYS[term.unit] or 1))
    while (end := term_end(contract, k)) is not None and end < day:
        k += 1
    return k


def current_term_end(contract: Contract, today: date) -> date | None:
    """The first term end on or after today; without auto_renew, `end` (which may have passed)."""
    if contract.end is None:
        return None
    if not (contract.auto_renew and contract.term is not None):
        return contract.end
    return term_end(contract, _first_k_on_or_after(contract, contract.term, today))


def notice_deadline(contract: Contract, today: date) -> date | None:
    """解約予告期限: the current term end minus the notice period."""
    end = current_term_end(contract, today)
    return contract.notice.before(end) if end is not None else None


def is_expired(contract: Contract, today: date) -> bool:
    """An active contract that does not renew and whose end has passed: it needs a decision."""
    return (
        contract.status == "active"
        and not contract.auto_renew
        and contract.end is not None
        and contract.end < today
    )


@dataclass(frozen=True)
class RegularMeeting:
    """When the next 定例会 with a partner is due, and whether that is already past."""

    due: date
    overdue: bool


def next_regular_meeting(ds: Dataset, partner: Partner, today: date) -> RegularMeeting | None:
    """Due one cadence after the latest regular meeting listing the partner (or after `since`)."""
    step = CADENCE.get(partner.cadence)
    if partner.status != "active" or step is None:
        return None
    held = [m.date for m in ds.meetings.values() if m.kind == "regular" and partner.id in m.partners]
    base = max(held, default=partner.since)
    if base is None:
        return None
    due = step.after(base)
    return RegularMeeting(due, due < today)
