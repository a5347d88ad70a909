"""haru fees calc | statement — what HaRu owes each partner, with tax, and when it is paid (SPEC §4.4)."""

from typing import Annotated

import typer

from haru_cli.cli.context import Failure, parse_month, resolve_partner, say, state_of
from haru_cli.cli.output import (
    FormatOption,
    OutputFormat,
    OutputOption,
    TemplateOption,
    emit_document,
    emit_rows,
    emit_text,
)

app = typer.Typer(help="Referral fees: monthly statements with tax, withholding and pay dates.", no_args_is_help=True)


@app.command("calc")
def fees_calc(
    ctx: typer.Context,
    month: Annotated[str | None, typer.Option("--month", metavar="YYYY-MM", help="Default: the previous month.")]
    = None,
    partner: Annotated[str | None, typer.Option("--partner", help="Only this partner (any QUERY form).")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Each partner's statement for the month: lines, carried-in balance, subtotal, consumption tax,
    withholding, payable and pay date; then the total. CSV gives one row per statement.

    Example: haru fees calc --month 2026-10
    """
    from haru_cli.rules.fees import month_statements
    from haru_cli.views import fees as fv

    state = state_of(ctx)
    first = parse_month(month, state.today)
    ds = state.load()
    lang = state.language(ds)
    only = [resolve_partner(ds, partner, lang).id] if partner is not None else None
    found = month_statements(ds, first, only)
    label = f"{first:%Y-%m}"
    data = {"month": label, "statements": [fv.statement_json(s) for s in found],
            "total_payable": sum(s.payable for s in found)}
    t = fv.Labels(lang)
    if fmt == OutputFormat.csv:
        headings = [english if lang == "en" else japanese for _, english, japanese in fv.STATEMENT_HEADINGS]
        emit_rows(fmt, data, headings, [fv.statement_row(s) for s in found], empty="")
    else:
        emit_document(fmt, data, fv.fees_document(label, found, t))


@app.command("statement")
def fees_statement(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="The partner (id, name, reading, alias or contact).")],
    month: Annotated[str, typer.Option("--month", metavar="YYYY-MM", help="The month the fees accrued in.")],
    output: OutputOption = None,
    template_file: TemplateOption = None,
) -> None:
    """One partner's 支払明細書 for a month, as Markdown (templates/fees_statement.md.j2).

    Example: haru fees statement ウエダ --month 2026-10 -o 2026-10-ueda.md
    """
    from haru_cli.rules.fees import monthly_statement
    from haru_cli.views.fees import statement_markdown

    state = state_of(ctx)
    first = parse_month(month, state.today)
    ds = state.load()
    lang = state.language(ds)
    found = resolve_partner(ds, query, lang)
    statement = monthly_statement(ds, found, first)
    if statement is None:
        raise Failure(say(lang, f"{found.name} has no fees for {first:%Y-%m}",
                          f"{found.name} の {first:%Y-%m} 分の紹介手数料はありません"))
    text = statement_markdown(statement, ds.settings, ds.root, lang, template_file)
    emit_text(text, output, lang)
