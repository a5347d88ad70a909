"""Paths in `path:line:column` lines (SPEC §6, §14): one unambiguous name that editors can open."""

from __future__ import annotations

import re

import pytest

from haru_cli.escape import shown_path, visible
from tests.helpers import Haru, WorkspaceFactory

# What editors' error parsers read (vim's %f:%l:%c:, VS Code's and Emacs' file:line:column).
EDITOR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): ")


@pytest.mark.parametrize("path", ["partners/Kita Corp.yaml", "my data/partners/ueda.yaml", "a b\u3000c.yaml"])
def test_a_space_needs_no_quotes(path: str) -> None:
    assert shown_path(path) == path
    match = EDITOR.match(f"{shown_path(path)}:1:5: error[id-filename] x")
    assert match is not None and match["file"] == path


@pytest.mark.parametrize(("path", "shown"), [
    ("partners/a:1:2.yaml", '"partners/a:1:2.yaml"'),
    ('partners/a"b.yaml', '"partners/a\\"b.yaml"'),
    ("partners/a\tb\x1b.yaml", "partners/a\\x09b\\x1b.yaml"),
    ("partners/a\nb.yaml", "partners/a\\x0ab.yaml"),
])
def test_a_colon_or_quote_is_quoted_and_a_control_character_escaped(path: str, shown: str) -> None:
    assert shown_path(path) == shown


def test_visible_escapes_control_characters_only() -> None:
    assert visible("a\x1bb\tc\nd\x9be") == "a\\x1bb\tc\nd\\x9be"


def test_a_colon_in_a_file_name_keeps_the_problem_line_parsable(workspace: WorkspaceFactory, haru: Haru,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = workspace({"partners/a:1:2.yaml": "id: x\nname: y\n"})
    monkeypatch.chdir(root)
    line = haru("--data", root, "validate").stdout.splitlines()[0]
    assert line.startswith('"partners/a:1:2.yaml":1:5: error[id-filename]')


def test_a_printable_text_is_shown_as_it_is() -> None:
    """render/formats._text returns a printable cell as it is: no character str.isprintable accepts is one
    visible() escapes, nor a tab or newline — every code point checked."""
    printable = "".join(c for c in map(chr, range(0x110000)) if c.isprintable())
    assert visible(printable) == printable and visible(printable, one_line=True) == printable
    assert "\t" not in printable and "\n" not in printable
