"""One record file merged from its three texts (SPEC §18): in ours' own text, comments and line ends kept;
conflicts between git's markers; a version that is no readable record, or a result that is no valid record,
left whole between markers — never a lost or doubled side. Also the text-level parts (write/merge_text.py)."""

from __future__ import annotations

from haru_cli.load.yamlio import conflict_marker, parse_yaml
from haru_cli.records.models import Partner, TimeLog
from haru_cli.records.registry import PARTNER, TIME
from haru_cli.write.merge_file import merge_texts
from haru_cli.write.merge_text import split_conflicts

BASE = """\
# yaml-language-server: $schema=../../schemas/time.schema.json
id: 2026-12
# 12月の記録（手で書いたメモ）
entries:
  - date: 2026-12-01  # 初日
    hours: 1
    area: admin
"""
OURS = BASE + "  - {date: 2026-12-05, hours: 2, area: school, note: 社長}\n"
THEIRS = BASE + "  - date: 2026-12-03  # PM の分\n    hours: 1.5\n    area: consulting\n    note: PM\n"
PATH = "time/2026/2026-12.yaml"


def test_entries_of_both_sides_merge_in_ours_text_comments_kept() -> None:
    found = merge_texts(BASE, OURS, THEIRS, PATH, TimeLog, TIME)
    assert found.clean
    assert found.text == BASE + ("  - date: 2026-12-03  # PM の分\n    hours: 1.5\n    area: consulting\n    note: PM\n"
                                 "  - {date: 2026-12-05, hours: 2, area: school, note: 社長}\n")


def test_crlf_and_a_bom_of_ours_stay() -> None:
    ours = "\ufeff" + OURS.replace("\n", "\r\n")
    found = merge_texts(BASE, ours, THEIRS, PATH, TimeLog, TIME)
    assert found.clean and found.text.startswith("\ufeff# yaml") and "\n" not in found.text.replace("\r\n", "")


PARTNER_TEXT = "id: ueda\nname: 株式会社ウエダ\n# 担当は社長\nowner: 佐藤\ncadence: monthly\n"


def test_a_key_changed_two_ways_is_left_between_markers_and_validate_sees_them() -> None:
    found = merge_texts(PARTNER_TEXT, PARTNER_TEXT.replace("佐藤", "鈴木"),
                        PARTNER_TEXT.replace("佐藤", "田中").replace("monthly", "quarterly"), "partners/ueda.yaml",
                        Partner, PARTNER)
    assert not found.clean and found.why == "conflict" and found.conflicts == [("owner",)]
    assert found.text == ("id: ueda\nname: 株式会社ウエダ\n# 担当は社長\n<<<<<<< ours\nowner: 鈴木\n=======\n"
                          "owner: 田中\n>>>>>>> theirs\ncadence: quarterly\n")
    doc, problems = parse_yaml(found.text, "partners/ueda.yaml")
    assert doc is None and [(p.code, p.line) for p in problems] == [("merge-conflict", 4)]
    assert split_conflicts(found.text) == (PARTNER_TEXT.replace("佐藤", "鈴木").replace("monthly", "quarterly"),
                                           PARTNER_TEXT.replace("佐藤", "田中").replace("monthly", "quarterly"))


def test_a_conflict_inside_an_item_is_shown_as_the_item() -> None:
    base = "id: 2026-12\nentries:\n  - date: 2026-12-01\n    hours: 1\n    area: admin\n"
    found = merge_texts(base, base.replace("hours: 1", "hours: 2"), base.replace("hours: 1", "hours: 3"), PATH,
                        TimeLog, TIME)
    assert found.conflicts == [("entries", 0, "hours")]
    assert "<<<<<<< ours\n    hours: 2\n=======\n    hours: 3\n>>>>>>> theirs\n" in found.text


def test_a_merge_that_is_no_valid_record_is_no_clean_merge() -> None:
    """A change that makes the record invalid (a cadence it cannot have) is not merged in: both sides whole."""
    ours = PARTNER_TEXT.replace("佐藤", "鈴木")
    theirs = PARTNER_TEXT.replace("monthly", "weekly")
    found = merge_texts(PARTNER_TEXT, ours, theirs, "partners/ueda.yaml", Partner, PARTNER)
    assert not found.clean and found.why == "invalid" and [p.code for p in found.problems] == ["enum"]
    assert split_conflicts(found.text) == (ours, theirs)


def test_a_change_of_an_entry_and_a_new_entry_merge_as_one() -> None:
    base = "id: 2026-12\nentries:\n  - date: 2026-12-01\n    hours: 1\n    area: admin\n    note: a\n"
    ours = base.replace("note: a", "note: b")
    theirs = base.replace("    hours: 1\n", "    minutes: 30\n") + "  - {date: 2026-12-02, hours: 1, area: admin}\n"
    found = merge_texts(base, ours, theirs, PATH, TimeLog, TIME)
    assert found.clean and found.text == ("id: 2026-12\nentries:\n  - date: 2026-12-01\n    area: admin\n"
                                          "    note: b\n    minutes: 30\n"
                                          "  - {date: 2026-12-02, hours: 1, area: admin}\n")


def test_a_version_that_is_not_yaml_leaves_both_sides_whole() -> None:
    for broken in ("id: [\n", "a: &x 1\nb: *x\n", "<<<<<<< ours\nid: x\n=======\nid: y\n>>>>>>> theirs\n"):
        for sides in ((broken, OURS, THEIRS), (BASE, broken, THEIRS), (BASE, OURS, broken)):
            found = merge_texts(*sides, PATH, TimeLog, TIME)
            assert not found.clean and found.why == "unreadable"
            assert conflict_marker(found.text) is not None
            assert found.text.count("<<<<<<<") >= 1 and sides[2] in found.text and sides[1] in found.text


def test_one_side_unchanged_gives_the_other_text_as_it_is() -> None:
    assert merge_texts(BASE, BASE, THEIRS, PATH, TimeLog, TIME).text == THEIRS
    assert merge_texts(BASE, OURS, BASE, PATH, TimeLog, TIME).text == OURS


def test_markers_are_only_markers_at_the_start_of_a_line_with_an_end() -> None:
    assert conflict_marker("notes: |\n  <<<<<<< not one\n  >>>>>>> either\n") is None
    assert conflict_marker("<<<<<<<< eight\n>>>>>>> x\n") is None
    assert conflict_marker("id: x\n<<<<<<< HEAD\nname: a\n=======\nname: b\n>>>>>>> pm\n") == 6
    assert split_conflicts("a: 1\n<<<<<<< HEAD\nb: 1\n||||||| base\nb: 0\n=======\nb: 2\n>>>>>>> pm\n") == (
        "a: 1\nb: 1\n", "a: 1\nb: 2\n")
    assert split_conflicts("a: 1\n<<<<<<< HEAD\nb: 1\n") is None
