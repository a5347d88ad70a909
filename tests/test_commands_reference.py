"""docs/commands.md ends with every command's help page in both languages, written by cog from the CLI
itself: the file must be what cog writes, so that the reference cannot drift from the help."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from cogapp import Cog
from typer.testing import CliRunner

from haru_cli.cli import app

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "commands.md"
REGENERATE = ".venv/bin/cog -r docs/commands.md"


def test_the_command_reference_is_what_cog_writes_from_the_help() -> None:
    written = REFERENCE.read_text(encoding="utf-8")
    generated = Cog().process_string(written, fname=str(REFERENCE))
    if generated != written:
        diff = "".join(difflib.unified_diff(written.splitlines(keepends=True), generated.splitlines(keepends=True),
                                            "docs/commands.md", "what cog writes", n=1))
        pytest.fail(f"docs/commands.md is not the CLI's help as it is now; write it again with `{REGENERATE}`:\n"
                    + diff[:4000], pytrace=False)


def help_leaves(runner: CliRunner, prefix: list[str]) -> list[list[str]]:
    """Every leaf command, found another way than cog's: by reading the command list of each help page."""
    page = runner.invoke(app, ["--lang", "en", *prefix, "--help"]).stdout
    if "Commands:" not in page:
        return [prefix]
    names = re.findall(r"^  ([a-z-]+)(?:  |$)", page.split("Commands:")[1], flags=re.MULTILINE)
    return [leaf for name in names for leaf in help_leaves(runner, [*prefix, name])]


def test_the_reference_has_the_help_of_every_command_in_both_languages() -> None:
    written = REFERENCE.read_text(encoding="utf-8")
    headings = re.findall(r"^### (haru.*)$", written, flags=re.MULTILINE)
    leaves = help_leaves(CliRunner(), [])
    assert len(leaves) > 40 and ["hook", "install"] in leaves  # the walk sees the commands
    assert headings == ["haru", *(" ".join(["haru", *leaf]) for leaf in leaves)]
    assert written.count("<details><summary>日本語</summary>") == len(headings)
    assert written.count("<details><summary>English</summary>") == len(headings)
    assert written.count("\n使い方: haru ") == written.count("\nUsage: haru ") == len(headings)
