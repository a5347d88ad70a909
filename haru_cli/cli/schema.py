"""haru schema — JSON Schema of every record type, for editors (yaml-language-server)."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, state_of
from haru_cli.escape import visible
from haru_cli.i18n import Translator


def schema(ctx: typer.Context, out: Annotated[str | None, typer.Option("--out", metavar="DIR")] = None) -> None:
    from haru_cli.load.schema import record_schema, schemas
    from haru_cli.render.formats import json_text

    t = Translator(state_of(ctx).language())
    if out is None:
        sys.stdout.write(json_text({name: record_schema(name) for name in schemas()}) + "\n")
        return
    if not out.strip():
        raise typer.BadParameter(t("cli.bad.folder"), param_hint="--out")
    for line in write_schemas(Path(out), t):
        typer.echo(line)


def write_schemas(folder: Path, t: Translator, *, keep_outdated: bool = False, within: Path | None = None) -> list[str]:
    """Write the schema files that are missing. An outdated one is never overwritten: refused, or with
    keep_outdated (init --missing) kept and said so."""
    from haru_cli.cli.output import write_file
    from haru_cli.files import NotRegular, TooLarge, read_regular
    from haru_cli.load.schema import schema_files

    done, outdated = [], []
    for name, text in schema_files().items():
        target = folder / name
        if not os.path.lexists(target):
            write_file(target, text, t, within=within)
            done.append(visible(str(target), one_line=True))
            continue
        try:  # a link, pipe or device named so is never followed, waited on or read without bound
            current = read_regular(target, 4 * len(text.encode()) + 4096).decode("utf-8")
        except NotRegular as exc:
            why = "cli.read.symlink" if exc.variant == "file-name.symlink" else "cli.read.not_regular"
            raise Failure(t("cli.read_failed", path=str(target), reason=t(why))) from None
        except TooLarge:
            current = ""  # larger than any schema of haru's: outdated
        except (OSError, UnicodeDecodeError) as exc:
            raise Failure(t("cli.read_failed", path=str(target), reason=str(exc))) from None
        if current == text:
            done.append(t("cli.schema.up_to_date", path=str(target)))
        elif keep_outdated:
            done.append(t("cli.schema.kept_outdated", path=str(target)))
        else:
            outdated.append(str(target))
    if outdated:
        raise Failure(t("cli.schema.outdated", paths=", ".join(outdated)))
    return done
