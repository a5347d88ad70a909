"""The school's rules (SPEC §11, rules/school.py): eligibility from each assignment's latest evaluation, and
certificate numbers, against a second formulation written from the SPEC's words."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.models import Assignment, Course, Evaluation, Student
from haru_cli.rules.school import next_number, passed

COURSE = Course(id="c", title="t", start=date(2026, 4, 1), levels=4, pass_level=3, assignments=[
    Assignment(id="a1", criteria=["x", "y"]), Assignment(id="a2", criteria=["z"])])


evaluations = st.lists(st.builds(
    lambda a, day, levels: Evaluation(assignment=a, date=date(2026, 5, 1) + timedelta(days=day),
                                      levels=dict(zip(["x", "y"] if a == "a1" else ["z"], levels, strict=False))),
    st.sampled_from(["a1", "a2"]), st.integers(0, 30), st.lists(st.integers(1, 4), min_size=2, max_size=2)),
    max_size=8)


def model_passed(student: Student, assignment: str) -> bool:
    """SPEC 11.4: the latest evaluation of it — by date, then by order — has every criterion ≥ pass_level."""
    latest = None
    for e in student.evaluations:  # in file order: a later one of the same day replaces an earlier one
        if e.assignment == assignment and (latest is None or e.date >= latest.date):
            latest = e
    criteria = next(a.criteria for a in COURSE.assignments if a.id == assignment)
    return latest is not None and all(latest.levels.get(c, 0) >= 3 for c in criteria)


@settings(max_examples=300, deadline=None)
@given(evaluations)
def test_an_assignment_is_passed_by_its_latest_evaluation_alone(found: list[Evaluation]) -> None:
    student = Student(id="s", name="n", course="c", enrolled=date(2026, 4, 1), evaluations=found)
    for a in ("a1", "a2"):
        assert passed(COURSE, student, a) == model_passed(student, a)
        # earlier evaluations do not matter: keeping only the latest of each assignment changes nothing
        kept = [e for e in found if e.assignment != a]
        mine = [e for e in found if e.assignment == a]
        if mine:
            last = max(range(len(mine)), key=lambda i: (mine[i].date, i))
            only = Student(id="s", name="n", course="c", enrolled=date(2026, 4, 1), evaluations=[*kept, mine[last]])
            assert passed(COURSE, only, a) == passed(COURSE, student, a)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(2025, 2027), st.integers(1, 9999)), max_size=20), st.integers(2025, 2027))
def test_numbers_are_one_more_than_the_year_s_highest(taken: list[tuple[int, int]], year: int) -> None:
    ids = [f"haru-{y}-{n:04d}" for y, n in taken]
    number = next_number(year, ids)
    highest = max([n for y, n in taken if y == year], default=0)
    if highest == 9999:  # the year's numbers are used up: none is made, none reused
        assert number is None
        return
    assert number is not None and number not in ids and number.startswith(f"haru-{year}-")
    assert int(number[-4:]) == highest + 1
