"""Fee statements as JSON (SPEC §5 keys), documents, CSV rows and the Markdown 支払明細書."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from haru_cli.load.holidays import month_end
from haru_cli.records.models import Settings
from haru_cli.render.formats import Document, Money, Row, Section, Value
from haru_cli.render.templates import render_document
from haru_cli.rules.fees import FeeEvent, Statement, input_tax_credit_percent
from haru_cli.views.partners import Labels as Labels  # re-exported for the command module

EVENT_LABELS = {
    "fixed": ("fixed fee", "定額"),
    "deal": ("deal", "成約"),
    "payment": ("on a payment", "入金"),
    "clawback": ("clawback", "返戻（クローバック）"),
}


def line_json(line: FeeEvent) -> dict[str, Any]:
    r = line.referral
    return {
        "referral": r.id,
        "contract": r.contract,
        "kind": r.kind,
        "client": r.client,
        "date": line.date.isoformat(),
        "basis": line.basis,
        "rate": str(line.rate) if line.rate else None,
        "amount": line.amount,
        "event": line.event,
    }


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
    }


def _event(line: FeeEvent, t: Labels) -> str:
    english, japanese = EVENT_LABELS[line.event]
    return english if t.lang == "en" else japanese


def _basis(line: FeeEvent, t: Labels) -> str:
    return t.value("basis", line.basis) if line.basis else "—"


def fees_document(month: str, found: list[Statement], t: Labels) -> Document:
    sections = []
    for s in found:
        rows: list[Row] = [
            [line.referral.client, line.date.isoformat(), _event(line, t), _basis(line, t), str(line.rate or "—"),
             Money(line.amount)]
            for line in s.lines
        ]
        fields: list[tuple[str, Value]] = []
        if s.carried_in:
            fields.append((t.say("Carried in", "前月繰越"), Money(s.carried_in)))
        fields += [
            (t.say("Subtotal", "小計"), Money(s.subtotal)),
            (t.say("Consumption tax", "消費税"), Money(s.consumption_tax)),
            (t.say("Withholding", "源泉徴収"), Money(s.withholding)),
            (t.say("Payable", "差引支払額"), Money(s.payable)),
            (t.say("Pay on", "支払日"), s.pay_on.isoformat()),
            (t.say("Invoice no.", "登録番号"), s.partner.invoice_number or t.say("not registered", "未登録")),
        ]
        if s.carry_forward:
            fields.append((t.say("Carried forward", "翌月繰越"), Money(s.carry_forward)))
        headings = [t("client"), t("date"), t.say("Event", "区分"), t.say("Basis", "基準"),
                    t.say("Rate", "料率"), t.say("Amount", "金額")]
        sections.append(Section(s.partner.name, fields=fields, headings=headings, rows=rows))
    total = sum(s.payable for s in found)
    sections.append(Section(t.say("Total", "合計"), fields=[(t.say("Payable", "差引支払額"), Money(total))]))
    return Document(t.say(f"Referral fees for {month}", f"{month} 分の紹介手数料"), sections)


STATEMENT_HEADINGS = [("partner", "Partner", "パートナー"), ("subtotal", "Subtotal", "小計"),
                      ("consumption_tax", "Consumption tax", "消費税"), ("withholding", "Withholding", "源泉徴収"),
                      ("payable", "Payable", "差引支払額"), ("pay_on", "Pay on", "支払日"),
                      ("invoice_number", "Invoice no.", "登録番号"), ("carry_forward", "Carried forward", "翌月繰越")]


def statement_row(s: Statement) -> Row:
    return [s.partner.name, Money(s.subtotal), Money(s.consumption_tax), Money(s.withholding), Money(s.payable),
            s.pay_on.isoformat(), s.partner.invoice_number or "", Money(s.carry_forward)]


def statement_markdown(s: Statement, settings: Settings, workspace: Path | None, lang: str,
                       template_file: Path | None = None) -> str:
    """The 支払明細書, rendered from fees_statement.md.j2 (the workspace's own, if it has one)."""
    t = Labels(lang)
    lines = [
        {"client": line.referral.client, "date": line.date, "event_label": _event(line, t),
         "basis_label": _basis(line, t), "rate": str(line.rate) if line.rate else None, "amount": line.amount,
         "referral": line.referral.id}
        for line in s.lines
    ]
    arose = month_end(s.month.year, s.month.month)  # the 経過措置 share depends on when the fees arose
    context = {
        "company": settings.company, "partner": s.partner, "statement": s, "lines": lines, "month": s.month,
        "pay_on": s.pay_on, "tax_rate": str(settings.tax.rate), "credit_percent": input_tax_credit_percent(arose),
    }
    return render_document("fees_statement", context, workspace=workspace, lang=lang, template_file=template_file)
