"""Meetings, open actions and the 社長's hours (strategy 3.4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from haru_cli.load.loader import load_workspace
from haru_cli.records.models import Settings
from haru_cli.rules.activity import fiscal_year_start, open_actions
from haru_cli.rules.time import partner_minutes
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
    end = date(2026, 12, 31)
    assert partner_minutes(ds, "ueda", None, end) == Decimal(120)  # 60 + 120 / 2
    assert partner_minutes(ds, "ueda", date(2026, 4, 1), end) == Decimal(60)
    assert partner_minutes(ds, "spcom", None, end) == Decimal(60)


def test_a_partners_hours_are_its_meetings_and_its_time_entries(workspace: WorkspaceFactory) -> None:
    """SPEC §15: partner show's hours are time report --by partner's (one function says both)."""
    from haru_cli.rules.time import Period, minutes_by_partner, spent

    ds = load_workspace(workspace({
        "partners/spcom.yaml": "id: spcom\nname: x\n",
        "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom]\ndate: 2026-11-15\nminutes: 90\n",
        "time/2026/2026-11.yaml": "id: 2026-11\nentries:\n- {date: 2026-11-02, hours: 1.5, area: consulting, "
                                  "partner: ueda}\n- {date: 2026-11-03, minutes: 20, area: admin}\n",
    }))
    november = Period(date(2026, 11, 1), "month")
    report = minutes_by_partner(spent(ds), november.start, november.end)
    for partner in ("ueda", "spcom"):
        assert partner_minutes(ds, partner, november.start, november.end) == report[partner]
    # ueda: 60 (its own meeting of 11-10) + 45 (half the joint one) + 90 (logged)
    assert report == {"ueda": Decimal(195), "spcom": Decimal(45)}


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
