"""haru time log: entries appended to the month, once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import FEES, NOVEMBER, PROJECTS, SCHOOL, TIME, TODAY, Haru, WorkspaceFactory, report

DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken


def test_logging_time_appends_to_the_month_changing_only_its_lines(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    done = haru("--data", root, *TODAY, "time", "log", "1.5h", "コンサルティング", "--date", "2026-11-20",
                "--partner", "うえだ", "PMO定例の準備")
    assert done.exit_code == 0, done.output
    text = (root / "time/2026/2026-11.yaml").read_text(encoding="utf-8")
    assert text.startswith(NOVEMBER)
    # in the style of the entry before it
    added = "  - {date: 2026-11-20, hours: 1.5, area: consulting, partner: ueda, note: PMO定例の準備}\n"
    assert text[len(NOVEMBER):] == added
    assert report(haru, root, "--month", "2026-11")["total_hours"] == 5.5


def test_logging_time_makes_the_month_s_file_when_there_is_none(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    assert haru("--data", root, "--today", "2026-12-02", "time", "log", "1時間20分", "admin").exit_code == 0
    made = (root / "time/2026/2026-12.yaml").read_text(encoding="utf-8")
    assert "id: 2026-12\n" in made and "minutes: 80\n" in made and "date: 2026-12-02\n" in made
    assert haru("--data", root, "validate", "--strict").exit_code == 0
    dry = haru("--data", root, "--today", "2026-12-03", "time", "log", "45m", "school", "--dry-run")
    assert dry.exit_code == 0 and "hours: 0.75" in dry.stdout
    assert "2026-12-03" not in (root / "time/2026/2026-12.yaml").read_text(encoding="utf-8")


def test_a_month_s_file_in_shift_jis_is_refused_not_rewritten(workspace: WorkspaceFactory, haru: Haru) -> None:
    """SPEC §14: what haru cannot read whole it does not write back (as `�`, or as an internal error)."""
    root = workspace(TIME)
    month = root / "time/2026/2026-11.yaml"
    month.write_bytes(NOVEMBER.encode("cp932"))
    result = haru("--data", root, *TODAY, "--lang", "en", "time", "log", "1h", "admin", "--date", "2026-11-20")
    assert result.exit_code == 1
    assert result.stderr.startswith("haru: time/2026/2026-11.yaml is not UTF-8 but seems to be Shift_JIS")
    assert month.read_bytes() == NOVEMBER.encode("cp932")


@pytest.mark.parametrize("spent", ["0h", "25h", "1.5x", "abc", "1.01h"])
def test_a_time_that_is_none_is_a_usage_error(workspace: WorkspaceFactory, haru: Haru, spent: str) -> None:
    result = haru("--data", workspace(TIME), "time", "log", spent, "admin")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (f"エラー: '時間' の値が正しくありません: '{spent}' は時間ではありません"
                                              "（1.5h、90m、1時間30分 のように。24 時間まで）")


def test_an_area_that_is_none_is_a_usage_error(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(TIME), "time", "log", "1h", "sleep")
    assert result.exit_code == 2 and "consulting" in result.stderr


def test_logging_into_a_linked_month_file_changes_nothing(workspace: WorkspaceFactory, haru: Haru,
                                                          tmp_path: Path) -> None:
    root = workspace(TIME)
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(NOVEMBER, encoding="utf-8")
    (root / "time/2026/2026-11.yaml").unlink()
    (root / "time/2026/2026-11.yaml").symlink_to(elsewhere)
    result = haru("--data", root, *TODAY, "--lang", "en", "time", "log", "1h", "admin", "--date", "2026-11-20")
    assert result.exit_code == 1 and "is a symbolic link" in result.stderr
    assert elsewhere.read_text(encoding="utf-8") == NOVEMBER


def test_a_repeated_time_entry_and_oral_report_are_refused(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    log = ("--data", root, *TODAY, "time", "log", "1.5h", "admin", "経理", "--date", "2026-11-20")
    assert haru(*log).exit_code == 0  # the month's file is made
    assert haru(*log).exit_code == 1
    assert haru(*log[:-2], "--date", "2026-11-21").exit_code == 0  # another day is another entry
    assert haru(*log, "--again").exit_code == 0
    assert (root / "time/2026/2026-11.yaml").read_text(encoding="utf-8").count("経理") == 3
    evaluate = ("--data", root, *TODAY, "school", "evaluate", "2026-ito", "a1", "--level", "具体性=4", "--level",
                "効果検証=3", "--date", "2026-11-26")
    assert haru(*evaluate).exit_code == 0
    refused = haru(*evaluate)
    assert refused.exit_code == 1 and "--again" in refused.stderr
    assert haru(*evaluate, "--again").exit_code == 0


def test_a_write_reads_its_file_through_validates_bounds_first(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A month file of 4 MB of tiny flow items is refused as validate refuses it: at once, not after
    building an edit of it (which took 24 s and 690 MB)."""
    items = "".join(f"- {{date: 2026-11-01, minutes: {1 + i % 9}, area: admin}}\n" for i in range(90_000))
    big = "id: 2026-11\nentries:\n" + items
    root = workspace({"time/2026/2026-11.yaml": big[: 4 * 2**20 - 100]})
    started = time.monotonic()
    result = haru("--data", root, *TODAY, "--lang", "en", "time", "log", "1h", "admin", "--date", "2026-11-20")
    assert result.exit_code == 1 and "not changed" in result.stderr and "more than 20,000 values" in result.stderr
    assert time.monotonic() - started < 20  # a bound, not a benchmark: the refusal comes before any edit


def test_first_entries_of_a_month_at_once_all_land(workspace: WorkspaceFactory) -> None:
    """The month's file does not exist yet: one run makes it, the others append, none is refused."""
    root = workspace()
    runs = [subprocess.Popen([sys.executable, "-m", "haru_cli", "--data", str(root), *TODAY, "--no-cache", "time",
                              "log", "1h", "admin", f"作業{i}", "--date", "2026-11-20"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for i in range(4)]
    assert [r.wait(timeout=60) for r in runs] == [0, 0, 0, 0]
    text = (root / "time/2026/2026-11.yaml").read_text(encoding="utf-8")
    assert sorted(f"作業{i}" for i in range(4) if f"作業{i}" in text) == [f"作業{i}" for i in range(4)]


def test_time_logged_for_a_project_names_one_there_is(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(PROJECTS)
    wrong = haru("--data", root, *TODAY, "--lang", "en", "time", "log", "1h", "product", "--project", "nosuch")
    said = "haru: no project matches 'nosuch'; there are: ツール共同開発 (tool)\n"
    assert (wrong.exit_code, wrong.stderr) == (1, said)
    assert haru("--data", root, *TODAY, "time", "log", "1h", "product", "--project", "ツール").exit_code == 0  # title
    shown = json.loads(haru("--data", root, *TODAY, "project", "show", "tool", "--format", "json").stdout)
    assert shown["hours"] == 2.5  # the meeting's 90 minutes and the hour logged
