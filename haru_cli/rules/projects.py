"""Joint projects and the synergy pipeline (SPEC §12.3, strategy 2 and 3): when a project's next progress
meeting is due, and the opportunities by stage — pure, for an explicit today."""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterator
from datetime import date

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Meeting, Opportunity, Project, Stage
from haru_cli.records.problems import Finding, finding
from haru_cli.records.registry import MEETING, OPPORTUNITY, PROJECT
from haru_cli.records.text import natural
from haru_cli.records.values import Duration
from haru_cli.rules.dated import Item, Window, uid

STAGES: tuple[Stage, ...] = typing.get_args(Stage)
OPEN_STAGES = {"idea", "proposed", "agreed", "in_progress"}
CADENCE = {"weekly": Duration(1, "w"), "biweekly": Duration(2, "w"), "monthly": Duration(1, "m")}


def meetings_of(ds: Dataset, project: Project) -> list[Meeting]:
    """The project's meetings, oldest first (an index of every meeting by project, built once per dataset)."""
    return list(ds.index("meetings_of_project", lambda: sorted(ds.meetings.values(), key=lambda m: (m.date, m.id)),
                         lambda m: [m.project] if m.project else []).get(project.id, []))


def opportunities_of(ds: Dataset, project: Project) -> list[Opportunity]:
    """The opportunities related to the project, by id (numbers counted)."""
    return list(ds.index("opportunities_of_project",
                         lambda: sorted(ds.opportunities.values(), key=lambda o: natural(o.id)),
                         lambda o: [o.project] if o.project else []).get(project.id, []))


def next_progress_meeting(ds: Dataset, project: Project) -> date | None:
    """One cadence after the latest meeting of kind `project` naming it (or after `start`); none for a
    project that is not active or meets on no cadence."""
    if project.status != "active" or project.cadence == "none":
        return None
    held = [m.date for m in meetings_of(ds, project) if m.kind == "project"]
    return CADENCE[project.cadence].after(max(held, default=project.start))


def entered(o: Opportunity) -> date | None:
    """The day it reached its stage: its last history entry's."""
    return o.history[-1].date if o.history else None


def days_in_stage(o: Opportunity, today: date) -> int | None:
    day = entered(o)
    return None if day is None else (today - day).days


def next_step_overdue(o: Opportunity, today: date) -> bool:
    """Its next step was due before today, and it is still open (not delivered, not dropped)."""
    return o.due is not None and o.due < today and o.stage in OPEN_STAGES


@frozen
class StageRow:
    stage: Stage
    opportunities: list[Opportunity]

    @property
    def value(self) -> int:
        return sum(o.value or 0 for o in self.opportunities)


def pipeline(ds: Dataset, synergy: str | None = None, partner_id: str | None = None) -> list[StageRow]:
    """Every stage in order, empty ones too, with its opportunities (due first, then id)."""
    found = [o for o in ds.opportunities.values()
             if (synergy is None or o.synergy == synergy) and (partner_id is None or partner_id in o.partners)]
    return [StageRow(stage, sorted((o for o in found if o.stage == stage),
                                   key=lambda o: (o.due is None, o.due or date.max, o.id))) for stage in STAGES]


def open_opportunities(ds: Dataset) -> list[Opportunity]:
    """The opportunities still in play (not delivered, not dropped): the pipeline's open value is theirs."""
    return [o for o in ds.opportunities.values() if o.stage in OPEN_STAGES]


DATED_KINDS = ("project_meeting", "milestone", "opportunity")


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """Joint projects' progress meetings and milestones (SPEC §12.3), and the pipeline's next steps, due by
    `until`."""
    today, until = when.today, when.until
    for p in ds.projects.values():
        due = next_progress_meeting(ds, p)
        if due is not None and due <= until:
            yield Item(due, "project_meeting", p.partners[0], p.title, p.id, due < today, ("project", p.id),
                       uid("project_meeting", p.id))
        for step in p.milestones:
            if step.done is None and step.due <= until and p.status in ("planned", "active"):
                yield Item(step.due, "milestone", p.partners[0], step.title, p.id, step.due < today,
                           ("project", p.id), uid("milestone", p.id, hashlib.sha256(
                               step.title.encode("utf-8")).hexdigest()[:16]))  # by title, not place
    for chance in ds.opportunities.values():
        if chance.due is not None and chance.due <= until and chance.stage in OPEN_STAGES:
            yield Item(chance.due, "opportunity", chance.partners[0], chance.next or chance.title, chance.id,
                       next_step_overdue(chance, today), ("opportunity", chance.id),
                       uid("opportunity", chance.id, chance.due))


# --- checks (SPEC §6) ---------------------------------------------------------------------------------


def check_projects(ds: Dataset) -> Iterator[Finding]:
    """A project's contract is one of its partners', its milestones done after it started, and a meeting of
    it one of its partners'; an opportunity's history runs forward and ends at its stage, a dropped one
    saying why (SPEC §12.3)."""
    for p in ds.projects.values():
        contract = ds.contracts.get(p.contract) if p.contract else None
        if contract is not None and contract.partner not in p.partners:
            yield finding(PROJECT, p.id, ("contract",), "project", "project.contract", ref=contract.id,
                          owner=contract.owner)
        for i, step in enumerate(p.milestones):
            if step.done is not None and step.done < p.start:
                yield finding(PROJECT, p.id, ("milestones", i, "done"), "project", "project.done-before",
                              done=step.done.isoformat(), start=p.start.isoformat())
        if p.end is not None and p.end < p.start:
            yield finding(PROJECT, p.id, ("end",), "date-order", "date-order.end", end=p.end.isoformat(),
                          start=p.start.isoformat())
    for m in ds.meetings.values():
        project = ds.projects.get(m.project) if m.project else None
        if project is not None and not set(project.partners) & set(m.partners):
            yield finding(MEETING, m.id, ("project",), "project", "project.meeting", ref=project.id)
    for o in ds.opportunities.values():
        for i in range(1, len(o.history)):
            if o.history[i].date < o.history[i - 1].date:
                yield finding(OPPORTUNITY, o.id, ("history", i, "date"), "opportunity", "opportunity.order",
                              date=o.history[i].date.isoformat(), before=o.history[i - 1].date.isoformat())
        if o.history and o.history[-1].stage != o.stage:
            yield finding(OPPORTUNITY, o.id, ("stage",), "opportunity", "opportunity.stage", stage=o.stage,
                          last=o.history[-1].stage)
        if o.stage == "dropped" and not (o.history and (o.history[-1].note or "").strip()):
            yield finding(OPPORTUNITY, o.id, ("history",) if o.history else ("stage",), "opportunity",
                          "opportunity.dropped", key=True)


CHECKS = [check_projects]
