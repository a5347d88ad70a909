"""Output of every command (table, JSON, CSV, Markdown, iCalendar), the option types they share, and
writing documents to new files. Help texts of the options are the catalogue's (cli/localize.py)."""

import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from haru_cli.cli.vendored import ParamType

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from decimal import Decimal

    from haru_cli.cli.context import Run
    from haru_cli.i18n import Translator
    from haru_cli.records.values import Duration
    from haru_cli.views.schedule import Dated
    from haru_cli.views.shapes import Document, Table

Format = Literal["table", "json", "csv", "md"]
CalendarFormat = Literal[Format, "ics"]
FormatOption = Annotated[Format, typer.Option("--format")]
CalendarFormatOption = Annotated[CalendarFormat, typer.Option("--format")]
DueOption = Annotated[str, typer.Option("--due", metavar="DURATION")]
TemplateOption = Annotated[Path | None, typer.Option("--template", exists=True, dir_okay=False)]
OutputOption = Annotated[Path | None, typer.Option("-o", "--output")]
MonthOption = Annotated[str | None, typer.Option("--month", metavar="YYYY-MM")]
QueryArgument = Annotated[str, typer.Argument(metavar="QUERY")]
DryRunOption = Annotated[bool, typer.Option("--dry-run")]
# Writes that append an entry refuse one just like an entry already there, unless this says it is meant (§15).
AgainOption = Annotated[bool, typer.Option("--again")]


# --- time as a person writes it: 90, 90m, 1.5h, 1h30m, 1時間30分 -------------------------------------------

_HOURS_AND_MINUTES = re.compile(r"([0-9]+)(?:h|時間)([0-9]+)(?:m|min|分)?", re.IGNORECASE)
_MINUTES = re.compile(r"([0-9]+)(?:m|min|minutes?|分)", re.IGNORECASE)
_HOURS = re.compile(r"([0-9]+(?:\.[0-9]+)?)(?:h|hr|hours?|時間)", re.IGNORECASE)
_BARE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def spent_minutes(value: str, bare: Literal["hours", "minutes"]) -> "Decimal | None":
    """The minutes a written time is (`time log 1.5h`, `--minutes 1.5h`): 1.5h, 90m, 1h30m, 1時間30分, full- or
    half-width; a bare number is hours or minutes as `bare` says. None when it is no time."""
    from decimal import Decimal

    written = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
    if found := _HOURS_AND_MINUTES.fullmatch(written):
        return Decimal(int(found.group(1)) * 60 + int(found.group(2)))
    if found := _MINUTES.fullmatch(written):
        return Decimal(int(found.group(1)))
    if found := _HOURS.fullmatch(written):
        return Decimal(found.group(1)) * 60
    if _BARE.fullmatch(written):
        return Decimal(written) * (60 if bare == "hours" else 1)
    return None


class Minutes(ParamType):
    """Whole minutes of a day, written as `time log` takes time (90, 90m, 1.5h, 1時間30分; a bare number is
    minutes): a meeting's or an oral report's minutes."""

    name = "minutes"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        found = spent_minutes(str(value), bare="minutes")
        if found is None or found % 1 or not 0 <= found <= 24 * 60:
            from haru_cli.i18n import text

            lang = getattr(ctx.find_root().command, "lang", "ja") if ctx is not None else "ja"  # the run's
            self.fail(text("cli.bad.minutes", lang, value=str(value)), param, ctx)
        return int(found)


MinutesOption = Annotated[int | None, typer.Option("--minutes", click_type=Minutes())]


def _rich(build: "Callable[[int], list[Any]]") -> None:
    """What build(width) gives for the terminal's width, printed by Rich."""
    from rich.console import Console

    console = Console(highlight=False)
    for renderable in build(console.width):
        console.print(renderable)


def _columns() -> int | None:
    """The width piped output fits in: COLUMNS when it is set to a number (SPEC §15), else none."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and 0 < int(value) < 10_000 else None


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _marked(data: Any, incomplete: "list[str] | None") -> Any:
    """JSON whose figures skipped files may change says so (SPEC §15): `complete`, and the files."""
    if incomplete is None or not isinstance(data, dict):
        return data
    return {**data, "complete": not incomplete, "incomplete": incomplete}


def _say_incomplete(fmt: str, t: "Translator", incomplete: "list[str] | None") -> None:
    """A table or Markdown whose figures skipped files may change ends by saying so; CSV stays a table
    (the line on stderr and the exit status say it)."""
    if incomplete and fmt in ("table", "md"):
        typer.echo(t("cli.incomplete_note", paths=", ".join(incomplete)))


def emit_table(fmt: str, data: Any, table: "Table | Callable[[], Table]", t: "Translator",
               incomplete: "list[str] | None" = None) -> None:
    """A list command's output: `data` for JSON, the table for the others (a sentence when it is empty);
    `incomplete`: the files its figures may lack, None for a list of no figures (SPEC §15). Either may be
    given as a function that makes it: only the one asked for is made."""
    from haru_cli.render import formats

    if fmt == "json":
        _write(formats.json_text(_marked(data() if callable(data) else data, incomplete)))
        return
    if callable(table):
        table = table()
    if fmt == "csv":
        _write(formats.csv_text(table.headings, table.rows, mark=t("csv.mark")))
    elif not table.rows:
        typer.echo(table.empty)
    elif fmt == "md":
        _write(formats.md_table(table.headings, table.rows))
    elif sys.stdout.isatty():  # Rich on a terminal; plain text when piped
        _rich(lambda width: formats.rich_table(table.headings, table.rows, width=width, one_line=table.one_line))
    else:
        _write(formats.plain_table(table.headings, table.rows, _columns(), one_line=table.one_line))
    _say_incomplete(fmt, t, incomplete)


def emit_document(fmt: str, data: Any, doc: "Document", t: "Translator", incomplete: "list[str] | None" = None) -> None:
    """A show command's output: `data` for JSON, the document for the others (which says itself what is
    incomplete, beside the figures)."""
    from haru_cli.render import formats

    if fmt == "json":
        _write(formats.json_text(_marked(data, incomplete)))
    elif fmt == "csv":
        _write(formats.csv_document(doc, mark=t("csv.mark")))
    elif fmt == "md":
        _write(formats.md_document(doc))
    elif sys.stdout.isatty():
        _rich(lambda width: formats.rich_document(doc, width=width))
    else:
        _write(formats.plain_document(doc, _columns()))


def emit_dated(run: "Run", fmt: str, until: "date", dated: "Dated[Any]", incomplete: "list[str] | None" = None) -> None:
    """What renewals, feedback and upcoming print: JSON {today, until, <key>: [...]}, rows, or iCalendar."""
    if fmt == "ics":
        from haru_cli.render.formats import ics_text

        sys.stdout.write(ics_text(dated.events(), run.state.now, dated.calendar))
        return
    emit_table(fmt, lambda: {"today": run.today.isoformat(), "until": until.isoformat(), dated.key: dated.data()},
               dated.table, run.t, incomplete)


def render_report(run: "Run", name: str, context: dict[str, Any], template_file: Path | None, output: Path | None,
                  incomplete: list[str], *, wareki: bool = False) -> None:
    """Render a report's template (the workspace's own, if it has one) with values only: the templates
    never see the dataset, which can read files (SPEC §14). Then say what skipped files leave incomplete."""
    from haru_cli.render.templates import render_document

    context = {**context, "t": run.t, "today": run.today, "company": run.ds.settings.company,
               "incomplete": incomplete}
    names = {p.id: p.name for p in run.ds.partners.values()}
    text = render_document(name, context, workspace=run.ds.root, lang=run.lang, template_file=template_file,
                           names=names, wareki=wareki)
    emit_text(text, output, run.t)
    run.say_incomplete(incomplete, "cli.incomplete")


def parse_span(value: str, option: str, lang: str) -> "Duration":
    """A --due/--within duration (30d, 2w, 3m, 1y, 30日, 3ヶ月 ...); a wrong one is a usage error (exit 2)."""
    from haru_cli.i18n import text
    from haru_cli.records.values import Duration, Invalid

    try:
        return Duration.parse(value)
    except Invalid as exc:
        key = "cli.bad.century" if exc.variant == "duration.range" else "cli.bad.duration"
        raise typer.BadParameter(text(key, lang, value=value), param_hint=option) from None


def write_file(target: Path, text: str | bytes, t: "Translator", shown: str | None = None, *,
               within: Path | None = None) -> None:
    """A new file written atomically, never over an existing one (nor, with `within`, through a linked
    folder below it); any failure is a Failure saying so."""
    from haru_cli.cli.context import Failure
    from haru_cli.write.atomic import LinkInPath, write_new

    name = shown or str(target)
    try:
        write_new(target, text, within=within)
    except LinkInPath as exc:
        raise Failure(t("cli.write.link", path=name, reason=str(exc))) from None
    except FileExistsError:
        if not (target.exists() or target.is_symlink()):  # a folder on the way is a file
            raise Failure(t("cli.write.folder_is_file", path=name)) from None
        raise Failure(t("cli.write.exists", path=name)) from None
    except OSError as exc:
        raise Failure(t("cli.write.failed", path=name, reason=exc.strerror or str(exc))) from None


def check_new_output(output: Path | None, t: "Translator") -> None:
    """Refuse, before anything is written, an -o file that cannot be written as a new file: one that is there,
    in a folder that is not, of a name or path longer than the file system allows, in a folder haru may not
    write in (a command that records something first, `school certify`, then never stops half-way there)."""
    from haru_cli.cli.context import Failure

    if output is None or str(output) == "-":
        return
    shown, folder = str(output), output.parent
    if os.path.lexists(output):
        raise Failure(t("cli.write.exists", path=shown))
    if not os.path.isdir(folder):
        raise Failure(t("cli.write.no_folder", path=shown, folder=str(folder)))
    for size, limit in ((len(os.fsencode(output.name)), _limit(folder, "PC_NAME_MAX", 255)),
                        (len(os.fsencode(os.path.abspath(output))), _limit(folder, "PC_PATH_MAX", 4096) - 1)):
        if size > limit:
            raise Failure(t("cli.write.too_long", path=shown, size=size, limit=limit))
    if not os.access(folder, os.W_OK | os.X_OK):
        import errno

        raise Failure(t("cli.write.failed", path=shown, reason=os.strerror(errno.EACCES)))


def _limit(folder: Path, name: str, default: int) -> int:
    """A limit of the file system the folder is on (os.pathconf), or POSIX's usual one."""
    try:
        return os.pathconf(folder, name)
    except (OSError, ValueError):
        return default


def emit_text(text: str | bytes, output: Path | None, t: "Translator") -> None:
    """A rendered document (or a file's bytes): to stdout (also for `-o -`), or to a new file."""
    if output is None or str(output) == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    if not os.path.isdir(output.parent):  # a mistyped folder is said, not made (nor a name too long a crash)
        from haru_cli.cli.context import Failure

        raise Failure(t("cli.write.no_folder", path=str(output), folder=str(output.parent)))
    write_file(output, text, t)
    typer.echo(t("cli.wrote", path=str(output)), err=True)
