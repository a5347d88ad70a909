"""haru partner: the group's help."""

from __future__ import annotations

from tests.helpers import Haru


def test_help(haru: Haru) -> None:
    for command in (["partner", "--help"], ["partner", "list", "--help"], ["partner", "show", "--help"]):
        assert haru("--lang", "en", *command).exit_code == 0
    assert "Example: haru partner show ウエダ" in haru("--lang", "en", "partner", "show", "--help").stdout
