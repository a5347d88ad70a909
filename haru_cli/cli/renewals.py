"""haru renewals — contracts that need a renew/cancel decision soon (SPEC §4.1)."""

from typing import Annotated

import typer

from haru_cli.cli.context import state_of
from haru_cli.cli.output import DatedFormat, DatedFormatOption, emit_calendar, emit_rows, parse_span


def renewals(
    ctx: typer.Context,
    due: Annotated[str, typer.Option("--due", metavar="DURATION", help="Window from today: 30d, 2w, 3m, 30日 ...")]
    = "30d",
    fmt: DatedFormatOption = DatedFormat.table,
) -> None:
    """Active contracts whose current term end or notice deadline falls within the window, plus expired
    ones, the earliest date ahead first.

    Example: haru renewals --due 30d
    """
    from haru_cli.cli import schedule_views as sv
    from haru_cli.schedule import renewals_due

    state = state_of(ctx)
    today, until = state.today, parse_span(due, "--due").after(state.today)
    ds = state.load()
    t = sv.Labels(state.language(ds))
    found = renewals_due(ds, today, until)
    if fmt == DatedFormat.ics:
        emit_calendar(sv.renewal_events(ds, found, today, t), today, t("renewals_calendar"))
        return
    data = {"today": today.isoformat(), "until": until.isoformat(),
            "renewals": [sv.renewal_json(ds, r, today) for r in found]}
    rows = [sv.renewal_row(ds, r, today, t) for r in found]
    emit_rows(fmt, data, [t(h) for h in sv.RENEWAL_HEADINGS], rows, empty=t("nothing_due"))
