"""haru upcoming: dated items, their JSON and iCalendar."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar

from tests.helpers import FEES, SCENARIO, TIME, TODAY, Haru, WorkspaceFactory


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(SCENARIO))


def test_upcoming_json(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "upcoming", "--within", "14d", "--format", "json")
    data = json.loads(result.stdout)
    assert data["until"] == "2026-12-11"
    assert data["items"][0] == {"date": "2026-02-01", "kind": "regular_meeting", "partner": "spcom",
                                "name": "株式会社S.P.COM", "subject": None, "ref": "spcom", "overdue": True,
                                "amount": None, "paid": None, "vendor": None}
    # A notice deadline that passed (alliance's) stays until its term ends, marked; a draft about to start
    # (or past its start) is listed too.
    assert [(i["kind"], i["ref"], i["overdue"]) for i in data["items"]] == [
        ("regular_meeting", "spcom", True), ("notice_deadline", "alliance", True), ("term_end", "old", True),
        ("notice_deadline", "half", False), ("notice_deadline", "ueda-referral", False), ("draft", "draft", False),
        ("regular_meeting", "ueda", False)]
    table = haru("--data", ws, *TODAY, "upcoming", "--within", "14d").stdout
    assert "2026-10-31 (予告期限経過)" in table


def test_upcoming_includes_open_actions(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": """\
        id: 2026-11-10-ueda-regular
        partners: [ueda]
        date: 2026-11-10
        kind: regular
        actions:
          - {task: 提案書を送付, owner: 社長, due: 2026-11-20}
          - {task: 見積, due: 2026-12-01}
          - {task: 済み, due: 2026-11-15, done: true}
          - {task: 来年, due: 2027-02-01}
        """})
    data = json.loads(haru("--data", root, *TODAY, "upcoming", "--format", "json").stdout)
    actions = [(i["subject"], i["date"], i["overdue"]) for i in data["items"] if i["kind"] == "action"]
    assert actions == [("提案書を送付", "2026-11-20", True), ("見積", "2026-12-01", False)]


@pytest.mark.parametrize("command", [["renewals", "--due", "90d"], ["feedback", "--due", "60d"],
                                     ["upcoming", "--within", "30d"]])
def test_ics_imports_cleanly_with_stable_uids(ws: str, haru: Haru, command: list[str]) -> None:
    first = haru("--data", ws, *TODAY, *command, "--format", "ics")
    second = haru("--data", ws, *TODAY, *command, "--format", "ics")
    assert first.exit_code == 0
    events = Calendar.from_ical(first.stdout).walk("VEVENT")
    assert events
    for event in events:
        assert isinstance(event.decoded("DTSTART"), date)
        assert str(event["SUMMARY"]).startswith("【")
        assert ".yaml" in str(event["DESCRIPTION"])
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in Calendar.from_ical(second.stdout).walk("VEVENT")]


def test_a_regular_meeting_keeps_its_uid_when_its_date_moves(ws: str, haru: Haru) -> None:
    uids = set()
    for today in ("2026-11-27", "2026-12-05"):
        events = Calendar.from_ical(haru("--data", ws, "--today", today, "upcoming", "--format", "ics").stdout)
        uids |= {str(e["UID"]) for e in events.walk("VEVENT") if "regular_meeting" in str(e["UID"])}
    assert "regular_meeting/spcom@haru" in uids


def test_action_uids_do_not_follow_their_position(workspace: WorkspaceFactory, haru: Haru) -> None:
    meeting = ("id: 2026-11-10-ueda-regular\npartners: [ueda]\ndate: 2026-11-10\nkind: regular\nactions:\n"
               "  - {{task: {first}, due: 2026-11-30}}\n  - {{task: {second}, due: 2026-12-01}}\n")

    def uids(root: object) -> dict[str, str]:
        events = Calendar.from_ical(haru("--data", root, *TODAY, "upcoming", "--format", "ics").stdout)
        return {str(e["SUMMARY"]): str(e["UID"]) for e in events.walk("VEVENT") if "action/" in str(e["UID"])}

    path = "meetings/2026/2026-11-10-ueda-regular.yaml"
    before = uids(workspace({path: meeting.format(first="提案書", second="見積")}))
    after = uids(workspace({path: meeting.format(first="見積", second="提案書")}))
    assert before == after and len(set(before.values())) == 2


def test_reviews_are_in_upcoming(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    data = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "json").stdout)
    reviews = [i for i in data["items"] if i["kind"] == "ai_review"]
    assert [(i["date"], i["ref"], i["overdue"], i["partner"]) for i in reviews] == [
        ("2026-11-15", "slower", True, None), ("2027-02-28", "minutes", False, None)]
    ics = haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "ics").stdout
    assert "SUMMARY:【AI活用の効果測定】研修資料" in ics


@pytest.fixture
def fees_ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(FEES))


def test_upcoming_lists_payouts(fees_ws: str, haru: Haru) -> None:
    data = json.loads(haru("--data", fees_ws, *TODAY, "upcoming", "--within", "7d", "--format", "json").stdout)
    payouts = [(i["partner"], i["date"], i["subject"], i["amount"]) for i in data["items"] if i["kind"] == "payout"]
    assert payouts == [("tanaka", "2026-11-30", "2026-10", 49_895), ("ueda", "2026-11-30", "2026-10", 135_801)]
    table = haru("--data", fees_ws, *TODAY, "upcoming", "--within", "7d").stdout
    assert "2026-10 ¥135,801" in table


def test_upcoming_says_a_payout_may_be_missing_when_a_fee_file_is_skipped(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    root = workspace({**FEES, "contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\nstart: [\n"})
    result = haru("--data", root, "--today", "2026-11-01", "--lang", "en", "upcoming", "--within", "60d")
    assert result.exit_code == 1 and "may be incomplete" in result.stderr  # ウエダ's payout is gone from the list
    assert "contracts/ueda-referral.yaml" in result.stderr
