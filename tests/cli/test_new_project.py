"""haru new project: a joint project with one or more partners, each found as a partner QUERY."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PROJECTS, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({**PROJECTS,
                      "partners/ucworld.yaml": "id: ucworld\nname: UCWORLD株式会社\nkana: ユーシーワールド\n"})


def test_new_project_with_two_partners(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "project", "マーケティングツール共同開発", "--id", "ucworld-marketing-tool",
                  "--partner", "ユーシーワールド", "--partner", "うえだ", "--partner", "ueda", "--start", "2026-10-01",
                  "--contract", "ueda-referral", "--cadence", "隔週", "--goal", "β版を2027年3月に公開")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("projects/ucworld-marketing-tool.yaml")
    assert (ws / "projects" / "ucworld-marketing-tool.yaml").read_text(encoding="utf-8") == """\
id: ucworld-marketing-tool
title: マーケティングツール共同開発
partners: [ucworld, ueda]
contract: ueda-referral
status: active
start: 2026-10-01
goal: β版を2027年3月に公開
cadence: biweekly
"""
    ds = load_workspace(ws)
    assert ds.problems == []
    assert ds.projects["ucworld-marketing-tool"].partners == ["ucworld", "ueda"]  # ウエダ named twice is once


def test_an_id_from_a_latin_title(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "project", "Tool", "--partner", "ueda", "--start", "2026-12-01",
                  "--status", "計画中")
    assert result.exit_code == 0, result.stderr
    assert (ws / "projects" / "tool-2.yaml").is_file()  # tool is taken (PROJECTS)
    assert load_workspace(ws).projects["tool-2"].status == "planned"


def test_an_unknown_partner_is_refused_with_the_partners_there_are(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "project", "Tool", "--partner", "誰か", "--start", "2026-12-01")
    assert result.exit_code == 1
    assert "「誰か」に該当するパートナーがありません" in result.stderr
    assert not (ws / "projects" / "tool-2.yaml").exists()


def test_a_partner_is_required_and_the_contract_must_be_one_of_theirs(ws: Path, haru: Haru) -> None:
    missing = haru("--data", ws, "new", "project", "Tool", "--start", "2026-12-01")
    assert missing.exit_code == 2 and "オプション '--partner' が必要です" in missing.stderr
    other = haru("--data", ws, "new", "project", "Tool", "--partner", "ucworld", "--start", "2026-12-01",
                 "--contract", "ueda-referral")
    assert other.exit_code == 1 and "projects/tool-2.yaml:4:11: error[project]" in other.stderr
    assert "何も書き込んでいません" in other.stderr
    assert not (ws / "projects" / "tool-2.yaml").exists()


def test_a_japanese_title_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "project", "共同開発", "--partner", "ueda", "--start", "2026-12-01")
    assert result.exit_code == 2
    assert "件名からプロジェクトの ID を作れません（ID は英字だけの件名から作ります）" in result.stderr


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "project", "Seminar", "--partner", "ueda", "--start", "2026-12-01",
                  "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "id: seminar\ntitle: Seminar\npartners: [ueda]\nstatus: active\nstart: 2026-12-01\n"
    assert sorted(p.name for p in (ws / "projects").iterdir()) == ["tool.yaml"]


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "projects" / "tool.yaml").read_bytes()
    result = haru("--data", ws, "new", "project", "別", "--id", "tool", "--partner", "ueda", "--start", "2026-12-01")
    assert result.exit_code == 1
    assert "projects/tool.yaml は既にあります（haru はファイルを上書きしません）" in result.stderr
    assert (ws / "projects" / "tool.yaml").read_bytes() == before


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "project", "--help").stdout
    english = haru("--lang", "en", "new", "project", "--help").stdout
    assert "例: haru new project マーケティングツール共同開発 --id ucworld-marketing-tool" in japanese
    assert "biweekly=隔週" in japanese
    assert "Example: haru new project" in english and "--cadence biweekly" in english
