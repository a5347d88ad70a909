"""haru opportunity move and haru pipeline."""

from __future__ import annotations

import json

from haru_cli.rules.projects import STAGES
from tests.helpers import PROJECTS, TODAY, Haru, WorkspaceFactory


def test_pipeline_and_moving_an_opportunity(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(PROJECTS)
    data = json.loads(haru("--data", root, *TODAY, "pipeline", "--format", "json").stdout)
    assert [s["stage"] for s in data["stages"]] == list(STAGES)
    proposed = next(s for s in data["stages"] if s["stage"] == "proposed")
    assert proposed["count"] == 1 and proposed["value"] == 500000
    assert proposed["opportunities"][0] | {} == {"id": "case", "title": "導入事例", "partners": ["ueda"],
                                                  "synergy": "case_study", "value": 500000, "days_in_stage": 20,
                                                  "next": "原稿レビュー", "due": "2026-11-20", "overdue": True}
    before = (root / "opportunities/case.yaml").read_text(encoding="utf-8").splitlines()
    moved = haru("--data", root, *TODAY, "opportunity", "move", "case", "agreed", "--note", "定例で合意")
    assert moved.exit_code == 0, moved.output
    after = (root / "opportunities/case.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert changed == [("stage: proposed", "stage: agreed")] and len(after) == len(before) + 1
    assert after[-1] == "  - {date: 2026-11-27, stage: agreed, note: 定例で合意}"
    dropped = haru("--data", root, *TODAY, "--lang", "en", "opportunity", "move", "seminar", "dropped")
    assert dropped.exit_code == 1 and "says why" in dropped.stderr
    assert haru("--data", root, "opportunity", "move", "case", "done").exit_code == 2


def test_show_gives_decisions_and_open_actions_and_a_move_goes_somewhere(workspace: WorkspaceFactory,
                                                                         haru: Haru) -> None:
    meeting = str(PROJECTS["meetings/2026/tool-1.yaml"]) + "actions:\n  - {task: 見積, due: 2026-12-01}\n"
    root = workspace({**PROJECTS, "meetings/2026/tool-1.yaml": meeting})
    shown = json.loads(haru("--data", root, *TODAY, "project", "show", "tool", "--format", "json").stdout)
    assert shown["meeting_log"][0]["decisions"] == ["β版は 12 月に"]
    assert [a["task"] for a in shown["open_actions"]] == ["見積"]
    same = haru("--data", root, *TODAY, "--lang", "en", "opportunity", "move", "case", "proposed")
    assert same.exit_code == 1 and "at proposed already" in same.stderr


def test_the_stage_and_the_opportunity_are_named_in_japanese(workspace: WorkspaceFactory, haru: Haru) -> None:
    """SPEC §16: `opportunity move 導入事例 合意` — the title names the opportunity, the label the stage."""
    root = workspace(PROJECTS)
    moved = haru("--data", root, *TODAY, "opportunity", "move", "導入事例", "合意")
    assert moved.exit_code == 0, moved.stderr
    assert "stage: agreed" in (root / "opportunities/case.yaml").read_text(encoding="utf-8")
    wrong = haru("--data", root, *TODAY, "opportunity", "move", "導入事例", "検討中")
    assert wrong.exit_code == 2
    assert wrong.stderr.splitlines()[-1] == (
        "エラー: '段階' の値が正しくありません: '検討中' は使えません（次のいずれか、またはその名前: idea, proposed, "
        "agreed, in_progress, delivered, dropped）")
    listed = haru("--data", root, *TODAY, "pipeline", "--synergy", "導入事例の創出", "--format", "json")
    assert [o["id"] for s in json.loads(listed.stdout)["stages"] for o in s["opportunities"]] == ["case"]
