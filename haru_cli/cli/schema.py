"""haru schema — JSON Schema of every record type, for editors (yaml-language-server)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, say, state_of


def schema(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", help="Write one <type>.schema.json per record type here.")]
    = None,
) -> None:
    """JSON Schema (draft 2020-12) of partners, contracts, meetings, referrals and haru.yaml, with
    Japanese and English descriptions that editors show on hover. Without --out, one JSON object.

    Example: haru schema --out schemas
    """
    from haru_cli.render import json_text
    from haru_cli.schema import SCHEMAS, record_schema

    lang = state_of(ctx).language()
    if out is None:
        sys.stdout.write(json_text({name: record_schema(name) for name in SCHEMAS}) + "\n")
        return
    for line in write_schemas(out, lang):
        typer.echo(line)


def write_schemas(folder: Path, lang: str) -> list[str]:
    """Write the schema files that are missing; an outdated one is refused, never overwritten."""
    from haru_cli.schema import schema_files
    from haru_cli.yamlio import write_new

    done = []
    for name, text in schema_files().items():
        target = folder / name
        if target.exists():
            if target.read_text(encoding="utf-8") != text:
                raise Failure(say(lang, f"{target} exists and differs: remove it to write the current schema",
                                  f"{target} は既にあり内容が異なります。最新のスキーマを書くには削除してください"))
            done.append(say(lang, f"{target} is up to date", f"{target} は最新です"))
            continue
        write_new(target, text)
        done.append(str(target))
    return done
