"""The README documents every problem code; every message exists in both languages; every command has help."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haru_cli.cli import COMMANDS, app
from haru_cli.i18n.problems import MESSAGES, render_message

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


def commands(runner: CliRunner, prefix: list[str]) -> list[list[str]]:
    """Every leaf command, found by reading the help of each group."""
    result = runner.invoke(app, [*prefix, "--help"])
    assert result.exit_code == 0, prefix
    if "Commands:" not in result.stdout:
        return [prefix]
    names = re.findall(r"^  ([a-z-]+)  ", result.stdout.split("Commands:")[1], flags=re.MULTILINE)
    return [leaf for name in names for leaf in commands(runner, [*prefix, name])]


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    leaves = commands(runner, [])
    assert ["validate"] in leaves and ["partner", "show"] in leaves and ["hook", "install"] in leaves
    assert list(dict.fromkeys(leaf[0] for leaf in leaves)) == list(COMMANDS)  # all of them, in their order
    for leaf in leaves:
        assert "Example: haru " in runner.invoke(app, [*leaf, "--help"]).stdout, leaf


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["partne", "show", "ueda"])
    assert result.exit_code == 2
    assert "No such command 'partne'. Did you mean 'partner'?" in result.output
