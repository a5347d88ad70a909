"""The tools `haru mcp` offers an AI assistant, and how one is answered: by running the haru command it
names, in this process, with the arguments the assistant gave turned into that command's own options.

A tool is its command — the same options parsed by the same code, the same rules, the same JSON, the same
validated, locked and atomic write, the same error message — so nothing here decides what an answer holds
(one rule, one place). Its input schema is read from the command's parameters as they are built, and their
help texts are the catalogue's. This module imports nothing of the MCP SDK: `cli/mcp.py` does, when it serves.
"""

import functools
import gc
import io
import json
import re
import threading
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from haru_cli.escape import visible
from haru_cli.i18n import text
from haru_cli.records.frozen import frozen

# Tool → the words of its command. The read tools print JSON (`--format json`); the writes are only offered
# with `haru mcp --allow-write` (SPEC §17): an assistant never even sees a tool that changes files otherwise.
READ_TOOLS: dict[str, tuple[str, ...]] = {
    "upcoming": ("upcoming",),
    "renewals": ("renewals",),
    "feedback": ("feedback",),
    "partner_show": ("partner", "show"),
    "partner_list": ("partner", "list"),
    "fees_calc": ("fees", "calc"),
    "fees_unpaid": ("fees", "unpaid"),
    "pipeline": ("pipeline",),
    "time_report": ("time", "report"),
    "automation_list": ("automation", "list"),
    "school_status": ("school", "status"),
    "vendor_compare": ("vendor", "compare"),
    "search": ("search",),
    "validate": ("validate",),
}
WRITE_TOOLS: dict[str, tuple[str, ...]] = {
    "new_meeting": ("new", "meeting"),
    "time_log": ("time", "log"),
    "action_done": ("action", "done"),
    "opportunity_move": ("opportunity", "move"),
}
# Parameters no tool takes: the format is JSON; nothing is written to a file of the assistant's choosing,
# rendered with its template or finished in an editor nobody watches.
LEFT_OUT = {"fmt", "output", "template_file", "template", "edit", "help"}
TODAY = "today"


@frozen
class Tool:
    """One tool as an MCP client sees it: its name, description and input schema (JSON Schema)."""

    name: str
    description: str
    schema: dict[str, Any]


@frozen
class Answer:
    """What the command said: its exit status, stdout and stderr."""

    code: int
    stdout: str
    stderr: str


class BadArguments(Exception):
    """Arguments a tool does not take, or of the wrong kind: said like a usage error (exit 2)."""


def tool_names(allow_write: bool) -> dict[str, tuple[str, ...]]:
    return {**READ_TOOLS, **(WRITE_TOOLS if allow_write else {})}


def _command(words: tuple[str, ...], lang: str) -> TyperCommand:
    """The built command of these words, its help in the language (as `haru … --help` shows it)."""
    from haru_cli.cli import app

    root = typer.main.get_command(app)
    root.lang = lang  # type: ignore[attr-defined]  # HaruGroup: what get_command localizes to
    ctx = typer.Context(root, info_name="haru")
    command: Any = root
    for word in words:
        command = command.get_command(ctx, word) if isinstance(command, TyperGroup) else None
    if not isinstance(command, TyperCommand):  # pragma: no cover - the tables name commands of cli.COMMANDS
        raise LookupError(" ".join(words))
    return command


def _parameters(command: TyperCommand) -> list[Any]:
    """The command's parameters a tool takes (Click's Option and Argument, told apart by their kind)."""
    return [p for p in command.params if p.name not in LEFT_OUT and p.name is not None]


def _is_argument(param: Any) -> bool:
    return bool(param.param_type_name == "argument")


def _is_flag(param: Any) -> bool:
    return not _is_argument(param) and bool(param.is_flag)


@functools.cache
def keys_of(words: tuple[str, ...]) -> dict[str, str]:
    """Parameter → the name a tool takes it by, as the command's English help shows it: an option's long name
    (`date` for --date, `dry_run` for --dry-run), an argument's word (`query` for QUERY, `meeting` for MEETING)."""
    keys = {}
    for param in _parameters(_command(words, "en")):
        if not _is_argument(param):
            keys[param.name] = _long_name(param)[2:].replace("-", "_")
        else:
            word = str(param.metavar or "").removesuffix("...")
            keys[param.name] = word.lower() if re.fullmatch(r"[A-Z]+", word) else str(param.name)
    return keys


def _many(param: Any) -> bool:
    return bool(param.multiple) or (_is_argument(param) and param.nargs == -1)


def _property(param: Any) -> dict[str, Any]:
    """A parameter's JSON Schema: flags are booleans, repeatable options and arguments lists of text,
    integers integers, and all else text, which the command itself parses (dates, durations, labels)."""
    if _is_flag(param):
        kind: dict[str, Any] = {"type": "boolean"}
    elif param.type.name in ("integer", "integer range"):
        kind = {"type": "integer"}
    else:
        kind = {"type": "string"}
    found = {"type": "array", "items": kind} if _many(param) else dict(kind)
    described = getattr(param, "help", None)
    if described:
        found["description"] = " ".join(described.split())
    return found


def describe(name: str, lang: str) -> Tool:
    """A tool as listed: the catalogue's description, and the schema of its command's parameters."""
    words = tool_names(True)[name]
    keys = keys_of(words)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for param in _parameters(_command(words, lang)):
        properties[keys[param.name]] = _property(param)
        if param.required:
            required.append(keys[param.name])
    properties[TODAY] = {"type": "string", "description": text("mcp.param.today", lang)}
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    return Tool(name, text(f"mcp.tool.{name}", lang), schema)


def argv(name: str, arguments: Mapping[str, Any], globals_: list[str], lang: str) -> list[str]:
    """The command line of a tool call: the server's global options, `--today` if given, the command's
    words, its options as `--name=value` (a value that starts with '-' stays a value), the flags, `--format
    json` for a read, then `--` and the arguments, so that no text an assistant passes becomes an option."""
    words = tool_names(True)[name]
    keys = keys_of(words)
    params = {keys[p.name]: p for p in _parameters(_command(words, lang))}
    front = list(globals_)
    options: list[str] = []
    positional: list[str] = []
    for key, value in arguments.items():
        if key == TODAY:
            front.append(f"--today={_one(key, value, str, lang)}")
            continue
        param = params.get(key)
        if param is None:
            raise BadArguments(text("mcp.bad.argument", lang, name=key, tool=name,
                                    known=", ".join([*params, TODAY])))
        if _is_flag(param):
            if _one(key, value, bool, lang):
                options.append(_long_name(param))
            continue
        values = value if _many(param) and isinstance(value, list) else [value]
        expected: type = int if param.type.name in ("integer", "integer range") else str
        written = [str(_one(key, v, expected, lang)) for v in values]
        if _is_argument(param):
            positional += written
        else:
            options += [f"{_long_name(param)}={v}" for v in written]
    if name in READ_TOOLS:
        options += ["--format", "json"]
    return [*front, *words, *options, "--", *positional]


def _long_name(param: Any) -> str:
    return str(next((o for o in param.opts if o.startswith("--")), param.opts[0]))


def _one(key: str, value: Any, expected: type, lang: str) -> Any:
    # bool is an int to Python; an assistant's true for a number is refused, as its "3" for one is taken
    if expected is int and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
        return value
    kind = {bool: "boolean", int: "integer", str: "string"}[expected]
    raise BadArguments(text("mcp.bad.type", lang, name=key, kind=kind))


# stdout and stderr are the process's, and building a command puts its help in the language on objects that
# every call shares: one call at a time, from its command line to its answer.
_ONE_AT_A_TIME = threading.Lock()


def run(args: list[str]) -> Answer:
    """Run `haru ARGS` in this process, as the command line would, and keep what it printed.

    While `haru mcp` serves, the MCP SDK keeps its wire on a descriptor of its own and points stdout at
    stderr, so that nothing printed here reaches the client but through this answer."""
    from haru_cli.cli import app

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = typer.main.get_command(app).main(args=args, prog_name="haru", standalone_mode=False)
        except Exception as exc:  # a bug: one line, as `haru` itself says it (cli.main), never a traceback
            said = visible(f"{type(exc).__name__}: {exc}", one_line=True)
            print(f"haru: internal error: {said} (set HARU_DEBUG=1 for details)", file=err)
            code = 70
        finally:
            # A command freezes what it loaded for its short life (State.load); a server lives on, so what
            # the call left is handed back to the collector, or every call would keep its records for good.
            gc.unfreeze()
            gc.collect()
    return Answer(code if isinstance(code, int) else 0, out.getvalue(), err.getvalue())


def answer(name: str, arguments: Mapping[str, Any], globals_: list[str], lang: str) -> tuple[str, bool]:
    """A tool call's result as JSON text, and whether it is an error.

    A read answers with the JSON the command printed, unchanged — also when it exits 1 with it (problems
    found, a figure incomplete: the JSON says so). A write answers with what the command showed, as JSON
    values. Nothing printed, or a usage error: the command's message, as a JSON value. Record text thus
    reaches the assistant as JSON strings, never as text of its own."""
    try:
        with _ONE_AT_A_TIME:
            said = run(argv(name, arguments, globals_, lang))
    except BadArguments as exc:
        return json_object({"error": str(exc), "exit_status": 2}), True
    if name in READ_TOOLS and said.stdout.strip() and said.code in (0, 1):
        return said.stdout, False
    if said.code == 0:
        return json_object({"output": said.stdout, "messages": said.stderr.splitlines()}), False
    return json_object({"error": said.stderr.strip(), "exit_status": said.code}), True


def json_object(data: dict[str, Any]) -> str:
    from haru_cli.render.formats import json_text

    return json_text(data) + "\n"


def globals_for(data: Path, lang: str | None, today: str | None, cache: bool) -> list[str]:
    """The global options every call runs with: the server's workspace, language, day and cache."""
    found = [f"--data={data}"]
    if lang:
        found.append(f"--lang={lang}")
    if today:
        found.append(f"--today={today}")
    if not cache:
        found.append("--no-cache")
    return found


def mcp_servers_entry(command: list[str], data: Path, allow_write: bool, lang: str | None = None) -> str:
    """The `mcpServers` entry of claude_desktop_config.json that starts this server on this workspace (in the
    language asked for, when one was)."""
    args = [*command[1:], "--data", str(data), *(["--lang", lang] if lang else []), "mcp",
            *(["--allow-write"] if allow_write else [])]
    return json.dumps({"mcpServers": {"haru": {"command": command[0], "args": args}}}, ensure_ascii=False, indent=2)
