"""haru hook install — a plain git pre-commit hook, for users without pre-commit."""

import os
import shutil
import subprocess
from pathlib import Path

import typer

from haru_cli.cli.context import Failure, say, state_of

app = typer.Typer(help="Git hooks without the pre-commit package.", no_args_is_help=True)

HOOK = """\
#!/bin/sh
# Installed by `haru hook install`: refuses a commit that leaves a broken haru record.
exec haru validate
"""


@app.command("install")
def install(ctx: typer.Context) -> None:
    """Write .git/hooks/pre-commit running `haru validate` (an existing hook is never replaced).

    Example: haru hook install
    """
    from haru_cli.cli.output import write_file

    state = state_of(ctx)
    lang = state.language()
    root = state.workspace()
    git = shutil.which("git")
    found = subprocess.run([git, "rev-parse", "--git-path", "hooks"], cwd=root, capture_output=True, text=True) \
        if git else None
    if found is None or found.returncode != 0:
        raise Failure(say(lang, f"{root} is not inside a git repository", f"{root} は git リポジトリの中にありません"))
    hook = (root / found.stdout.strip()) / "pre-commit"
    write_file(hook, HOOK, lang)
    os.chmod(hook, 0o755)
    typer.echo(str(Path(os.path.relpath(hook))))
