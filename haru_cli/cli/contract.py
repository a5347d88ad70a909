"""haru contract list | show."""

import difflib
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, broken_file, resolve_partner, say, state_of
from haru_cli.cli.output import FormatOption, OutputFormat, emit_document, emit_rows
from haru_cli.records.models import ContractStatus, ContractType  # their choices are the records' own

app = typer.Typer(help="Contracts: list them, or show one.", no_args_is_help=True)


@app.command("list")
def contract_list(
    ctx: typer.Context,
    partner: Annotated[str | None, typer.Option("--partner", help="Only this partner's (any QUERY form).")] = None,
    type_: Annotated[ContractType | None, typer.Option("--type", help="Only contracts of this type.")] = None,
    status: Annotated[ContractStatus | None, typer.Option("--status", help="Only contracts in this status.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Contracts with their current term end and notice deadline (SPEC §4.1).

    Example: haru contract list --partner ウエダ --status active
    """
    from haru_cli.views import partners as views
    from haru_cli.views.overview import contract_dates

    state = state_of(ctx)
    ds = state.load()
    lang = state.language(ds)
    t = views.Labels(lang)
    only = resolve_partner(ds, partner, lang).id if partner is not None else None
    contracts = sorted(
        (c for c in ds.contracts.values()
         if (only is None or c.partner == only) and (type_ is None or c.type == type_)
         and (status is None or c.status == status)),
        key=lambda c: (c.partner, c.start, c.id),
    )
    dated = [contract_dates(c, state.today) for c in contracts]
    data = {
        "today": state.today.isoformat(),
        "contracts": [views.contract_json(cd, ds.partners.get(cd.contract.partner)) for cd in dated],
    }
    rows = [views.contract_row(cd, ds.partners.get(cd.contract.partner), t) for cd in dated]
    emit_rows(fmt, data, [t(h) for h in views.CONTRACT_HEADINGS], rows, empty=t("none"))


@app.command("show")
def contract_show(
    ctx: typer.Context,
    contract_id: Annotated[str, typer.Argument(metavar="ID", help="The contract's id (its file name).")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One contract: its terms, renewal dates, fee rules and text.

    Example: haru contract show ueda-consulting-2026
    """
    from haru_cli.views import partners as views
    from haru_cli.views.overview import contract_dates

    state = state_of(ctx)
    ds = state.load()
    lang = state.language(ds)
    contract = ds.contracts.get(contract_id)
    if contract is None:
        broken_file(ds, "contracts", contract_id, lang)
        near = difflib.get_close_matches(contract_id, list(ds.contracts), n=5, cutoff=0.5)
        hint = ", ".join(near) or say(lang, "(none)", "（なし）")
        raise Failure(say(lang, f"no contract {contract_id!r}; closest: {hint}",
                          f"契約「{contract_id}」がありません。候補: {hint}"))
    cd = contract_dates(contract, state.today)
    partner = ds.partners.get(contract.partner)
    emit_document(fmt, views.contract_json(cd, partner), views.contract_document(cd, partner, views.Labels(lang)))
