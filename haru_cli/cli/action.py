"""haru action list | done — the action items agreed in meetings, and marking one done (SPEC §8)."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run
from haru_cli.cli.output import DryRunOption, FormatOption, emit_table

app = typer.Typer(no_args_is_help=True)


@app.command("list")
def action_list(
    ctx: typer.Context,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    everything: Annotated[bool, typer.Option("--all")] = False,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.activity import open_actions
    from haru_cli.rules.lookup import fold
    from haru_cli.views import meetings as views

    run = open_run(ctx, fmt=fmt)
    only = run.partner(partner).id if partner is not None else None
    found = [o for o in open_actions(run.ds, run.today, only, include_done=everything)
             if owner is None or fold(o.action.owner or "") == fold(owner)]
    emit_table(fmt, views.actions_json(found, run.today), views.actions_table(run.ds, found, run.t), run.t)


@app.command("done")
def action_done(
    ctx: typer.Context,
    meeting_id: Annotated[str, typer.Argument(metavar="MEETING")],
    n: Annotated[int, typer.Argument(metavar="N", min=1)],
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import MEETING
    from haru_cli.write.patch import set_value

    run = open_run(ctx, quiet=True)
    meeting = run.record(MEETING, meeting_id)
    if n > len(meeting.actions):
        run.fail("cli.action.no_such", meeting=meeting.id, n=n, count=len(meeting.actions))
    if meeting.actions[n - 1].done:
        typer.echo(run.t("cli.action.already", meeting=meeting.id, n=n, task=meeting.actions[n - 1].task), err=True)
        return
    change_record(run, run.ds.path_of(MEETING, meeting.id),
                  lambda text: set_value(text, ("actions", n - 1, "done"), True), dry_run=dry_run)
