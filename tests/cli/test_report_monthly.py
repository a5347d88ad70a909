"""haru report monthly."""

from __future__ import annotations

import json

from tests.helpers import REPORTS, TIME, TODAY, Haru, WorkspaceFactory, report_section

DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken


def test_the_monthly_report_has_the_time_and_the_savings(workspace: WorkspaceFactory, haru: Haru) -> None:
    text = haru("--data", workspace(TIME), *DECEMBER, "report", "monthly", "--month", "2026-11").stdout
    assert "| コンサルティング | 2.5 | 62.5% | 50.0% | +12.5 |" in text
    assert "| 研修資料 | AIスクール | 180 | 200 | 2 | -0.67 |" in text


def test_the_dates_ahead_are_what_upcoming_lists_for_sixty_days(workspace: WorkspaceFactory, haru: Haru) -> None:
    """「今後60日の期限」 showed contract dates only, while upcoming listed an overdue 定例, next steps and
    payouts (issue 27 part 6): the same items now, in its order, overdue ones marked as it marks them."""
    root = workspace(REPORTS)
    items = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "60d", "--format", "json").stdout)["items"]
    assert {i["kind"] for i in items} >= {"regular_meeting", "action", "payout", "opportunity", "notice_deadline"}
    text = haru("--data", root, *TODAY, "--lang", "en", "report", "monthly", "--month", "2026-10").stdout
    rows = report_section(text, "Dates in the next 60 days")[2:]
    assert len(rows) == len(items)
    for row, item in zip(rows, items, strict=True):
        day = item["date"] + (" (overdue)" if item["overdue"] else "")
        assert row.startswith(f"| {day} | "), (row, item)
        assert f" | {item['name']} | " in row
    assert "| 2026-10-30 (overdue) | Fee payout | 株式会社ウエダ | ¥49,500 2026-09 |" in rows
    assert "| 2026-11-30 | Fee payout | 株式会社ウエダ | ¥135,801 2026-10 (paid) |" in rows
    assert "| 2025-11-01 (overdue) | Regular meeting | 株式会社S.P.COM | Regular meeting |" in rows


def test_a_notice_deadline_passed_is_marked_as_upcoming_marks_it(workspace: WorkspaceFactory, haru: Haru) -> None:
    """Its term runs on until it ends: 予告期限経過, not 超過 — and a vendor's contract names the vendor."""
    files = {**REPORTS, "vendors/kato.yaml": "id: kato\nname: 加藤健太\nentity: individual\nstatus: active\n",
             "contracts/kato-dev.yaml": "id: kato-dev\nvendor: kato\ntype: outsourcing\ntitle: 開発業務委託\n"
                                        "start: 2026-01-01\nend: 2026-12-31\nauto_renew: true\nterm: 1y\nnotice: 2m\n"}
    text = haru("--data", workspace(files), *TODAY, "report", "monthly").stdout
    assert "| 2026年10月31日（予告期限経過） | 解約予告期限 | 加藤健太 | 開発業務委託 |" in text
