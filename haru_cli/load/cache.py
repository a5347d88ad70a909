"""The parse cache, in the spirit of beancount's: the loaded dataset of a workspace, saved in its
.haru-cache/ folder and used again only while every file is as it was (path, size, modification time
in ns — the Listing's fingerprint) and haru's own code is the same.

A cache file from elsewhere is never trusted: it is signed with a key kept in the user's own cache
folder (outside the workspace), and anything unsigned, foreign, corrupt or stale is ignored and rebuilt.
Only a file that this user's haru wrote, and signed, is ever unpickled.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import sys
from pathlib import Path

from haru_cli.files import NotRegular, TooLarge, read_regular

CACHE_FOLDER = ".haru-cache"
MAGIC = b"haru-cache-4\n"
_DIGEST = 32


def user_cache_dir() -> Path:
    """haru's folder in the user's cache ($XDG_CACHE_HOME/haru, else ~/.cache/haru)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "haru"


def _key() -> bytes | None:
    """This user's signing key (created on first use), or None where there is no private place for one."""
    base = user_cache_dir()
    if not base.parent.parent.is_dir():  # no home (or XDG folder's parent) to keep it in: make none up
        return None
    key_file = base / "cache-key"
    try:
        key = key_file.read_bytes()
    except FileNotFoundError:
        key = b""
    except OSError:
        return None
    if len(key) == 32:
        return key
    import secrets
    import tempfile

    made = secrets.token_bytes(32)
    try:
        base.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=base, prefix=".cache-key-")  # mode 0600, written whole, then put in place
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(made)
            if key:  # a key cut short (by another program: haru's own appear whole) is replaced
                os.replace(tmp, key_file)
            else:  # never over a key another haru made a moment ago: theirs serves from the next run on
                os.link(tmp, key_file)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    except OSError:  # FileExistsError included
        return None
    return made


@functools.cache  # haru's sources do not change while it runs: read once, written once
def _code_version() -> str:
    """haru's version and the stamps of its files (`code_files`): a changed haru never reads an old cache, nor
    prints an answer an old one kept (cli/answers.py)."""
    from haru_cli import __version__

    stamps = [__version__, sys.version]
    for top, path in code_files():
        try:  # not followed: an editor's lock file is a link to nothing
            stat = os.lstat(os.path.join(top, path))
        except OSError:  # gone since it was listed
            continue
        stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()


def code_files() -> list[tuple[str, str]]:
    """haru's files — its sources, and the shipped templates wherever they are installed from (an editable
    install takes them from the top-level templates/) — as (folder, path within it), bytecode left out."""
    import importlib.util

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    spec = importlib.util.find_spec("haru_cli.templates")
    shipped = list(spec.submodule_search_locations or []) if spec is not None else []
    found: list[tuple[str, str]] = []
    for top in [package, *(folder for folder in shipped if not folder.startswith(package + os.sep))]:
        for folder, folders, names in os.walk(top):
            folders[:] = [f for f in folders if f != "__pycache__"]  # walked after this: pruned in place
            found.extend(sorted((top, os.path.relpath(os.path.join(folder, name), top)) for name in names))
    return sorted(found)


def _open_folder(root: Path) -> int | None:
    """A descriptor of the workspace's .haru-cache/ when it is a real folder (not a symbolic link)."""
    try:
        return os.open(root / CACHE_FOLDER, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None


def _read_bounded(folder: int, name: str, limit: int) -> bytes | None:
    """A regular file of the folder, opened without following a link or blocking on a pipe, if it is
    no larger than limit; else None."""
    try:
        return read_regular(name, limit, dir_fd=folder)
    except (OSError, NotRegular, TooLarge):
        return None


def keyed_digest(payload: bytes) -> str | None:
    """HMAC-SHA256 of the payload with this user's key (None where there is none): what a cache file may
    name of its inputs without telling them."""
    key = _key()
    return None if key is None else _signature(key, payload).hex()


def _signature(key: bytes, payload: bytes | memoryview) -> bytes:
    """HMAC-SHA256 of the payload: processors of the last years compute SHA-256 in hardware (x86's SHA
    extensions, ARMv8's), where it is 1.6× as fast as BLAKE2b (17 ms for the 25 MB search index of 48,000
    files, rather than 28)."""
    return hmac.digest(key, payload, "sha256")


def read_signed(root: Path, name: str, fingerprint: str, limit: int) -> memoryview | None:
    """What a file of .haru-cache/ holds, if this user's haru wrote it for these very files and this haru;
    else None. Only a regular file of at most `limit` bytes in a real .haru-cache/ folder is read (SPEC §14).
    A view of the file's bytes, not a copy (the search index weighs 25 MB at 48,000 files)."""
    found = read_signed_at(root, name, fingerprint, limit)
    return None if found is None else memoryview(found[0])[found[1]:]


def read_signed_at(root: Path, name: str, fingerprint: str, limit: int) -> tuple[bytes, int] | None:
    """read_signed's bytes as the whole file and where what it holds begins in it."""
    key = _key()
    if key is None:
        return None
    folder = _open_folder(root)
    if folder is None:
        return None
    try:
        blob = _read_bounded(folder, name, limit)
    finally:
        os.close(folder)
    if blob is None or not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _DIGEST or len(blob) > limit:
        return None
    start = len(MAGIC) + _DIGEST
    view = memoryview(blob)
    if not hmac.compare_digest(view[len(MAGIC):start], _signature(key, view[start:])):
        return None
    line = blob.find(b"\n", start)
    return (blob, line + 1) if line >= 0 and view[start:line] == _stamp(fingerprint) else None


def _stamp(fingerprint: str) -> bytes:
    """The line a cache file starts with: the files it was made from (and what else made it), and the haru
    that made it."""
    return f"{fingerprint} {_code_version()}".encode()


GITIGNORE = "# haru's parse cache: never commit it.\n*\n"


def write_signed(root: Path, name: str, fingerprint: str, body: bytes) -> bool:
    """Save a file into .haru-cache/, signed, for these files: only into a real .haru-cache/ folder of the
    workspace, never through a symbolic link, never half-written (a temporary file renamed into place),
    never over its .gitignore. Whether it was saved."""
    key = _key()
    if key is None:
        return False
    payload = _stamp(fingerprint) + b"\n" + body
    signature = _signature(key, payload)
    try:
        with contextlib.suppress(FileExistsError):  # whether it is a real folder is _open_folder's to find out
            os.mkdir(root / CACHE_FOLDER)
    except OSError:
        return False  # a read-only workspace simply goes without a cache
    folder = _open_folder(root)
    if folder is None:
        return False
    try:
        # like .pytest_cache: git never sees the cache, whatever the repository ignores
        _place(folder, ".gitignore", GITIGNORE.encode(), replace=False)
        return _place(folder, name, MAGIC + signature + payload, replace=True)
    finally:
        os.close(folder)


def remove(root: Path, name: str) -> None:
    """Remove a file of .haru-cache/ (only in a real folder, never through a link), if it is there."""
    folder = _open_folder(root)
    if folder is None:
        return
    try:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=folder)
    finally:
        os.close(folder)


def _place(folder: int, name: str, data: bytes, *, replace: bool) -> bool:
    """Write a file of the folder whole or not at all: a temporary file, then renamed (replace) or
    linked (never over an existing file) into place. A full disk leaves nothing behind. Whether it is there."""
    import secrets

    if not replace and _exists(folder, name):
        return True
    tmp = f".{name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=folder)
    except OSError:
        return False
    placed = False
    # A full disk, or a race with another haru, costs only this run's cache: no half-written file stays.
    with contextlib.suppress(OSError):
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if replace:
            os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)  # replaces a link itself, never its target
        else:
            os.link(tmp, name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=False)
        placed = True
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp, dir_fd=folder)
    return placed


def _exists(folder: int, name: str) -> bool:
    """Whether the folder holds that name (a dangling link too); an unreadable folder holds it, too."""
    try:
        os.lstat(name, dir_fd=folder)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True
