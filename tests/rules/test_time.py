"""The 社長's time and what AI saves (SPEC §9.3), against a second formulation written from the SPEC's
words: plain minutes in Fractions, periods as (year, month) sets, and each saving from a scan of the
measurements — not the rules' own helpers."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Automation, Measurement, Meeting, Partner, TimeEntry, TimeLog, Usage
from haru_cli.records.registry import AUTOMATION, MEETING, PARTNER, TIME
from haru_cli.rules.time import (
    AREAS,
    Period,
    areas,
    fiscal_year,
    minutes_by_partner,
    partner_minutes,
    quarter,
    saved_in,
    saved_minutes,
    spent,
)
from haru_cli.views.time import time_json, time_report
from tests.helpers import WorkspaceFactory, load_workspace

PARTNERS = ["a", "b", "c"]


TODAY = date(2026, 9, 15)  # months after it have not happened: they save nothing known


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31))


area = st.sampled_from(AREAS)


@st.composite
def entries(draw: st.DrawFn) -> TimeEntry:
    day = draw(days)
    partner = draw(st.none() | st.sampled_from(PARTNERS))
    if draw(st.booleans()):
        return TimeEntry(date=day, hours=Decimal(draw(st.integers(1, 96))) / 4, area=draw(area), partner=partner)
    return TimeEntry(date=day, minutes=draw(st.integers(1, 1440)), area=draw(area), partner=partner)


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    n = draw(st.integers(0, 10**6))
    return Meeting(id=f"m{n}", partners=draw(st.lists(st.sampled_from(PARTNERS), min_size=1, max_size=3, unique=True)),
                   date=draw(days), minutes=draw(st.none() | st.integers(0, 600)), area=draw(area))


def dataset(logged: list[TimeEntry], met: list[Meeting], automations: list[Automation] = ()) -> Dataset:
    ds = Dataset(root=Path("."))
    ds.tables[PARTNER.name] = {p: Partner(id=p, name=p.upper()) for p in PARTNERS}
    by_month: dict[str, list[TimeEntry]] = {}
    for e in logged:
        by_month.setdefault(f"{e.date:%Y-%m}", []).append(e)
    ds.tables[TIME.name] = {m: TimeLog(id=m, entries=found) for m, found in by_month.items()}
    ds.tables[MEETING.name] = {m.id: m for m in met}
    ds.tables[AUTOMATION.name] = {a.id: a for a in automations}
    return ds


def months_of(period: Period) -> set[tuple[int, int]]:
    """The (year, month) pairs of a period, by walking its days."""
    found, day = set(), period.start
    while day <= period.end:
        found.add((day.year, day.month))
        day += timedelta(days=1)
    return found


def model_minutes(logged: list[TimeEntry], met: list[Meeting], period: Period) -> dict[str, Fraction]:
    """SPEC §9.3: entries dated in the period + minutes of meetings dated in it, each in its area."""
    inside = months_of(period)
    found = {a: Fraction(0) for a in AREAS}
    for e in logged:
        if (e.date.year, e.date.month) in inside:
            found[e.area] += Fraction(str(e.hours)) * 60 if e.hours is not None else Fraction(e.minutes or 0)
    for m in met:
        if (m.date.year, m.date.month) in inside:
            found[m.area] += m.minutes or 0
    return found


periods = st.one_of(
    st.integers(1, 12).map(lambda m: Period(date(2026, m, 1), "month")),
    st.integers(1, 4).map(lambda q: quarter(2026, q)),
    st.just(Period(date(2026, 4, 1), "fy")),
)


measurements = st.lists(st.builds(Measurement, date=days, minutes=st.integers(0, 300).map(Decimal),
                                  per_month=st.integers(0, 30).map(Decimal)), max_size=5)


@st.composite
def automations(draw: st.DrawFn) -> Automation:
    since = draw(days)
    retired = draw(st.none() | st.dates(min_value=since, max_value=date(2027, 6, 30)))
    return Automation(id=f"a{draw(st.integers(0, 10**6))}", title="t", area=draw(area),
                      status="retired" if retired else "active", since=since, retired=retired,
                      baseline=Usage(minutes=Decimal(draw(st.integers(0, 300))),
                                     per_month=Decimal(draw(st.integers(0, 30)))),
                      measurements=sorted(draw(measurements), key=lambda m: m.date))


def model_saved(a: Automation, year: int, month: int) -> Fraction | None | str:
    """SPEC §9.3 read literally, as of TODAY; "idle" when the automation is not in use that month."""
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if a.since > last or (a.retired is not None and a.retired < first) or first > TODAY:
        return "idle"
    latest = None
    for m in a.measurements:  # oldest first: the last one on or before the month's end (and today) wins
        if m.date <= min(last, TODAY) and (latest is None or m.date >= latest.date):
            latest = m
    if latest is None:
        return None
    return (Fraction(a.baseline.minutes) - Fraction(latest.minutes)) * Fraction(latest.per_month)


@settings(max_examples=150, deadline=None)
@given(st.lists(entries(), max_size=25), st.lists(meetings(), max_size=10, unique_by=lambda m: m.id), periods)
def test_area_hours_are_the_model_s_and_add_up_to_the_total(
    logged: list[TimeEntry], met: list[Meeting], period: Period
) -> None:
    ds = dataset(logged, met)
    found = areas(ds, period, list(spent(ds)))
    expected = model_minutes(logged, met, period)
    assert {a.area: Fraction(a.minutes) for a in found} == expected
    total = sum(expected.values())
    report = time_report(ds, period, TODAY)
    assert Fraction(report.total) == total  # a meeting counts once, however many partners it has
    assert abs(sum(a["hours"] for a in time_json(report)["areas"]) - float(total / 60)) <= 0.005 * len(AREAS)
    for a in found:  # a share is a division: exact to 28 digits
        assert a.share is None if total == 0 else abs(Fraction(a.share) - expected[a.area] * 100 / total) < 1e-20


@settings(max_examples=100, deadline=None)
@given(st.lists(entries(), max_size=20), st.lists(meetings(), max_size=8, unique_by=lambda m: m.id))
def test_partner_hours_split_a_meeting_evenly_and_add_up_to_what_names_a_partner(
    logged: list[TimeEntry], met: list[Meeting]
) -> None:
    period = Period(date(2026, 1, 1), "fy")  # 2026-01 to 2026-12
    report = time_report(dataset(logged, met), period, TODAY)
    expected: dict[str, Fraction] = {}
    for e in logged:
        if e.partner:
            expected[e.partner] = expected.get(e.partner, Fraction(0)) + (
                Fraction(str(e.hours)) * 60 if e.hours is not None else Fraction(e.minutes or 0))
    for m in met:
        for p in m.partners:
            expected[p] = expected.get(p, Fraction(0)) + Fraction(m.minutes or 0, len(m.partners))
    got = {p: Fraction(minutes) for p, _, minutes in report.partners}
    assert got.keys() == {p for p, v in expected.items() if v}
    assert all(abs(got[p] - expected[p]) < Fraction(1, 10**20) for p in got)  # a third of a minute, to 28 digits


@settings(max_examples=200, deadline=None)
@given(automations(), st.integers(1, 12), measurements)
def test_a_month_s_saving_uses_only_measurements_up_to_its_end(a: Automation, month: int,
                                                                later: list[Measurement]) -> None:
    first = date(2026, month, 1)
    expected = model_saved(a, 2026, month)
    got = saved_minutes(a, first, TODAY)
    assert got == Decimal(0) if expected == "idle" else (got is None and expected is None) or Fraction(got) == expected
    # Measurements taken after the month cannot change what it saved.
    next_month = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    after = [Measurement(date=max(m.date, next_month), minutes=m.minutes, per_month=m.per_month) for m in later]
    moved = Automation(**{**a.__dict__, "measurements": sorted([*a.measurements, *after], key=lambda m: m.date)})
    assert saved_minutes(moved, first, TODAY) == got


@settings(max_examples=100, deadline=None)
@given(st.lists(automations(), max_size=4, unique_by=lambda a: a.id), periods)
def test_a_period_s_saving_sums_what_is_known_and_is_unknown_only_when_nothing_is(
    found: list[Automation], period: Period
) -> None:
    values = [model_saved(a, y, m) for a in found for (y, m) in sorted(months_of(period))]
    in_use = [v for v in values if v != "idle"]
    known = [v for v in in_use if v is not None]
    expected = None if in_use and not known else sum(known, Fraction(0))
    got = saved_in(found, period.months(), TODAY)
    assert (got is None and expected is None) or (got is not None and Fraction(got) == expected)


def test_savings_are_negative_when_ai_made_the_task_slower() -> None:
    slower = Automation(id="s", title="t", area="school", since=date(2026, 10, 1),
                        baseline=Usage(minutes=Decimal(180), per_month=Decimal(2)),
                        measurements=[Measurement(date=date(2026, 10, 31), minutes=Decimal(200), per_month=Decimal(2))])
    assert saved_minutes(slower, date(2026, 10, 1), date(2026, 11, 1)) == Decimal(-40)
    assert saved_minutes(slower, date(2026, 9, 1), date(2026, 11, 1)) == Decimal(0)  # not in use yet
    assert saved_minutes(slower, date(2026, 12, 1), date(2026, 11, 1)) == Decimal(0)  # not yet happened


def test_periods() -> None:
    from haru_cli.records.models import Settings

    assert (quarter(2026, 3).start, quarter(2026, 3).end) == (date(2026, 7, 1), date(2026, 9, 30))
    fy = fiscal_year(Settings(), 2026)
    assert (fy.start, fy.end, fy.before().start) == (date(2026, 4, 1), date(2027, 3, 31), date(2025, 4, 1))
    assert Period(date(2026, 1, 1), "month").before(3).start == date(2025, 10, 1)


def test_joint_meeting_minutes_are_split_among_its_partners(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({
        "partners/spcom.yaml": "id: spcom\nname: x\n",
        "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom]\ndate: 2026-03-15\nminutes: 120\n",
    }))
    ueda = ds.meetings_of("ueda")
    assert [m.id for m in ueda] == ["2026-11-10-ueda-regular", "joint"]  # newest first
    end = date(2026, 12, 31)
    assert partner_minutes(ds, "ueda", None, end) == Decimal(120)  # 60 + 120 / 2
    assert partner_minutes(ds, "ueda", date(2026, 4, 1), end) == Decimal(60)
    assert partner_minutes(ds, "spcom", None, end) == Decimal(60)


def test_a_partners_hours_are_its_meetings_and_its_time_entries(workspace: WorkspaceFactory) -> None:
    """SPEC §15: partner show's hours are time report --by partner's (one function says both)."""
    from haru_cli.rules.time import Period, minutes_by_partner, spent

    ds = load_workspace(workspace({
        "partners/spcom.yaml": "id: spcom\nname: x\n",
        "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom]\ndate: 2026-11-15\nminutes: 90\n",
        "time/2026/2026-11.yaml": "id: 2026-11\nentries:\n- {date: 2026-11-02, hours: 1.5, area: consulting, "
                                  "partner: ueda}\n- {date: 2026-11-03, minutes: 20, area: admin}\n",
    }))
    november = Period(date(2026, 11, 1), "month")
    report = minutes_by_partner(spent(ds), november.start, november.end)
    for partner in ("ueda", "spcom"):
        assert partner_minutes(ds, partner, november.start, november.end) == report[partner]
    # ueda: 60 (its own meeting of 11-10) + 45 (half the joint one) + 90 (logged)
    assert report == {"ueda": Decimal(195), "spcom": Decimal(45)}


def test_a_joint_meetings_minutes_add_up_to_the_meeting(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({
        "partners/spcom.yaml": "id: spcom\nname: x\n", "partners/andath.yaml": "id: andath\nname: y\n",
        "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom, andath]\ndate: 2026-11-15\nminutes: 100\n",
    }))
    shares = minutes_by_partner([s for s in spent(ds) if s.partners == ("ueda", "spcom", "andath")])
    assert abs(sum(shares.values()) - Decimal(100)) < Decimal("1e-20") and len(set(shares.values())) == 1


@given(st.lists(entries(), max_size=40), st.lists(meetings(), max_size=20, unique_by=lambda m: m.id), days, days)
@settings(max_examples=150, deadline=None)
def test_a_period_s_items_are_every_item_dated_within_it_in_order(logged: list[TimeEntry], met: list[Meeting],
                                                                  one: date, other: date) -> None:
    """spent_within slices its logs and an index of meetings by month; the definition filters every item."""
    from haru_cli.rules.time import spent, spent_within

    start, end = min(one, other), max(one, other)
    ds = dataset(logged, met)
    assert spent_within(ds, start, end) == [item for item in spent(ds) if start <= item.date <= end]
