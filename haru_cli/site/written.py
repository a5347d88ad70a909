"""Every page of a site written into a folder, on every core the machine gives haru: the pages are shared
out among forked processes, each rendering and writing its own (the loaded workspace is shared with them as
it is, never pickled). Where processes cannot be forked, or the site is small, one process writes them all.

A process that dies (killed, out of memory) fails the site rather than leaving haru waiting for it; haru
stopped (Ctrl-C, SIGTERM) stops its processes; a process whose haru is gone stops by itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Iterator
from pathlib import Path

from haru_cli.processes import cores
from haru_cli.site.pages import Site, build

MIN_PER_PROCESS = 500  # fewer pages than this each, and starting a process costs more than it saves


class ProcessFailed(Exception):
    """A process writing pages stopped without saying what it wrote (killed, out of memory), or failed in
    a way it could not hand over: how (SIGKILL, exit 1, the error's words)."""


def write_pages(site: Site, folder: Path, jobs: int | None = None) -> list[str]:
    """Write every page of the site into the folder; the pages written, in the site's order."""
    paths = site.paths()
    jobs = min(jobs or cores(), max(1, len(paths) // MIN_PER_PROCESS))
    if jobs <= 1 or not hasattr(os, "fork"):
        return _write(site, folder, paths)
    site.ds.tables.every()  # loaded once, here, rather than once in each process
    with _stopped_on_sigterm():
        shares = _in_processes(site, folder, [paths[n::jobs] for n in range(jobs)])
    written = {path for share in shares for path in share}
    return [path for path in paths if path in written]


def _write(site: Site, folder: Path, paths: list[str], parent: int | None = None) -> list[str]:
    written = []
    made: set[Path] = set()  # the folders made (or found) already: not asked for again for every page
    for path, page in build(site, paths):
        if parent is not None and os.getppid() != parent:  # haru is gone: nobody waits for these pages
            os._exit(1)
        file = folder / path
        if file.parent not in made:
            file.parent.mkdir(parents=True, exist_ok=True)
            made.add(file.parent)
        file.write_bytes(page)
        written.append(path)
    return written


def _in_processes(site: Site, folder: Path, shares: list[list[str]]) -> list[list[str]]:
    """Each share written by a forked process: what each wrote, or the first failure raised here."""
    parent = os.getpid()
    children: list[tuple[int, int]] = []  # pid, the pipe it says what it wrote through
    try:
        for share in shares:
            reading, writing = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child; what it runs is _write, tested in-process
                os.close(reading)
                _child(site, folder, share, writing, parent)
            os.close(writing)
            children.append((pid, reading))
        return [_result(pid, reading) for pid, reading in children]
    finally:
        for pid, reading in children:
            with contextlib.suppress(OSError):
                os.close(reading)
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(pid, signal.SIGKILL)  # gone already, after a result: nothing happens
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _child(site: Site, folder: Path, share: list[str], writing: int, parent: int) -> None:  # pragma: no cover
    """A forked process: its pages written, then what it wrote (or why it failed) said through the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is haru's to handle: it stops this process
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        said = b"K" + "\0".join(_write(site, folder, share, parent)).encode("utf-8", "surrogateescape")
    except BaseException as exc:  # noqa: BLE001 - said to haru, which raises it
        try:
            said = b"P" + pickle.dumps(exc)
            pickle.loads(said[1:])  # made again as haru will make it
        except Exception:  # an exception that cannot be pickled (or unpickled): its words
            said = b"E" + f"{type(exc).__name__}: {exc}".encode("utf-8", "backslashreplace")
    try:
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(said)
    finally:
        os._exit(0)


def _result(pid: int, reading: int) -> list[str]:
    chunks = []
    while chunk := os.read(reading, 2**20):
        chunks.append(chunk)
    said = b"".join(chunks)
    if said[:1] == b"K":
        return said[1:].decode("utf-8", "surrogateescape").split("\0") if len(said) > 1 else []
    if said[:1] == b"P":
        try:
            exc = pickle.loads(said[1:])  # from a process of this very haru, forked a moment ago
        except Exception as unreadable:
            raise ProcessFailed(type(unreadable).__name__) from None
        raise exc
    if said[:1] == b"E":
        raise ProcessFailed(said[1:].decode("utf-8", "replace"))
    _, status = os.waitpid(pid, 0)
    raise ProcessFailed(_how(status))


def _how(status: int) -> str:
    """How a process ended: SIGKILL, or exit 1."""
    if os.WIFSIGNALED(status):
        with contextlib.suppress(ValueError):
            return signal.Signals(os.WTERMSIG(status)).name
        return f"signal {os.WTERMSIG(status)}"
    return f"exit {os.waitstatus_to_exitcode(status)}"


@contextlib.contextmanager
def _stopped_on_sigterm() -> Iterator[None]:
    """SIGTERM raises SystemExit while the processes write, so that they are stopped and the half-written
    site removed (as Ctrl-C does); where no handler can be set (not the main thread), as before."""
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        before = signal.signal(signal.SIGTERM, stop)
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
