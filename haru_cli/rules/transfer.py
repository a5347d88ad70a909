"""The month's 総合振込 (SPEC §8.1): the statements the bank's transfer file pays — those with something
outstanding, of partners with a bank account — those it leaves out for want of one, whether HaRu's own side
of the file (its account and requester) is known, and which 振込指定日 a file made today may carry. Pure."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import BankAccount, Transfer
from haru_cli.rules.calendar import BusinessDays
from haru_cli.rules.fees import Statement, month_statements

SenderMissing = Literal["settings_broken", "no_bank_settings"]
DayRefused = Literal["closed", "too_soon", "too_far"]


@frozen
class MonthTransfer:
    """What a month's transfer pays, and whom it cannot."""

    month: date  # its first day
    due: list[Statement]  # the month's statements with something outstanding, in partner order

    @property
    def payees(self) -> list[Statement]:
        """The statements the file pays: each to its partner's bank account."""
        return [s for s in self.due if s.partner.bank is not None]

    @property
    def left_out(self) -> list[Statement]:
        """The statements the file cannot pay: their partner has no bank account on record."""
        return [s for s in self.due if s.partner.bank is None]

    @property
    def pay_on(self) -> date:
        """The month's pay date; the month itself when nothing is due."""
        return self.due[0].pay_on if self.due else self.month


def month_transfer(ds: Dataset, month: date, days: BusinessDays) -> MonthTransfer:
    """The transfer of the month's statements that are not settled yet (a payment recorded settles one)."""
    return MonthTransfer(month, [s for s in month_statements(ds, month, days) if s.outstanding])


@frozen
class Sender:
    """HaRu's own side of a transfer file: the account it pays from (仕向) and the requester (委託者)."""

    account: BankAccount
    requester: Transfer


def sender(ds: Dataset) -> Sender | SenderMissing:
    """HaRu's side of a transfer, from haru.yaml; or why it is unknown: haru.yaml is broken (its defaults,
    which stand in for it, have no bank and no requester), or it names no bank or no requester."""
    if ds.settings_broken:
        return "settings_broken"
    if ds.settings.bank is None or ds.settings.transfer is None:
        return "no_bank_settings"
    return Sender(ds.settings.bank, ds.settings.transfer)


def earliest_transfer_day(today: date, days: BusinessDays) -> date:
    """The first 振込指定日 a file made today can carry: banks need the file by the business day before that
    day, and that business day must not have passed — so the next business day after today when today is
    one, else the business day after the next one (on a Saturday, Tuesday: Friday is gone)."""
    first_open = days.shift(today, "next")
    return days.shift(first_open + timedelta(days=1), "next")


def transfer_day_refused(day: date, today: date, days: BusinessDays) -> DayRefused | None:
    """Why no file made today may carry `day` as its 振込指定日 — not a business day, or too soon (today, a day
    past, or a day whose business day before has passed: the header's MMDD has no year, so a day past would
    be read as one to come; or a year or more ahead, which MMDD would say is this year's) — or None when it
    may."""
    if (day.year - today.year, day.month, day.day) >= (1, today.month, today.day):  # today's MMDD a year on, or later
        return "too_far"
    if not days.is_business_day(day):
        return "closed"
    if day < earliest_transfer_day(today, days):
        return "too_soon"
    return None
