"""YAML 1.2 meanings, positions, and every way a file can fail to be read."""

from __future__ import annotations

import pytest

from haru_cli.load.yamlio import decode, parse_yaml, resolve_plain
from tests.helpers import WorkspaceFactory, problems


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("Y", "Y"),
        ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
        ("14:00", "14:00"), ("010", 10), ("0o10", 8), ("0x1F", 31), ("-3", -3),
        ("1.5", 1.5), ("1e3", 1000.0), ("2026-11-27", "2026-11-27"), ("1,000,000", "1,000,000"),
        ("15%", "15%"), ("0.15", 0.15),
    ],
)
def test_plain_scalars_follow_yaml_1_2(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_quoted_scalars_stay_text() -> None:
    doc, problems = parse_yaml("a: '010'\nb: \"true\"\nc: |\n  yes\n", "f.yaml")
    assert problems == []
    assert doc is not None and doc.data == {"a": "010", "b": "true", "c": "yes\n"}


def test_positions_of_values_and_keys() -> None:
    doc, _ = parse_yaml("id: x\ncontacts:\n  - name: 上田\n    email: u@example.jp\n", "f.yaml")
    assert doc is not None
    assert doc.mark(("contacts", 0, "email")) == (4, 12)
    assert doc.mark(("contacts", 0, "email"), key=True) == (4, 5)
    assert doc.mark(("contacts", 0, "missing")) == (3, 5)  # the nearest enclosing value


def test_duplicate_key_points_at_the_second_and_names_the_first() -> None:
    doc, problems = parse_yaml("name: a\nkana: b\nname: c\n", "f.yaml")
    assert doc is not None and doc.data == {"name": "a", "kana": "b"}
    [problem] = problems
    assert (problem.code, problem.line, problem.column) == ("duplicate-key", 3, 1)
    assert problem.message("en") == "key 'name' is given twice (first on line 1)"


def test_tab_indentation_is_named_as_such() -> None:
    _, [problem] = parse_yaml("contacts:\n\t- name: x\n", "f.yaml")
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", 2, 1)
    assert "tab" in problem.message("en")


def test_syntax_error_has_its_line() -> None:
    _, [problem] = parse_yaml("id: x\nname: [a, b\nkana: c\n", "f.yaml")
    assert problem.code == "yaml-syntax" and problem.line >= 2


def test_empty_file_and_comment_only_file() -> None:
    assert [p.code for p in parse_yaml("", "f.yaml")[1]] == ["empty"]
    assert [p.code for p in parse_yaml("# nothing\n", "f.yaml")[1]] == ["empty"]


def test_several_documents_are_a_syntax_error() -> None:
    [problem] = parse_yaml("a: 1\n---\nb: 2\n", "f.yaml")[1]
    assert (problem.code, problem.line, problem.variant) == ("yaml-syntax", 2, "yaml-syntax.documents")


def test_control_character_is_refused_with_its_position() -> None:
    _, [problem] = parse_yaml("id: x\nname: a\x1bb\n", "f.yaml")
    assert (problem.code, problem.line, problem.column) == ("control-char", 2, 8)
    assert "U+001B" in problem.message("en")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    # 9**10 strings if expanded: this test would exhaust memory instead of returning.
    doc, [problem] = parse_yaml("\n".join(lines) + "\n", "f.yaml")
    assert doc is None
    assert (problem.code, problem.line, problem.column) == ("yaml-alias", 2, 8)


def test_every_alias_is_refused_where_it_is_used() -> None:
    # Even of a scalar: a 1 MB string aliased 200,000 times is a bomb too.
    doc, [problem] = parse_yaml("a: &x hello\nb: [1, *x]\n", "f.yaml")
    assert doc is None and (problem.code, problem.line, problem.column) == ("yaml-alias", 2, 8)


@pytest.mark.parametrize(("text", "value"), [("a: !!str 12\n", "12"), ("a: !!int '12'\n", 12),
                                             ("a: !!bool 'true'\n", True), ("a: !!float 1\n", 1.0)])
def test_explicit_core_tags_are_honoured(text: str, value: object) -> None:
    doc, problems = parse_yaml(text, "f.yaml")
    assert problems == [] and doc is not None and doc.data == {"a": value} and type(doc.data["a"]) is type(value)


@pytest.mark.parametrize("text", ["a: !!python/object:os.system x\n", "a: !!int abc\n", "a: !!binary aGk=\n",
                                  "a: !!set {x: null}\n", "a: !custom x\n"])
def test_other_tags_are_refused(text: str) -> None:
    _, problems = parse_yaml(text, "f.yaml")
    assert [p.code for p in problems] == ["yaml-tag"]


def test_nel_and_line_separators_are_text_not_line_breaks() -> None:
    doc, problems = parse_yaml('kana: "ウエ\u2028ダ"\nowner: x\x85y\nbad: [\n', "f.yaml")
    assert [(p.code, p.line) for p in problems] == [("yaml-syntax", 3)]  # the line of the unclosed [
    doc, problems = parse_yaml('kana: "ウエ\u2028ダ"\nowner: x\x85y\ncadence: weekly\n', "f.yaml")
    assert problems == [] and doc is not None
    assert doc.data == {"kana": "ウエ\u2028ダ", "owner": "x\x85y", "cadence": "weekly"}
    assert doc.mark(("cadence",)) == (3, 10)


def test_unknown_tag() -> None:
    _, [problem] = parse_yaml("a: !python/object x\n", "f.yaml")
    assert problem.code == "yaml-tag"


def test_deep_nesting_is_bounded() -> None:
    _, problems = parse_yaml("a: " + "[" * 200 + "]" * 200 + "\n", "f.yaml")
    assert [p.code for p in problems] == ["yaml-depth"]


def test_utf8_with_bom_is_accepted() -> None:
    text, problems = decode("\ufeffid: x\n".encode(), "f.yaml")
    assert (text, problems) == ("id: x\n", [])


def test_shift_jis_is_named() -> None:
    raw = "id: ueda\nname: 株式会社ウエダ\n".encode("cp932")
    text, [problem] = decode(raw, "f.yaml")
    assert text is None
    assert (problem.code, problem.line) == ("encoding", 2)
    assert "Shift_JIS" in problem.message("en")


def test_libyaml_is_glossed_in_japanese_and_left_as_it_is_in_english() -> None:
    _, [problem] = parse_yaml("id: x\nname: [a, b\n", "f.yaml")
    assert problem.message("en") == "YAML syntax error: did not find expected ',' or ']'"
    assert problem.message("ja") == ("YAML の構文エラー: did not find expected ',' or ']'"
                                     "（',' か ']' がありません。括弧の閉じ忘れでは？）")
    _, [other] = parse_yaml("a: b: c\n", "f.yaml")
    assert "（ここに「キー: 値」は書けません" in other.message("ja")


def test_utf16_without_bom_and_binary_files() -> None:
    _, [utf16] = decode("id: ueda\n".encode("utf-16-le"), "f.yaml")
    assert utf16.params["guess"] == "UTF-16"
    _, [binary] = decode(b"\x00\x01\x02\xff" * 50, "f.yaml")
    assert binary.code == "encoding"


def test_twenty_digits_are_still_a_number(workspace: WorkspaceFactory) -> None:
    doc, found = parse_yaml("a: 99999999999999999999\nb: -00000000000000000000000001\nc: 0x" + "f" * 21 + "\n",
                            "x.yaml")
    assert doc is not None and doc.data["a"] == 10**20 - 1 and doc.data["b"] == -1
    assert [(p.line, p.variant) for p in found] == [(3, "range.digits")]


def test_a_file_of_millions_of_values_is_refused_at_once(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\naliases: [" + "a," * 1_000_000 + "a]\n"})
    assert problems(root) == [("partners/ueda.yaml", 3, "unreadable", "unreadable.too-many-values")]


def test_cr_line_ends_count_lines_like_lf(workspace: WorkspaceFactory) -> None:
    text = "id: ueda\nname: x\ncadence: weekly\nkana: [\n"
    lf = problems(workspace({"partners/ueda.yaml": text}))
    cr = problems(workspace({"partners/ueda.yaml": text.replace("\n", "\r")}))
    assert [p[1] for p in lf] == [p[1] for p in cr] == [4]
    typed = 'id: ueda\nname: x\ncadence: weekly\nsince: nope\nnotes: "a\u2028b"\n'  # LS ends no line
    both = [problems(workspace({"partners/ueda.yaml": typed.replace("\n", end)})) for end in ("\n", "\r", "\r\n")]
    assert both[0] == both[1] == both[2]
    assert [p[1] for p in both[0]] == [3, 4]


def test_conflict_markers_are_a_merge_conflict_at_the_marker_line_not_a_syntax_error() -> None:
    text = "id: ueda\nname: x\n<<<<<<< HEAD\nowner: a\n=======\nowner: b\n>>>>>>> pm\n"
    doc, problems = parse_yaml(text, "partners/ueda.yaml")
    assert doc is None and [(p.code, p.line, p.column) for p in problems] == [("merge-conflict", 3, 1)]
    crlf, found = parse_yaml(text.replace("\n", "\r\n"), "partners/ueda.yaml")
    assert crlf is None and [(p.code, p.line) for p in found] == [("merge-conflict", 3)]
    # a line of a text that begins so is no marker: it is indented, as every value of a record is
    kept, none = parse_yaml("notes: |\n  <<<<<<< HEAD\n  >>>>>>> pm\n", "partners/ueda.yaml")
    assert kept is not None and none == []
