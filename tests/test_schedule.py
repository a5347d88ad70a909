"""SPEC §4.1 renewal terms and §4.3 regular meetings, by hand-computed examples and by properties."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from haru_cli.load.loader import load_workspace
from haru_cli.load.validation import validated
from haru_cli.records.models import Contract
from haru_cli.records.values import Duration
from haru_cli.rules.schedule import (
    current_term_end,
    is_expired,
    next_regular_meeting,
    notice_deadline,
    term_end,
    term_ends,
)
from tests.helpers import WorkspaceFactory


def contract(**fields: object) -> Contract:
    base: dict[str, object] = {"id": "c", "partner": "p", "type": "consulting", "start": date(2025, 4, 1)}
    return validated(Contract, {**base, **fields})


def test_term_ends_clamp_at_month_ends() -> None:
    c = contract(end=date(2026, 1, 30), auto_renew=True, term=Duration(1, "m"))
    # (E0 + 1 day) = 1/31; + 1m = 2/28; − 1 day = 2/27.
    assert [term_end(c, k) for k in range(4)] == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 30),
                                                  date(2026, 4, 29)]


def test_yearly_term_from_a_leap_day() -> None:
    c = contract(end=date(2028, 2, 28), auto_renew=True, term=Duration(1, "y"))
    assert term_end(c, 1) == date(2029, 2, 27)  # 2/29 + 1y = 2029-02-28, minus a day
    c = contract(end=date(2027, 3, 31), auto_renew=True, term=Duration(1, "y"))
    assert term_end(c, 1) == date(2028, 3, 31)


def test_current_term_end_and_notice_deadline() -> None:
    c = contract(end=date(2027, 1, 31), auto_renew=True, term=Duration(1, "y"), notice=Duration(3, "m"))
    today = date(2026, 11, 27)
    assert current_term_end(c, today) == date(2027, 1, 31)
    assert notice_deadline(c, today) == date(2026, 10, 31)  # passed, while the term has not ended
    assert current_term_end(c, date(2027, 2, 1)) == date(2028, 1, 31)
    assert current_term_end(c, date(2027, 1, 31)) == date(2027, 1, 31)  # on the day itself


def test_half_year_terms() -> None:
    c = contract(end=date(2026, 6, 30), auto_renew=True, term=Duration(6, "m"), notice=Duration(1, "m"))
    assert current_term_end(c, date(2026, 11, 27)) == date(2026, 12, 31)
    assert notice_deadline(c, date(2026, 11, 27)) == date(2026, 11, 30)
    assert list(term_ends(c, date(2026, 1, 1), date(2027, 12, 31))) == [
        date(2026, 6, 30), date(2026, 12, 31), date(2027, 6, 30), date(2027, 12, 31)]


def test_expired_and_open_ended() -> None:
    ended = contract(end=date(2026, 10, 31))
    assert is_expired(ended, date(2026, 11, 27)) and current_term_end(ended, date(2026, 11, 27)) == date(2026, 10, 31)
    assert not is_expired(contract(end=date(2026, 10, 31), status="ended"), date(2026, 11, 27))
    open_ended = contract()
    assert current_term_end(open_ended, date(2026, 11, 27)) is None
    assert notice_deadline(open_ended, date(2026, 11, 27)) is None


def test_a_long_running_contract_is_found_without_walking_every_term() -> None:
    c = contract(end=date(1990, 1, 31), auto_renew=True, term=Duration(1, "d"))
    assert current_term_end(c, date(2026, 11, 27)) == date(2026, 11, 27)


terms = st.builds(Duration, st.integers(1, 24), st.sampled_from(["d", "w", "m", "y"]))
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@given(end=days, term=terms, notice=terms, today=days)
def test_current_term_end_is_on_or_after_today(end: date, term: Duration, notice: Duration, today: date) -> None:
    c = contract(start=date(1999, 1, 1), end=end, auto_renew=True, term=term, notice=notice)
    current = current_term_end(c, today)
    assert current is not None and current >= today
    deadline = notice_deadline(c, today)
    assert deadline is not None and deadline <= current
    # It is the first such end: the one before it (if any) is before today.
    k = next(k for k in range(100_000) if term_end(c, k) == current)
    assert k == 0 or term_end(c, k - 1) < today  # type: ignore[operator]


@given(end=days, term=terms, k=st.integers(0, 40))
def test_term_ends_are_increasing_and_consistent(end: date, term: Duration, k: int) -> None:
    c = contract(start=date(1999, 1, 1), end=end, auto_renew=True, term=term)
    this, following = term_end(c, k), term_end(c, k + 1)
    assert this is not None and following is not None and this < following
    # Rolling forward one term from this end's next day and back one day is the next end, month ends included.
    assert following == term.after(end + timedelta(days=1), k + 1) - timedelta(days=1)


def test_next_regular_meeting(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace())  # ueda: monthly, last regular meeting 2026-11-10
    ueda = ds.partners["ueda"]
    regular = next_regular_meeting(ds, ueda, date(2026, 11, 27))
    assert regular is not None and (regular.due, regular.overdue) == (date(2026, 12, 10), False)
    late = next_regular_meeting(ds, ueda, date(2026, 12, 11))
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
