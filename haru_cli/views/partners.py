"""Turning domain values into output: JSON objects (SPEC §5 keys) and labelled rows and documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from haru_cli.i18n.labels import heading, value_label
from haru_cli.records.models import Meeting, Partner, Referral, as_json
from haru_cli.records.values import Duration
from haru_cli.render.formats import Cell, Document, Money, Row, Section, Value, yen
from haru_cli.rules.activity import OpenAction
from haru_cli.views.overview import ContractDates, Overview


class Labels:
    """Labels and value formats in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str) -> str:
        return heading(key, self.lang)

    def value(self, group: str, code: str) -> str:
        return value_label(group, code, self.lang)

    def values(self, group: str, codes: list[str]) -> str:
        return ("、" if self.lang == "ja" else ", ").join(self.value(group, c) for c in codes)

    def day(self, day: date | None) -> str:
        return day.isoformat() if day else self("none")

    def yesno(self, flag: bool) -> str:
        return self("yes") if flag else self("no")

    def yen(self, amount: int | None) -> str:
        return yen(amount)

    def say(self, english: str, japanese: str) -> str:
        return english if self.lang == "en" else japanese

    def duration(self, value: Duration | None) -> str:
        """1y → 1年, 3m → 3か月 in Japanese; as written in English."""
        if value is None:
            return self("none")
        if self.lang == "en":
            return str(value)
        return f"{value.count}{ {'d': '日', 'w': '週間', 'm': 'か月', 'y': '年'}[value.unit]}"

    def hours(self, value: Decimal) -> str:
        return f"{value} {self('hours_unit')}"

    def join(self, items: list[str]) -> str:
        return ("、" if self.lang == "ja" else ", ").join(items) or self("none")

    def days(self, day: date, today: date) -> str:
        n = (day - today).days
        if n == 0:
            return "today" if self.lang == "en" else "今日"
        if self.lang == "en":
            return f"in {n} days" if n > 0 else f"{-n} days ago"
        return f"あと {n} 日" if n > 0 else f"{-n} 日経過"

    def flagged(self, day: date | None, alert: bool, flag: str) -> Cell:
        """A date, marked (and shown in red) when it needs attention."""
        return Cell(f"{self.day(day)} ({self(flag)})" if alert else self.day(day), alert)


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


# --- JSON (keys fixed by SPEC §5) ---------------------------------------------------------------------


def contract_json(cd: ContractDates, partner: Partner | None) -> dict[str, Any]:
    return {
        **as_json(cd.contract),
        "name": partner.name if partner else None,
        "term_end": _json(cd.term_end),
        "notice_deadline": _json(cd.notice_deadline),
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
        "last_meeting": _json(ov.last_meeting.date if ov.last_meeting else None),
        "next_regular_meeting": _json(ov.next_regular.due if ov.next_regular else None),
        "regular_meeting_overdue": bool(ov.next_regular and ov.next_regular.overdue),
        "active_contracts": [c.id for c in ov.active_contracts],
    }


def partner_show_json(ov: Overview) -> dict[str, Any]:
    return {
        **partner_summary_json(ov),
        "contracts": [contract_json(cd, ov.partner) for cd in ov.contracts],
        "meetings": [as_json(m) for m in ov.recent_meetings],
        "open_actions": [action_json(item) for item in ov.open_actions],
        "referrals": [as_json(r) for r in ov.referrals],
        "hours": {
            "fiscal_year": _json(ov.hours_fiscal_year),
            "total": _json(ov.hours_total),
            "fiscal_year_start": ov.fiscal_year_start.isoformat(),
        },
        "fees": {"fiscal_year_accrued": ov.fees_accrued, "fiscal_year_paid": ov.fees_paid},
    }


# --- rows and documents ------------------------------------------------------------------------------


def partner_row(ov: Overview, t: Labels) -> Row:
    p, regular = ov.partner, ov.next_regular
    return [
        p.name,
        t.value("partner_status", p.status),
        t.value("cadence", p.cadence),
        t.day(ov.last_meeting.date if ov.last_meeting else None),
        t.flagged(regular.due if regular else None, bool(regular and regular.overdue), "overdue"),
        t.join([c.title or c.id for c in ov.active_contracts]),
    ]


PARTNER_HEADINGS = ["name", "status", "cadence", "last_meeting", "next_regular_meeting", "active_contracts"]


def contract_row(cd: ContractDates, partner: Partner | None, t: Labels, *, with_partner: bool = True) -> Row:
    c = cd.contract
    return [
        c.id,
        *([partner.name if partner else c.partner] if with_partner else []),
        t.value("contract_type", c.type),
        c.title or "",
        t.value("contract_status", c.status),
        t.day(c.start),
        t.flagged(cd.term_end, cd.expired, "expired"),
        t.flagged(cd.notice_deadline, cd.notice_passed, "notice_passed"),
        t.yesno(c.auto_renew),
    ]


CONTRACT_HEADINGS = ["id", "partner", "type", "title", "status", "start", "term_end", "notice_deadline", "auto_renew"]


def meeting_row(m: Meeting, t: Labels) -> Row:
    """A meeting in a table: the summary's first line, and … where more follows (haru report has it all)."""
    summary = (m.summary or "").strip().splitlines()
    first = summary[0] + ("…" if len(summary) > 1 else "") if summary else ""
    return [m.date.isoformat(), t.value("meeting_kind", m.kind), str(m.minutes or ""), first]


def action_row(item: OpenAction, t: Labels) -> Row:
    a = item.action
    return [t.flagged(a.due, item.overdue, "overdue"), a.task, a.owner or "", item.meeting.id]


def referral_row(r: Referral, t: Labels) -> Row:
    return [
        r.id, t.value("referral_kind", r.kind), r.client, r.referred.isoformat(),
        t.value("referral_status", r.status), Money(r.deal.amount if r.deal else None),
    ]


def partner_document(ov: Overview, t: Labels) -> Document:
    p = ov.partner
    regular = ov.next_regular
    key_first = sorted(p.contacts, key=lambda c: not c.key_person)
    profile: list[tuple[str, Value]] = [
        (t("id"), p.id),
        (t("kana"), p.kana or t("none")),
        (t("status"), t.value("partner_status", p.status)),
        (t("owner"), p.owner or t("none")),
        (t("since"), t.day(p.since)),
        (t("entity"), t.value("entity", p.entity)),
        (t("invoice_number"), p.invoice_number or t("none")),
        (t("aliases"), t.join(p.aliases)),
        (t("expertise"), t.join(p.expertise)),
        (t("role"), (p.role or t("none")).strip()),
        (t("synergies"), t.values("synergy", list(p.synergies)) or t("none")),
        (t("cadence"), t.value("cadence", p.cadence)),
        (t("last_meeting"), t.day(ov.last_meeting.date if ov.last_meeting else None)),
        (t("next_regular_meeting"), t.flagged(regular.due if regular else None,
                                              bool(regular and regular.overdue), "overdue")),
        (t("hours_fiscal_year"), f"{t.hours(ov.hours_fiscal_year)} ({t('fiscal_year_from')} {ov.fiscal_year_start})"),
        (t("hours_total"), t.hours(ov.hours_total)),
        (t("fees_accrued"), Money(ov.fees_accrued)),
        (t("fees_paid"), Money(ov.fees_paid)),
    ]
    if p.notes:
        profile.append((t("notes"), p.notes.strip()))
    return Document(
        title=p.name,
        sections=[
            Section(t("partner"), fields=profile),
            Section(t("contacts"), headings=[t("name"), t("title_contact"), t("email"), t("phone"), t("key_person")],
                    rows=[[c.name, c.title or "", c.email or "", c.phone or "", "★" if c.key_person else ""]
                          for c in key_first]),
            Section(t("contracts"), headings=[t(h) for h in CONTRACT_HEADINGS if h != "partner"],
                    rows=[contract_row(cd, None, t, with_partner=False) for cd in ov.contracts]),
            Section(t("meetings"), headings=[t("date"), t("kind"), t("minutes"), t("summary")],
                    rows=[meeting_row(m, t) for m in ov.recent_meetings]),
            Section(t("open_actions"), headings=[t("due"), t("task"), t("owner"), t("meeting")],
                    rows=[action_row(item, t) for item in ov.open_actions]),
            Section(t("referrals"), headings=[t("id"), t("kind"), t("client"), t("referred"), t("status"), t("deal")],
                    rows=[referral_row(r, t) for r in sorted(ov.referrals, key=lambda r: (r.status, r.referred))]),
        ],
    )


def contract_document(cd: ContractDates, partner: Partner | None, t: Labels) -> Document:
    c = cd.contract
    fields: list[tuple[str, Value]] = [
        (t("id"), c.id),
        (t("partner"), f"{partner.name} ({c.partner})" if partner else c.partner),
        (t("type"), t.value("contract_type", c.type)),
        (t("status"), t.value("contract_status", c.status)),
        (t("signed"), t.day(c.signed)),
        (t("start"), t.day(c.start)),
        (t("end"), t.day(c.end)),
        (t("auto_renew"), t.yesno(c.auto_renew)),
        (t("term"), t.duration(c.term)),
        (t("notice"), t.duration(c.notice)),
        (t("term_end"), t.flagged(cd.term_end, cd.expired, "expired")),
        (t("notice_deadline"), t.flagged(cd.notice_deadline, cd.notice_passed, "notice_passed")),
        (t("feedback"), t.yesno(c.holds_feedback)),
    ]
    if c.value:
        fields.append((t("value"), f"{t.yen(c.value.amount)} {t.value('per', c.value.per)}"))
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
            if rule.rate is not None:
                how = f"{rule.rate} ({t.value('basis', rule.basis or 'paid')})"
            else:
                how = t.yen(rule.fixed)
            extras = [f"{t('fee_months')} {rule.months}" if rule.months else "",
                      f"{t('fee_cap')} {t.yen(rule.cap)}" if rule.cap is not None else "",
                      f"{t('fee_clawback')} {t.duration(rule.clawback)}" if rule.clawback else ""]
            rows.append([t.value("referral_kind", kind), how, " ".join(e for e in extras if e)])
        sections.append(Section(t("fees"), headings=[t("kind"), t("fees"), t("fee_terms")], rows=rows))
    return Document(title=f"{c.title or c.id}", sections=sections)
