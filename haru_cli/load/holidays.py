"""Japan's public holidays, from the `holidays` package, for the business days of rules/calendar.py.

Importing `holidays` costs more than the rest of a command (it registers every country), so the CLI may
ask for the dates it gives to be kept in a folder (keep_holidays_in), keyed by the installed package:
most runs then never import it. Without a folder, they are computed in memory.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from haru_cli.rules.calendar import BusinessDays

_SPAN = 10  # years computed around the one asked for, so that one import serves many runs
_folder: Path | None = None


def keep_holidays_in(folder: Path | None) -> None:
    """Keep the computed holidays in folder (None: in memory only)."""
    global _folder
    _folder = folder
    _table.cache_clear()
    _holidays.cache_clear()


def _table_file(key: str) -> Path | None:
    """One file per installed `holidays`, so that two installations of haru (a venv and pipx) sharing the
    user's cache folder do not overwrite each other's table on every run."""
    if _folder is None:
        return None
    return _folder / f"holidays-jp-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"


def _package_key() -> str:
    """Which `holidays` is installed, without importing it."""
    spec = importlib.util.find_spec("holidays")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "missing"
    stat = os.stat(origin)
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    """The saved holiday dates, if they are of the installed `holidays`; else an empty table to fill."""
    key = _package_key()
    file = _table_file(key)
    if file is None:
        return {"key": key, "years": {}}
    try:
        table = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable
        return {"key": key, "years": {}}
    if isinstance(table, dict) and table.get("key") == key and isinstance(table.get("years"), dict):
        return table
    return {"key": key, "years": {}}


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    table = _table()
    if str(year) not in table["years"]:
        import holidays

        computed = holidays.country_holidays("JP", years=range(year - _SPAN, year + _SPAN + 1))
        for y in range(year - _SPAN, year + _SPAN + 1):
            table["years"][str(y)] = sorted(d.isoformat() for d in computed if d.year == y)
        _save(table)
    return frozenset(date.fromisoformat(d) for d in table["years"][str(year)])


def _save(table: dict[str, Any]) -> None:
    import tempfile

    target = _table_file(table["key"])
    if target is None:
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".holidays-", suffix=".tmp")
    except OSError:
        return  # no writable cache folder: the next run computes them again
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(table, handle)
        os.replace(tmp, target)
    except OSError:
        os.unlink(tmp)


FIRST_YEAR, LAST_YEAR = 1949, 2099  # the years the `holidays` package knows Japan's public holidays for


def japanese_business_days(folder: Path | None) -> BusinessDays:
    """Japanese business days, their holidays computed by `holidays` and kept in folder (None: in memory)."""
    keep_holidays_in(folder)
    return BusinessDays(_holidays, FIRST_YEAR, LAST_YEAR)
