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
