"""haru school status | certify | evaluate — the AI school's students: their practical assignments judged by
oral report, and their certificates (SPEC §11)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from haru_cli.cli.context import Run, open_run, parse_cli_date
from haru_cli.cli.output import (
    AgainOption,
    DryRunOption,
    FormatOption,
    MinutesOption,
    OutputOption,
    TemplateOption,
    check_new_output,
    emit_table,
    emit_text,
)
from haru_cli.records.models import Certificate, Student
from haru_cli.rules.school import Certification, Progress

if TYPE_CHECKING:
    from haru_cli.cli.changing import Change

app = typer.Typer(no_args_is_help=True)
StudentArgument = Annotated[str, typer.Argument(metavar="STUDENT")]


@app.command("status")
def school_status(
    ctx: typer.Context,
    course: Annotated[str | None, typer.Option("--course")] = None,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.records.registry import COURSE
    from haru_cli.rules.school import progress, student_order
    from haru_cli.views import school as views

    run = open_run(ctx, fmt=fmt)
    only = run.partner(partner).id if partner is not None else None
    course = run.record(COURSE, course).id if course is not None else None
    found = [progress(run.ds, s, run.today) for s in sorted(run.ds.students.values(), key=student_order)
             if (course is None or s.course == course) and (only is None or views.partner_of(run.ds, s) == only)]
    emit_table(fmt, lambda: views.status_json(run.ds, found, run.today),
               lambda: views.status_table(run.ds, found, run.t), run.t)


@app.command("certify")
def school_certify(
    ctx: typer.Context,
    student_id: StudentArgument,
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    output: OutputOption = None,
    template_file: TemplateOption = None,
    render: Annotated[bool, typer.Option("--render")] = False,
) -> None:
    """Write the certificate record with the next number of the year, then the certificate itself (with
    --render, only the certificate of the one recorded: a run that could not write it is finished so)."""
    from haru_cli.records.registry import STUDENT
    from haru_cli.rules.school import certification

    run = open_run(ctx, quiet=True)
    student = run.record(STUDENT, student_id)
    if render:
        _render_again(run, student, day, output, template_file)
        return
    found = certification(run.ds, student, run.today if day is None else parse_cli_date(day, "--date", run.lang))
    if found.refused == "certified":
        run.fail("cli.school.certified", student=student.id, certificate=found.already)
    if found.refused == "withdrawn":
        run.fail("cli.school.withdrawn", student=student.id)
    if found.refused == "not_passed":
        run.fail("cli.school.not_passed", student=student.id, assignments=run.t.join(found.progress.missing),
                 day=found.issued.isoformat())
    check_new_output(output, run.t)  # before the record: a certificate that cannot be written stops nothing half-way
    path, shown = _record_certificate(run, found, template_file)
    typer.echo(run.t("cli.school.written", path=path), err=True)
    _emit_certificate(run, shown, output, path, student.id)


def _record_certificate(run: Run, found: Certification, template_file: Path | None) -> tuple[str, str]:
    """The certificate record written with the next free number of the year, and the student marked
    completed; the certificate rendered first (a record without its certificate could never be printed)."""
    from haru_cli.cli.editing import problems_with, show_problems
    from haru_cli.records.registry import CERTIFICATE
    from haru_cli.rules.school import next_number
    from haru_cli.write.atomic import workspace_lock, write_new
    from haru_cli.write.authoring import record_text

    student, issued = found.progress.student, found.issued
    taken = set(run.ds.taken(CERTIFICATE))
    while (number := next_number(issued.year, taken)) is not None:  # another certify may take one first
        shown = _render(run, found.progress, Certificate(id=number, student=student.id, course=student.course,
                                                         issued=issued), template_file)
        path = CERTIFICATE.path(number, issued.year)
        data = {"id": number, "student": student.id, "course": student.course, "issued": issued.isoformat()}
        text = record_text(path, data, with_schema=(run.ds.root / "schemas").is_dir())
        with workspace_lock(run.ds.root):  # from the validation to the write: one certificate per student
            completion = _completion(run, student)
            also = {completion.path: completion.after} if completion is not None else None
            problems = [p for p in problems_with(run, path, text, also=also) if p.severity == "error"]
            if problems:
                show_problems(run, problems)
                run.fail("cli.nothing_written")
            try:
                write_new(run.ds.root / path, text, within=run.ds.root)
            except FileExistsError:  # the next number, never over this one
                taken.add(number)
                continue
            except OSError as exc:
                run.fail("cli.write.failed", path=path, reason=str(exc))
            if completion is not None:
                _complete(run, completion, path)
        return path, shown
    run.fail("cli.school.no_number", year=issued.year)


def _completion(run: Run, student: Student) -> "Change | None":
    """The student's `status: completed`, made in its file's text (its line only); None when it says so
    already. Made under the workspace's lock, and validated with the certificate: both, or neither."""
    from haru_cli.cli.changing import prepare_change
    from haru_cli.records.registry import STUDENT
    from haru_cli.write.patch import set_value

    if student.status == "completed":
        return None
    return prepare_change(run, run.ds.path_of(STUDENT, student.id),
                          lambda text: set_value(text, ("status",), "completed"))


def _complete(run: Run, completion: "Change", certificate: str) -> None:
    """The student's file replaced; if it cannot be (changed meanwhile, read-only, a full disk), the
    certificate record just written is taken away again: never a certificate of a student still enrolled."""
    from haru_cli.cli.changing import write_back
    from haru_cli.cli.context import Failure

    try:
        write_back(run, completion.path, completion.text, completion.was, err=True)
    except Failure as exc:
        try:
            (run.ds.root / certificate).unlink()
        except OSError as left:  # said exactly, so that a person can finish it (SPEC §15)
            run.fail("cli.school.half_done", certificate=certificate, student=completion.path, why=str(exc),
                     reason=left.strerror or str(left))
        raise


def _emit_certificate(run: Run, shown: str, output: Path | None, record: str, student: str) -> None:
    """The certificate, its record written already: a failure to write it (a full disk, a name the file
    system refuses) says exactly what was written, and how the next run finishes it (SPEC §15)."""
    from haru_cli.write.atomic import write_new

    if output is None or str(output) == "-":
        emit_text(shown, output, run.t)
        return
    try:
        write_new(output, shown)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        run.fail("cli.school.not_rendered", record=record, output=str(output), reason=reason, student=student)
    typer.echo(run.t("cli.wrote", path=str(output)), err=True)


def _render_again(run: Run, student: Student, day: str | None, output: Path | None,
                  template_file: Path | None) -> None:
    """The certificate of the student's recorded certification, as it was issued; nothing recorded."""
    from haru_cli.cli.context import Failure
    from haru_cli.rules.school import certificate_of, progress

    if day is not None:
        raise Failure(run.t("cli.school.render_date"), exit_code=2)
    number = certificate_of(run.ds, student)
    if number is None:
        run.fail("cli.school.not_certified", student=student.id)
    certificate = run.ds.certificates[number]
    check_new_output(output, run.t)
    shown = _render(run, progress(run.ds, student, certificate.issued), certificate, template_file)
    emit_text(shown, output, run.t)


def _render(run: Run, found: Progress, certificate: Certificate, template_file: Path | None) -> str:
    from haru_cli.render.templates import render_document
    from haru_cli.views.school import certificate_context

    context = {**certificate_context(run.ds, found, certificate, run.t), "t": run.t, "today": run.today,
               "company": run.ds.settings.company, "incomplete": []}
    return render_document("certificate", context, workspace=run.ds.root, lang=run.lang,
                           template_file=template_file, names={p.id: p.name for p in run.ds.partners.values()})


def _levels(values: list[str], lang: str) -> dict[str, int]:
    """--level 具体性=4 …: each criterion once, a whole level."""
    from haru_cli.i18n import text

    found: dict[str, int] = {}
    for value in values:
        name, sep, level = value.partition("=")
        if not sep or not name.strip() or not level.strip().isdigit() or name.strip() in found:
            raise typer.BadParameter(text("cli.bad.level", lang, value=value), param_hint="--level")
        found[name.strip()] = int(level.strip())
    return found


@app.command("renumber")
def school_renumber(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="PATH")],
    output: OutputOption = None,
    template_file: TemplateOption = None,
) -> None:
    """A certificate number taken on two branches (SPEC §18): ours keeps it, theirs gets the next free number
    with `replaces:`, and its certificate is rendered again."""
    from haru_cli.cli.renumber import settle
    from haru_cli.rules.school import progress

    run = open_run(ctx, quiet=True)
    check_new_output(output, run.t)
    found = settle(run, _workspace_path(run, path))
    if found.moved is None or found.moved_path is None:
        typer.echo(run.t("cli.school.renumber.same_student", path=path, student=found.kept.student), err=True)
        return
    typer.echo(run.t("cli.school.renumber.done", kept=found.kept.id, student=found.kept.student,
                     moved=found.moved.id, other=found.moved.student, path=found.moved_path), err=True)
    student = run.ds.students.get(found.moved.student)
    if student is None:  # its file is skipped (in conflict too): the record is written, the document waits
        run.fail("cli.school.renumber.not_rendered", student=found.moved.student)
    shown = _render(run, progress(run.ds, student, found.moved.issued), found.moved, template_file)
    _emit_certificate(run, shown, output, found.moved_path, student.id)


def _workspace_path(run: Run, given: str) -> str:
    """A file's path as given (from here, or from the workspace) as its path in the workspace."""
    import os

    for base in (Path.cwd(), run.ds.root):
        full = Path(os.path.abspath(base / given))
        if full.is_relative_to(run.ds.root.resolve()) and os.path.lexists(full):
            return full.relative_to(run.ds.root.resolve()).as_posix()
    run.fail("cli.school.renumber.no_file", path=given)


@app.command("evaluate")
def school_evaluate(
    ctx: typer.Context,
    student_id: StudentArgument,
    assignment: Annotated[str, typer.Argument(metavar="ASSIGNMENT")],
    level: Annotated[list[str], typer.Option("--level", metavar="CRITERION=LEVEL")],
    day: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD")] = None,
    examiner: Annotated[str | None, typer.Option("--examiner", metavar="NAME")] = None,
    minutes: MinutesOption = None,
    tool: Annotated[list[str] | None, typer.Option("--tool", metavar="TOOL")] = None,
    comment: Annotated[str | None, typer.Option("--comment", metavar="TEXT")] = None,
    again: AgainOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Append one evaluation (an oral report) to the student's record: only its lines change."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import STUDENT
    from haru_cli.write.patch import append

    run = open_run(ctx, quiet=True)
    student = run.record(STUDENT, student_id)
    when = run.today if day is None else parse_cli_date(day, "--date", run.lang)
    entry: dict[str, object] = {"assignment": assignment, "date": when.isoformat()}
    entry |= {k: v for k, v in (("examiner", examiner), ("minutes", minutes), ("tools", tool or None)) if v is not None}
    entry["levels"] = _levels(level, run.lang)
    if comment:
        entry["comment"] = comment
    path = run.ds.path_of(STUDENT, student.id)
    change_record(run, path, lambda text: append(text, ("evaluations",), entry), dry_run=dry_run, again=again)

