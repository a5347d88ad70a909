"""haru partner list | show — the command the 社長 runs most."""

from typing import Annotated

import typer

from haru_cli.cli.context import resolve_partner, state_of
from haru_cli.cli.output import FormatOption, OutputFormat, emit_document, emit_rows
from haru_cli.records.models import PartnerStatus  # its choices are the records' own

app = typer.Typer(help="Partners: list them, or show everything about one.", no_args_is_help=True)


@app.command("list")
def partner_list(
    ctx: typer.Context,
    status: Annotated[PartnerStatus | None, typer.Option("--status", help="Only partners with this status.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One row per partner, sorted by reading: status, cadence, last meeting, next regular meeting
    (overdue marked), active contracts.

    Example: haru partner list --status active
    """
    from haru_cli.rules.lookup import sort_key
    from haru_cli.views import partners as views
    from haru_cli.views.overview import overview

    state = state_of(ctx)
    ds = state.load()
    t = views.Labels(state.language(ds))
    partners = sorted((p for p in ds.partners.values() if status is None or p.status == status), key=sort_key)
    overviews = [overview(ds, p, state.today) for p in partners]
    data = {"today": state.today.isoformat(), "partners": [views.partner_summary_json(ov) for ov in overviews]}
    rows = [views.partner_row(ov, t) for ov in overviews]
    emit_rows(fmt, data, [t(h) for h in views.PARTNER_HEADINGS], rows, empty=t("none"))


@app.command("show")
def partner_show(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Id, name, reading, alias or contact (上田, ueda).")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Everything about one partner: profile, contacts, contracts with their next dates, recent meetings,
    open actions, referrals, hours spent.

    Example: haru partner show ウエダ
    """
    from haru_cli.views import partners as views
    from haru_cli.views.overview import overview

    state = state_of(ctx)
    ds = state.load()
    lang = state.language(ds)
    ov = overview(ds, resolve_partner(ds, query, lang), state.today)
    emit_document(fmt, views.partner_show_json(ov), views.partner_document(ov, views.Labels(lang)))
