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
import time
from array import array
from pathlib import Path

from haru_cli.load import cache
from haru_cli.load.workspace import Listing, listed, scan_workspace, stamps
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
    files = array("q")
    try:
        for path in kept.paths:
            files.extend(stamps(os.lstat(f"{base}/{path}")))
    except OSError:
        return None
    found = files.tobytes()
    if found == kept.numbers:
        return dataclasses.replace(kept, taken=taken)
    return listed(base, kept.paths, kept.counts, found, kept.folders, kept.problems, sum(files[0::5]), taken)
