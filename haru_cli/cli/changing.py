"""Changing an existing record (SPEC §8, §16): the edit made in the file's text, the whole workspace validated
as it will be, the change shown, then the file replaced atomically, or, on any problem, nothing written and
exit 1."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable

import typer

from haru_cli.cli.context import Run
from haru_cli.records.frozen import frozen


@frozen
class Change:
    """An edit of one record's file, made in its text and not written yet."""

    path: str  # relative to the workspace
    was: bytes  # the file's bytes when it was read: it is replaced only if it still holds them
    raw: str  # its text as read, BOM and line ends included
    before: str  # the text the edit was made on (LF line ends, no BOM)
    after: str  # the edited text (LF line ends, no BOM): what is validated

    @property
    def text(self) -> str:
        """What the file will hold: the edited text with the file's BOM and each line's own line end."""
        from haru_cli.write.lineends import with_line_ends

        bom = "\ufeff" if self.raw.startswith("\ufeff") else ""
        return bom + with_line_ends(self.raw.removeprefix(bom), self.after)

    def diff(self) -> list[str]:
        return list(difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                         f"a/{self.path}", f"b/{self.path}"))


def change_record(run: Run, path: str, edit: Callable[[str], str], *, dry_run: bool, again: bool = False) -> None:
    """Make `edit` on the file's text: validate the workspace with the result, show the change (a diff),
    then write it (with dry_run, only show it). The file's BOM and each line's own line end are kept. The
    workspace stays locked from reading the file to the rename (SPEC §14). A change that makes an entry
    repeat one already there (`duplicate-entry`) is refused unless `again` says it is meant (SPEC §15)."""
    from haru_cli.write.atomic import workspace_lock

    with workspace_lock(run.ds.root):
        change = prepare_change(run, path, edit)
        if change.after == change.before:
            typer.echo(run.t("cli.change.nothing", path=path), err=True)
            return
        check_changes(run, {path: change.after}, again)
        sys.stdout.writelines(change.diff())
        if not dry_run:
            write_back(run, path, change.text, change.was)


def prepare_change(run: Run, path: str, edit: Callable[[str], str]) -> Change:
    """The record's file read (through validate's bounds) and `edit` made on its text; nothing written.
    Call it holding the workspace's lock, and write what it gives before letting go."""
    from haru_cli.write.lineends import lf_text

    was, raw = _bounded(run, path)
    before = lf_text(raw.removeprefix("\ufeff"))
    return Change(path, was, raw, before, _edited(run, path, edit, before))


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


def check_changes(run: Run, texts: dict[str, str], again: bool = False) -> None:
    """The workspace with these files' new texts has no error (its warnings are shown: written all the same,
    as validate would let them be committed), and no new twin of an entry unless `again`."""
    from haru_cli.cli.editing import problems_with, show_problems

    (first, text), *others = texts.items()
    problems = problems_with(run, first, text, warnings=True, also=dict(others))
    if any(p.severity == "error" for p in problems):
        show_problems(run, problems)
        run.fail("cli.nothing_written")
    for path in texts:
        twins = [p for p in problems if p.code == "duplicate-entry" and p.path == path]
        known = sum(p.code == "duplicate-entry" and p.path == path for p in run.ds.problems)
        if len(twins) > known and not again:
            run.fail("cli.change.twin", path=path, where="; ".join(p.message(run.lang) for p in twins))
    show_problems(run, problems)


def write_back(run: Run, path: str, text: str, was: bytes, *, err: bool = False) -> None:
    """Replace the record's file with text, atomically, unless it no longer holds `was` (then nothing); say
    so on stdout (on stderr with `err`, where stdout is a document)."""
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
    typer.echo(run.t("cli.change.done", path=path), err=err)
