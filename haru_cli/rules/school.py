"""The school (SPEC §11.4, strategy 3.5): which assignments a student passed — each by its latest oral
report — whether the student may be certified on a day, the certificate a student holds, and the next
certificate number of a year. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Literal

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Course, Evaluation, Student
from haru_cli.records.problems import Finding, finding, warn
from haru_cli.records.registry import CERTIFICATE, COURSE, STUDENT
from haru_cli.records.text import Natural, natural

_NUMBER = re.compile(r"haru-([0-9]{4})-([0-9]{4})")


def student_order(s: Student) -> tuple[str, Natural]:
    """Students as lists show them: by course, then id, numbers counted (受講生2 before 受講生10)."""
    return s.course, natural(s.id)


def latest(student: Student, assignment_id: str, as_of: date | None = None) -> Evaluation | None:
    """The student's latest evaluation of the assignment (held by `as_of`, if given): by date, then by
    order (a retake the same day comes later in the file)."""
    found = [(e.date, i) for i, e in enumerate(student.evaluations)
             if e.assignment == assignment_id and (as_of is None or e.date <= as_of)]
    return student.evaluations[max(found)[1]] if found else None


def passed(course: Course, student: Student, assignment_id: str, as_of: date | None = None) -> bool:
    """Every criterion of the assignment at pass_level or above, in its latest evaluation (by `as_of`)."""
    assignment = course.assignment(assignment_id)
    evaluation = latest(student, assignment_id, as_of)
    if assignment is None or evaluation is None:
        return False
    return all(evaluation.levels.get(c, 0) >= course.pass_level for c in assignment.criteria)


@frozen
class Progress:
    student: Student
    course: Course | None
    passed: list[str]  # the assignments passed, in the course's order
    missing: list[str]  # those not (yet)

    @property
    def eligible(self) -> bool:
        return self.course is not None and not self.missing and self.student.status != "withdrawn"


def progress(ds: Dataset, student: Student, as_of: date | None = None) -> Progress:
    """What the student has passed, by the evaluations held by `as_of` (all of them without one)."""
    course = ds.courses.get(student.course)
    if course is None:
        return Progress(student, None, [], [])
    done = [a.id for a in course.assignments if passed(course, student, a.id, as_of)]
    return Progress(student, course, done, [a.id for a in course.assignments if a.id not in done])


def next_number(year: int, taken: Iterable[str]) -> str | None:
    """The next certificate number of the year: one more than the highest issued (never a gap refilled);
    None once the year's four digits are used up (haru-YYYY-9999)."""
    highest = max((int(m.group(2)) for t in taken if (m := _NUMBER.fullmatch(t)) and int(m.group(1)) == year),
                  default=0)
    return f"haru-{year}-{highest + 1:04d}" if highest < 9999 else None


def certificate_of(ds: Dataset, student: Student) -> str | None:
    """The number of the certificate the student holds for its course (the first, should there be two): from
    an index of every certificate by student and course, sorted once per dataset, not for every student."""
    def build() -> dict[tuple[str, str], str]:
        found: dict[tuple[str, str], str] = {}
        for c in sorted(ds.certificates.values(), key=lambda c: c.id):
            found.setdefault((c.student, c.course), c.id)
        return found
    return ds.memo("certificate_of", build).get((student.id, student.course))


Refusal = Literal["certified", "withdrawn", "not_passed"]


@frozen
class Certification:
    """Whether a student may be certified on a day: by the evaluations held by then, once per course."""

    progress: Progress
    issued: date
    already: str | None  # the certificate the student holds already

    @property
    def refused(self) -> Refusal | None:
        """Why not: certified already, withdrawn, or an assignment not passed (yet); None when it may."""
        if self.already is not None:
            return "certified"
        if self.progress.eligible:
            return None
        return "withdrawn" if self.progress.student.status == "withdrawn" else "not_passed"


def certification(ds: Dataset, student: Student, issued: date) -> Certification:
    """Whether the student may be certified on `issued`."""
    return Certification(progress(ds, student, issued), issued, certificate_of(ds, student))


# --- checks (SPEC §6) ---------------------------------------------------------------------------------


def check_school(ds: Dataset) -> Iterator[Finding]:
    """Evaluations judge the course's assignments on exactly their criteria; a referral brings one student
    and is a student referral; a certificate is one per student and course, and its student eligible
    (SPEC §11.4)."""
    for c in ds.courses.values():
        if c.pass_level > c.levels:
            yield finding(COURSE, c.id, ("pass_level",), "school", "school.pass-level", levels=c.levels)
        if c.end is not None and c.end < c.start:
            yield finding(COURSE, c.id, ("end",), "date-order", "date-order.end", end=c.end.isoformat(),
                          start=c.start.isoformat())
        ids: set[str] = set()
        for i, a in enumerate(c.assignments):
            if a.id in ids:
                yield finding(COURSE, c.id, ("assignments", i, "id"), "school", "school.assignment-twice", ref=a.id)
            ids.add(a.id)
            if len(set(a.criteria)) != len(a.criteria):
                yield finding(COURSE, c.id, ("assignments", i, "criteria"), "school", "school.criterion-twice")
    referred: dict[str, str] = {}
    for student in sorted(ds.students.values(), key=lambda s: s.id):
        st, course = student, ds.courses.get(student.course)
        for i, e in enumerate(st.evaluations if course else []):
            assignment = course.assignment(e.assignment) if course else None
            if assignment is None:
                yield finding(STUDENT, st.id, ("evaluations", i, "assignment"), "school", "school.assignment",
                              ref=e.assignment, course=st.course)
                continue
            if set(e.levels) != set(assignment.criteria):
                yield finding(STUDENT, st.id, ("evaluations", i, "levels"), "school", "school.criteria", key=True,
                              criteria=", ".join(assignment.criteria))
            for name, level in e.levels.items():
                if course is not None and level > course.levels:
                    yield finding(STUDENT, st.id, ("evaluations", i, "levels", name), "school", "school.level",
                                  level=level, levels=course.levels)
        if st.referral is not None and st.referral in ds.referrals:
            if ds.referrals[st.referral].kind != "student":
                yield finding(STUDENT, st.id, ("referral",), "school", "school.referral-kind", ref=st.referral)
            elif st.referral in referred:
                yield finding(STUDENT, st.id, ("referral",), "school", "school.referral-twice", ref=st.referral,
                              other=referred[st.referral])
            referred.setdefault(st.referral, st.id)
    seen: dict[tuple[str, str], str] = {}
    for cert in sorted(ds.certificates.values(), key=lambda c: c.id):
        if cert.id[5:9] != f"{cert.issued.year}":
            yield finding(CERTIFICATE, cert.id, ("id",), "school", "school.number-year", year=cert.issued.year)
        if (cert.student, cert.course) in seen:
            yield finding(CERTIFICATE, cert.id, ("student",), "school", "school.certified-twice",
                          other=seen[(cert.student, cert.course)])
        seen.setdefault((cert.student, cert.course), cert.id)
        holder = ds.students.get(cert.student)
        if holder is not None and holder.course != cert.course:
            yield finding(CERTIFICATE, cert.id, ("course",), "school", "school.certificate-course",
                          course=holder.course)
        elif holder is not None and not progress(ds, holder, cert.issued).eligible:
            yield finding(CERTIFICATE, cert.id, ("student",), "school", "school.not-eligible", ref=holder.id,
                          day=cert.issued.isoformat())
        elif holder is not None and not progress(ds, holder).eligible:  # a retake since failed
            yield warn(CERTIFICATE, cert.id, ("student",), "school", "school.no-longer-eligible", ref=holder.id)


CHECKS = [check_school]
