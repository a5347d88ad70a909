"""haru renewals | feedback | upcoming — what needs a decision or is due, in a window from today
(SPEC §4.1–4.3): one opening, then each its rule and its view, printed alike."""

from datetime import date
from typing import Annotated

import typer

from haru_cli.cli.context import Run, open_run
from haru_cli.cli.output import CalendarFormatOption, DueOption, emit_dated, parse_span


def _window(ctx: typer.Context, span: str, option: str, fmt: str) -> tuple[Run, date, date]:
    """The opened workspace, the window's end, and as far back as it reaches behind today."""
    run = open_run(ctx, fmt=fmt)
    duration = parse_span(span, option, run.lang)
    return run, duration.after(run.today), duration.before(run.today)


def renewals(ctx: typer.Context, due: DueOption = "30d", fmt: CalendarFormatOption = "table") -> None:
    from haru_cli.rules.schedule import renewals_due
    from haru_cli.views.schedule import renewals as view

    run, until, _ = _window(ctx, due, "--due", fmt)
    emit_dated(run, fmt, until, view(run.ds, renewals_due(run.ds, run.today, until), run.today, run.t))


def feedback(ctx: typer.Context, due: DueOption = "30d", fmt: CalendarFormatOption = "table") -> None:
    from haru_cli.rules.schedule import feedback_due
    from haru_cli.views.schedule import milestones as view

    run, until, back = _window(ctx, due, "--due", fmt)
    emit_dated(run, fmt, until, view(run.ds, feedback_due(run.ds, run.today, until, back), run.today, run.t))


def upcoming(
    ctx: typer.Context,
    within: Annotated[str, typer.Option("--within", metavar="DURATION")] = "14d",
    fmt: CalendarFormatOption = "table",
) -> None:
    from haru_cli.rules.upcoming import upcoming as items
    from haru_cli.views.schedule import upcoming as view

    run, until, back = _window(ctx, within, "--within", fmt)
    missing = run.incomplete()
    emit_dated(run, fmt, until, view(run.ds, items(run.ds, run.today, until, back, run.days), run.today, run.t),
               missing)
    run.say_incomplete(missing)  # a payout a skipped file holds, or changes, would be missing unsaid
