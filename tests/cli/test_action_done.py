"""haru action done: marks one action done, changing only its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import LEAD, ODD_MEETING, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


def lines_changed(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False) if a != b]


def test_action_done_changes_one_line_and_upcoming_sees_it(ws: Path, haru: Haru) -> None:
    before = (ws / MEETING).read_text(encoding="utf-8")
    result = haru("--data", ws, *TODAY, "action", "done", "2026-11-10-ueda-regular", "1")
    assert result.exit_code == 0, result.stderr
    after = (ws / MEETING).read_text(encoding="utf-8")
    assert lines_changed(before, after) == [("      done: false", "      done: true")]
    assert len(after.splitlines()) == len(before.splitlines())
    upcoming = json.loads(haru("--data", ws, *TODAY, "upcoming", "--within", "60d", "--format", "json").stdout)
    assert [i["subject"] for i in upcoming["items"] if i["kind"] == "action"] == ["見積を作成"]
    flow = haru("--data", ws, *TODAY, "action", "done", "2026-11-10-ueda-regular", "2")  # a flow mapping
    assert flow.exit_code == 0
    assert "    - {task: 見積を作成, owner: 社長, due: 2026-12-20, done: true}" in (ws / MEETING).read_text("utf-8")
    again = haru("--data", ws, *TODAY, "--lang", "en", "action", "done", "2026-11-10-ueda-regular", "2")
    assert again.exit_code == 0 and "done already" in again.stderr


def test_action_done_refuses_a_number_or_meeting_that_is_not_there(ws: Path, haru: Haru) -> None:
    none = haru("--data", ws, "--lang", "en", "action", "done", "2026-11-10-ueda-regular", "3")
    assert none.exit_code == 1 and "has no action 3 (it has 2)" in none.stderr
    typo = haru("--data", ws, "--lang", "en", "action", "done", "2026-11-10-ueda-regulr", "1")
    assert typo.stderr == ("haru: no meeting matches '2026-11-10-ueda-regulr'; "
                           "closest: 2026-11-10 株式会社ウエダ (2026-11-10-ueda-regular)\n")
    assert haru("--data", ws, "action", "done", "2026-11-10-ueda-regular", "0").exit_code == 2


OLDER = "id: 2026-10-01-ueda-regular\npartners: [ueda]\ndate: 2026-10-01\nkind: regular\n" \
        "actions:\n  - task: 資料を送付\n"


def test_a_partner_s_name_is_the_latest_meeting_with_them(ws: Path, haru: Haru) -> None:
    """SPEC §16: `action done ウエダ 2` — the meeting is named as a person names it, by whom it was with."""
    (ws / "meetings/2026/2026-10-01-ueda-regular.yaml").write_text(OLDER, encoding="utf-8")
    result = haru("--data", ws, *TODAY, "action", "done", "うえだ", "1")
    assert result.exit_code == 0, result.stderr
    assert "done: true" in (ws / MEETING).read_text(encoding="utf-8")
    assert "done" not in (ws / "meetings/2026/2026-10-01-ueda-regular.yaml").read_text(encoding="utf-8")
    older = haru("--data", ws, *TODAY, "action", "done", "2026-10-01", "1")  # a part of its id: its date
    assert older.exit_code == 0, older.stderr
    assert "done: true" in (ws / "meetings/2026/2026-10-01-ueda-regular.yaml").read_text(encoding="utf-8")


def test_two_meetings_on_the_latest_day_are_listed_with_their_dates(ws: Path, haru: Haru) -> None:
    (ws / "meetings/2026/2026-11-10-ueda-hearing.yaml").write_text(
        "id: 2026-11-10-ueda-hearing\npartners: [ueda]\ndate: 2026-11-10\nkind: hearing\n", encoding="utf-8")
    result = haru("--data", ws, *TODAY, "action", "done", "上田", "1")  # a contact's name
    assert (result.exit_code, result.stderr) == (1, (
        "haru: 「上田」に該当する会議が複数あります: 2026-11-10 株式会社ウエダ (2026-11-10-ueda-hearing), "
        "2026-11-10 株式会社ウエダ (2026-11-10-ueda-regular) — より詳しく指定してください\n"))
    nobody = haru("--data", ws, *TODAY, "action", "done", "サトウ", "1")
    assert (nobody.exit_code, nobody.stderr) == (1, (
        "haru: 「サトウ」に該当する会議がありません。会議: 2026-11-10 株式会社ウエダ (2026-11-10-ueda-hearing), "
        "2026-11-10 株式会社ウエダ (2026-11-10-ueda-regular)\n"))


def test_each_line_keeps_its_own_line_end(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A file of mixed line ends (one block pasted from Windows) stays mixed: only the changed line changes."""
    lines = ODD_MEETING.split("\n")
    mixed = "\n".join(line + "\r" if 6 <= n <= 9 else line for n, line in enumerate(lines)).encode("utf-8")
    ws = workspace({MEETING: mixed})
    assert haru("--data", ws, *TODAY, "action", "done", "2026-11-10-ueda-regular", "1").exit_code == 0
    assert (ws / MEETING).read_bytes() == mixed.replace(b"done: false\r\n", b"done: true\r\n")


def test_a_read_only_record_is_left_so(ws: Path, haru: Haru) -> None:
    path = ws / MEETING
    path.chmod(0o444)
    result = haru("--data", ws, *TODAY, "--lang", "en", "action", "done", "2026-11-10-ueda-regular", "1")
    assert result.exit_code == 1 and "is read-only" in result.stderr
    assert "done: false" in path.read_text(encoding="utf-8")
