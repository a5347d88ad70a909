"""`haru search`: every record file's text, folded as a partner query is (full/half width, case, kana),
searched line by line. The folded texts are kept in .haru-cache/ for these very files, so that a search
of a large workspace reads none of them again while nothing changed."""

from __future__ import annotations

import bisect
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from haru_cli.load import cache
from haru_cli.load.workspace import Listing
from haru_cli.rules.lookup import fold_text

INDEX_FILE = "search.json"
_LINE_END = re.compile(r"\r\n|\r|\n")
MAX_HITS = 1_000  # a search that matches more says so; the first are shown
EXCERPT = 160  # characters of a hit's line shown


@dataclass(frozen=True)
class Hit:
    path: str  # as in the workspace
    line: int
    record: str  # the record's id: its file name
    excerpt: str  # the line as written (stripped, cut)


Index = tuple[list[str], list[int], str]  # paths, where each file's folded text ends, the texts one after another


def search(root: Path, listing: Listing, query: str, *, use_cache: bool = True) -> tuple[list[Hit], bool]:
    """The lines of record files that hold the query, after folding; and whether there were more than
    MAX_HITS (only those are returned)."""
    wanted = fold_text(query).strip()
    paths, ends, folded = _index(root, listing, use_cache)
    found: list[tuple[str, int]] = []
    at = folded.find(wanted) if wanted and not any(c in wanted for c in "\n\0") else -1
    while at >= 0 and len(found) <= MAX_HITS:
        n = bisect.bisect_right(ends, at)  # the file it lies in (no match crosses a NUL: the query has none)
        start = ends[n - 1] + 1 if n else 0
        found.append((paths[n], folded.count("\n", start, at) + 1))
        line_end = folded.find("\n", at)
        at = folded.find(wanted, line_end + 1 if 0 <= line_end < ends[n] else ends[n] + 1)
    return _excerpts(root, found[:MAX_HITS]), len(found) > MAX_HITS


def _index(root: Path, listing: Listing, use_cache: bool) -> Index:
    """Every record file's folded text, from the cache when it was made from these very files."""
    kept = cache.read_signed(root, INDEX_FILE, listing.fingerprint, listing.cache_limit) if use_cache else None
    if kept is not None:
        head, _, texts = kept.partition(b"\n")
        try:
            paths, ends = json.loads(head)
            return paths, ends, texts.decode("utf-8", "surrogatepass")
        except ValueError:  # signed by us, yet not an index: made anew
            pass
    index = _build(listing)
    if use_cache and not listing.racy():
        paths, ends, folded = index
        head = json.dumps([paths, ends], ensure_ascii=False).encode()
        body = folded.encode("utf-8", "surrogatepass")
        cache.write_signed(root, INDEX_FILE, listing.fingerprint, head + b"\n" + body)
    return index


def _build(listing: Listing) -> Index:
    """Each record file's text, folded line by line, ended by NUL (which no file holds)."""
    from haru_cli.load.yamlio import read_text  # (and PyYAML) only when the files are read

    paths, texts = [], []
    for files in listing.files.values():
        for path, file in files:
            text, _ = read_text(Path(file), path)
            if text is not None:
                paths.append(path)
                texts.append("\n".join(fold_text(line) for line in _lines(text)) + "\0")
    return paths, [end - 1 for end in itertools.accumulate(map(len, texts))], "".join(texts)


def _lines(text: str) -> list[str]:
    """Lines as problem lines count them: ended by LF, CRLF or a lone CR."""
    return _LINE_END.split(text)


def _excerpts(root: Path, found: list[tuple[str, int]]) -> list[Hit]:
    if not found:
        return []
    from haru_cli.load.yamlio import read_text

    lines_of: dict[str, list[str]] = {}
    hits = []
    for path, line in found:
        if path not in lines_of:
            text, _ = read_text(root / path, path)
            lines_of[path] = _lines(text or "")
        lines = lines_of[path]
        shown = lines[line - 1].strip() if line <= len(lines) else ""
        record = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        hits.append(Hit(path, line, record, shown if len(shown) <= EXCERPT else shown[:EXCERPT - 1] + "…"))
    return hits
