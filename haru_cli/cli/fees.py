"""haru fees calc | statement — what HaRu owes each partner, with tax, and when it is paid (SPEC §4.4)."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run, parse_month
from haru_cli.cli.output import (
    FormatOption,
    MonthOption,
    OutputOption,
    QueryArgument,
    TemplateOption,
    emit_document,
    emit_table,
    render_report,
)

app = typer.Typer(no_args_is_help=True)


@app.command("calc")
def fees_calc(
    ctx: typer.Context,
    month: MonthOption = None,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.fees import month_statements
    from haru_cli.views import fees as views

    run = open_run(ctx, fmt=fmt)
    first = parse_month(month, run.today, run.lang)
    only = run.partner(partner).id if partner is not None else None
    found = month_statements(run.ds, first, run.days, [only] if only else None)
    missing = run.incomplete(only)
    data = views.calc_json(f"{first:%Y-%m}", found)
    data["incomplete"] = missing
    if fmt == "csv":
        emit_table(fmt, data, views.statements_table(found, run.t), run.t)
    else:
        emit_document(fmt, data, views.fees_document(f"{first:%Y-%m}", found, run.t, missing), run.t)
    run.say_incomplete(missing)


@app.command("statement")
def fees_statement(
    ctx: typer.Context,
    query: QueryArgument,
    month: Annotated[str, typer.Option("--month", metavar="YYYY-MM")],
    output: OutputOption = None,
    template_file: TemplateOption = None,
) -> None:
    from haru_cli.rules.fees import monthly_statement
    from haru_cli.views.fees import statement_context

    run = open_run(ctx)
    first = parse_month(month, run.today, run.lang)
    found = run.partner(query)
    missing = run.incomplete(found.id)
    statement = monthly_statement(run.ds, found, first, run.days)
    if statement is None:
        run.say_incomplete(missing)
        run.fail("cli.fees.no_fees", name=found.name, month=f"{first:%Y-%m}")
    render_report(run, "fees_statement", statement_context(statement, run.ds.settings, run.t), template_file, output,
                  missing)
