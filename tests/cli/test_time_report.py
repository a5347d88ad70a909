"""haru time report: hours by area against the targets."""

from __future__ import annotations

import json

from tests.helpers import NOVEMBER, TIME, TODAY, Haru, WorkspaceFactory, report

DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken


def test_a_month_by_area_against_the_targets(workspace: WorkspaceFactory, haru: Haru) -> None:
    data = report(haru, workspace(TIME), "--month", "2026-11")
    assert data["period"] == {"start": "2026-11-01", "end": "2026-11-30"}
    assert data["total_hours"] == 4.0  # 2.5 + 0.5 + the joint meeting's hour, once
    by_area = {a["area"]: a for a in data["areas"]}
    assert by_area["consulting"] == {"area": "consulting", "hours": 2.5, "share_pct": 62.5, "target_pct": 50.0,
                                     "gap_pct": 12.5, "previous_hours": [0.0, 0.0, 0.0]}
    assert by_area["partners"]["hours"] == 1.0 and by_area["partners"]["gap_pct"] == -5.0
    assert by_area["school"]["target_pct"] is None and by_area["school"]["gap_pct"] is None
    assert by_area["school"]["previous_hours"] == [1.0, 0.0, 0.0]
    assert data["partners"] == [{"partner": "ueda", "name": "株式会社ウエダ", "hours": 3.0},
                                {"partner": "spcom", "name": "株式会社S.P.COM", "hours": 0.5}]
    # minutes: (60 − 15) × 10 by the measurement of 11-30; slower: (180 − 200) × 2
    assert data["ai_saved_hours"] == round((450 - 40) / 60, 2)


def test_quarters_and_fiscal_years(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    assert report(haru, root, "--quarter", "2026Q4")["period"] == {"start": "2026-10-01", "end": "2026-12-31"}
    fy = report(haru, root, "--fy", "2026")
    assert fy["period"] == {"start": "2026-04-01", "end": "2027-03-31"} and fy["total_hours"] == 5.0
    both = haru("--data", root, "time", "report", "--month", "2026-11", "--fy", "2026")
    assert both.exit_code == 2 and "--fy" in both.stderr
    assert haru("--data", root, "time", "report", "--quarter", "2026Q5").exit_code == 2


def test_the_table_in_either_language(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    ja = haru("--data", root, *DECEMBER, "time", "report", "--month", "2026-11").stdout
    assert "コンサルティング" in ja and "+12.5 pt" in ja and "2026-10" in ja
    en = haru("--data", root, *DECEMBER, "--lang", "en", "time", "report", "--month", "2026-11", "--by", "partner")
    assert en.stdout.index("By partner") < en.stdout.index("By area") and "6.83 h" in en.stdout


def test_months_to_come_and_measurements_after_today_save_nothing_known(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    root = workspace(TIME)
    before = haru("--data", root, *TODAY, "time", "report", "--month", "2026-11", "--format", "json")
    # as of 11-27 the 11-30 measurement is not taken yet: (60 − 20) × 8 and (180 − 200) × 2
    assert json.loads(before.stdout)["ai_saved_hours"] == round((320 - 40) / 60, 2)
    ahead = haru("--data", root, *TODAY, "time", "report", "--month", "2027-01", "--format", "json")
    assert json.loads(ahead.stdout)["ai_saved_hours"] == 0.0
    fy = json.loads(haru("--data", root, *DECEMBER, "time", "report", "--fy", "2026", "--format", "json").stdout)
    listed = json.loads(haru("--data", root, *DECEMBER, "automation", "list", "--month", "2026-12", "--format",
                             "json").stdout)
    assert fy["ai_saved_hours"] == listed["saved_hours_fy"]  # April to December (begun), not to March


def test_a_skipped_time_file_leaves_the_hours_incomplete(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**TIME, "time/2026/2026-11.yaml": NOVEMBER.replace("hours: 2.5", "hours: 2.3")})
    result = haru("--data", root, *DECEMBER, "time", "report", "--month", "2026-11", "--format", "json")
    assert result.exit_code == 1 and "time/2026/2026-11.yaml" in result.stderr
    assert json.loads(result.stdout)["incomplete"] == ["time/2026/2026-11.yaml"]
