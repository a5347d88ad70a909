"""A workspace's files → its Dataset, from the parse cache while no file has changed, else read afresh
(reading.py).
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from haru_cli.dataset import FOLDERS, Dataset
from haru_cli.problems import Problem, error
from haru_cli.workspace import SETTINGS_FILE


def load_workspace(root: Path, overlay: dict[str, str] | None = None, *, cache: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> Dataset:
    """Load every record under root, run every cross-file check, and return all of it.

    `overlay` maps workspace paths to texts read as if those files were there: `haru new` validates the
    workspace as it will be, before writing anything. With `cache`, a dataset saved by an earlier run is
    used when no file has changed since (see cache.py). `progress(done, total)` is told as files load.
    """
    from haru_cli import cache as parse_cache

    # Loading builds a few million small objects and no cycles: the cyclic collector would only slow it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        listing = scan_workspace(root)
        use_cache = cache and not overlay
        if use_cache and (cached := parse_cache.read(root, listing.fingerprint)) is not None:
            return cached
        from haru_cli.reading import read_workspace  # YAML, Pydantic and the checks: only when files changed

        ds = read_workspace(root, listing, overlay or {}, progress)
        if use_cache and not listing.racy():
            parse_cache.write(root, listing.fingerprint, ds)
        return ds
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True)
class Listing:
    """The files a workspace holds now, and what is wrong with their names."""

    files: dict[str, list[tuple[str, str]]]  # folder → (workspace path, file), sorted
    problems: list[Problem]
    fingerprint: str  # changes whenever a file is added, removed, resized or touched
    newest: int  # the latest modification time of them all (ns)

    def racy(self) -> bool:
        """A file changed within the last two seconds could change again within the file system's
        timestamp resolution, keeping its size and time (git's "racy" case): do not cache it yet."""
        return self.newest > time.time_ns() - 2_000_000_000


def scan_workspace(root: Path) -> Listing:
    problems: list[Problem] = []
    stamps: list[tuple[str, int, int]] = []
    files = {folder: list(_record_files(root, folder, problems, stamps)) for folder in FOLDERS}
    settings = root / SETTINGS_FILE
    if settings.is_file():
        stamps.append(_stamp(SETTINGS_FILE, settings.stat()))
    lines = [f"{path}\t{size}\t{mtime}" for path, size, mtime in stamps]
    lines += [f"{p.path}:{p.variant}" for p in problems]
    fingerprint = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Listing(files, problems, fingerprint, max((mtime for _, _, mtime in stamps), default=0))


def _stamp(path: str, stat: os.stat_result) -> tuple[str, int, int]:
    return path, stat.st_size, stat.st_mtime_ns


def _record_files(root: Path, folder: str, problems: list[Problem],
                  stamps: list[tuple[str, int, int]]) -> Iterator[tuple[str, str]]:
    """The record files of a folder, sorted; meetings also one level down (meetings/YYYY/)."""
    base = root / folder
    if not base.is_dir():
        if base.exists():
            problems.append(error(folder, (1, 1), "file-name", variant="file-name.not-folder"))
        return
    depth = 2 if folder == "meetings" else 1
    yield from _scan(base, f"{folder}/", depth, problems, stamps)


def _scan(directory: Path, prefix: str, depth: int, problems: list[Problem],
          stamps: list[tuple[str, int, int]]) -> Iterator[tuple[str, str]]:
    try:
        with os.scandir(directory) as entries:
            listing = sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(error(prefix.rstrip("/"), (1, 1), "unreadable", reason=exc.strerror or str(exc)))
        return
    for entry in listing:
        if entry.name.startswith("."):
            continue
        path = prefix + entry.name
        if entry.is_dir() and depth > 1:
            yield from _scan(Path(entry.path), path + "/", depth - 1, problems, stamps)
        elif entry.name.endswith(".yaml"):
            if entry.is_file():
                try:
                    stamps.append(_stamp(path, entry.stat()))
                except OSError:  # gone since the folder was listed: as if it had never been there
                    continue
                yield path, entry.path  # a str: a Path for each of 27,000 files costs a warm start 0.1 s
            else:  # a FIFO or a device would hang or flood the reader
                problems.append(error(path, (1, 1), "file-name", variant="file-name.not-regular"))
        elif entry.name.lower().endswith((".yml", ".yaml")):
            # Silently ignoring it would hide a record; say why it is not read.
            problems.append(error(path, (1, 1), "file-name", variant="file-name.yml"))


__all__ = ["Listing", "load_workspace", "scan_workspace"]
