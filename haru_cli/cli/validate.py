"""haru validate — the pre-commit gate (SPEC §6)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, problem_line, say, state_of
from haru_cli.render.formats import json_text


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Report only problems in these files or folders (the whole workspace is still loaded)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    fmt: Annotated[ValidateFormat, typer.Option("--format", help="text (one line per problem) or json.")] = (
        ValidateFormat.text
    ),
) -> None:
    """Check every file and every reference of the workspace.

    One line per problem, `path:line:column: error[CODE] message`, then a summary. Exit 0 when clean
    (warnings allowed unless --strict), 1 when any error.

    Example: haru validate --strict
    """
    state = state_of(ctx)
    root = state.workspace()
    ds = state.load(quiet=True)
    lang = state.language(ds)
    selected = _selected(root, paths or [], lang)
    problems = [p for p in ds.problems if selected is None or p.concerns(selected)]
    # A file's problems beyond the first hundred are one line, but they count (reading.capped).
    errors = sum(p.params["errors"] if p.code == "more-problems" else p.severity == "error" for p in problems)
    warnings = sum(p.params["warnings"] if p.code == "more-problems" else p.severity == "warning" for p in problems)
    ok = errors == 0 and not (strict and warnings)
    if fmt is ValidateFormat.json:
        report = {
            "ok": ok,
            "errors": errors,
            "warnings": warnings,
            "problems": [
                {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity,
                 "code": p.code, "message": p.message(lang)}
                for p in problems
            ],
        }
        typer.echo(json_text(report))
    else:
        for p in problems:
            typer.echo(problem_line(root, p, lang))
        typer.echo(
            say(lang, f"{_count(ds.files, 'file')} checked: {_count(errors, 'error')}, {_count(warnings, 'warning')}",
                f"{ds.files} ファイルを検査: エラー {errors} 件、警告 {warnings} 件")
        )
    raise typer.Exit(0 if ok else 1)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _selected(root: Path, paths: list[Path], lang: str) -> set[str] | None:
    """Workspace-relative forms of the given paths (None: report everything). Paths outside the
    workspace are left out: pre-commit with pass_filenames passes every file of a commit (README.md …)."""
    if not paths:
        return None
    selected = set()
    base = root.resolve()
    for path in paths:
        if not path.exists():
            raise Failure(say(lang, f"no such file or folder: {path}", f"ファイルまたはフォルダ {path} がありません"),
                          exit_code=2)
        try:
            relative = path.resolve().relative_to(base).as_posix()
        except ValueError:
            continue
        selected.add("" if relative == "." else relative)
    return selected
