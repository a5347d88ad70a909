"""haru search TEXT — every line of every record that holds TEXT, as `path:line: excerpt` (SPEC §8).

It reads the files (or the kept index of them), not the loaded records: broken files are searched too,
and a warm search unpickles nothing."""

import gc
from typing import Annotated, Literal

import typer

from haru_cli.cli import answers
from haru_cli.cli.context import relative_to_cwd, state_of


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT")],
    fmt: Annotated[Literal["text", "json"], typer.Option("--format")] = "text",
) -> None:
    from haru_cli.escape import shown_path, visible
    from haru_cli.i18n import Translator
    from haru_cli.load.search import MAX_HITS
    from haru_cli.load.search import search as find
    from haru_cli.load.stamps import current

    state = state_of(ctx)
    root = state.workspace()
    # this very search's answer kept: printed again, and the run ends there
    listing = answers.offer(ctx, state.argv, root, state.today) if state.cache else None
    t = Translator(state.language())
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of stamps and paths, no cycles: a collection would only walk them
    try:
        hits, more = find(root, listing or current(root, use_cache=state.cache), text, use_cache=state.cache)
    finally:
        if collecting:
            gc.enable()
    if fmt == "json":
        from haru_cli.render.formats import json_text  # (and the views it shapes): only for JSON

        typer.echo(json_text({"query": text, "hits": [vars(h) for h in hits]}))
    else:
        for h in hits:
            typer.echo(f"{shown_path(relative_to_cwd(root, h.path))}:{h.line}: {visible(h.excerpt, one_line=True)}")
    if more:
        typer.echo(t("cli.search.more", limit=f"{MAX_HITS:,}"), err=True)
    if not hits:
        typer.echo(t("cli.search.none", query=text), err=True)
        raise typer.Exit(1)
