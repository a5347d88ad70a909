"""haru merge-driver BASE OURS THEIRS PATH — git's merge driver for record files (SPEC §18), run by git as
`merge.haru.driver` with its %O %A %B %P (`haru init --git-config` sets it).

git hands it three temporary files in the top folder of the work tree, where it runs it, and expects the
result in OURS: exit 0 when merged cleanly, 1 when the file holds conflicts. What it reads came from a
repository someone else wrote (SPEC §14): each version is read only as a regular file of at most 4 MB of UTF-8
text (never through a link), and only OURS is written, atomically, and only where git puts it — inside the
folder git runs it in. A version it cannot read is refused: OURS is left as it was and git keeps the file
unmerged, both sides in its index."""

import os
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from haru_cli.cli.context import Failure, problem_line, state_of
from haru_cli.i18n import Translator

SIDES = ("base", "ours", "theirs")


def merge_driver(
    ctx: typer.Context,
    base: Annotated[str, typer.Argument(metavar="BASE")],
    ours: Annotated[str, typer.Argument(metavar="OURS")],
    theirs: Annotated[str, typer.Argument(metavar="THEIRS")],
    path: Annotated[str, typer.Argument(metavar="PATH")],
) -> None:
    from haru_cli.write.merge_file import merge_texts

    t = Translator(state_of(ctx).language())
    here = Path.cwd()
    files = dict(zip(SIDES, (base, ours, theirs), strict=True))
    target = Path(os.path.abspath(ours))
    if not target.is_relative_to(here):
        raise Failure(t("cli.merge.outside", file=ours, folder=str(here)))
    texts, was = _read(files, path, t)
    kind, model = _record_type(here, path)
    outcome = merge_texts(texts["base"], texts["ours"], texts["theirs"], path, model, kind)
    _write(target, outcome.text, was, here, path, t)
    if outcome.clean:
        return
    for problem in outcome.problems:
        typer.echo(problem_line(here, problem, t.lang), err=True)
    side = t(f"cli.merge.side.{outcome.side}") if outcome.side else ""
    keys = ", ".join(".".join(str(s) for s in p) or t("cli.merge.whole") for p in outcome.conflicts)
    why = outcome.why
    if why == "conflict" and kind is not None and kind.name == "certificate":  # one number, two students
        why = "certificate"
    raise Failure(t(f"cli.merge.{why}", path=path, side=side, keys=keys, reason=outcome.reason or ""))


def _read(files: dict[str, str], path: str, t: Translator) -> tuple[dict[str, str], bytes]:
    """The three versions' texts and OURS' bytes; a version that is not a regular file of UTF-8 text within
    the bound is refused, naming it and why (nothing is written: git keeps both sides)."""
    from haru_cli.files import MAX_FILE_BYTES, NotRegular, TooLarge, read_regular
    from haru_cli.load.yamlio import decode

    texts, was = {}, b""
    for side, file in files.items():
        try:
            raw = read_regular(file)
        except NotRegular as exc:
            _refuse(t, path, side, file, "link" if exc.variant == "file-name.symlink" else "not_regular")
        except TooLarge:
            _refuse(t, path, side, file, "too_large", limit=MAX_FILE_BYTES // 2**20)
        except OSError as exc:
            _refuse(t, path, side, file, "unreadable", reason=exc.strerror or str(exc))
        text, problems = decode(raw, path)
        if text is None:
            _refuse(t, path, side, file, "encoding", guess=str(problems[0].params.get("guess", "")) if problems else "")
        texts[side] = raw.decode("utf-8")  # its BOM kept: a file's own, written back
        if side == "ours":
            was = raw
    return texts, was


def _refuse(t: Translator, path: str, side: str, file: str, why: str, **params: Any) -> NoReturn:
    reason = t(f"cli.merge.reason.{why}", **params)
    raise Failure(t("cli.merge.refused", path=path, side=t(f"cli.merge.side.{side}"), file=file, reason=reason))


def _record_type(here: Path, path: str) -> tuple[Any, Any]:
    """The record type of the file git merges (its path from the top of the work tree) and the model it must
    validate as: the nearest folder above it holding a haru.yaml is its workspace. haru.yaml validates as the
    settings; any other YAML file only as YAML."""
    from haru_cli.records.models import Settings
    from haru_cli.records.registry import SETTINGS_FILE, type_of_path

    parts = Path(path).parts
    if Path(path).is_absolute() or ".." in parts or not parts:
        return None, None
    for depth in range(len(parts) - 1, -1, -1):
        settings = here.joinpath(*parts[:depth], SETTINGS_FILE)
        if settings.is_file() and not settings.is_symlink():
            inner = parts[depth:]
            if inner == (SETTINGS_FILE,):
                return None, Settings
            kind = type_of_path("/".join(inner))
            if kind is not None and len(inner) == kind.depth + 1 and inner[-1].endswith(".yaml"):
                return kind, kind.model
            return None, None
    return None, None


def _write(target: Path, text: str, was: bytes, here: Path, path: str, t: Translator) -> None:
    """OURS replaced by the result, atomically and never through a link (unchanged: left alone)."""
    from haru_cli.write.atomic import Changed, LinkInPath, ReadOnly, replace_existing

    if text.encode("utf-8") == was:
        return
    try:
        replace_existing(target, text, was, within=here)
    except (Changed, LinkInPath, ReadOnly, OSError) as exc:
        raise Failure(t("cli.write.failed", path=str(target), reason=str(exc))) from None
