"""Joint projects and the synergy pipeline (SPEC §12.3, strategy 2 and 3): when a project's next progress
meeting is due, and the opportunities by stage — pure, for an explicit today."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Meeting, Opportunity, Project, Stage
from haru_cli.records.values import Duration

STAGES: tuple[Stage, ...] = typing.get_args(Stage)
OPEN_STAGES = {"idea", "proposed", "agreed", "in_progress"}
CADENCE = {"weekly": Duration(1, "w"), "biweekly": Duration(2, "w"), "monthly": Duration(1, "m")}


def meetings_of(ds: Dataset, project: Project) -> list[Meeting]:
    """The project's meetings, oldest first."""
    return sorted((m for m in ds.meetings.values() if m.project == project.id), key=lambda m: (m.date, m.id))


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


@dataclass(frozen=True)
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
