"""Joint projects and the synergy pipeline (SPEC §12): progress-meeting dates and the pipeline against a
second formulation from the SPEC's words; the commands and checks as a user meets them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.models import Meeting, Opportunity, Project, StageChange
from haru_cli.rules.projects import STAGES, days_in_stage, next_progress_meeting, pipeline
from tests.helpers import PROJECTS, Haru, WorkspaceFactory

STEP = {"weekly": 7, "biweekly": 14}


CASE = str(PROJECTS["opportunities/case.yaml"])


TOOL = str(PROJECTS["projects/tool.yaml"])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["weekly", "biweekly", "monthly", "none"]), st.sampled_from(["active", "done"]),
       st.lists(st.tuples(st.integers(0, 200), st.sampled_from(["project", "regular"]), st.booleans()), max_size=6))
def test_the_next_progress_meeting_is_one_cadence_after_the_latest(cadence: str, status: str,
                                                                  held: list[tuple[int, str, bool]]) -> None:
    from pathlib import Path

    from haru_cli.records.dataset import Dataset

    start = date(2026, 1, 31)
    project = Project(id="p", title="t", partners=["a"], start=start, cadence=cadence, status=status)  # type: ignore[arg-type]
    meetings = [Meeting(id=f"m{i}", partners=["a"], date=start + timedelta(days=d), kind=kind,  # type: ignore[arg-type]
                        project="p" if mine else None) for i, (d, kind, mine) in enumerate(held)]
    ds = Dataset(root=Path("."))
    ds.tables["project"] = {"p": project}
    ds.tables["meeting"] = {m.id: m for m in meetings}
    got = next_progress_meeting(ds, project)
    if status != "active" or cadence == "none":
        assert got is None
        return
    latest = max([m.date for m in meetings if m.kind == "project" and m.project == "p"], default=start)
    if cadence == "monthly":  # the same day next month, or that month's last day (1/31 → 2/28)
        year, month = (latest.year + latest.month // 12, latest.month % 12 + 1)
        last_day = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        expected = date(year, month, min(latest.day, last_day))
    else:
        expected = latest + timedelta(days=STEP[cadence])
    assert got == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(STAGES), st.none() | st.integers(0, 10**6),
                          st.lists(st.integers(0, 300), min_size=1, max_size=4)), max_size=10))
def test_the_pipeline_shows_every_stage_and_counts_each_opportunity_once(
        found: list[tuple[str, int | None, list[int]]]) -> None:
    from pathlib import Path

    from haru_cli.records.dataset import Dataset

    today = date(2026, 12, 1)
    chances = []
    for i, (stage, value, offsets) in enumerate(found):
        days = sorted(offsets)
        chances.append(Opportunity(id=f"o{i}", title="t", partners=["a"], synergy="content", stage=stage,  # type: ignore[arg-type]
                                   value=value, history=[StageChange(date=date(2026, 1, 1) + timedelta(days=d),
                                                                     stage=stage) for d in days]))  # type: ignore[arg-type]
    ds = Dataset(root=Path("."))
    ds.tables["opportunity"] = {o.id: o for o in chances}
    rows = pipeline(ds)
    assert [r.stage for r in rows] == list(STAGES)
    for r in rows:
        mine = [o for o in chances if o.stage == r.stage]
        assert sorted(o.id for o in r.opportunities) == sorted(o.id for o in mine)
        assert r.value == sum(o.value or 0 for o in mine)
    for o in chances:
        assert days_in_stage(o, today) == (today - max(h.date for h in o.history)).days


@pytest.mark.parametrize(("path", "text", "said"), [
    ("opportunities/case.yaml", CASE.replace("2026-11-07", "2026-09-07"), "history goes oldest first"),
    ("opportunities/case.yaml", CASE.replace("stage: proposed\n", "stage: agreed\n", 1),
     "stage: agreed is not the last stage of history, proposed"),
    ("opportunities/case.yaml", CASE.replace("synergy: case_study", "synergy: friendship"), "error[enum]"),
    ("projects/tool.yaml", TOOL.replace("done: 2026-08-28", "done: 2026-04-28"), "is before the project started"),
    ("projects/tool.yaml", TOOL.replace("partners: [ueda]", "partners: [nobody]"), "error[ref-partner]"),
    ("meetings/2026/tool-1.yaml", str(PROJECTS["meetings/2026/tool-1.yaml"]).replace("project: tool",
                                                                                      "project: none-such"),
     "error[ref-project]"),
])
def test_projects_and_opportunities_are_checked(workspace: WorkspaceFactory, haru: Haru, path: str, text: str,
                                                said: str) -> None:
    result = haru("--data", workspace({**PROJECTS, path: text}), "--lang", "en", "validate")
    assert result.exit_code == 1 and said in result.stdout, result.stdout
