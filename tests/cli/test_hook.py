"""haru hook install: a plain pre-commit hook, never replacing one."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import WorkspaceFactory

Haru = Callable[..., Result]
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_install_and_refuse_to_replace(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    first = haru("--data", root, "hook", "install")
    assert first.exit_code == 0, first.stderr
    hook = root / ".git" / "hooks" / "pre-commit"
    assert hook.read_text(encoding="utf-8").endswith("exec haru validate\n")
    assert os.access(hook, os.X_OK)
    second = haru("--data", root, "--lang", "en", "hook", "install")
    assert second.exit_code == 1 and "already exists" in second.stderr


def test_outside_git(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    result = haru("--data", workspace(), "--lang", "en", "hook", "install")
    assert result.exit_code == 1 and "not inside a git repository" in result.stderr
