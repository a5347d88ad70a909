"""haru new course: a course of the school with its practical assignments, each ID:TITLE:CRITERION,…"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SCHOOL, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({"courses/practice.yaml": SCHOOL["courses/practice.yaml"]})


def test_new_course_with_its_assignments(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "course", "生成AI実践コース 2026年春期", "--id", "ai-practice-2026-spring",
                  "--start", "2026-04-01", "--end", "2026-09-30", "--levels", "5", "--pass-level", "4",
                  "--assignment", "a1:自社業務へのAI適用:具体性,効果検証,再現性",
                  "--assignment", "a2::巻き込み、継続性")  # no title; the Japanese comma
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("courses/ai-practice-2026-spring.yaml")
    assert (ws / "courses" / "ai-practice-2026-spring.yaml").read_text(encoding="utf-8") == """\
id: ai-practice-2026-spring
title: 生成AI実践コース 2026年春期
start: 2026-04-01
end: 2026-09-30
levels: 5
pass_level: 4
assignments:
  - id: a1
    title: 自社業務へのAI適用
    criteria: [具体性, 効果検証, 再現性]
  - id: a2
    criteria: [巻き込み, 継続性]
"""
    ds = load_workspace(ws)
    assert ds.problems == []
    course = ds.courses["ai-practice-2026-spring"]
    assert [(a.id, a.title, a.criteria) for a in course.assignments] == [
        ("a1", "自社業務へのAI適用", ["具体性", "効果検証", "再現性"]), ("a2", None, ["巻き込み", "継続性"])]


def test_an_id_from_a_latin_title(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "course", "AI Practice 2027", "--start", "2027-04-01")
    assert result.exit_code == 0, result.stderr
    assert (ws / "courses" / "ai-practice-2027.yaml").read_text(encoding="utf-8") == (
        "id: ai-practice-2027\ntitle: AI Practice 2027\nstart: 2027-04-01\n")


def test_a_japanese_title_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "course", "生成AI実践コース", "--start", "2027-04-01")
    assert result.exit_code == 2
    assert "件名からコースの ID を作れません（ID は英字だけの件名から作ります）" in result.stderr
    assert sorted(p.name for p in (ws / "courses").iterdir()) == ["practice.yaml"]  # not ai.yaml


@pytest.mark.parametrize("assignment", ["a1:具体性", "a1:件名:", ":件名:具体性"])
def test_an_assignment_that_is_not_id_title_criteria_is_a_usage_error(ws: Path, haru: Haru, assignment: str) -> None:
    result = haru("--data", ws, "new", "course", "X", "--start", "2027-04-01", "--assignment", assignment)
    assert result.exit_code == 2
    assert (f"'{assignment}' は ID:件名:基準,基準 ではありません（a1:自社業務へのAI適用:具体性,効果検証 のように。"
            "件名は空でも可）") in result.stderr
    assert not (ws / "courses" / "x.yaml").exists()


def test_a_missing_start_and_an_end_before_it_are_refused(ws: Path, haru: Haru) -> None:
    missing = haru("--data", ws, "new", "course", "X")
    assert missing.exit_code == 2 and "オプション '--start' が必要です" in missing.stderr
    backwards = haru("--data", ws, "new", "course", "X", "--start", "2027-04-01", "--end", "2027-03-31")
    assert backwards.exit_code == 1 and "error[date-order]" in backwards.stderr
    twice = haru("--data", ws, "new", "course", "X", "--start", "2027-04-01", "--assignment", "a1::具体性",
                 "--assignment", "a1::効果検証")
    assert twice.exit_code == 1 and "error[school]" in twice.stderr
    assert not (ws / "courses" / "x.yaml").exists()


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "course", "X", "--start", "2027-04-01", "--assignment", "a1::具体性",
                  "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "id: x\ntitle: X\nstart: 2027-04-01\nassignments:\n  - id: a1\n    criteria: [具体性]\n"
    assert not (ws / "courses" / "x.yaml").exists()


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "courses" / "practice.yaml").read_bytes()
    result = haru("--data", ws, "new", "course", "別のコース", "--id", "practice", "--start", "2027-04-01")
    assert result.exit_code == 1
    assert "courses/practice.yaml は既にあります（haru はファイルを上書きしません）" in result.stderr
    assert (ws / "courses" / "practice.yaml").read_bytes() == before


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "course", "--help").stdout
    english = haru("--lang", "en", "new", "course", "--help").stdout
    assert "例: haru new course \"生成AI実践コース 2026年春期\" --id ai-practice-2026-spring" in japanese
    assert "実践課題（繰り返し可）" in japanese
    assert "Example: haru new course" in english and "ID:TITLE:CRITERION" in english
