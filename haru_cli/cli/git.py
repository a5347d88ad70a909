"""Asking git about the repository a folder is in (init, hook install and validate --staged do)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def git_lines(folder: Path, *args: str) -> list[str] | None:
    """What `git <args>`, run in folder, prints, line by line; None when git is not installed or says no
    (not a repository, most often)."""
    git = shutil.which("git")
    if git is None:
        return None
    done = subprocess.run([git, *args], cwd=folder, capture_output=True, text=True)
    return done.stdout.splitlines() if done.returncode == 0 else None


def git_top(folder: Path) -> Path | None:
    """The top of the git repository the folder is in, if any (and if git is installed)."""
    lines = git_lines(folder, "rev-parse", "--show-toplevel")
    return Path(lines[0]) if lines else None
