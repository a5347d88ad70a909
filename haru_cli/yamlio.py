"""YAML 1.2 reading that keeps the line and column of every value; atomic writing of new files.

PyYAML resolves plain scalars with YAML 1.1 rules (`yes` → True, `14:00` → 840, `010` → 8). We only let
it compose the document into nodes — with the C parser when present — and build the Python values
ourselves with the YAML 1.2 core schema, noting where each value and key starts. That walk is also where
duplicate keys, anchors and unknown tags are caught.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from haru_cli.problems import Problem, error

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line and column

MAX_DEPTH = 64

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
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


@dataclass
class Document:
    """A file's values, and where each of them starts."""

    data: Any
    marks: dict[Loc, Mark] = field(default_factory=dict)  # where the value at loc starts
    key_marks: dict[Loc, Mark] = field(default_factory=dict)  # where the key naming loc starts

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """The position of loc (its key when asked), or of the nearest enclosing value that exists."""
        for end in range(len(loc), -1, -1):
            sub = loc[:end]
            if key and sub in self.key_marks:
                return self.key_marks[sub]
            if sub in self.marks:
                return self.marks[sub]
        return (1, 1)


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text, 10)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


class _AliasFound(Exception):
    pass


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.doc = Document(None)
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc, depth: int = 0) -> Any:
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.marks[loc] = mark
        if depth > MAX_DEPTH:
            self.problems.append(error(self.path, mark, "yaml-depth", limit=MAX_DEPTH))
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, mark)
        # An anchored collection met a second time is an alias. Expanding aliases is how "billion laughs"
        # documents exhaust memory, and records never need them: refuse the whole file.
        if id(node) in self._seen:
            raise _AliasFound
        self._seen.add(id(node))
        if not node.tag.startswith(_STD):
            self.problems.append(error(self.path, mark, "yaml-tag", tag=node.tag))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, loc, depth)

    def _scalar(self, node: yaml.ScalarNode, mark: Mark) -> Any:
        if not node.tag.startswith(_STD):
            self.problems.append(error(self.path, mark, "yaml-tag", tag=node.tag))
            return node.value
        if node.style in (None, ""):  # plain: C and pure-Python parsers spell it differently
            return resolve_plain(node.value)
        return node.value

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(error(self.path, key_mark, "yaml-key"))
                continue
            key = self._scalar(key_node, key_mark)
            if not isinstance(key, str):
                key = key_node.value  # `2026: x` or `true: x` as a key: keep the text, the model rejects it
            if key in result:
                first = self.doc.key_marks[(*loc, key)]
                self.problems.append(error(self.path, key_mark, "duplicate-key", key=key, first=first[0]))
                continue
            self.doc.key_marks[(*loc, key)] = key_mark
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result


def parse_yaml(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. None (with the reasons) when it cannot be read at all."""
    bad = _FORBIDDEN.search(text)
    if bad:
        line, column = _position(text, bad.start())
        return None, [error(path, (line, column), "control-char", char=f"U+{ord(bad.group()):04X}")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, path)]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [error(path, (1, 1), "yaml-syntax", reason=str(exc).splitlines()[0])]
    if node is None:
        return None, [error(path, (1, 1), "empty")]
    builder = _Builder(path)
    try:
        builder.doc.data = builder.build(node, ())
    except RecursionError:
        return None, [error(path, (1, 1), "yaml-depth", limit=MAX_DEPTH)]
    except _AliasFound:
        return None, [error(path, _first_alias(text), "yaml-alias")]
    return builder.doc, builder.problems


def _first_alias(text: str) -> Mark:
    """Where the first alias (*name) is used; the composed nodes only remember where anchors are."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return event.start_mark.line + 1, event.start_mark.column + 1
    return (1, 1)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(column, 1)]:
        tab_column = lines[line - 1].index("\t") + 1
        return error(path, (line, tab_column), "yaml-syntax", variant="yaml-syntax.tab")
    reason = exc.problem or exc.context or "invalid YAML"
    return error(path, (line, column), "yaml-syntax", reason=reason)


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file (a BOM is accepted), or a problem naming the encoding it seems to be in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        return None, [error(path, (line, column), "encoding", guess=_guess_encoding(raw))]


def _guess_encoding(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    for name, label in (("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP")):
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        return label
    return "unknown"


def read_document(file: Path, path: str) -> tuple[Document | None, list[Problem]]:
    """Read, decode and parse one file; `path` is how problems name it."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [error(path, (1, 1), "unreadable", reason=exc.strerror or str(exc))]
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    return parse_yaml(text, path)


def write_new(target: Path, text: str) -> None:
    """Write a new file atomically and never over an existing one.

    The text goes to a temporary file in the same folder, which is then hard-linked to the target name:
    the link fails if the target exists (even one created a moment ago), and a reader never sees half a
    file. An interrupted write leaves the old state as it was. Raises FileExistsError.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, target)
    finally:
        os.unlink(tmp)
