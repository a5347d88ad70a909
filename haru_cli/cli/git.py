"""Asking git about the repository a folder is in (init, hook install and validate --staged do).

A data repository may come from someone else, with a `.git/config` of its making (a zip, a copied folder):
every git command haru runs turns off what that config could make git run (SPEC §14) — the fsmonitor
command, any transport (a partial clone would fetch a missing object over a command of the config's
choosing), a pager, a password prompt."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# `core.fsmonitor=` is false; `protocol.allow=never` refuses every remote, so no lazy fetch runs ssh.
SAFE_OPTIONS = ("--no-pager", "-c", "core.fsmonitor=", "-c", "protocol.allow=never")


def git_command(*args: str) -> list[str] | None:
    """The command line of `git <args>` with the repository's code-running settings off (None: no git)."""
    git = shutil.which("git")
    return None if git is None else [git, *SAFE_OPTIONS, *args]


def git_environment() -> dict[str, str]:
    """haru's environment for git: never a prompt, a lazy fetch or a lock taken only to refresh the index."""
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1", "GIT_OPTIONAL_LOCKS": "0"}


def git_lines(folder: Path, *args: str) -> list[str] | None:
    """What `git <args>`, run in folder, prints, line by line; None when git is not installed or says no
    (not a repository, most often)."""
    command = git_command(*args)
    if command is None:
        return None
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=git_environment(),
                          stdin=subprocess.DEVNULL)
    return done.stdout.splitlines() if done.returncode == 0 else None


def git_top(folder: Path) -> Path | None:
    """The top of the git repository the folder is in, if any (and if git is installed)."""
    lines = git_lines(folder, "rev-parse", "--show-toplevel")
    return Path(lines[0]) if lines else None
