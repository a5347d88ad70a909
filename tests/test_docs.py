"""The catalogue has every text in both languages; every key the code and templates ask for exists; the
README documents every problem code; every command has help, in both languages."""

from __future__ import annotations

import dataclasses
import json
import re
import string
from pathlib import Path

import pytest
import typer.main
from typer import Context
from typer.core import TyperGroup
from typer.testing import CliRunner

from haru_cli.cli import COMMANDS, app
from haru_cli.i18n import catalogue, text
from haru_cli.records import models
from tests.helpers import BANKED, PROJECTS, SCENARIO, SCHOOL, TODAY, VENDORS, Haru, write_workspace

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
    params = dict.fromkeys(placeholders(english), 1234)  # a number suits every spec ({limit:,})
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
    names = re.findall(r"^  ([a-z-]+)(?:  |$)", result.stdout.split("Commands:")[1], flags=re.MULTILINE)
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


# The project's own reference, docs/: kept true by reading it against the code.

DOCS = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md"))}


def model_tables() -> dict[str, list[str]]:
    """`<!-- model: Name -->` and the first column of the table under it: the keys it documents."""
    tables: dict[str, list[str]] = {}
    for text_ in DOCS.values():
        for name, table in re.findall(r"<!-- model: (\w+) -->\n((?:\|.*\n)+)", text_):
            tables[name] = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE)
    return tables


def test_every_record_key_is_documented_and_every_documented_key_exists() -> None:
    classes = {name: cls for name, cls in vars(models).items()
               if dataclasses.is_dataclass(cls) and cls.__module__ == models.__name__}
    tables = model_tables()
    assert set(tables) == set(classes)  # a table for every model, and no table of a model that is gone
    for name, keys in tables.items():
        assert keys == list(dict.fromkeys(keys)), name
        assert set(keys) == {f.name for f in dataclasses.fields(classes[name])}, name


def named_commands() -> list[tuple[str, list[str]]]:
    """Every `haru …` of the README and docs/, in code spans and in code blocks."""
    found = []
    for where, text_ in {"README.md": README, **DOCS}.items():
        spans = re.findall(r"`(?:\.venv/bin/)?(haru [^`\n]*)`", text_)
        blocks = re.findall(r"```(?:sh)?\n(.*?)```", text_, flags=re.DOTALL)
        lines = [part.strip() for block in blocks for line in block.splitlines()
                 for part in re.split(r"&&|;|#", line)]
        for command in [*spans, *lines]:
            command = re.sub(r"^(?:\.venv/bin/)?haru\b", "haru", command)
            if command.startswith("haru "):
                found.append((where, command.split()[1:]))
    return found


def test_every_command_the_docs_name_exists() -> None:
    group = typer.main.get_command(app)
    named = named_commands()
    assert len(named) > 40  # the scan sees the docs
    checked: set[str] = set()
    for where, words in named:
        while words and words[0].startswith("--"):  # global options, and their values
            words = words[2:] if words[0] in ("--data", "--today", "--lang") else words[1:]
        command = group
        with Context(group) as context:
            for word in words[:2]:
                if not isinstance(command, TyperGroup) or not re.fullmatch(r"[a-z]+", word):
                    break
                found = command.get_command(context, word)
                assert found is not None, (where, " ".join(words))
                checked.add(" ".join(words[:2]))
                command = found
    assert {"validate", "partner show", "fees calc", "report monthly", "new meeting"} <= checked  # it looked


def json_shapes() -> list[tuple[str, object]]:
    """`<!-- json: ARGS -->` and the shape under it, `{"key", "key": [{"key"}]}`, read as JSON."""
    shapes = []
    for text_ in DOCS.values():
        for args, shape in re.findall(r"<!-- json: ([^>]+) -->\n```\n(.*?)```", text_, flags=re.DOTALL):
            shapes.append((args.strip(), json.loads(re.sub(r'"([a-z_]+)"(?=\s*[,}])', r'"\1": null', shape))))
    return shapes


def missing_keys(shape: object, actual: object, path: str = "") -> list[str]:
    """The documented keys that the actual output lacks, where the shape puts them."""
    if isinstance(shape, dict):
        if not isinstance(actual, dict):
            return [f"{path} is not an object"]
        return [missing for key, inner in shape.items()
                for missing in ([f"{path}.{key}"] if key not in actual else missing_keys(inner, actual[key],
                                                                                           f"{path}.{key}"))]
    if isinstance(shape, list):
        if not isinstance(actual, list) or not actual:
            return [f"{path} is not a non-empty list here"]
        merged: dict[str, object] = {}  # the items' keys; a list under a key is the items' lists together
        for item in (i for i in actual if isinstance(i, dict)):
            for key, value in item.items():
                known = merged.get(key)
                merged[key] = [*known, *value] if isinstance(known, list) and isinstance(value, list) else value
        return missing_keys(shape[0], merged, f"{path}[]")
    return []


@pytest.mark.parametrize(("args", "shape"), json_shapes(), ids=lambda value: str(value)[:40])
def test_every_json_key_the_docs_name_is_in_the_output(
    haru: Haru, tmp_path: Path, args: str, shape: object
) -> None:
    nda = "id: nda\npartner: ueda\ntype: nda\nstart: 2026-01-01\ndocument: signed/nda.pdf\n"  # a warning
    action = ("id: action\npartners: [ueda]\ndate: 2026-11-01\nactions:\n"
              "  - {task: 提案書を送付, due: 2026-11-20}\n")  # an open action, overdue
    automation = ("id: drafting\ntitle: 議事録\narea: partners\nsince: 2026-06-01\n"
                  "baseline: {minutes: 60, per_month: 8}\n"
                  "measurements:\n  - {date: 2026-06-30, minutes: 20, per_month: 8}\n")
    write_workspace(tmp_path, {**SCENARIO, **BANKED, "contracts/nda.yaml": nda, "meetings/2026/action.yaml": action,
                               "automations/drafting.yaml": automation, **VENDORS, **SCHOOL, **PROJECTS})
    result = haru("--data", str(tmp_path), *TODAY, *args.split())
    assert result.exit_code in (0, 1), result.output
    assert missing_keys(shape, json.loads(result.stdout)) == []


def test_the_docs_are_linked_from_the_readme_and_do_not_send_readers_outside_the_project() -> None:
    for name in DOCS:
        assert f"docs/{name}" in README, name
    for where, text_ in {"README.md": README, **DOCS}.items():
        assert "../shared" not in text_ and "SPEC" not in text_, where
        for target in re.findall(r"\]\(([^)#]+)", text_):
            if not target.startswith(("http://", "https://")):
                base = ROOT if where == "README.md" else ROOT / "docs"
                assert (base / target).exists(), (where, target)


def test_a_mistyped_subcommand_gets_a_suggestion_in_japanese_too() -> None:
    result = CliRunner().invoke(app, ["partner", "lst"])
    assert result.exit_code == 2
    assert "コマンド 'lst' はありません。'list' のことですか？" in result.output
