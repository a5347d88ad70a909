"""haru mcp — the workspace for an AI assistant: a Model Context Protocol server over stdio (SPEC §17),
built on the official `mcp` SDK, which only this command imports (it brings Starlette, httpx and more:
every other command starts without it)."""

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from haru_cli.cli.context import state_of


def mcp(
    ctx: typer.Context,
    allow_write: Annotated[bool, typer.Option("--allow-write")] = False,
    config: Annotated[bool, typer.Option("--config")] = False,
) -> None:
    from haru_cli.cli import mcp_tools

    state = state_of(ctx)
    root = state.workspace().resolve()
    given = ctx.find_root().params
    if config:
        typer.echo(mcp_tools.mcp_servers_entry(running_haru(), root, allow_write, given.get("lang")))
        return
    lang = state.language()
    calls = mcp_tools.globals_for(root, given.get("lang"), given.get("today"), state.cache)
    # The server lives in the workspace, wherever the client started it: a path a tool is given, and every
    # path its answer names, is the workspace's, as in haru's JSON (`validate --path partners/ueda.yaml`).
    os.chdir(root)
    serve(allow_write, lang, calls)


def running_haru() -> list[str]:
    """The command line that started this haru, absolute: the `haru` script, or Python running the package."""
    script = Path(sys.argv[0])
    if script.name in ("haru", "haru.exe") and script.is_file():
        return [os.path.abspath(script)]  # normalized: no `docs/../` of where it was started from
    return [sys.executable, "-m", "haru_cli"]


def serve(allow_write: bool, lang: str, calls: list[str]) -> None:
    """Serve until the client closes stdin: the tools listed in the language, each call answered by its command."""
    import anyio
    import mcp.types as types
    from mcp.server.lowlevel import Server
    from mcp.server.stdio import stdio_server

    from haru_cli import __version__
    from haru_cli.cli import mcp_tools
    from haru_cli.i18n import text

    names = mcp_tools.tool_names(allow_write)
    tools = [mcp_tools.describe(name, lang) for name in names]
    listed = [types.Tool(name=tool.name, description=tool.description, input_schema=tool.schema,
                         annotations=types.ToolAnnotations(read_only_hint=tool.name in mcp_tools.READ_TOOLS))
              for tool in tools]

    async def list_tools(_ctx: Any, _params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=listed)

    async def call_tool(_ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        if params.name not in names:  # a write tool without --allow-write is as unknown as any other name
            said = mcp_tools.json_object({"error": text("mcp.bad.tool", lang, name=params.name), "exit_status": 2})
            return types.CallToolResult(content=[types.TextContent(text=said)], is_error=True)
        arguments = dict(params.arguments or {})
        said, failed = await anyio.to_thread.run_sync(
            lambda: mcp_tools.answer(params.name, arguments, calls, lang))
        return types.CallToolResult(content=[types.TextContent(text=said)], is_error=failed)

    server: Server[Any] = Server("haru", version=__version__, instructions=text("mcp.instructions", lang),
                                 on_list_tools=list_tools, on_call_tool=call_tool)

    async def main() -> None:
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())

    anyio.run(main)
