"""Changing an existing record (SPEC §8): the edit made in the file's text, the whole workspace validated
as it will be, then the file replaced atomically, or, on any problem, nothing written and exit 1."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable

import typer

from haru_cli.cli.context import Run


def change_record(run: Run, path: str, edit: Callable[[str], str], *, dry_run: bool) -> None:
    """Make `edit` on the file's text: validate the workspace with the result, then write it (or, with
    dry_run, print the diff). The file's BOM and each line's own line end are kept."""
    from haru_cli.cli.editing import problems_with, show_problems
    from haru_cli.cli.inplace import read_record
    from haru_cli.write.lineends import lf_text, with_line_ends
    from haru_cli.write.patch import NotEditable

    was, raw = read_record(run, path)  # refused unless a regular file of UTF-8 text (SPEC §14)
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    before = lf_text(raw.removeprefix(bom))
    try:
        after = edit(before)
    except NotEditable as exc:
        run.fail("cli.change.not_editable", path=path, reason=str(exc))
    if after == before:
        typer.echo(run.t("cli.change.nothing", path=path), err=True)
        return
    problems = problems_with(run, path, after, warnings=True)
    if any(p.severity == "error" for p in problems):
        show_problems(run, problems)
        run.fail("cli.nothing_written")
    show_problems(run, problems)  # the warnings: written all the same, as validate would let it be committed
    if dry_run:
        sys.stdout.writelines(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                                   f"a/{path}", f"b/{path}"))
        return
    write_back(run, path, bom + with_line_ends(raw.removeprefix(bom), after), was)


def write_back(run: Run, path: str, text: str, was: bytes) -> None:
    """Replace the record's file with text, atomically, unless it no longer holds `was` (then nothing)."""
    from haru_cli.write.atomic import Changed, LinkInPath, ReadOnly, replace_existing

    try:
        replace_existing(run.ds.root / path, text, was, within=run.ds.root)
    except Changed:
        run.fail("cli.change.changed", path=path)
    except ReadOnly:
        run.fail("cli.change.read_only", path=path)
    except (LinkInPath, OSError) as exc:
        run.fail("cli.write.failed", path=path, reason=str(exc))
    typer.echo(run.t("cli.change.done", path=path))
