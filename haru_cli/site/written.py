"""Every page of a site written into a folder, on every core the machine gives haru: the pages are shared
out among forked processes, each rendering and writing its own (the loaded workspace is shared with them as
it is, never pickled). Where processes cannot be forked, or the site is small, one process writes them all.
"""

from __future__ import annotations

import os
from pathlib import Path

from haru_cli.site.pages import Site, build

MIN_PER_PROCESS = 500  # fewer pages than this each, and starting a process costs more than it saves
_SITE: list[Site] = []  # the site a forked process renders: inherited, not pickled


def write_pages(site: Site, folder: Path, jobs: int | None = None) -> list[str]:
    """Write every page of the site into the folder; the pages written, in the site's order."""
    paths = site.paths()
    jobs = min(jobs or _cores(), max(1, len(paths) // MIN_PER_PROCESS))
    if jobs <= 1 or "fork" not in _start_methods():
        return _write(site, folder, paths)
    import multiprocessing

    site.ds.tables.every()  # loaded once, here, rather than once in each process
    _SITE[:] = [site]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            shares = pool.starmap(_write_share, [(folder, paths[n::jobs]) for n in range(jobs)])
    finally:
        _SITE.clear()
    written = {path for share in shares for path in share}
    return [path for path in paths if path in written]


def _write_share(folder: Path, paths: list[str]) -> list[str]:
    return _write(_SITE[0], folder, paths)


def _write(site: Site, folder: Path, paths: list[str]) -> list[str]:
    written = []
    for path, page in build(site, paths):
        file = folder / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(page)
        written.append(path)
    return written


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()
