"""haru renewals, haru feedback, haru upcoming: JSON keys, tables, durations, iCalendar."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

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


def test_ics_summary_names_kind_partner_and_title(ws: str, haru: Haru) -> None:
    events = Calendar.from_ical(haru("--data", ws, *TODAY, "renewals", "--format", "ics").stdout).walk("VEVENT")
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "【解約予告期限】株式会社S.P.COM 半年契約" in summaries
    assert "【契約期間満了】株式会社S.P.COM 半年契約" in summaries


def test_help(haru: Haru) -> None:
    for command in ("renewals", "feedback", "upcoming"):
        result = haru("--lang", "en", command, "--help")
        assert result.exit_code == 0 and "Example: haru " + command in result.stdout


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
