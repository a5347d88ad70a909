"""A workspace on disk: which one a command works on (SPEC §2: --data, else HARU_DATA, else the nearest one
upwards), and the record files it holds now (the Listing, whose fingerprint the parse cache is keyed by)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import operator
import os
import stat
import time
from array import array
from pathlib import Path
from typing import Any

from haru_cli.records.frozen import frozen
from haru_cli.records.problems import Problem, error
from haru_cli.records.registry import SETTINGS_FILE, TYPES, RecordType


class WorkspaceNotFound(Exception):
    """No workspace where one was asked for or looked for."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(f"{reason}: {path}")
        self.reason = reason  # "no-folder" | "not-folder" | "no-settings" | "none-found"
        self.path = path


def find_workspace(explicit: Path | None, start: Path) -> Path:
    """The workspace folder: explicit (from --data or HARU_DATA; it or its data/ holds haru.yaml) or the
    nearest from start upwards that holds haru.yaml or data/haru.yaml."""
    if explicit is not None:
        if explicit.exists() and not explicit.is_dir():
            raise WorkspaceNotFound("not-folder", explicit)
        if not explicit.is_dir():
            raise WorkspaceNotFound("no-folder", explicit)
        for folder in (explicit, explicit / "data"):
            if (folder / SETTINGS_FILE).is_file():
                return folder
        raise WorkspaceNotFound("no-settings", explicit)
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
        if (folder / "data" / SETTINGS_FILE).is_file():
            return folder / "data"
    raise WorkspaceNotFound("none-found", start)


@frozen
class Listing:
    """The files a workspace holds now, and what is wrong with their names."""

    root: str
    paths: list[str]  # every record file, type by type in the registry's order, sorted; then haru.yaml if there
    counts: tuple[int, ...]  # how many of the paths are of each type
    numbers: bytes  # each path's size, mtime, ctime (ns), mode and inode, five signed 64-bit numbers (array "q")
    folders: tuple[tuple[str, ...], bytes]  # the folders listed, and the same of each: a file added or
    # removed changes its folder's mtime, so that while none has changed, the files are the same
    problems: list[Problem]
    fingerprint: str  # changes whenever a file is added, removed, resized, touched, moved or chmod-ed
    newest: int  # the latest modification time of them all (ns)
    size: int  # bytes of every listed file
    taken: int  # when the stamps were taken (ns)

    @functools.cached_property
    def files(self) -> dict[str, list[tuple[str, str]]]:
        """Record type → (workspace path, file), sorted."""
        found: dict[str, list[tuple[str, str]]] = {}
        at = 0
        for kind, count in zip(TYPES, self.counts, strict=True):
            found[kind.name] = [(path, os.path.join(self.root, path)) for path in self.paths[at:at + count]]
            at += count
        return found

    def folders_racy(self) -> bool:
        """The same of its folders: the listing itself is not kept (stamps.py) while one is racy."""
        return max(_mtimes(self.folders[1]), default=0) > self.taken - RACY_NS

    def racy(self) -> bool:
        """A file changed within two seconds before its stamps were taken could have changed again since,
        within the file system's timestamp resolution, keeping its size and time (git's "racy" case): what
        was read of it is not cached yet."""
        return self.newest > self.taken - RACY_NS

    @property
    def cache_limit(self) -> int:
        """The most a parse cache of these files can sensibly weigh: a larger one is not read."""
        return 32 * 2**20 + 64 * self.size


def stamps(info: os.stat_result) -> tuple[int, int, int, int, int]:
    """What the listing keeps of a file or folder: size, mtime and ctime (ns), mode and inode. ctime and mode
    too: chmod, or an edit whose old mtime was put back, leaves size and mtime as they were."""
    # A time past 2262 (a file from someone else can carry one) kept as the largest a signed 64 bits holds;
    # an inode of 64 bits, within a signed one.
    return (info.st_size, min(info.st_mtime_ns, LARGEST), min(info.st_ctime_ns, LARGEST), info.st_mode,
            info.st_ino & LARGEST)


LARGEST = 2**63 - 1
RACY_NS = 2_000_000_000  # a file changed this recently (ns) may change again unseen (Listing.racy)
STAMP_BYTES = 5 * 8  # the bytes of one file's stamps in a Listing's numbers


class _Seen:
    """What the listing saw of each file, in one array (27,000 files are then a few arrays, not a hundred
    thousand objects), and of each folder."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.numbers = array("q")
        self.folders: list[str] = []
        self.folder_numbers = array("q")
        self.size = 0

    def add(self, path: str, info: os.stat_result) -> None:
        self.paths.append(path)
        self.numbers.extend(stamps(info))
        self.size += info.st_size

    def folder(self, path: str, info: os.stat_result) -> None:
        self.folders.append(path)
        self.folder_numbers.extend(stamps(info))


def _mtimes(numbers: bytes) -> array[int]:
    """The modification times of stamps (the second of each five numbers)."""
    found = array("q")
    found.frombytes(numbers)
    return found[1::5]


def scan_workspace(root: Path) -> Listing:
    """Every file of the workspace, each folder listed and each file's stamps taken."""
    problems: list[Problem] = []
    seen = _Seen()
    taken = time.time_ns()
    with contextlib.suppress(OSError):  # a file of a new type's folder changes the workspace folder's mtime
        seen.folder(".", os.stat(root))  # the folder itself, as stamps.py finds it (--data may be a link to it)
    counts = []
    for kind in TYPES:
        before = len(seen.paths)
        _record_files(root, kind, problems, seen)
        counts.append(len(seen.paths) - before)
    try:
        settings = os.lstat(root / SETTINGS_FILE)
    except OSError:
        settings = None
    if settings is not None:
        if stat.S_ISREG(settings.st_mode):
            seen.add(SETTINGS_FILE, settings)
        else:  # read through a link, haru.yaml could be any file of the machine
            problems.append(error(SETTINGS_FILE, (1, 1), "file-name",
                                  variant="file-name.symlink" if stat.S_ISLNK(settings.st_mode)
                                  else "file-name.not-regular"))
    return listed(str(root), seen.paths, tuple(counts), seen.numbers.tobytes(),
                  (tuple(seen.folders), seen.folder_numbers.tobytes()), problems, seen.size, taken)


def listed(root: str, paths: list[str], counts: tuple[int, ...], numbers: bytes,
           folders: tuple[tuple[str, ...], bytes], problems: list[Problem], size: int, taken: int) -> Listing:
    """The listing of these files with these stamps: its fingerprint and newest time worked out."""
    newest = max(_mtimes(numbers), default=0)
    return Listing(root, paths, counts, numbers, folders, problems, fingerprint(paths, problems, numbers), newest,
                   size, taken)


def fingerprint(paths: list[str], problems: list[Problem], numbers: bytes) -> str:
    """What a listing of these files, with these problems and stamps, is known by."""
    digest = hashlib.sha256()
    digest.update("\0".join([*paths, *(f"{p.path}:{p.variant}" for p in problems)]).encode(
        "utf-8", "surrogateescape"))
    digest.update(numbers)
    return digest.hexdigest()


def _record_files(root: Path, kind: RecordType[Any], problems: list[Problem], seen: _Seen) -> None:
    """The record files of a type's folder; one level down for types filed by year (meetings/YYYY/)."""
    folder = kind.folder
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
    seen.folder(folder, info)
    _scan(base, f"{folder}/", kind.depth, problems, seen)


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (os.fsdecode's surrogates) written as \\xNN."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


_NAME = operator.attrgetter("name")


def _scan(directory: Path, prefix: str, depth: int, problems: list[Problem], seen: _Seen) -> None:
    try:
        with os.scandir(directory) as entries:
            listing = sorted(entries, key=_NAME)
    except OSError as exc:
        problems.append(error(prefix.rstrip("/"), (1, 1), "unreadable", reason=exc.strerror or str(exc)))
        return
    for entry in listing:
        name = entry.name
        if name.startswith("."):
            continue
        if name.endswith(".yaml") and name.isascii() and entry.is_file(follow_symlinks=False):  # most of them
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:  # gone since the folder was listed: as if it had never been there
                continue
            seen.add(prefix + name, info)
            continue
        path = prefix + shown_name(name)
        is_record = name.endswith(".yaml")
        if entry.is_symlink():
            if is_record or depth > 1:  # what would be read: a record file, or a year's folder of meetings
                problems.append(error(path, (1, 1), "file-name", variant="file-name.symlink"))
            continue
        if entry.is_dir(follow_symlinks=False) and depth > 1:
            try:
                seen.folder(path, entry.stat(follow_symlinks=False))
            except OSError:  # gone since the folder was listed
                continue
            _scan(Path(entry.path), path + "/", depth - 1, problems, seen)
        elif is_record:
            if path != prefix + entry.name:  # a name from a zip made elsewhere: not UTF-8, so not an id either
                problems.append(error(path, (1, 1), "file-name", variant="file-name.encoding"))
            elif entry.is_file(follow_symlinks=False):
                try:
                    seen.add(path, entry.stat(follow_symlinks=False))
                except OSError:  # gone since the folder was listed: as if it had never been there
                    continue
            else:  # a FIFO or a device would hang or flood the reader
                problems.append(error(path, (1, 1), "file-name", variant="file-name.not-regular"))
        elif entry.name.lower().endswith((".yml", ".yaml")):
            # Silently ignoring it would hide a record; say why it is not read.
            problems.append(error(path, (1, 1), "file-name", variant="file-name.yml"))
