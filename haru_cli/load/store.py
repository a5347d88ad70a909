"""The parse cache of a workspace's records, in .haru-cache/ (cache.py signs and places its files):

- a head: what every command needs — haru.yaml's settings, the problems, the skipped files — and the stamps
  of the files it was made from;
- one file per record type, unpickled only when a command first asks for that type (`partner show` never
  reads the 48,000 time entries, `validate` no record at all).

When some files changed, each unchanged file's record is taken from here as it was read, and only the changed
ones are read again (reading.py), before every cross-file check runs again on the whole. A type whose records
came out the same keeps its file; the others are written anew.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haru_cli.load import cache
from haru_cli.load.workspace import STAMP_BYTES
from haru_cli.records.dataset import Dataset, Tables
from haru_cli.records.frozen import frozen
from haru_cli.records.problems import Problem
from haru_cli.records.registry import BY_NAME, type_of_path

if TYPE_CHECKING:
    from haru_cli.load.workspace import Listing

HEAD = "dataset.pickle"
TYPE_FILE = "records-{}.pickle"


@frozen(slots=True)
class FileRead:
    """What one record file gave, read alone: its record (if it could be read at all), the problems found
    in it, and whether it may be loaded as far as the file alone can tell."""

    record: Any
    problems: tuple[Problem, ...] = ()
    ok: bool = True
    names: tuple[str, ...] = ()  # for a file that is not: its name, reading and other names, as far as read
    partners: tuple[str, ...] = ()  # and the partners it belongs to
    kept: tuple[int, ...] | None = None  # a time log read without its bad entries: where each kept one was


_CLEAN = ((), True, (), (), None)


@dataclass
class Kept:
    """A dataset saved by an earlier run: its head, and the tokens of its record types' files."""

    fingerprint: str  # of the files it was made from (the Listing's)
    checks: str  # the cross-file checks it was checked by
    head: tuple[Any, ...]  # settings, skipped files, partly read files, problems, count of files
    paths: list[str]  # the files it was made from, and their stamps (as in a Listing)
    numbers: bytes
    tokens: dict[str, str]  # record type → the token its file is signed with
    loaded: dict[str, tuple[dict[str, Any], dict[tuple[str, str], str], dict[str, FileRead]]] = field(
        default_factory=dict)
    limit: int = 0  # the most a file of it may weigh (its head's bound), set when it is read

    def stamps(self) -> dict[str, bytes]:
        """Each file's stamps as they were."""
        return {path: self.numbers[i * STAMP_BYTES:(i + 1) * STAMP_BYTES] for i, path in enumerate(self.paths)}

    def records(self, root: Path, name: str) -> tuple[dict[str, Any], dict[tuple[str, str], str], dict[str, FileRead]]:
        """A record type's records by id, their files, and what the files that are not simply loaded gave."""
        if name not in self.loaded:
            token = self.tokens.get(name)
            body = None if token is None else cache.read_signed(root, TYPE_FILE.format(name), token, self.limit)
            found = _unpickled(body) if body is not None else None
            if found is None:
                raise Stale(name)
            self.loaded[name] = found
        return self.loaded[name]

    def reads(self, root: Path) -> dict[str, FileRead]:
        """What each file it was made from gave, read alone (the unchanged ones are not read again)."""
        found: dict[str, FileRead] = {}
        for name in self.tokens:
            table, paths, extras = self.records(root, name)
            for (_, record_id), path in paths.items():
                found[path] = FileRead(table[record_id], *_CLEAN)
            found.update(extras)
        return found


class Stale(Exception):
    """A record type's file is gone or not the one its head names (another haru wrote the cache since)."""


def _unpickled(body: bytes | memoryview) -> Any:
    try:
        found = pickle.loads(body)
    except Exception:  # signed by us, yet unreadable (a haru with other classes): read the files again
        return None
    return found if isinstance(found, tuple) and len(found) == 3 else None


def read(root: Path, made_by: str, limit: int) -> Kept | None:
    """The head of the dataset saved for this haru and these record types, if this user's haru saved one."""
    body = cache.read_signed(root, HEAD, made_by, limit)
    if body is None:
        return None
    try:
        kept = pickle.loads(body)
    except Exception:  # signed by us, yet unreadable: read the files again
        return None
    if not isinstance(kept, Kept):
        return None
    kept.limit = limit
    return kept


def dataset(root: Path, kept: Kept, reread: Callable[[], Dataset], *, frozen: bool) -> Dataset:
    """The dataset kept, its records unpickled type by type as they are asked for (and, `frozen`, moved out
    of the cyclic collector's sight: they live until the process ends). Should a type's file have gone
    since, or be another run's (two harus writing the cache at once), the head is forgotten and the files
    are read again (`reread`, which caches them anew)."""
    settings, skipped_files, partly_read, problems, files = kept.head
    ds = Dataset(root, settings=settings, partly_read=partly_read, problems=problems, files=files)
    for skipped in skipped_files:
        ds.skip_file(skipped)
    fresh: list[Dataset] = []
    known = ds.paths  # not ds itself: no cycle, which the collector would have to find

    def load(name: str) -> dict[str, Any]:
        # Unpickling makes a million objects without a cycle: the collector would only walk them, and walk
        # them again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            try:
                table, paths, _ = kept.records(root, name)
            except Stale:
                if not fresh:  # the head forgotten, so that the files read now make the cache again
                    cache.remove(root, HEAD)
                    fresh.append(reread())
                kind = BY_NAME[name]
                table = fresh[0].of(kind)
                paths = {(name, record_id): fresh[0].path_of(kind, record_id) for record_id in table}
            known.update(paths)
        finally:
            if frozen:
                gc.freeze()
            if collecting:
                gc.enable()
        return table

    ds.tables = Tables(load)
    return ds


def write(root: Path, made_by: str, fingerprint: str, checks: str, ds: Dataset, reads: dict[str, FileRead],
          listing_paths: list[str], numbers: bytes, old: Kept | None) -> None:
    """Save the dataset (its records as read from `reads`' files): a type whose records, files and problems
    are those of the old cache keeps its file."""
    import secrets  # (and random): only when the cache is written, not on every warm start
    tokens: dict[str, str] = {}
    by_type: dict[str, dict[tuple[str, str], str]] = {name: {} for name in ds.tables}
    for key, path in ds.paths.items():
        by_type[key[0]][key] = path
    of_type: dict[str, dict[str, FileRead]] = {name: {} for name in ds.tables}
    for path, read in reads.items():
        kind = type_of_path(path)
        if kind is not None:
            of_type.setdefault(kind.name, {})[path] = read
    for name, table in ds.tables.items():
        paths = by_type[name]
        extras = {path: read for path, read in of_type.get(name, {}).items()
                  if not _simply_loaded(table, paths, name, path, read)}
        if old is not None and _same(old, name, table, paths, extras):
            tokens[name] = old.tokens[name]
            continue
        try:
            body = pickle.dumps((table, paths, extras), protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, AttributeError, TypeError):  # a type registered from outside, not picklable
            return
        tokens[name] = secrets.token_hex(16)
        if not cache.write_signed(root, TYPE_FILE.format(name), tokens[name], body):
            return
    head = (ds.settings, list(ds.skipped_files.values()), ds.partly_read, ds.problems, ds.files)
    kept = Kept(fingerprint, checks, head, listing_paths, numbers, tokens)  # nothing loaded, no bound: as read
    cache.write_signed(root, HEAD, made_by, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


def restamp(root: Path, made_by: str, kept: Kept, listing: Listing) -> None:
    """Save the kept dataset again as that of these files (whose records are those it holds): its head with
    the files' stamps now; the record types' files as they are."""
    fresh = Kept(listing.fingerprint, kept.checks, kept.head, listing.paths, listing.numbers, kept.tokens)
    cache.write_signed(root, HEAD, made_by, pickle.dumps(fresh, protocol=pickle.HIGHEST_PROTOCOL))


def _simply_loaded(table: dict[str, Any], paths: dict[tuple[str, str], str], name: str, path: str,
                   read: FileRead) -> bool:
    """Whether the file gave its record alone, without a problem, and the record is loaded as it gave it."""
    if read.problems or not read.ok or read.kept is not None or read.record is None:
        return False
    record_id = read.record.id
    return table.get(record_id) is read.record and paths.get((name, record_id)) == path


def _same(old: Kept, name: str, table: dict[str, Any], paths: dict[tuple[str, str], str],
          extras: dict[str, FileRead]) -> bool:
    """Whether a type's records, files and what its other files gave are those the old cache holds."""
    if name not in old.loaded:  # never unpickled this run: nothing of it was taken from there
        return False
    old_table, old_paths, old_extras = old.loaded[name]
    return (old_table.keys() == table.keys() and all(old_table[k] is v for k, v in table.items())
            and old_paths == paths and old_extras == extras)

