"""haru sourcing decide: a selection decided for one of its candidates, with the day and the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory

PATH = "sourcing/pick.yaml"
OPEN = ("# 例示\nid: pick\ntitle: 動画の委託先\nopened: 2026-09-01\nstatus: open   # 選定中\n"
        "criteria: {expertise: 40%, track_record: 25%, cost: 20%, communication: 15%}\ncandidates:\n"
        "  - {vendor: studio, scores: {expertise: 5, track_record: 4, cost: 3, communication: 4}, quote: 900000}\n"
        "  - {vendor: eizo, scores: {expertise: 3, track_record: 3, cost: 5, communication: 4}, quote: 600000}\n"
        "# 決定は定例で\n")
KATO = "id: kato\nname: 加藤健太\nkana: カトウケンタ\nentity: individual\n"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({**VENDORS, PATH: OPEN, "vendors/kato.yaml": KATO})


def test_decided_with_its_day_and_reason(ws: Path, haru: Haru) -> None:
    decided = haru("--data", ws, *TODAY, "sourcing", "decide", "pick", "スタジオ", "--date", "2026-09-20",
                   "--reason", "構成力を重視した。\n費用差は本数で吸収する。")
    assert decided.exit_code == 0, decided.stderr
    decision = ("decision:\n  vendor: studio\n  date: 2026-09-20\n  reason: |-\n"
                "    構成力を重視した。\n    費用差は本数で吸収する。\n")
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN.replace("status: open   #", "status: decided   #").replace(
        "# 決定は定例で\n", decision + "# 決定は定例で\n")  # after the last value, the closing comment stays last
    shown = json.loads(haru("--data", ws, *TODAY, "vendor", "compare", "pick", "--format", "json").stdout)
    assert (shown["status"], shown["decision"]["vendor"], shown["decision"]["date"]) == ("decided", "studio",
                                                                                         "2026-09-20")


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, "sourcing", "decide", "pick", "eizo", "--date", "2026-09-20", "--reason", "安い",
               "--dry-run")
    assert dry.exit_code == 0 and "+status: decided   # 選定中\n" in dry.stdout and "+  vendor: eizo\n" in dry.stdout
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN


def test_a_vendor_not_a_candidate_a_day_before_it_opened_or_a_second_decision_is_refused(ws: Path,
                                                                                         haru: Haru) -> None:
    decide = ("--data", ws, *TODAY, "sourcing", "decide", "pick")
    stranger = haru(*decide, "kato", "--date", "2026-09-20", "--reason", "x")
    assert (stranger.exit_code, stranger.stderr) == (
        1, "haru: kato は選定 pick の候補ではありません（候補: studio, eizo）。"
           "先に haru sourcing score で点数をつけてください\n")
    early = haru("--data", ws, *TODAY, "sourcing", "decide", "pick", "eizo", "--date", "2026-08-31", "--reason", "x")
    assert (early.exit_code, early.stderr) == (
        1, "haru: 決定日 2026-08-31 は選定 pick を始めた日 2026-09-01 より前です（何も書き込んでいません）\n")
    nobody = haru(*decide, "存在しない", "--date", "2026-09-20", "--reason", "x")
    assert nobody.exit_code == 1 and nobody.stderr.startswith("haru: 「存在しない」に該当する委託先がありません")
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN
    assert haru("--data", ws, *TODAY, "sourcing", "decide", "pick", "eizo", "--date", "2026-09-20",
                "--reason", "安い").exit_code == 0
    again = haru("--data", ws, *TODAY, "--lang", "en", "sourcing", "decide", "pick", "studio", "--date", "2026-09-21",
                 "--reason", "x")
    assert (again.exit_code, again.stderr) == (
        1, "haru: selection pick is Decided (decision: eizo, 2026-09-20); only an open one changes: to mend it, "
           "haru edit pick\n")


def test_help_in_both_languages(haru: Haru) -> None:
    assert "選定を候補の 1 社に決めます" in haru("sourcing", "decide", "--help").stdout
    assert "--reason TEXT" in haru("--lang", "en", "sourcing", "decide", "--help").stdout
