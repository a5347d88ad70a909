"""The files of a workspace as last listed, kept in .haru-cache/, so that a warm command compares stamps
rather than listing every folder: a file added, removed or renamed changes its folder's modification
time (git's untracked cache rests on the same), so while every folder listed is as it was, the files are
the same ones, and each one's stamps (size, times, mode, inode) are taken by one lstat and compared as one
block of bytes with those kept. Any folder changed means the folders are listed again.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import time
from array import array
from pathlib import Path

from haru_cli.load import cache
from haru_cli.load.workspace import LARGEST, STAMP_BYTES, Listing, listed, scan_workspace, stamps
from haru_cli.processes import may_fork
from haru_cli.records.registry import types_key

SNAPSHOT = "listing.pickle"
_LIMIT = 2**27  # ~80 bytes a file: 1.5 million files (a forged, larger one is not even read)


def current(root: Path, *, use_cache: bool) -> Listing:
    """The workspace's files now: from the kept listing when no folder has changed, else listed afresh
    (and kept, once nothing in it changed in the last two seconds)."""
    if not use_cache:
        return scan_workspace(root)
    made_by = f"listing {types_key()}"
    kept = _kept(root, made_by)
    listing = _restat(root, kept) if kept is not None else None
    if listing is not None and kept is not None and listing.numbers is kept.numbers:
        return listing
    if listing is None:
        listing = scan_workspace(root)
    if not listing.racy() and not listing.folders_racy():
        fields = (listing.paths, listing.counts, listing.numbers, listing.folders, listing.problems,
                  listing.fingerprint, listing.newest, listing.size)
        cache.write_signed(root, SNAPSHOT, made_by, pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL))
    return listing


def _kept(root: Path, made_by: str) -> Listing | None:
    body = cache.read_signed(root, SNAPSHOT, made_by, _LIMIT)
    if body is None:
        return None
    try:
        paths, counts, numbers, folders, problems, fingerprint, newest, size = pickle.loads(body)
        return Listing(str(root), paths, counts, numbers, folders, problems, fingerprint, newest, size, 0)
    except Exception:  # signed by us, yet unreadable (another haru's classes): list the folders again
        return None


def _restat(root: Path, kept: Listing) -> Listing | None:
    """The kept listing with each file's stamps now (itself when none changed); None when a folder changed,
    or a file is gone."""
    base = str(root)
    taken = time.time_ns()
    folders, numbers = kept.folders
    now = array("q")
    try:
        for folder in folders:
            now.extend(stamps(os.lstat(f"{base}/{folder}")))
    except OSError:
        return None
    if now.tobytes() != numbers:
        return None
    found = taken_by_two(base, kept.paths) if len(kept.paths) >= SHARED_FROM and may_fork() \
        else _taken(base, kept.paths)
    if found is None:
        return None
    if found == kept.numbers:
        return dataclasses.replace(kept, taken=taken)
    files = array("q")
    files.frombytes(found)
    return listed(base, kept.paths, kept.counts, found, kept.folders, kept.problems, sum(files[0::5]), taken)


def _taken(base: str, paths: list[str]) -> bytes | None:
    """The files' stamps now, as one block of bytes; None when one is gone."""
    files = array("q")
    add, lstat, largest = files.extend, os.lstat, LARGEST
    try:
        for path in paths:  # workspace.stamps(), written out: 48,000 calls of it are 8% of this loop
            info = lstat(f"{base}/{path}")
            mtime, ctime = info.st_mtime_ns, info.st_ctime_ns
            add((info.st_size, mtime if mtime <= largest else largest, ctime if ctime <= largest else largest,
                 info.st_mode, info.st_ino & largest))
    except OSError:
        return None
    return files.tobytes()


def taken_by_two(base: str, paths: list[str]) -> bytes | None:
    """_taken, the second half of the files by a forked process on another core: one lstat is mostly the
    system's time, but the Python around it holds the interpreter's lock, so threads would take turns
    (git's preloaded index shares the same out among threads of C). Should the process fail — end otherwise
    than by itself, or say less than its whole half — its half is taken here."""
    half = len(paths) // 2
    whole = 1 + STAMP_BYTES * (len(paths) - half)  # what the process says when it took every file's stamps
    reading, writing = os.pipe()
    # Ctrl-C held while forking: the process is not to run haru's exit, nor haru to leave it unwaited for.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:  # no process to be had: all of it here
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(reading)
        os.close(writing)
        return _taken(base, paths)
    if pid == 0:  # pragma: no cover - the child; what it runs is _taken, tested in-process
        try:
            os.close(reading)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is haru's: it stops this process
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            found = _taken(base, paths[half:])
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(b"G" if found is None else b"K" + found)
        finally:
            os._exit(0)
    done = False
    chunks: list[bytes] = []
    try:
        os.close(writing)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # (a Ctrl-C during the fork arrives here)
        mine = _taken(base, paths[:half])
        while chunk := os.read(reading, 2**20):
            chunks.append(chunk)
        done = True
    finally:
        os.close(reading)
        if not done:  # haru interrupted: the process goes too
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    said = b"".join(chunks)
    if os.waitstatus_to_exitcode(status) == 0 and said == b"G":
        return None  # a file gone
    theirs = said[1:] if os.waitstatus_to_exitcode(status) == 0 and said[:1] == b"K" and len(said) == whole \
        else _taken(base, paths[half:])
    return None if mine is None or theirs is None else mine + theirs


SHARED_FROM = 8_000  # fewer files, and forking costs more than it saves
