"""Reading a file of the workspace safely (SPEC §14): only a regular file, never through a symbolic
link, never blocking on a pipe or device, never more than a bound."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 4 * 2**20  # a record is a page of text; megabytes of it are a mistake


class TooLarge(Exception):
    """A file over MAX_FILE_BYTES."""


class NotRegular(Exception):
    """A symbolic link, pipe, device or folder where a file was expected."""

    def __init__(self, variant: str) -> None:
        super().__init__(variant)
        self.variant = variant


def read_regular(file: Path | str, limit: int = MAX_FILE_BYTES, *, dir_fd: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, opened without following a symbolic link
    or waiting on a pipe (SPEC §14: a file renamed into a link after the folder was listed is refused too);
    `dir_fd`: a file of that open folder."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    except OSError:
        if _is_link(file, dir_fd):
            raise NotRegular("file-name.symlink") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # checked before any read
            raise NotRegular("file-name.not-regular")
        if info.st_size > limit:
            raise TooLarge
        chunks: list[bytes] = []
        size, want = 0, info.st_size + 1  # not limit + 1 at once: that would allocate the bound every time
        while size <= limit and (more := os.read(fd, min(want, limit + 1 - size))):  # to the end, or the bound
            chunks.append(more)
            size, want = size + len(more), 2**16
    finally:
        os.close(fd)
    if size > limit:  # grew since fstat
        raise TooLarge
    return b"".join(chunks)


def _is_link(file: Path | str, dir_fd: int | None) -> bool:
    try:
        return stat.S_ISLNK(os.stat(file, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False
