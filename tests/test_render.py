"""Data is shown literally in every format; Markdown tables keep their shape whatever the text."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

from haru_cli.render.formats import (
    Cell,
    Document,
    Row,
    Section,
    csv_text,
    json_text,
    md_document,
    md_table,
    md_text,
    visible,
)

HOSTILE = "[bold]x[/] | {{ 7*7 }} \x1b[31m a\\|b `c` *d* <b>e</b>\nnext line \x9b"


def table_shapes(markdown: str) -> list[tuple[int, list[int]]]:
    """For every table: the header's cell count and each body row's."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    shapes: list[tuple[int, list[int]]] = []
    header, rows, cells, part = 0, [], 0, ""
    for token in tokens:
        if token.type in ("thead_open", "tbody_open"):
            part = token.type
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            if part == "thead_open":
                header = cells
            else:
                rows.append(cells)
        elif token.type == "table_close":
            shapes.append((header, rows))
            rows = []
    return shapes


def test_visible_escapes_control_characters_only() -> None:
    assert visible("a\x1bb\tc\nd\x9be") == "a\\x1bb\tc\nd\\x9be"


def test_markdown_table_cells_survive_pipes_backslashes_and_newlines() -> None:
    markdown = md_table(["名前", "メモ"], [[HOSTILE, "ok"], ["a\\", "|"], ["", Cell("x|y", alert=True)]])
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


def test_csv_has_a_bom_and_round_trips_exactly_when_written_to_a_file() -> None:
    text = csv_text(["名前"], [[HOSTILE], ["a,b"]], for_terminal=False)
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [["名前"], [HOSTILE], ["a,b"]]


def test_csv_on_a_terminal_escapes_control_characters() -> None:
    assert "\x1b" not in csv_text(["x"], [[HOSTILE]], for_terminal=True)


def test_json_round_trips_and_escapes_every_control_character() -> None:
    text = json_text({"name": HOSTILE})
    assert json.loads(text) == {"name": HOSTILE}
    assert "\x1b" not in text and "\x9b" not in text


def test_plain_table_aligns_wide_characters_and_keeps_lines_in_their_column() -> None:
    from haru_cli.render.formats import plain_table

    text = plain_table(["名前", "x"], [["株式会社ウエダ", "1"], ["ab\ncd", Cell("2 (超過)", alert=True)]])
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


@pytest.mark.parametrize(("width", "whole"), [(120, True), (60, True), (40, False)])
def test_rich_tables_keep_ids_and_dates_whole_while_text_can_give_way(width: int, whole: bool) -> None:
    from rich.console import Console

    from haru_cli.render.formats import rich_table

    rows: list[Row] = [["ueda-consulting-2026", "生成AI社内導入支援に関するコンサルティング契約", "2027-03-31"]]
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(rich_table(["ID", "件名", "期間満了"], rows, width=width))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert ("ueda-consulting-2026" in out and "2027-03-31" in out) is whole
    assert all(len(line) <= width for line in out.splitlines())


@pytest.mark.parametrize("width", [85, 100, 120])
def test_a_date_with_a_note_wraps_between_words_not_inside_the_date(width: int) -> None:
    from rich.console import Console

    from haru_cli.render.formats import rich_table

    title = "生成AI社内導入支援に関するコンサルティング契約"
    rows: list[Row] = [["ueda-consulting-2026", title, "2026-10-31 (期限切れ)", "2027-03-31 (あと 124 日)"]]
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(rich_table(["ID", "件名", "期間満了", "解約予告期限"], rows, width=width))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "ueda-consulting-2026" in out and "2026-10-31" in out and "2027-03-31" in out
    assert all(len(line) <= width for line in out.splitlines())
