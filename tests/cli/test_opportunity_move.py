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
    assert same.exit_code == 1 and "at Proposed already" in same.stderr


CASE = ("# 例示: 事例化\nid: case\ntitle: 導入事例\npartners: [ueda]\nsynergy: case_study\n"
        "stage: proposed   # 打診済み\nvalue: 500000\nnext: 原稿レビュー   # 先方待ち\ndue: 2026-11-20\nhistory:\n"
        "  - {date: 2026-10-01, stage: idea}\n  - {date: 2026-11-07, stage: proposed}\n")


def next_steps(haru: Haru, root: object) -> list[tuple[str, str, bool]]:
    upcoming = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "30d", "--format", "json").stdout)
    return [(i["date"], i["subject"], i["overdue"]) for i in upcoming["items"] if i["kind"] == "opportunity"]


def test_a_move_with_next_and_due_replaces_the_stale_next_step(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**PROJECTS, "opportunities/case.yaml": CASE})
    assert next_steps(haru, root) == [("2026-11-20", "原稿レビュー", True)]  # the old step, overdue
    moved = haru("--data", root, *TODAY, "opportunity", "move", "case", "合意", "--note", "定例で合意",
                 "--next", "契約書の送付", "--due", "2026-12-10")
    assert moved.exit_code == 0, moved.stderr
    assert (root / "opportunities/case.yaml").read_text(encoding="utf-8") == (
        CASE.replace("stage: proposed   # 打診済み", "stage: agreed   # 打診済み")
        .replace("next: 原稿レビュー   # 先方待ち\ndue: 2026-11-20", "next: 契約書の送付   # 先方待ち\ndue: 2026-12-10")
        + "  - {date: 2026-11-27, stage: agreed, note: 定例で合意}\n")
    assert next_steps(haru, root) == [("2026-12-10", "契約書の送付", False)]


def test_a_next_step_without_a_due_date_does_not_keep_the_old_one(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**PROJECTS, "opportunities/case.yaml": CASE})
    moved = haru("--data", root, *TODAY, "opportunity", "move", "case", "agreed", "--next", "契約書の送付")
    assert moved.exit_code == 0, moved.stderr
    assert moved.stderr == ("前の一手の期日 2026-11-20 は外しました。次の一手「契約書の送付」には期日がないため "
                            "upcoming には出ません（--due で指定できます）\n")
    text = (root / "opportunities/case.yaml").read_text(encoding="utf-8")
    assert "due:" not in text and "next: 契約書の送付   # 先方待ち\nhistory:\n" in text
    assert next_steps(haru, root) == []


def test_at_its_stage_only_the_next_step_changes(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**PROJECTS, "opportunities/case.yaml": CASE})
    later = haru("--data", root, *TODAY, "opportunity", "move", "case", "proposed", "--due", "2026-12-04")
    assert later.exit_code == 0, later.stderr
    assert (root / "opportunities/case.yaml").read_text(encoding="utf-8") == CASE.replace("due: 2026-11-20",
                                                                                         "due: 2026-12-04")
    assert next_steps(haru, root) == [("2026-12-04", "原稿レビュー", False)]


def test_dry_run_shows_the_change_and_writes_nothing(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**PROJECTS, "opportunities/case.yaml": CASE})
    dry = haru("--data", root, *TODAY, "opportunity", "move", "case", "agreed", "--next", "契約書の送付", "--due",
               "2026-12-10", "--dry-run")
    assert dry.exit_code == 0 and "+due: 2026-12-10\n" in dry.stdout and "-due: 2026-11-20\n" in dry.stdout
    assert (root / "opportunities/case.yaml").read_text(encoding="utf-8") == CASE


def test_a_due_date_before_the_move_or_a_move_back_in_time_is_refused(workspace: WorkspaceFactory,
                                                                      haru: Haru) -> None:
    root = workspace({**PROJECTS, "opportunities/case.yaml": CASE})
    early = haru("--data", root, *TODAY, "opportunity", "move", "case", "agreed", "--date", "2026-11-25",
                 "--due", "2026-11-24")
    assert (early.exit_code, early.stderr) == (
        1, "haru: 次の一手の期日 2026-11-24 が 2026-11-25 より前です（何も書き込んでいません）\n")
    back = haru("--data", root, *TODAY, "opportunity", "move", "case", "agreed", "--date", "2026-11-01")
    assert back.exit_code == 1 and "error[opportunity]" in back.stderr  # before the last history entry (11-07)
    assert (root / "opportunities/case.yaml").read_text(encoding="utf-8") == CASE


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("opportunity", "move", "--help").stdout
    assert "次の一手" in japanese and "proposed=提案済み" in japanese
    english = haru("--lang", "en", "opportunity", "move", "--help").stdout
    assert "--next TEXT" in english and "--due YYYY-MM-DD" in english and "proposed" in english
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
