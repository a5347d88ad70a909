"""haru sourcing score: a candidate scored on the selection's own criteria (`--<criterion> N`, or
`--score CRITERION=N`), its lines only; a vendor not yet a candidate added, scored on every criterion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory

PATH = "sourcing/pick.yaml"
OPEN = ("# 例示\nid: pick\ntitle: 動画の委託先\nopened: 2026-09-01\nstatus: open   # 選定中\n"
        "criteria: {expertise: 40%, track_record: 25%, cost: 20%, communication: 15%}\ncandidates:\n"
        "  - vendor: studio   # 第一候補\n    scores: {expertise: 5, track_record: 4, cost: 3, communication: 4}\n"
        "    quote: 900000\n"
        "  - vendor: eizo\n    scores: {expertise: 3, track_record: 3, cost: 5, communication: 4}\n"
        "    notes: 安い\n")
KATO = "id: kato\nname: 加藤健太\nkana: カトウケンタ\nentity: individual\n"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({**VENDORS, PATH: OPEN, "vendors/kato.yaml": KATO})


def compared(haru: Haru, root: Path) -> dict[str, tuple[dict[str, int], float, int | None]]:
    shown = json.loads(haru("--data", root, *TODAY, "vendor", "compare", "pick", "--format", "json").stdout)
    return {c["vendor"]: (c["scores"], c["score"], c["quote"]) for c in shown["candidates"]}


def test_a_candidate_is_scored_in_its_own_line_every_way_a_criterion_is_named(ws: Path, haru: Haru) -> None:
    scored = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "映像", "--expertise", "4", "--track-record=2",
                  "--score", "コスト=3", "--quote", "650000")
    assert scored.exit_code == 0, scored.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN.replace(
        "  - vendor: eizo\n    scores: {expertise: 3, track_record: 3, cost: 5, communication: 4}\n",
        "  - vendor: eizo\n    scores: {expertise: 4, track_record: 2, cost: 3, communication: 4}\n").replace(
        "    notes: 安い\n", "    notes: 安い\n    quote: 650000\n")
    assert compared(haru, ws)["eizo"] == ({"expertise": 4, "track_record": 2, "cost": 3, "communication": 4},
                                          66, 650000)  # (4×40 + 2×25 + 3×20 + 4×15) ÷ 5


def test_a_vendor_not_yet_a_candidate_is_added_scored_on_every_criterion(ws: Path, haru: Haru) -> None:
    added = haru("--data", ws, *TODAY, "sourcing", "score", "--expertise", "4", "pick", "加藤", "--track_record", "3",
                 "--cost", "5", "--communication", "５")  # criteria before the arguments, a full-width digit
    assert added.exit_code == 0, added.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN + (
        "  - vendor: kato\n    scores: {expertise: 4, track_record: 3, cost: 5, communication: 5}\n")
    assert compared(haru, ws)["kato"][1] == 82  # (4×40 + 3×25 + 5×20 + 5×15) ÷ 5


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    dry = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "eizo", "--cost", "4", "--dry-run")
    assert dry.exit_code == 0
    assert "+    scores: {expertise: 3, track_record: 3, cost: 4, communication: 4}\n" in dry.stdout
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN


def test_what_cannot_be_scored_is_refused(ws: Path, haru: Haru) -> None:
    partly = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "kato", "--expertise", "4")
    assert (partly.exit_code, partly.stderr) == (
        1, "haru: kato は選定 pick の候補ではありません。候補に加えるにはすべての基準の点数が必要です"
           "（足りない基準: track_record, cost, communication）\n")
    typo = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "eizo", "--expertize", "4")
    assert typo.exit_code == 2 and typo.stderr.endswith(
        "エラー: 選定の基準に 'expertize' はありません（基準: expertise, track_record, cost, communication）\n")
    high = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "eizo", "--cost", "6")
    assert high.exit_code == 2 and high.stderr.endswith(
        "エラー: --cost の値が正しくありません: '6' は 1〜5 の点数ではありません\n")
    none = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "eizo")
    assert none.exit_code == 2 and "点数がありません" in none.stderr
    twice = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "eizo", "--cost", "4", "--score", "cost=3")
    assert twice.exit_code == 2 and "基準 cost の点数が二度あります" in twice.stderr
    assert (ws / PATH).read_text(encoding="utf-8") == OPEN


def test_a_decided_selection_is_not_scored_again(workspace: WorkspaceFactory, haru: Haru) -> None:
    ws = workspace(VENDORS)  # pick, decided for studio
    result = haru("--data", ws, *TODAY, "sourcing", "score", "pick", "eizo", "--cost", "4")
    assert (result.exit_code, result.stderr) == (
        1, "haru: 選定 pick は決定です（決定: studio、2026-09-20）。選定中のものだけを変えます: "
           "直すには haru edit pick\n")


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("sourcing", "score", "--help").stdout
    assert "[--基準 N]..." in japanese and "--score 基準=点数" in japanese and "専門性=4" in japanese
    assert "Score a candidate 1-5" in haru("--lang", "en", "sourcing", "score", "--help").stdout
