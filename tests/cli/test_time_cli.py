"""haru time report | log and haru automation list | show (SPEC §9), with their records' checks, as a
user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, Haru, WorkspaceFactory

DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken

NOVEMBER = ("# 例示\nid: 2026-11\nentries:\n"
            "  - date: 2026-11-04\n    hours: 2.5\n    area: consulting\n    partner: ueda\n    note: 準備\n"
            "  - {date: 2026-11-05, minutes: 30, area: admin}\n")
TIME = {
    "haru.yaml": "company: テスト株式会社\ntime:\n  targets: {consulting: 50%, partners: 30%, admin: 10%}\n",
    "time/2026/2026-11.yaml": NOVEMBER,
    "time/2026/2026-10.yaml": "id: 2026-10\nentries:\n  - {date: 2026-10-01, hours: 1, area: school}\n",
    "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom]\ndate: 2026-11-10\nminutes: 60\n",
    "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\n",
    "meetings/2026/2026-11-10-ueda-regular.yaml": None,
    "automations/minutes.yaml": ("id: minutes\ntitle: 議事録の下書き\narea: partners\nsince: 2026-06-01\n"
                                 "baseline: {minutes: 60, per_month: 8}\nmeasurements:\n"
                                 "  - {date: 2026-06-30, minutes: 20, per_month: 8}\n"
                                 "  - {date: 2026-11-30, minutes: 15, per_month: 10}\n"),
    "automations/slower.yaml": ("id: slower\ntitle: 研修資料\narea: school\nstatus: trial\nsince: 2026-10-01\n"
                                "review: 1m\nbaseline: {minutes: 180, per_month: 2}\n"
                                "measurements:\n  - {date: 2026-10-15, minutes: 200, per_month: 2}\n"),
}


def report(haru: Haru, root: Path, *args: str) -> dict[str, object]:
    result = haru("--data", root, *DECEMBER, "time", "report", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


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
    assert result.exit_code == 2 and "TIME" in result.stderr


def test_an_area_that_is_none_is_a_usage_error(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(TIME), "time", "log", "1h", "sleep")
    assert result.exit_code == 2 and "consulting" in result.stderr


@pytest.mark.parametrize(("path", "text", "said"), [
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, area: admin}\n",
     "3:5: error[time-entry] give exactly one of hours and minutes"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, minutes: 60, area: admin}\n",
     "give exactly one of hours and minutes"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-10-31, hours: 1, area: admin}\n",
     "date: 2026-10-31 is not a day of this file's month (2026-11)"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1.3, area: admin}\n",
     "error[hours] entries.0.hours: 1.3 hours is not in quarter hours"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, area: play}\n", "error[enum]"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, area: admin, partner: x}\n",
     "3:56: error[ref-partner] no partner 'x'"),
    ("time/2025/2026-11.yaml", NOVEMBER, "error[time-year] a time log of 2026 belongs in time/2026/2026-11.yaml"),
    ("time/2026/2026-13.yaml", "id: 2026-13\n", "error[date]"),
    ("haru.yaml", "time:\n  targets: {consulting: 60%, school: 50%}\n",
     "error[rate] time.targets: the targets come to 110%, over 100%"),
    ("automations/minutes.yaml", "id: minutes\ntitle: x\narea: admin\nstatus: retired\nsince: 2026-01-01\n"
                                 "baseline: {minutes: 1, per_month: 1}\n",
     "4:9: error[automation] a retired automation needs the day it was retired"),
    ("automations/minutes.yaml", "id: minutes\ntitle: x\narea: admin\nsince: 2026-01-01\n"
                                 "baseline: {minutes: -1, per_month: 1}\n", "error[number] baseline.minutes"),
])
def test_time_records_are_checked(workspace: WorkspaceFactory, haru: Haru, path: str, text: str, said: str) -> None:
    files: dict[str, str | bytes | None] = {**TIME, path: text}
    if path == "time/2025/2026-11.yaml":
        files["time/2026/2026-11.yaml"] = None
    result = haru("--data", workspace(files), "--lang", "en", "validate")
    assert result.exit_code == 1 and said in result.stdout, result.stdout


def test_automations_as_of_a_month(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    result = haru("--data", root, *TODAY, "automation", "list", "--month", "2026-10", "--format", "json")
    data = json.loads(result.stdout)
    by_id = {a["id"]: a for a in data["automations"]}
    assert by_id["minutes"] == {
        "id": "minutes", "title": "議事録の下書き", "area": "partners", "status": "active", "minutes_before": 60,
        "minutes_now": 20, "per_month": 8, "saved_hours_month": round(320 / 60, 2),
        "saved_hours_fy": round(5 * 320 / 60, 2),  # June (since) to October; the 11-30 measurement is not yet
        "last_measured": "2026-06-30", "next_review": "2026-09-30", "review_overdue": True,  # as of October
    }
    assert by_id["slower"]["saved_hours_month"] == round(-40 / 60, 2)
    assert by_id["slower"]["next_review"] == "2026-11-15" and by_id["slower"]["review_overdue"] is True
    assert data["saved_hours_month"] == round(280 / 60, 2)
    shown = json.loads(haru("--data", root, *TODAY, "automation", "show", "slower", "--format", "json").stdout)
    assert [a["id"] for a in shown["automations"]] == ["slower"] and shown["saved_hours_month"] == -0.67
    assert haru("--data", root, "automation", "show", "nope").exit_code == 1


def test_an_automation_before_its_first_measurement_saves_an_unknown_amount(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    fresh = "id: fresh\ntitle: 新しい業務\narea: admin\nsince: 2026-11-01\nbaseline: {minutes: 30, per_month: 4}\n"
    root = workspace({**TIME, "automations/minutes.yaml": None, "automations/slower.yaml": None,
                      "automations/fresh.yaml": fresh})
    data = json.loads(haru("--data", root, *TODAY, "automation", "list", "--month", "2026-11", "--format",
                           "json").stdout)
    assert data["automations"][0]["saved_hours_month"] is None and data["saved_hours_month"] is None
    assert report(haru, root, "--month", "2026-11")["ai_saved_hours"] is None
    assert "未測定" in haru("--data", root, *TODAY, "automation", "list", "--month", "2026-11").stdout


def test_reviews_are_in_upcoming(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    data = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "json").stdout)
    reviews = [i for i in data["items"] if i["kind"] == "ai_review"]
    assert [(i["date"], i["ref"], i["overdue"], i["partner"]) for i in reviews] == [
        ("2026-11-15", "slower", True, None), ("2027-02-28", "minutes", False, None)]
    ics = haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "ics").stdout
    assert "SUMMARY:【AI活用の効果測定】研修資料" in ics


def test_the_monthly_report_has_the_time_and_the_savings(workspace: WorkspaceFactory, haru: Haru) -> None:
    text = haru("--data", workspace(TIME), *DECEMBER, "report", "monthly", "--month", "2026-11").stdout
    assert "| コンサルティング | 2.5 | 62.5% | 50.0% | +12.5 |" in text
    assert "| 研修資料 | AIスクール | 180 | 200 | 2 | -0.67 |" in text


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
