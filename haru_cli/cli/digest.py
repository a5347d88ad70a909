"""haru digest — what needs doing, in a few lines for a chat room, and posting it there (SPEC §17)."""

from typing import Annotated, Literal

import typer

from haru_cli.cli.context import open_run
from haru_cli.cli.output import parse_span

DECISIONS = "30d"  # the renewals said, at least: `haru renewals`' own window

def digest(
    ctx: typer.Context,
    within: Annotated[str, typer.Option("--within", metavar="DURATION")] = "7d",
    post: Annotated[Literal["slack", "chatwork"] | None, typer.Option("--post")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1, max=120, metavar="SECONDS")] = 10,
) -> None:
    from haru_cli.cli import chat
    from haru_cli.rules.fees import unpaid
    from haru_cli.rules.schedule import renewals_due
    from haru_cli.rules.upcoming import upcoming
    from haru_cli.views.digest import digest_text

    run = open_run(ctx)
    span = parse_span(within, "--within", run.lang)
    until, back = span.after(run.today), span.before(run.today)
    missing = run.incomplete()
    items = upcoming(run.ds, run.today, until, back, run.days)
    # A renew-or-cancel decision is said as `haru renewals` says it, a month ahead at least: a notice deadline
    # 24 days off must not wait in silence for a 7-day window (into the year-end holidays).
    decide_by = max(until, parse_span(DECISIONS, "--within", run.lang).after(run.today))
    said = digest_text(run.ds, items, renewals_due(run.ds, run.today, decide_by),
                       unpaid(run.ds, run.today, run.days), run.today, until, run.t, missing, decide_by)
    # The secrets are looked for first: a missing one fails before anything is said.
    request = None if post is None else (chat.slack_post if post == "slack" else chat.chatwork_post)(said, run.t)
    typer.echo(said, nl=False)
    if post is not None and request is not None:
        chat.send(request, post, timeout, run.t)
        typer.echo(run.t("digest.posted", service=run.t(f"digest.service.{post}")), err=True)
    run.say_incomplete(missing)
