"""Outsourcing vendors as output (SPEC §10.3): the list with scorecards, one vendor, and a selection's
ranking — its Markdown the decision record. Pure: the figures come from rules.vendors."""

from __future__ import annotations

from datetime import date
from typing import Any

from haru_cli.i18n import Translator, has
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Sourcing, Vendor, as_json
from haru_cli.rules.schedule import contract_dates
from haru_cli.rules.vendors import Ranked, Scorecard, deliverables_of, ranking, scorecard
from haru_cli.views.names import vendor_name
from haru_cli.views.partners import CONTRACT_HEADINGS, contract_row
from haru_cli.views.shapes import Day, Document, Money, Quantity, Row, Section, Table, Text, Value


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    return {"deliverables": card.deliverables, "delivered": card.delivered, "on_time": card.on_time,
            "on_time_pct": as_json(card.on_time_pct), "late": card.late, "quality_avg": as_json(card.quality_avg),
            "rework_avg": as_json(card.rework_avg), "standing": card.standing}


def card_of(ds: Dataset, v: Vendor, today: date) -> Scorecard:
    return scorecard(deliverables_of(ds, v.id), today)


def vendors_json(ds: Dataset, found: list[Vendor], today: date) -> dict[str, Any]:
    return {"today": today.isoformat(),
            "vendors": [{**as_json(v), "scorecard": scorecard_json(card_of(ds, v, today))} for v in found]}


def _standing(card: Scorecard, t: Translator) -> Value:
    if card.standing is None:
        return None
    return Text(t.value("standing", card.standing), alert=card.standing == "poor")


def _pct(value: Any) -> Value:
    return None if value is None else Quantity(value, f"{value}%")


def _num(value: Any) -> Value:
    return None if value is None else Quantity(value, str(value))


VENDOR_HEADINGS = ["name", "status", "vendor.expertise", "vendor.deliverables", "vendor.on_time", "vendor.late",
                   "vendor.quality", "vendor.rework", "vendor.standing"]


def vendors_table(ds: Dataset, found: list[Vendor], today: date, t: Translator) -> Table:
    rows: list[Row] = []
    for v in found:
        card = card_of(ds, v, today)
        rows.append([v.name, t.value("vendor_status", v.status), t.join(v.expertise) or None,
                     f"{card.delivered}/{card.deliverables}", _pct(card.on_time_pct), str(card.late),
                     _num(card.quality_avg), _num(card.rework_avg), _standing(card, t)])
    return Table([t(h) for h in VENDOR_HEADINGS], rows, t("vendor.none"))


def selections_of(ds: Dataset, vendor_id: str) -> list[tuple[Sourcing, Ranked]]:
    """The selections a vendor took part in, the earliest opened first, each with its place in the ranking:
    every selection ranked once per dataset, not once per vendor shown."""
    ranked = ds.index("selections_of_vendor",
                      lambda: [(s, r) for s in sorted(ds.sourcings.values(), key=lambda s: s.opened)
                               for r in ranking(s)],
                      lambda sr: [sr[1].candidate.vendor])
    return ranked.get(vendor_id, [])


def vendor_document(ds: Dataset, v: Vendor, today: date, t: Translator) -> Document:
    card = card_of(ds, v, today)
    profile: list[tuple[str, Value]] = [
        (t("id"), v.id), (t("kana"), v.kana), (t("status"), t.value("vendor_status", v.status)),
        (t("invoice_number"), v.invoice_number), (t("vendor.expertise"), t.join(v.expertise) or None),
        (t("vendor.track_record"), v.track_record), (t("vendor.rates"), v.rates), (t("notes"), v.notes),
    ]
    scores: list[tuple[str, Value]] = [
        (t("vendor.deliverables"), f"{card.delivered}/{card.deliverables}"),
        (t("vendor.on_time"), _pct(card.on_time_pct)),
        (t("vendor.late"), str(card.late)), (t("vendor.quality"), _num(card.quality_avg)),
        (t("vendor.rework"), _num(card.rework_avg)), (t("vendor.standing"), _standing(card, t)),
    ]
    contracts = ds.contracts_of_vendor(v.id)
    contract_rows = [contract_row(contract_dates(c, today), v, t, with_partner=False) for c in contracts]
    deliverable_rows: list[Row] = [
        [c.id, d.id, d.title, Day(d.due, "", t("overdue") if d.delivered is None and d.due < today else "",
                                  markable=True), Day(d.delivered), Day(d.accepted),
         str(d.quality) if d.quality is not None else None, str(d.rework)]
        for c in contracts for d in c.deliverables]
    selections: list[Row] = [
        [s.id, s.title, t.value("sourcing_status", s.status), _unless_none(r.score), _unless_none(r.rank),
         t.yesno(s.decision is not None and s.decision.vendor == v.id)]
        for s, r in selections_of(ds, v.id)]
    return Document(v.name, [
        Section(t("vendor.profile"), fields=profile),
        Section(t("vendor.scorecard"), fields=scores),
        Section(t("contracts"), headings=[t(h) for h in CONTRACT_HEADINGS if h != "partner"], rows=contract_rows,
                empty=t("none_found")),
        Section(t("vendor.deliverables"), headings=[t("contract"), t("id"), t("vendor.title"), t("vendor.due"),
                                                      t("vendor.delivered"), t("vendor.accepted"), t("vendor.quality"),
                                                      t("vendor.rework")], rows=deliverable_rows,
                empty=t("none_found")),
        Section(t("vendor.selections"), headings=[t("id"), t("vendor.title"), t("status"), t("vendor.score"),
                                                   t("vendor.rank"), t("vendor.chosen")], rows=selections,
                empty=t("none_found")),
    ])


def _unless_none(value: object) -> str | None:
    """A candidate's score or rank; none (an empty cell) for one not scored yet."""
    return None if value is None else str(value)


def compare_json(ds: Dataset, s: Sourcing) -> dict[str, Any]:
    return {
        "id": s.id, "title": s.title, "status": s.status,
        "criteria": [{"key": key, "weight": str(rate)} for key, rate in s.criteria.items()],
        "candidates": [{"vendor": r.candidate.vendor, "name": vendor_name(ds, r.candidate.vendor),
                        "scores": dict(r.candidate.scores), "score": as_json(r.score), "rank": r.rank,
                        "quote": r.candidate.quote} for r in ranking(s)],
        "decision": as_json(s.decision),
    }


def _criterion(key: str, t: Translator) -> str:
    """The strategy's four criteria by their names; others as written."""
    label = f"value.criterion.{key}"
    return t(label) if has(label) else key


def compare_document(ds: Dataset, s: Sourcing, today: date, t: Translator) -> Document:
    """The decision record: criteria and weights, every score, the ranking, the decision and its reason."""
    ranked: list[Ranked] = ranking(s)
    keys = list(s.criteria)
    rows: list[Row] = []
    for r in ranked:
        vendor = ds.vendors.get(r.candidate.vendor)
        standing = scorecard(deliverables_of(ds, r.candidate.vendor), today).standing if vendor else None
        name = vendor.name if vendor else r.candidate.vendor
        poor = f" ({t.value('standing', 'poor')})" if standing == "poor" else ""
        rows.append([_unless_none(r.rank), Text(name + poor, alert=standing == "poor"),
                     *(str(r.candidate.scores.get(k, "—")) for k in keys),
                     Quantity(r.score, f"{r.score}%") if r.score is not None else None,
                     Money(r.candidate.quote) if r.candidate.quote is not None else None, r.candidate.notes])
    decision: list[tuple[str, Value]] = []
    if s.decision is not None:
        decision = [(t("vendor.chosen_vendor"), vendor_name(ds, s.decision.vendor) or s.decision.vendor),
                    (t("date"), Day(s.decision.date)), (t("vendor.reason"), s.decision.reason)]
    return Document(t("vendor.compare_title", title=s.title), [
        Section(t("vendor.selection"), fields=[(t("id"), s.id), (t("status"), t.value("sourcing_status", s.status)),
                                               (t("vendor.opened"), Day(s.opened))]),
        Section(t("vendor.criteria"), headings=[t("vendor.criterion"), t("vendor.weight")],
                rows=[[_criterion(k, t), str(rate)] for k, rate in s.criteria.items()]),
        Section(t("vendor.ranking"), headings=[t("vendor.rank"), t("vendor.name"), *(_criterion(k, t) for k in keys),
                                               t("vendor.score"), t("vendor.quote"), t("notes")], rows=rows,
                empty=t("none_found")),
        Section(t("vendor.decision"), fields=decision, empty=t("vendor.undecided")),
    ])
