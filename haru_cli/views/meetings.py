"""Meetings and their action items on screen (SPEC §8): `action list`, `meeting list`, `meeting show`."""

from __future__ import annotations

from datetime import date
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Meeting, as_json
from haru_cli.rules.activity import OpenAction
from haru_cli.views.names import partner_names
from haru_cli.views.partners import marked, meeting_row
from haru_cli.views.shapes import Day, Document, Row, Section, Table, Value

# --- action list -------------------------------------------------------------------------------------

ACTION_HEADINGS = ["due", "task", "owner", "partner", "meeting", "action_n", "done"]


def actions_json(found: list[OpenAction], today: date) -> dict[str, Any]:
    return {"today": today.isoformat(), "actions": [{
        "meeting": o.meeting.id, "n": o.n, "partners": o.meeting.partners, "date": o.meeting.date.isoformat(),
        "task": o.action.task, "owner": o.action.owner, "due": o.action.due.isoformat() if o.action.due else None,
        "done": o.action.done, "overdue": o.overdue,
    } for o in found]}


def actions_table(ds: Dataset, found: list[OpenAction], t: Translator) -> Table:
    """Numbered as `haru action done MEETING N` takes them."""
    rows: list[Row] = [
        [marked(o.action.due, o.overdue, "overdue", t), o.action.task, o.action.owner,
         partner_names(ds, o.meeting.partners, t), o.meeting.id, str(o.n), t.yesno(o.action.done)]
        for o in found
    ]
    return Table([t(h) for h in ACTION_HEADINGS], rows, t("actions.none"))


# --- meeting list | show -----------------------------------------------------------------------------

MEETING_HEADINGS = ["date", "kind", "minutes", "summary", "partner", "id"]


def meetings_json(found: list[Meeting]) -> dict[str, Any]:
    return {"meetings": [as_json(m) for m in found]}


def meetings_table(ds: Dataset, found: list[Meeting], t: Translator) -> Table:
    rows = [[*meeting_row(m, t), partner_names(ds, m.partners, t), m.id] for m in found]
    return Table([t(h) for h in MEETING_HEADINGS], rows, t("none_found"))


def meeting_document(ds: Dataset, m: Meeting, today: date, t: Translator) -> Document:
    fields: list[tuple[str, Value]] = [
        (t("id"), m.id),
        (t("date"), Day(m.date)),
        (t("kind"), t.value("meeting_kind", m.kind)),
        (t("partner"), partner_names(ds, m.partners, t)),
        (t("contract"), m.contract),
        (t("minutes"), str(m.minutes) if m.minutes is not None else None),
        (t("attendees"), t.join(m.attendees) if m.attendees else None),
        (t("next"), Day(m.next)),
    ]
    if m.summary:
        fields.append((t("summary"), m.summary.strip()))
    sections = [Section(t("meeting"), fields=fields)]
    if m.decisions:
        sections.append(Section(t("decisions"), headings=[t("decision")], rows=[[d] for d in m.decisions]))
    if m.actions:
        rows: list[Row] = [
            [str(n), a.task, a.owner, marked(a.due, not a.done and a.due is not None and a.due < today, "overdue", t),
             t.yesno(a.done)]
            for n, a in enumerate(m.actions, start=1)
        ]
        sections.append(Section(t("actions"), headings=[t("action_n"), t("task"), t("owner"), t("due"), t("done")],
                                rows=rows))
    if m.feedback is not None:
        feedback: list[tuple[str, Value]] = [
            (t("satisfaction"), str(m.feedback.satisfaction) if m.feedback.satisfaction is not None else None),
            (t("comments"), (m.feedback.comments or "").strip() or None),
        ]
        sections.append(Section(t("feedback"), fields=feedback))
    return Document(f"{m.date.isoformat()} {t.value('meeting_kind', m.kind)} — {partner_names(ds, m.partners, t)}",
                    sections)
