"""YAML text of a record built from options (`haru new`): block style, every scalar plain where YAML 1.2
reads it back as the same value, quoted where not."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from haru_cli.load.yamlio import FORBIDDEN, LongInteger, resolve_plain

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^:#\n]|:(?=\S)|(?<=\S)#)*")
_FLOW_UNSAFE = re.compile(r"[,?\[\]{}]")
_BREAKING = re.compile(r"[\t\r\x85\u2028\u2029]")  # breaks or tabs: only safe inside double quotes


def scalar_text(value: Any, *, in_flow: bool = False) -> str:
    """A scalar as YAML 1.2 reads it back to the same value: plain when that is safe, else quoted."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    plain = (
        _PLAIN.fullmatch(text) is not None
        and text == text.strip()
        and not FORBIDDEN.search(text)
        and not _BREAKING.search(text)
        and _reads_back(text)
        and not (in_flow and _FLOW_UNSAFE.search(text))
    )
    return text if plain else _quoted(text)


def _reads_back(text: str) -> bool:
    """Whether a plain scalar of this text is read back as this very text."""
    try:
        return bool(resolve_plain(text) == text)
    except LongInteger:  # digits that would be refused as a number: quoted, they are text
        return False


_UNSAFE_IN_QUOTES = re.compile(r"[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes (valid YAML ones), plus \\u escapes for DEL, C1 controls and
    the characters YAML 1.1 parsers take for line breaks."""
    return _UNSAFE_IN_QUOTES.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _block_text(text: str, indent: str) -> str | None:
    """A multi-line string as a literal block (|, or |- without a final newline), when that is exact."""
    lines = text.split("\n")
    body = lines[:-1] if text.endswith("\n") else lines
    # A block's indentation is that of its first line that is not empty: a text whose first such line starts
    # with spaces would lose them (`\n    code` read back as `\ncode`), so it is quoted instead.
    if text.endswith("\n\n") or not any(body) or next(line for line in body if line).startswith(" ") or any(
        line != line.rstrip() or FORBIDDEN.search(line) or _BREAKING.search(line) for line in body
    ):
        return None
    chomp = "|" if text.endswith("\n") else "|-"
    return chomp + "".join(f"\n{indent}{line}" if line else "\n" for line in body)


def dump_yaml(data: dict[str, Any], indent: str = "", *, step: str = "  ") -> str:
    """Block-style YAML for a record built from options: keys in the given order, None left out; nested
    mappings and lists indented by `step` (an edit in place follows the file's own)."""
    out: list[str] = []
    for key, value in data.items():
        if value is None or value == [] or value == {}:
            continue
        if isinstance(value, dict):
            out.append(f"{indent}{key}:\n{dump_yaml(value, indent + step, step=step)}")
        elif isinstance(value, list) and all(isinstance(v, dict) for v in value):
            out.append(f"{indent}{key}:\n")
            for item in value:
                first, *rest = dump_yaml(item, indent + step + "  ", step=step).splitlines()
                out.append(f"{indent}{step}- {first.lstrip()}\n" + "".join(f"{line}\n" for line in rest))
        elif isinstance(value, list):
            out.append(f"{indent}{key}: [{', '.join(scalar_text(v, in_flow=True) for v in value)}]\n")
        elif isinstance(value, str) and "\n" in value and (block := _block_text(value, indent + step)):
            out.append(f"{indent}{key}: {block}\n")
        else:
            out.append(f"{indent}{key}: {scalar_text(value)}\n")
    return "".join(out)
