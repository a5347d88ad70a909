"""haru action reopen: a done action open again, its `done` line only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ODD_MEETING, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"
DONE = ODD_MEETING.replace("      done: false\n", "      done: true\n")


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: DONE})


def test_a_done_action_is_open_again_and_due_again(ws: Path, haru: Haru) -> None:
    reopened = haru("--data", ws, *TODAY, "action", "reopen", "2026-11-10-ueda-regular", "1")
    assert reopened.exit_code == 0, reopened.stderr
    assert (ws / MEETING).read_text(encoding="utf-8") == ODD_MEETING  # `done: true` is false again, nothing else
    assert "-      done: true\n+      done: false\n" in reopened.stdout
    listed = json.loads(haru("--data", ws, *TODAY, "action", "list", "--format", "json").stdout)
    assert [(a["n"], a["overdue"]) for a in listed["actions"]] == [(1, True), (2, False)]


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, "action", "reopen", "2026-11-10-ueda-regular", "1", "--dry-run")
    assert dry.exit_code == 0 and "+      done: false\n" in dry.stdout
    assert (ws / MEETING).read_text(encoding="utf-8") == DONE


def test_an_open_action_or_one_that_is_not_there_is_said(ws: Path, haru: Haru) -> None:
    open_one = haru("--data", ws, *TODAY, "action", "reopen", "2026-11-10-ueda-regular", "2")
    assert (open_one.exit_code, open_one.stderr) == (
        0, "2026-11-10-ueda-regular のアクション 2「見積を作成」は未完了です（何も変えていません）\n")
    none = haru("--data", ws, *TODAY, "action", "reopen", "2026-11-10-ueda-regular", "3")
    assert (none.exit_code, none.stderr) == (1, "haru: 2026-11-10-ueda-regular にはアクション 3 がありません（2 件）\n")
    assert haru("--data", ws, "action", "reopen", "2026-11-10-ueda-regular", "0").exit_code == 2
    assert (ws / MEETING).read_text(encoding="utf-8") == DONE


def test_help_in_both_languages(haru: Haru) -> None:
    assert "未完了に戻します" in haru("action", "reopen", "--help").stdout
    assert "open again" in haru("--lang", "en", "action", "reopen", "--help").stdout
