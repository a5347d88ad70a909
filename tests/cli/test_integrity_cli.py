"""SPEC §14–15 as a user meets them: a repeated write is refused unless --again; two writers at once take
turns; a change reads its file through validate's bounds first; figures say whether they are whole."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import FEES, SCHOOL, TODAY, Haru, WorkspaceFactory

DECEMBER = ("--today", "2026-12-07")


def test_a_repeated_payment_is_refused_unless_again(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    pay = ("--data", root, *TODAY, "--lang", "en", "referral", "pay", "2026-ueda-001", "--date", "2026-11-30",
           "--amount", "300000")
    assert haru(*pay).exit_code == 0
    before = (root / "referrals/2026-ueda-001.yaml").read_bytes()
    twice = haru(*pay)
    assert twice.exit_code == 1 and "--again" in twice.stderr and "referrals/2026-ueda-001.yaml" in twice.stderr
    assert "payments.2 has the date and amount of payments.1" in twice.stderr
    assert (root / "referrals/2026-ueda-001.yaml").read_bytes() == before  # nothing written
    meant = haru(*pay, "--again")
    assert meant.exit_code == 0 and "duplicate-entry" in meant.stderr  # written, and the warning said
    assert (root / "referrals/2026-ueda-001.yaml").read_text(encoding="utf-8").count("2026-11-30") == 2


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


# Each writer waits a moment after its validation, as a slow disk or a big workspace would make it wait:
# without the workspace's lock, both would validate before either wrote.
SLOW = """\
import sys, time
from haru_cli.cli import editing
real = editing.problems_with
def slow(*args, **kwargs):
    found = real(*args, **kwargs)
    time.sleep(0.6)
    return found
editing.problems_with = slow
from haru_cli.entry import main
sys.argv = ["haru", *sys.argv[1:]]
main()
"""


def _at_once(tmp_path: Path, *commands: list[str]) -> list[tuple[int, str]]:
    script = tmp_path / "slow_haru.py"
    script.write_text(SLOW, encoding="utf-8")
    runs = []
    for args in commands:
        runs.append(subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True))
        time.sleep(0.1)
    return [(r.wait(timeout=60), r.stderr.read() if r.stderr else "") for r in runs]


def test_two_payments_of_one_statement_at_once_are_one(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    root = workspace()
    common = ["--data", str(root), *TODAY, "--no-cache", "--lang", "en", "fees", "pay", "ueda", "--month", "2026-07"]
    done = _at_once(tmp_path, [*common, "--date", "2026-08-31"], [*common, "--date", "2026-09-01"])
    assert sorted(code for code, _ in done) == [0, 1], done
    assert len(list((root / "payouts/2026").iterdir())) == 1
    assert any("duplicate-payout" in said for _, said in done)


def test_one_student_certified_twice_at_once_gets_one_certificate(workspace: WorkspaceFactory,
                                                                   tmp_path: Path) -> None:
    root = workspace({**FEES, **SCHOOL})
    certify = ["--data", str(root), *TODAY, "--no-cache", "school", "certify", "2026-sato"]
    done = _at_once(tmp_path, certify, certify)
    assert sorted(code for code, _ in done) == [0, 1], done
    assert [p.name for p in (root / "certificates/2026").iterdir()] == ["haru-2026-0001.yaml"]


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


def test_json_says_whether_its_figures_are_whole(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    whole = json.loads(haru("--data", root, *DECEMBER, "fees", "unpaid", "--format", "json").stdout)
    assert whole["complete"] is True and whole["incomplete"] == []
    (root / "contracts/ueda-referral.yaml").write_text("id: ueda-referral\nbogus: 1\n", encoding="utf-8")
    for args in (["fees", "unpaid"], ["fees", "calc", "--month", "2026-07"], ["partner", "show", "ueda"],
                 ["upcoming"], ["referral", "list"], ["fees", "annual", "--year", "2026"]):
        result = haru("--data", root, *DECEMBER, *args, "--format", "json")
        assert result.exit_code == 1, args
        data = json.loads(result.stdout)
        assert data["complete"] is False and "contracts/ueda-referral.yaml" in data["incomplete"], args
    table = haru("--data", root, *DECEMBER, "fees", "unpaid")
    assert table.exit_code == 1 and "不完全" in table.stdout and "contracts/ueda-referral.yaml" in table.stdout


def test_time_report_counts_a_month_with_one_bad_entry(workspace: WorkspaceFactory, haru: Haru) -> None:
    month = ("id: 2026-11\nentries:\n- {date: 2026-11-02, hours: 2, area: consulting}\n"
             "- {date: 2026-11-03, hours: 1.3, area: admin}\n- {date: 2026-11-04, hours: 3, area: school}\n")
    root = workspace({"time/2026/2026-11.yaml": month})
    result = haru("--data", root, *DECEMBER, "time", "report", "--month", "2026-11", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["complete"] is False and data["incomplete"] == ["time/2026/2026-11.yaml"]
    assert data["total_hours"] == 6.0  # 2 + 3 + the meeting's hour: only the bad entry is left out


def test_first_entries_of_a_month_at_once_all_land(workspace: WorkspaceFactory) -> None:
    """The month's file does not exist yet: one run makes it, the others append, none is refused."""
    root = workspace()
    runs = [subprocess.Popen([sys.executable, "-m", "haru_cli", "--data", str(root), *TODAY, "--no-cache", "time",
                              "log", "1h", "admin", f"作業{i}", "--date", "2026-11-20"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for i in range(4)]
    assert [r.wait(timeout=60) for r in runs] == [0, 0, 0, 0]
    text = (root / "time/2026/2026-11.yaml").read_text(encoding="utf-8")
    assert sorted(f"作業{i}" for i in range(4) if f"作業{i}" in text) == [f"作業{i}" for i in range(4)]
