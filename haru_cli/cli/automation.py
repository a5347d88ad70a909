"""haru automation list | show — the tasks done with generative AI, and what each saves as measured
(SPEC §9.2, §9.3)."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run, parse_month
from haru_cli.cli.output import FormatOption, emit_document, emit_table

app = typer.Typer(no_args_is_help=True)
MonthOption = Annotated[str | None, typer.Option("--month", metavar="YYYY-MM")]


@app.command("list")
def automation_list(ctx: typer.Context, month: MonthOption = None, fmt: FormatOption = "table") -> None:
    from haru_cli.views import time as views

    run = open_run(ctx, fmt=fmt)
    first = parse_month(month, run.today, run.lang)
    missing = run.time_incomplete()
    emit_table(fmt, views.automations_json(run.ds, first, run.today),
               views.automations_table(run.ds, first, run.today, run.t), run.t, missing)
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
