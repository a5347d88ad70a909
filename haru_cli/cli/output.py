"""Printing: the only place that writes to stdout (besides `validate`'s plain lines)."""

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from haru_cli.render import Document, Row, csv_document, csv_text, json_text, md_document, md_table

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from haru_cli.render import CalendarEvent
    from haru_cli.values import Duration


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="table (default), json, csv (UTF-8 with BOM) or md.")
]


def _console() -> "Console":
    from rich.console import Console

    terminal = sys.stdout.isatty()
    # Piped output is plain text (no colours) and wide enough that cells are not wrapped at 80 columns.
    return Console(highlight=False, width=None if terminal else 200, no_color=not terminal)


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit_rows(fmt: str, data: Any, headings: list[str], rows: list[Row], *, empty: str) -> None:
    """A list command's output: `data` for JSON, headings and rows for the others."""
    if fmt == "json":
        _write(json_text(data))
    elif fmt == "csv":
        _write(csv_text(headings, rows, for_terminal=sys.stdout.isatty()))
    elif fmt == "md":
        _write(md_table(headings, rows))
    elif not rows:
        typer.echo(empty)
    else:
        from haru_cli.render import rich_table

        _console().print(rich_table(headings, rows))


def emit_document(fmt: str, data: Any, doc: Document) -> None:
    """A show command's output: `data` for JSON, the document for the others."""
    if fmt == "json":
        _write(json_text(data))
    elif fmt == "csv":
        _write(csv_document(doc, for_terminal=sys.stdout.isatty()))
    elif fmt == "md":
        _write(md_document(doc))
    else:
        from haru_cli.render import rich_document

        console = _console()
        for part in rich_document(doc):
            console.print(part)


class DatedFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    ics = "ics"


DatedFormatOption = Annotated[
    DatedFormat,
    typer.Option("--format", help="table (default), json, csv (UTF-8 with BOM), md, or ics (iCalendar)."),
]


def emit_calendar(events: "list[CalendarEvent]", today: "date", name: str) -> None:
    from haru_cli.render import ics_text

    sys.stdout.write(ics_text(events, today, name))


def parse_span(value: str, option: str) -> "Duration":
    """A --due/--within duration (30d, 2w, 3m, 1y, 30日, 3ヶ月 ...); a wrong one is a usage error (exit 2)."""
    from pydantic_core import PydanticCustomError

    from haru_cli.values import Duration

    try:
        return Duration.parse(value)
    except PydanticCustomError:
        raise typer.BadParameter(f"{value!r} is not a duration: use 30d, 2w, 3m, 1y, 30日, 3ヶ月 ...",
                                 param_hint=option) from None
