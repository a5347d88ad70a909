"""Problems are values: every check returns them, one failing check never stops the others.

A check knows records, not files: it yields a `Finding` about a record and a key path in it (`("fees",
"customer", "rate")`); the load stage, which parsed the files, turns each into a `Problem` at the line
and column of that key or value.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Literal, Protocol

from haru_cli.i18n import text
from haru_cli.records.frozen import frozen

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]  # a key path in a record: ("payments", 0, "date")
Mark = tuple[int, int]  # 1-based line and column


@frozen
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
        return text(f"problem.{self.variant or self.code}", lang, **self.params)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def in_files(self, files: set[str]) -> bool:
        """Whether the problem is in, or is about, one of these files (concerns() for files only: each of the
        problem's paths looked up in the set, which a branch checked out fills with thousands)."""
        return self.path in files or not files.isdisjoint(self.related)

    def concerns(self, paths: set[str]) -> bool:
        """Whether the problem is in, or is about, one of these workspace paths (or folders: "" is all)."""
        files = (self.path, *self.related)
        return any(p == "" or f == p or f.startswith(p + "/") for p in paths for f in files)


def error(path: str, mark: Mark, code: str, variant: str = "", **params: Any) -> Problem:
    return Problem(path, mark[0], mark[1], "error", code, params, variant=variant)


def warning(path: str, mark: Mark, code: str, variant: str = "", **params: Any) -> Problem:
    return Problem(path, mark[0], mark[1], "warning", code, params, variant=variant)


@frozen
class Finding:
    """What a check found wrong with one record: at `loc` in it (its key, with `key`), and about which
    other files (`related`: `haru validate PATH` reports it for those too)."""

    kind: str  # the record type's name in the registry
    record: str  # the record's id
    loc: Loc
    severity: Severity
    code: str
    variant: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    key: bool = False
    related: tuple[str, ...] = ()


class _Kind(Protocol):
    """A record type (records/registry.py's RecordType), as a finding names it."""

    @property
    def name(self) -> str: ...


def finding(record_type: _Kind, record_id: str, loc: Loc, code: str, variant: str = "", /, *,
            severity: Severity = "error", key: bool = False, related: tuple[str, ...] = (),
            **params: Any) -> Finding:
    """What a check found: an error (unless said otherwise) of the record at loc (at its key, with key)."""
    return Finding(record_type.name, record_id, loc, severity, code, variant, params, key, related)


def warn(record_type: _Kind, record_id: str, loc: Loc, code: str, variant: str = "", /, *,
         key: bool = False, **params: Any) -> Finding:
    """What a check found that is worth saying but no error."""
    return finding(record_type, record_id, loc, code, variant, severity="warning", key=key, **params)
