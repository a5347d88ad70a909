"""An edit in place keeps each line's own line end (a file of CRLF and LF lines stays so, line by line)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.write.lineends import lf_text, with_line_ends

lines = st.lists(st.tuples(st.text("ab: -あ", max_size=6), st.sampled_from(["\n", "\r\n"])), max_size=12)


def _text(found: list[tuple[str, str]], tail: str = "") -> str:
    return "".join(line + end for line, end in found) + tail


@settings(max_examples=300)
@given(lines, st.text("ab", max_size=3))
def test_an_unchanged_text_is_given_back_as_it_was(found: list[tuple[str, str]], tail: str) -> None:
    original = _text(found, tail)
    assert with_line_ends(original, lf_text(original)) == original


@settings(max_examples=300)
@given(lines, st.integers(0, 12), st.lists(st.text("xyz", min_size=1, max_size=4), max_size=3))
def test_only_the_new_lines_take_a_line_end_and_the_others_keep_theirs(
        found: list[tuple[str, str]], at: int, new: list[str]) -> None:
    at = min(at, len(found))
    original = _text(found)
    edited = lf_text(_text(found[:at])) + "".join(f"{line}\n" for line in new) + lf_text(_text(found[at:]))
    kept = with_line_ends(original, edited)
    assert lf_text(kept) == edited  # the text is the edit's
    # a new line ends as the line before it; at the top, as the line after it
    expected_new = found[at - 1][1] if at else found[0][1] if found else "\n"
    assert kept == _text(found[:at]) + "".join(line + expected_new for line in new) + _text(found[at:])


def test_a_line_added_after_a_crlf_block_ends_as_that_block_does() -> None:
    original = "id: m\r\nactions:\r\n  - task: a\r\n    done: false\r\nnext: 2026-12-10\n"
    edited = lf_text(original).replace("done: false", "done: true")
    assert with_line_ends(original, edited) == original.replace("done: false", "done: true")
