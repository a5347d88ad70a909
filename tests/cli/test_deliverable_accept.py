"""haru deliverable accept: 検収 — the day, the quality and the times sent back, in the deliverable's lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory

PATH = "contracts/studio-video.yaml"
CONTRACT = ("# 例示: 研修動画\nid: studio-video\nvendor: studio\ntype: outsourcing\nstart: 2026-10-01\n"
            "deliverables:   # 成果物\n"
            "  - {id: ep1, title: 第1話, due: 2026-10-31, delivered: 2026-10-30, accepted: 2026-11-02, quality: 4}\n"
            "  - id: ep2          # 第2話\n    due: 2026-11-25\n    delivered: 2026-11-24   # 予定より早い\n"
            "  - {id: ep3, title: 第3話, due: 2026-12-20}\n")


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({**VENDORS, PATH: CONTRACT})


def test_accepted_with_quality_and_rework_in_its_lines(ws: Path, haru: Haru) -> None:
    done = haru("--data", ws, *TODAY, "deliverable", "accept", "studio-video", "ep2", "--date", "2026-11-26",
                "--quality", "2", "--rework", "2")
    assert done.exit_code == 0, done.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == CONTRACT.replace(
        "    delivered: 2026-11-24   # 予定より早い\n",
        "    delivered: 2026-11-24   # 予定より早い\n    accepted: 2026-11-26\n    quality: 2\n    rework: 2\n")
    vendors = json.loads(haru("--data", ws, *TODAY, "vendor", "list", "--format", "json").stdout)
    card = next(v["scorecard"] for v in vendors["vendors"] if v["id"] == "studio")
    assert (card["quality_avg"], card["rework_avg"]) == (3.0, 1.0)


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, "deliverable", "accept", "studio-video", "ep2", "--date", "2026-11-26",
               "--quality", "4", "--dry-run")
    assert dry.exit_code == 0 and "+    accepted: 2026-11-26\n+    quality: 4\n" in dry.stdout
    assert (ws / PATH).read_text(encoding="utf-8") == CONTRACT


def test_acceptance_before_delivery_or_of_what_is_not_delivered_is_refused(
        ws: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ws)
    early = haru("--data", ws, *TODAY, "deliverable", "accept", "studio-video", "ep2", "--date", "2026-11-23",
                 "--quality", "4")
    assert (early.exit_code, early.stderr) == (1, f"{PATH}:11:15: error[deliverable] accepted: 2026-11-23 は納品日 "
                                                  "2026-11-24 より前です\nharu: 何も書き込んでいません\n")
    undelivered = haru("--data", ws, *TODAY, "deliverable", "accept", "studio-video", "ep3", "--date", "2026-11-27",
                       "--quality", "4")
    assert (undelivered.exit_code, undelivered.stderr) == (
        1, "haru: studio-video の ep3 はまだ納品されていません: 先に haru deliverable deliver\n")
    again = haru("--data", ws, *TODAY, "--lang", "en", "deliverable", "accept", "studio-video", "ep1", "--date",
                 "2026-11-27", "--quality", "5")
    assert (again.exit_code, again.stderr) == (
        1, "haru: ep1 of studio-video was accepted on 2026-11-02; nothing changed (to mend it: haru edit "
           "studio-video)\n")
    assert haru("--data", ws, *TODAY, "deliverable", "accept", "studio-video", "ep2", "--date", "2026-11-26",
                "--quality", "6").exit_code == 2
    assert (ws / PATH).read_text(encoding="utf-8") == CONTRACT


def test_help_in_both_languages(haru: Haru) -> None:
    assert "検収を記録します" in haru("deliverable", "accept", "--help").stdout
    assert "--quality 1-5" in haru("--lang", "en", "deliverable", "accept", "--help").stdout
