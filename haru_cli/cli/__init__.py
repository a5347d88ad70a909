"""The `haru` command: global options, and one module per command group."""

import importlib
import os
import sys
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from typer.core import TyperGroup

from haru_cli import __version__
from haru_cli.cli import answers
from haru_cli.cli.context import Failure, State, parse_today
from haru_cli.cli.localize import global_options_first, language_of, localize, usage_text
from haru_cli.cli.vendored import ClickException, NoArgsIsHelpError, UsageError
from haru_cli.escape import visible
from haru_cli.i18n import text
from haru_cli.render import TemplateProblem

# Command → (module of haru_cli.cli, and in it the command's function or its group's Typer app), in the
# order `haru --help` lists them. A run imports and builds only the command it runs (issue 8: all of them
# would cost a warm start a tenth of its time); help and completion ask for every one.
COMMANDS = {
    "validate": ("validate", "validate"),
    "partner": ("partner", "app"),
    "contract": ("contract", "app"),
    "meeting": ("meeting", "app"),
    "action": ("action", "app"),
    "referral": ("referral", "app"),
    "search": ("search", "search"),
    "renewals": ("dated", "renewals"),
    "feedback": ("dated", "feedback"),
    "upcoming": ("dated", "upcoming"),
    "fees": ("fees", "app"),
    "project": ("project", "app"),
    "pipeline": ("project", "pipeline"),
    "opportunity": ("project", "opportunity_app"),
    "vendor": ("vendor", "app"),
    "deliverable": ("deliverable", "app"),
    "sourcing": ("sourcing", "app"),
    "school": ("school", "app"),
    "time": ("time", "app"),
    "automation": ("automation", "app"),
    "site": ("site", "site"),
    "serve": ("site", "serve"),
    "mcp": ("mcp", "mcp"),
    "digest": ("digest", "digest"),
    "report": ("report", "app"),
    "new": ("new", "app"),
    "edit": ("edit", "edit"),
    "init": ("init", "init"),
    "schema": ("schema", "schema"),
    "hook": ("hook", "app"),
    "merge-driver": ("merge_driver", "merge_driver"),
}
# Commands once built: definitions, not state, so one process (a test session) may keep them.
_BUILT: dict[str, typer.core.TyperCommand | TyperGroup] = {}


class HaruGroup(TyperGroup):
    """haru's commands, each built when first asked for and told its help in the run's language; a
    Failure from any of them, or a usage error, is reported as one message on stderr, with its exit status."""

    lang = "ja"

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
        localize(_BUILT[name], self.lang, [name])
        return _BUILT[name]

    def resolve_command(  # type: ignore[override]
            self, ctx: typer.Context, args: list[str]) -> tuple[str | None, object, list[str]]:
        """Typer suggests near names from the commands already built; here none is until it runs."""
        if args and args[0] not in COMMANDS and not args[0].startswith("-") and not ctx.resilient_parsing:
            import difflib  # only for a command mistyped

            near = difflib.get_close_matches(args[0], list(COMMANDS))
            if near:
                ctx.fail(text("cli.usage.no_command_near", self.lang, command=args[0],
                              near=", ".join(map(repr, near))))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        from haru_cli.rules.calendar import UnknownHolidays

        try:
            return super().invoke(ctx)
        except Failure as exc:
            typer.echo(f"haru: {visible(str(exc), one_line=True)}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except TemplateProblem as exc:  # a user's template: their mistake, named with its line
            answers.spoil()  # or its render stopped at its time limit, on a busy machine: not kept
            typer.echo(f"haru: {visible(str(exc), one_line=True)}", err=True)
            raise typer.Exit(1) from None
        except UnknownHolidays as exc:  # no pay date is computed without the holidays of its year
            state = ctx.find_object(State)
            lang = state.language() if state else self.lang
            typer.echo("haru: " + text("cli.no_holidays", lang, year=exc.year, first=exc.first, last=exc.last),
                       err=True)
            raise typer.Exit(1) from None

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        """The run: global options put first, the language found, and Click's errors said in it."""
        argv = global_options_first(list(sys.argv[1:] if args is None else args), set(COMMANDS))
        self.lang = language_of(argv, Path.cwd())
        localize(self, self.lang, [])
        if (bad := _undecodable(argv)) is not None:  # text haru would write or search for; a path may be any bytes
            typer.echo(text("cli.usage.error", self.lang, message=text("cli.bad.utf8", self.lang, value=visible(
                bad.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")))), err=True)
            if standalone_mode:
                sys.exit(2)
            return 2
        try:
            result = super().main(args=argv, prog_name=prog_name or "haru", complete_var=complete_var,
                                  standalone_mode=False, windows_expand_args=windows_expand_args, **extra)
            code = result if isinstance(result, int) else 0
        except NoArgsIsHelpError as exc:  # `haru` or `haru fees` alone: the help page
            typer.echo(exc.ctx.get_help() if exc.ctx else "", err=True)
            code = exc.exit_code
        except UsageError as exc:
            typer.echo(usage_text(exc, self.lang), err=True)
            code = exc.exit_code
        except ClickException as exc:
            typer.echo(text("cli.usage.error", self.lang, message=exc.format_message()), err=True)
            code = exc.exit_code
        except typer.Abort:
            typer.echo(text("cli.aborted", self.lang), err=True)
            code = 1
        if standalone_mode:
            sys.exit(code)
        return code


PATH_OPTIONS = {"--data", "-o", "--output", "--out", "--template"}


def _undecodable(argv: list[str]) -> str | None:
    """The first argument holding bytes that are not UTF-8 (Python keeps them as lone surrogates), but for
    the value of a path option: a name on disk may be any bytes."""
    for i, arg in enumerate(argv):
        named = arg.split("=", 1)[0] in PATH_OPTIONS or (i > 0 and argv[i - 1] in PATH_OPTIONS)
        if not named and any("\udc80" <= c <= "\udcff" for c in arg):
            return arg
    return None


app = typer.Typer(
    name="haru",
    cls=HaruGroup,
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"haru {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data: Annotated[Path | None, typer.Option("--data", envvar="HARU_DATA")] = None,
    today: Annotated[str | None, typer.Option("--today", envvar="HARU_TODAY", metavar="YYYY-MM-DD")] = None,
    lang: Annotated[Literal["ja", "en"] | None, typer.Option("--lang")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    guess = ctx.command.lang if isinstance(ctx.command, HaruGroup) else "ja"
    ctx.obj = State(data=data, today=parse_today(today, lang or guess), lang=lang, cache=not no_cache, guess=guess,
                    argv=answers.claim())


def main() -> None:
    """Entry point: user mistakes end as one message (see Failure); a bug ends as one line too,
    with the traceback only when HARU_DEBUG is set."""
    answers.listen(sys.argv[1:])
    try:
        app()  # Ctrl-C ends with exit 130 and a closed pipe quietly (typer.core._main)
    except SystemExit as exc:
        if answers.finish(exc.code):  # its last output could not be written (the pipe's reader gone)
            sys.exit(1)
        raise
    except Exception as exc:  # the one place unexpected errors are caught
        answers.finish(70)
        if os.environ.get("HARU_DEBUG"):
            raise
        said = visible(f"{type(exc).__name__}: {exc}", one_line=True)
        typer.echo(f"haru: internal error: {said} (set HARU_DEBUG=1 for details)", err=True)
        sys.exit(70)
