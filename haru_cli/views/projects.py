"""Joint projects and the pipeline as output (SPEC §12.3). Pure: the dates come from rules.projects."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Meeting, Opportunity, Project, as_json
from haru_cli.records.text import natural
from haru_cli.rules.activity import OpenAction, actions_of
from haru_cli.rules.projects import (
    StageRow,
    days_in_stage,
    meetings_of,
    next_progress_meeting,
    next_step_overdue,
    opportunities_of,
)
from haru_cli.rules.time import as_hours, entries_of_project
from haru_cli.views.names import partner_names
from haru_cli.views.shapes import Day, Document, Link, Money, Quantity, Row, Section, Table, Text, Value


def hours_of(ds: Dataset, p: Project) -> Decimal:
    """Hours spent on the project (to 2 decimals): its meetings' minutes (a joint meeting's, in full) and
    time logged for it."""
    minutes = sum((Decimal(m.minutes or 0) for m in meetings_of(ds, p)), Decimal(0))
    minutes += sum((e.spent for e in entries_of_project(ds, p.id)), Decimal(0))
    return as_hours(minutes)


@frozen
class ProjectView:
    """A project with what every rendering of it shows — its JSON, its table row and document, its report's
    context — worked out once."""

    project: Project
    partners: str  # their names, joined
    next_meeting: date | None
    overdue: bool  # its next progress meeting is past
    hours: Decimal
    meetings: tuple[Meeting, ...]  # oldest first
    open_actions: tuple[OpenAction, ...]
    opportunities: tuple[Opportunity, ...]
    today: date


def project_view(ds: Dataset, p: Project, today: date, t: Translator) -> ProjectView:
    due = next_progress_meeting(ds, p)
    meetings = meetings_of(ds, p)
    return ProjectView(
        p, partner_names(ds, list(p.partners), t), due, due is not None and due < today, hours_of(ds, p),
        tuple(meetings), tuple(actions_of(meetings, today)), tuple(opportunities_of(ds, p)), today)


def project_json(v: ProjectView, *, whole: bool = False) -> dict[str, Any]:
    """A project with its next progress meeting and hours; `whole` (show) adds its meetings' decisions and
    its open actions."""
    due = v.next_meeting
    found = {**as_json(v.project), "next_meeting": due.isoformat() if due else None,
             "next_meeting_overdue": v.overdue, "hours": float(v.hours), "meetings": [m.id for m in v.meetings]}
    if whole:
        found["meeting_log"] = [{"id": m.id, "date": m.date.isoformat(), "kind": m.kind, "minutes": m.minutes,
                                 "decisions": list(m.decisions)} for m in reversed(v.meetings)]
        found["open_actions"] = [{"meeting": o.meeting.id, "task": o.action.task, "owner": o.action.owner,
                                  "due": o.action.due.isoformat() if o.action.due else None, "overdue": o.overdue}
                                 for o in v.open_actions]
    return found


PROJECT_HEADINGS = ["project.title", "partners", "status", "start", "end", "project.next_meeting",
                    "project.milestones", "project.hours"]


def _next_meeting(v: ProjectView, t: Translator) -> Day:
    due = v.next_meeting
    return Day(due, t.days(due, v.today) if due else "", t("overdue") if v.overdue else "", markable=True)


def projects_table(views: list[ProjectView], t: Translator) -> Table:
    rows: list[Row] = []
    for v in views:
        p = v.project
        done = sum(1 for m in p.milestones if m.done)
        rows.append([p.title, v.partners, t.value("project_status", p.status), Day(p.start), Day(p.end),
                     _next_meeting(v, t), f"{done}/{len(p.milestones)}", Quantity(v.hours, t.hours(v.hours))])
    return Table([t(h) for h in PROJECT_HEADINGS], rows, t("project.none"))


def project_document(v: ProjectView, t: Translator) -> Document:
    p, today = v.project, v.today
    fields: list[tuple[str, Value]] = [
              (t("id"), p.id), (t("partners"), v.partners), (t("contract"), p.contract),
              (t("status"), t.value("project_status", p.status)), (t("start"), Day(p.start)), (t("end"), Day(p.end)),
              (t("project.goal"), p.goal), (t("project.cadence"), t.value("project_cadence", p.cadence)),
              (t("project.next_meeting"), _next_meeting(v, t)),
              (t("project.hours"), Quantity(v.hours, t.hours(v.hours)))]
    team: list[Row] = [[m.name, m.org, m.role] for m in p.team]
    steps: list[Row] = [[m.title, Day(m.due, "", t("overdue") if m.done is None and m.due < today else "",
                                      markable=True), Day(m.done)] for m in p.milestones]
    meetings: list[Row] = [[Day(m.date), t.value("meeting_kind", m.kind), str(m.minutes or ""),
                            Text(t.join(m.decisions) or "—")] for m in reversed(v.meetings)]
    actions: list[Row] = [[Day(o.action.due, "", t("overdue") if o.overdue else "", markable=True), o.action.task,
                           o.action.owner, o.meeting.id] for o in v.open_actions]
    return Document(p.title, [
        Section(t("project.profile"), fields=fields),
        Section(t("project.team"), headings=[t("name"), t("project.org"), t("project.role")], rows=team,
                empty=t("none_found")),
        Section(t("project.milestones"), headings=[t("project.milestone"), t("vendor.due"), t("project.done")],
                rows=steps, empty=t("none_found")),
        Section(t("project.meetings"), headings=[t("date"), t("kind"), t("minutes"), t("project.decisions")],
                rows=meetings, empty=t("none_found")),
        Section(t("project.actions"), headings=[t("due"), t("task"), t("owner"), t("meeting")], rows=actions,
                empty=t("none_found")),
    ])


def opportunity_json(o: Opportunity, today: date) -> dict[str, Any]:
    return {"id": o.id, "title": o.title, "partners": list(o.partners), "synergy": o.synergy, "value": o.value,
            "days_in_stage": days_in_stage(o, today), "next": o.next,
            "due": o.due.isoformat() if o.due else None, "overdue": next_step_overdue(o, today)}


def pipeline_json(rows: list[StageRow], today: date) -> dict[str, Any]:
    return {"today": today.isoformat(), "stages": [
        {"stage": r.stage, "count": len(r.opportunities), "value": r.value,
         "opportunities": [opportunity_json(o, today) for o in r.opportunities]} for r in rows]}


PIPELINE_HEADINGS = ["pipeline.stage", "id", "project.title", "partners", "pipeline.synergy", "pipeline.value",
                     "pipeline.days", "pipeline.next", "due"]


def pipeline_table(ds: Dataset, rows: list[StageRow], today: date, t: Translator) -> Table:
    """One row per opportunity under its stage; a stage with none still has its row (every stage shows)."""
    out: list[Row] = []
    for r in rows:
        label = f"{t.value('stage', r.stage)} ({len(r.opportunities)} · {t.yen(r.value)})"
        if not r.opportunities:
            out.append([label, None, None, None, None, None, None, None, None])
        for o in r.opportunities:  # the stage on every row, so that a spreadsheet can sort and filter by it
            late = next_step_overdue(o, today)
            days = days_in_stage(o, today)
            out.append([label, o.id, o.title, partner_names(ds, list(o.partners), t),
                        t.value("synergy", o.synergy), Money(o.value) if o.value is not None else None,
                        str(days) if days is not None else None, o.next,
                        Day(o.due, t.days(o.due, today) if o.due else "", t("overdue") if late else "", markable=True)])
    return Table([t(h) for h in PIPELINE_HEADINGS], out, t("pipeline.none"))


def report_context(v: ProjectView) -> dict[str, Any]:
    """What the progress meeting's template is given: plain values only."""
    return {
        "p": v.project, "next_meeting": v.next_meeting, "hours": v.hours,
        "milestones": [{"title": m.title, "due": m.due, "done": m.done, "overdue": m.done is None and m.due < v.today}
                       for m in v.project.milestones],
        "meetings": [{"date": m.date, "kind": m.kind, "decisions": list(m.decisions)}
                     for m in reversed(v.meetings) if m.decisions],
        "actions": [{"due": o.action.due, "task": o.action.task, "owner": o.action.owner, "overdue": o.overdue}
                    for o in v.open_actions],
        "opportunities": [{"title": o.title, "stage": o.stage, "next": o.next, "due": o.due} for o in v.opportunities],
    }


def partner_sections(ds: Dataset, partner_id: str, today: date, t: Translator) -> tuple[dict[str, Any], list[Section]]:
    """A partner's projects and opportunities, for partner show: as JSON and as sections."""
    # indexes by partner, sorted once per dataset: every partner's page asks
    projects = ds.index("projects_of_partner",
                        lambda: sorted(ds.projects.values(), key=lambda p: (p.start, natural(p.id))),
                        lambda p: list(p.partners)).get(partner_id, [])
    chances = ds.index("opportunities_of_partner",
                       lambda: sorted(ds.opportunities.values(), key=lambda o: natural(o.id)),
                       lambda o: list(o.partners)).get(partner_id, [])
    data = {"projects": [p.id for p in projects], "opportunities": [
        {**opportunity_json(o, today), "stage": o.stage} for o in chances]}
    sections = []
    if projects:
        table = projects_table([project_view(ds, p, today, t) for p in projects], t)
        sections.append(Section(t("project.list_title"), headings=table.headings, rows=table.rows,
                                links=[Link("project", p.id) for p in projects]))
    if chances:
        rows: list[Row] = [[o.title, t.value("stage", o.stage), t.value("synergy", o.synergy), o.next,
                            Day(o.due, t.days(o.due, today) if o.due else "",
                                t("overdue") if next_step_overdue(o, today) else "", markable=True)]
                           for o in chances]
        sections.append(Section(t("project.opportunities"), headings=[
            t("project.title"), t("pipeline.stage"), t("pipeline.synergy"), t("pipeline.next"), t("due")], rows=rows,
            links=[Link("opportunity", o.id) for o in chances]))
    return data, sections
