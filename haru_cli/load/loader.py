"""A workspace's files → its Dataset, from the parse cache while no file has changed, else read afresh
(reading.py).
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from haru_cli.load.workspace import SETTINGS_FILE
from haru_cli.records.dataset import FOLDERS, Dataset
from haru_cli.records.problems import Problem, error


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


@dataclass(frozen=True)
class Listing:
    """The files a workspace holds now, and what is wrong with their names."""

    files: dict[str, list[tuple[str, str]]]  # folder → (workspace path, file), sorted
    problems: list[Problem]
    fingerprint: str  # changes whenever a file is added, removed, resized, touched, moved or chmod-ed
    newest: int  # the latest modification time of them all (ns)
    size: int  # bytes of every listed file

    def racy(self) -> bool:
        """A file changed within the last two seconds could change again within the file system's
        timestamp resolution, keeping its size and time (git's "racy" case): do not cache it yet."""
        return self.newest > time.time_ns() - 2_000_000_000

    @property
    def cache_limit(self) -> int:
        """The most a parse cache of these files can sensibly weigh: a larger one is not read."""
        return 32 * 2**20 + 64 * self.size


Stamp = tuple[str, int, int, int, int, int]  # path, size, mtime, ctime, mode, inode


def scan_workspace(root: Path) -> Listing:
    problems: list[Problem] = []
    stamps: list[Stamp] = []
    files = {folder: list(_record_files(root, folder, problems, stamps)) for folder in FOLDERS}
    try:
        settings = os.lstat(root / SETTINGS_FILE)
    except OSError:
        settings = None
    if settings is not None:
        if stat.S_ISREG(settings.st_mode):
            stamps.append(_stamp(SETTINGS_FILE, settings))
        else:  # read through a link, haru.yaml could be any file of the machine
            problems.append(error(SETTINGS_FILE, (1, 1), "file-name",
                                  variant="file-name.symlink" if stat.S_ISLNK(settings.st_mode)
                                  else "file-name.not-regular"))
    lines = ["\t".join(map(str, stamp)) for stamp in stamps]
    lines += [f"{p.path}:{p.variant}" for p in problems]
    fingerprint = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
    newest = max((s[2] for s in stamps), default=0)
    return Listing(files, problems, fingerprint, newest, sum(s[1] for s in stamps))


def _stamp(path: str, info: os.stat_result) -> Stamp:
    # ctime and mode too: chmod, or an edit whose old mtime was restored, leaves size and mtime as they were.
    return path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_mode, info.st_ino


def _record_files(root: Path, folder: str, problems: list[Problem], stamps: list[Stamp]) -> Iterator[tuple[str, str]]:
    """The record files of a folder, sorted; meetings also one level down (meetings/YYYY/)."""
    base = root / folder
    try:
        info = os.lstat(base)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode):  # a folder linked from elsewhere would read files outside the workspace
        problems.append(error(folder, (1, 1), "file-name", variant="file-name.symlink"))
        return
    if not stat.S_ISDIR(info.st_mode):
        problems.append(error(folder, (1, 1), "file-name", variant="file-name.not-folder"))
        return
    depth = 2 if folder == "meetings" else 1
    yield from _scan(base, f"{folder}/", depth, problems, stamps)


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (os.fsdecode's surrogates) written as \\xNN."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _scan(directory: Path, prefix: str, depth: int, problems: list[Problem],
          stamps: list[Stamp]) -> Iterator[tuple[str, str]]:
    try:
        with os.scandir(directory) as entries:
            listing = sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(error(prefix.rstrip("/"), (1, 1), "unreadable", reason=exc.strerror or str(exc)))
        return
    for entry in listing:
        if entry.name.startswith("."):
            continue
        path = prefix + shown_name(entry.name)
        is_record = entry.name.endswith(".yaml")
        if entry.is_symlink():
            if is_record or depth > 1:  # what would be read: a record file, or a year's folder of meetings
                problems.append(error(path, (1, 1), "file-name", variant="file-name.symlink"))
            continue
        if entry.is_dir(follow_symlinks=False) and depth > 1:
            yield from _scan(Path(entry.path), path + "/", depth - 1, problems, stamps)
        elif is_record:
            if path != prefix + entry.name:  # a name from a zip made elsewhere: not UTF-8, so not an id either
                problems.append(error(path, (1, 1), "file-name", variant="file-name.encoding"))
            elif entry.is_file(follow_symlinks=False):
                try:
                    stamps.append(_stamp(path, entry.stat(follow_symlinks=False)))
                except OSError:  # gone since the folder was listed: as if it had never been there
                    continue
                yield path, entry.path  # a str: a Path for each of 27,000 files costs a warm start 0.1 s
            else:  # a FIFO or a device would hang or flood the reader
                problems.append(error(path, (1, 1), "file-name", variant="file-name.not-regular"))
        elif entry.name.lower().endswith((".yml", ".yaml")):
            # Silently ignoring it would hide a record; say why it is not read.
            problems.append(error(path, (1, 1), "file-name", variant="file-name.yml"))


__all__ = ["Listing", "load_workspace", "scan_workspace"]
