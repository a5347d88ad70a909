"""Answers kept: what a reading command printed, kept in .haru-cache/ and printed again while nothing it was
made from has changed — the workspace's files (their stamps, the listing's fingerprint), the command line,
today, the folder it runs in, the environment, the terminal, haru's code and the libraries installed.

`haru validate` keeps its findings with the parse cache; this keeps, alike, the answer of a command that only
reads: a second `haru upcoming` or `haru partner show ウエダ` on an unchanged workspace is the first one's
output, byte for byte, with its exit status — without unpickling a record.

An answer is kept only when all of it is known to come from what its key holds: a run of the `haru` program
itself (not one called from within another, as the MCP server's), a command of KEPT, no path among its
options (a template read, a file written: `-o`, `--template`), the clock not read beyond today (iCalendar's
stamp reads it: `State.now`), no progress bar drawn, every write to the terminal or pipe whole, and exit
status 0 or 1. Files changed in the last two seconds make no answer (as they make no parse cache:
workspace.Listing.racy). At most KEEP answers stay, the oldest removed. `HARU_ANSWERS=off` computes every
answer anew (the parse cache still used); `--no-cache` keeps none and prints none.
"""

from __future__ import annotations

import hashlib
import io
import os
import select
import stat
import struct
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import typer

if TYPE_CHECKING:
    from datetime import date

    from haru_cli.load.workspace import Listing

# The commands that only read the workspace and print (their paths, as typed).
KEPT = frozenset({
    "partner list", "partner show", "contract list", "contract show", "meeting list", "meeting show",
    "action list", "referral list", "search", "renewals", "feedback", "upcoming",
    "fees calc", "fees statement", "fees unpaid", "fees annual", "fees journal",
    "time report", "automation list", "automation show", "project list", "project show", "pipeline",
    "school status", "vendor list", "vendor show", "vendor compare",
    "report partner", "report monthly", "report agenda", "report project",
})
KEEP = 32  # answers kept in a workspace's cache; the oldest go first
PREFIX = "answer-"
TEMPLATES_SEEN = 2_000  # a workspace's templates folder holding more entries than this keeps no answer
_RECORDED_AT_MOST = 256 * 2**20  # an answer longer than this is not kept (nor held in memory)
# What a shell sets for itself, which no command reads: `_` is the last program it ran (`time haru …` and
# `haru …` would otherwise be two answers), PWD is os.getcwd() (in the key), and the others its bookkeeping.
SHELLS_OWN = frozenset({"_", "OLDPWD", "PWD", "SHLVL"})
_CHUNK = struct.Struct(">BQ")  # stream (1 stdout, 2 stderr), length

_argv: list[str] | None = None  # the command line of `haru` run as a program; None: answers are not kept


@dataclass
class _Recording:
    """What a run prints, as it goes to the terminal or pipe, and where its answer is to be kept."""

    root: Path
    name: str  # the answer's file in .haru-cache/
    key: str  # what the file is signed for: the workspace's fingerprint and the hash of the run's other inputs
    limit: int
    streams: tuple[Any, Any]  # the standard streams it stands in for
    chunks: list[tuple[int, bytes]] = field(default_factory=list)
    size: int = 0
    spoiled: bool = False

    def add(self, stream: int, data: bytes) -> None:
        self.size += len(data)
        if self.size > min(self.limit // 2, _RECORDED_AT_MOST):
            self.spoiled = True
        if self.spoiled:
            self.chunks.clear()
        else:
            self.chunks.append((stream, data))


class _Tee(io.RawIOBase):
    """A standard stream's descriptor, written to and recorded: what reaches it, when it does (stdout's bytes
    wait in a buffer, stderr's lines do not), so that an answer printed again interleaves the two as they
    were. After a write that failed (a closed pipe), later ones are dropped, as Click drops them then."""

    def __init__(self, target: BinaryIO, stream: int, recording: _Recording) -> None:
        super().__init__()
        self._target, self._stream, self._recording = target, stream, recording
        self._broken = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int | None:
        if self._broken:
            return len(data)
        try:
            written = self._target.write(data)
        except OSError:
            self._broken = self._recording.spoiled = True
            raise
        if written:
            self._recording.add(self._stream, bytes(data[:written]))
        return written

    def isatty(self) -> bool:
        return self._target.isatty()

    def fileno(self) -> int:
        return self._target.fileno()


def _teed(stream: Any, number: int, recording: _Recording) -> io.TextIOWrapper:
    """A text stream as `stream` is — its encoding, errors, line buffering and buffer (of the same size, or
    none when it has none: PYTHONUNBUFFERED, `python -u`) — whose bytes are recorded as they reach its file."""
    stream.flush()
    buffer = stream.buffer
    raw = getattr(buffer, "raw", None)
    if raw is None:  # unbuffered: the file itself (or a test's BytesIO)
        below: Any = _Tee(buffer, number, recording)
    else:
        # CPython tells a buffer's size only as what the object weighs beyond its type's own size.
        size = buffer.__sizeof__() - type(buffer).__basicsize__
        size = size if size > 0 else io.DEFAULT_BUFFER_SIZE
        below = io.BufferedWriter(_Tee(raw, number, recording), buffer_size=size)
    return io.TextIOWrapper(below, encoding=stream.encoding, errors=stream.errors,
                            line_buffering=stream.line_buffering, write_through=stream.write_through)


_recording: _Recording | None = None


def listen(argv: list[str]) -> None:
    """Called by the `haru` program as it starts: its run may keep its answer."""
    global _argv
    _argv = list(argv)


def claim() -> list[str] | None:
    """The program's command line, to the first command run (its global options' State), and to none after
    it: a command run within it (an MCP tool's) keeps no answer, nor prints one."""
    global _argv
    argv, _argv = _argv, None
    return argv


def spoil() -> None:
    """This run's answer depends on more than its key holds (the clock's time, a progress bar, a template's
    render stopped, what the cache folder holds): not kept."""
    if _recording is not None:
        _recording.spoiled = True


def switched_off() -> bool:
    """HARU_ANSWERS=off (or 0, no, false, in any case): every answer made anew."""
    return os.environ.get("HARU_ANSWERS", "").strip().lower() in ("off", "0", "no", "false")


def reading(ctx: typer.Context) -> bool:
    """Whether the command run only reads the workspace and prints (KEPT)."""
    return " ".join(ctx.command_path.split()[1:]) in KEPT


def offer(ctx: typer.Context, argv: list[str] | None, root: Path, today: date) -> Listing | None:
    """Print the kept answer of this very run and end it (typer.Exit with its status) if there is one; else
    record what it prints, to keep it when it ends (`finish`). `argv`: the program's command line (`claim`).
    The workspace's files as listed here, for the load to use (None when they were not)."""
    global _recording
    if argv is None or not reading(ctx) or switched_off() or not _recordable():
        return None
    from typer.models import TyperPath  # what Typer makes of an option typed pathlib.Path

    if any(isinstance(p.type, TyperPath) and ctx.params.get(p.name or "") is not None for p in ctx.command.params):
        return None  # -o, --template: a file outside the workspace read or written
    from haru_cli.load import cache
    from haru_cli.load.stamps import current

    listing = current(root, use_cache=True)
    inputs = None if listing.racy() else _inputs(root, argv, today)
    if inputs is None:
        return listing
    # Keyed with this user's key: the environment it is made from holds tokens too.
    digest = cache.keyed_digest(inputs.encode("utf-8", "surrogateescape"))
    if digest is None:
        return listing
    key = f"{listing.fingerprint} {digest}"
    name = PREFIX + hashlib.sha256(key.encode()).hexdigest()[:32]
    found = cache.read_signed(root, name, key, listing.cache_limit)
    if found is not None and (answer := _parsed(found)) is not None:
        _replay(*answer)
    _recording = _Recording(root, name, key, listing.cache_limit, (sys.stdout, sys.stderr))
    sys.stdout = _teed(sys.stdout, 1, _recording)
    sys.stderr = _teed(sys.stderr, 2, _recording)
    return listing


def _recordable() -> bool:
    """Whether the standard streams are streams of bytes (not closed: `haru … >&-` leaves sys.stdout None)."""
    return all(hasattr(stream, "buffer") for stream in (sys.stdout, sys.stderr))


def finish(code: Any) -> bool:
    """The run ended with `code` (its SystemExit's): the standard streams put back, and its answer kept if
    it may be. Whether what it printed last could not be written (a closed pipe: the run then ends with 1,
    as Click ends it when an earlier write fails)."""
    global _recording
    recording, _recording = _recording, None
    if recording is None:
        return False
    lost = False
    for ours in (sys.stdout, sys.stderr):
        try:
            ours.flush()
        except OSError:
            lost = recording.spoiled = True
    sys.stdout, sys.stderr = recording.streams
    code = 0 if code is None else code
    if recording.spoiled or code not in (0, 1):
        return lost
    body = bytearray(bytes([code]))
    for stream, data in _merged(recording.chunks):
        body += _CHUNK.pack(stream, len(data)) + data
    from haru_cli.load import cache

    if cache.write_signed(recording.root, recording.name, recording.key, bytes(body)):
        _prune(recording.root)
    return False


def _merged(chunks: list[tuple[int, bytes]]) -> list[tuple[int, bytes]]:
    """Consecutive writes to one stream as one."""
    merged: list[tuple[int, bytearray]] = []
    for stream, data in chunks:
        if merged and merged[-1][0] == stream:
            merged[-1][1].extend(data)
        else:
            merged.append((stream, bytearray(data)))
    return [(stream, bytes(data)) for stream, data in merged]


def _parsed(body: memoryview) -> tuple[int, list[tuple[int, memoryview]]] | None:
    """A kept answer's exit status and chunks; None if it is not one (it is signed: only a haru's bug)."""
    if not body:
        return None
    code, at, chunks = body[0], 1, []
    while at < len(body):
        if at + _CHUNK.size > len(body):
            return None
        stream, length = _CHUNK.unpack_from(body, at)
        at += _CHUNK.size
        if stream not in (1, 2) or at + length > len(body):
            return None
        chunks.append((stream, body[at:at + length]))
        at += length
    return code, chunks


def _replay(code: int, chunks: list[tuple[int, memoryview]]) -> None:
    """Print a kept answer as it was printed, and end the run with its status."""
    sys.stdout.flush()
    sys.stderr.flush()
    for stream, data in chunks:
        target = (sys.stdout if stream == 1 else sys.stderr).buffer
        while data:  # an unbuffered stream's file may take part of it (a pipe's reader gone: then it raises)
            written = target.write(data)
            if written is None:  # a descriptor that does not block, full: wait until it takes more
                select.select([], [target.fileno()], [])
                continue
            data = data[written:]
        target.flush()
    raise typer.Exit(code)


def _prune(root: Path) -> None:
    """Remove the oldest answers beyond KEEP (a folder of many hundreds is no use: today changes)."""
    from haru_cli.load.cache import CACHE_FOLDER, remove

    try:
        with os.scandir(root / CACHE_FOLDER) as entries:
            answers = [(entry.stat(follow_symlinks=False).st_mtime_ns, entry.name) for entry in entries
                       if entry.name.startswith(PREFIX)]
    except OSError:
        return
    for _, name in sorted(answers)[:-KEEP]:
        remove(root, name)


def _inputs(root: Path, argv: list[str], today: date) -> str | None:
    """Everything else an answer is made from, in one text (each part framed by its length: no two inputs
    read alike); None when that cannot be told."""
    from haru_cli.records.registry import types_key

    templates = _templates(root)
    if templates is None:
        return None
    terminal = []
    for fd in (0, 1, 2):
        try:
            size = os.get_terminal_size(fd)
            terminal.append(f"{size.columns}x{size.lines}")
        except OSError:  # not a terminal
            terminal.append("-")
    installed = []
    for folder in sys.path:  # a library installed, upgraded or removed changes its folder's time
        try:
            installed.append(f"{os.stat(folder or '.').st_mtime_ns}")
        except OSError:
            installed.append("-")
    streams = [f"{s.encoding} {s.errors}" for s in (sys.stdout, sys.stderr)]  # what the locale made of them
    return _framed([
        _framed(argv), today.isoformat(), os.getcwd(), types_key(), repr(sys.flags), _framed(streams),
        _framed([f"{k}={v}" for k, v in sorted(os.environ.items()) if k not in SHELLS_OWN]),
        _framed(terminal), _framed(sys.path), _framed(installed), _framed(templates),
    ])


def _framed(parts: list[str]) -> str:
    return "".join(f"{len(part)}:{part}" for part in parts)


def _templates(root: Path) -> list[str] | None:
    """The workspace's own templates (a report's), as the stamps of what its templates folder holds; None
    when it holds too much to tell, or cannot be read."""
    from haru_cli.load.workspace import RACY_NS
    from haru_cli.render import TEMPLATES_FOLDER

    top = os.path.join(root, TEMPLATES_FOLDER)
    try:
        info = os.lstat(top)
    except FileNotFoundError:
        return []
    except OSError:
        return None
    # A template changed in the last two seconds could change again unseen (workspace.Listing.racy).
    racy = time.time_ns() - RACY_NS
    seen = [f"{top}:{info.st_mode}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"]
    folders = [top] if stat.S_ISDIR(info.st_mode) else []  # a link is never followed (SPEC §14)
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listed:
                entries = list(listed)
        except OSError:  # gone or changed a moment ago, not readable: what it holds is not known
            return None
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                return None
            if info.st_mtime_ns > racy:
                return None
            seen.append(f"{entry.path}:{info.st_mode}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}")
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            if len(seen) > TEMPLATES_SEEN:
                return None
    return sorted(seen)
