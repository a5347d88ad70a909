"""haru new opportunity: a synergy opportunity — id <partner>-<synergy>, its history starting with the stage
it is recorded at, today."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PROJECTS, TODAY, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({**PROJECTS, "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\n"})


def test_new_opportunity_at_a_stage_given_by_its_label(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "opportunity", "S.P.COM のNotion×AI導入事例の公開", "--partner",
                  "エスピーコム", "--synergy", "導入事例の創出", "--stage", "提案済み", "--value", "500000",
                  "--next", "事例原稿のレビュー依頼", "--due", "2026-12-20", "--project", "tool",
                  "--note", "定例で打診")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("opportunities/spcom-case-study.yaml")
    assert (ws / "opportunities" / "spcom-case-study.yaml").read_text(encoding="utf-8") == """\
id: spcom-case-study
title: S.P.COM のNotion×AI導入事例の公開
partners: [spcom]
synergy: case_study
stage: proposed
value: 500000
next: 事例原稿のレビュー依頼
due: 2026-12-20
project: tool
history:
  - date: 2026-11-27
    stage: proposed
    note: 定例で打診
"""
    ds = load_workspace(ws)
    assert ds.problems == []
    assert ds.opportunities["spcom-case-study"].history[-1].stage == "proposed"
    pipeline = haru("--data", ws, *TODAY, "pipeline", "--format", "json")
    assert "spcom-case-study" in pipeline.stdout  # in the pipeline at once


def test_the_id_is_made_from_partner_and_synergy_and_the_next_free_one(ws: Path, haru: Haru) -> None:
    for expected in ("ueda-tool-codev", "ueda-tool-codev-2"):
        result = haru("--data", ws, *TODAY, "new", "opportunity", "配車AIの共同開発", "--partner", "ウエダ",
                      "--partner", "spcom", "--synergy", "tool_codev")
        assert result.exit_code == 0, result.stderr
        assert (ws / "opportunities" / f"{expected}.yaml").is_file()
    found = load_workspace(ws).opportunities["ueda-tool-codev"]
    assert (found.partners, found.stage, found.history[0].date.isoformat()) == (["ueda", "spcom"], "idea", "2026-11-27")


def test_a_dropped_opportunity_needs_its_reason(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "opportunity", "x", "--partner", "ueda", "--synergy", "content",
                  "--stage", "見送り")
    assert result.exit_code == 1
    assert ("opportunities/ueda-content.yaml:6:1: error[opportunity] dropped にした理由を history の最後の note に"
            "書いてください") in result.stderr
    assert not (ws / "opportunities" / "ueda-content.yaml").exists()
    with_reason = haru("--data", ws, *TODAY, "new", "opportunity", "x", "--partner", "ueda", "--synergy", "content",
                       "--stage", "見送り", "--note", "予算なし")
    assert with_reason.exit_code == 0, with_reason.stderr


def test_a_synergy_is_required_and_one_of_the_list(ws: Path, haru: Haru) -> None:
    missing = haru("--data", ws, "new", "opportunity", "x", "--partner", "ueda")
    assert missing.exit_code == 2 and "オプション '--synergy' が必要です" in missing.stderr
    wrong = haru("--data", ws, "new", "opportunity", "x", "--partner", "ueda", "--synergy", "営業")
    assert wrong.exit_code == 2 and "'営業' は使えません" in wrong.stderr
    assert sorted(p.name for p in (ws / "opportunities").iterdir()) == ["case.yaml", "seminar.yaml"]


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "opportunity", "x", "--partner", "ueda", "--synergy", "content",
                  "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("id: ueda-content\ntitle: x\npartners: [ueda]\nsynergy: content\nstage: idea\n"
                             "history:\n  - date: 2026-11-27\n    stage: idea\n")
    assert sorted(p.name for p in (ws / "opportunities").iterdir()) == ["case.yaml", "seminar.yaml"]


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "opportunities" / "case.yaml").read_bytes()
    result = haru("--data", ws, "new", "opportunity", "x", "--id", "case", "--partner", "ueda", "--synergy", "content")
    assert result.exit_code == 1
    assert "opportunities/case.yaml は既にあります（haru はファイルを上書きしません）" in result.stderr
    assert (ws / "opportunities" / "case.yaml").read_bytes() == before


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "opportunity", "--help").stdout
    english = haru("--lang", "en", "new", "opportunity", "--help").stdout
    assert "例: haru new opportunity 生成AI導入事例の公開 --partner エスピーコム" in japanese
    assert "case_study=導入事例の創出" in japanese
    assert "Example: haru new opportunity" in english and "--synergy case_study" in " ".join(english.split())
