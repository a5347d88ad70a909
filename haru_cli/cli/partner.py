"""haru partner list | show — the command the 社長 runs most."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run
from haru_cli.cli.output import FormatOption, QueryArgument, emit_document, emit_table
from haru_cli.records.models import PartnerStatus  # its choices are the records' own

app = typer.Typer(no_args_is_help=True)


@app.command("list")
def partner_list(
    ctx: typer.Context,
    status: Annotated[PartnerStatus | None, typer.Option("--status")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.lookup import sort_key
    from haru_cli.views import partners as views
    from haru_cli.views.overview import overview

    run = open_run(ctx, fmt=fmt)
    partners = sorted((p for p in run.ds.partners.values() if status is None or p.status == status), key=sort_key)
    overviews = [overview(run.ds, p, run.today, run.days) for p in partners]
    emit_table(fmt, lambda: {"today": run.today.isoformat(),
                             "partners": [views.partner_summary_json(ov) for ov in overviews]},
               lambda: views.partner_table(overviews, run.t), run.t)


@app.command("show")
def partner_show(ctx: typer.Context, query: QueryArgument, fmt: FormatOption = "table") -> None:
    from haru_cli.views.partners import partner_page

    run = open_run(ctx, fmt=fmt)
    page = partner_page(run.ds, run.partner(query), run.today, run.days, run.t)
    emit_document(fmt, page.data, page.document, run.t, page.incomplete)
    run.say_incomplete(page.incomplete, "cli.incomplete")
