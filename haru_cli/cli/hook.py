"""haru hook install — a plain git pre-commit hook, for users without pre-commit."""

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import typer

from haru_cli.cli.context import Failure, say, state_of

app = typer.Typer(help="Git hooks without the pre-commit package.", no_args_is_help=True)

# Checks what is staged, not the working files: the index is copied to a scratch folder and the
# workspace there is validated (what pre-commit does by stashing what is not staged).
HOOK = """\
#!/bin/sh
# Installed by `haru hook install`: refuses a commit whose staged haru records are broken.
set -e
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
git checkout-index --all --prefix="$snapshot/"
cd "$snapshot"/{workspace}
haru --no-cache --data . validate
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
    found = subprocess.run([git, "rev-parse", "--git-path", "hooks", "--show-toplevel"], cwd=root,
                           capture_output=True, text=True) if git else None
    if found is None or found.returncode != 0:
        raise Failure(say(lang, f"{root} is not inside a git repository", f"{root} は git リポジトリの中にありません"))
    hooks, top = found.stdout.splitlines()[:2]
    hook = (root / hooks) / "pre-commit"
    workspace = root.resolve().relative_to(Path(top).resolve()).as_posix()
    # The folder name goes into a shell script: quoted, so that no name can run a command (SPEC §14).
    write_file(hook, HOOK.format(workspace=shlex.quote(workspace)), lang)
    os.chmod(hook, 0o755)
    typer.echo(str(Path(os.path.relpath(hook))))
