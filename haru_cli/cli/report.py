"""haru report partner | monthly | agenda — Markdown documents to share or paste into a meeting note."""

from typing import Annotated, Any

import typer

from haru_cli.cli.context import Run, open_run, parse_month
from haru_cli.cli.output import OutputOption, TemplateOption, emit_text

app = typer.Typer(no_args_is_help=True)

WarekiOption = Annotated[bool, typer.Option("--wareki")]
QueryArgument = Annotated[str, typer.Argument(metavar="QUERY")]


def _render(run: Run, name: str, context: dict[str, Any], template_file: Any, output: Any, wareki: bool,
            incomplete: list[str]) -> None:
    """Render a report's template (the workspace's own, if it has one) with values only: the templates
    never see the dataset, which can read files (SPEC §14)."""
    from haru_cli.render.templates import render_document

    context = {**context, "t": run.t, "today": run.today, "company": run.ds.settings.company,
               "incomplete": incomplete}
    names = {p.id: p.name for p in run.ds.partners.values()}
    text = render_document(name, context, workspace=run.ds.root, lang=run.lang, template_file=template_file,
                           names=names, wareki=wareki)
    emit_text(text, output, run.t)
    run.say_incomplete(incomplete)


@app.command("partner")
def report_partner(ctx: typer.Context, query: QueryArgument, output: OutputOption = None,
                   template_file: TemplateOption = None, wareki: WarekiOption = False) -> None:
    from haru_cli.views.overview import overview

    run = open_run(ctx)
    partner = run.partner(query)
    context = {"p": partner, "ov": overview(run.ds, partner, run.today, run.days)}
    _render(run, "report_partner", context, template_file, output, wareki, run.incomplete(partner.id))


@app.command("monthly")
def report_monthly(ctx: typer.Context, month: Annotated[str | None, typer.Option("--month", metavar="YYYY-MM")] = None,
                   output: OutputOption = None, template_file: TemplateOption = None,
                   wareki: WarekiOption = False) -> None:
    from haru_cli.views.reports import monthly

    run = open_run(ctx)
    first = parse_month(month, run.today, run.lang)
    _render(run, "report_monthly", {"r": monthly(run.ds, first, run.today, run.days)}, template_file, output, wareki,
            run.incomplete())


@app.command("agenda")
def report_agenda(ctx: typer.Context, query: QueryArgument, output: OutputOption = None,
                  template_file: TemplateOption = None, wareki: WarekiOption = False) -> None:
    from haru_cli.views.reports import agenda

    run = open_run(ctx)
    partner = run.partner(query)
    _render(run, "report_agenda", {"p": partner, "a": agenda(run.ds, partner, run.today, run.days)}, template_file,
            output, wareki, run.incomplete(partner.id))
