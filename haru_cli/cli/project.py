"""haru project list | show, haru pipeline, haru opportunity move — joint projects and the synergy
pipeline, from an idea in a 定例 to a delivered case study (SPEC §12)."""

from typing import Annotated

import typer

from haru_cli.cli.choices import Labelled
from haru_cli.cli.context import open_run, parse_cli_date
from haru_cli.cli.output import DryRunOption, FormatOption, emit_document, emit_table
from haru_cli.records.models import Stage, Synergy
from haru_cli.records.text import natural

app = typer.Typer(no_args_is_help=True)
opportunity_app = typer.Typer(no_args_is_help=True)


@app.command("list")
def project_list(ctx: typer.Context, fmt: FormatOption = "table") -> None:
    from haru_cli.views import projects as views

    run = open_run(ctx, fmt=fmt)
    found = sorted(run.ds.projects.values(), key=lambda p: (p.start, natural(p.id)))
    shown = [views.project_view(run.ds, p, run.today, run.t) for p in found]
    emit_table(fmt, lambda: {"today": run.today.isoformat(), "projects": [views.project_json(v) for v in shown]},
               lambda: views.projects_table(shown, run.t), run.t)


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
    emit_table(fmt, lambda: views.pipeline_json(rows, run.today),
               lambda: views.pipeline_table(run.ds, rows, run.today, run.t), run.t)


@opportunity_app.command("move")
def opportunity_move(
    ctx: typer.Context,
    opportunity_id: Annotated[str, typer.Argument(metavar="ID")],
    stage: Annotated[str, typer.Argument(metavar="STAGE", click_type=Labelled("stage", Stage))],
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    next_step: Annotated[str | None, typer.Option("--next", metavar="TEXT")] = None,
    due: Annotated[str | None, typer.Option("--due", metavar="YYYY-MM-DD")] = None,
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Move an opportunity to a stage: its history gains the entry and its stage changes, and with --next and
    --due its next step and when it is due (those lines only). At the stage it is at, only --next and --due."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import OPPORTUNITY
    from haru_cli.write.patch import append, remove, set_value

    run = open_run(ctx, quiet=True)
    o = run.record(OPPORTUNITY, opportunity_id)
    moved = o.stage != stage
    if not moved and next_step is None and due is None:
        run.fail("cli.opportunity.already", id=o.id, stage=run.t.value("stage", stage))
    when = run.today if day is None else parse_cli_date(day, "--date", run.lang)
    until = None if due is None else parse_cli_date(due, "--due", run.lang)
    if until is not None and until < when:  # a step set on a day is not due before it
        run.fail("cli.opportunity.due_before", due=until.isoformat(), day=when.isoformat())
    # A new next step without a due date of its own must not keep the old step's: upcoming would list the
    # new step as due (or overdue) on a day that was never set for it.
    drop_due = until is None and next_step is not None and next_step != o.next and o.due is not None
    entry: dict[str, object] = {"date": when.isoformat(), "stage": stage}
    if note:
        entry["note"] = note

    def edit(text: str) -> str:
        if moved:
            text = append(set_value(text, ("stage",), stage), ("history",), entry)
        if next_step is not None:
            text = set_value(text, ("next",), next_step)
        if until is not None:
            text = set_value(text, ("due",), until.isoformat())
        return remove(text, ("due",)) if drop_due else text

    change_record(run, run.ds.path_of(OPPORTUNITY, o.id), edit, dry_run=dry_run)
    if drop_due and o.due is not None:
        typer.echo(run.t("cli.opportunity.due_dropped", due=o.due.isoformat(), next=next_step), err=True)
