"""Cross-field and cross-file rules (SPEC §6), each a pure function of the loaded dataset.

A check only sees records that loaded cleanly; a reference to a file that exists but is broken is not
reported again (that file's own problem says it all).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from haru_cli.load.yamlio import Loc
from haru_cli.records.problems import Problem, Severity, error, warning

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset


def _at(ds: Dataset, severity: Severity, folder: str, record_id: str, loc: Loc, code: str,
        variant: str = "", *, key: bool = False, related: tuple[str, ...] = (), **params: Any) -> Problem:
    path, mark = ds.locate(folder, record_id, loc, key=key)
    make = error if severity == "error" else warning
    return dataclasses.replace(make(path, mark, code, variant, **params), related=related)


def _missing(ds: Dataset, folder: str, record_id: str) -> bool:
    """True when no record of that id exists, not even as a broken file."""
    return record_id not in ds.records(folder) and (folder, record_id) not in ds.broken


def check_references(ds: Dataset) -> Iterator[Problem]:
    """Every partner and contract a record names exists, and a contract belongs to the right partner."""
    for c in ds.contracts.values():
        if _missing(ds, "partners", c.partner):
            yield _at(ds, "error", "contracts", c.id, ("partner",), "ref-partner", ref=c.partner,
                      related=(f"partners/{c.partner}.yaml",))
    for m in ds.meetings.values():
        for i, partner in enumerate(m.partners):
            if partner in m.partners[:i]:  # would count the meeting's minutes twice
                yield _at(ds, "error", "meetings", m.id, ("partners", i), "ref-partner", "ref-partner.twice",
                          ref=partner)
            elif _missing(ds, "partners", partner):
                yield _at(ds, "error", "meetings", m.id, ("partners", i), "ref-partner", ref=partner,
                          related=(f"partners/{partner}.yaml",))
        if m.contract is None:
            continue
        contract = ds.contracts.get(m.contract)
        if contract is None:
            if _missing(ds, "contracts", m.contract):
                yield _at(ds, "error", "meetings", m.id, ("contract",), "ref-contract", ref=m.contract,
                          related=(f"contracts/{m.contract}.yaml",))
        elif contract.partner not in m.partners and contract.partner in ds.partners:
            yield _at(ds, "error", "meetings", m.id, ("contract",), "contract-partner", "contract-partner.meeting",
                      ref=m.contract, owner=contract.partner, related=(ds.path_of("contracts", contract.id),))
    for r in ds.referrals.values():
        if _missing(ds, "partners", r.partner):
            yield _at(ds, "error", "referrals", r.id, ("partner",), "ref-partner", ref=r.partner,
                      related=(f"partners/{r.partner}.yaml",))
        contract = ds.contracts.get(r.contract)
        if contract is None:
            if _missing(ds, "contracts", r.contract):
                yield _at(ds, "error", "referrals", r.id, ("contract",), "ref-contract", ref=r.contract,
                          related=(f"contracts/{r.contract}.yaml",))
            continue
        related = (ds.path_of("contracts", contract.id),)
        if contract.partner != r.partner:
            yield _at(ds, "error", "referrals", r.id, ("contract",), "contract-partner",
                      ref=r.contract, owner=contract.partner, partner=r.partner, related=related)
        elif contract.fee_rule(r.kind) is None:
            yield _at(ds, "error", "referrals", r.id, ("kind",), "fee-rule", "fee-rule.missing",
                      kind=r.kind, ref=r.contract, related=related)


def check_contract_terms(ds: Dataset) -> Iterator[Problem]:
    """Renewal settings that make sense together (SPEC §4.1)."""
    for c in ds.contracts.values():
        if c.auto_renew and c.term is None:
            yield _at(ds, "error", "contracts", c.id, ("auto_renew",), "auto-renew-term", key=True)
        elif c.term is not None and c.term.count == 0:
            yield _at(ds, "error", "contracts", c.id, ("term",), "auto-renew-term", "auto-renew-term.zero")
        elif c.auto_renew and c.end is None:
            yield _at(ds, "warning", "contracts", c.id, ("auto_renew",), "auto-renew-term",
                      "auto-renew-term.no-end", key=True)
        elif c.term is not None and not c.auto_renew:
            yield _at(ds, "warning", "contracts", c.id, ("term",), "auto-renew-term", "auto-renew-term.unused",
                      key=True)


def check_fee_rules(ds: Dataset) -> Iterator[Problem]:
    """A fee rule is a rate or a fixed amount, never both (SPEC §3.4)."""
    for c in ds.contracts.values():
        if c.fees is None:
            continue
        for kind in ("customer", "student"):
            rule = c.fees.rule(kind)
            if rule is None:
                continue
            if (rule.rate is None) == (rule.fixed is None):
                yield _at(ds, "error", "contracts", c.id, ("fees", kind), "fee-rule", "fee-rule.one-of", kind=kind,
                          key=True)
            elif rule.fixed is not None:
                for name in ("basis", "months"):
                    if getattr(rule, name) is not None:
                        yield _at(ds, "error", "contracts", c.id, ("fees", kind, name), "fee-rule",
                                  "fee-rule.rate-only", name=name, key=True)
            elif rule.basis == "deal" and rule.months is not None:
                yield _at(ds, "warning", "contracts", c.id, ("fees", kind, "months"), "fee-rule",
                          "fee-rule.months-deal", key=True)


def check_dates(ds: Dataset) -> Iterator[Problem]:
    """Dates in the order they happen in."""
    for c in ds.contracts.values():
        if c.end is not None and c.end < c.start:
            yield _at(ds, "error", "contracts", c.id, ("end",), "date-order", "date-order.end",
                      end=c.end.isoformat(), start=c.start.isoformat())
        if c.signed is not None and c.signed > c.start:
            yield _at(ds, "warning", "contracts", c.id, ("signed",), "date-order", "date-order.signed",
                      signed=c.signed.isoformat(), start=c.start.isoformat())
    for r in ds.referrals.values():
        if r.deal is None:
            continue
        signed = r.deal.signed
        if signed < r.referred:
            yield _at(ds, "warning", "referrals", r.id, ("deal", "signed"), "date-order", "date-order.deal",
                      signed=signed.isoformat(), referred=r.referred.isoformat())
        for i, payment in enumerate(r.payments):
            if payment.date < signed:
                yield _at(ds, "error", "referrals", r.id, ("payments", i, "date"), "date-order",
                          "date-order.payment", date=payment.date.isoformat(), signed=signed.isoformat())
        if r.cancelled is not None and r.cancelled < signed:
            yield _at(ds, "error", "referrals", r.id, ("cancelled",), "date-order", "date-order.cancelled",
                      cancelled=r.cancelled.isoformat(), signed=signed.isoformat())
    for m in ds.meetings.values():
        if m.next is not None and m.next < m.date:
            yield _at(ds, "warning", "meetings", m.id, ("next",), "date-order", "date-order.next",
                      next=m.next.isoformat(), date=m.date.isoformat())


def check_partners(ds: Dataset) -> Iterator[Problem]:
    """源泉徴収 of fees applies to individuals, not to corporations."""
    for p in ds.partners.values():
        if p.withholding and p.entity == "corporation":
            yield _at(ds, "error", "partners", p.id, ("withholding",), "withholding")


def check_referrals(ds: Dataset) -> Iterator[Problem]:
    """A referral's status and the facts it needs (SPEC §3.5)."""
    for r in ds.referrals.values():
        if r.status in ("won", "cancelled") and r.deal is None:
            yield _at(ds, "error", "referrals", r.id, ("status",), "deal-missing", status=r.status)
        elif r.deal is not None and r.deal.amount is None:
            contract = ds.contracts.get(r.contract)
            rule = contract.fee_rule(r.kind) if contract else None
            if rule is not None and rule.rate is not None and rule.basis == "deal":
                yield _at(ds, "error", "referrals", r.id, ("deal",), "deal-missing", "deal-missing.amount",
                          key=True)
        if r.status == "cancelled" and r.cancelled is None:
            yield _at(ds, "error", "referrals", r.id, ("status",), "cancelled-date")
        elif r.status != "cancelled" and r.cancelled is not None:
            yield _at(ds, "warning", "referrals", r.id, ("cancelled",), "cancelled-date", "cancelled-date.status",
                      status=r.status, key=True)
        if r.status in ("lead", "lost") and r.payments:
            yield _at(ds, "warning", "referrals", r.id, ("payments",), "deal-missing", "deal-missing.payments",
                      status=r.status, key=True)


def check_meeting_folders(ds: Dataset) -> Iterator[Problem]:
    """A meeting lives in meetings/<year of its date>/."""
    for m in ds.meetings.values():
        path = ds.path_of("meetings", m.id)
        folder = path.split("/")[1] if path.count("/") == 2 else ""
        if folder != str(m.date.year):
            yield _at(ds, "error", "meetings", m.id, ("date",), "meeting-year", year=m.date.year,
                      expected=f"meetings/{m.date.year}/{m.id}.yaml")


CHECKS: list[Callable[[Dataset], Iterator[Problem]]] = [
    check_references,
    check_contract_terms,
    check_fee_rules,
    check_dates,
    check_partners,
    check_referrals,
    check_meeting_folders,
]


def run_checks(ds: Dataset) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(ds)]
