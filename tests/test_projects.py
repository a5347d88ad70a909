"""Joint projects and the synergy pipeline (SPEC §12): progress-meeting dates and the pipeline against a
second formulation from the SPEC's words; the commands and checks as a user meets them."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.models import Meeting, Opportunity, Project, StageChange
from haru_cli.rules.projects import STAGES, days_in_stage, next_progress_meeting, pipeline
from tests.helpers import PROJECTS, TODAY, Haru, WorkspaceFactory

STEP = {"weekly": 7, "biweekly": 14}


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


def test_pipeline_and_moving_an_opportunity(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(PROJECTS)
    data = json.loads(haru("--data", root, *TODAY, "pipeline", "--format", "json").stdout)
    assert [s["stage"] for s in data["stages"]] == list(STAGES)
    proposed = next(s for s in data["stages"] if s["stage"] == "proposed")
    assert proposed["count"] == 1 and proposed["value"] == 500000
    assert proposed["opportunities"][0] | {} == {"id": "case", "title": "導入事例", "partners": ["ueda"],
                                                  "synergy": "case_study", "value": 500000, "days_in_stage": 20,
                                                  "next": "原稿レビュー", "due": "2026-11-20", "overdue": True}
    before = (root / "opportunities/case.yaml").read_text(encoding="utf-8").splitlines()
    moved = haru("--data", root, *TODAY, "opportunity", "move", "case", "agreed", "--note", "定例で合意")
    assert moved.exit_code == 0, moved.output
    after = (root / "opportunities/case.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert changed == [("stage: proposed", "stage: agreed")] and len(after) == len(before) + 1
    assert after[-1] == "  - {date: 2026-11-27, stage: agreed, note: 定例で合意}"
    dropped = haru("--data", root, *TODAY, "--lang", "en", "opportunity", "move", "seminar", "dropped")
    assert dropped.exit_code == 1 and "says why" in dropped.stderr
    assert haru("--data", root, "opportunity", "move", "case", "done").exit_code == 2


def test_a_project_with_its_meetings_and_dates(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(PROJECTS)
    shown = json.loads(haru("--data", root, *TODAY, "project", "show", "tool", "--format", "json").stdout)
    assert (shown["next_meeting"], shown["hours"], shown["meetings"]) == ("2026-11-24", 1.5, ["tool-1"])
    text = haru("--data", root, *TODAY, "project", "show", "tool").stdout
    assert "β版は 12 月に" in text and "社長" in text
    report = haru("--data", root, *TODAY, "report", "project", "tool").stdout
    assert "# 進捗会議: ツール共同開発" in report and "β版は 12 月に" in report
    items = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "14d", "--format", "json").stdout)
    mine = [(i["kind"], i["date"], i["overdue"]) for i in items["items"]
            if i["kind"] in ("project_meeting", "milestone", "opportunity")]
    assert mine == [("opportunity", "2026-11-20", True), ("project_meeting", "2026-11-24", True),
                    ("milestone", "2026-12-05", False)]
    partner = json.loads(haru("--data", root, *TODAY, "partner", "show", "ueda", "--format", "json").stdout)
    assert partner["projects"] == ["tool"] and [o["id"] for o in partner["opportunities"]] == ["case", "seminar"]


CASE = str(PROJECTS["opportunities/case.yaml"])
TOOL = str(PROJECTS["projects/tool.yaml"])


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


def test_show_gives_decisions_and_open_actions_and_a_move_goes_somewhere(workspace: WorkspaceFactory,
                                                                         haru: Haru) -> None:
    meeting = str(PROJECTS["meetings/2026/tool-1.yaml"]) + "actions:\n  - {task: 見積, due: 2026-12-01}\n"
    root = workspace({**PROJECTS, "meetings/2026/tool-1.yaml": meeting})
    shown = json.loads(haru("--data", root, *TODAY, "project", "show", "tool", "--format", "json").stdout)
    assert shown["meeting_log"][0]["decisions"] == ["β版は 12 月に"]
    assert [a["task"] for a in shown["open_actions"]] == ["見積"]
    same = haru("--data", root, *TODAY, "--lang", "en", "opportunity", "move", "case", "proposed")
    assert same.exit_code == 1 and "at proposed already" in same.stderr


def test_time_logged_for_a_project_names_one_there_is(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(PROJECTS)
    wrong = haru("--data", root, *TODAY, "--lang", "en", "time", "log", "1h", "product", "--project", "nosuch")
    assert wrong.exit_code == 1 and "no project 'nosuch'" in wrong.stderr
    assert haru("--data", root, *TODAY, "time", "log", "1h", "product", "--project", "tool").exit_code == 0
    shown = json.loads(haru("--data", root, *TODAY, "project", "show", "tool", "--format", "json").stdout)
    assert shown["hours"] == 2.5  # the meeting's 90 minutes and the hour logged
