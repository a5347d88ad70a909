"""The parse cache, in the spirit of beancount's: the loaded dataset of a workspace, saved in its
.haru-cache/ folder and used again only while every file is as it was (path, size, modification time
in ns — the Listing's fingerprint) and haru's own code is the same.

A cache file from elsewhere is never trusted: it is signed with a key kept in the user's own cache
folder (outside the workspace), and anything unsigned, foreign, corrupt or stale is ignored and rebuilt.
Only a file that this user's haru wrote, and signed, is ever unpickled.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import hmac
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haru_cli.dataset import Dataset

CACHE_FOLDER = ".haru-cache"
CACHE_FILE = "dataset.pickle"
MAGIC = b"haru-cache-1\n"
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
    if key:  # a key file cut short (a crash while it was written): no cache rather than a weak key
        return None
    try:
        base.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another haru created it a moment ago: use it once it is whole
        return None
    except OSError:
        return None
    import secrets

    key = secrets.token_bytes(32)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


@functools.cache  # haru's sources do not change while it runs: read once, written once
def _code_version() -> str:
    """haru's version and the stamps of its source files: a changed haru never reads an old cache."""
    from haru_cli import __version__

    package = os.path.dirname(os.path.abspath(__file__))
    stamps = [__version__, sys.version]
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(names):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                stamps.append(f"{os.path.relpath(folder, package)}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()


def read(root: Path, fingerprint: str) -> Dataset | None:
    """The cached dataset if it is this user's, for these very files and this haru; else None."""
    key = _key()
    if key is None:
        return None
    try:
        blob = (root / CACHE_FOLDER / CACHE_FILE).read_bytes()
    except OSError:
        return None
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _DIGEST:
        return None
    signature, payload = blob[len(MAGIC): len(MAGIC) + _DIGEST], blob[len(MAGIC) + _DIGEST:]
    if not hmac.compare_digest(signature, hmac.new(key, payload, hashlib.sha256).digest()):
        return None
    header, _, body = payload.partition(b"\n")
    if header != f"{fingerprint} {_code_version()}".encode():
        return None
    try:
        ds = pickle.loads(body)
    except Exception:  # signed by us, yet unreadable (a haru with other classes): rebuild it
        return None
    ds.root = root
    return ds if ds.__class__.__name__ == "Dataset" else None


def write(root: Path, fingerprint: str, ds: Dataset) -> None:
    """Save the dataset."""
    import tempfile

    key = _key()
    if key is None:
        return
    folder = root / CACHE_FOLDER
    payload = f"{fingerprint} {_code_version()}\n".encode() + pickle.dumps(
        dataclasses.replace(ds, overlay={}), protocol=pickle.HIGHEST_PROTOCOL)
    signature = hmac.new(key, payload, hashlib.sha256).digest()
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():  # like .pytest_cache: git never sees the cache, whatever the repository ignores
            ignore.write_text("# haru's parse cache: never commit it.\n*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dataset.", suffix=".tmp")
    except OSError:
        return  # a read-only workspace simply goes without a cache
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + signature + payload)
        os.replace(tmp, folder / CACHE_FILE)  # the cache is haru's own file: replacing it loses nothing
    except OSError:
        os.unlink(tmp)  # a full disk: no cache this time, and no half-written one either
