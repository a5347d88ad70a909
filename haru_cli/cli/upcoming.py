"""haru upcoming — everything dated, in one list: what is on the 社長's plate."""

from typing import Annotated

import typer

from haru_cli.cli.context import state_of
from haru_cli.cli.output import DatedFormat, DatedFormatOption, parse_span


def upcoming(
    ctx: typer.Context,
    within: Annotated[
        str, typer.Option("--within", metavar="DURATION", help="Window from today: 14d, 2w, 1m, 14日 ...")
    ] = "14d",
    fmt: DatedFormatOption = DatedFormat.table,
) -> None:
    """Notice deadlines, term ends, feedback hearings, regular meetings due, open action items and fee
    payouts within the window; overdue items first.

    Example: haru upcoming --within 14d --format ics > haru.ics
    """
    from haru_cli.rules.schedule import upcoming as upcoming_items
    from haru_cli.views import schedule as sv

    state = state_of(ctx)
    span = parse_span(within, "--within")
    today, until = state.today, span.after(state.today)
    ds = state.load()
    t = sv.Labels(state.language(ds))
    sv.emit_dated(fmt, today, until, "items", upcoming_items(ds, today, until, span.before(today)), t,
                  as_json=lambda item: sv.item_json(ds, item), as_row=lambda item: sv.item_row(ds, item, today, t),
                  as_events=lambda found: sv.item_events(ds, found, t), headings=sv.ITEM_HEADINGS,
                  calendar="upcoming_calendar")
