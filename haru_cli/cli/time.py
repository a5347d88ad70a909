"""haru time report | log — where the 社長's time went, against the priorities, and what AI saved of it
(SPEC §9.3); a quick way to log an entry (SPEC §9.1)."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from haru_cli.cli.choices import Labelled
from haru_cli.cli.context import Run, open_run, parse_cli_date, parse_month
from haru_cli.cli.output import AgainOption, DryRunOption, FormatOption, emit_document, spent_minutes
from haru_cli.i18n import text
from haru_cli.records.models import Area

if TYPE_CHECKING:
    from haru_cli.rules.time import Period

app = typer.Typer(no_args_is_help=True)

_QUARTER = re.compile(r"([0-9]{4})\s*-?\s*Q([1-4])", re.IGNORECASE)


def _period(run: Run, month: str | None, quarter: str | None, fy: int | None) -> Period:
    """The period the options name (one of them at most); by default, last month."""
    from haru_cli.rules.time import fiscal_year, month_of
    from haru_cli.rules.time import quarter as calendar_quarter

    if sum(x is not None for x in (month, quarter, fy)) > 1:
        raise typer.BadParameter(run.t("cli.time.one_period"), param_hint="--month / --quarter / --fy")
    if quarter is not None:
        found = _QUARTER.fullmatch(unicodedata.normalize("NFKC", quarter).strip())
        if found is None:
            raise typer.BadParameter(run.t("cli.bad.quarter", value=quarter), param_hint="--quarter")
        return calendar_quarter(int(found.group(1)), int(found.group(2)))
    if fy is not None:
        return fiscal_year(run.ds.settings, fy)
    return month_of(parse_month(month, run.today, run.lang))


@app.command("report")
def time_report(
    ctx: typer.Context,
    month: Annotated[str | None, typer.Option("--month", metavar="YYYY-MM")] = None,
    quarter: Annotated[str | None, typer.Option("--quarter", metavar="YYYYQn")] = None,
    fy: Annotated[int | None, typer.Option("--fy", metavar="YYYY", min=1900, max=2198)] = None,
    by: Annotated[Literal["area", "partner"], typer.Option("--by")] = "area",
    fmt: FormatOption = "table",
) -> None:
    """Per area the hours, their share, the target and the gap, beside the three periods before; the hours
    per partner; the hours AI saved."""
    from haru_cli.views import time as views

    run = open_run(ctx, fmt=fmt)
    report = views.time_report(run.ds, _period(run, month, quarter, fy), run.today)
    missing = run.time_incomplete()
    emit_document(fmt, views.time_json(report), views.time_document(report, by, run.t, missing), run.t, missing)
    run.say_incomplete(missing, "cli.time.incomplete")


def parse_spent(value: str, lang: str) -> dict[str, int | float]:
    """`1.5h`, `1.5`, `90m`, `1h30m`, `1時間30分`: as `hours` when in quarter hours, else `minutes`."""
    minutes = spent_minutes(value, bare="hours")
    if minutes is None or not 0 < minutes <= 24 * 60 or minutes % 1:
        _bad_time(value, lang)
    if minutes % 15:
        return {"minutes": int(minutes)}
    hours = minutes / 60
    return {"hours": int(hours) if hours % 1 == 0 else float(hours)}


def _bad_time(value: str, lang: str) -> NoReturn:
    hint = text("metavar.declared.TIME", lang)  # TIME, as the help page names the argument
    raise typer.BadParameter(text("cli.bad.time", lang, value=value), param_hint=f"'{hint}'")


@app.command("log")
def time_log(
    ctx: typer.Context,
    spent: Annotated[str, typer.Argument(metavar="TIME")],
    area: Annotated[str, typer.Argument(metavar="AREA", click_type=Labelled("area", Area))],
    note: Annotated[str | None, typer.Argument(metavar="NOTE")] = None,
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    project: Annotated[str | None, typer.Option("--project")] = None,
    again: AgainOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Append one entry to the month's time log (time/<year>/<YYYY-MM>.yaml; made when there is none)."""
    from haru_cli.cli.changing import change_record
    from haru_cli.cli.new import create_record
    from haru_cli.records.registry import TIME
    from haru_cli.write.atomic import workspace_lock
    from haru_cli.write.patch import append

    run = open_run(ctx, quiet=True)
    amount = parse_spent(spent, run.lang)
    when = run.today if day is None else parse_cli_date(day, "--date", run.lang)
    entry: dict[str, object] = {"date": when.isoformat(), **amount, "area": area}
    if partner is not None:
        entry["partner"] = run.partner(partner).id
    if project is not None:
        from haru_cli.records.registry import PROJECT

        entry["project"] = run.record(PROJECT, project).id
    if note:
        entry["note"] = note
    month = f"{when:%Y-%m}"
    path = TIME.path(month, when.year)
    with workspace_lock(run.ds.root):  # two first entries of a month at once: one makes the file, one appends
        if (run.ds.root / path).exists():
            change_record(run, path, lambda before: append(before, ("entries",), entry), dry_run=dry_run,
                          again=again)
        else:
            create_record(run, path, {"id": month, "entries": [entry]}, edit=False, dry_run=dry_run)
