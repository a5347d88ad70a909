"""Fee statements (SPEC §4.4) as JSON (SPEC §5 keys), a document of every statement, one CSV row per
statement, and the context of the Markdown 支払明細書 (templates/fees_statement.md.j2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import BankAccount, Settings
from haru_cli.records.values import bank_kana
from haru_cli.rules.checks import Banks
from haru_cli.rules.fees import REPORT_THRESHOLD, Annual, FeeEvent, Statement
from haru_cli.rules.transfer import MonthTransfer
from haru_cli.views.shapes import Account, Day, Document, Money, Row, Section, Table, Text, Value


def line_json(line: FeeEvent) -> dict[str, Any]:
    """A line of a statement; a refund has its payout instead of a referral."""
    r = line.referral
    return {
        "referral": r.id if r else None,
        "contract": r.contract if r else None,
        "kind": r.kind if r else None,
        "client": r.client if r else None,
        "date": line.date.isoformat(),
        "basis": line.basis,
        "rate": str(line.rate) if line.rate else None,
        "amount": line.amount,
        "event": line.event,
        "payout": line.payout.id if line.payout else None,
    }


def _about(line: FeeEvent, t: Translator) -> str:
    """What a line is about, for people: the client referred, or the refund's note."""
    if line.referral is not None:
        return line.referral.client
    note = (line.payout.note or "").strip().splitlines() if line.payout else []
    return note[0] if note else t("fees.refund")


def statement_json(s: Statement) -> dict[str, Any]:
    return {
        "partner": s.partner.id,
        "name": s.partner.name,
        "lines": [line_json(line) for line in s.lines],
        "carried_in": s.carried_in,
        "subtotal": s.subtotal,
        "consumption_tax": s.consumption_tax,
        "withholding": s.withholding,
        "payable": s.payable,
        "carry_forward": s.carry_forward,
        "pay_on": s.pay_on.isoformat(),
        "invoice_number": s.partner.invoice_number,
        "invoice_registered": s.partner.invoice_number is not None,
        "credit_pct": str(s.credit),
        "deductible_tax": s.deductible_tax,
        "withholding_kind": s.partner.withholding_kind,
        "paid": s.paid,
        "paid_on": s.paid_on.isoformat() if s.paid_on else None,
        "settled": s.settled,
    }


def calc_json(month: str, found: list[Statement]) -> dict[str, Any]:
    return {"month": month, "statements": [statement_json(s) for s in found],
            "total_payable": sum(s.payable for s in found)}


def _basis(line: FeeEvent, t: Translator) -> str | None:
    return t.value("basis", line.basis) if line.basis else None


def fees_document(month: str, found: list[Statement], t: Translator, incomplete: list[str]) -> Document:
    """Every statement of the month and their total; `incomplete` names the skipped files that may change
    the figures, said beside the total (SPEC §6: an incomplete amount never looks final)."""
    sections = []
    for s in found:
        rows: list[Row] = [
            [_about(line, t), Day(line.date), t.value("fee_event", line.event), _basis(line, t),
             str(line.rate) if line.rate else None, Money(line.amount)]
            for line in s.lines
        ]
        fields: list[tuple[str, Value]] = []
        if s.carried_in:
            fields.append((t("fees.carried_in"), Money(s.carried_in)))
        fields += [
            (t("fees.subtotal"), Money(s.subtotal)),
            (t("fees.consumption_tax"), Money(s.consumption_tax)),
            (t("fees.withholding"), Money(s.withholding)),
            (t("fees.payable"), Money(s.payable)),
            (t("fees.pay_on"), Day(s.pay_on)),
            (t("fees.paid"), Text(t("fees.paid_on", amount=t.yen(s.paid), day=s.paid_on.isoformat()))
             if s.paid_on else None),
            (t("invoice_number"), s.partner.invoice_number or t("fees.not_registered")),
        ]
        if s.carry_forward:
            fields.append((t("fees.carry_forward"), Money(s.carry_forward)))
        headings = [t("client"), t("date"), t("fees.event"), t("fees.basis"), t("fees.rate"), t("fees.amount")]
        sections.append(Section(s.partner.name, fields=fields, headings=headings, rows=rows))
    total = sum(s.payable for s in found)
    fields_total: list[tuple[str, Value]] = [(t("fees.payable"), Money(total))]
    if incomplete:
        fields_total.append((t("fees.incomplete"), Text(t.join(incomplete), alert=True)))
    sections.append(Section(t("fees.total"), fields=fields_total))
    return Document(t("fees.title", month=month), sections)


STATEMENT_HEADINGS = ["partner", "fees.carried_in", "fees.lines_total", "fees.subtotal", "fees.consumption_tax",
                      "fees.withholding", "fees.payable", "fees.pay_on", "invoice_number", "fees.carry_forward",
                      "fees.credit_pct", "fees.deductible_tax"]


def statements_table(found: list[Statement], t: Translator) -> Table:
    """One row per statement (CSV for the accountant): what was carried in and what the month's lines come
    to, so that a clawback or a negative balance shows; then the totals."""
    rows: list[Row] = [
        [s.partner.name, Money(s.carried_in), Money(sum(line.amount for line in s.lines)), Money(s.subtotal),
         Money(s.consumption_tax), Money(s.withholding), Money(s.payable), Day(s.pay_on), s.partner.invoice_number,
         Money(s.carry_forward), str(s.credit), Money(s.deductible_tax)]
        for s in found
    ]
    return Table([t(h) for h in STATEMENT_HEADINGS], rows, t("fees.none"))


def heads(t: Translator, key: str) -> list[str]:
    """The headings of a document's table, as its catalogue writes them for Markdown (`| 紹介先 | 日付 |`)."""
    return [h.strip() for h in t(key).strip().strip("|").split("|")]


def statement_document(s: Statement, settings: Settings, t: Translator, today: date,
                       incomplete: list[str]) -> Document:
    """The 支払明細書 as a page prints it (SPEC §13.1): what templates/fees_statement.md.j2 writes, in the
    same words — to whom, the head, the lines, what is payable and the notes."""
    from haru_cli.i18n.dates import date_text, month_text

    to = "statement.to_individual" if s.partner.entity == "individual" else "statement.to_corporation"
    head: list[tuple[str, Value]] = [
        (t("statement.issued_on"), date_text(today, t.lang)), (t("statement.issuer"), Text(settings.company)),
        (t("statement.month"), t("statement.month_closed", month=month_text(s.month, t.lang))),
        (t("statement.pay_on"), date_text(s.pay_on, t.lang)),
        (t("statement.invoice_number"), s.partner.invoice_number or t("fees.not_registered"))]
    rows: list[Row] = [[_about(line, t), date_text(line.date, t.lang), t.value("fee_event", line.event),
                        _basis(line, t), str(line.rate) if line.rate else None, Money(line.amount)] for line in s.lines]
    if s.carried_in:
        rows += [[t("statement.carried_in"), None, None, None, None, Money(s.carried_in)],
                 [t("statement.net"), None, None, None, None,
                  Money(s.carried_in + sum(line.amount for line in s.lines))]]
    payable: list[tuple[str, Value]] = []
    if s.carry_forward:
        payable += [(t("statement.net"), Money(s.subtotal + s.carry_forward)),
                    (t("statement.carry_forward"), Money(s.carry_forward))]
    payable += [(t("statement.subtotal"), Money(s.subtotal)),
                (t("statement.consumption_tax", rate=str(settings.tax.rate)), Money(s.consumption_tax)),
                (t("statement.withholding"), Money(s.withholding)), (t("statement.payable"), Money(s.payable))]
    return Document(t("statement.title"), [
        Section(t(to, name=s.partner.name), fields=head),
        Section(t("statement.lines"), headings=heads(t, "statement.lines_head"), rows=rows, empty=t("fees.none"),
                one_line=True),
        Section(t("statement.payable_heading"), fields=payable,
                note="\n".join(statement_notes(s, settings, t, incomplete)))], printable=True)


def statement_notes(s: Statement, settings: Settings, t: Translator, incomplete: list[str]) -> list[str]:
    """The notes under a statement: the インボイス credit, the withholding, a negative balance, skipped files."""
    notes = []
    registered = s.partner.invoice_number is not None
    if not registered and 0 < s.credit.percent < 100:
        notes.append(t("statement.note_transitional", percent=s.credit.percent, company=settings.company))
    elif not registered and s.credit.percent == 0:
        notes.append(t("statement.note_no_credit", company=settings.company))
    if s.partner.withholding_kind != "none" and s.subtotal:
        notes.append(t(f"statement.note_withholding.{s.partner.withholding_kind}"))
    if s.carry_forward:
        notes.append(t("statement.note_carry_forward", amount=t.yen(-s.carry_forward)))
    if incomplete:
        notes.append(t("statement.note_incomplete", paths=", ".join(incomplete)))
    return notes


def statement_context(s: Statement, settings: Settings, t: Translator) -> dict[str, Any]:
    """What the 支払明細書 template is given: plain values only."""
    lines = [
        {"client": _about(line, t), "date": line.date, "event_label": t.value("fee_event", line.event),
         "basis_label": _basis(line, t) or "—", "rate": str(line.rate) if line.rate else None,
         "amount": line.amount, "referral": line.referral.id if line.referral else line.payout.id if line.payout
         else None}
        for line in s.lines
    ]
    return {
        "company": settings.company, "partner": s.partner, "statement": s, "lines": lines, "month": s.month,
        "pay_on": s.pay_on, "tax_rate": str(settings.tax.rate), "credit_percent": s.credit.percent,
    }


# --- unpaid, transfer, annual (SPEC §8.1) -------------------------------------------------------------


def unpaid_json(found: list[Statement], today: date) -> dict[str, Any]:
    return {"today": today.isoformat(),
            "statements": [{**statement_json(s), "month": f"{s.month:%Y-%m}"} for s in found],
            "total": sum(s.payable for s in found)}


UNPAID_HEADINGS = ["fees.month", "partner", "fees.payable", "fees.pay_on"]


def unpaid_table(found: list[Statement], today: date, t: Translator) -> Table:
    rows: list[Row] = [[f"{s.month:%Y-%m}", s.partner.name, Money(s.payable),
                        Day(s.pay_on, t.days(s.pay_on, today), t("overdue") if s.overdue(today) else "",
                            markable=True)] for s in found]
    if rows:
        rows.append([t("fees.total"), "", Money(sum(s.payable for s in found)), ""])
    return Table([t(h) for h in UNPAID_HEADINGS], rows, t("fees.none_unpaid"))


def account_of(bank: BankAccount, banks: Banks) -> Account:
    """An account as the 全銀 file writes it: the bank's and branch's names in kana from the list."""
    return Account(bank.bank, bank_kana(banks.bank_kana(bank.bank) or ""), bank.branch,
                   bank_kana(banks.branch_kana(bank.bank, bank.branch) or ""), bank.type, bank.number,
                   bank_kana(bank.holder))


TRANSFER_HEADINGS = ["partner", "bank", "branch", "bank_type", "bank_number", "bank_holder", "fees.amount"]


def payees_of(found: MonthTransfer, banks: Banks) -> list[tuple[Statement, Account]]:
    """The statements a transfer pays, each with the account it is paid to."""
    return [(s, account_of(s.partner.bank, banks)) for s in found.payees
            if s.partner.bank is not None]  # every payee has one: said again for the type checker


def transfer_json(found: MonthTransfer, on: date, payees: list[tuple[Statement, Account]]) -> dict[str, Any]:
    """`date` is the file's 振込指定日: the statements' `pay_on`, unless another day was asked for."""
    return {"month": f"{found.month:%Y-%m}", "pay_on": found.pay_on.isoformat(), "date": on.isoformat(), "payees": [
        {"partner": s.partner.id, "name": s.partner.name, "bank": a.bank, "branch": a.branch, "type": a.type,
         "number": a.number, "holder": a.holder, "amount": s.payable} for s, a in payees],
        "count": len(payees), "total": sum(s.payable for s, _ in payees),
        "left_out": [s.partner.id for s in found.left_out]}


def transfer_table(payees: list[tuple[Statement, Account]], on: date, banks: Banks, t: Translator) -> Table:
    rows: list[Row] = []
    for s, a in payees:
        bank = banks.bank_name(a.bank) or ""
        branch = banks.branch_name(a.bank, a.branch) or ""
        rows.append([s.partner.name, f"{bank} ({a.bank})", f"{branch} ({a.branch})", t.value("bank_type", a.type),
                     a.number, a.holder, Money(s.payable)])
    if rows:  # what the trailer record will say
        rows.append([t("fees.transfer_total", count=len(payees), day=on.isoformat()), "", "", "",
                     "", "", Money(sum(s.payable for s, _ in payees))])
    return Table([t(h) for h in TRANSFER_HEADINGS], rows, t("fees.none_to_transfer"))


def annual_json(year: int, found: list[Annual]) -> dict[str, Any]:
    return {"year": year, "partners": [{
        "partner": a.partner.id, "name": a.partner.name, "entity": a.partner.entity,
        "withholding_applies": a.partner.withholding_kind != "none", "withholding_kind": a.partner.withholding_kind,
        "subtotal": a.total("subtotal"), "consumption_tax": a.total("consumption_tax"),
        "withholding": a.total("withholding"), "payable": a.total("payable"), "paid": a.paid, "unpaid": a.unpaid,
        "withholding_unpaid": a.withholding_unpaid, "subtotal_unpaid": a.subtotal_unpaid,
        "report_required": a.report_required,
        "months": [f"{s.month:%Y-%m}" for s in a.statements],
    } for a in found]}


ANNUAL_HEADINGS = ["partner", "fees.withholding_kind", "fees.subtotal", "fees.consumption_tax", "fees.withholding",
                   "fees.payable", "fees.paid", "fees.unpaid", "fees.subtotal_unpaid", "fees.withholding_unpaid",
                   "fees.report_required", "fees.months"]


def annual_table(found: list[Annual], t: Translator) -> Table:
    rows: list[Row] = [[a.partner.name, t.value("withholding", a.partner.withholding_kind), Money(a.total("subtotal")),
                        Money(a.total("consumption_tax")), Money(a.total("withholding")), Money(a.total("payable")),
                        Money(a.paid), Money(a.unpaid), Money(a.subtotal_unpaid), Money(a.withholding_unpaid),
                        t("fees.required" if a.report_required else "fees.not_required"),
                        " ".join(f"{s.month:%Y-%m}" for s in a.statements)] for a in found]
    return Table([t(h) for h in ANNUAL_HEADINGS], rows, t("fees.none_year"))


def annual_context(year: int, found: list[Annual], ds: Dataset, t: Translator) -> dict[str, Any]:
    """What the 支払調書 template is given (SPEC §8.1 `fees annual --format md`): per partner with a kind of
    withholding, the 調書's content — the payee, 区分 and 細目, 支払金額 and 源泉徴収税額 with what of them
    was not paid (未払) or not withheld (未徴収) by 12-31, 摘要, and whether it must be filed — and the payer."""
    slips = []
    for a in found:
        kind = a.partner.withholding_kind
        if kind == "none":
            continue
        contracts = sorted({line.referral.contract for s in a.statements for line in s.lines if line.referral})
        titles = [c.title for c in (ds.contracts.get(i) for i in contracts) if c is not None and c.title]
        slips.append({
            "partner": a.partner, "kind": t.value("withholding_class", kind),
            "detail": t("annual.detail_referral") if kind == "salesperson" or not titles
            else t.join(titles), "paid": a.total("subtotal"), "paid_unpaid": a.subtotal_unpaid,
            "withheld": a.total("withholding"), "withheld_unpaid": a.withholding_unpaid,
            "consumption_tax": a.total("consumption_tax"), "required": a.report_required,
            "threshold": REPORT_THRESHOLD[kind],
            "months": [s.month for s in a.statements],
        })
    settings = ds.settings
    return {"year": year, "slips": slips, "payer": {"name": settings.company, "address": settings.address,
                                                     "corporate_number": settings.corporate_number}}
