"""haru schema — JSON Schema of every record type, for editors (yaml-language-server)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from haru_cli.cli.context import Failure, say, state_of


def schema(
    ctx: typer.Context,
    out: Annotated[str | None, typer.Option("--out", metavar="DIR", help="Write one <type>.schema.json per record "
                                                                        "type here.")] = None,
) -> None:
    """JSON Schema (draft 2020-12) of partners, contracts, meetings, referrals and haru.yaml, with
    Japanese and English descriptions that editors show on hover. Without --out, one JSON object.

    Example: haru schema --out schemas
    """
    from haru_cli.load.schema import SCHEMAS, record_schema
    from haru_cli.render.formats import json_text

    lang = state_of(ctx).language()
    if out is None:
        sys.stdout.write(json_text({name: record_schema(name) for name in SCHEMAS}) + "\n")
        return
    if not out.strip():
        raise typer.BadParameter("give a folder (. for this one)", param_hint="--out")
    for line in write_schemas(Path(out), lang):
        typer.echo(line)


def write_schemas(folder: Path, lang: str, *, keep_outdated: bool = False, within: Path | None = None) -> list[str]:
    """Write the schema files that are missing. An outdated one is never overwritten: refused, or with
    keep_outdated (init --missing) kept and said so."""
    from haru_cli.cli.output import write_file
    from haru_cli.load.schema import schema_files

    done, outdated = [], []
    for name, text in schema_files().items():
        target = folder / name
        if not target.exists():
            write_file(target, text, lang, within=within)
            done.append(str(target))
            continue
        try:
            current = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise Failure(say(lang, f"cannot read {target}: {exc}", f"{target} を読めません: {exc}")) from None
        if current == text:
            done.append(say(lang, f"{target} is up to date", f"{target} は最新です"))
        elif keep_outdated:
            done.append(say(lang, f"kept {target} (outdated: remove it to regenerate)",
                            f"{target} は古いまま残しました（再生成するには削除してください）"))
        else:
            outdated.append(str(target))
    if outdated:
        files = ", ".join(outdated)
        raise Failure(say(lang, f"outdated schema files (remove them to write the current ones): {files}",
                          f"内容の異なるスキーマがあります（最新のものを書くには削除してください）: {files}"))
    return done
