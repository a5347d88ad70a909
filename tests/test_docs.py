"""The catalogue has every text in both languages; every key the code and templates ask for exists; the
README documents every problem code; every command has help, in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haru_cli.cli import COMMANDS, app
from haru_cli.i18n import catalogue, text

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_text_has_both_languages_with_the_same_placeholders(key: str) -> None:
    japanese, english = catalogue()[key]
    if key.startswith("gloss."):  # libyaml's English needs no gloss in English
        assert english == "" and (japanese.strip() or key == "gloss.none")
    else:
        assert japanese.strip() and english.strip()
    assert placeholders(japanese) == placeholders(english)
    params = dict.fromkeys(placeholders(english), "x")
    assert text(key, "en", **params) or key.startswith("gloss.")
    assert text(key, "ja", **params) or key == "gloss.none"


# t("key"), text("key", …), run.fail("key"), and keys put together from a fixed prefix in f-strings.
_ASKED = re.compile(r"""(?:\bt|\btext|\.fail|\.t)\(\s*"([a-z][a-z0-9_.\-]*)"(?=\s*[,)])""")


def asked_for() -> set[tuple[str, str]]:
    found = set()
    sources = [*(p for p in (ROOT / "haru_cli").rglob("*.py") if "i18n" not in p.parts),
               *(ROOT / "templates").glob("*.j2")]
    for source in sources:
        for key in _ASKED.findall(source.read_text(encoding="utf-8")):
            found.add((source.relative_to(ROOT).as_posix(), key))
    return found


def test_every_key_the_code_and_the_templates_ask_for_exists() -> None:
    asked = asked_for()
    assert len(asked) > 150  # the scan sees the code
    missing = sorted((where, key) for where, key in asked if key not in catalogue())
    assert missing == []


def test_every_problem_code_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", README, flags=re.MULTILINE))
    codes = {key.removeprefix("problem.").split(".")[0] for key in catalogue() if key.startswith("problem.")}
    assert codes == documented


def test_user_values_in_messages_are_quoted_and_defanged() -> None:
    assert text("problem.unknown-key", "en", key="a\x1b[31mb") == "unknown key 'a\\x1b[31mb'"


def commands(runner: CliRunner, prefix: list[str]) -> list[list[str]]:
    """Every leaf command, found by reading the help of each group."""
    result = runner.invoke(app, [*prefix, "--help", "--lang", "en"])
    assert result.exit_code == 0, prefix
    if "Commands:" not in result.stdout:
        return [prefix]
    names = re.findall(r"^  ([a-z-]+)  ", result.stdout.split("Commands:")[1], flags=re.MULTILINE)
    return [leaf for name in names for leaf in commands(runner, [*prefix, name])]


def test_every_command_has_help_with_an_example_in_both_languages() -> None:
    runner = CliRunner()
    leaves = commands(runner, [])
    assert ["validate"] in leaves and ["partner", "show"] in leaves and ["hook", "install"] in leaves
    assert list(dict.fromkeys(leaf[0] for leaf in leaves)) == list(COMMANDS)  # all of them, in their order
    for leaf in leaves:
        english = runner.invoke(app, [*leaf, "--help", "--lang", "en"]).stdout
        japanese = runner.invoke(app, [*leaf, "--help"]).stdout
        assert "Example: haru " in english and "Usage:" in english, leaf
        assert "例: haru " in japanese and "使い方:" in japanese and "オプション" in japanese, leaf
        assert "Show this message" not in japanese, leaf


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "partne", "show", "ueda"])
    assert result.exit_code == 2
    assert "No such command 'partne'. Did you mean 'partner'?" in result.output
