"""What a figure rests on, and what repeats (SPEC §15): the skipped files that may change a partner's fees
or the 社長's hours, and the entries of a record that repeat one already there.

Every command, page and check asks these, so that "incomplete" and "the same entry twice" mean one thing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Any, TypeVar

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Action, Evaluation, Measurement, Payment, TimeEntry
from haru_cli.records.registry import (
    AUTOMATION,
    CONTRACT,
    MEETING,
    OPPORTUNITY,
    PARTNER,
    PAYOUT,
    PROJECT,
    REFERRAL,
    SETTINGS_FILE,
    STUDENT,
    TIME,
)

E = TypeVar("E")


def fees_incomplete(ds: Dataset, partner_id: str | None = None) -> list[str]:
    """The skipped files that would change a partner's fees or what was paid of them (every partner's
    with None): referrals, contracts and payouts whose partner is that one, or could not be read; and a
    broken haru.yaml, whose tax and payout rules were replaced by the defaults."""
    broken = [SETTINGS_FILE] if ds.settings_broken else []
    return broken + ds.skipped_of((CONTRACT, REFERRAL, PAYOUT), partner_id)


def time_incomplete(ds: Dataset) -> list[str]:
    """The files that would change the 社長's hours or what AI saved: skipped time logs, meetings and
    automations, time logs read without their entries in error, and a broken haru.yaml (whose targets
    were replaced by none)."""
    broken = [SETTINGS_FILE] if ds.settings_broken else []
    return sorted({*broken, *ds.skipped_of((TIME, MEETING, AUTOMATION)), *ds.partly_read})


def dated_incomplete(ds: Dataset) -> list[str]:
    """The files that may hold, or change, a dated item (`upcoming`'s): skipped records of the types the
    dated rules read — partners' regular meetings, contracts' dates, meetings' actions, automations' reviews,
    projects' and opportunities' dates — and the fees' (payouts)."""
    return sorted({*fees_incomplete(ds), *ds.skipped_of((PARTNER, CONTRACT, MEETING, AUTOMATION, PROJECT,
                                                         OPPORTUNITY))})


def renewals_incomplete(ds: Dataset) -> list[str]:
    """The skipped contracts: their notice deadlines and ends are not known."""
    return ds.skipped_of((CONTRACT,))


def pipeline_incomplete(ds: Dataset) -> list[str]:
    """The skipped opportunities: their stages and values are not known."""
    return ds.skipped_of((OPPORTUNITY,))


def partner_dates_incomplete(ds: Dataset, partner_id: str) -> list[str]:
    """The files a partner's dates and hours may lack: its skipped meetings and contracts, and the time
    logs' (its hours are its meetings' and the time logged for it)."""
    return sorted({*ds.skipped_of((CONTRACT, MEETING), partner_id), *time_incomplete(ds)})


def partner_incomplete(ds: Dataset, partner_id: str) -> list[str]:
    """Everything a partner's page or report may lack: its fees' files, and its dates' and hours'."""
    return sorted({*fees_incomplete(ds, partner_id), *partner_dates_incomplete(ds, partner_id)})


def workspace_incomplete(ds: Dataset) -> list[str]:
    """Everything a report of the whole workspace (the month in review) may lack."""
    return sorted({*fees_incomplete(ds), *time_incomplete(ds), *ds.skipped_of((CONTRACT,))})


def anything_incomplete(ds: Dataset) -> bool:
    """Whether any figure may lack what a file holds: a file skipped or read only in part."""
    return bool(all_incomplete(ds))


def all_incomplete(ds: Dataset) -> list[str]:
    """Every file whose content some figure may lack: skipped, read in part, or haru.yaml when broken."""
    return sorted({*(s.path for s in ds.skipped_files.values()), *ds.partly_read,
                   *(["haru.yaml"] if ds.settings_broken else [])})


# --- the same entry twice -------------------------------------------------------------------------------


def payment_key(p: Payment) -> Hashable:
    """Two client payments of one referral on one day of one amount are one payment recorded twice."""
    return (p.date, p.amount)


def time_key(e: TimeEntry) -> Hashable:
    """Time entries alike in date, time spent, area and note (SPEC §15)."""
    return (e.date, e.spent, e.area, (e.note or "").strip())


def evaluation_key(e: Evaluation) -> Hashable:
    """One student's oral reports on one assignment on one day."""
    return (e.assignment, e.date)


def action_key(a: Action) -> Hashable:
    """One meeting's action items alike in task, owner and due date: one item added twice."""
    return (a.task.strip(), (a.owner or "").strip(), a.due)


def measurement_key(m: Measurement) -> Hashable:
    """One automation measured on one day to the same minutes and runs: one measurement recorded twice."""
    return (m.date, m.minutes, m.per_month)


TWINS: dict[str, tuple[str, Callable[[Any], Hashable]]] = {
    # record type → the list of entries in it, and what makes two of them the same
    REFERRAL.name: ("payments", payment_key),
    TIME.name: ("entries", time_key),
    STUDENT.name: ("evaluations", evaluation_key),
    MEETING.name: ("actions", action_key),
    AUTOMATION.name: ("measurements", measurement_key),
}


def twins(entries: Sequence[E], key: Callable[[E], Hashable]) -> Iterator[tuple[int, int]]:
    """(index, index of the first one like it) for every entry that repeats an earlier one."""
    first: dict[Hashable, int] = {}
    for i, entry in enumerate(entries):
        j = first.setdefault(key(entry), i)
        if j != i:
            yield i, j
