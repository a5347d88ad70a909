"""What happened with a partner: meetings, open action items, the 社長's hours (strategy 3.4) — pure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from haru_cli.records.frozen import frozen
from haru_cli.records.models import Action, Meeting, Settings
from haru_cli.rules.dated import Item, Window, action_uid

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset


def last_meeting(ds: Dataset, partner_id: str, today: date) -> Meeting | None:
    """The latest meeting held (dated today or earlier) with the partner."""
    return next((m for m in ds.meetings_of(partner_id) if m.date <= today), None)


@frozen
class OpenAction:
    """An action item (not done yet, unless asked for all), with the meeting that agreed it."""

    meeting: Meeting
    index: int  # position in the meeting's actions: with the meeting's id, the action's identity
    action: Action
    overdue: bool

    @property
    def n(self) -> int:
        """Its number as `haru action done MEETING N` takes it: 1 for the meeting's first action."""
        return self.index + 1


def open_actions(ds: Dataset, today: date, partner_id: str | None = None, *,
                 include_done: bool = False) -> list[OpenAction]:
    """Action items not done (every one with include_done), earliest due first (those without a due
    date last), of the meetings held by today."""
    meetings = ds.meetings.values() if partner_id is None else ds.meetings_of(partner_id)
    return actions_of(meetings, today, include_done=include_done)


def actions_of(meetings: Iterable[Meeting], today: date, *, include_done: bool = False) -> list[OpenAction]:
    """open_actions of these meetings only (a project's): in the same order, whatever the meetings' order."""
    found = [
        OpenAction(m, i, a, not a.done and a.due is not None and a.due < today)
        for m in meetings
        if m.date <= today
        for i, a in enumerate(m.actions)
        if include_done or not a.done
    ]
    return sorted(found, key=lambda o: (o.action.due or date.max, o.meeting.date, o.meeting.id, o.index))


def fiscal_year_start(settings: Settings, today: date) -> date:
    """The first day of the fiscal year that holds today (fiscal_year_start is its first month)."""
    month = settings.fiscal_year_start
    return date(today.year if today.month >= month else today.year - 1, month, 1)


DATED_KINDS = ("action",)


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """Open action items due by `until`."""
    for o in open_actions(ds, when.today):
        due = o.action.due
        if due is not None and due <= when.until:
            earlier = sum(a.task.strip() == o.action.task.strip() for a in o.meeting.actions[:o.index])
            yield Item(due, "action", o.meeting.partners[0], o.action.task, o.meeting.id, o.overdue,
                       ("meeting", o.meeting.id), action_uid(o.meeting.id, o.action.task, earlier))
