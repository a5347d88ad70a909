"""haru report partner | monthly | agenda — Markdown documents to share or paste into a meeting note."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run, parse_month
from haru_cli.cli.output import MonthOption, OutputOption, QueryArgument, TemplateOption, render_report
from haru_cli.rules.integrity import partner_incomplete, workspace_incomplete

app = typer.Typer(no_args_is_help=True)

WarekiOption = Annotated[bool, typer.Option("--wareki")]


@app.command("partner")
def report_partner(ctx: typer.Context, query: QueryArgument, output: OutputOption = None,
                   template_file: TemplateOption = None, wareki: WarekiOption = False) -> None:
    from haru_cli.views.overview import overview

    run = open_run(ctx)
    partner = run.partner(query)
    context = {"p": partner, "ov": overview(run.ds, partner, run.today, run.days)}
    render_report(run, "report_partner", context, template_file, output, partner_incomplete(run.ds, partner.id),
                  wareki=wareki)


@app.command("monthly")
def report_monthly(ctx: typer.Context, month: MonthOption = None,
                   output: OutputOption = None, template_file: TemplateOption = None,
                   wareki: WarekiOption = False) -> None:
    from haru_cli.views.reports import monthly

    run = open_run(ctx)
    first = parse_month(month, run.today, run.lang)
    render_report(run, "report_monthly", {"r": monthly(run.ds, first, run.today, run.days, run.t)}, template_file,
                  output, workspace_incomplete(run.ds), wareki=wareki)


@app.command("agenda")
def report_agenda(ctx: typer.Context, query: QueryArgument, output: OutputOption = None,
                  template_file: TemplateOption = None, wareki: WarekiOption = False) -> None:
    from haru_cli.views.reports import agenda

    run = open_run(ctx)
    partner = run.partner(query)
    render_report(run, "report_agenda", {"p": partner, "a": agenda(run.ds, partner, run.today, run.days, run.t)},
                  template_file, output, partner_incomplete(run.ds, partner.id), wareki=wareki)


@app.command("project")
def report_project(ctx: typer.Context, project_id: Annotated[str, typer.Argument(metavar="ID")],
                   output: OutputOption = None, template_file: TemplateOption = None,
                   wareki: WarekiOption = False) -> None:
    from haru_cli.records.registry import PROJECT
    from haru_cli.views.projects import project_view, report_context

    run = open_run(ctx)
    project = run.record(PROJECT, project_id)
    context = report_context(project_view(run.ds, project, run.today, run.t))
    render_report(run, "report_project", context, template_file, output, [], wareki=wareki)
