"""haru itself: the global options (--data, --today) wherever they are given, and arguments that are not text."""

from __future__ import annotations

from tests.helpers import Haru, WorkspaceFactory


def test_today_out_of_range_is_a_usage_error(workspace: WorkspaceFactory, haru: Haru) -> None:
    assert haru("--data", workspace(), "--today", "0001-01-01", "partner", "list").exit_code == 2
    assert haru("--data", workspace(), "--today", "9999-12-31", "partner", "list").exit_code == 2


def test_data_option_accepts_the_folder_above_data(tmp_path: object, haru: Haru) -> None:
    from pathlib import Path

    from tests.helpers import write_workspace

    repo = Path(str(tmp_path)) / "repo"
    write_workspace(repo / "data", {})
    assert haru("--data", repo, "validate").exit_code == 0


def test_an_argument_that_is_not_utf8_is_a_usage_error(workspace: WorkspaceFactory) -> None:
    """Bytes that are not UTF-8 (a Windows zip's names, a mistyped terminal) never reach a record."""
    import subprocess
    import sys

    root = workspace()
    done = subprocess.run([sys.executable, "-m", "haru_cli", "--data", str(root), "--lang", "en", "search",
                           b"\xff".decode("utf-8", "surrogateescape")], capture_output=True, text=True,
                          errors="replace")
    assert done.returncode == 2 and "is not UTF-8 text" in done.stderr and "Traceback" not in done.stderr


def test_global_options_work_after_the_command_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    assert haru("partner", "show", "ueda", "--version").stdout.startswith("haru ")
    result = haru("partner", "show", "ueda", "--lang", "en", "--data", root, "--today", "2026-11-27")
    assert result.exit_code == 0, result.stderr
    assert "Contacts" in result.stdout
