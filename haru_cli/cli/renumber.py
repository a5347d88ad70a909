"""A certificate number taken on two branches, settled (SPEC §18, for `haru school renumber`): both branches
certified a student as haru-2026-0005, so the merge left that file between conflict markers. The certificate
of the current branch (ours) keeps the number; the other student's gets the year's next free number, with
`replaces:` naming the number it was issued under. Both files are validated with the whole workspace, then
written under the workspace's lock."""

from __future__ import annotations

from haru_cli.cli.context import Failure, Run
from haru_cli.cli.editing import problems_with, show_problems
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Certificate


@frozen
class Settled:
    kept: Certificate  # ours, under its number, in the file it was
    moved: Certificate | None  # theirs, under its new number; None when both certified the same student
    moved_path: str | None


def settle(run: Run, path: str) -> Settled:
    """Ours written back into the file, theirs (another student's) written under the next free number."""
    from haru_cli.cli.changing import write_back
    from haru_cli.cli.inplace import read_record
    from haru_cli.records.registry import CERTIFICATE, type_of_path
    from haru_cli.rules.school import next_number
    from haru_cli.write.atomic import workspace_lock, write_new
    from haru_cli.write.authoring import record_text
    from haru_cli.write.merge_text import split_conflicts

    if type_of_path(path) is not CERTIFICATE or path.count("/") != 2:
        run.fail("cli.school.renumber.not_certificate", path=path)
    with workspace_lock(run.ds.root):
        was, text = read_record(run, path)
        sides = split_conflicts(text)
        if sides is None:
            run.fail("cli.school.renumber.no_conflict", path=path)
        ours, theirs = (_certificate(run, path, side, name) for side, name in zip(sides, ("ours", "theirs"),
                                                                                    strict=True))
        if ours.id != theirs.id:
            run.fail("cli.school.renumber.not_same", path=path, ours=ours.id, theirs=theirs.id)
        if (ours.student, ours.course) == (theirs.student, theirs.course):  # one student, certified on both
            _check(run, {path: sides[0]})
            write_back(run, path, sides[0], was, err=True)
            return Settled(ours, None, None)
        taken = run.ds.taken(CERTIFICATE) | {ours.id}
        number = next_number(theirs.issued.year, taken)
        if number is None:
            run.fail("cli.school.no_number", year=theirs.issued.year)
        moved = Certificate(id=number, student=theirs.student, course=theirs.course, issued=theirs.issued,
                            replaces=theirs.id)
        moved_path = CERTIFICATE.path(number, theirs.issued.year)
        data = {"id": number, "student": moved.student, "course": moved.course, "issued": moved.issued.isoformat(),
                "replaces": theirs.id}
        moved_text = record_text(moved_path, data, with_schema=(run.ds.root / "schemas").is_dir())
        _check(run, {path: sides[0], moved_path: moved_text})
        try:
            write_new(run.ds.root / moved_path, moved_text, within=run.ds.root)
        except OSError as exc:
            run.fail("cli.write.failed", path=moved_path, reason=str(exc))
        try:
            write_back(run, path, sides[0], was, err=True)
        except Failure:  # never theirs twice: the new file goes again, and the conflict stays as it was
            (run.ds.root / moved_path).unlink(missing_ok=True)
            raise
        return Settled(ours, moved, moved_path)


def _certificate(run: Run, path: str, text: str, side: str) -> Certificate:
    """One side's certificate, read and validated as the file it was."""
    from haru_cli.cli.editing import show_problems
    from haru_cli.load.validation import validate
    from haru_cli.load.yamlio import parse_yaml

    doc, problems = parse_yaml(text, path)
    record = validate(Certificate, doc, path, problems) if doc is not None else None
    if record is None or any(p.severity == "error" for p in problems):
        show_problems(run, problems)
        run.fail("cli.school.renumber.side_invalid", path=path, side=run.t(f"cli.merge.side.{side}"))
    return record


def _check(run: Run, texts: dict[str, str]) -> None:
    """The workspace with these files as they will be has no error, or nothing is written."""
    (first, text), *others = texts.items()
    errors = [p for p in problems_with(run, first, text, also=dict(others)) if p.severity == "error"]
    if errors:
        show_problems(run, errors)
        run.fail("cli.nothing_written")
