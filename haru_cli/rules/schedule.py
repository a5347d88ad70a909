"""Dates ahead (SPEC §4.1–4.3): term ends, notice deadlines, expiry, regular meetings — pure functions of
the loaded workspace and an explicit `today`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Contract, Partner
from haru_cli.records.problems import Finding, finding, warn
from haru_cli.records.registry import CONTRACT
from haru_cli.records.text import Natural, natural
from haru_cli.records.values import Duration, add_months
from haru_cli.rules.dated import Item, Window, uid

CADENCE = {"monthly": Duration(1, "m"), "quarterly": Duration(3, "m")}


def contract_order(c: Contract) -> tuple[Natural, date, Natural]:
    """Contracts as lists show them: by whose (partner or vendor id), then start, then id, numbers counted."""
    return natural(c.owner), c.start, natural(c.id)


def period_end(start: date, term: Duration) -> date:
    """The last day of a period of `term` that begins on `start`, as 民法143条 counts it: in days or weeks,
    start + term − 1 day; in months or years, the day before the day of the last month that corresponds
    to start's day, or, where that month has no such day, its last day (1/31 + 1m → 2/28)."""
    if term.unit in ("d", "w"):
        return start + timedelta(days=term.count * (7 if term.unit == "w" else 1) - 1)
    same_day = add_months(start, term.count * (12 if term.unit == "y" else 1))  # or that month's last day
    return same_day - timedelta(days=1) if same_day.day == start.day else same_day


def _steady(start: date, term: Duration) -> bool:
    """From a term starting here on, every term starts on the same day of its month (or the same number of
    days apart): a day every month has, so no term is cut short to a month's end again."""
    return term.unit in ("d", "w") or start.day <= 28


def term_end(contract: Contract, k: int) -> date | None:
    """E_k, the end of renewal k (k = 0 is `end` itself): each renewal is a new term from the day after the
    previous one ends (SPEC §4.1, 民法143条). Walked term by term while a term may start on a day some month
    lacks (29–31), then in one step."""
    if contract.end is None:
        return None
    if k == 0:
        return contract.end
    term = contract.term
    if term is None:
        return None
    end = contract.end
    for done in range(k):
        start = end + timedelta(days=1)
        if _steady(start, term):
            return period_end(term.after(start, k - 1 - done), term)
        end = period_end(start, term)
    return end


def renews(contract: Contract) -> bool:
    """Whether the contract renews (a zero term, which validation rejects, would renew forever)."""
    return contract.auto_renew and contract.term is not None and contract.term.count > 0


def term_ends(contract: Contract, start: date, until: date) -> Iterator[date]:
    """Every term end within [start, until], in order (just E0 without auto_renew)."""
    if contract.end is None:
        return
    if not renews(contract) or contract.term is None:
        if start <= contract.end <= until:
            yield contract.end
        return
    k = _first_k_on_or_after(contract, contract.term, start)
    while (end := term_end(contract, k)) is not None and end <= until:
        yield end
        k += 1


def _first_k_on_or_after(contract: Contract, term: Duration, day: date) -> int:
    """The smallest k with E_k ≥ day, without walking every term since the contract began."""
    assert contract.end is not None
    if contract.end >= day:
        return 0
    # A lower bound from the longest a term can be, then step forward: at most a few steps.
    k = max(0, (day - contract.end).days // term.days_at_most)
    while (end := term_end(contract, k)) is not None and end < day:
        k += 1
    return k


def current_term_end(contract: Contract, today: date) -> date | None:
    """The first term end on or after today; without auto_renew, `end` (which may have passed)."""
    if contract.end is None:
        return None
    if not renews(contract) or contract.term is None:
        return contract.end
    return term_end(contract, _first_k_on_or_after(contract, contract.term, today))


def notice_passed(deadline: date | None, end: date | None, today: date) -> bool:
    """The notice deadline is behind us while the term runs on: it renews (or ends) as it stands."""
    return deadline is not None and end is not None and deadline < today <= end


def is_expired(contract: Contract, today: date) -> bool:
    """An active contract that does not renew and whose end has passed: it needs a decision."""
    return (
        contract.status == "active"
        and not contract.auto_renew
        and contract.end is not None
        and contract.end < today
    )


@frozen
class RegularMeeting:
    """When the next 定例会 with a partner is due, and whether that is already past."""

    due: date
    overdue: bool


def next_regular_meeting(ds: Dataset, partner: Partner, today: date) -> RegularMeeting | None:
    """Due one cadence after the latest regular meeting listing the partner (or after `since`).

    Only meetings dated today or earlier count: a log dated later describes a meeting that, as of
    `today`, has not happened.
    """
    step = CADENCE.get(partner.cadence)
    if partner.status != "active" or step is None:
        return None
    latest = next((m for m in ds.meetings_of(partner.id) if m.kind == "regular" and m.date <= today), None)
    if latest is not None and latest.next is not None:  # SPEC §4.3: the date it planned stands
        return RegularMeeting(latest.next, latest.next < today)
    base = latest.date if latest is not None else partner.since
    if base is None:
        return None
    due = step.after(base)
    return RegularMeeting(due, due < today)


@frozen
class ContractDates:
    """A contract with the dates that matter for it as of today."""

    contract: Contract
    term_end: date | None
    notice_deadline: date | None
    expired: bool
    notice_passed: bool  # the notice deadline is behind us but the term has not ended yet


def contract_dates(contract: Contract, today: date) -> ContractDates:
    end = current_term_end(contract, today)
    deadline = contract.notice.before(end) if end is not None else None
    return ContractDates(contract, end, deadline, is_expired(contract, today), notice_passed(deadline, end, today))


# --- renewals (§4.1) ---------------------------------------------------------------------------------


@frozen
class Renewal:
    """An active contract with a renewal decision ahead (or an expired one that needs it now)."""

    contract: Contract
    term_end: date
    notice_deadline: date
    expired: bool

    def notice_passed(self, today: date) -> bool:
        return notice_passed(self.notice_deadline, self.term_end, today)

    def sort_date(self, today: date) -> date:
        """The earlier of the two dates still ahead; an expired contract sorts by its past end (first)."""
        ahead = [d for d in (self.notice_deadline, self.term_end) if d >= today]
        return min(ahead) if ahead else self.term_end


def renewal(dated: ContractDates, today: date, until: date) -> Renewal | None:
    """The renewal decision of an active contract, if its term end or notice deadline falls in [today,
    until], or it has expired."""
    end, deadline = dated.term_end, dated.notice_deadline
    if end is None or deadline is None:
        return None
    if dated.expired or today <= end <= until or today <= deadline <= until:
        return Renewal(dated.contract, end, deadline, dated.expired)
    return None


def renewals_due(ds: Dataset, today: date, until: date) -> list[Renewal]:
    """Active contracts whose current term end or notice deadline falls in [today, until], plus expired ones."""
    found = [r for c in ds.contracts.values() if c.status == "active"
             if (r := renewal(contract_dates(c, today), today, until)) is not None]
    return sorted(found, key=lambda r: (r.sort_date(today), r.contract.owner, r.contract.id))


# --- feedback milestones (§4.2) ----------------------------------------------------------------------


@frozen
class Milestone:
    """A renewal milestone of a contract with feedback hearings, and whether one was held in time."""

    contract: Contract
    milestone: date
    window_start: date
    status: str  # "held" | "due" | "overdue"
    held_on: date | None


def feedback_milestones(ds: Dataset, start: date, until: date, today: date) -> list[Milestone]:
    """Every milestone in [start, until] of the active contracts that hold feedback hearings."""
    window = ds.settings.reminders.feedback_window
    found = []
    for contract in ds.contracts.values():
        if contract.status != "active" or not contract.holds_feedback:
            continue
        for milestone in term_ends(contract, start, until):
            window_start = window.before(milestone)
            # SPEC 4.2: a feedback meeting, or any meeting that records feedback, in the window holds it
            # (a log records a meeting that took place).
            held = [
                m.date for m in ds.meetings_of(contract.partner or "")
                if (m.kind == "feedback" or m.feedback is not None) and m.contract in (None, contract.id)
                and window_start <= m.date <= milestone
            ]
            status = "held" if held else "due" if milestone >= today else "overdue"
            found.append(Milestone(contract, milestone, window_start, status, max(held, default=None)))
    return sorted(found, key=lambda m: (m.milestone, m.contract.owner, m.contract.id))


def feedback_due(ds: Dataset, today: date, until: date, back: date) -> list[Milestone]:
    """Milestones from today to until (held or due), and those in [back, today) that were not held."""
    return [
        m for m in feedback_milestones(ds, back, until, today)
        if m.milestone >= today or m.status == "overdue"
    ]


# --- dated items (`haru upcoming`) -------------------------------------------------------------------

DATED_KINDS = ("notice_deadline", "term_end", "draft", "feedback", "regular_meeting")


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """Notice deadlines and term ends of active contracts, drafts about to start, feedback hearings not held
    and regular meetings, due by `until`."""
    today, until = when.today, when.until
    for c in ds.contracts.values():
        owner = c.partner or ""  # a vendor's contract is no partner's: its vendor is said
        if c.status == "active":
            dated = contract_dates(c, today)
            r = renewal(dated, today, until)
            if r is not None and today <= r.notice_deadline <= until:
                yield Item(r.notice_deadline, "notice_deadline", owner, c.title, c.id, False,
                           ("contract", c.id), uid("notice_deadline", c.id, r.term_end), vendor=c.vendor)
            elif dated.notice_passed and dated.notice_deadline is not None and dated.term_end is not None:
                # A notice deadline that passed without a decision stays, marked, until its term ends.
                yield Item(dated.notice_deadline, "notice_deadline", owner, c.title, c.id, True,
                           ("contract", c.id), uid("notice_deadline", c.id, dated.term_end), vendor=c.vendor)
            if r is not None and (r.expired or today <= r.term_end <= until):
                yield Item(r.term_end, "term_end", owner, c.title, c.id, r.expired, ("contract", c.id),
                           uid("term_end", c.id, r.term_end), vendor=c.vendor)
        elif c.status == "draft" and c.start <= until:  # a draft about to start, or past its start unsigned
            yield Item(c.start, "draft", owner, c.title, c.id, c.start < today, ("contract", c.id),
                       uid("draft", c.id), vendor=c.vendor)
    for m in feedback_due(ds, today, until, when.back):
        if m.status != "held":
            c = m.contract
            yield Item(m.milestone, "feedback", c.partner or "", c.title, c.id, m.status == "overdue",
                       ("contract", c.id), uid("feedback", c.id, m.milestone), vendor=c.vendor)
    for partner in ds.partners.values():
        regular = next_regular_meeting(ds, partner, today)
        if regular is not None and regular.due <= until:
            yield Item(regular.due, "regular_meeting", partner.id, None, partner.id, regular.overdue,
                       ("partner", partner.id), uid("regular_meeting", partner.id))


# --- checks (SPEC §6) ---------------------------------------------------------------------------------


MIN_TERM_DAYS = 7


def check_contract_terms(ds: Dataset) -> Iterator[Finding]:
    """Renewal settings that make sense together (SPEC §4.1)."""
    for c in ds.contracts.values():
        if c.auto_renew and c.term is None:
            yield finding(CONTRACT, c.id, ("auto_renew",), "auto-renew-term", key=True)
        elif c.term is not None and c.term.count == 0:
            yield finding(CONTRACT, c.id, ("term",), "auto-renew-term", "auto-renew-term.zero")
        elif c.auto_renew and c.term is not None and c.term.unit == "d" and c.term.count < MIN_TERM_DAYS:
            # A contract renewed every day or two is a typo (1d for 1y?), and would fill every list with dates.
            yield finding(CONTRACT, c.id, ("term",), "auto-renew-term", "auto-renew-term.short", days=MIN_TERM_DAYS)
        elif c.auto_renew and c.end is None:
            yield warn(CONTRACT, c.id, ("auto_renew",), "auto-renew-term", "auto-renew-term.no-end", key=True)
        elif c.term is not None and not c.auto_renew:
            yield warn(CONTRACT, c.id, ("term",), "auto-renew-term", "auto-renew-term.unused", key=True)


CHECKS = [check_contract_terms]
