"""SPEC §4.1 renewal terms and §4.3 regular meetings, by hand-computed examples and by properties."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from haru_cli.load.validation import validated
from haru_cli.records.models import Contract
from haru_cli.records.values import Duration
from haru_cli.rules.schedule import (
    contract_dates,
    current_term_end,
    feedback_due,
    feedback_milestones,
    is_expired,
    next_regular_meeting,
    renewals_due,
    term_end,
    term_ends,
)
from tests.helpers import SCENARIO, WorkspaceFactory, load_workspace


def contract(**fields: object) -> Contract:
    base: dict[str, object] = {"id": "c", "partner": "p", "type": "consulting", "start": date(2025, 4, 1)}
    return validated(Contract, {**base, **fields})


terms = st.builds(Duration, st.integers(1, 24), st.sampled_from(["d", "w", "m", "y"]))


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


def corresponding_day(start: date, months: int) -> date:
    """The independent formulation: the day `months` months after start with start's day number, or — in a
    month without it — the first day of the month after (so that the day before it is that month's last)."""
    year, month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
    try:
        return date(year, month, start.day)
    except ValueError:
        return date(year + month // 12, month % 12 + 1, 1)


def civil_code_ends(end: date, term: Duration, count: int) -> list[date]:
    """E0 … E_count, each term begun the day after the last ended and ending the day before its
    corresponding day (民法143条), computed term by term with nothing shared with the implementation."""
    ends = [end]
    for _ in range(count):
        start = ends[-1] + timedelta(days=1)
        if term.unit == "d":
            after = start + timedelta(days=term.count)
        elif term.unit == "w":
            after = start + timedelta(days=7 * term.count)
        else:
            after = corresponding_day(start, term.count * (12 if term.unit == "y" else 1))
        ends.append(after - timedelta(days=1))
    return ends


def test_each_renewal_is_a_new_term_counted_as_the_civil_code_counts() -> None:
    """SPEC §4.1's own examples (民法143条): a term from 1/31 ends on 2/28, February having no 31st; the
    next starts on 3/1 and ends on 3/31."""
    c = contract(end=date(2026, 1, 30), auto_renew=True, term=Duration(1, "m"))
    assert [term_end(c, k) for k in range(4)] == [date(2026, 1, 30), date(2026, 2, 28), date(2026, 3, 31),
                                                  date(2026, 4, 30)]
    leap = contract(end=date(2024, 2, 28), auto_renew=True, term=Duration(1, "y"))
    assert [term_end(leap, k) for k in range(1, 5)] == [date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28),
                                                        date(2028, 2, 29)]
    c = contract(end=date(2027, 3, 31), auto_renew=True, term=Duration(1, "y"))
    assert term_end(c, 1) == date(2028, 3, 31)


def test_terms_in_days_and_weeks_count_the_first_day() -> None:
    c = contract(end=date(2026, 1, 31), auto_renew=True, term=Duration(2, "w"))
    assert [term_end(c, k) for k in range(1, 3)] == [date(2026, 2, 14), date(2026, 2, 28)]
    c = contract(end=date(2026, 12, 31), auto_renew=True, term=Duration(30, "d"))
    assert term_end(c, 1) == date(2027, 1, 30)


def test_current_term_end_and_notice_deadline() -> None:
    c = contract(end=date(2027, 1, 31), auto_renew=True, term=Duration(1, "y"), notice=Duration(3, "m"))
    today = date(2026, 11, 27)
    assert current_term_end(c, today) == date(2027, 1, 31)
    assert contract_dates(c, today).notice_deadline == date(2026, 10, 31)  # passed, while the term has not ended
    assert current_term_end(c, date(2027, 2, 1)) == date(2028, 1, 31)
    assert current_term_end(c, date(2027, 1, 31)) == date(2027, 1, 31)  # on the day itself


def test_half_year_terms() -> None:
    c = contract(end=date(2026, 6, 30), auto_renew=True, term=Duration(6, "m"), notice=Duration(1, "m"))
    assert current_term_end(c, date(2026, 11, 27)) == date(2026, 12, 31)
    assert contract_dates(c, date(2026, 11, 27)).notice_deadline == date(2026, 11, 30)
    assert list(term_ends(c, date(2026, 1, 1), date(2027, 12, 31))) == [
        date(2026, 6, 30), date(2026, 12, 31), date(2027, 6, 30), date(2027, 12, 31)]


def test_expired_and_open_ended() -> None:
    ended = contract(end=date(2026, 10, 31))
    assert is_expired(ended, date(2026, 11, 27)) and current_term_end(ended, date(2026, 11, 27)) == date(2026, 10, 31)
    assert not is_expired(contract(end=date(2026, 10, 31), status="ended"), date(2026, 11, 27))
    open_ended = contract()
    assert current_term_end(open_ended, date(2026, 11, 27)) is None
    assert contract_dates(open_ended, date(2026, 11, 27)).notice_deadline is None


def test_a_long_running_contract_is_found_without_walking_every_term() -> None:
    c = contract(end=date(1990, 1, 31), auto_renew=True, term=Duration(1, "d"))
    assert current_term_end(c, date(2026, 11, 27)) == date(2026, 11, 27)


@given(end=days, term=terms, notice=terms, today=days)
def test_current_term_end_is_on_or_after_today(end: date, term: Duration, notice: Duration, today: date) -> None:
    c = contract(start=date(1999, 1, 1), end=end, auto_renew=True, term=term, notice=notice)
    current = current_term_end(c, today)
    assert current is not None and current >= today
    deadline = contract_dates(c, today).notice_deadline
    assert deadline is not None and deadline <= current
    # It is the first such end: the one before it (if any) is before today.
    k = next(k for k in range(100_000) if term_end(c, k) == current)
    assert k == 0 or term_end(c, k - 1) < today  # type: ignore[operator]


@given(end=days, term=terms, k=st.integers(0, 40))
def test_term_ends_agree_with_an_independent_civil_code_count(end: date, term: Duration, k: int) -> None:
    c = contract(start=date(1999, 1, 1), end=end, auto_renew=True, term=term)
    assert [term_end(c, n) for n in range(k + 2)] == civil_code_ends(end, term, k + 1)
    this, following = term_end(c, k), term_end(c, k + 1)
    assert this is not None and following is not None and this < following


def test_next_regular_meeting(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace())  # ueda: monthly, last regular meeting 2026-11-10
    ueda = ds.partners["ueda"]
    regular = next_regular_meeting(ds, ueda, date(2026, 11, 27))
    assert regular is not None and (regular.due, regular.overdue) == (date(2026, 12, 10), False)
    late = next_regular_meeting(ds, ueda, date(2026, 12, 11))
    assert late is not None and late.overdue


def test_a_planned_next_meeting_stands(workspace: WorkspaceFactory) -> None:
    """SPEC §4.3: `next:` of the latest regular meeting is when the next one is due."""
    ds = load_workspace(workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": (
        "id: 2026-11-10-ueda-regular\npartners: [ueda]\ndate: 2026-11-10\nkind: regular\nnext: 2026-12-03\n")}))
    regular = next_regular_meeting(ds, ds.partners["ueda"], date(2026, 11, 27))
    assert regular is not None and (regular.due, regular.overdue) == (date(2026, 12, 3), False)
    late = next_regular_meeting(ds, ds.partners["ueda"], date(2026, 12, 4))
    assert late is not None and late.overdue


def test_next_regular_meeting_from_since_or_none(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({
        "meetings/2026/2026-11-10-ueda-regular.yaml": None,
        "partners/ueda.yaml": "id: ueda\nname: x\ncadence: quarterly\nsince: 2026-01-31\n",
        "partners/spcom.yaml": "id: spcom\nname: y\ncadence: monthly\n",
        "partners/paused.yaml": "id: paused\nname: z\ncadence: monthly\nsince: 2026-01-01\nstatus: paused\n",
    }))
    regular = next_regular_meeting(ds, ds.partners["ueda"], date(2026, 3, 1))
    assert regular is not None and regular.due == date(2026, 4, 30)
    assert next_regular_meeting(ds, ds.partners["spcom"], date(2026, 3, 1)) is None  # no meeting, no since
    assert next_regular_meeting(ds, ds.partners["paused"], date(2026, 3, 1)) is None


TODAY = date(2026, 11, 27)


def renewals(root: Path, until: date, today: date = TODAY) -> list[tuple[str, str, str, bool]]:
    return [(r.contract.id, str(r.term_end), str(r.notice_deadline), r.expired)
            for r in renewals_due(load_workspace(root), today, until)]


def test_renewals_in_30_days(scenario: Path) -> None:
    assert renewals(scenario, date(2026, 12, 27)) == [
        ("old", "2026-10-31", "2026-10-31", True),  # expired: first
        ("half", "2026-12-31", "2026-11-30", False),
        ("ueda-referral", "2026-12-31", "2026-11-30", False),  # the base workspace's yearly contract
    ]


def test_a_passed_notice_deadline_is_listed_once_the_term_end_is_in_the_window(scenario: Path) -> None:
    found = renewals(scenario, date(2027, 3, 1))
    assert ("alliance", "2027-01-31", "2026-10-31", False) in found
    assert ("yearly", "2027-03-31", "2027-02-28", False) in found
    # Sorted by the earlier of the dates still ahead: half (11-30) before alliance (its end 1-31) before yearly (2-28).
    ids = [f[0] for f in found]
    assert ids.index("half") < ids.index("alliance") < ids.index("yearly")
    assert "draft" not in ids


def test_renewals_later_in_the_year(scenario: Path) -> None:
    # On 2027-06-01 the half-year contract's current term ends 2027-06-30; a month before is 2027-05-30.
    assert ("half", "2027-06-30", "2027-05-30", False) in renewals(scenario, date(2027, 7, 1), date(2027, 6, 1))


def test_feedback_milestones(scenario: Path) -> None:
    ds = load_workspace(scenario)
    found = [(m.contract.id, str(m.milestone), str(m.window_start), m.status, str(m.held_on))
             for m in feedback_due(ds, TODAY, date(2027, 1, 26), date(2026, 9, 28))]
    assert found == [
        ("old", "2026-10-31", "2026-09-01", "overdue", "None"),
        ("half", "2026-12-31", "2026-11-01", "held", "2026-11-20"),
    ]


def test_feedback_window_edges_and_contract_naming(workspace: WorkspaceFactory) -> None:
    root = workspace({
        **SCENARIO,
        # On the window's first day: counts. Naming another contract: does not.
        "meetings/2026/hearing.yaml": "id: hearing\npartners: [spcom]\ndate: 2026-09-01\nkind: feedback\n",
        "meetings/2026/other.yaml": "id: other\npartners: [spcom]\ndate: 2026-12-01\nkind: feedback\n"
                                    "contract: old\n",
    })
    ds = load_workspace(root)
    found = {(m.contract.id, str(m.milestone)): m.status
             for m in feedback_milestones(ds, date(2026, 1, 1), date(2026, 12, 31), TODAY)}
    assert found == {("old", "2026-10-31"): "held", ("half", "2026-06-30"): "overdue",
                     ("half", "2026-12-31"): "due", ("yearly", "2026-03-31"): "overdue"}


def test_feedback_heard_in_any_meeting_holds_a_milestone(workspace: WorkspaceFactory) -> None:
    """SPEC §4.2: a meeting of kind feedback, or any meeting that records feedback."""
    regular = ("id: talk\npartners: [spcom]\ndate: 2026-12-10\nkind: regular\nfeedback: {satisfaction: 4}\n")
    ds = load_workspace(workspace({**SCENARIO, "meetings/2026/hearing.yaml": None,
                                   "meetings/2026/talk.yaml": regular}))
    [half] = [m for m in feedback_milestones(ds, date(2026, 12, 1), date(2026, 12, 31), TODAY)
              if m.contract.id == "half"]
    assert (half.status, half.held_on) == ("held", date(2026, 12, 10))
    plain = regular.replace("feedback: {satisfaction: 4}\n", "")
    ds = load_workspace(workspace({**SCENARIO, "meetings/2026/hearing.yaml": None, "meetings/2026/talk.yaml": plain}))
    [half] = [m for m in feedback_milestones(ds, date(2026, 12, 1), date(2026, 12, 31), TODAY)
              if m.contract.id == "half"]
    assert half.status == "due"
