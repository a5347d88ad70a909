"""haru search."""

from __future__ import annotations

import json
import os

from tests.helpers import FEES, Haru, WorkspaceFactory


def test_search_finds_lines_across_widths_and_kana_and_sees_edits(workspace: WorkspaceFactory, haru: Haru) -> None:
    ws = workspace({**FEES, "partners/spcom.yaml": "id: spcom\nname: 株式会社ＳＰコム\nnotes: はいしゃ計画を相談\n",
                    "contracts/broken.yaml": "id: broken\npartner: [\n  ハイシャ計画\n"})
    result = haru("--data", ws, "search", "ハイシャ", "--format", "json")
    hits = json.loads(result.stdout)["hits"]
    assert [(h["path"], h["line"], h["record"], h["excerpt"]) for h in hits] == [  # a broken file is searched too
        ("partners/spcom.yaml", 3, "spcom", "notes: はいしゃ計画を相談"),
        ("contracts/broken.yaml", 3, "broken", "ハイシャ計画")]
    wide = haru("--data", ws, "search", "sp")  # ＳＰ is sp
    shown = wide.stdout.replace(str(ws) + "/", "")
    assert wide.exit_code == 0 and "partners/spcom.yaml:2: name: 株式会社ＳＰコム" in shown
    (ws / "partners" / "spcom.yaml").write_text("id: spcom\nname: 株式会社エスピーコム\n", encoding="utf-8")
    os.utime(ws / "partners" / "spcom.yaml", (1, 1))
    gone = haru("--data", ws, "search", "はいしゃ", "--format", "json")
    assert [h["path"] for h in json.loads(gone.stdout)["hits"]] == ["contracts/broken.yaml"]
    none = haru("--data", ws, "--lang", "en", "search", "どこにもない")
    assert none.exit_code == 1 and "is nowhere" in none.stderr
