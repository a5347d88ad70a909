"""haru action list | add | done | reopen — the action items agreed in meetings: listing them, adding one,
marking one done or open again (SPEC §8, §16)."""

from typing import Annotated

import typer

from haru_cli.cli.context import Run, open_run, parse_cli_date
from haru_cli.cli.output import AgainOption, DryRunOption, FormatOption, emit_table
from haru_cli.records.models import Meeting

app = typer.Typer(no_args_is_help=True)
MeetingArgument = Annotated[str, typer.Argument(metavar="MEETING")]
NumberArgument = Annotated[int, typer.Argument(metavar="N", min=1)]


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
    emit_table(fmt, lambda: views.actions_json(found, run.today),
               lambda: views.actions_table(run.ds, found, run.t), run.t)


@app.command("add")
def action_add(
    ctx: typer.Context,
    meeting_id: MeetingArgument,
    task: Annotated[str, typer.Argument(metavar="TASK")],
    owner: Annotated[str | None, typer.Option("--owner", metavar="NAME")] = None,
    due: Annotated[str | None, typer.Option("--due", metavar="YYYY-MM-DD")] = None,
    again: AgainOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Append one action item to a meeting (only its lines are added): with --due, `upcoming` lists it."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import MEETING
    from haru_cli.write.patch import append

    run = open_run(ctx, quiet=True)
    meeting = run.record(MEETING, meeting_id)
    item: dict[str, object] = {"task": task, "owner": owner}
    if due is not None:
        day = parse_cli_date(due, "--due", run.lang)
        if day < meeting.date:  # agreed in the meeting: it cannot have been due before it
            run.fail("cli.action.due_before", due=day.isoformat(), meeting=meeting.id, date=meeting.date.isoformat())
        item["due"] = day.isoformat()
    item = {k: v for k, v in item.items() if v is not None}
    change_record(run, run.ds.path_of(MEETING, meeting.id), lambda text: append(text, ("actions",), item),
                  dry_run=dry_run, again=again)


def _numbered(run: Run, meeting_id: str, n: int) -> Meeting:
    """The meeting, once it is known to have an N-th action (numbered as `action list` numbers them)."""
    from haru_cli.records.registry import MEETING

    meeting = run.record(MEETING, meeting_id)
    if n > len(meeting.actions):
        run.fail("cli.action.no_such", meeting=meeting.id, n=n, count=len(meeting.actions))
    return meeting


def _mark(run: Run, meeting: Meeting, n: int, done: bool, dry_run: bool) -> None:
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import MEETING
    from haru_cli.write.patch import set_value

    change_record(run, run.ds.path_of(MEETING, meeting.id),
                  lambda text: set_value(text, ("actions", n - 1, "done"), done), dry_run=dry_run)


@app.command("done")
def action_done(ctx: typer.Context, meeting_id: MeetingArgument, n: NumberArgument,
                dry_run: DryRunOption = False) -> None:
    run = open_run(ctx, quiet=True)
    meeting = _numbered(run, meeting_id, n)
    if meeting.actions[n - 1].done:
        typer.echo(run.t("cli.action.already", meeting=meeting.id, n=n, task=meeting.actions[n - 1].task), err=True)
        return
    _mark(run, meeting, n, True, dry_run)


@app.command("reopen")
def action_reopen(ctx: typer.Context, meeting_id: MeetingArgument, n: NumberArgument,
                  dry_run: DryRunOption = False) -> None:
    """Mark a done action open again (its `done` line only): it is listed, and due, once more."""
    run = open_run(ctx, quiet=True)
    meeting = _numbered(run, meeting_id, n)
    if not meeting.actions[n - 1].done:
        typer.echo(run.t("cli.action.open_already", meeting=meeting.id, n=n, task=meeting.actions[n - 1].task),
                   err=True)
        return
    _mark(run, meeting, n, False, dry_run)
