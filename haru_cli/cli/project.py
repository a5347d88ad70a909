"""haru project list | show, haru pipeline, haru opportunity move — joint projects and the synergy
pipeline, from an idea in a 定例 to a delivered case study (SPEC §12)."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run, parse_cli_date
from haru_cli.cli.output import DryRunOption, FormatOption, emit_document, emit_table
from haru_cli.records.models import Stage, Synergy

app = typer.Typer(no_args_is_help=True)
opportunity_app = typer.Typer(no_args_is_help=True)


@app.command("list")
def project_list(ctx: typer.Context, fmt: FormatOption = "table") -> None:
    from haru_cli.views import projects as views

    run = open_run(ctx, fmt=fmt)
    found = sorted(run.ds.projects.values(), key=lambda p: (p.start, p.id))
    shown = [views.project_view(run.ds, p, run.today, run.t) for p in found]
    emit_table(fmt, {"today": run.today.isoformat(), "projects": [views.project_json(v) for v in shown]},
               views.projects_table(shown, run.t), run.t)


@app.command("show")
def project_show(ctx: typer.Context, project_id: Annotated[str, typer.Argument(metavar="ID")],
                 fmt: FormatOption = "table") -> None:
    from haru_cli.records.registry import PROJECT
    from haru_cli.views import projects as views

    run = open_run(ctx, fmt=fmt)
    p = run.record(PROJECT, project_id)
    shown = views.project_view(run.ds, p, run.today, run.t)
    emit_document(fmt, views.project_json(shown, whole=True), views.project_document(shown, run.t), run.t)


def pipeline(
    ctx: typer.Context,
    synergy: Annotated[Synergy | None, typer.Option("--synergy")] = None,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    fmt: FormatOption = "table",
) -> None:
    """Every stage, in order, with its opportunities, their days in it and the value."""
    from haru_cli.rules.projects import pipeline as by_stage
    from haru_cli.views import projects as views

    run = open_run(ctx, fmt=fmt)
    only = run.partner(partner).id if partner is not None else None
    rows = by_stage(run.ds, synergy, only)
    emit_table(fmt, views.pipeline_json(rows, run.today), views.pipeline_table(run.ds, rows, run.today, run.t), run.t)


@opportunity_app.command("move")
def opportunity_move(
    ctx: typer.Context,
    opportunity_id: Annotated[str, typer.Argument(metavar="ID")],
    stage: Annotated[Stage, typer.Argument(metavar="STAGE")],
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Move an opportunity to a stage: its history gains the entry and its stage changes (those lines only)."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import OPPORTUNITY
    from haru_cli.write.patch import append, set_value

    run = open_run(ctx, quiet=True)
    o = run.record(OPPORTUNITY, opportunity_id)
    if o.stage == stage:
        run.fail("cli.opportunity.already", id=o.id, stage=run.t.value("stage", stage))
    when = run.today if day is None else parse_cli_date(day, "--date", run.lang)
    entry: dict[str, object] = {"date": when.isoformat(), "stage": stage}
    if note:
        entry["note"] = note
    change_record(run, run.ds.path_of(OPPORTUNITY, o.id),
                  lambda text: append(set_value(text, ("stage",), stage), ("history",), entry), dry_run=dry_run)
