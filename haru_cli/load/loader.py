"""A workspace's files → its Dataset, from the parse cache while no file has changed, else read (reading.py:
only the changed files, where the parse cache holds the others) and checked by the checks its caller hands in.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.registry import type_of_path, types_key

if TYPE_CHECKING:
    from haru_cli.load.reading import RunChecks
    from haru_cli.load.store import FileRead, Kept
    from haru_cli.load.workspace import Listing


@frozen
class Checks:
    """The cross-file checks a load runs (rules/registered.py's run_checks, handed in by the CLI: load
    imports no rules), and what they are beyond haru's own code: the parse cache keeps the problems they
    found, so it never hands back a dataset checked by other checks."""

    run: RunChecks
    key: str = ""


def load_workspace(root: Path, overlay: dict[str, str] | None = None, *, checks: Checks | None,
                   cache: bool = False, progress: Callable[[int, int], None] | None = None,
                   frozen: bool = False, listing: Listing | None = None) -> Dataset:
    """Load every record under root, run the cross-file checks (none with None), and return all of it.

    `overlay` maps workspace paths to texts read as if those files were there: `haru new` validates the
    workspace as it will be, before writing anything. With `cache`, a dataset saved by an earlier run is
    used when no file has changed since, and otherwise each unchanged file's record (store.py).
    `progress(done, total)` is told as files load. `frozen`: what is loaded lives until the process ends
    (a command's), so the record types the cache gives later are moved out of the collector's sight too.
    `listing`: the files as listed a moment ago by the caller (stamps.current), not listed again.
    """
    from haru_cli.load import stamps, store

    # Loading builds a few million small objects and no cycles: the cyclic collector would only slow it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if listing is None:
            listing = stamps.current(root, use_cache=cache)
        # What a file's record is read by besides haru's code: the record types registered (one from outside
        # is no file of haru's). The checks run are kept with the dataset: others mean checking it again.
        made_by = f"dataset {hashlib.sha256(types_key().encode()).hexdigest()}"
        checked_by = "-" if checks is None else checks.key
        kept = store.read(root, made_by, listing.cache_limit) if cache else None
        reread: dict[str, FileRead] = {}
        if kept is not None and not overlay and kept.checks == checked_by:
            same = kept.fingerprint == listing.fingerprint
            if not same:
                same, reread = _same_records(root, kept, listing)
                if same and cache and not listing.racy():
                    store.restamp(root, made_by, kept, listing)
            if same:
                # Read again without a progress bar: the command's has ended by the time a type is asked for.
                return store.dataset(root, kept, lambda: load_workspace(root, checks=checks, cache=True),
                                     frozen=frozen)
        from haru_cli.load.reading import read_workspace  # YAML, Pydantic and the checks: only when files changed

        known = _unchanged(root, kept, listing) | reread if kept is not None else {}
        ds, reads = read_workspace(root, listing, overlay or {}, progress, checks.run if checks is not None else None,
                                   known)
        if cache and not overlay and not listing.racy():
            store.write(root, made_by, listing.fingerprint, checked_by, ds, reads, listing.paths, listing.numbers,
                        kept)
        return ds
    finally:
        if collecting:
            gc.enable()


def _same_records(root: Path, kept: Kept, listing: Listing) -> tuple[bool, dict[str, FileRead]]:
    """Whether the files whose stamps changed give, read again, the very records they gave, each alone and
    without a problem, and no problem of the workspace is in them: a comment or the layout edited, a file
    saved unchanged, a branch checked out and back (git writes the files again). Then every check would
    find what it found, and the saved dataset is the workspace's as it is; only the edited files are read.
    And what the files read gave (not read again when they are not the same)."""
    from haru_cli.load.reading import read_file
    from haru_cli.load.store import Stale
    from haru_cli.load.workspace import STAMP_BYTES, fingerprint

    reread: dict[str, FileRead] = {}
    if kept.fingerprint != fingerprint(listing.paths, listing.problems, kept.numbers):
        return False, reread  # a file added, removed or renamed; a link or a folder in a file's place
    before, now = kept.numbers, listing.numbers
    changed = {path for i, path in enumerate(listing.paths)
               if before[i * STAMP_BYTES:(i + 1) * STAMP_BYTES] != now[i * STAMP_BYTES:(i + 1) * STAMP_BYTES]}
    if any(p.in_files(changed) for p in kept.head[3]):
        return False, reread
    by_path: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted(changed):
        kind = type_of_path(path)
        if kind is None:  # haru.yaml
            return False, reread
        try:
            table, paths, extras = kept.records(root, kind.name)
        except Stale:
            return False, reread
        if kind.name not in by_path:
            by_path[kind.name] = {file: key for key, file in paths.items()}
        key = by_path[kind.name].get(path)
        read = reread[path] = read_file(kind, root / path, path, None)
        if (path in extras or key is None or read.problems or not read.ok or read.kept is not None
                or not identical(read.record, table[key[1]])):
            return False, reread
    return True, reread


def identical(a: Any, b: Any) -> bool:
    """Whether two records are the same as written, not merely equal: a mapping's keys in the same order (a
    sourcing decision's criteria are shown in the order they are written), numbers of the same type and the
    same digits (15% is not 15.0%)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(map(identical, a, b))
    if dataclasses.is_dataclass(a):
        return all(identical(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return a == b and str(a) == str(b)


def _unchanged(root: Path, kept: Kept, listing: Listing) -> dict[str, FileRead]:
    """What each file that is as it was gave when it was read, from the saved dataset: those are not read
    again. Nothing when the saved dataset cannot be read whole."""
    from haru_cli.load.store import Stale
    from haru_cli.load.workspace import STAMP_BYTES

    try:
        reads = kept.reads(root)
    except Stale:
        return {}
    before = kept.stamps()
    numbers = listing.numbers
    return {path: reads[path] for i, path in enumerate(listing.paths)
            if path in reads and before.get(path) == numbers[i * STAMP_BYTES:(i + 1) * STAMP_BYTES]}
