"""Whether a student may be certified on a day, and the certificate a student holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from haru_cli.rules.school import Certification, certificate_of, certification
from tests.helpers import FEES, SCHOOL, Haru, WorkspaceFactory, load_workspace, write_workspace

COURSE = ("id: practice\ntitle: 実践コース\nstart: 2026-04-01\npass_level: 3\nassignments:\n"
          "  - {id: a1, title: 課題1, criteria: [具体性]}\n")


def student(status: str = "enrolled", evaluations: str = "") -> str:
    return (f"id: sato\nname: 佐藤\ncourse: practice\nenrolled: 2026-04-01\nstatus: {status}\n"
            f"evaluations:\n{evaluations or '  []'}\n")


SATO = str(SCHOOL["students/2026-sato.yaml"])
PASSED = "  - {assignment: a1, date: 2026-06-10, levels: {具体性: 4}}"


def decided(tmp_path: Path, files: dict[str, str | bytes | None], on: date) -> Certification:
    ds = load_workspace(write_workspace(tmp_path, {"courses/practice.yaml": COURSE, **files}))
    assert [p for p in ds.problems if p.severity == "error"] == []
    return certification(ds, ds.students["sato"], on)


@pytest.mark.parametrize(("files", "on", "refused"), [
    ({"students/sato.yaml": student(evaluations=PASSED)}, date(2026, 6, 10), None),
    ({"students/sato.yaml": student(evaluations=PASSED)}, date(2026, 6, 9), "not_passed"),  # not held by then
    ({"students/sato.yaml": student()}, date(2026, 6, 10), "not_passed"),
    ({"students/sato.yaml": student("withdrawn", PASSED)}, date(2026, 6, 10), "withdrawn"),
    ({"students/sato.yaml": student(evaluations=PASSED),
      "certificates/2026/haru-2026-0001.yaml": "id: haru-2026-0001\nstudent: sato\ncourse: practice\n"
                                               "issued: 2026-06-10\n"}, date(2026, 6, 11), "certified"),
])
def test_a_student_is_certified_once_having_passed_every_assignment(
        tmp_path: Path, files: dict[str, str | bytes | None], on: date, refused: str | None) -> None:
    assert decided(tmp_path, files, on).refused == refused


def test_the_certificate_a_student_holds_is_of_its_course(tmp_path: Path) -> None:
    ds = load_workspace(write_workspace(tmp_path, {
        "courses/practice.yaml": COURSE, "students/sato.yaml": student(evaluations=PASSED),
        "certificates/2026/haru-2026-0002.yaml": "id: haru-2026-0002\nstudent: sato\ncourse: practice\n"
                                                 "issued: 2026-06-10\n"}))
    assert certificate_of(ds, ds.students["sato"]) == "haru-2026-0002"


@pytest.mark.parametrize(("path", "text", "said"), [
    ("students/2026-sato.yaml", SATO.replace("assignment: a2", "assignment: a9"), "'a9' is no assignment of course"),
    ("students/2026-sato.yaml", SATO.replace("{巻き込み: 3}", "{巻き込み: 3, 熱意: 4}"),
     "exactly the assignment's criteria"),
    ("students/2026-sato.yaml", SATO.replace("{巻き込み: 3}", "{巻き込み: 5}"), "above the course's scale (1 to 4)"),
    ("students/2026-sato.yaml", SATO.replace("course: practice", "course: nope"), "error[ref-course]"),
    ("students/2026-sato.yaml", SATO.replace("2026-tanaka-001", "2026-ueda-001"), "is no student referral"),
    ("students/2026-ito.yaml", str(SCHOOL["students/2026-ito.yaml"]).replace(
        "enrolled: 2026-04-10\n", "enrolled: 2026-04-10\nreferral: 2026-tanaka-001\n"), "already brought student"),
    ("certificates/2026/haru-2026-0001.yaml", "id: haru-2026-0001\nstudent: 2026-ito\ncourse: practice\n"
                                              "issued: 2026-11-01\n", "error[school] student 2026-ito did not meet"),
    ("students/2026-sato.yaml", SATO + "  - {assignment: a2, date: 2026-11-20, levels: {巻き込み: 1}}\n",
     "warning[school] student 2026-sato no longer meets the conditions"),
    ("certificates/2025/haru-2026-0001.yaml", "id: haru-2026-0001\nstudent: 2026-ito\ncourse: practice\n"
                                              "issued: 2026-11-01\n", "error[certificate-year]"),
    ("courses/practice.yaml", str(SCHOOL["courses/practice.yaml"]).replace("id: a2", "id: a1"),
     "assignment id 'a1' is used twice"),
    ("certificates/2026/haru-26-1.yaml", "id: haru-26-1\nstudent: 2026-ito\ncourse: practice\nissued: 2026-11-01\n",
     "error[id]"),
])
def test_school_records_are_checked(workspace: WorkspaceFactory, haru: Haru, path: str, text: str,
                                    said: str) -> None:
    certified = {"certificates/2026/haru-2026-0009.yaml": "id: haru-2026-0009\nstudent: 2026-sato\n"
                                                          "course: practice\nissued: 2026-08-01\n"}
    result = haru("--data", workspace({**FEES, **SCHOOL, **certified, path: text}), "--lang", "en", "validate",
                  "--strict")
    assert result.exit_code == 1 and said in result.stdout, result.stdout
