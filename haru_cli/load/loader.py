"""A workspace's files → its Dataset, from the parse cache while no file has changed, else read afresh
(reading.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from haru_cli.load.workspace import scan_workspace
from haru_cli.records.dataset import Dataset


def load_workspace(root: Path, overlay: dict[str, str] | None = None, *, cache: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> Dataset:
    """Load every record under root, run every cross-file check, and return all of it.

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
        if use_cache and (cached := parse_cache.read(root, listing.fingerprint, listing.cache_limit)) is not None:
            return cached
        from haru_cli.load.reading import read_workspace  # YAML, Pydantic and the checks: only when files changed

        ds = read_workspace(root, listing, overlay or {}, progress)
        if use_cache and not listing.racy():
            parse_cache.write(root, listing.fingerprint, ds)
        return ds
    finally:
        if collecting:
            gc.enable()
