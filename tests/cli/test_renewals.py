"""haru renewals, haru feedback, haru upcoming: JSON keys, tables, durations, iCalendar."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from tests.helpers import SCENARIO, TODAY, Haru, WorkspaceFactory


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(SCENARIO))


def test_renewals_json(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "renewals", "--due", "30d", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["today"], data["until"]) == ("2026-11-27", "2026-12-27")
    assert data["renewals"][1] == {
        "contract": "half", "partner": "spcom", "vendor": None, "name": "株式会社S.P.COM", "type": "consulting",
        "title": "半年契約",
        "term_end": "2026-12-31", "notice_deadline": "2026-11-30", "auto_renew": True,
        "days_to_notice": 3, "days_to_end": 34, "expired": False,
    }
    assert data["renewals"][0]["contract"] == "old" and data["renewals"][0]["days_to_end"] == -27


@pytest.mark.parametrize(("due", "until"), [("30日", "2026-12-27"), ("3ヶ月", "2027-02-27"), ("2w", "2026-12-11"),
                                            ("1y", "2027-11-27"), ("１か月", "2026-12-27")])
def test_every_duration_form(ws: str, haru: Haru, due: str, until: str) -> None:
    result = haru("--data", ws, *TODAY, "renewals", "--due", due, "--format", "json")
    assert json.loads(result.stdout)["until"] == until


def test_wrong_duration_is_a_usage_error(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, "renewals", "--due", "soon")
    assert result.exit_code == 2 and "soon" in result.stderr


def test_renewals_table_marks_what_needs_attention(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "renewals")
    assert "2026-10-31 (期限切れ)" in result.stdout
    assert "2026-11-30 (あと 3 日)" in result.stdout
    english = haru("--data", ws, *TODAY, "--lang", "en", "renewals", "--due", "90d")
    assert "2026-10-31 (notice passed)" in english.stdout  # alliance: deadline gone, term runs to 2027-01-31


def test_feedback_json(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "feedback", "--due", "60d", "--format", "json")
    data = json.loads(result.stdout)
    assert data["milestones"] == [
        {"contract": "old", "partner": "spcom", "vendor": None, "name": "株式会社S.P.COM", "milestone": "2026-10-31",
         "window_start": "2026-09-01", "status": "overdue", "held_on": None},
        {"contract": "half", "partner": "spcom", "vendor": None, "name": "株式会社S.P.COM", "milestone": "2026-12-31",
         "window_start": "2026-11-01", "status": "held", "held_on": "2026-11-20"},
    ]


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


def test_ics_summary_names_kind_partner_and_title(ws: str, haru: Haru) -> None:
    events = Calendar.from_ical(haru("--data", ws, *TODAY, "renewals", "--format", "ics").stdout).walk("VEVENT")
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "【解約予告期限】株式会社S.P.COM 半年契約" in summaries
    assert "【契約期間満了】株式会社S.P.COM 半年契約" in summaries


def test_a_regular_meeting_keeps_its_uid_when_its_date_moves(ws: str, haru: Haru) -> None:
    uids = set()
    for today in ("2026-11-27", "2026-12-05"):
        events = Calendar.from_ical(haru("--data", ws, "--today", today, "upcoming", "--format", "ics").stdout)
        uids |= {str(e["UID"]) for e in events.walk("VEVENT") if "regular_meeting" in str(e["UID"])}
    assert "regular_meeting/spcom@haru" in uids


def test_help(haru: Haru) -> None:
    for command in ("renewals", "feedback", "upcoming"):
        result = haru("--lang", "en", command, "--help")
        assert result.exit_code == 0 and "Example: haru " + command in result.stdout


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


def test_events_carry_the_alarm_of_the_settings_and_the_time_of_export(workspace: WorkspaceFactory,
                                                                        haru: Haru) -> None:
    root = workspace({"haru.yaml": "reminders:\n  alarm: 7d\n"})
    events = Calendar.from_ical(haru("--data", root, *TODAY, "renewals", "--due", "60d", "--format", "ics").stdout)
    [notice] = [e for e in events.walk("VEVENT") if "notice_deadline" in str(e["UID"])]
    [alarm] = notice.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(days=-7) and str(alarm["ACTION"]) == "DISPLAY"
    stamp = notice.decoded("DTSTAMP")
    assert abs((datetime.now(UTC) - stamp).total_seconds()) < 600  # when it was exported, not --today
    plain = Calendar.from_ical(haru("--data", workspace(), *TODAY, "renewals", "--format", "ics").stdout)
    assert all(not e.walk("VALARM") for e in plain.walk("VEVENT"))
