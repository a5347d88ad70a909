"""haru fees calc | statement | pay | unpaid | transfer | annual | journal — what HaRu owes each partner, with
tax, when it is paid, what was paid, the bank's transfer file, the year's figures and the entries for the
books (SPEC §4.4, §8.1, §8.2)."""

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from haru_cli.cli.context import Run, open_run, parse_cli_date, parse_month
from haru_cli.cli.output import (
    DryRunOption,
    FormatOption,
    MonthOption,
    OutputOption,
    QueryArgument,
    TemplateOption,
    emit_document,
    emit_table,
    emit_text,
    render_report,
)

if TYPE_CHECKING:
    from datetime import date

    from haru_cli.rules.checks import Banks
    from haru_cli.rules.fees import Statement
    from haru_cli.rules.transfer import DayRefused, MonthTransfer, Sender
    from haru_cli.views.shapes import Account

app = typer.Typer(no_args_is_help=True)


@app.command("calc")
def fees_calc(
    ctx: typer.Context,
    month: MonthOption = None,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.fees import month_statements
    from haru_cli.views import fees as views

    run = open_run(ctx, fmt=fmt)
    first = parse_month(month, run.today, run.lang)
    only = run.partner(partner).id if partner is not None else None
    found = month_statements(run.ds, first, run.days, [only] if only else None)
    missing = run.incomplete(only)
    data = views.calc_json(f"{first:%Y-%m}", found)
    if fmt == "csv":
        emit_table(fmt, data, views.statements_table(found, run.t), run.t)
    else:
        emit_document(fmt, data, views.fees_document(f"{first:%Y-%m}", found, run.t, missing), run.t, missing)
    run.say_incomplete(missing)


@app.command("statement")
def fees_statement(
    ctx: typer.Context,
    query: QueryArgument,
    month: MonthOption = None,
    output: OutputOption = None,
    template_file: TemplateOption = None,
) -> None:
    from haru_cli.rules.fees import monthly_statement
    from haru_cli.views.fees import statement_context

    run = open_run(ctx)
    first = parse_month(month, run.today, run.lang)
    found = run.partner(query)
    missing = run.incomplete(found.id)
    statement = monthly_statement(run.ds, found, first, run.days)
    if statement is None:
        run.say_incomplete(missing)
        run.fail("cli.fees.no_fees", name=found.name, month=f"{first:%Y-%m}")
    render_report(run, "fees_statement", statement_context(statement, run.ds.settings, run.t), template_file, output,
                  missing)


@app.command("pay")
def fees_pay(
    ctx: typer.Context,
    query: QueryArgument,
    month: MonthOption = None,
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    amount: Annotated[int | None, typer.Option("--amount", metavar="YEN", min=1, max=10**20 - 1)] = None,
    refund: Annotated[bool, typer.Option("--refund")] = False,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    dry_run: DryRunOption = False,
) -> None:
    """A payout record: the payment of a month's statement (its payable, unless --amount says otherwise),
    or with --refund what the partner paid back, booked in that month's statement."""
    from haru_cli.cli.new import create_record
    from haru_cli.records.registry import PAYOUT
    from haru_cli.rules.fees import monthly_statement
    from haru_cli.write.authoring import free_id

    run = open_run(ctx, quiet=True)
    partner = run.partner(query)
    first = parse_month(month, run.today, run.lang)
    when = run.today if day is None else parse_cli_date(day, "--date", run.lang)
    if amount is None:
        statement = monthly_statement(run.ds, partner, first, run.days)
        if refund:
            run.fail("cli.fees.refund_amount")
        if statement is None:
            run.fail("cli.fees.no_fees", name=partner.name, month=f"{first:%Y-%m}")
        if statement.payable == 0:
            run.fail("cli.fees.give_amount", name=partner.name, month=f"{first:%Y-%m}")
        amount = statement.payable
        if missing := run.incomplete(partner.id):  # a payable that skipped files may change is no default
            run.fail("cli.fees.pay_incomplete", paths=", ".join(missing))
    record_id = free_id(f"{when}-{partner.id}" + ("-refund" if refund else ""), run.ds.taken(PAYOUT))
    data = {"id": record_id, "partner": partner.id, "month": f"{first:%Y-%m}", "date": when.isoformat(),
            "amount": amount, "kind": "refund" if refund else "payment", "note": note}
    create_record(run, PAYOUT.path(record_id, when.year), data, edit=False, dry_run=dry_run)


@app.command("unpaid")
def fees_unpaid(ctx: typer.Context, fmt: FormatOption = "table") -> None:
    """Statements whose pay date has come, with something payable and no payment recorded."""
    from haru_cli.rules.fees import unpaid
    from haru_cli.views import fees as views

    run = open_run(ctx, fmt=fmt)
    found = unpaid(run.ds, run.today, run.days)
    missing = run.incomplete()
    emit_table(fmt, lambda: views.unpaid_json(found, run.today),
               lambda: views.unpaid_table(found, run.today, run.t), run.t, missing)
    run.say_incomplete(missing)


@app.command("transfer")
def fees_transfer(
    ctx: typer.Context,
    month: MonthOption = None,
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    output: OutputOption = None,
    preview: Annotated[bool | None, typer.Option("--preview/--no-preview")] = None,
    fmt: FormatOption = "table",
) -> None:
    """The 全銀 総合振込 file of the month's unpaid statements: a preview of payees, amounts and banks; the
    file itself only with -o (never over one), and only for a 振込指定日 the bank can still make."""
    import sys

    from haru_cli.load.banks import ZenginBanks
    from haru_cli.rules.transfer import month_transfer, sender, transfer_day_refused
    from haru_cli.views import fees as views

    run = open_run(ctx, fmt=fmt)
    first = parse_month(month, run.today, run.lang)
    if isinstance(ours := sender(run.ds), str):
        # Broken: the load has just shown haru.yaml's mistakes; say that they, not a missing bank:, stop the file.
        run.fail("cli.fees.settings_broken" if ours == "settings_broken" else "cli.fees.no_bank_settings")
    found = month_transfer(run.ds, first, run.days)
    on = found.pay_on if day is None else parse_cli_date(day, "--date", run.lang)
    banks = ZenginBanks()
    payees = views.payees_of(found, banks)
    refused = transfer_day_refused(on, run.today, run.days) if payees else None
    if output is not None:
        emit_text(_transfer_file(run, ours, found, on, payees, banks), output, run.t)
    if preview or (preview is None and (output is None or sys.stdout.isatty())):
        emit_table(fmt, lambda: views.transfer_json(found, on, payees),
                   lambda: views.transfer_table(payees, on, banks, run.t), run.t, run.incomplete())
    if refused is not None:  # the preview shows what the file would pay, and says it cannot be made so
        key, params = _day_refusal(run, refused, on)
        typer.echo(run.t(key, **params), err=True)
    if found.left_out:
        typer.echo(run.t("cli.fees.no_bank", names=run.t.join([s.partner.name for s in found.left_out])), err=True)
    run.say_incomplete(run.incomplete())
    if found.left_out or refused is not None:
        raise typer.Exit(1)


def _day_refusal(run: Run, refused: "DayRefused", on: "date") -> tuple[str, dict[str, str]]:
    """The message (key and parameters) of a 振込指定日 the bank cannot make, naming it and what to do."""
    from haru_cli.rules.transfer import earliest_transfer_day

    if refused == "closed":
        return "cli.fees.transfer_day_closed", {"day": on.isoformat()}
    if refused == "too_far":
        return "cli.fees.transfer_day_too_far", {"day": on.isoformat()}
    return "cli.fees.transfer_day_too_soon", {"day": on.isoformat(),
                                              "first": earliest_transfer_day(run.today, run.days).isoformat()}


def _transfer_file(run: Run, ours: "Sender", found: "MonthTransfer", on: "date",
                   payees: "list[tuple[Statement, Account]]", banks: "Banks") -> bytes:
    """The 全銀 file of the payees, to be transferred on `on`: never while a skipped payout may be a payment
    made (it would be paid twice), never empty, and never for a day the bank cannot make (SPEC §8.1)."""
    from haru_cli.records.values import Invalid, bank_kana
    from haru_cli.render.zengin import TooLong, transfer_file
    from haru_cli.rules.transfer import transfer_day_refused
    from haru_cli.views.fees import account_of
    from haru_cli.views.shapes import Payee

    if missing := run.incomplete():  # first: a skipped partner's statement is not "nothing to transfer"
        run.fail("cli.fees.transfer_incomplete", paths=", ".join(missing))
    if not payees:
        run.fail("cli.fees.nothing_to_transfer", month=f"{found.month:%Y-%m}")
    if (refused := transfer_day_refused(on, run.today, run.days)) is not None:
        key, params = _day_refusal(run, refused, on)
        run.fail(key, **params)
    if banks.bank_name(ours.account.bank) is None or banks.branch_name(ours.account.bank,
                                                                       ours.account.branch) is None:
        run.fail("cli.fees.own_bank_unknown", bank=ours.account.bank, branch=ours.account.branch)
    try:
        account = account_of(ours.account, banks)
        requester = bank_kana(ours.requester.requester_name)
        return transfer_file(ours.requester.requester_code, requester, on, account,
                             [Payee(a, s.payable) for s, a in payees])
    except TooLong as exc:  # validate says so of a partner's holder; what is left is HaRu's own
        run.fail("cli.fees.too_long", field=exc.field, value=exc.value, width=exc.width)
    except Invalid as exc:  # a name no bank takes: validate says so of the record
        run.fail("cli.fees.refused_character", value=str(exc.context.get("value")),
                 char=str(exc.context.get("char")))


@app.command("annual")
def fees_annual(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", metavar="YYYY", min=1900, max=2199)] = None,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    fmt: FormatOption = "table",
) -> None:
    """A calendar year's fees per partner, by the statements of its months: the 支払調書 figures."""
    from haru_cli.rules.fees import annual
    from haru_cli.views import fees as views

    run = open_run(ctx, fmt=fmt)
    year = run.today.year if year is None else year
    only = run.partner(partner).id if partner is not None else None
    found = annual(run.ds, year, run.days, [only] if only else None)
    if fmt == "md":
        render_report(run, "fees_annual", views.annual_context(year, found, run.ds, run.t), None, None,
                      run.incomplete(only))
        return
    emit_table(fmt, lambda: views.annual_json(year, found), lambda: views.annual_table(found, run.t), run.t,
               run.incomplete(only))
    run.say_incomplete(run.incomplete(only))


@app.command("journal")
def fees_journal(
    ctx: typer.Context,
    to: Annotated[Literal["mf", "freee"], typer.Option("--to")],
    month: MonthOption = None,
    year: Annotated[int | None, typer.Option("--year", metavar="YYYY", min=1900, max=2199)] = None,
    output: OutputOption = None,
) -> None:
    """The journal entries of a month's (or a calendar year's) statements and payouts, as the import CSV of
    マネーフォワード クラウド会計 (mf) or freee (freee)."""
    from haru_cli.render.journal import NoTaxClass, freee_csv, mf_csv
    from haru_cli.views.journal import journal_entries, period

    run = open_run(ctx, quiet=True)
    if month is not None and year is not None:
        raise typer.BadParameter(run.t("cli.fees.one_period"), param_hint="--month / --year")
    first, last = period(parse_month(month, run.today, run.lang) if year is None else None, year)
    if missing := run.incomplete():  # entries missing a skipped file's fees would be booked as if whole
        run.fail("cli.fees.journal_incomplete", paths=", ".join(missing))
    entries = journal_entries(run.ds, first, last, run.days, run.t)
    if not entries:
        run.fail("cli.fees.nothing_to_book", first=first.isoformat(), last=last.isoformat())
    try:
        text = (mf_csv if to == "mf" else freee_csv)(entries, run.ds.settings.tax.rate)
    except NoTaxClass as exc:
        run.fail("cli.fees.no_tax_class", product=exc.product, share=str(exc.share), ref=exc.ref)
    emit_text(text, output, run.t)
