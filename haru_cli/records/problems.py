"""Problems are values: every check returns them, one failing check never stops the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from haru_cli.i18n.problems import render_message

Severity = Literal["error", "warning"]

@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, at the line and column where it is."""

    path: str  # relative to the workspace, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    severity: Severity
    code: str  # stable, documented in the README
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Other files the problem is about (a reference's target): `haru validate PATH` reports it for those too.
    related: tuple[str, ...] = ()
    # Which message text to use when one code has several (defaults to the code itself).
    variant: str = ""

    def message(self, lang: str = "ja") -> str:
        return render_message(self.variant or self.code, lang, self.params)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def concerns(self, paths: set[str]) -> bool:
        """Whether the problem is in, or is about, one of these workspace paths (or folders: "" is all)."""
        files = (self.path, *self.related)
        return any(p == "" or f == p or f.startswith(p + "/") for p in paths for f in files)


def error(path: str, mark: tuple[int, int], code: str, variant: str = "", **params: Any) -> Problem:
    return Problem(path, mark[0], mark[1], "error", code, params, variant=variant)


def warning(path: str, mark: tuple[int, int], code: str, variant: str = "", **params: Any) -> Problem:
    return Problem(path, mark[0], mark[1], "warning", code, params, variant=variant)
