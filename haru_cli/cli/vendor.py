"""haru vendor list | show | compare — outsourcing vendors: their scorecards, and choosing one by stated
criteria (SPEC §10)."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run, resolve_named
from haru_cli.cli.output import FormatOption, emit_document, emit_table
from haru_cli.records.models import VendorStatus  # its choices are the records' own

app = typer.Typer(no_args_is_help=True)


@app.command("list")
def vendor_list(
    ctx: typer.Context,
    status: Annotated[VendorStatus | None, typer.Option("--status")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.lookup import sort_key
    from haru_cli.views import vendors as views

    run = open_run(ctx, fmt=fmt)
    found = sorted((v for v in run.ds.vendors.values() if status is None or v.status == status), key=sort_key)
    emit_table(fmt, lambda: views.vendors_json(run.ds, found, run.today),
               lambda: views.vendors_table(run.ds, found, run.today, run.t), run.t)


@app.command("show")
def vendor_show(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY")],
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.records.registry import VENDOR
    from haru_cli.views import vendors as views

    run = open_run(ctx, fmt=fmt)
    vendor = resolve_named(run.ds, VENDOR, query, run.t)
    data = views.vendors_json(run.ds, [vendor], run.today)["vendors"][0]
    emit_document(fmt, data, views.vendor_document(run.ds, vendor, run.today, run.t), run.t)


@app.command("compare")
def vendor_compare(
    ctx: typer.Context,
    sourcing_id: Annotated[str, typer.Argument(metavar="SOURCING")],
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.records.registry import SOURCING
    from haru_cli.views import vendors as views

    run = open_run(ctx, fmt=fmt)
    sourcing = run.record(SOURCING, sourcing_id)
    emit_document(fmt, views.compare_json(run.ds, sourcing),
                  views.compare_document(run.ds, sourcing, run.today, run.t), run.t)
