"""haru partner list | show — the command the 社長 runs most."""

from typing import Annotated

import typer

from haru_cli.cli.context import open_run
from haru_cli.cli.output import FormatOption, QueryArgument, emit_document, emit_table
from haru_cli.records.models import PartnerStatus  # its choices are the records' own

app = typer.Typer(no_args_is_help=True)


@app.command("list")
def partner_list(
    ctx: typer.Context,
    status: Annotated[PartnerStatus | None, typer.Option("--status")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.lookup import sort_key
    from haru_cli.views import partners as views
    from haru_cli.views.overview import overview

    run = open_run(ctx, fmt=fmt)
    partners = sorted((p for p in run.ds.partners.values() if status is None or p.status == status), key=sort_key)
    overviews = [overview(run.ds, p, run.today, run.days) for p in partners]
    data = {"today": run.today.isoformat(), "partners": [views.partner_summary_json(ov) for ov in overviews]}
    emit_table(fmt, data, views.partner_table(overviews, run.t), run.t)


@app.command("show")
def partner_show(ctx: typer.Context, query: QueryArgument, fmt: FormatOption = "table") -> None:
    from haru_cli.rules.integrity import partner_dates_incomplete, partner_incomplete
    from haru_cli.views import partners as views
    from haru_cli.views import projects, school
    from haru_cli.views.overview import overview

    run = open_run(ctx, fmt=fmt)
    partner = run.partner(query)
    ov = overview(run.ds, partner, run.today, run.days)
    missing = run.incomplete(partner.id)
    undated = partner_dates_incomplete(run.ds, partner.id)  # the dashboard's partner page says the same
    data = views.partner_show_json(ov, missing, undated)
    doc = views.partner_document(ov, run.t, missing, undated)
    students = school.referred_by(run.ds, partner.id, run.today)  # 受講生獲得 (strategy 2)
    data["students"] = school.status_json(run.ds, students, run.today)["students"]
    if students:
        doc.sections.append(school.referred_section(run.ds, partner.id, run.today, run.t))
    joint, sections = projects.partner_sections(run.ds, partner.id, run.today, run.t)
    data |= joint
    doc.sections += sections
    # its figures: the fees, and the hours of its meetings and of the time logged for it (SPEC §15)
    figures = partner_incomplete(run.ds, partner.id)
    emit_document(fmt, data, doc, run.t, figures)
    run.say_incomplete(figures, "cli.incomplete")
