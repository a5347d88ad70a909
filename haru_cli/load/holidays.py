"""Japan's public holidays, from the `holidays` package, for the business days of rules/calendar.py (which
the caller builds of them: load imports no rules).

Importing `holidays` costs more than the rest of a command (it registers every country), so the dates it
gives may be kept in a folder (the user's cache), one table per installed package: most runs then never
import it. Without a folder, they are computed in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

_SPAN = 10  # years computed around the one asked for, so that one import serves many runs
FIRST_YEAR, LAST_YEAR = 1949, 2099  # the years the `holidays` package knows Japan's public holidays for


def _package_key() -> str:
    """Which `holidays` is installed, without importing it."""
    spec = importlib.util.find_spec("holidays")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "missing"
    stat = os.stat(origin)
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


class _Table:
    """The holidays of each year asked for: from the kept table when it is of the installed `holidays`,
    else computed (for the years around it) and kept."""

    def __init__(self, folder: Path | None) -> None:
        key = _package_key()
        # One file per installed `holidays`, so that two installations of haru (a venv and pipx) sharing
        # the user's cache folder do not overwrite each other's table on every run.
        digest = hashlib.sha256(key.encode()).hexdigest()[:16]
        self.file = folder / f"holidays-jp-{digest}.txt" if folder is not None else None
        self.key = key
        self.years: dict[int, frozenset[date]] = self._kept()

    def _kept(self) -> dict[int, frozenset[date]]:
        """The table as _save wrote it: its package's key on the first line, then a line a year — the year and
        its holidays' MM-DD (lines, not JSON: json's import would be most of what reading it costs)."""
        if self.file is None:
            return {}
        try:
            key, *lines = self.file.read_text(encoding="utf-8").split("\n")
            if key != self.key:
                return {}
            years = {}
            for line in filter(None, lines):
                year, *days = line.split(" ")
                years[int(year)] = frozenset(date.fromisoformat(f"{year}-{day}") for day in days)
            return years
        except (OSError, ValueError):  # none yet, or not a table of haru's
            return {}

    def holidays(self, year: int) -> frozenset[date]:
        if year not in self.years:
            import holidays

            span = range(year - _SPAN, year + _SPAN + 1)
            computed = holidays.country_holidays("JP", years=span)
            for y in span:
                self.years[y] = frozenset(d for d in computed if d.year == y)
            self._save()
        return self.years[year]

    def _save(self) -> None:
        if self.file is None:
            return
        import tempfile  # (and random): only when the table is written

        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".holidays-", suffix=".tmp")
        except OSError:
            return  # no writable cache folder: the next run computes them again
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("\n".join([self.key, *(" ".join([f"{year:04}", *sorted(f"{d:%m-%d}" for d in days)])
                                                     for year, days in sorted(self.years.items()))]) + "\n")
            os.replace(tmp, self.file)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def japanese_holidays(folder: Path | None) -> Callable[[int], frozenset[date]]:
    """Japan's public holidays of a year in [FIRST_YEAR, LAST_YEAR], computed by `holidays` and kept in
    folder (None: in memory)."""
    return _Table(folder).holidays
