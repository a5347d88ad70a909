"""haru contract list | show."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run
from haru_cli.cli.output import FormatOption, emit_document, emit_table
from haru_cli.records.models import ContractStatus, ContractType  # their choices are the records' own

app = typer.Typer(no_args_is_help=True)


@app.command("list")
def contract_list(
    ctx: typer.Context,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    type_: Annotated[ContractType | None, typer.Option("--type")] = None,
    status: Annotated[ContractStatus | None, typer.Option("--status")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.schedule import contract_dates, contract_order
    from haru_cli.views import partners as views

    run = open_run(ctx, fmt=fmt)
    ds = run.ds
    only = run.partner(partner).id if partner is not None else None
    contracts = sorted(
        (c for c in ds.contracts.values()
         if (only is None or c.partner == only) and (type_ is None or c.type == type_)
         and (status is None or c.status == status)),
        key=contract_order,
    )
    dated = [(contract_dates(c, run.today), ds.owner_of(c)) for c in contracts]
    emit_table(fmt, lambda: {"today": run.today.isoformat(),
                             "contracts": [views.contract_json(cd, p) for cd, p in dated]},
               lambda: views.contract_table(dated, run.t), run.t)


@app.command("show")
def contract_show(
    ctx: typer.Context,
    contract_id: Annotated[str, typer.Argument(metavar="ID")],
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.records.registry import CONTRACT
    from haru_cli.rules.schedule import contract_dates
    from haru_cli.views import partners as views

    run = open_run(ctx, fmt=fmt)
    contract = run.record(CONTRACT, contract_id)
    cd = contract_dates(contract, run.today)
    partner = run.ds.owner_of(contract)
    emit_document(fmt, views.contract_json(cd, partner), views.contract_document(cd, partner, run.t), run.t)
