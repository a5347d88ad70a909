"""Data is shown literally in every format; Markdown tables keep their shape whatever the text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from markdown_it import MarkdownIt

from haru_cli.escape import visible
from haru_cli.render.formats import csv_text, json_text, md_document, md_table, md_text
from haru_cli.views.shapes import Day, Document, Row, Section, Text
from tests.helpers import CLAWBACK, Haru, WorkspaceFactory, table_shapes

HOSTILE = "[bold]x[/] | {{ 7*7 }} \x1b[31m a\\|b `c` *d* <b>e</b>\nnext line \x9b"


def test_markdown_table_cells_survive_pipes_backslashes_and_newlines() -> None:
    markdown = md_table(["名前", "メモ"], [[HOSTILE, "ok"], ["a\\", "|"], ["", Text("x|y", alert=True)]])
    assert table_shapes(markdown) == [(2, [2, 2, 2])]


def test_markdown_renders_the_text_as_written() -> None:
    html = MarkdownIt("commonmark").render(md_text("[bold]x[/] *d* <b>e</b> a\\b"))
    assert "[bold]x[/] *d* &lt;b&gt;e&lt;/b&gt; a\\b" in html


def test_document_tables_keep_their_shape() -> None:
    doc = Document(HOSTILE, [Section(HOSTILE, fields=[(HOSTILE, HOSTILE)], headings=["a", "b", "c"],
                                     rows=[[HOSTILE, HOSTILE, HOSTILE]])])
    markdown = md_document(doc)
    assert table_shapes(markdown) == [(3, [3])]
    assert "\x1b" not in markdown and "\x9b" not in markdown


def test_csv_has_a_bom_and_round_trips_but_for_control_characters() -> None:
    text = csv_text(["名前"], [[HOSTILE], ["a,b"]])
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [["名前"], [visible(HOSTILE)], ["a,b"]]


@pytest.mark.parametrize("name", ["A\x1b]52;c;aGk=\x07B", "\x1b[2J", "\x9b31m", "x\u202ey", "\x1bP\x1b\\"])
def test_csv_shows_control_characters_as_escapes_piped_or_not(name: str) -> None:
    """A pipe often ends on a terminal (`| cat`, `| less -R`): an OSC 52 would write the clipboard."""
    text = csv_text([name], [[name, Text(name)]])
    assert all(c not in text for c in "\x1b\x07\x9b\u202e")
    assert visible(name) in text


def test_json_round_trips_and_escapes_every_control_character() -> None:
    text = json_text({"name": HOSTILE})
    assert json.loads(text) == {"name": HOSTILE}
    assert "\x1b" not in text and "\x9b" not in text


def test_plain_table_aligns_wide_characters_and_keeps_lines_in_their_column() -> None:
    from haru_cli.render.formats import plain_table

    text = plain_table(["名前", "x"], [["株式会社ウエダ", "1"], ["ab\ncd", Text("2 (超過)", alert=True)]])
    assert text.splitlines() == [
        "名前            x",
        "--------------  --------",
        "株式会社ウエダ  1",
        "ab              2 (超過)",
        "cd",
    ]


def test_rich_renderings_show_markup_literally() -> None:
    from rich.console import Console

    from haru_cli.render.formats import rich_document

    console = Console(file=io.StringIO(), width=200, color_system=None)
    doc = Document("[bold]t[/]", [Section("s", fields=[("k", "[red]v[/red]")], headings=["h"], rows=[[HOSTILE]])])
    for part in rich_document(doc, width=200):
        console.print(part)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[bold]t[/]" in out and "[red]v[/red]" in out and "\x1b" not in out


@pytest.mark.parametrize("width", [120, 60, 40])
def test_rich_tables_never_split_ids_and_dates_however_narrow(width: int) -> None:
    """Text columns give way; where even that does not fit, each row becomes a card of lines."""
    from haru_cli.render.formats import rich_lines, rich_table

    title = "生成AI社内導入支援に関するコンサルティング契約"
    rows: list[Row] = [["ueda-consulting-2026", title, Day(date(2027, 3, 31))]]
    out = rich_lines(rich_table(["ID", "件名", "期間満了"], rows, width=width), width=width)
    assert "ueda-consulting-2026" in out and "2027-03-31" in out
    assert all(len(line) <= width for line in out.splitlines())


@pytest.mark.parametrize("width", [80, 85, 100, 120])
def test_a_date_with_a_note_wraps_between_words_not_inside_the_date(width: int) -> None:
    from haru_cli.render.formats import rich_lines, rich_table

    title = "生成AI社内導入支援に関するコンサルティング契約"
    rows: list[Row] = [["ueda-consulting-2026", title, Day(date(2026, 10, 31), mark="期限切れ"),
                        Day(date(2027, 3, 31), note="あと 124 日")]]
    out = rich_lines(rich_table(["ID", "件名", "期間満了", "解約予告期限"], rows, width=width), width=width)
    assert "ueda-consulting-2026" in out and "2026-10-31" in out and "2027-03-31" in out
    assert all(len(line) <= width for line in out.splitlines())


def test_a_table_too_wide_keeps_short_texts_whole_and_wraps_the_long_one() -> None:
    from haru_cli.render.formats import rich_lines, rich_table

    rows: list[Row] = [[Day(date(2026, 10, 31), mark="予告期限経過"), "解約予告期限", "株式会社シャインリンケージ",
                        "模倣AIを活用したビジネスモデル共同推進に関する業務提携契約", "shine-linkage-alliance"]]
    headings = ["日付", "種類", "パートナー", "内容", "参照"]
    wide = rich_lines(rich_table(headings, rows, width=120), width=120)
    assert "株式会社シャインリンケージ" in wide and "解約予告期限" in wide  # each on one line: not split
    assert "模倣AIを活用したビジネスモデル共同推進に関する業務提携契約" not in wide  # the long one wraps
    narrow = rich_lines(rich_table(headings, rows, width=80), width=80)
    assert "パートナー  株式会社シャインリンケージ" in narrow  # too narrow for six-character columns: a card


def test_bidi_overrides_and_html_entities_are_shown_literally() -> None:
    assert visible("abc\u202edef") == "abc\\u202edef"
    assert md_text("&amp; R&D") == "\\&amp; R\\&D"


def test_csv_cells_that_look_like_formulas_stay_text(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/evil.yaml": 'id: evil\nname: "=HYPERLINK(\\"http://x\\",\\"y\\")"\ncadence: none\n'
                                            'kana: "@SUM(1)"\n'})
    out = haru("--data", root, "partner", "list", "--format", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(out)))
    assert ['=HYPERLINK("http://x","y")'] not in [r[:1] for r in rows]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in [r[0] for r in rows]


def test_money_in_csv_is_a_plain_integer_negative_ones_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(CLAWBACK)
    out = haru("--data", root, "fees", "calc", "--month", "2026-08", "--format", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1:8] == ["0", "-30000", "0", "0", "0", "0", "2026-09-30"]  # the clawback shows, as a number
    assert rows[1][9] == "-30000"  # carried forward: a number, not a text that starts with '


@pytest.mark.parametrize("cell", [" =1+1", "＝1+1", "\u200b=1+1", "\u3000@SUM(A1)", "-1", "+1"])
def test_formulas_behind_spaces_and_look_alikes_are_quoted_too(cell: str) -> None:
    from haru_cli.render.formats import csv_cell

    assert csv_cell(cell) == "'" + visible(cell)  # a zero-width space shown as \u200b


def test_json_escapes_bidi_zero_width_and_lone_surrogates() -> None:
    from haru_cli.render.formats import json_text

    text = json_text({"name": "a\u202eb\u200bc\ud800"})
    assert "\u202e" not in text and "\u200b" not in text and "\\u202e" in text
    text.encode("utf-8")
    assert json.loads(text) == {"name": "a\u202eb\u200bc\ud800"}
