"""haru fees: the group's help."""

from __future__ import annotations

from tests.helpers import Haru


def test_help(haru: Haru) -> None:
    assert "Example: haru fees calc" in haru("--lang", "en", "fees", "calc", "--help").stdout
    assert "Example: haru fees statement" in haru("--lang", "en", "fees", "statement", "--help").stdout
