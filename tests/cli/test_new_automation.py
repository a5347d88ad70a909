"""haru new automation: a task done with generative AI, with its baseline measured before AI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import TIME, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({"automations/minutes.yaml": TIME["automations/minutes.yaml"]})


def test_new_automation_with_its_baseline(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "automation", "議事録の下書きを生成AIで作成", "--id", "minutes-drafting",
                  "--area", "パートナー連携", "--since", "2026-06-01", "--baseline-minutes", "60", "--per-month", "7.5",
                  "--review", "6ヶ月", "--status", "試行中", "--note", "Claude で下書き")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("automations/minutes-drafting.yaml")
    assert (ws / "automations" / "minutes-drafting.yaml").read_text(encoding="utf-8") == """\
id: minutes-drafting
title: 議事録の下書きを生成AIで作成
area: partners
status: trial
since: 2026-06-01
baseline:
  minutes: 60
  per_month: 7.5
review: 6m
note: Claude で下書き
"""
    ds = load_workspace(ws)
    assert ds.problems == []
    drafting = ds.automations["minutes-drafting"]
    assert (str(drafting.baseline.minutes), str(drafting.baseline.per_month), str(drafting.review)) == ("60", "7.5",
                                                                                                     "6m")


def test_an_id_from_a_latin_title(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "automation", "Proposal drafts", "--area", "consulting", "--since",
                  "2026-10-01", "--baseline-minutes", "120", "--per-month", "4")
    assert result.exit_code == 0, result.stderr
    assert (ws / "automations" / "proposal-drafts.yaml").read_text(encoding="utf-8") == (
        "id: proposal-drafts\ntitle: Proposal drafts\narea: consulting\nstatus: active\nsince: 2026-10-01\n"
        "baseline:\n  minutes: 120\n  per_month: 4\n")


def test_a_japanese_title_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "automation", "研修資料の作成", "--area", "school", "--since", "2026-10-01",
                  "--baseline-minutes", "180", "--per-month", "2")
    assert result.exit_code == 2
    assert "件名から自動化の ID を作れません（ID は英字だけの件名から作ります）" in result.stderr


def test_the_baseline_is_required_and_a_negative_one_refused(ws: Path, haru: Haru) -> None:
    missing = haru("--data", ws, "new", "automation", "X", "--area", "school", "--since", "2026-10-01",
                   "--per-month", "2")
    assert missing.exit_code == 2 and "オプション '--baseline-minutes' が必要です" in missing.stderr
    negative = haru("--data", ws, "new", "automation", "X", "--area", "school", "--since", "2026-10-01",
                    "--baseline-minutes", "-5", "--per-month", "2")
    assert negative.exit_code == 1
    assert ("automations/x.yaml:7:12: error[number] baseline.minutes: -5 は範囲外です（0 以上 1000000000 以下）"
            in negative.stderr)
    review = haru("--data", ws, "new", "automation", "X", "--area", "school", "--since", "2026-10-01",
                  "--baseline-minutes", "5", "--per-month", "2", "--review", "そのうち")
    assert review.exit_code == 2 and "'そのうち' は期間ではありません" in review.stderr
    assert not (ws / "automations" / "x.yaml").exists()


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "automation", "X", "--area", "admin", "--since", "2026-10-01",
                  "--baseline-minutes", "7.5", "--per-month", "20", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("id: x\ntitle: X\narea: admin\nstatus: active\nsince: 2026-10-01\n"
                             "baseline:\n  minutes: 7.5\n  per_month: 20\n")
    assert sorted(p.name for p in (ws / "automations").iterdir()) == ["minutes.yaml"]


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "automations" / "minutes.yaml").read_bytes()
    result = haru("--data", ws, "new", "automation", "別", "--id", "minutes", "--area", "admin", "--since",
                  "2026-10-01", "--baseline-minutes", "5", "--per-month", "2")
    assert result.exit_code == 1
    assert "automations/minutes.yaml は既にあります（haru はファイルを上書きしません）" in result.stderr
    assert (ws / "automations" / "minutes.yaml").read_bytes() == before


def test_edit_adds_what_the_options_do_not_say(ws: Path, haru: Haru, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys\npath = sys.argv[1]\ntext = open(path, encoding='utf-8').read()\n"
                      "open(path, 'w', encoding='utf-8').write(text + 'measurements:\\n"
                      "  - {date: 2026-10-31, minutes: 2, per_month: 20}\\n')\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = haru("--data", ws, "new", "automation", "X", "--area", "admin", "--since", "2026-10-01",
                  "--baseline-minutes", "5", "--per-month", "20", "--edit")
    assert result.exit_code == 0, result.stderr
    assert [m.minutes for m in load_workspace(ws).automations["x"].measurements] == [2]


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "automation", "--help").stdout
    english = haru("--lang", "en", "new", "automation", "--help").stdout
    assert "例: haru new automation 議事録の下書きを生成AIで作成 --id minutes-drafting" in japanese
    assert "partners=パートナー連携" in japanese
    assert "Example: haru new automation" in english and "--baseline-minutes 60" in " ".join(english.split())
