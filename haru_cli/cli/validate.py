"""haru validate — the pre-commit gate (SPEC §6)."""

from pathlib import Path
from typing import Annotated, Literal

import typer

from haru_cli.cli.context import Failure, load_checked, problem_line, state_of
from haru_cli.cli.staged import staged_copy
from haru_cli.i18n import Translator


def validate(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATH...")] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    staged: Annotated[bool, typer.Option("--staged")] = False,
    fmt: Annotated[Literal["text", "json"], typer.Option("--format")] = "text",
) -> None:
    from haru_cli.load.documents import document_problems
    from haru_cli.records.problems import Problem
    from haru_cli.render.formats import json_text

    state = state_of(ctx)
    root = state.workspace()
    if staged:
        with staged_copy(root, Translator(state.language())) as copy:
            ds = load_checked(copy, today=state.today)
            documents = document_problems(ds)
        ds.root = root  # problems name the files as the user has them
    else:
        ds = state.load(for_a_person=fmt == "text", quiet=True)
        documents = document_problems(ds)
    t = Translator(state.language(ds))
    selected = _selected(root, paths or [], t)
    problems = [p for p in sorted([*ds.problems, *documents], key=Problem.sort_key)
                if selected is None or p.concerns(selected)]
    # A file's problems beyond the first hundred are one line, but they count (reading.capped).
    errors = sum(p.params["errors"] if p.code == "more-problems" else p.severity == "error" for p in problems)
    warnings = sum(p.params["warnings"] if p.code == "more-problems" else p.severity == "warning" for p in problems)
    ok = errors == 0 and not (strict and warnings)
    if fmt == "json":
        report = {
            "ok": ok,
            "errors": errors,
            "warnings": warnings,
            "problems": [
                {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity,
                 "code": p.code, "message": p.message(t.lang)}
                for p in problems
            ],
        }
        typer.echo(json_text(report))
    else:
        for p in problems:
            typer.echo(problem_line(root, p, t.lang))
        typer.echo(t("cli.validate.summary", files=t.count("files", ds.files), errors=t.count("errors", errors),
                     warnings=t.count("warnings", warnings)))
    raise typer.Exit(0 if ok else 1)


def _selected(root: Path, paths: list[Path], t: Translator) -> set[str] | None:
    """Workspace-relative forms of the given paths (None: report everything). Paths outside the
    workspace are left out: pre-commit with pass_filenames passes every file of a commit (README.md …)."""
    if not paths:
        return None
    selected = set()
    base = root.resolve()
    for path in paths:
        if not path.exists():
            raise Failure(t("cli.validate.no_path", path=str(path)), exit_code=2)
        try:
            relative = path.resolve().relative_to(base).as_posix()
        except ValueError:
            continue
        selected.add("" if relative == "." else relative)
    return selected



