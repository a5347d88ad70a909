"""haru action add: an action item appended to a meeting, its lines only; with --due it is in upcoming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import BASE, ODD_MEETING, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"
ADD = ("action", "add", "2026-11-10-ueda-regular")


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING})


def test_an_action_is_appended_in_the_style_of_the_last_and_upcoming_lists_it(ws: Path, haru: Haru) -> None:
    added = haru("--data", ws, *TODAY, *ADD, "資料を共有", "--owner", "上田", "--due", "2026-12-05")
    assert added.exit_code == 0, added.stderr
    last = "    - {task: 見積を作成, owner: 社長, due: 2026-12-20}\n"
    new = "    - {task: 資料を共有, owner: 上田, due: 2026-12-05}\n"
    assert (ws / MEETING).read_text(encoding="utf-8") == ODD_MEETING.replace(last, last + new)
    assert "+    - {task: 資料を共有, owner: 上田, due: 2026-12-05}\n" in added.stdout  # the change is shown
    upcoming = json.loads(haru("--data", ws, *TODAY, "upcoming", "--within", "14d", "--format", "json").stdout)
    assert [(i["date"], i["subject"], i["ref"]) for i in upcoming["items"] if i["kind"] == "action"] == [
        ("2026-11-20", "提案書を送付", "2026-11-10-ueda-regular"),
        ("2026-12-05", "資料を共有", "2026-11-10-ueda-regular")]
    listed = json.loads(haru("--data", ws, *TODAY, "action", "list", "--format", "json").stdout)
    assert [(a["n"], a["owner"]) for a in listed["actions"] if a["task"] == "資料を共有"] == [(3, "上田")]


def test_a_meeting_without_actions_gets_the_list(workspace: WorkspaceFactory, haru: Haru) -> None:
    ws = workspace()
    assert haru("--data", ws, *TODAY, *ADD, "提案書を送付").exit_code == 0
    assert (ws / MEETING).read_text(encoding="utf-8") == (
        str(BASE[MEETING]).replace("        ", "") + "actions:\n  - task: 提案書を送付\n")


def test_dry_run_shows_the_new_lines_and_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, *ADD, "資料を共有", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "+    - {task: 資料を共有}\n" in dry.stdout
    assert (ws / MEETING).read_text(encoding="utf-8") == ODD_MEETING


def test_a_due_date_before_the_meeting_is_refused(ws: Path, haru: Haru) -> None:
    early = haru("--data", ws, *TODAY, *ADD, "資料を共有", "--due", "2026-11-09")
    assert (early.exit_code, early.stderr) == (1, "haru: 期限 2026-11-09 は会議 2026-11-10-ueda-regular の日 "
                                                  "2026-11-10 より前です（何も書き込んでいません）\n")
    assert (ws / MEETING).read_text(encoding="utf-8") == ODD_MEETING


def test_an_unknown_meeting_is_refused_naming_the_closest(ws: Path, haru: Haru) -> None:
    typo = haru("--data", ws, *TODAY, "action", "add", "2026-11-10-ueda-regulr", "資料を共有")
    assert (typo.exit_code, typo.stderr) == (1, "haru: 「2026-11-10-ueda-regulr」に該当する会議がありません。候補: "
                                                "2026-11-10 株式会社ウエダ (2026-11-10-ueda-regular)\n")


def test_the_same_action_twice_is_refused_unless_again(ws: Path, haru: Haru) -> None:
    twice = haru("--data", ws, *TODAY, *ADD, "見積を作成", "--owner", "社長", "--due", "2026-12-20")
    assert twice.exit_code == 1
    assert "actions.2 は actions.1 とやること・担当・期限が同じです" in twice.stderr and "--again" in twice.stderr
    assert (ws / MEETING).read_text(encoding="utf-8") == ODD_MEETING
    meant = haru("--data", ws, *TODAY, *ADD, "見積を作成", "--owner", "社長", "--due", "2026-12-20", "--again")
    assert meant.exit_code == 0 and "warning[duplicate-entry]" in meant.stderr
    assert (ws / MEETING).read_text(encoding="utf-8").count("見積を作成") == 2


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = "".join(haru("action", "add", "--help").stdout.split())  # wherever it wraps
    assert "会議にアクションを1件追記します" in japanese and "--owner名前" in japanese and "担当。" in japanese
    english = haru("--lang", "en", "action", "add", "--help").stdout
    assert "Append one action item to a meeting" in english and "not before the meeting" in english
