"""Writing files of a workspace: atomically, never over an existing file, never through a linked folder,
and without leaving a killed write's temporary file behind for long."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    """The process's umask (reading it means setting it: put straight back; haru writes from one thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# What write_new leaves behind when it is killed between writing and linking: `.<name>.haru-` and mkstemp's
# 8 characters. Named so that no other program's temporary file is taken for one.
_LEFTOVER = re.compile(r"\..+\.haru-[a-z0-9_]{8}\.tmp")
LEFTOVER_AGE = 60  # seconds: a younger one may be another haru's write in progress


def remove_leftovers(folder: Path) -> None:
    """Remove haru's own temporary files that a killed write left in the folder."""
    import time

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not _LEFTOVER.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime < time.time() - LEFTOVER_AGE:
                os.unlink(entry.path)
        except OSError:  # gone already, or not ours to remove: leave it
            continue


def _temporary_prefix(name: str) -> str:
    """`.<name>.haru-`, the name cut to 200 bytes: with mkstemp's 8 characters and `.tmp`, the temporary file
    of a name the file system allows (255 bytes) is allowed too."""
    while len(os.fsencode(name)) > 200:
        name = name[:-1]
    return f".{name}.haru-"


class LinkInPath(OSError):
    """A folder on the way to a file to write is a symbolic link: writing would land outside."""


def refuse_links(target: Path, within: Path) -> None:
    """Raise LinkInPath when a folder between `within` and `target` is a symbolic link (SPEC §14: a
    workspace from someone else must not make haru write outside it)."""
    current = within
    for part in target.relative_to(within).parts[:-1]:
        current = current / part
        if current.is_symlink():
            raise LinkInPath(f"{current} is a symbolic link")


def write_new(target: Path, text: str | bytes, *, within: Path | None = None) -> None:
    """Write a new file atomically and never over an existing one; with `within`, never through a folder
    that is a symbolic link below it.

    The text goes to a temporary file in the same folder, which is then hard-linked to the target name:
    the link fails if the target exists (even one created a moment ago), and a reader never sees half a
    file. An interrupted write leaves the old state as it was. Raises FileExistsError.
    """
    if within is not None:
        refuse_links(target, within)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(target.name), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:  # text as UTF-8 with LF; bytes as they are (a bank's file)
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a new file gets the usual mode
        os.link(tmp, target)
    finally:
        os.unlink(tmp)


class Changed(OSError):
    """The file changed on disk since it was read: writing would lose that change."""


class ReadOnly(OSError):
    """The file is marked read-only: haru leaves it so, as an editor would."""


def replace_existing(target: Path, text: str, was: bytes, *, within: Path) -> None:
    """Replace an existing record's file atomically with `text`, keeping its mode; refused (Changed) when
    it no longer holds `was`, what the edit was made from, and never through a link (LinkInPath) or over a
    read-only file (ReadOnly). Two haru replacing one file at once take turns: the second finds it changed."""
    import stat

    from haru_cli.files import read_regular

    refuse_links(target, within)
    if os.path.islink(target):
        raise LinkInPath(f"{target} is a symbolic link")
    mode = stat.S_IMODE(os.lstat(target).st_mode)
    if not mode & 0o222:
        raise ReadOnly(f"{target} is read-only")
    remove_leftovers(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(target.name), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        with _locked(target):
            if read_regular(target) != was:  # as late as can be: someone saved it while haru worked
                raise Changed(f"{target} changed since it was read")
            os.replace(tmp, target)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """An exclusive lock on the file (where the system has them): what is checked, then replaced, inside it,
    is what another haru finds changed when its turn comes (it reads by the path: the new file)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on this platform
        yield
        return
    fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


_held: dict[str, int] = {}  # the workspaces this process holds the lock of, and how deep


@contextmanager
def workspace_lock(root: Path) -> Iterator[None]:
    """The workspace's lock, held from a change's validation to its rename (SPEC §14): two haru writing at
    once take turns, and the second validates what the first wrote (two payments of one statement, two
    certificates of one student: the second is refused). An exclusive flock on the workspace folder itself,
    so nothing is created in it; re-entrant within the process; where the system has no flock, none."""
    key = os.path.realpath(root)
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on this platform
        yield
        return
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)  # closing releases the lock
