"""Editing a record in $EDITOR, visudo-style (`haru new --edit`, `haru edit`): the draft is validated
against the whole workspace as it will be; its problems are shown, then the user re-edits or abandons;
only a valid version is ever written, atomically. The draft is removed when the run ends, unless the user
abandons it or interrupts the editor: then it is kept, and named."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from haru_cli.cli.context import Failure, Run, load_checked, problem_line

if TYPE_CHECKING:
    from haru_cli.records.problems import Problem

DRAFT_NOTE = "# haru: "


def interactive() -> bool:
    """Whether someone is there to answer a question (haru is run from a terminal)."""
    return sys.stdin.isatty()


def problems_with(run: Run, path: str, text: str, *, warnings: bool = False,
                  also: dict[str, str] | None = None) -> list[Problem]:
    """The errors (and, asked for, the warnings) the workspace would have in, or because of, that file
    with that text (and the files of `also` with theirs: a change of two files validated as one)."""
    overlay = {path: text, **(also or {})}
    # Each unchanged file as the parse cache has it: only the files of the overlay are read (and nothing cached).
    after = load_checked(run.ds.root, overlay=overlay, today=run.today, cache=run.state.cache)
    return [p for p in after.problems if (warnings or p.severity == "error") and p.concerns(set(overlay))]


def show_problems(run: Run, problems: list[Problem]) -> None:
    for p in problems:
        typer.echo(problem_line(run.ds.root, p, run.lang), err=True)


class _Abandoned(Exception):
    """The user chose to abandon an invalid draft."""


def edit_until_valid(run: Run, path: str, text: str, *, place: Callable[[str, str], str] | None = None,
                     new: bool = True) -> tuple[str, str]:
    """Open `text` in $EDITOR until it is valid as the file at `path`; return the final path and text.
    `place(path, text)` says where an edited new record belongs (its id may have changed); `new` refuses
    a path that exists. What haru puts around the record in the draft (its notes, the schema line's full
    path) is taken away exactly: an editor that changes nothing gives back `text`, byte for byte."""
    try:
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    except ValueError:
        raise Failure(run.t("cli.edit.bad_editor")) from None
    if not editor:
        raise Failure(run.t("cli.edit.no_editor"))
    fd, name = tempfile.mkstemp(prefix="haru-draft-", suffix=".yaml")
    draft = Path(name)
    keep = False
    try:
        wrapping = _Wrapping(run, path)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:  # the record's own line ends
            handle.write(wrapping.draft(text))
        return _loop(run, path, draft, editor, place, new, wrapping)
    except _Abandoned:
        keep = True
        raise Failure(run.t("cli.edit.abandoned", draft=str(draft))) from None
    except KeyboardInterrupt:
        keep = True
        raise Failure(run.t("cli.edit.interrupted", draft=str(draft)), exit_code=130) from None
    finally:
        if not keep:
            draft.unlink(missing_ok=True)


def _loop(run: Run, path: str, draft: Path, editor: list[str], place: Callable[[str, str], str] | None,
          new: bool, wrapping: _Wrapping) -> tuple[str, str]:
    t = run.t
    while True:
        try:
            finished = subprocess.run([*editor, str(draft)]).returncode == 0
        except OSError as exc:
            raise Failure(t("cli.edit.cannot_start", editor=editor[0], reason=exc.strerror or str(exc))) from None
        if not finished:
            raise Failure(t("cli.edit.editor_failed"))
        saved, problems = _read_draft(draft, path)
        body = wrapping.record(saved) if saved is not None else None
        if body is not None:
            if not body.lstrip("\ufeff").strip():
                raise Failure(t("cli.edit.empty"))
            if place is not None:
                path = place(path, body)
            if new and (run.ds.root / path).exists():
                raise Failure(t("cli.edit.exists", path=path))
            problems = problems_with(run, path, body)
            if not problems:
                return path, body
        show_problems(run, problems)  # what is wrong, before asking what to do about it
        if not interactive():  # no one to ask: nothing is written, and the draft goes
            raise Failure(t("cli.edit.refused"))
        answer = typer.prompt(t("cli.edit.ask"), default="e")
        if answer.strip().lower().startswith("a"):
            raise _Abandoned
        if body is None:  # a draft haru cannot read (saved in another encoding) is opened again as it is
            continue
        # The notes go above the record: its own problems' line numbers move down with it.
        notes = [problem_line(run.ds.root, p, run.lang, line_offset=len(problems) if p.path == path else 0)
                 for p in problems]
        with draft.open("w", encoding="utf-8", newline="") as handle:
            handle.write(wrapping.draft(body, notes))


def _read_draft(draft: Path, path: str) -> tuple[str | None, list[Problem]]:
    """The saved draft's text (a BOM and every line end as saved), or the problems why it cannot be read."""
    from haru_cli.files import NotRegular, TooLarge, read_regular
    from haru_cli.load.yamlio import decode, read_text

    try:
        raw = read_regular(draft)
    except (TooLarge, NotRegular, OSError):
        return read_text(draft, path)  # the same again: its problem says why
    text, problems = decode(raw, path)
    return (raw.decode("utf-8") if text is not None else None), problems


class _Wrapping:
    """What the draft holds beside the record, and how to take it away exactly. The draft lives outside the
    workspace: the schema line at the top of the record names the schema by its full path there (only the
    line haru wrote, as it wrote it, is put back); haru's notes on the problems go above the record (only
    lines haru wrote, at the top, are taken away: a `# haru: ` line of the record, in a quoted text, stays)."""

    def __init__(self, run: Run, path: str) -> None:
        from haru_cli.write.authoring import SCHEMA_COMMENT, schema_comment

        self.relative = schema_comment(path).rstrip("\n")
        schema = (run.ds.root / "schemas" / self.relative.rsplit("/", 1)[1]).resolve()
        self.absolute = f"{SCHEMA_COMMENT}{schema}"
        self.swapped = False
        self.notes: set[str] = set()

    def draft(self, text: str, notes: list[str] | None = None) -> str:
        self.notes = {f"{DRAFT_NOTE}{note}" for note in notes or []}
        text, self.swapped = _swap_top_comment(text, self.relative, self.absolute)
        return "".join(f"{DRAFT_NOTE}{note}\n" for note in notes or []) + text

    def record(self, saved: str) -> str:
        lines = saved.split("\n")
        while len(lines) > 1 and lines[0].removesuffix("\r") in self.notes:
            lines.pop(0)
        text = "\n".join(lines)
        return _swap_top_comment(text, self.absolute, self.relative)[0] if self.swapped else text


def _swap_top_comment(text: str, old: str, new: str) -> tuple[str, bool]:
    """The text with the line `old`, among the comments at its top, made `new` (its BOM and line end kept)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        bom = "\ufeff" if i == 0 and line.startswith("\ufeff") else ""
        bare = line.removeprefix(bom).removesuffix("\r")
        if bare == old:
            lines[i] = bom + new + line[len(bom) + len(bare):]
            return "\n".join(lines), True
        if bare.strip() and not bare.lstrip().startswith("#"):
            break
    return text, False


def placed(path: str, body: str) -> str:
    """Where an edited new record belongs: its id and, for a record filed by year, its date may have changed."""
    from haru_cli.load.yamlio import parse_yaml
    from haru_cli.records.registry import type_of_path
    from haru_cli.records.values import Invalid, Month, parse_date, parse_slug

    kind = type_of_path(path)
    doc, _ = parse_yaml(body, path)
    data: dict[str, Any] = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    try:
        record_id = parse_slug(data.get("id"))
    except Invalid:  # no usable id: keep the path, validation will say what is wrong
        return path
    if kind is None:
        return path
    if kind.by_year is None:
        return kind.path(record_id)
    value = data.get(kind.by_year)
    try:
        year = parse_date(value).year if kind.by_year != "id" else Month.parse(value).year  # a time log's month
    except Invalid:
        return f"{path.rsplit('/', 1)[0]}/{record_id}.yaml"
    return kind.path(record_id, year)
