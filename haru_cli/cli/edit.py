"""haru edit ID — a record (of any type, broken ones too) in $EDITOR, written back only once it is valid
against the whole workspace (SPEC §8): the original stays as it was until then."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from haru_cli.cli.context import Failure, Run, open_run

if TYPE_CHECKING:
    from haru_cli.rules.lookup import Hit


def _record_file(run: Run, wanted: str) -> str:
    """The workspace path of the record an id, a path or a name names: valid records and skipped files alike."""
    from haru_cli.records.registry import type_of_path

    if "/" in wanted or wanted.endswith(".yaml"):
        given = Path(wanted)
        for base in (Path.cwd(), run.ds.root):
            # The file itself, not what it links to: a linked record is refused by name when read.
            candidate = (base / given).parent.resolve() / given.name
            if os.path.lexists(candidate) and candidate.is_relative_to(run.ds.root.resolve()):
                path = candidate.relative_to(run.ds.root.resolve()).as_posix()
                if type_of_path(path) is not None:
                    return path
        run.fail("cli.edit.not_a_record", path=wanted)
    found = sorted({path for (_, record_id), path in run.ds.every_path().items() if record_id == wanted}
                   | {s.path for s in run.ds.skipped_files.values() if s.stem == wanted})
    if len(found) > 1:
        run.fail("cli.edit.several", id=wanted, paths=", ".join(found))
    return found[0] if found else _named_file(run, wanted)


def _named_file(run: Run, wanted: str) -> str:
    """The file of the record of any type that what a person typed names (SPEC §16: `haru edit ウエダ`), as
    every record argument is resolved (cli/context.resolve_record); a skipped file by the names it gives."""
    from haru_cli.cli.context import record_label
    from haru_cli.records.registry import TYPES
    from haru_cli.rules.lookup import find_record, fold

    found = find_record(run.ds, TYPES, wanted)
    if found.hit is not None:
        return run.ds.path_of(found.hit.kind, found.hit.id)
    folded = fold(wanted)
    skipped = sorted(s.path for s in run.ds.skipped_files.values() if folded and folded in map(fold, s.names))
    if len(skipped) == 1:
        return skipped[0]

    def listing(hits: "list[Hit]") -> str:
        return ", ".join(f"{run.t(f'record.{h.kind.name}')} "
                         + record_label(run.ds, h, run.t, shown_id=run.ds.path_of(h.kind, h.id)) for h in hits[:10])

    if found.candidates or skipped:
        run.fail("cli.edit.several_named", query=wanted, names=", ".join(filter(None, [listing(found.candidates),
                                                                                        ", ".join(skipped)])))
    if found.nearest:
        run.fail("cli.edit.nearest", query=wanted, names=listing(found.nearest))
    run.fail("cli.edit.none", query=wanted)


def edit(ctx: typer.Context, wanted: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    from haru_cli.cli.changing import write_back
    from haru_cli.cli.editing import edit_until_valid
    from haru_cli.cli.inplace import read_record

    run = open_run(ctx, quiet=True)
    path = _record_file(run, wanted)
    was, before = read_record(run, path)  # refused unless a regular file of UTF-8 text (SPEC §14)
    _, after = edit_until_valid(run, path, before, new=False)
    if after == before:
        typer.echo(run.t("cli.change.nothing", path=path), err=True)
        return
    try:
        write_back(run, path, after, was)
    except Failure as exc:  # the file changed meanwhile, or cannot be written: the edit is kept, and named
        import tempfile

        fd, draft = tempfile.mkstemp(prefix="haru-draft-", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(after)
        raise Failure(f"{exc} — {run.t('cli.edit.kept', draft=draft)}") from None
