"""The journal entries of a period's fees (SPEC §8.2 `fees journal`), as the books see them: for each
statement with something payable, on its month's last day, the fees with their consumption tax against
what is owed (未払金) and what was withheld (預り金); for each payment, on its day, what was owed against the
bank; a refund the other way: the bank against the fees it gives back (a clawback's balance, which the
statements carry without tax: 対象外), so that neither 未払金 nor the fees keep what was settled. Each entry
balances; render/journal.py writes them in a product's layout."""

from __future__ import annotations

from datetime import date
from typing import Literal

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Payout
from haru_cli.records.values import Rate
from haru_cli.rules.calendar import BusinessDays, month_end
from haru_cli.rules.fees import Statement, partner_statements
from haru_cli.rules.lookup import sort_key

EntryKind = Literal["accrual", "payment", "refund"]
Role = Literal["fees", "payable", "withholding", "bank"]  # which of haru.yaml's accounts a posting is


@frozen
class Posting:
    """One side of an entry: an account debited or credited. A taxable purchase carries the consumption tax
    its amount includes and the share of it HaRu may deduct (インボイス)."""

    side: Literal["debit", "credit"]
    role: Role
    account: str
    amount: int
    tax: int | None = None  # the consumption tax within amount; None: not taxable (対象外)
    credit: Rate | None = None  # the deductible share of that tax


@frozen
class Entry:
    day: date
    kind: EntryKind
    ref: str  # what it books: the statement (partner/YYYY-MM) or the payout's id
    partner: str  # the partner's name (取引先)
    memo: str  # 摘要
    postings: list[Posting]
    due: date | None = None  # an accrual's pay date

    def posting(self, role: str) -> Posting:
        return next(p for p in self.postings if p.role == role)


def _accrual(s: Statement, ds: Dataset, t: Translator) -> Entry:
    accounts = ds.settings.accounts
    postings = [Posting("debit", "fees", accounts.fees, s.subtotal + s.consumption_tax, s.consumption_tax, s.credit),
                Posting("credit", "payable", accounts.payable, s.payable)]
    if s.withholding:
        postings.append(Posting("credit", "withholding", accounts.withholding, s.withholding))
    day = month_end(s.month.year, s.month.month)
    return Entry(day, "accrual", f"{s.partner.id}/{s.month:%Y-%m}", s.partner.name,
                 t("journal.accrual", month=f"{s.month:%Y-%m}"), postings, s.pay_on)


def _moved(payout: Payout, ds: Dataset, t: Translator) -> Entry:
    accounts, name = ds.settings.accounts, ds.partners[payout.partner].name
    roles: tuple[Role, Role] = ("bank", "fees") if payout.kind == "refund" else ("payable", "bank")
    into, out_of = roles  # debited, credited
    postings = [Posting("debit", into, getattr(accounts, into), payout.amount),
                Posting("credit", out_of, getattr(accounts, out_of), payout.amount)]
    return Entry(payout.date, "refund" if payout.kind == "refund" else "payment", payout.id, name,
                 t(f"journal.{payout.kind}", month=str(payout.month)), postings)


def journal_entries(ds: Dataset, first: date, last: date, days: BusinessDays, t: Translator) -> list[Entry]:
    """The entries dated in [first, last]: the statements of its months that pay something, and the payouts
    of its days; by day, accruals before the money that moved, then by partner."""
    entries: list[tuple[tuple[object, ...], Entry]] = []
    for partner in ds.partners.values():
        for s in partner_statements(ds, partner, last, days):
            if s.month >= first.replace(day=1) and s.payable > 0:
                entries.append(((0, sort_key(partner)), _accrual(s, ds, t)))
    for payout in ds.payouts.values():
        if first <= payout.date <= last and payout.partner in ds.partners:
            entries.append(((1, sort_key(ds.partners[payout.partner]), payout.id), _moved(payout, ds, t)))
    return [e for _, e in sorted(entries, key=lambda pair: (pair[1].day, pair[0]))]


def period(month: date | None, year: int | None) -> tuple[date, date]:
    """The first and last day of a month (its first day given) or of a calendar year."""
    if month is not None:
        return month, month_end(month.year, month.month)
    assert year is not None
    return date(year, 1, 1), date(year, 12, 31)
