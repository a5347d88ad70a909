"""The `haru` command: global options, and one module per command group."""

import difflib
import importlib
import os
import sys
import typing
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from haru_cli import __version__
from haru_cli.cli.context import Failure, State, parse_today
from haru_cli.render.formats import visible
from haru_cli.render.templates import TemplateProblem

# Command → (module of haru_cli.cli, and in it the command's function or its group's Typer app), in the
# order `haru --help` lists them. A run imports and builds only the command it runs (issue 8: all of them
# would cost a warm start a tenth of its time); help and completion ask for every one.
COMMANDS = {
    "validate": ("validate", "validate"),
    "partner": ("partner", "app"),
    "contract": ("contract", "app"),
    "renewals": ("renewals", "renewals"),
    "feedback": ("feedback", "feedback"),
    "upcoming": ("upcoming", "upcoming"),
    "fees": ("fees", "app"),
    "report": ("report", "app"),
    "new": ("new", "app"),
    "init": ("init", "init"),
    "schema": ("schema", "schema"),
    "hook": ("hook", "app"),
}
# Commands once built: definitions, not state, so one process (a test session) may keep them.
_BUILT: dict[str, typer.core.TyperCommand | TyperGroup] = {}


class HaruGroup(TyperGroup):
    """haru's commands, each built when first asked for; a Failure from any of them is reported as one
    line on stderr, with its exit status."""

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return list(COMMANDS)

    def get_command(  # type: ignore[override]
            self, ctx: typer.Context, name: str) -> typer.core.TyperCommand | TyperGroup | None:
        if name not in COMMANDS:
            return None
        if name not in _BUILT:
            module, attribute = COMMANDS[name]
            found = getattr(importlib.import_module(f"haru_cli.cli.{module}"), attribute)
            if isinstance(found, typer.Typer):
                found.rich_markup_mode = self.rich_markup_mode  # as add_typer would have passed it down
                command: typer.core.TyperCommand | TyperGroup = typer.main.get_group(found)
            else:  # a single command: a Typer of its own builds it
                single = typer.Typer(rich_markup_mode=self.rich_markup_mode, add_completion=False)
                single.command(name)(found)
                command = typing.cast(typer.core.TyperCommand, typer.main.get_command(single))
            command.name = name
            _BUILT[name] = command
        return _BUILT[name]

    def resolve_command(  # type: ignore[override]
            self, ctx: typer.Context, args: list[str]) -> tuple[str | None, object, list[str]]:
        """Typer suggests near names from the commands already built; here none is until it runs."""
        if args and args[0] not in COMMANDS and not args[0].startswith("-") and not ctx.resilient_parsing:
            near = difflib.get_close_matches(args[0], list(COMMANDS))
            if near:
                ctx.fail(f"No such command {args[0]!r}. Did you mean {', '.join(map(repr, near))}?")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except Failure as exc:
            typer.echo(f"haru: {visible(str(exc))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except TemplateProblem as exc:  # a user's template: their mistake, named with its line
            typer.echo(f"haru: {visible(str(exc))}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="haru",
    cls=HaruGroup,
    rich_markup_mode=None,
    help="株式会社HaRu の外部パートナー連携（パートナー・契約・会議・紹介・紹介手数料）を YAML で管理します。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(StrEnum):
    ja = "ja"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"haru {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option("--data", envvar="HARU_DATA", help="Workspace folder (default: nearest haru.yaml upwards)."),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", envvar="HARU_TODAY", metavar="YYYY-MM-DD", help="Treat this date as today."),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of output (default: the workspace's locale).")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every file again instead of the parse cache in .haru-cache/.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """株式会社HaRu の外部パートナー連携を YAML で管理します。例: haru validate"""
    ctx.obj = State(data=data, today=parse_today(today), lang=lang.value if lang else None, cache=not no_cache)


def main() -> None:
    """Entry point: user mistakes end as one message (see Failure); a bug ends as one line too,
    with the traceback only when HARU_DEBUG is set."""
    try:
        app()  # Typer itself turns Ctrl-C into exit 130 and a closed pipe into a quiet exit
    except Exception as exc:  # the one place unexpected errors are caught
        if os.environ.get("HARU_DEBUG"):
            raise
        typer.echo(f"haru: internal error: {type(exc).__name__}: {exc} (set HARU_DEBUG=1 for details)", err=True)
        sys.exit(70)
