"""docs/guide.ja.md is kept true: its commands, run in order in a new folder as a reader would type them,
all succeed. A `console` block's `$ haru …` lines are the commands (`$ cd DIR` moves into a folder); an
HTML comment `<!-- today: YYYY-MM-DD -->` before a block sets the day its commands run on (HARU_TODAY), and
`<!-- fails -->` marks a block whose commands are meant to be refused (exit 1)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.helpers import Haru

GUIDE = Path(__file__).parents[1] / "docs" / "guide.ja.md"
BLOCK = re.compile(r"((?:<!--[^>]*-->\s*)*)```console\n(.*?)```", re.DOTALL)


def steps() -> list[tuple[str | None, bool, list[str]]]:
    """Each block: the day it runs on, whether it is meant to fail, and its command lines."""
    found = []
    for notes, body in BLOCK.findall(GUIDE.read_text("utf-8")):
        today = re.search(r"today: (\d{4}-\d{2}-\d{2})", notes)
        commands = [line[2:] for line in body.splitlines() if line.startswith("$ ")]
        found.append((today.group(1) if today else None, "fails" in notes, commands))
    return found


def test_the_guide_has_commands_for_every_part_of_the_month() -> None:
    commands = [c for _, _, block in steps() for c in block]
    assert len(commands) >= 30
    assert {c.split()[1] for c in commands if c.startswith("haru ")} >= {
        "init", "new", "validate", "partner", "action", "referral", "fees", "time", "upcoming", "report"}


def test_every_command_of_the_guide_runs_as_written(tmp_path: Path, haru: Haru,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EDITOR", "false")  # no block may need an editor
    for today, fails, commands in steps():
        if today:
            monkeypatch.setenv("HARU_TODAY", today)
        for command in commands:
            words = shlex.split(command)
            if words[0] == "cd":
                monkeypatch.chdir(Path.cwd() / words[1])
                continue
            assert words[0] == "haru", command
            result = haru(*words[1:])
            expected = 1 if fails else 0
            assert result.exit_code == expected, f"{command}\n{result.stdout}\n{result.stderr}"
