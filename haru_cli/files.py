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


def read_regular(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, opened without following a symbolic link
    or waiting on a pipe (SPEC §14: a file renamed into a link after the folder was listed is refused too)."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        if os.path.islink(file):
            raise NotRegular("file-name.symlink") from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:  # checked before any read
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular("file-name.not-regular")
        raise TooLarge
    chunks: list[bytes] = []
    size, want = 0, info.st_size + 1  # not limit + 1 at once: that would allocate the bound for every file
    try:
        while size <= limit and (more := os.read(fd, min(want, limit + 1 - size))):  # to the end, or the bound
            chunks.append(more)
            size, want = size + len(more), 2**16
    finally:
        os.close(fd)
    if size > limit:  # grew since fstat
        raise TooLarge
    raw = b"".join(chunks)
    return raw
