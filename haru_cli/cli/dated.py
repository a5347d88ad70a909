"""haru renewals | feedback | upcoming — what needs a decision or is due, in a window from today
(SPEC §4.1–4.3). One body, three windows and views."""

from typing import Annotated, Any

import typer

from haru_cli.cli.context import open_run
from haru_cli.cli.output import CalendarFormatOption, DueOption, emit_dated, parse_span


def _show(ctx: typer.Context, window: str, option: str, fmt: str, what: str) -> None:
    from haru_cli.rules import schedule, upcoming
    from haru_cli.views import schedule as views

    run = open_run(ctx, fmt=fmt)
    span = parse_span(window, option, run.lang)
    today, until, back = run.today, span.after(run.today), span.before(run.today)
    dated: views.Dated[Any]
    if what == "renewals":
        dated = views.renewals(run.ds, schedule.renewals_due(run.ds, today, until), today, run.t)
    elif what == "feedback":
        dated = views.milestones(run.ds, schedule.feedback_due(run.ds, today, until, back), today, run.t)
    else:
        found = upcoming.upcoming(run.ds, today, until, back, run.days)
        dated = views.upcoming(run.ds, found, today, run.t)
    emit_dated(run, fmt, until, dated)
    if what == "upcoming":  # payouts whose amounts skipped files may change
        run.say_incomplete(sorted({p for i in found if i.kind == "payout" for p in run.incomplete(i.partner)}))


def renewals(ctx: typer.Context, due: DueOption = "30d", fmt: CalendarFormatOption = "table") -> None:
    _show(ctx, due, "--due", fmt, "renewals")


def feedback(ctx: typer.Context, due: DueOption = "30d", fmt: CalendarFormatOption = "table") -> None:
    _show(ctx, due, "--due", fmt, "feedback")


def upcoming(
    ctx: typer.Context,
    within: Annotated[str, typer.Option("--within", metavar="DURATION")] = "14d",
    fmt: CalendarFormatOption = "table",
) -> None:
    _show(ctx, within, "--within", fmt, "upcoming")
