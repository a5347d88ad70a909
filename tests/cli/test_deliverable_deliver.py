"""haru deliverable deliver: the day a deliverable was delivered, in its own line of the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory

PATH = "contracts/studio-video.yaml"
CONTRACT = ("# 例示: 研修動画\nid: studio-video\nvendor: studio\ntype: outsourcing\nstart: 2026-10-01\n"
            "deliverables:   # 成果物\n"
            "  - {id: ep1, title: 第1話, due: 2026-10-31, delivered: 2026-10-30, accepted: 2026-11-02, quality: 4}\n"
            "  - id: ep2          # 第2話\n    title: 第2話\n    due: 2026-11-25\n"
            "  - {id: ep3, title: 第3話, due: 2026-12-20}\n"
            "notes: 全 3 話\n")


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({**VENDORS, PATH: CONTRACT})


def deliverables_due(haru: Haru, root: Path) -> list[tuple[str, str, bool]]:
    upcoming = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "30d", "--format", "json").stdout)
    return [(i["date"], i["ref"], i["overdue"]) for i in upcoming["items"] if i["kind"] == "deliverable"]


def test_delivered_in_its_own_lines_counted_and_no_longer_due(ws: Path, haru: Haru) -> None:
    assert deliverables_due(haru, ws) == [("2026-11-25", "studio-video/ep2", True),
                                          ("2026-12-20", "studio-video/ep3", False)]
    block = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-video", "ep2", "--date", "2026-11-26")
    assert block.exit_code == 0, block.stderr
    flow = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-video", "第3話", "--date", "2026-11-27")
    assert flow.exit_code == 0, flow.stderr  # found by its title
    assert (ws / PATH).read_text(encoding="utf-8") == CONTRACT.replace(
        "    due: 2026-11-25\n", "    due: 2026-11-25\n    delivered: 2026-11-26\n").replace(
        "{id: ep3, title: 第3話, due: 2026-12-20}", "{id: ep3, title: 第3話, due: 2026-12-20, delivered: 2026-11-27}")
    assert "+  - {id: ep3, title: 第3話, due: 2026-12-20, delivered: 2026-11-27}\n" in flow.stdout
    assert deliverables_due(haru, ws) == []
    vendors = json.loads(haru("--data", ws, *TODAY, "vendor", "list", "--format", "json").stdout)
    card = next(v["scorecard"] for v in vendors["vendors"] if v["id"] == "studio")
    assert (card["delivered"], card["on_time"], card["late"]) == (3, 2, 1)  # ep2 a day late


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-video", "ep3", "--date", "2026-11-27",
               "--dry-run")
    assert dry.exit_code == 0 and "+  - {id: ep3, title: 第3話, due: 2026-12-20, delivered: 2026-11-27}\n" in dry.stdout
    assert (ws / PATH).read_text(encoding="utf-8") == CONTRACT


def test_an_unknown_item_a_second_delivery_or_one_before_the_contract_is_refused(ws: Path, haru: Haru) -> None:
    none = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-video", "ep9", "--date", "2026-11-27")
    assert (none.exit_code, none.stderr) == (1, "haru: 契約 studio-video に成果物「ep9」がありません。成果物: "
                                                "ep1 (第1話), ep2 (第2話), ep3 (第3話)\n")
    twice = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-video", "ep1", "--date", "2026-11-27")
    assert twice.exit_code == 1 and twice.stderr.startswith("haru: studio-video の ep1 は 2026-10-30 に納品済みです")
    early = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-video", "ep3", "--date", "2026-09-30")
    assert (early.exit_code, early.stderr) == (1, "haru: 納品日 2026-09-30 は契約 studio-video の開始日 2026-10-01 "
                                                  "より前です（何も書き込んでいません）\n")
    unknown = haru("--data", ws, *TODAY, "deliverable", "deliver", "studio-audio", "ep3", "--date", "2026-11-27")
    assert unknown.exit_code == 1 and "「studio-audio」に該当する契約がありません。候補: " in unknown.stderr
    assert "(studio-video)" in unknown.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == CONTRACT


def test_help_in_both_languages(haru: Haru) -> None:
    assert "成果物の納品日を記録します" in haru("deliverable", "deliver", "--help").stdout
    assert "Record the day a deliverable was delivered" in haru("--lang", "en", "deliverable", "deliver",
                                                                "--help").stdout
