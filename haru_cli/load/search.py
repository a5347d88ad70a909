"""`haru search`: every record file's text, folded as a partner query is (full/half width, case, kana),
searched line by line. The folded texts are kept in .haru-cache/ for these very files, so that a search
of a large workspace reads none of them again while nothing changed."""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Sequence
from pathlib import Path

from haru_cli.load import cache
from haru_cli.load.workspace import Listing
from haru_cli.records.frozen import frozen
from haru_cli.records.text import fold_text

INDEX_FILE = "search.json"
_LINE_END = re.compile(r"\r\n|\r|\n")
MAX_HITS = 1_000  # a search that matches more says so; the first are shown
EXCERPT = 160  # characters of a hit's line shown


@frozen
class Hit:
    path: str  # as in the workspace
    line: int
    record: str  # the record's id: its file name
    excerpt: str  # the line as written (stripped, cut)


# paths; where each file's text ends (its NUL), counted from where the texts begin in the bytes; the bytes
# (the texts as UTF-8, from there on); and where the texts begin in them (the kept index is searched in the
# file's bytes as read, not copied: 25 MB at 48,000 files)
Index = tuple[list[str], Sequence[int], bytes, int]


def search(root: Path, listing: Listing, query: str, *, use_cache: bool = True) -> tuple[list[Hit], bool]:
    """The lines of record files that hold the query, after folding; and whether there were more than
    MAX_HITS (only those are returned). Searched as UTF-8 bytes, where a match of bytes is a match of
    characters (no character's bytes begin inside another's)."""
    wanted = fold_text(query).strip().encode("utf-8", "surrogatepass")
    paths, ends, folded, base = _index(root, listing, use_cache)
    found: list[tuple[str, int]] = []
    at = folded.find(wanted, base) if wanted and b"\n" not in wanted and b"\0" not in wanted else -1
    while at >= 0 and len(found) <= MAX_HITS:
        n = bisect.bisect_right(ends, at - base)  # the file it lies in (no match crosses a NUL: the query has none)
        start, end = base + (ends[n - 1] + 1 if n else 0), base + ends[n]
        found.append((paths[n], folded.count(b"\n", start, at) + 1))
        line_end = folded.find(b"\n", at)
        at = folded.find(wanted, line_end + 1 if 0 <= line_end < end else end + 1)
    return _excerpts(root, found[:MAX_HITS]), len(found) > MAX_HITS


def _index(root: Path, listing: Listing, use_cache: bool) -> Index:
    """Every record file's folded text, from the cache when it was made from these very files."""
    kept = cache.read_signed_at(root, INDEX_FILE, listing.fingerprint, listing.cache_limit) if use_cache else None
    if kept is not None:
        found = _unpacked(*kept)
        if found is not None:
            return found
    index = _build(listing)
    if use_cache and not listing.racy():
        cache.write_signed(root, INDEX_FILE, listing.fingerprint, _packed(index))
    return index


def _packed(index: Index) -> bytes:
    """How many files; where each text ends; the paths (NUL between them: no path holds one); the texts."""
    paths, ends, folded, base = index
    names = "\0".join(paths).encode("utf-8", "surrogateescape")
    return array("q", [len(paths), *ends, len(names)]).tobytes() + names + folded[base:]


def _unpacked(data: bytes, at: int = 0) -> Index | None:
    """The index _packed made, held in `data` from `at` on; None where it is not whole."""
    numbers = array("q")
    numbers.frombytes(data[at:at + 8] if len(data) >= at + 8 else b"\xff" * 8)
    count = numbers[0]
    start = at + 8 * (count + 2)
    if count < 0 or len(data) < start:
        return None
    numbers.frombytes(data[at + 8:start])
    ends, size = numbers[1:-1], numbers[-1]
    base = start + size  # where the texts begin
    if size < 0 or len(data) < base or (ends[-1] + 1 if ends else 0) != len(data) - base:  # texts end on NUL
        return None
    paths = data[start:base].decode("utf-8", "surrogateescape").split("\0") if count else []
    return (paths, ends, data, base) if len(paths) == count else None


def _build(listing: Listing) -> Index:
    """Each record file's text, folded line by line, ended by NUL (which no file holds)."""
    from haru_cli.load.yamlio import read_text  # (and PyYAML) only when the files are read

    paths, texts = [], []
    for files in listing.files.values():
        for path, file in files:
            text, _ = read_text(Path(file), path)
            if text is not None:
                paths.append(path)
                folded = "\n".join(fold_text(line) for line in _lines(text)) + "\0"
                texts.append(folded.encode("utf-8", "surrogatepass"))
    return paths, [end - 1 for end in itertools.accumulate(map(len, texts))], b"".join(texts), 0


def _lines(text: str) -> list[str]:
    """Lines as problem lines count them: ended by LF, CRLF or a lone CR."""
    return _LINE_END.split(text)


def _excerpts(root: Path, found: list[tuple[str, int]]) -> list[Hit]:
    from haru_cli.files import NotRegular, TooLarge, read_regular

    lines_of: dict[str, list[str]] = {}
    hits = []
    for path, line in found:
        if path not in lines_of:
            try:  # the file the index was made from, as text (a character it cannot decode shown as �)
                text = read_regular(root / path).decode("utf-8", "replace").removeprefix("\ufeff")
            except (OSError, NotRegular, TooLarge):
                text = ""
            lines_of[path] = _lines(text)
        lines = lines_of[path]
        shown = lines[line - 1].strip() if line <= len(lines) else ""
        record = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        hits.append(Hit(path, line, record, shown if len(shown) <= EXCERPT else shown[:EXCERPT - 1] + "…"))
    return hits
