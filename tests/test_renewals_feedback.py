"""SPEC §4.1 renewals due and §4.2 feedback milestones on a workspace computed by hand.

As of 2026-11-27:
- alliance: yearly, ends 2027-01-31, notice 3m → deadline 2026-10-31 passed, term not ended.
- half: consulting, half-year terms from 2026-06-30, notice 1m → 2026-12-31 / deadline 2026-11-30;
  a feedback hearing on 2026-11-20 → its 2026-12-31 milestone is held.
- old: consulting without auto_renew, ended 2026-10-31 → expired, milestone 2026-10-31 not held.
- yearly: yearly from 2026-03-31, notice 1m → 2027-03-31 / deadline 2027-02-28.
- draft: not active, never listed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from haru_cli.load.loader import load_workspace
from haru_cli.rules.schedule import feedback_due, feedback_milestones, renewals_due
from haru_cli.rules.upcoming import upcoming
from tests.helpers import DAYS, SCENARIO, WorkspaceFactory

TODAY = date(2026, 11, 27)



@pytest.fixture
def scenario(workspace: WorkspaceFactory) -> Path:
    root = workspace(SCENARIO)
    assert load_workspace(root).problems == []
    return root


def renewals(root: Path, until: date, today: date = TODAY) -> list[tuple[str, str, str, bool]]:
    return [(r.contract.id, str(r.term_end), str(r.notice_deadline), r.expired)
            for r in renewals_due(load_workspace(root), today, until)]


def test_renewals_in_30_days(scenario: Path) -> None:
    assert renewals(scenario, date(2026, 12, 27)) == [
        ("old", "2026-10-31", "2026-10-31", True),  # expired: first
        ("half", "2026-12-31", "2026-11-30", False),
        ("ueda-referral", "2026-12-31", "2026-11-30", False),  # the base workspace's yearly contract
    ]


def test_a_passed_notice_deadline_is_listed_once_the_term_end_is_in_the_window(scenario: Path) -> None:
    found = renewals(scenario, date(2027, 3, 1))
    assert ("alliance", "2027-01-31", "2026-10-31", False) in found
    assert ("yearly", "2027-03-31", "2027-02-28", False) in found
    # Sorted by the earlier of the dates still ahead: half (11-30) before alliance (its end 1-31) before yearly (2-28).
    ids = [f[0] for f in found]
    assert ids.index("half") < ids.index("alliance") < ids.index("yearly")
    assert "draft" not in ids


def test_renewals_later_in_the_year(scenario: Path) -> None:
    # On 2027-06-01 the half-year contract's current term ends 2027-06-30; a month before is 2027-05-30.
    assert ("half", "2027-06-30", "2027-05-30", False) in renewals(scenario, date(2027, 7, 1), date(2027, 6, 1))


def test_feedback_milestones(scenario: Path) -> None:
    ds = load_workspace(scenario)
    found = [(m.contract.id, str(m.milestone), str(m.window_start), m.status, str(m.held_on))
             for m in feedback_due(ds, TODAY, date(2027, 1, 26), date(2026, 9, 28))]
    assert found == [
        ("old", "2026-10-31", "2026-09-01", "overdue", "None"),
        ("half", "2026-12-31", "2026-11-01", "held", "2026-11-20"),
    ]


def test_feedback_window_edges_and_contract_naming(workspace: WorkspaceFactory) -> None:
    root = workspace({
        **SCENARIO,
        # On the window's first day: counts. Naming another contract: does not.
        "meetings/2026/hearing.yaml": "id: hearing\npartners: [spcom]\ndate: 2026-09-01\nkind: feedback\n",
        "meetings/2026/other.yaml": "id: other\npartners: [spcom]\ndate: 2026-12-01\nkind: feedback\n"
                                    "contract: old\n",
    })
    ds = load_workspace(root)
    found = {(m.contract.id, str(m.milestone)): m.status
             for m in feedback_milestones(ds, date(2026, 1, 1), date(2026, 12, 31), TODAY)}
    assert found == {("old", "2026-10-31"): "held", ("half", "2026-06-30"): "overdue",
                     ("half", "2026-12-31"): "due", ("yearly", "2026-03-31"): "overdue"}


def test_upcoming_overdue_first_then_by_date(scenario: Path) -> None:
    ds = load_workspace(scenario)
    items = [(i.kind, i.ref, str(i.date), i.overdue)
             for i in upcoming(ds, TODAY, date(2026, 12, 11), date(2026, 11, 13), DAYS)]
    assert items == [
        ("regular_meeting", "spcom", "2026-02-01", True),  # monthly since 2026-01-01, never met
        ("notice_deadline", "alliance", "2026-10-31", True),  # passed without a decision: on until 2027-01-31
        ("term_end", "old", "2026-10-31", True),
        ("notice_deadline", "half", "2026-11-30", False),
        ("notice_deadline", "ueda-referral", "2026-11-30", False),
        ("draft", "draft", "2026-12-01", False),  # a draft about to start
        ("regular_meeting", "ueda", "2026-12-10", False),
    ]


def test_feedback_heard_in_any_meeting_holds_a_milestone(workspace: WorkspaceFactory) -> None:
    """SPEC §4.2: a meeting of kind feedback, or any meeting that records feedback."""
    regular = ("id: talk\npartners: [spcom]\ndate: 2026-12-10\nkind: regular\nfeedback: {satisfaction: 4}\n")
    ds = load_workspace(workspace({**SCENARIO, "meetings/2026/hearing.yaml": None,
                                   "meetings/2026/talk.yaml": regular}))
    [half] = [m for m in feedback_milestones(ds, date(2026, 12, 1), date(2026, 12, 31), TODAY)
              if m.contract.id == "half"]
    assert (half.status, half.held_on) == ("held", date(2026, 12, 10))
    plain = regular.replace("feedback: {satisfaction: 4}\n", "")
    ds = load_workspace(workspace({**SCENARIO, "meetings/2026/hearing.yaml": None, "meetings/2026/talk.yaml": plain}))
    [half] = [m for m in feedback_milestones(ds, date(2026, 12, 1), date(2026, 12, 31), TODAY)
              if m.contract.id == "half"]
    assert half.status == "due"
