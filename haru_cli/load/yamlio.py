"""YAML 1.2 reading that keeps the line and column of every value.

PyYAML resolves plain scalars with YAML 1.1 rules (`yes` → True, `14:00` → 840, `010` → 8). We only let
it compose the document into nodes — with the C parser when present — and build the Python values
ourselves with the YAML 1.2 core schema, noting where each value and key starts. That walk is also where
duplicate keys, anchors and unknown tags are caught.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from haru_cli.files import MAX_FILE_BYTES, NotRegular, TooLarge, read_regular
from haru_cli.i18n import Term
from haru_cli.records.problems import Loc, Mark, Problem, error

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


MAX_DEPTH = 64
MAX_VALUES = 20_000  # a record is a page of text: a file of more values is a mistake, or an attack
MAX_DIGITS = 20  # an integer literal longer than this is no amount of yen, and Python refuses 4,300 digits

_STD = "tag:yaml.org,2002:"
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
# Characters YAML does not allow in a stream (tab, LF, CR and NEL are allowed).
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


@dataclass
class Document:
    """A file's values, and where each of them starts."""

    data: Any
    marks: dict[Loc, Mark] = field(default_factory=dict)  # where the value at loc starts
    key_marks: dict[Loc, Mark] = field(default_factory=dict)  # where the key naming loc starts
    flagged: set[Loc] = field(default_factory=set)  # values found wrong while reading (not to report twice)

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """The position of loc (its key when asked), or of the nearest enclosing value that exists."""
        for end in range(len(loc), -1, -1):
            sub = loc[:end]
            if key and sub in self.key_marks:
                return self.key_marks[sub]
            if sub in self.marks:
                return self.marks[sub]
        return (1, 1)


_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if text and text[0] not in _MAYBE_NOT_TEXT:  # the common case, decided by the first character
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return _integer(text.lstrip("+-"), 10, text.startswith("-"))
    if _OCT.match(text):
        return _integer(text[2:], 8)
    if _HEX.match(text):
        return _integer(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


class LongInteger(ValueError):
    """An integer literal of more than MAX_DIGITS digits (SPEC §14)."""


def _integer(digits: str, base: int, negative: bool = False) -> int:
    significant = digits.lstrip("0") or "0"  # leading zeros count for nothing, and are not given to int()
    if len(significant) > MAX_DIGITS:
        raise LongInteger(digits[:MAX_DIGITS])
    value = int(significant, base)
    return -value if negative else value


def _dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


# YAML 1.1 (and so libyaml) breaks lines at NEL, LS and PS; YAML 1.2 does not. They are swapped for
# private-use stand-ins while parsing (one character for one, so positions hold) and restored in values.
_OLD_BREAKS = {"\x85": "\ue085", "\u2028": "\ue028", "\u2029": "\ue029"}
_HIDE = str.maketrans(_OLD_BREAKS)
_RESTORE = str.maketrans({v: k for k, v in _OLD_BREAKS.items()})
_SCALAR_TAGS = {f"{_STD}{name}": kind for name, kind in
                (("str", str), ("int", int), ("float", float), ("bool", bool), ("null", type(None)))}


class _Fatal(Exception):
    """The file cannot be read at all; carries the one problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class _Builder:
    """Builds Python values from the parser's events, recording where each value and key starts."""

    def __init__(self, text: str, path: str, next_event: Callable[[], Any], restore: bool) -> None:
        self.text = text
        self.path = path
        self.next = next_event
        self.doc = Document(None)
        self.problems: list[Problem] = []
        self.values = 0
        self.restore = restore  # the text's NEL/LS/PS were hidden: put them back in values
        self.lines: LineIndex | None = None

    def mark(self, event: yaml.Event) -> Mark:
        start = event.start_mark
        if start is None:
            return (1, 1)
        if self.restore:  # the parser's own lines count NEL/LS/PS as breaks: count from the text instead
            if self.lines is None:
                self.lines = LineIndex(self.text)
            return self.lines.position(start.index)
        return start.line + 1, start.column + 1

    def document(self) -> Document | None:
        self.next()  # StreamStart
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        self.doc.data = self.build(self.next(), ())
        self.next()  # DocumentEnd
        extra = self.next()
        if isinstance(extra, yaml.DocumentStartEvent):
            raise _Fatal(error(self.path, self.mark(extra), "yaml-syntax", "yaml-syntax.documents"))
        return self.doc

    def build(self, event: yaml.Event, loc: Loc, depth: int = 0) -> Any:
        mark = self.mark(event)
        self.values += 1
        if self.values > MAX_VALUES:  # bounded work and memory for any file (SPEC §14)
            raise _Fatal(error(self.path, mark, "unreadable", "unreadable.too-many-values", limit=f"{MAX_VALUES:,}"))
        self.doc.marks[loc] = mark
        if isinstance(event, yaml.AliasEvent):
            # Expanding aliases is how "billion laughs" files exhaust memory; records never need them.
            raise _Fatal(error(self.path, mark, "yaml-alias"))
        if depth > MAX_DEPTH:
            raise _Fatal(error(self.path, mark, "yaml-depth", limit=MAX_DEPTH))
        if isinstance(event, yaml.ScalarEvent):
            try:
                return self._scalar(event, mark)
            except LongInteger:
                self.problems.append(error(self.path, mark, "range", "range.digits", key=_dotted(loc),
                                           limit=MAX_DIGITS))
                self.doc.flagged.add(loc)
                return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            self._check_tag(event, f"{_STD}seq", mark)
            items: list[Any] = []
            while not isinstance(item := self.next(), yaml.SequenceEndEvent):
                items.append(self.build(item, (*loc, len(items)), depth + 1))
            return items
        assert isinstance(event, yaml.MappingStartEvent)
        self._check_tag(event, f"{_STD}map", mark)
        return self._mapping(loc, depth)

    def _check_tag(self, event: yaml.CollectionStartEvent, tag: str, mark: Mark) -> None:
        if event.tag not in (None, "!", tag):
            self.problems.append(error(self.path, mark, "yaml-tag", tag=event.tag))

    def _scalar(self, event: yaml.ScalarEvent, mark: Mark) -> Any:
        text = event.value.translate(_RESTORE) if self.restore else event.value
        tag = event.tag
        if tag in (None, "!"):
            return resolve_plain(text) if event.style in (None, "") else text
        kind = _SCALAR_TAGS.get(tag)
        value = text if kind is str else resolve_plain(text)
        if kind is float and type(value) is int:
            value = float(value)
        if kind is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problems.append(error(self.path, mark, "yaml-tag", tag=tag))
        return value

    def _mapping(self, loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
            key_mark = self.mark(key_event)
            if not isinstance(key_event, yaml.ScalarEvent):
                if isinstance(key_event, yaml.AliasEvent):
                    raise _Fatal(error(self.path, key_mark, "yaml-alias"))
                raise _Fatal(error(self.path, key_mark, "yaml-key"))
            key = self._scalar(key_event, key_mark)
            if not isinstance(key, str):
                key = key_event.value  # `2026: x` or `true: x` as a key: keep the text, the model rejects it
            value_event = self.next()
            key_loc = (*loc, key)
            if key_loc in self.doc.key_marks:
                first = self.doc.key_marks[key_loc]
                self.problems.append(error(self.path, key_mark, "duplicate-key", key=key, first=first[0]))
                self.build(value_event, (*loc, key, "#duplicate"), depth + 1)  # consume it, keep the first
                continue
            self.doc.key_marks[key_loc] = key_mark
            value = self.build(value_event, key_loc, depth + 1)
            if value is not None:  # `key:` with nothing after it means the key is not given
                result[key] = value
        return result


# git's conflict markers (SPEC §18): a line of seven <, later one of seven >, each alone or with a label.
_CONFLICT_START = re.compile(r"^<{7}(?:[ \t][^\n]*)?\r?$", re.MULTILINE)
_CONFLICT_END = re.compile(r"^>{7}(?:[ \t][^\n]*)?\r?$", re.MULTILINE)


def conflict_marker(text: str) -> int | None:
    """Where a merge left its conflict markers in the text (the index of the first `<<<<<<<` line), if it
    did. Never a record's own line: a record is a mapping, so a line that starts at its first column starts
    a key, and no key begins with `<<<<<<<` alone or followed by a blank."""
    start = _CONFLICT_START.search(text)
    if start is None or _CONFLICT_END.search(text, start.end()) is None:
        return None
    return start.start()


def parse_yaml(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. None (with the reasons) when it cannot be read at all."""
    if "<<<<<<<" in text and (marker := conflict_marker(text)) is not None:
        certificate = path.startswith("certificates/") or "/certificates/" in path  # one number, two students
        return None, [error(path, _position(text, marker), "merge-conflict",
                            "merge-conflict.certificate" if certificate else "", file=path)]
    bad = FORBIDDEN.search(text)
    if bad:
        return None, [error(path, _position(text, bad.start()), "control-char", char=f"U+{ord(bad.group()):04X}")]
    hide = any(c in text for c in _OLD_BREAKS) and not any(c in text for c in _OLD_BREAKS.values())
    parsed = text.translate(_HIDE) if hide else text
    parser = _Loader(parsed)
    # The parser's own get_event, called directly: yaml.parse's generator doubles the cost per event.
    builder = _Builder(text, path, parser.get_event, restore=hide)
    try:
        doc = builder.document()
    except _Fatal as fatal:
        return None, [fatal.problem]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, path)]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [error(path, (1, 1), "yaml-syntax", reason=str(exc).splitlines()[0])]
    finally:
        parser.dispose()
    if doc is None:
        return None, [error(path, (1, 1), "empty")]
    return doc, builder.problems


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    index = mark.index if mark else 0
    if not text[index:].strip() and text.strip():
        # Noticed only at the end of the file (an unclosed [ or "): point at the last line there is.
        index = len(text.rstrip())
    lines = LineIndex(text)
    line, column = lines.position(index)
    if "\t" in (here := lines.line(text, line))[: max(column, 1)]:
        tab_column = here.index("\t") + 1
        return error(path, (line, tab_column), "yaml-syntax", variant="yaml-syntax.tab")
    reason = exc.problem or exc.context or "invalid YAML"
    return error(path, (line, column), "yaml-syntax", reason=reason, gloss=Term(_gloss(reason)))


# libyaml's problems, by what they begin with → the catalogue's gloss of them (in Japanese).
_GLOSSES = (
    ("did not find expected key", "gloss.expected-key"),
    ("did not find expected ',' or ']'", "gloss.expected-flow-sequence"),
    ("did not find expected ',' or '}'", "gloss.expected-flow-mapping"),
    ("did not find expected '-' indicator", "gloss.expected-block-entry"),
    ("did not find expected node content", "gloss.expected-node"),
    ("mapping values are not allowed", "gloss.mapping-values"),
    ("could not find expected ':'", "gloss.expected-colon"),
    ("found character that cannot start any token", "gloss.cannot-start-token"),
    ("found unexpected end of stream", "gloss.end-of-stream"),
    ("found unknown escape character", "gloss.escape"),
    ("block sequence entries are not allowed", "gloss.block-entries"),
    ("did not find expected <document start>", "gloss.document"),
    ("found unknown directive", "gloss.directive"),
    ("found undefined tag handle", "gloss.tag"),
    ("did not find expected alphabetic or numeric character", "gloss.alias"),
)


def _gloss(reason: str) -> str:
    return next((key for start, key in _GLOSSES if reason.startswith(start)), "gloss.none")


_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Where each line of a text starts. A line ends at LF, CRLF or a lone CR (YAML 1.2 and libyaml
    alike), so that every problem of a file, whatever its line ends, counts lines the same way; NEL,
    LS and PS end no line."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]

    def position(self, index: int) -> Mark:
        """1-based line and column of a character index."""
        n = bisect.bisect_right(self.starts, index) - 1
        return n + 1, index - self.starts[n] + 1

    def line(self, text: str, number: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(text)
        return _BREAK.sub("", text[start:end])


def _position(text: str, index: int) -> Mark:
    return LineIndex(text).position(index)


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file (a BOM is accepted), or a problem naming the encoding it seems to be in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:  # valid UTF-8, but never text: UTF-16 or a binary file
        return None, [_encoding_problem(path, _byte_position(raw, raw.index(b"\x00")), raw)]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [_encoding_problem(path, _byte_position(raw, exc.start), raw)]


def _byte_position(raw: bytes, index: int) -> Mark:
    """Line and column (in characters) of a byte offset, lines counted as LineIndex counts them."""
    head = raw[:index].decode("utf-8", "replace")
    return LineIndex(head).position(len(head))


def _encoding_problem(path: str, mark: Mark, raw: bytes) -> Problem:
    guess = _guess_encoding(raw)
    return error(path, mark, "encoding", "encoding.unknown" if guess == "unknown" else "", guess=guess)


def _guess_encoding(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if b"\x00" in raw:
        # UTF-16 puts a zero byte beside every ASCII character, all at even or all at odd offsets.
        zeros = [i % 2 for i, byte in enumerate(raw[:4096]) if byte == 0]
        return "UTF-16" if len(zeros) * 4 >= len(raw[:4096]) and len(set(zeros)) == 1 else "binary"
    for name, label in (("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP")):
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        return label
    return "unknown"


def read_text(file: Path, path: str) -> tuple[str | None, list[Problem]]:
    """The text of one file (a regular file of at most 4 MB, UTF-8), or the problems why it cannot be
    read; `path` is how problems name it."""
    try:
        raw = read_regular(file)
    except TooLarge:
        return None, [error(path, (1, 1), "unreadable", "unreadable.too-large", limit=MAX_FILE_BYTES // 2**20)]
    except NotRegular as exc:
        return None, [error(path, (1, 1), "file-name", exc.variant)]
    except OSError as exc:
        return None, [error(path, (1, 1), "unreadable", reason=exc.strerror or str(exc))]
    return decode(raw, path)


def read_document(file: Path, path: str) -> tuple[Document | None, list[Problem]]:
    """Read, decode and parse one file; `path` is how problems name it."""
    text, problems = read_text(file, path)
    if text is None:
        return None, problems
    return parse_yaml(text, path)
