"""haru upcoming — everything dated, in one list: what is on the 社長's plate."""

from typing import Annotated

import typer

from haru_cli.cli.context import state_of
from haru_cli.cli.output import DatedFormat, DatedFormatOption, emit_calendar, emit_rows, parse_span


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
    from haru_cli.cli import schedule_views as sv
    from haru_cli.schedule import upcoming as upcoming_items

    state = state_of(ctx)
    span = parse_span(within, "--within")
    today, until = state.today, span.after(state.today)
    ds = state.load()
    t = sv.Labels(state.language(ds))
    items = upcoming_items(ds, today, until, span.before(today))
    if fmt == DatedFormat.ics:
        emit_calendar(sv.item_events(ds, items, t), today, t("upcoming_calendar"))
        return
    data = {"today": today.isoformat(), "until": until.isoformat(),
            "items": [sv.item_json(ds, item, t) for item in items]}
    rows = [sv.item_row(ds, item, today, t) for item in items]
    emit_rows(fmt, data, [t(h) for h in sv.ITEM_HEADINGS], rows, empty=t("nothing_due"))
