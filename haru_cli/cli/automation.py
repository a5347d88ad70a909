"""haru automation list | show | measure — the tasks done with generative AI, what each saves as measured,
and recording a measurement (SPEC §9.2, §9.3, §16)."""

import re
import unicodedata
from decimal import Decimal
from typing import Annotated

import typer

from haru_cli.cli.context import open_run, parse_cli_date, parse_month
from haru_cli.cli.output import AgainOption, DryRunOption, FormatOption, emit_document, emit_table

app = typer.Typer(no_args_is_help=True)
MonthOption = Annotated[str | None, typer.Option("--month", metavar="YYYY-MM")]


@app.command("list")
def automation_list(ctx: typer.Context, month: MonthOption = None, fmt: FormatOption = "table") -> None:
    from haru_cli.views import time as views

    run = open_run(ctx, fmt=fmt)
    first = parse_month(month, run.today, run.lang)
    missing = run.time_incomplete()
    emit_table(fmt, lambda: views.automations_json(run.ds, first, run.today),
               lambda: views.automations_table(run.ds, first, run.today, run.t), run.t, missing)
    run.say_incomplete(missing, "cli.time.incomplete")


@app.command("show")
def automation_show(
    ctx: typer.Context,
    automation_id: Annotated[str, typer.Argument(metavar="ID")],
    month: MonthOption = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.records.registry import AUTOMATION
    from haru_cli.views import time as views

    run = open_run(ctx, fmt=fmt)
    first = parse_month(month, run.today, run.lang)
    found = run.record(AUTOMATION, automation_id)
    emit_document(fmt, views.automations_json(run.ds, first, run.today, only=found.id),
                  views.automation_document(run.ds, found, first, run.today, run.t), run.t)


def _number(value: str, option: str, lang: str) -> int | float:
    """Minutes per run or runs per month as the option gives them (`15`, `7.5`, full-width digits too): a
    whole number stays one in the file, a fraction is written as a decimal."""
    from haru_cli.i18n import text

    written = unicodedata.normalize("NFKC", value).strip()
    if not re.fullmatch(r"[0-9]{1,10}(\.[0-9]{1,6})?", written):
        raise typer.BadParameter(text("cli.automation.bad_number", lang, value=value), param_hint=option)
    number = Decimal(written)
    return int(number) if number == number.to_integral_value() else float(number)


@app.command("measure")
def automation_measure(
    ctx: typer.Context,
    automation_id: Annotated[str, typer.Argument(metavar="ID")],
    day: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD")],
    minutes: Annotated[str, typer.Option("--minutes", metavar="N")],
    per_month: Annotated[str | None, typer.Option("--per-month", metavar="N")] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    again: AgainOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Append a measurement of the task as it runs with AI (its lines only); the runs per month default to
    the last measurement's, else the baseline's. Measurements stay oldest first."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import AUTOMATION
    from haru_cli.write.patch import append

    run = open_run(ctx, quiet=True)
    when = parse_cli_date(day, "--date", run.lang)
    entry: dict[str, object] = {"date": when.isoformat(), "minutes": _number(minutes, "--minutes", run.lang)}
    runs = None if per_month is None else _number(per_month, "--per-month", run.lang)
    found = run.record(AUTOMATION, automation_id)
    if when < found.since:
        run.fail("cli.automation.before_since", date=when.isoformat(), since=found.since.isoformat())
    last = max((m.date for m in found.measurements), default=None)
    if last is not None and when < last:  # appended, it would be out of order: what is latest decides savings
        run.fail("cli.automation.before_last", date=when.isoformat(), last=last.isoformat())
    if found.retired is not None and when > found.retired:
        run.fail("cli.automation.retired", id=found.id, retired=found.retired.isoformat())
    if runs is None:
        usual = found.measurements[-1].per_month if found.measurements else found.baseline.per_month
        runs = int(usual) if usual == usual.to_integral_value() else float(usual)
    entry["per_month"] = runs
    if note:
        entry["note"] = note
    change_record(run, run.ds.path_of(AUTOMATION, found.id), lambda text: append(text, ("measurements",), entry),
                  dry_run=dry_run, again=again)
