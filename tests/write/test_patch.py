"""Edits in place (write/patch.py): the one change is made, and every other byte stays as it was — checked
on hand-formatted files and on generated ones (Hypothesis), against the data read back independently."""

from __future__ import annotations

import difflib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.write.patch import NotEditable, append, insert, remove, set_value

HAND_MADE = """\
# 例示: 実際の条件に置き換えてください
id: 2026-ueda-001      # 紹介の id
partner: ueda
contract: ueda-referral

kind: customer
client: "株式会社サンプル物流"   # 引用符つき
referred: 2026-06-01
status: lead    # まだ見込み
payments:
    -   {date: 2026-07-31, amount: 300000}   # 初回
# ここからメモ
notes: |
  先方の部長から紹介。
  次回は 12 月。
"""


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines taken out and the lines put in."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_a_value_is_replaced_and_nothing_else_moves() -> None:
    after = set_value(HAND_MADE, ("status",), "won")
    assert changed_lines(HAND_MADE, after) == (["status: lead    # まだ見込み"], ["status: won    # まだ見込み"])


def test_a_mapping_on_the_way_is_added_in_the_file_s_indentation() -> None:
    after = set_value(set_value(HAND_MADE, ("deal", "signed"), "2026-07-01"), ("deal", "amount"), 3600000)
    assert changed_lines(HAND_MADE, after) == ([], ["deal:", "  signed: 2026-07-01", "  amount: 3600000"])
    assert after.startswith(HAND_MADE)  # added at the end, after the block text


def test_an_item_is_appended_in_the_style_and_indentation_of_the_last_one() -> None:
    after = append(HAND_MADE, ("payments",), {"date": "2026-09-30", "amount": 50000})
    assert changed_lines(HAND_MADE, after) == ([], ["    -   {date: 2026-09-30, amount: 50000}"])
    assert after.index("2026-09-30") < after.index("# ここからメモ")  # the comment stays with what it is about


def test_an_action_is_marked_done_in_a_block_list() -> None:
    meeting = "id: m\npartners: [ueda]\ndate: 2026-11-10\nactions:\n- task: 提案書を送付\n  due: 2026-11-20\n" \
              "  done: false # まだ\n- task: 見積\n"
    first = set_value(meeting, ("actions", 0, "done"), True)
    assert changed_lines(meeting, first) == (["  done: false # まだ"], ["  done: true # まだ"])
    second = set_value(meeting, ("actions", 1, "done"), True)
    assert changed_lines(meeting, second) == ([], ["  done: true"])


def test_flow_collections_take_the_new_value_in_flow() -> None:
    text = "id: r\ndeal: {signed: 2026-07-01}\npayments: []\n"
    after = append(set_value(text, ("deal", "amount"), 5), ("payments",), {"date": "2026-08-01", "amount": 7})
    assert after == "id: r\ndeal: {signed: 2026-07-01, amount: 5}\npayments: [{date: 2026-08-01, amount: 7}]\n"


def test_a_key_with_nothing_after_it_is_filled_where_it_stands() -> None:
    text = "id: r\ndeal:   # 後で\nstatus: lead\ncancelled:\n"
    after = set_value(set_value(text, ("deal", "signed"), "2026-01-01"), ("cancelled",), "2026-02-01")
    assert after == "id: r\ndeal:   # 後で\n  signed: 2026-01-01\nstatus: lead\ncancelled: 2026-02-01\n"


def test_text_that_needs_quotes_gets_them() -> None:
    after = set_value("id: r\n", ("client",), "a: b # c")
    assert yaml.safe_load(after)["client"] == "a: b # c"


def test_what_cannot_be_edited_in_place_is_refused() -> None:
    with pytest.raises(NotEditable):
        set_value("- a\n- b\n", ("x",), 1)  # not a mapping
    with pytest.raises(NotEditable):
        set_value("id: r\nclient: x\n", ("client", "name"), "y")  # through a scalar
    with pytest.raises(NotEditable):
        append("id: r\npayments: 3\n", ("payments",), 1)


def test_an_appended_mapping_writes_in_flow_what_the_last_item_does() -> None:
    sourcing = ("id: s\ncandidates:\n  - vendor: a   # 第一候補\n    scores: {expertise: 4, cost: 3}\n"
                "    notes: |\n      高い\n")
    after = append(sourcing, ("candidates",), {"vendor": "b", "scores": {"expertise": 2, "cost": 5}, "quote": 9})
    assert after == sourcing + "  - vendor: b\n    scores: {expertise: 2, cost: 5}\n    quote: 9\n"
    block = append("id: s\ncandidates:\n  - vendor: a\n    scores:\n      cost: 3\n", ("candidates",),
                   {"vendor": "b", "scores": {"cost": 5}})
    assert block.endswith("  - vendor: b\n    scores:\n      cost: 5\n")  # a block mapping stays a block


def test_a_key_is_taken_away_with_its_lines_and_nothing_else() -> None:
    opportunity = "# 例示\nid: o\nnext: 原稿   # 次の一手\ndue: 2026-11-20  # 期日\nnotes: |\n  a\n\n  b\nvalue: 5\n"
    assert changed_lines(opportunity, remove(opportunity, ("due",))) == (["due: 2026-11-20  # 期日"], [])
    assert changed_lines(opportunity, remove(opportunity, ("notes",))) == (["notes: |", "  a", "", "  b"], [])
    assert remove(opportunity, ("project",)) == opportunity  # nothing to take away
    flow = "id: o\na: {x: 1, due: 2, y: 3}\nb: {due: 2, y: 3}\nc: {due: 2}\n"
    taken = remove(remove(remove(flow, ("a", "due")), ("b", "due")), ("c", "due"))
    assert taken == "id: o\na: {x: 1, y: 3}\nb: {y: 3}\nc: {}\n"
    with pytest.raises(NotEditable):
        remove("id: m\nactions:\n  - due: 2026-12-20\n    task: a\n", ("actions", 0, "due"))  # beside its dash
    with pytest.raises(NotEditable):
        remove("id: m\nactions: [a, b]\n", ("actions", "due"))  # not a mapping


# --- generated files --------------------------------------------------------------------------------

comments = st.sampled_from(["", "  # メモ", " #x", "    # 注: 例示"])
blank = st.sampled_from(["", "\n", "\n\n"])
indent = st.sampled_from([2, 4])
dash_pad = st.sampled_from([0, 2])
quote = st.sampled_from(["{}", '"{}"', "'{}'"])


@st.composite
def referral_files(draw: st.DrawFn) -> str:
    """A referral file as someone might format it by hand."""
    n = draw(indent)
    pad = " " * draw(dash_pad)
    lines = [f"id: r{draw(comments)}", f"partner: ueda{draw(comments)}", draw(blank) + f"client: "
             f"{draw(quote).format('株式会社テスト')}{draw(comments)}", f"status: lead{draw(comments)}"]
    if draw(st.booleans()):
        flow, start = draw(st.booleans()), " " * (n - 2) + pad  # a list under its key, or level with it
        lines.append("payments:" + draw(comments))
        for i in range(1, draw(st.integers(1, 3)) + 1):
            lines += [f"{start}- {{date: 2026-0{i}-01, amount: {i}000}}"] if flow else \
                [f"{start}- date: 2026-0{i}-01", f"{start}  amount: {i}000{draw(comments)}"]
    if draw(st.booleans()):
        lines.append(draw(blank) + "# 後ろのコメント")
    if draw(st.booleans()):
        lines.append("notes: |\n" + " " * n + "一行目\n" + " " * n + "二行目")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(referral_files(), st.sampled_from(["won", "cancelled"]), st.integers(0, 10**9))
def test_generated_files_change_only_what_was_asked(text: str, status: str, amount: int) -> None:
    expected = yaml.safe_load(text)
    after = set_value(text, ("status",), status)
    after = set_value(after, ("deal", "amount"), amount)
    after = append(after, ("payments",), {"date": "2026-12-01", "amount": amount})
    expected["status"] = status
    expected["deal"] = {"amount": amount}
    expected["payments"] = [*(expected.get("payments") or []), {"date": "2026-12-01", "amount": amount}]
    read_back = yaml.safe_load(after)
    for item in [*read_back["payments"], *expected["payments"]]:
        item["date"] = str(item["date"])  # PyYAML reads dates as dates; the comparison is of the text
    assert read_back == expected
    taken, _ = changed_lines(text, after)
    assert [line.split("#")[0].strip() for line in taken] in ([], ["status: lead"])  # only the status line goes


@pytest.mark.parametrize("empty", ["", " ~", " null", " !!null", "   # 後で"])
def test_a_key_written_as_nothing_takes_a_mapping(empty: str) -> None:
    after = set_value(f"id: r\ndeal:{empty}\nstatus: lead\n", ("deal", "signed"), "2026-01-01")
    assert yaml.safe_load(after)["deal"] == {"signed": yaml.safe_load("d: 2026-01-01")["d"]}
    assert after.endswith("  signed: 2026-01-01\nstatus: lead\n")


def test_insertions_follow_the_file_s_indentation_and_lines() -> None:
    four = set_value("id: r\ncontract:\n    partner: x\n", ("deal", "signed"), "2026-01-01")
    assert four.endswith("deal:\n    signed: 2026-01-01\n")
    spanning = set_value("id: m\nactions: [{task: a,\n    due: 2026-12-20\n  }]\n", ("actions", 0, "done"), True)
    assert spanning == "id: m\nactions: [{task: a,\n    due: 2026-12-20, done: true\n  }]\n"
    folded = set_value("id: m\nactions:\n  - task: a\n    note: >-\n      long\n\n  - task: b\n",
                       ("actions", 0, "done"), True)
    assert folded == "id: m\nactions:\n  - task: a\n    note: >-\n      long\n    done: true\n\n  - task: b\n"


def test_insert_puts_an_item_before_another_as_that_one_is_written() -> None:

    text = "entries:\n  - date: 2026-12-01  # 初日\n    hours: 1\n  - {date: 2026-12-05, hours: 2}\ntags: [a, b]\n"
    assert insert(text, ("entries",), 1, {"date": "2026-12-03", "hours": 1}) == (
        "entries:\n  - date: 2026-12-01  # 初日\n    hours: 1\n  - {date: 2026-12-03, hours: 1}\n"
        "  - {date: 2026-12-05, hours: 2}\ntags: [a, b]\n")
    assert insert(text, ("tags",), 0, "z").endswith("tags: [z, a, b]\n")
    assert insert(text, ("entries",), 2, {"date": "2026-12-07", "hours": 3}).endswith(
        "  - {date: 2026-12-05, hours: 2}\n  - {date: 2026-12-07, hours: 3}\ntags: [a, b]\n")


def test_a_list_set_anew_replaces_its_lines_and_keeps_the_others() -> None:
    text = "id: x\n# 連絡先\ncontacts:\n  - name: a\n    title: b\nnotes: n  # メモ\n"
    assert set_value(text, ("contacts",), [{"name": "c"}]) == (
        "id: x\n# 連絡先\ncontacts:\n  - name: c\nnotes: n  # メモ\n")
    assert set_value(text, ("contacts",), []) == "id: x\n# 連絡先\ncontacts: []\nnotes: n  # メモ\n"
    assert set_value(text, ("notes",), ["a"]) == (
        "id: x\n# 連絡先\ncontacts:\n  - name: a\n    title: b\nnotes: [a]  # メモ\n")
