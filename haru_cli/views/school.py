"""The school as output (SPEC §11.4): each student's progress, and what a certificate says. Pure."""

from __future__ import annotations

from datetime import date
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Student
from haru_cli.rules.school import Progress, certificate_of, latest, progress
from haru_cli.views.shapes import Row, Section, Table


def partner_of(ds: Dataset, student: Student) -> str | None:
    referral = ds.referrals.get(student.referral) if student.referral else None
    return referral.partner if referral else None


def status_json(ds: Dataset, found: list[Progress], today: date) -> dict[str, Any]:
    return {"today": today.isoformat(), "students": [{
        "student": p.student.id, "name": p.student.name, "course": p.student.course, "passed": len(p.passed),
        "assignments": len(p.passed) + len(p.missing), "eligible": p.eligible,
        "certificate": certificate_of(ds, p.student), "referral": p.student.referral,
        "partner": partner_of(ds, p.student)} for p in found]}


STATUS_HEADINGS = ["school.student", "school.course", "status", "school.passed", "school.eligible",
                   "school.certificate", "partner"]


def status_rows(ds: Dataset, found: list[Progress], t: Translator) -> list[Row]:
    rows: list[Row] = []
    for p in found:
        partner = ds.partners.get(partner_of(ds, p.student) or "")
        rows.append([p.student.name, p.course.title if p.course else p.student.course,
                     t.value("student_status", p.student.status),
                     f"{len(p.passed)}/{len(p.passed) + len(p.missing)}",
                     t.yesno(p.eligible), certificate_of(ds, p.student),
                     partner.name if partner else None])
    return rows


def status_table(ds: Dataset, found: list[Progress], t: Translator) -> Table:
    return Table([t(h) for h in STATUS_HEADINGS], status_rows(ds, found, t), t("school.none"))


def referred_by(ds: Dataset, partner_id: str, today: date) -> list[Progress]:
    """The students a partner's referrals brought (受講生獲得, strategy 2), by enrolment, as of today: from an
    index of the students by referring partner, sorted once per dataset, not once per partner."""
    students = ds.index("students_by_referrer", lambda: sorted(ds.students.values(), key=lambda s: (s.enrolled, s.id)),
                        lambda s: [p] if (p := partner_of(ds, s)) is not None else [])
    return [progress(ds, s, today) for s in students.get(partner_id, [])]


def referred_section(ds: Dataset, partner_id: str, today: date, t: Translator) -> Section:
    table = status_table(ds, referred_by(ds, partner_id, today), t)
    return Section(t("school.referred"), headings=table.headings, rows=table.rows, empty=t("school.none_referred"))


def certificate_context(ds: Dataset, p: Progress, certificate: Any, t: Translator) -> dict[str, Any]:
    """What the certificate template is given: plain values only."""
    course = p.course
    assignments = []
    for a in course.assignments if course else []:
        e = latest(p.student, a.id)
        assignments.append({"title": a.title or a.id, "date": e.date if e else None,
                            "levels": t.join([f"{k} {v}" for k, v in (e.levels.items() if e else [])])})
    return {"certificate": certificate, "student": p.student, "course": course, "assignments": assignments}
