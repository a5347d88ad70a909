"""Partners and contracts on screen: JSON objects (SPEC §5 keys), list rows and `show` documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Meeting, Partner, Referral, Vendor, as_json
from haru_cli.rules.activity import OpenAction
from haru_cli.rules.calendar import BusinessDays
from haru_cli.rules.fees import events_by_partner
from haru_cli.rules.integrity import fees_incomplete, partner_dates_incomplete, partner_incomplete
from haru_cli.rules.schedule import ContractDates
from haru_cli.views.overview import Overview
from haru_cli.views.shapes import Day, Document, Link, Money, Quantity, Row, Section, Table, Text, Value


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def number(value: Decimal) -> float:
    return float(value)


def marked(day: date | None, alert: bool, mark: str, t: Translator) -> Day:
    """A date, marked (and shown in red) when it needs attention."""
    return Day(day, mark=t(mark) if alert else "", markable=True)


# --- JSON (keys fixed by SPEC §5) ---------------------------------------------------------------------


Owner = Partner | Vendor  # whose a contract is


def contract_json(cd: ContractDates, partner: Owner | None) -> dict[str, Any]:
    return {
        **as_json(cd.contract),
        "name": partner.name if partner else None,
        "term_end": iso(cd.term_end),
        "notice_deadline": iso(cd.notice_deadline),
        "expired": cd.expired,
        "notice_passed": cd.notice_passed,
    }


def action_json(item: OpenAction) -> dict[str, Any]:
    return {
        **as_json(item.action),
        "meeting": item.meeting.id,
        "meeting_date": item.meeting.date.isoformat(),
        "partners": item.meeting.partners,
        "overdue": item.overdue,
    }


def partner_summary_json(ov: Overview) -> dict[str, Any]:
    """The partner's fields as loaded, plus the derived ones `partner list` shows."""
    return {
        **as_json(ov.partner),
        "last_meeting": iso(ov.last_meeting.date if ov.last_meeting else None),
        "next_regular_meeting": iso(ov.next_regular.due if ov.next_regular else None),
        "regular_meeting_overdue": bool(ov.next_regular and ov.next_regular.overdue),
        "active_contracts": [c.id for c in ov.active_contracts],
    }


def partner_show_json(ov: Overview, incomplete: list[str], dates_incomplete: list[str]) -> dict[str, Any]:
    """`incomplete`: skipped files that may change the fees; `dates_incomplete`: skipped meetings and
    contracts, which may change the dates and hours."""
    return {
        **partner_summary_json(ov),
        "contracts": [contract_json(cd, ov.partner) for cd in ov.contracts],
        "meetings": [as_json(m) for m in ov.recent_meetings],
        "open_actions": [action_json(item) for item in ov.open_actions],
        "referrals": [as_json(r) for r in ov.referrals],
        "hours": {
            "fiscal_year": number(ov.hours_fiscal_year),
            "total": number(ov.hours_total),
            "fiscal_year_start": ov.fiscal_year_start.isoformat(),
        },
        "fees": {"fiscal_year_accrued": ov.fees_accrued, "fiscal_year_paid": ov.fees_paid, "unpaid": ov.fees_unpaid,
                 "incomplete": incomplete},
        "dates_incomplete": dates_incomplete,
    }


# --- rows and documents ------------------------------------------------------------------------------

PARTNER_HEADINGS = ["name", "status", "cadence", "last_meeting", "next_regular_meeting", "active_contracts"]
CONTRACT_HEADINGS = ["id", "partner", "type", "title", "status", "start", "term_end", "notice_deadline", "auto_renew"]


def partner_row(ov: Overview, t: Translator) -> Row:
    p, regular = ov.partner, ov.next_regular
    return [
        p.name,
        t.value("partner_status", p.status),
        t.value("cadence", p.cadence),
        Day(ov.last_meeting.date if ov.last_meeting else None),
        marked(regular.due if regular else None, bool(regular and regular.overdue), "overdue", t),
        t.join([c.title or c.id for c in ov.active_contracts]) if ov.active_contracts else None,
    ]


def partner_table(overviews: list[Overview], t: Translator) -> Table:
    return Table([t(h) for h in PARTNER_HEADINGS], [partner_row(ov, t) for ov in overviews], t("none_found"))


def contract_row(cd: ContractDates, partner: Owner | None, t: Translator, *, with_partner: bool = True) -> Row:
    c = cd.contract
    return [
        c.id,
        *([partner.name if partner else c.owner] if with_partner else []),
        t.value("contract_type", c.type),
        c.title or "",
        t.value("contract_status", c.status),
        Day(c.start),
        marked(cd.term_end, cd.expired, "expired", t),
        marked(cd.notice_deadline, cd.notice_passed, "notice_passed", t),
        t.yesno(c.auto_renew),
    ]


def contract_table(dated: list[tuple[ContractDates, Owner | None]], t: Translator) -> Table:
    return Table([t(h) for h in CONTRACT_HEADINGS], [contract_row(cd, p, t) for cd, p in dated], t("none_found"))


def meeting_row(m: Meeting, t: Translator) -> Row:
    """A meeting in a table: the summary's first line, and … where more follows (CSV keeps it whole)."""
    return [Day(m.date), t.value("meeting_kind", m.kind), str(m.minutes) if m.minutes is not None else None,
            Text.first_line(m.summary or "")]


def action_row(item: OpenAction, t: Translator) -> Row:
    a = item.action
    return [marked(a.due, item.overdue, "overdue", t), a.task, a.owner or None, item.meeting.id]


def referral_row(r: Referral, t: Translator) -> Row:
    return [
        r.id, t.value("referral_kind", r.kind), r.client, Day(r.referred),
        t.value("referral_status", r.status), Money(r.deal.amount if r.deal else None),
    ]


def partner_document(ov: Overview, t: Translator, incomplete: list[str], dates_incomplete: list[str],
                     fee_months: dict[str, str] | None = None) -> Document:
    """`fee_months`: the month each referral's fees last arose in (`2026-10`), where its row leads on a page."""
    p = ov.partner
    referrals = sorted(ov.referrals, key=lambda r: (r.status, r.referred))
    months = fee_months or {}
    regular = ov.next_regular
    key_first = sorted(p.contacts, key=lambda c: not c.key_person)
    profile: list[tuple[str, Value]] = [
        (t("id"), p.id),
        (t("kana"), p.kana),
        (t("status"), t.value("partner_status", p.status)),
        (t("owner"), p.owner),
        (t("since"), Day(p.since)),
        (t("entity"), t.value("entity", p.entity)),
        (t("invoice_number"), p.invoice_number),
        (t("aliases"), t.join(p.aliases) if p.aliases else None),
        (t("expertise"), t.join(p.expertise) if p.expertise else None),
        (t("role"), (p.role or "").strip() or None),
        (t("synergies"), t.values("synergy", list(p.synergies)) if p.synergies else None),
        (t("cadence"), t.value("cadence", p.cadence)),
        (t("last_meeting"), Day(ov.last_meeting.date if ov.last_meeting else None)),
        (t("next_regular_meeting"), marked(regular.due if regular else None,
                                           bool(regular and regular.overdue), "overdue", t)),
        (t("fiscal_year_start"), Day(ov.fiscal_year_start)),
        (t("hours_fiscal_year"), Quantity(ov.hours_fiscal_year, t.hours(ov.hours_fiscal_year))),
        (t("hours_total"), Quantity(ov.hours_total, t.hours(ov.hours_total))),
        (t("fees_accrued"), Money(ov.fees_accrued)),
        (t("fees_paid"), Money(ov.fees_paid)),
        (t("fees_unpaid"), Money(ov.fees_unpaid)),
    ]
    if incomplete:  # beside the figures it may change (SPEC §6)
        profile.append((t("fees.incomplete"), Text(t.join(incomplete), alert=True)))
    if dates_incomplete:  # a meeting or contract left out may be the latest, or hold the hours
        profile.append((t("dates_incomplete"), Text(t.join(dates_incomplete), alert=True)))
    if p.notes:
        profile.append((t("notes"), p.notes.strip()))
    return Document(
        title=p.name,
        sections=[
            Section(t("partner"), fields=profile),
            Section(t("contacts"), headings=[t("name"), t("title_contact"), t("email"), t("phone"), t("key_person")],
                    rows=[[c.name, c.title, c.email, c.phone, "★" if c.key_person else ""] for c in key_first]),
            Section(t("contracts"), headings=[t(h) for h in CONTRACT_HEADINGS if h != "partner"],
                    rows=[contract_row(cd, None, t, with_partner=False) for cd in ov.contracts],
                    links=[Link("contract", cd.contract.id) for cd in ov.contracts]),
            Section(t("meetings"), headings=[t("date"), t("kind"), t("minutes"), t("summary")],
                    rows=[meeting_row(m, t) for m in ov.recent_meetings],
                    links=[Link("meeting", m.id) for m in ov.recent_meetings]),
            Section(t("open_actions"), headings=[t("due"), t("task"), t("owner"), t("meeting")],
                    rows=[action_row(item, t) for item in ov.open_actions],
                    links=[Link("meeting", item.meeting.id) for item in ov.open_actions],
                    column_links={3: [Link("meeting", item.meeting.id) for item in ov.open_actions]}),
            Section(t("referrals"), headings=[t("id"), t("kind"), t("client"), t("referred"), t("status"), t("deal")],
                    rows=[referral_row(r, t) for r in referrals],
                    links=[Link("fees_month", months[r.id]) if r.id in months else None for r in referrals]),
        ],
    )


def contract_document(cd: ContractDates, partner: Owner | None, t: Translator) -> Document:
    c = cd.contract
    fields: list[tuple[str, Value]] = [
        (t("id"), c.id),
        (t("partner") if c.partner else t("vendor"), f"{partner.name} ({c.owner})" if partner else c.owner),
        (t("type"), t.value("contract_type", c.type)),
        (t("status"), t.value("contract_status", c.status)),
        (t("signed"), Day(c.signed)),
        (t("start"), Day(c.start)),
        (t("end"), Day(c.end)),
        (t("auto_renew"), t.yesno(c.auto_renew)),
        (t("term"), t.duration(c.term) if c.term else None),
        (t("notice"), t.duration(c.notice)),
        (t("term_end"), marked(cd.term_end, cd.expired, "expired", t)),
        (t("notice_deadline"), marked(cd.notice_deadline, cd.notice_passed, "notice_passed", t)),
        (t("feedback"), t.yesno(c.holds_feedback)),
    ]
    if c.value:
        fields += [(t("value"), Money(c.value.amount)), (t("per_label"), t.value("per", c.value.per))]
    if c.revenue_share:
        fields.append((t("revenue_share"), str(c.revenue_share)))
    if c.confidentiality is not None:
        fields.append((t("confidentiality"), t.yesno(c.confidentiality)))
    for key in ("scope", "ip", "document", "notes"):
        text = getattr(c, key)
        if text:
            fields.append((t(key), str(text).strip()))
    sections = [Section(t("contract"), fields=fields)]
    if c.fees:
        rows: list[Row] = []
        for kind in ("customer", "student"):
            rule = c.fees.rule(kind)
            if rule is None:
                continue
            how: Value = f"{rule.rate} ({t.value('basis', rule.basis or 'paid')})" if rule.rate is not None \
                else Money(rule.fixed)
            extras = [t("fee_months", months=rule.months) if rule.months else "",
                      t("fee_cap", cap=t.yen(rule.cap)) if rule.cap is not None else "",
                      t("fee_clawback", within=t.duration(rule.clawback)) if rule.clawback else ""]
            rows.append([t.value("referral_kind", kind), how, " ".join(e for e in extras if e)])
        sections.append(Section(t("fees"), headings=[t("kind"), t("fees"), t("fee_terms")], rows=rows))
    return Document(title=f"{c.title or c.id}", sections=sections)


@frozen
class PartnerPage:
    """Everything about one partner — what `partner show` prints and its page on the dashboard shows —
    built once for both."""

    data: dict[str, Any]  # as JSON
    document: Document
    incomplete: list[str]  # every file its figures may lack: fees, dates and hours (SPEC §15)


def partner_page(ds: Dataset, partner: Partner, today: date, days: BusinessDays, t: Translator) -> PartnerPage:
    """Its profile, contacts, contracts, meetings, actions and referrals; the students it brought (受講生獲得,
    strategy 2); its joint projects and opportunities."""
    from haru_cli.views import projects, school
    from haru_cli.views.overview import overview

    ov = overview(ds, partner, today, days)
    missing = fees_incomplete(ds, partner.id)
    undated = partner_dates_incomplete(ds, partner.id)
    data = partner_show_json(ov, missing, undated)
    fee_months = {e.referral.id: f"{e.month:%Y-%m}" for e in events_by_partner(ds).get(partner.id, [])
                  if e.referral is not None and e.date <= today}  # in date order: the latest stays
    doc = partner_document(ov, t, missing, undated, fee_months)
    students = school.referred_by(ds, partner.id, today)
    data["students"] = school.status_json(ds, students, today)["students"]
    if students:
        doc.sections.append(school.referred_section(ds, partner.id, today, t))
    joint, sections = projects.partner_sections(ds, partner.id, today, t)
    data |= joint
    doc.sections += sections
    return PartnerPage(data, doc, partner_incomplete(ds, partner.id))
