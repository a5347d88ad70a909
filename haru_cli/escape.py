"""Text from a workspace made safe to show: every invisible or reordering character as an escape, and paths
that stay one unambiguous `path:line:column` (SPEC §14). Used by messages and by every output format."""

from __future__ import annotations

import re

# Every character that is invisible or moves what a terminal or editor shows: Unicode's controls (Cc),
# format characters (Cf: zero-width, bidi, soft hyphen, BOM …), line and paragraph separators (Zl, Zp) and
# lone surrogates (Cs), as of Unicode 14; a test checks the list against unicodedata. Tab and newline
# apart: they lay out multi-line text, except where a line must stay one line.
INVISIBLE = (
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    r"\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    r"\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE_CHARACTER = re.compile(f"[{INVISIBLE}]")
_CONTROL_ALL = re.compile(f"[\t\n{INVISIBLE}]")


def visible(text: str, *, one_line: bool = False) -> str:
    """Text with control characters shown as escapes (`\\x1b`), so none reaches the terminal; with
    one_line, newlines and tabs too."""
    return (_CONTROL_ALL if one_line else INVISIBLE_CHARACTER).sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Editors' error parsers (`%f:%l:%c:`, `file:line:col`) read a name up to its `:` and take spaces as
# part of it, as a file name may: only a `:` (or the quote that quoting uses) makes a line ambiguous.
_NEEDS_QUOTES = re.compile(r'[:"]')


def shown_path(path: str) -> str:
    """A path for a `path:line:column` line: as it is (control characters as escapes), or in double quotes
    (a quote in it as \\") when a `:` or quote in it would make the line ambiguous. A space needs none."""
    if not _NEEDS_QUOTES.search(path):
        return visible(path, one_line=True)
    return '"' + visible(path.replace('"', '\\"'), one_line=True) + '"'
