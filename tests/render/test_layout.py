"""Text laid out for a width (SPEC §15): a shortened cell shows everything up to its `…`, and every line
fits, at any width, CJK, ASCII and mixed text alike."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from haru_cli.render.formats import (
    cell_lines,
    line_widths,
    plain_document,
    plain_table,
    rich_document,
    rich_lines,
    rich_table,
)
from haru_cli.render.layout import share, shorten, width_of, wrap
from haru_cli.views.shapes import Day, Document, Money, Row, Section, Text

CHARACTERS = st.one_of(
    st.sampled_from(list("abcXYZ019-_.,()/ ")),
    st.characters(min_codepoint=0x3041, max_codepoint=0x30FA),  # kana
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # kanji
    st.sampled_from(list("。、（）「」・ー　ＡＢ１２…é\u0301")),
)
TEXTS = st.text(CHARACTERS, max_size=120)
LINES = st.lists(TEXTS, min_size=1, max_size=4).map("\n".join)

SUMMARY = "配車計画の試行で、計画作成時間が半減。上田社長ご自身も経営会議資料の作成にAIを活用中。"
MIXED = "Kick-off with the logistics team: AI配車計画 pilot を2拠点で開始, dispatch-planning-2026 reviewed."


def _unspaced(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(text=LINES, width=st.integers(min_value=2, max_value=80))
def test_wrapping_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert _unspaced("".join(lines)) == _unspaced(text)  # only the spaces where a line breaks go


@settings(max_examples=300, deadline=None)
@given(columns=st.lists(st.tuples(st.integers(1, 120), st.integers(1, 12), st.booleans()), min_size=1, max_size=9),
       room=st.integers(0, 250))
def test_shared_widths_fit_the_room_and_give_each_column_its_least(columns: list[tuple[int, int, bool]],
                                                                 room: int) -> None:
    natural = [n for n, _, _ in columns]
    least = [min(n, floor) for n, floor, _ in columns]
    fixed = [f for _, _, f in columns]
    widths = share(natural, least, fixed, room)
    if widths is None:
        assert sum(least) > room
    else:
        assert sum(widths) <= room and all(lo <= w <= n for w, lo, n in zip(widths, least, natural, strict=True))


@settings(max_examples=300, deadline=None)
@given(text=LINES, width=st.integers(min_value=2, max_value=80))
def test_what_a_shortened_cell_shows_before_its_ellipsis_is_the_beginning_of_the_text(text: str, width: int) -> None:
    cell = Text.first_line(text)
    shown = _unspaced("".join(cell_lines(cell, width)))
    whole = _unspaced(text)
    if cell.brief != cell.text:
        assert shown.endswith("…") and whole.startswith(shown[:-1])
    else:
        assert shown == whole


@settings(max_examples=60, deadline=None)
@given(text=LINES, width=st.integers(min_value=20, max_value=200))
def test_a_terminal_table_shows_a_shortened_cell_whole_up_to_its_ellipsis(text: str, width: int) -> None:
    cell = Text.first_line(text)
    out = rich_lines(rich_table(["ID", "概要"], [["meeting-1", cell]], width=width), width=width)
    assert all(cell_len(line) <= width for line in out.splitlines())
    assert _unspaced(shown_in(cell)) in _unspaced(out)


def shown_in(cell: Text) -> str:
    return cell.brief if cell.brief is not None else cell.text


def _meetings() -> Document:
    rows: list[Row] = [[Day(date(2026, 11, 10)), "定例会", "90", Text.first_line(SUMMARY + "\n全社員向け研修")],
                       [Day(date(2026, 10, 21)), "ナレッジ共有", "120", Text.first_line(MIXED + "\nmore")]]
    fields = [("役割", "当社の生成AI利活用の社内浸透モデルケース。" * 3),
              ("今年度の紹介手数料（発生・税抜）", "¥255,000")]
    return Document("株式会社ウエダ", [Section("パートナー", fields=fields),
                                   Section("直近の会議", headings=["日付", "種類", "時間（分）", "概要"], rows=rows)])


@pytest.mark.parametrize("width", [24, 40, 60, 79, 80, 81, 99, 100, 101, 119, 120, 160, 200])
def test_a_document_keeps_every_character_at_any_width_on_a_terminal_and_piped(width: int) -> None:
    """The 2026-11-10 meeting lost 「営会議」 at 100 columns: Rich cropped a table wider than the terminal."""
    for out in (rich_lines(rich_document(_meetings(), width=width), width=width),
                plain_document(_meetings(), width)):
        assert all(cell_len(line) <= width for line in out.splitlines()), out
        flat = _unspaced(out)
        assert _unspaced(SUMMARY + "…") in flat and _unspaced(MIXED + "…") in flat
        assert _unspaced("当社の生成AI利活用の社内浸透モデルケース。" * 3) in flat


def test_piped_text_is_laid_out_as_before_when_no_width_is_set() -> None:
    rows: list[Row] = [["ueda-consulting-2026", SUMMARY]]
    assert plain_table(["ID", "件名"], rows) == (
        f"ID                    件名\n--------------------  {'-' * 86}\nueda-consulting-2026  {SUMMARY}\n")


CELLS = st.one_of(st.none(), LINES, st.builds(Money, st.integers(-10**9, 10**9)),
                  st.builds(Day, st.dates(), st.sampled_from(["", "あと 3 日"]), st.sampled_from(["", "超過"])),
                  st.builds(Text, LINES, brief=st.one_of(st.none(), TEXTS)))


@settings(max_examples=200, deadline=None)
@given(headings=st.lists(TEXTS, min_size=1, max_size=5),
       rows=st.lists(st.lists(CELLS, min_size=0, max_size=6), min_size=0, max_size=6))
def test_piped_text_with_no_width_is_what_a_width_no_row_reaches_gives(headings: list[str], rows: list[Row]) -> None:
    """With no width, each cell is measured once (upcoming pipes 16,000 rows): the table any width wider than
    every row would make — its columns' natural widths, found by table_widths — short and long rows too."""
    rows = [row for row in rows if row]  # (a row of no cells has no line: neither layout takes one)
    assert plain_table(headings, rows) == plain_table(headings, rows, 10**9)


def test_a_narrow_pipe_wraps_text_columns_and_keeps_ids_whole() -> None:
    rows: list[Row] = [["ueda-consulting-2026", SUMMARY, Day(date(2027, 3, 31))]]
    out = plain_table(["ID", "件名", "期間満了"], rows, 60)
    assert out.splitlines()[:3] == [
        "ID                    件名                        期間満了",
        "--------------------  --------------------------  ----------",
        "ueda-consulting-2026  配車計画の試行で、計画作成  2027-03-31",
    ]
    assert all(cell_len(line) <= 60 for line in out.splitlines())


def test_a_pipe_too_narrow_for_the_columns_shows_each_row_as_a_card() -> None:
    rows: list[Row] = [["ueda-consulting-2026", SUMMARY, Day(date(2027, 3, 31))]]
    out = plain_table(["ID", "件名", "期間満了"], rows, 40)
    assert out.splitlines()[0] == "ID        ueda-consulting-2026"
    assert "期間満了  2027-03-31" in out


@settings(max_examples=300, deadline=None)
@given(text=LINES, width=st.integers(min_value=2, max_value=80))
def test_a_shortened_line_fits_and_is_the_text_s_beginning(text: str, width: int) -> None:
    line = shorten(text, width)
    assert "\n" not in line and cell_len(line) <= width
    first = text.split("\n")[0]
    if line == first:
        assert "\n" not in text  # whole: no … needed
    else:
        assert line.endswith("…") and first.startswith(line[:-1])


def test_shortening_never_parts_a_letter_from_its_accent_nor_a_wide_character() -> None:
    assert shorten("cafe\u0301 au lait", 6) == "cafe\u0301…"
    assert shorten("株式会社シャインリンケージ", 8) == "株式会…"  # 7 columns: 株式会社 and … would be 9
    assert shorten("株式会社シャインリンケージ", 6) == "株式…" and width_of(shorten("株式会社", 7)) == 7
    assert shorten("定例会", 6) == "定例会" and shorten("一行目\n二行目", 10) == "一行目…"


ITEM_ROWS = st.lists(st.tuples(
    st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
    st.sampled_from(["", "超過", "予告期限経過"]),
    TEXTS, TEXTS, st.from_regex(r"[a-z0-9][a-z0-9-]{0,31}", fullmatch=True),
    st.one_of(st.none(), st.integers(0, 10**8))), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None)
@given(rows=ITEM_ROWS, width=st.integers(min_value=40, max_value=200))
def test_a_one_line_table_is_one_line_per_row_with_ids_dates_and_amounts_whole(
        rows: list[tuple[date, str, str, str, str, int | None]], width: int) -> None:
    """SPEC §15 and issue 27 part 7: where a one-line layout fits, every row is one line of at most `width`
    columns, its id, date, mark and amount whole; where it does not, the table wraps as any other does."""
    table: list[Row] = [[Day(day, "あと 3 日", mark, markable=True), kind, Text.first_line(subject) if subject.strip()
                         else subject, ref, Money(amount)] for day, mark, kind, subject, ref, amount in rows]
    headings = ["日付", "種類", "内容", "参照", "金額"]
    out = rich_lines(rich_table(headings, table, width=width, one_line=True), width=width)
    lines = [line for line in out.splitlines() if line.strip()]
    assert all(cell_len(line) <= width for line in lines)
    if line_widths(headings, table, width - 8) is None:
        return
    assert len(lines) == 2 + len(rows)
    for line, (day, mark, _, _, ref, amount) in zip(lines[2:], rows, strict=True):
        assert line.startswith(f"{day.isoformat()} ({mark})" if mark else day.isoformat()) or (
            mark == "予告期限経過" and line.startswith(day.isoformat()))  # no short form given here: the whole one
        assert f" {ref}" in line and (amount is None or f"¥{amount:,}" in line)
