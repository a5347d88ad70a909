"""haru school evaluate."""

from __future__ import annotations

from tests.helpers import FEES, SCHOOL, TODAY, Haru, WorkspaceFactory


def test_evaluate_appends_one_entry(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    before = (root / "students/2026-ito.yaml").read_text(encoding="utf-8")
    done = haru("--data", root, *TODAY, "school", "evaluate", "2026-ito", "a1", "--level", "具体性=4", "--level",
                "効果検証=3", "--tool", "ChatGPT", "--examiner", "社長")
    assert done.exit_code == 0, done.output
    after = (root / "students/2026-ito.yaml").read_text(encoding="utf-8")
    assert after.startswith(before) and "2026-11-27" in after[len(before):]
    wrong = haru("--data", root, *TODAY, "--lang", "en", "school", "evaluate", "2026-ito", "a1", "--level", "具体性=4")
    assert wrong.exit_code == 1 and "exactly the assignment's criteria" in wrong.stderr
    assert (root / "students/2026-ito.yaml").read_text(encoding="utf-8") == after
    bad = haru("--data", root, "school", "evaluate", "2026-ito", "a1", "--level", "具体性")
    assert bad.exit_code == 2


def test_the_student_is_named_as_a_person_names_them(workspace: WorkspaceFactory, haru: Haru) -> None:
    """SPEC §16: `school evaluate 伊藤一郎 a1` finds the student by name (spaces, kana and width folded)."""
    root = workspace({**FEES, **SCHOOL, "students/2026-ito.yaml": str(SCHOOL["students/2026-ito.yaml"]).replace(
        "name: 伊藤 一郎\n", "name: 伊藤 一郎\nkana: イトウ イチロウ\n")})
    for query in ("伊藤一郎", "いとういちろう", "ｲﾄｳ"):
        done = haru("--data", root, *TODAY, "school", "evaluate", query, "a1", "--level", "具体性=4", "--level",
                    "効果検証=3", "--dry-run")
        assert done.exit_code == 0, (query, done.stderr)
        assert "+++ b/students/2026-ito.yaml" in done.stdout
    nobody = haru("--data", root, *TODAY, "school", "evaluate", "山田太郎", "a1", "--level", "具体性=4")
    assert nobody.exit_code == 1
    assert nobody.stderr.splitlines()[-1] == ("haru: 「山田太郎」に該当する受講生がありません。"
                                              "受講生: 伊藤 一郎 (2026-ito), 佐藤 花子 (2026-sato)")
