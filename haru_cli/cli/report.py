"""haru report partner | monthly | agenda — Markdown documents to share or paste into a meeting note."""

from typing import Annotated, Any

import typer

from haru_cli.cli.context import State, parse_month, resolve_partner, state_of
from haru_cli.cli.output import OutputOption, TemplateOption, emit_text

app = typer.Typer(help="Markdown reports: partner dossier, monthly report, meeting agenda.", no_args_is_help=True)

WarekiOption = Annotated[bool, typer.Option("--wareki", help="Japanese dates in the era calendar (令和8年11月27日).")]
QueryArgument = Annotated[
    str, typer.Argument(metavar="QUERY", help="The partner (id, name, reading, alias or contact).")
]


def _render(state: State, name: str, context: dict[str, Any], template_file: Any, output: Any, wareki: bool) -> None:
    from haru_cli.render.templates import render_document
    from haru_cli.views.partners import Labels

    ds = context.pop("ds")  # the templates see values, never the dataset (it can read files)
    lang = state.language(ds)
    context = {**context, "t": Labels(lang), "today": state.today, "company": ds.settings.company}
    names = {p.id: p.name for p in ds.partners.values()}
    text = render_document(name, context, workspace=ds.root, lang=lang, template_file=template_file, names=names,
                           wareki=wareki)
    emit_text(text, output, lang)


@app.command("partner")
def report_partner(
    ctx: typer.Context,
    query: QueryArgument,
    output: OutputOption = None,
    template_file: TemplateOption = None,
    wareki: WarekiOption = False,
) -> None:
    """A partner dossier: profile, role and synergies, contracts and their dates, meetings with their
    decisions, open actions, feedback received, referrals and fees, hours spent.

    Example: haru report partner ウエダ -o ueda.md
    """
    from haru_cli.views.overview import overview

    state = state_of(ctx)
    ds = state.load()
    partner = resolve_partner(ds, query, state.language(ds))
    context = {"ds": ds, "p": partner, "ov": overview(ds, partner, state.today)}
    _render(state, "report_partner", context, template_file, output, wareki)


@app.command("monthly")
def report_monthly(
    ctx: typer.Context,
    month: Annotated[str | None, typer.Option("--month", metavar="YYYY-MM", help="Default: the previous month.")]
    = None,
    output: OutputOption = None,
    template_file: TemplateOption = None,
    wareki: WarekiOption = False,
) -> None:
    """The month in review: meetings, the 社長's hours by partner and kind against the three months
    before, feedback heard, referrals, fees, dates of the next 60 days, overdue actions.

    Example: haru report monthly --month 2026-10
    """
    from haru_cli.views.reports import monthly

    state = state_of(ctx)
    first = parse_month(month, state.today)
    ds = state.load()
    _render(state, "report_monthly", {"ds": ds, "r": monthly(ds, first, state.today)}, template_file, output, wareki)


@app.command("agenda")
def report_agenda(
    ctx: typer.Context,
    query: QueryArgument,
    output: OutputOption = None,
    template_file: TemplateOption = None,
    wareki: WarekiOption = False,
) -> None:
    """The agenda of the next 定例会 with a partner: open actions, decisions since the last regular
    meeting, contract dates ahead, the referral pipeline, feedback hearings due.

    Example: haru report agenda ウエダ
    """
    from haru_cli.views.reports import agenda

    state = state_of(ctx)
    ds = state.load()
    partner = resolve_partner(ds, query, state.language(ds))
    context = {"ds": ds, "p": partner, "a": agenda(ds, partner, state.today)}
    _render(state, "report_agenda", context, template_file, output, wareki)
