"""Meetings, open actions and the 社長's hours (strategy 3.4)."""

from __future__ import annotations

from datetime import date

from haru_cli.records.models import Settings
from haru_cli.rules.activity import fiscal_year_start, open_actions
from tests.helpers import Haru, WorkspaceFactory, load_workspace


def test_fiscal_year_start() -> None:
    settings = Settings()  # April
    assert fiscal_year_start(settings, date(2026, 11, 27)) == date(2026, 4, 1)
    assert fiscal_year_start(settings, date(2027, 3, 31)) == date(2026, 4, 1)
    assert fiscal_year_start(Settings(fiscal_year_start=1), date(2026, 11, 27)) == date(2026, 1, 1)


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


def test_meetings_after_today_have_not_happened(workspace: WorkspaceFactory, haru: Haru) -> None:
    from datetime import date

    from haru_cli.rules.activity import open_actions
    from haru_cli.rules.schedule import next_regular_meeting

    root = workspace({"meetings/2026/2026-12-20-ueda-regular.yaml": "id: 2026-12-20-ueda-regular\npartners: [ueda]\n"
                                                                    "date: 2026-12-20\nkind: regular\n"
                                                                    "actions: [{task: later, due: 2026-12-01}]\n"})
    ds = load_workspace(root)
    regular = next_regular_meeting(ds, ds.partners["ueda"], date(2026, 11, 27))
    assert regular is not None and regular.due == date(2026, 12, 10)  # from 11-10, not from the 12-20 log
    assert [o.action.task for o in open_actions(ds, date(2026, 11, 27))] == []
