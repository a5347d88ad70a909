"""Changing an existing record (SPEC §8): the edit made in the file's text, the whole workspace validated
as it will be, then the file replaced atomically, or, on any problem, nothing written and exit 1."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable

import typer

from haru_cli.cli.context import Run


def change_record(run: Run, path: str, edit: Callable[[str], str], *, dry_run: bool, again: bool = False) -> None:
    """Make `edit` on the file's text: validate the workspace with the result, then write it (or, with
    dry_run, print the diff). The file's BOM and each line's own line end are kept. The workspace stays
    locked from reading the file to the rename (SPEC §14). A change that makes an entry repeat one already
    there (`duplicate-entry`) is refused unless `again` says it is meant (SPEC §15)."""
    from haru_cli.write.atomic import workspace_lock
    from haru_cli.write.lineends import lf_text, with_line_ends

    with workspace_lock(run.ds.root):
        was, raw = _bounded(run, path)
        bom = "\ufeff" if raw.startswith("\ufeff") else ""
        before = lf_text(raw.removeprefix(bom))
        after = _edited(run, path, edit, before)
        if after == before:
            typer.echo(run.t("cli.change.nothing", path=path), err=True)
            return
        _validated(run, path, after, again)
        if dry_run:
            sys.stdout.writelines(difflib.unified_diff(before.splitlines(keepends=True),
                                                       after.splitlines(keepends=True), f"a/{path}", f"b/{path}"))
            return
        write_back(run, path, bom + with_line_ends(raw.removeprefix(bom), after), was)


def _bounded(run: Run, path: str) -> tuple[bytes, str]:
    """The file's bytes and text, read through the bounds `validate` reads it with (a regular file of UTF-8
    text, 4 MB, 20,000 values, depth) before anything is built from it (SPEC §14): a file with errors is
    not changed."""
    from haru_cli.cli.editing import show_problems
    from haru_cli.cli.inplace import read_record
    from haru_cli.load.yamlio import parse_yaml

    was, raw = read_record(run, path)
    errors = [p for p in parse_yaml(raw.removeprefix("\ufeff"), path)[1] if p.severity == "error"]
    if errors:
        show_problems(run, errors)
        run.fail("cli.change.has_errors", path=path)
    return was, raw


def _edited(run: Run, path: str, edit: Callable[[str], str], before: str) -> str:
    from haru_cli.write.patch import NotEditable

    try:
        return edit(before)
    except NotEditable as exc:
        run.fail("cli.change.not_editable", path=path, reason=str(exc))


def _validated(run: Run, path: str, after: str, again: bool) -> None:
    """The workspace with the file's new text has no error (its warnings are shown: written all the same,
    as validate would let it be committed), and no new twin of an entry unless `again`."""
    from haru_cli.cli.editing import problems_with, show_problems

    problems = problems_with(run, path, after, warnings=True)
    if any(p.severity == "error" for p in problems):
        show_problems(run, problems)
        run.fail("cli.nothing_written")
    twins = [p for p in problems if p.code == "duplicate-entry" and p.path == path]
    known = sum(p.code == "duplicate-entry" and p.path == path for p in run.ds.problems)
    if len(twins) > known and not again:
        run.fail("cli.change.twin", path=path, where="; ".join(p.message(run.lang) for p in twins))
    show_problems(run, problems)


def write_back(run: Run, path: str, text: str, was: bytes) -> None:
    """Replace the record's file with text, atomically, unless it no longer holds `was` (then nothing)."""
    from haru_cli.write.atomic import Changed, LinkInPath, ReadOnly, replace_existing, workspace_lock

    try:
        with workspace_lock(run.ds.root):
            replace_existing(run.ds.root / path, text, was, within=run.ds.root)
    except Changed:
        run.fail("cli.change.changed", path=path)
    except ReadOnly:
        run.fail("cli.change.read_only", path=path)
    except (LinkInPath, OSError) as exc:
        run.fail("cli.write.failed", path=path, reason=str(exc))
    typer.echo(run.t("cli.change.done", path=path))
