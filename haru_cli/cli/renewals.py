"""haru renewals — contracts that need a renew/cancel decision soon (SPEC §4.1)."""

import typer

from haru_cli.cli.context import state_of
from haru_cli.cli.output import DatedFormat, DatedFormatOption, DueOption, parse_span


def renewals(
    ctx: typer.Context,
    due: DueOption = "30d",
    fmt: DatedFormatOption = DatedFormat.table,
) -> None:
    """Active contracts whose current term end or notice deadline falls within the window, plus expired
    ones, the earliest date ahead first.

    Example: haru renewals --due 30d
    """
    from haru_cli.rules.schedule import renewals_due
    from haru_cli.views import schedule as sv

    state = state_of(ctx)
    today, until = state.today, parse_span(due, "--due").after(state.today)
    ds = state.load()
    t = sv.Labels(state.language(ds))
    sv.emit_dated(fmt, today, until, "renewals", renewals_due(ds, today, until), t,
                  as_json=lambda r: sv.renewal_json(ds, r, today), as_row=lambda r: sv.renewal_row(ds, r, today, t),
                  as_events=lambda found: sv.renewal_events(ds, found, today, t), headings=sv.RENEWAL_HEADINGS,
                  calendar="renewals_calendar")
