"""Typer's vendored Click is reached from one module only, and its names are still the ones Typer uses."""

from __future__ import annotations

import ast
from pathlib import Path

import typer
from typer.core import TyperCommand

from haru_cli.cli import vendored

PACKAGE = Path(__file__).resolve().parent.parent.parent / "haru_cli"


def test_only_cli_vendored_imports_typer_s_private_click() -> None:
    reaching = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [
                a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(name == "typer._click" or name.startswith("typer._click.") for name in names):
                reaching.append(path.relative_to(PACKAGE).as_posix())
    assert sorted(set(reaching)) == ["cli/vendored.py"]


def test_the_names_are_those_typer_raises_and_builds_with() -> None:
    assert issubclass(typer.BadParameter, vendored.UsageError)
    assert issubclass(vendored.NoArgsIsHelpError, vendored.UsageError)
    assert issubclass(vendored.UsageError, vendored.ClickException)
    assert issubclass(typer.Context.formatter_class, vendored.HelpFormatter)
    option = TyperCommand("x").get_help_option(typer.Context(TyperCommand("x")))
    assert option is not None and isinstance(option.type, vendored.ParamType)
