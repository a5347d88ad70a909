"""haru new: the group's help."""

from __future__ import annotations

from tests.helpers import Haru


def test_help(haru: Haru) -> None:
    for kind in ("partner", "contract", "meeting", "referral", "student", "vendor", "sourcing", "course", "project",
                 "opportunity", "automation"):
        assert "Example: haru new " + kind in haru("--lang", "en", "new", kind, "--help").stdout
