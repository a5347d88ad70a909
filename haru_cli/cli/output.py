"""Output of list and show commands (table, JSON, CSV, Markdown, iCalendar), option types they share,
and writing documents to new files."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from haru_cli.render.formats import (
    Document,
    Row,
    csv_document,
    csv_text,
    json_text,
    md_document,
    md_table,
    plain_document,
    plain_table,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from haru_cli.records.values import Duration
    from haru_cli.render.formats import CalendarEvent


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="table (default), json, csv (UTF-8 with BOM) or md.")
]


def _rich(build: "Callable[[int], list[Any]]") -> None:
    """What build(width) gives for the terminal's width, printed by Rich."""
    from rich.console import Console

    console = Console(highlight=False)
    for renderable in build(console.width):
        console.print(renderable)


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
    elif sys.stdout.isatty():  # Rich on a terminal; plain text when piped
        from haru_cli.render.formats import rich_table

        _rich(lambda width: [rich_table(headings, rows, width=width)])
    else:
        _write(plain_table(headings, rows))


def emit_document(fmt: str, data: Any, doc: Document) -> None:
    """A show command's output: `data` for JSON, the document for the others."""
    if fmt == "json":
        _write(json_text(data))
    elif fmt == "csv":
        _write(csv_document(doc, for_terminal=sys.stdout.isatty()))
    elif fmt == "md":
        _write(md_document(doc))
    elif sys.stdout.isatty():
        from haru_cli.render.formats import rich_document

        _rich(lambda width: rich_document(doc, width=width))
    else:
        _write(plain_document(doc))


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


DueOption = Annotated[
    str, typer.Option("--due", metavar="DURATION", help="Window from today: 30d, 2w, 3m, 30日 ...")
]


def emit_calendar(events: "list[CalendarEvent]", today: "date", name: str) -> None:
    from haru_cli.render.formats import ics_text

    sys.stdout.write(ics_text(events, today, name))


def parse_span(value: str, option: str) -> "Duration":
    """A --due/--within duration (30d, 2w, 3m, 1y, 30日, 3ヶ月 ...); a wrong one is a usage error (exit 2)."""
    from haru_cli.records.values import Duration, Invalid

    try:
        return Duration.parse(value)
    except Invalid as exc:
        reason = "is longer than a century" if exc.variant == "duration.range" else \
            "is not a duration: use 30d, 2w, 3m, 1y, 30日, 3ヶ月 ..."
        raise typer.BadParameter(f"{value!r} {reason}", param_hint=option) from None


def write_file(target: Path, text: str, lang: str, shown: str | None = None, *, within: Path | None = None) -> None:
    """A new file written atomically, never over an existing one (nor, with `within`, through a linked
    folder below it); any failure is a Failure saying so."""
    from haru_cli.cli.context import Failure, say
    from haru_cli.load.yamlio import LinkInPath, write_new

    name = shown or str(target)
    try:
        write_new(target, text, within=within)
    except LinkInPath as exc:
        raise Failure(say(lang, f"cannot write {name}: {exc} (haru writes only inside the workspace)",
                          f"{name} に書き込めません: {exc}（haru はワークスペースの中にだけ書き込みます）")) from None
    except FileExistsError:
        if not (target.exists() or target.is_symlink()):  # a folder on the way is a file
            raise Failure(say(lang, f"cannot write {name}: a folder in its path is a file",
                              f"{name} に書き込めません: 途中のフォルダがファイルです")) from None
        raise Failure(say(lang, f"{name} already exists; haru never overwrites a file",
                          f"{name} は既にあります（haru はファイルを上書きしません）")) from None
    except OSError as exc:
        raise Failure(say(lang, f"cannot write {name}: {exc.strerror or exc}; nothing written",
                          f"{name} に書き込めません: {exc.strerror or exc}（何も書き込んでいません）")) from None


def emit_text(text: str, output: Path | None, lang: str) -> None:
    """A rendered document: to stdout (also for `-o -`), or to a new file."""
    from haru_cli.cli.context import say

    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    write_file(output, text, lang)
    typer.echo(say(lang, f"wrote {output}", f"{output} に書き出しました"), err=True)


TemplateOption = Annotated[
    Path | None,
    typer.Option("--template", exists=True, dir_okay=False, help="Render with this Jinja template instead."),
]
OutputOption = Annotated[Path | None, typer.Option("-o", "--output", help="Write to this new file (never overwrites).")]
