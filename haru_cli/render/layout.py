"""Text laid out for a screen of some width: measured as terminals measure it (wide characters two columns,
combining marks none) and wrapped without losing a character (SPEC §15: text is never lost on a screen).
Terminal tables and piped plain text share these rules; piped output imports no Rich for them."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

LEAST = 2  # the fewest columns a wrapped text gets: one wide (CJK) character
# Where a line may break: at spaces, and on either side of a wide (CJK) character, as Japanese text breaks.
_WIDE = ("\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
         "\U00020000-\U0003fffd")


@functools.cache  # compiled when a line is first wrapped, not by every command that imports layout (3 ms)
def _pieces() -> re.Pattern[str]:
    return re.compile(f" +|[{_WIDE}]|[^ {_WIDE}]+")


@lru_cache(maxsize=4096)  # a column repeats its texts (kinds, names), and each is measured more than once
def width_of(text: str) -> int:
    """Columns a line takes on a terminal: wide (CJK) characters two, combining marks none. Text reaches
    here with its control characters escaped (escape.visible) and its tabs expanded."""
    if text.isascii():
        return len(text)
    return sum(_columns(c) for c in text)


def _columns(character: str) -> int:
    if unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def _characters(word: str) -> Iterator[tuple[str, int]]:
    """The characters of a word as a terminal shows them, each with the marks that combine with it, and
    their width: a line is never broken between a letter and its accent."""
    cluster = ""
    for character in word:
        if cluster and not _columns(character):
            cluster += character
            continue
        if cluster:
            yield cluster, width_of(cluster)
        cluster = character
    if cluster:
        yield cluster, width_of(cluster)


def wrap(text: str, width: int) -> list[str]:
    """The lines of `text` in at most `width` columns (at least LEAST): broken at spaces and beside CJK
    characters where it can, and between characters (never inside one) where a word is wider than a line.
    A line that fits is kept as it is; only spaces where a line breaks are dropped."""
    width = max(width, LEAST)
    out: list[str] = []
    for line in text.split("\n"):
        out += [line] if width_of(line) <= width else _wrapped(line, width)
    return out


def shorten(text: str, width: int) -> str:
    """`text` on one line of at most `width` columns (at least LEAST): whole when it fits, else its
    beginning and `…` (SPEC §15: what is shown before the `…` is where the text begins); a text of several
    lines is its first line and `…`. Never cut inside a character or between a letter and its accent."""
    width = max(width, LEAST)
    first, more, _ = text.partition("\n")
    if not more and width_of(first) <= width:
        return first
    kept, used = "", 0
    for character, columns in _characters(first):
        if used + columns > width - 1:  # the … takes the last column
            break
        kept, used = kept + character, used + columns
    return kept.rstrip(" ") + "…"


def _wrapped(line: str, width: int) -> list[str]:
    lines: list[str] = []
    current, used = "", 0
    for piece in _pieces().findall(line):
        size = width_of(piece)
        if used + size <= width:
            current, used = current + piece, used + size
            continue
        if piece.startswith(" "):  # the break: these spaces end the line and are not shown
            if current:
                lines.append(current)
            current, used = "", 0
            continue
        if current.strip():
            lines.append(current.rstrip(" "))
            current, used = "", 0
        if used + size <= width:
            current, used = current + piece, used + size
            continue
        for character, columns in _characters(piece):
            if used + columns > width and current:
                lines.append(current)
                current, used = "", 0
            current, used = current + character, used + columns
    if current or not lines:
        lines.append(current)
    return lines


def share(natural: list[int], least: list[int], fixed: list[bool], room: int) -> list[int] | None:
    """Widths of columns that together take at most `room` columns: each its natural width when all fit;
    otherwise fixed columns (ids, dates, amounts) keep their least width and the others share what is left,
    so that short texts stay whole and the longest wraps. None when even the least widths do not fit."""
    if sum(natural) <= room:
        return natural
    if sum(least) > room:
        return None
    widths = list(least)
    extra = room - sum(least)
    texts = sorted((n for n, f in enumerate(fixed) if not f), key=lambda n: natural[n] - least[n])
    for done, n in enumerate(texts):  # the least wanting first: each takes its share of what is left, or less
        widths[n] += min(natural[n] - least[n], extra // (len(texts) - done))
        extra -= widths[n] - least[n]
    return widths


def pair_widths(keys: list[str], values: list[str], room: int) -> tuple[int, int]:
    """Widths of a `key  value` list (a record's fields, a row as a card) in `room` columns with a gap of
    two: keys as wide as the widest, unless that leaves values less than half the room."""
    key, value = (max((width_of(line) for text in texts for line in text.split("\n")), default=1)
                  for texts in (keys, values))
    if key + 2 + value > room:
        key = max(LEAST, min(key, (room - 2) // 2))
    return key, max(LEAST, min(value, room - 2 - key))
