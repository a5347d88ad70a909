"""haru contract: the group's help."""

from __future__ import annotations

from tests.helpers import Haru


def test_help(haru: Haru) -> None:
    assert "Example: haru contract list" in haru("--lang", "en", "contract", "list", "--help").stdout
    assert "Example: haru contract show" in haru("--lang", "en", "contract", "show", "--help").stdout
    assert haru("--lang", "en", "contract", "list", "--type", "loan").exit_code == 2
