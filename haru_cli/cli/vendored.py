"""The few names of Click that haru needs and Typer does not export: the one module that imports them.

Since 0.26 Typer vendors Click as its private `typer._click` and exports only part of it (`typer.Context`,
`typer.BadParameter`, `typer.core.TyperGroup` …: use those where they serve). Click installed as its own
distribution is no substitute: its classes are others (Typer never raises `click.UsageError`, and a
`click.ParamType` is not one to Typer), and importing it would cost every run ~15 ms. So the rest comes
from the vendored Click, here only; pyproject's bound on Typer (<0.29) holds its layout, and
tests/cli/test_vendored.py fails should a release move a name or another module reach into it.
"""

from typer._click.exceptions import ClickException, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer._click.formatting import HelpFormatter, wrap_text
from typer._click.types import ParamType

__all__ = ["ClickException", "HelpFormatter", "MissingParameter", "NoArgsIsHelpError", "NoSuchOption", "ParamType",
           "UsageError", "wrap_text"]
