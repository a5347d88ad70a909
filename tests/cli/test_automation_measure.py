"""haru automation measure: a measurement appended, its lines only, oldest first and once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Haru, WorkspaceFactory

PATH = "automations/drafting.yaml"
DRAFTING = ("# 例示\nid: drafting\ntitle: 議事録の下書き\narea: partners\nsince: 2026-06-01\n"
            "baseline: {minutes: 60, per_month: 8}   # 導入前\nmeasurements:   # 古い順\n"
            "  - {date: 2026-06-30, minutes: 20, per_month: 8}\n"
            "  - {date: 2026-09-30, minutes: 15, per_month: 10, note: 確認の手順を短縮}\n"
            "# 次は 12 月に測る\n")
DECEMBER = ("--today", "2026-12-28")
MEASURE = ("automation", "measure", "drafting")


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({PATH: DRAFTING})


def test_a_measurement_is_appended_and_counts(ws: Path, haru: Haru) -> None:
    done = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-12-20", "--minutes", "7.5", "--note", "テンプレ化")
    assert done.exit_code == 0, done.stderr
    new = "  - {date: 2026-12-20, minutes: 7.5, per_month: 10, note: テンプレ化}\n"  # the runs of the last one
    assert (ws / PATH).read_text(encoding="utf-8") == DRAFTING.replace("# 次は", new + "# 次は")
    assert f"+{new}" in done.stdout
    listed = json.loads(haru("--data", ws, *DECEMBER, "automation", "list", "--month", "2026-12", "--format",
                             "json").stdout)
    [drafting] = listed["automations"]
    assert (drafting["minutes_now"], drafting["last_measured"], drafting["next_review"]) == (7.5, "2026-12-20",
                                                                                              "2027-03-20")
    runs = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-12-28", "--minutes", "7", "--per-month", "0.5")
    assert runs.exit_code == 0 and "  - {date: 2026-12-28, minutes: 7, per_month: 0.5}\n" in (
        ws / PATH).read_text(encoding="utf-8")


def test_the_first_measurement_takes_the_baseline_s_runs(workspace: WorkspaceFactory, haru: Haru) -> None:
    fresh = DRAFTING.split("measurements:")[0]
    ws = workspace({PATH: fresh})
    assert haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-06-30", "--minutes", "20").exit_code == 0
    assert (ws / PATH).read_text(encoding="utf-8") == fresh + (
        "measurements:\n  - date: 2026-06-30\n    minutes: 20\n    per_month: 8\n")


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-12-20", "--minutes", "12", "--dry-run")
    assert dry.exit_code == 0 and "+  - {date: 2026-12-20, minutes: 12, per_month: 10}\n" in dry.stdout
    assert (ws / PATH).read_text(encoding="utf-8") == DRAFTING


def test_a_day_out_of_order_is_refused(ws: Path, haru: Haru) -> None:
    back = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-09-29", "--minutes", "12")
    assert (back.exit_code, back.stderr) == (1, "haru: 測定日 2026-09-29 は前回の測定 2026-09-30 より前です"
                                                "（測定は古い順に並べます。何も書き込んでいません）\n")
    early = haru("--data", ws, *DECEMBER, "--lang", "en", *MEASURE, "--date", "2026-05-31", "--minutes", "12")
    assert (early.exit_code, early.stderr) == (1, "haru: the measurement of 2026-05-31 is before the automation was "
                                                  "first used, 2026-06-01; nothing written\n")
    assert (ws / PATH).read_text(encoding="utf-8") == DRAFTING


def test_the_same_measurement_twice_is_refused_unless_again(ws: Path, haru: Haru) -> None:
    twice = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-09-30", "--minutes", "15")
    assert twice.exit_code == 1 and "measurements.2 は measurements.1 と日付・時間・回数が同じです" in twice.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == DRAFTING
    meant = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-09-30", "--minutes", "15", "--again")
    assert meant.exit_code == 0 and "warning[duplicate-entry]" in meant.stderr


@pytest.mark.parametrize("minutes", ["-1", "abc", "1e3", ""])
def test_minutes_that_are_no_number_are_a_usage_error(ws: Path, haru: Haru, minutes: str) -> None:
    result = haru("--data", ws, *DECEMBER, *MEASURE, "--date", "2026-12-20", "--minutes", minutes)
    assert result.exit_code == 2 and "は 0 以上の数ではありません" in result.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == DRAFTING


def test_help_in_both_languages(haru: Haru) -> None:
    assert "測定を 1 件追記します" in haru("automation", "measure", "--help").stdout
    assert "--per-month N" in haru("--lang", "en", "automation", "measure", "--help").stdout
