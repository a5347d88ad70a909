"""Cross-field and cross-file rules (SPEC §6), each a pure function of the loaded records: here the checks
of no one domain — references, contracts' owners, dates in order, year folders, entries recorded twice,
bank codes. Each domain's own checks are in its rules module (fees.py, time.py, vendors.py, school.py,
projects.py, schedule.py), listed in its `CHECKS`; rules/registered.py runs them all.

A check yields Findings: which record, which key path in it, what is wrong. It never reads a file; the
load stage places each finding at its line and column. A check only sees records that loaded cleanly;
a reference to a file that exists but is broken is not reported again (that file's own problem says it
all). Each check can be run alone on hand-built records (tests/test_checks.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from haru_cli.records.dataset import Dataset
from haru_cli.records.problems import Finding, finding, warn
from haru_cli.records.registry import (
    BY_NAME,
    CONTRACT,
    MEETING,
    PARTNER,
    REFERRAL,
    TYPES,
    VENDOR,
)
from haru_cli.rules.integrity import TWINS, twins


def check_references(ds: Dataset) -> Iterator[Finding]:
    """Every record a record names exists (the registry's references), and none is named twice."""
    existing: dict[str, set[str]] = {}
    for name, stem in ds.broken:
        existing.setdefault(name, set()).add(stem)
    for kind in TYPES:
        refs = [(ref, ds.of(BY_NAME[ref.target]).keys() | existing.get(ref.target, set())) for ref in kind.refs]
        for record in ds.of(kind).values():
            for ref, ids in refs:
                if ref.all_in(record, ids):  # most records: every one it names is there, once
                    continue
                target = BY_NAME[ref.target]
                seen: set[str] = set()
                for loc, target_id in ref.located(record):
                    if ref.many and target_id in seen:  # a partner listed twice would count a meeting's minutes twice
                        yield finding(kind, record.id, loc, f"ref-{target.name}", f"ref-{target.name}.twice",
                                      ref=target_id)
                        continue
                    seen.add(target_id)
                    if not ds.exists(target, target_id):
                        expected = target.path(target_id) if target.by_year is None else f"{target.folder}/…"
                        yield finding(kind, record.id, loc, f"ref-{target.name}", ref=target_id,
                                      related=(expected,))


def check_contract_owners(ds: Dataset) -> Iterator[Finding]:
    """A meeting's contract belongs to one of its partners; a referral's to its partner, with a fee rule
    for its kind."""
    for m in ds.meetings.values():
        contract = ds.contracts.get(m.contract) if m.contract else None
        if contract is not None and contract.partner not in m.partners and (
                contract.partner is None or contract.partner in ds.partners):  # a vendor's is no meeting's
            yield finding(MEETING, m.id, ("contract",), "contract-partner", "contract-partner.meeting",
                          ref=m.contract, owner=contract.owner, related=(ds.path_of(CONTRACT, contract.id),))
    for r in ds.referrals.values():
        contract = ds.contracts.get(r.contract)
        if contract is None:
            continue
        related = (ds.path_of(CONTRACT, contract.id),)
        if contract.partner != r.partner:
            yield finding(REFERRAL, r.id, ("contract",), "contract-partner", ref=r.contract, owner=contract.owner,
                          partner=r.partner, related=related)
        elif contract.fee_rule(r.kind) is None:
            yield finding(REFERRAL, r.id, ("kind",), "fee-rule", "fee-rule.missing", kind=r.kind, ref=r.contract,
                          related=related)


def check_dates(ds: Dataset) -> Iterator[Finding]:
    """Dates in the order they happen in."""
    for c in ds.contracts.values():
        if c.end is not None and c.end < c.start:
            yield finding(CONTRACT, c.id, ("end",), "date-order", "date-order.end", end=c.end.isoformat(),
                          start=c.start.isoformat())
        if c.signed is not None and c.signed > c.start:
            yield warn(CONTRACT, c.id, ("signed",), "date-order", "date-order.signed", signed=c.signed.isoformat(),
                       start=c.start.isoformat())
    for r in ds.referrals.values():
        if r.lost is not None and r.lost < r.referred:
            yield finding(REFERRAL, r.id, ("lost",), "date-order", "date-order.lost", lost=r.lost.isoformat(),
                          referred=r.referred.isoformat())
        if r.deal is None:
            continue
        signed = r.deal.signed
        if signed < r.referred:
            yield warn(REFERRAL, r.id, ("deal", "signed"), "date-order", "date-order.deal",
                       signed=signed.isoformat(), referred=r.referred.isoformat())
        for i, payment in enumerate(r.payments):
            if payment.date < signed:
                yield finding(REFERRAL, r.id, ("payments", i, "date"), "date-order", "date-order.payment",
                              date=payment.date.isoformat(), signed=signed.isoformat())
        if r.cancelled is not None and r.cancelled < signed:
            yield finding(REFERRAL, r.id, ("cancelled",), "date-order", "date-order.cancelled",
                          cancelled=r.cancelled.isoformat(), signed=signed.isoformat())
        for i, payment in enumerate(r.payments):  # it earns nothing (SPEC §4.4): probably a typo
            if r.cancelled is not None and payment.date > r.cancelled:
                yield warn(REFERRAL, r.id, ("payments", i, "date"), "date-order", "date-order.after-cancel",
                           date=payment.date.isoformat(), cancelled=r.cancelled.isoformat())
    for m in ds.meetings.values():
        if m.next is not None and m.next < m.date:
            yield warn(MEETING, m.id, ("next",), "date-order", "date-order.next", next=m.next.isoformat(),
                       date=m.date.isoformat())


def check_partners(ds: Dataset) -> Iterator[Finding]:
    """源泉徴収 of fees applies to individuals, not to corporations (SPEC §4.5); `true`, written before the
    kinds were, is read as fee and said, since a 紹介料 is most often not withheld at all."""
    for p in ds.partners.values():
        if p.withholding_kind != "none" and p.entity == "corporation":
            yield finding(PARTNER, p.id, ("withholding",), "withholding")
        elif p.withholding is True:
            yield warn(PARTNER, p.id, ("withholding",), "withholding-kind")


class Banks(Protocol):
    """The 全銀 list of banks and branches (the `zengin-code` package's data, given by the load stage): their
    names, and their names in kana."""

    def bank_name(self, bank: str) -> str | None: ...

    def branch_name(self, bank: str, branch: str) -> str | None: ...

    def bank_kana(self, bank: str) -> str | None: ...

    def branch_kana(self, bank: str, branch: str) -> str | None: ...


def check_banks(ds: Dataset, banks: Banks) -> Iterator[Finding]:
    """A partner's or vendor's bank and branch are in the 全銀 list (a transfer to a code that is not would
    bounce)."""
    owners = [(PARTNER, p.id, p.bank) for p in ds.partners.values()] + [(VENDOR, v.id, v.bank)
                                                                           for v in ds.vendors.values()]
    for kind, record_id, account in owners:
        if account is None:
            continue
        name = banks.bank_name(account.bank)
        if name is None:
            yield finding(kind, record_id, ("bank", "bank"), "bank", "bank.unknown-bank", bank=account.bank)
        elif banks.branch_name(account.bank, account.branch) is None:
            yield finding(kind, record_id, ("bank", "branch"), "bank", "bank.unknown-branch",
                          bank=account.bank, branch=account.branch, name=name)


def check_year_folders(ds: Dataset) -> Iterator[Finding]:
    """A record filed by year lives in the folder of its date's year (meetings/<year>/)."""
    for kind in TYPES:
        if kind.by_year is None:
            continue
        for record in ds.of(kind).values():
            expected = kind.path_of(record)
            if ds.path_of(kind, record.id) != expected:
                yield finding(kind, record.id, (kind.by_year,), f"{kind.name}-year", year=kind.year_of(record),
                              expected=expected)


def check_twins(ds: Dataset) -> Iterator[Finding]:
    """An entry that repeats an earlier one of its record (a payment, a time entry, an oral report) is
    most often one recorded twice (SPEC §15): said, since it would double what it counts."""
    for name, (entries, key) in TWINS.items():
        kind = BY_NAME[name]
        for record in ds.of(kind).values():
            for i, j in twins(getattr(record, entries), key):
                yield warn(kind, record.id, (entries, i), "duplicate-entry", f"duplicate-entry.{entries}",
                           n=i, first=j)  # numbered as validate numbers them: entries.0 is the first


CHECKS = [check_references, check_contract_owners, check_dates, check_partners, check_year_folders, check_twins]
