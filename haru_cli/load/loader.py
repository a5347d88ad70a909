"""A workspace's files → its Dataset, from the parse cache while no file has changed, else read afresh
(reading.py) and checked by the checks its caller hands in.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from haru_cli.load.workspace import scan_workspace
from haru_cli.records.dataset import Dataset
from haru_cli.records.registry import types_key

if TYPE_CHECKING:
    from haru_cli.load.reading import RunChecks


@dataclass(frozen=True)
class Checks:
    """The cross-file checks a load runs (rules/registered.py's run_checks, handed in by the CLI: load
    imports no rules), and what they are beyond haru's own code: the parse cache keeps the problems they
    found, so it never hands back a dataset checked by other checks."""

    run: RunChecks
    key: str = ""


def load_workspace(root: Path, overlay: dict[str, str] | None = None, *, checks: Checks | None,
                   cache: bool = False, progress: Callable[[int, int], None] | None = None) -> Dataset:
    """Load every record under root, run the cross-file checks (none with None), and return all of it.

    `overlay` maps workspace paths to texts read as if those files were there: `haru new` validates the
    workspace as it will be, before writing anything. With `cache`, a dataset saved by an earlier run is
    used when no file has changed since (see cache.py). `progress(done, total)` is told as files load.
    """
    from haru_cli.load import cache as parse_cache

    # Loading builds a few million small objects and no cycles: the cyclic collector would only slow it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        listing = scan_workspace(root)
        use_cache = cache and not overlay
        # What made the dataset besides the files and haru's code: the record types registered (one from
        # outside is no file of haru's) and the checks run. A dataset made by others is never handed back.
        made_by = f"{types_key()} checks:{'-' if checks is None else checks.key}"
        stamp = f"{listing.fingerprint} {hashlib.sha256(made_by.encode()).hexdigest()}"
        if use_cache and (cached := parse_cache.read(root, stamp, listing.cache_limit)) is not None:
            return cached
        from haru_cli.load.reading import read_workspace  # YAML, Pydantic and the checks: only when files changed

        ds = read_workspace(root, listing, overlay or {}, progress, checks.run if checks is not None else None)
        if use_cache and not listing.racy():
            parse_cache.write(root, stamp, ds)
        return ds
    finally:
        if collecting:
            gc.enable()
