"""haru hook install — plain git hooks, for users without pre-commit: pre-commit, and pre-merge-commit, which
git runs for a merge that completes without a conflict (two lines merged as text can still make a broken
record, or two branches each pay one statement: SPEC §18, never a wrong merge committed)."""

import os
import shlex
from pathlib import Path

import typer

from haru_cli.cli.context import Failure, state_of
from haru_cli.cli.git import git_lines
from haru_cli.i18n import Translator

app = typer.Typer(no_args_is_help=True)

# Git runs the hook at the repository's top; `validate --staged` checks what the commit will hold (git's
# index), not the working files, as pre-commit does by stashing what is not staged.
HOOK = """\
#!/bin/sh
# Installed by `haru hook install`: refuses a commit whose staged haru records are broken.
exec haru --no-cache --data {workspace} validate --staged
"""
HOOKS = ("pre-commit", "pre-merge-commit")  # a commit, and a merge git made without a conflict


@app.command("install")
def install(ctx: typer.Context) -> None:
    from haru_cli.cli.output import check_new_output, write_file

    state = state_of(ctx)
    t = Translator(state.language())
    try:
        root: Path | None = state.workspace()
    except Failure:
        if state.data is not None:
            raise
        root = None  # from the repository's top: the one workspace it holds, wherever it is
    hooks, top = _git_paths(root or Path.cwd(), t)
    if root is None:
        found = _workspaces(top)
        if len(found) != 1:
            raise Failure(t("cli.hook.which" if found else "cli.hook.none",
                            paths=", ".join(str(p.relative_to(top)) for p in found)), exit_code=2)
        root = found[0]
    if not root.resolve().is_relative_to(top):
        raise Failure(t("cli.hook.outside", path=str(root), top=str(top)))
    workspace = root.resolve().relative_to(top).as_posix()
    for name in HOOKS:  # none replaces a hook already there: refused before any is written
        check_new_output(hooks / name, t)
    for name in HOOKS:
        # The folder name goes into a shell script: quoted, so that no name can run a command (SPEC §14).
        write_file(hooks / name, HOOK.format(workspace=shlex.quote(workspace)), t)
        os.chmod(hooks / name, 0o755)
        typer.echo(t("cli.hook.installed", path=os.path.relpath(hooks / name), workspace=workspace))


def _git_paths(folder: Path, t: Translator) -> tuple[Path, Path]:
    """The hooks folder and the top of the git repository the folder is in — refused unless git's folder
    is a `.git` and the hooks folder lies in it or in the repository (SPEC §14: a workspace laid out as a
    git folder of its own, whose config names any hooksPath, must not make haru write anywhere)."""
    found = git_lines(folder, "rev-parse", "--path-format=absolute", "--git-common-dir", "--git-path", "hooks",
                      "--show-toplevel")
    if found is None or len(found) < 3:
        raise Failure(t("cli.git.not_a_repository", path=str(folder)))
    common, hooks, top = (Path(line).resolve() for line in found[:3])
    own = top / ".git"  # the repository's own git folder: a `.git` file may name another repository's
    if (common != own or own.is_symlink() or not own.is_dir()
            or not any(hooks.is_relative_to(p) for p in (common, top))):
        raise Failure(t("cli.hook.unusual_git", hooks=str(hooks)))
    return hooks, top


def _workspaces(top: Path) -> list[Path]:
    """Folders of the repository, up to four levels down, that hold a haru.yaml."""
    found = []
    for folder, subfolders, files in os.walk(top):
        depth = Path(folder).relative_to(top).parts
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in ("node_modules", "venv")
                               and len(depth) < 4)
        if "haru.yaml" in files:
            found.append(Path(folder))
    return found
