"""Meetings, open actions and the 社長's hours (strategy 3.4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from haru_cli.load.loader import load_workspace
from haru_cli.records.models import Settings
from haru_cli.rules.activity import fiscal_year_start, hours, open_actions
from tests.helpers import WorkspaceFactory


def test_fiscal_year_start() -> None:
    settings = Settings()  # April
    assert fiscal_year_start(settings, date(2026, 11, 27)) == date(2026, 4, 1)
    assert fiscal_year_start(settings, date(2027, 3, 31)) == date(2026, 4, 1)
    assert fiscal_year_start(Settings(fiscal_year_start=1), date(2026, 11, 27)) == date(2026, 1, 1)


def test_joint_meeting_minutes_are_split_among_its_partners(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({
        "partners/spcom.yaml": "id: spcom\nname: x\n",
        "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom]\ndate: 2026-03-15\nminutes: 120\n",
    }))
    ueda = ds.meetings_of("ueda")
    assert [m.id for m in ueda] == ["2026-11-10-ueda-regular", "joint"]  # newest first
    assert hours(ueda) == Decimal("2.0")  # 60 + 120 / 2
    assert hours(ueda, since=date(2026, 4, 1)) == Decimal("1.0")
    assert hours(ds.meetings_of("spcom")) == Decimal("1.0")


def test_open_actions_earliest_due_first(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": """\
        id: 2026-11-10-ueda-regular
        partners: [ueda]
        date: 2026-11-10
        actions:
          - {task: later, due: 2026-12-20}
          - {task: no date}
          - {task: done, due: 2026-11-01, done: true}
          - {task: late, due: 2026-11-20}
        """}))
    found = open_actions(ds, date(2026, 11, 27), "ueda")
    assert [(o.action.task, o.overdue) for o in found] == [("late", True), ("later", False), ("no date", False)]
