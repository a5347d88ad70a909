"""haru meeting list | show — the meeting logs (SPEC §8)."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run, parse_cli_date
from haru_cli.cli.output import FormatOption, emit_document, emit_table
from haru_cli.records.models import MeetingKind  # its choices are the records' own

app = typer.Typer(no_args_is_help=True)


@app.command("list")
def meeting_list(
    ctx: typer.Context,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    kind: Annotated[MeetingKind | None, typer.Option("--kind")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.views import meetings as views

    run = open_run(ctx, fmt=fmt)
    first = parse_cli_date(since, "--since", run.lang) if since is not None else None
    last = parse_cli_date(until, "--until", run.lang) if until is not None else None
    only = run.partner(partner).id if partner is not None else None
    found = [m for m in (run.ds.meetings.values() if only is None else run.ds.meetings_of(only))
             if (kind is None or m.kind == kind) and (first is None or m.date >= first)
             and (last is None or m.date <= last)]
    found.sort(key=lambda m: (m.date, m.id), reverse=True)  # the latest first, as partner show lists them
    emit_table(fmt, lambda: views.meetings_json(found), lambda: views.meetings_table(run.ds, found, run.t),
               run.t)


@app.command("show")
def meeting_show(
    ctx: typer.Context,
    meeting_id: Annotated[str, typer.Argument(metavar="ID")],
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.records.models import as_json
    from haru_cli.records.registry import MEETING
    from haru_cli.views.meetings import meeting_document

    run = open_run(ctx, fmt=fmt)
    meeting = run.record(MEETING, meeting_id)
    emit_document(fmt, as_json(meeting), meeting_document(run.ds, meeting, run.today, run.t), run.t)
