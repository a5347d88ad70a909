"""haru feedback — customer-feedback hearings due before renewal milestones (SPEC §4.2, strategy 3.5)."""

import typer

from haru_cli.cli.context import state_of
from haru_cli.cli.output import DatedFormat, DatedFormatOption, DueOption, parse_span


def feedback(
    ctx: typer.Context,
    due: DueOption = "30d",
    fmt: DatedFormatOption = DatedFormat.table,
) -> None:
    """Every feedback milestone from today to the window's end (held or due), and the ones of the same
    span back that were not held (overdue).

    Example: haru feedback --due 30d
    """
    from haru_cli.rules.schedule import feedback_due
    from haru_cli.views import schedule as sv

    state = state_of(ctx)
    span = parse_span(due, "--due")
    today, until = state.today, span.after(state.today)
    ds = state.load()
    t = sv.Labels(state.language(ds))
    sv.emit_dated(fmt, today, until, "milestones", feedback_due(ds, today, until, span.before(today)), t,
                  as_json=lambda m: sv.milestone_json(ds, m), as_row=lambda m: sv.milestone_row(ds, m, today, t),
                  as_events=lambda found: sv.milestone_events(ds, found, t), headings=sv.MILESTONE_HEADINGS,
                  calendar="feedback_calendar")
