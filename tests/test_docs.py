"""The README documents every problem code; every message exists in both languages; every command has help."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haru_cli.cli import app
from haru_cli.messages import MESSAGES, render_message

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    english, japanese = MESSAGES[key]
    assert placeholders(english) == placeholders(japanese)
    params = dict.fromkeys(placeholders(english), "x")
    assert render_message(key, "en", params) and render_message(key, "ja", params)


def test_every_code_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", README, flags=re.MULTILINE))
    codes = {key.split(".")[0] for key in MESSAGES}
    assert codes == documented


def test_user_values_in_messages_are_quoted_and_defanged() -> None:
    message = render_message("unknown-key", "en", {"key": "a\x1b[31mb"})
    assert message == "unknown key 'a\\x1b[31mb'"


def test_every_command_has_help() -> None:
    runner = CliRunner()
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    commands = re.findall(r"^  ([a-z-]+)  ", top.stdout.split("Commands:")[1], flags=re.MULTILINE)
    assert commands
    for command in commands:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.stdout, command
