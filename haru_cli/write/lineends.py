"""A record's own line ends kept through an edit: the edit is made on text whose lines end in LF, and each
line written back ends as it did in the file (a file of mixed CRLF and LF stays mixed, line by line)."""

from __future__ import annotations

from difflib import SequenceMatcher


def lf_text(text: str) -> str:
    """The text with every CRLF as LF: what an edit in place works on."""
    return text.replace("\r\n", "\n")


def with_line_ends(original: str, edited: str) -> str:
    """`edited` (the LF text of `original`, changed) with each line ending as that line ends in `original`;
    a new line ends as the line before it does (the first one, as the line after it)."""
    if "\r\n" not in original:
        return edited
    old = original.split("\n")[:-1]  # the lines that end in a line break (the last part has none)
    *new, tail = edited.split("\n")
    old_text = [line.removesuffix("\r") for line in old]
    old_ends = ["\r\n" if line.endswith("\r") else "\n" for line in old]
    ends: list[str | None] = [None] * len(new)
    # The lines before and after the change first: an edit in place touches a few lines of a long file.
    start = 0
    while start < min(len(old), len(new)) and old_text[start] == new[start]:
        ends[start] = old_ends[start]
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old_text[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
        ends[end_new] = old_ends[end_old]
    matcher = SequenceMatcher(None, old_text[start:end_old], new[start:end_new], autojunk=False)
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            ends[start + j + k] = old_ends[start + i + k]
    known = next((end for end in ends if end is not None), old_ends[0] if old_ends else "\n")
    out = []
    for line, end in zip(new, ends, strict=True):
        known = end if end is not None else known
        out.append(line + known)
    return "".join(out) + tail
