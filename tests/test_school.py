"""The school (SPEC §11): eligibility from each assignment's latest evaluation, and certificate numbers,
against a second formulation written from the SPEC's words; the commands and checks as a user meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.models import Assignment, Course, Evaluation, Student
from haru_cli.rules.school import next_number, passed
from tests.helpers import FEES, SCHOOL, TODAY, Haru, WorkspaceFactory

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


def test_certify_writes_the_next_number_and_refuses_again(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    backdated = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato", "--date", "2026-06-30")
    assert backdated.exit_code == 1 and "not passed by then: a2" in backdated.stderr  # a2 was judged 07-10
    lost = root / "exists.md"
    lost.write_text("mine", encoding="utf-8")  # where the certificate cannot go: no record is written either
    assert haru("--data", root, *TODAY, "school", "certify", "2026-sato", "-o", lost).exit_code == 1
    assert not (root / "certificates").exists()
    done = haru("--data", root, *TODAY, "school", "certify", "2026-sato")
    assert done.exit_code == 0, done.output
    record = (root / "certificates/2026/haru-2026-0001.yaml").read_text(encoding="utf-8")
    assert "student: 2026-sato" in record and "issued: 2026-11-27" in record
    assert "# 修了証" in done.stdout and "佐藤 花子" in done.stdout and "haru-2026-0001" in done.stdout
    again = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato")
    assert again.exit_code == 1 and "certified already: haru-2026-0001" in again.stderr
    early = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-ito")
    assert early.exit_code == 1 and "assignments not passed by then: a1, a2" in early.stderr
    assert not (root / "certificates/2026/haru-2026-0002.yaml").exists()
    status = json.loads(haru("--data", root, *TODAY, "school", "status", "--format", "json").stdout)
    assert {s["student"]: (s["passed"], s["assignments"], s["eligible"], s["certificate"], s["partner"])
            for s in status["students"]} == {"2026-sato": (2, 2, True, "haru-2026-0001", "tanaka"),
                                             "2026-ito": (0, 2, False, None, None)}
    shown = json.loads(haru("--data", root, *TODAY, "partner", "show", "tanaka", "--format", "json").stdout)
    assert [s["student"] for s in shown["students"]] == ["2026-sato"]


def test_two_certifications_at_once_take_two_numbers(workspace: WorkspaceFactory) -> None:
    second = SCHOOL["students/2026-sato.yaml"].replace("2026-sato", "2026-kato").replace(  # type: ignore[union-attr]
        "referral: 2026-tanaka-001\n", "")
    root = workspace({**FEES, **SCHOOL, "students/2026-kato.yaml": second})
    runs = [subprocess.Popen([sys.executable, "-m", "haru_cli", "--data", str(root), *TODAY, "--no-cache", "school",
                              "certify", who], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for who in ("2026-sato", "2026-kato")]
    assert [r.wait(timeout=60) for r in runs] == [0, 0]
    written = sorted(p.name for p in (root / "certificates/2026").iterdir())
    assert written == ["haru-2026-0001.yaml", "haru-2026-0002.yaml"]


def test_evaluate_appends_one_entry(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    before = (root / "students/2026-ito.yaml").read_text(encoding="utf-8")
    done = haru("--data", root, *TODAY, "school", "evaluate", "2026-ito", "a1", "--level", "具体性=4", "--level",
                "効果検証=3", "--tool", "ChatGPT", "--examiner", "社長")
    assert done.exit_code == 0, done.output
    after = (root / "students/2026-ito.yaml").read_text(encoding="utf-8")
    assert after.startswith(before) and "2026-11-27" in after[len(before):]
    wrong = haru("--data", root, *TODAY, "--lang", "en", "school", "evaluate", "2026-ito", "a1", "--level", "具体性=4")
    assert wrong.exit_code == 1 and "exactly the assignment's criteria" in wrong.stderr
    assert (root / "students/2026-ito.yaml").read_text(encoding="utf-8") == after
    bad = haru("--data", root, "school", "evaluate", "2026-ito", "a1", "--level", "具体性")
    assert bad.exit_code == 2


SATO = str(SCHOOL["students/2026-sato.yaml"])


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


def test_new_student_names_itself_from_its_reading(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    done = haru("--data", root, *TODAY, "new", "student", "山田 太郎", "--kana", "ヤマダ タロウ", "--course",
                "practice")
    assert done.exit_code == 0, done.output
    assert Path(root / "students/2026-yamada-tarou.yaml").is_file()


def test_certify_refuses_an_output_name_too_long_before_recording(workspace: WorkspaceFactory, haru: Haru,
                                                                   tmp_path: Path) -> None:
    """A name the file system refuses was an internal error, or a record whose certificate was never written."""
    root = workspace({**FEES, **SCHOOL})
    refused = tmp_path / ("修" * 90 + ".md")  # 273 bytes
    result = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato", "-o", refused)
    assert result.exit_code == 1
    assert result.stderr == (f"haru: cannot write {refused}: the name is too long (273 bytes, at most 255); "
                             "nothing written\n")
    assert not (root / "certificates").exists()
    longest = tmp_path / ("修" * 82 + ".md")  # 249 bytes: its temporary file's name must fit too
    assert haru("--data", root, *TODAY, "school", "certify", "2026-sato", "-o", longest).exit_code == 0
    assert "haru-2026-0001" in longest.read_text(encoding="utf-8")


def test_a_certificate_that_could_not_be_written_is_said_and_rendered_again(
        workspace: WorkspaceFactory, haru: Haru, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC §15: a command that fails after writing part of its work says what it wrote; --render finishes it."""
    import errno

    from haru_cli.write import atomic

    root = workspace({**FEES, **SCHOOL})
    full = tmp_path / "full.md"
    write_new = atomic.write_new

    def disk_full(target: Path, text: str | bytes, **kwargs: Path | None) -> None:
        if target == full:
            raise OSError(errno.ENOSPC, "No space left on device")
        write_new(target, text, **kwargs)

    monkeypatch.setattr(atomic, "write_new", disk_full)
    result = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato", "-o", full)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"haru: wrote certificates/2026/haru-2026-0001.yaml (the certificate record), but could not write the "
        f"certificate to {full}: No space left on device. To print it again: haru school certify 2026-sato "
        "--render -o FILE")
    assert (root / "certificates/2026/haru-2026-0001.yaml").is_file() and not full.exists()
    again = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato")
    assert again.exit_code == 1 and "haru school certify 2026-sato --render" in again.stderr
    rendered = tmp_path / "rendered.md"
    done = haru("--data", root, "--today", "2026-12-20", "school", "certify", "2026-sato", "--render", "-o", rendered)
    assert done.exit_code == 0, done.stderr
    text = rendered.read_text(encoding="utf-8")
    assert "haru-2026-0001" in text and "2026年11月27日" in text  # as issued, whatever today is
    assert sorted(p.name for p in (root / "certificates/2026").iterdir()) == ["haru-2026-0001.yaml"]
    none = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-ito", "--render")
    assert (none.exit_code, none.stderr) == (1, "haru: 2026-ito has no certificate recorded yet (--render prints a "
                                                "recorded one)\n")
    dated = haru("--data", root, *TODAY, "school", "certify", "2026-sato", "--render", "--date", "2026-12-01")
    assert dated.exit_code == 2
