"""How text is compared: folded the Japanese way. Not a rule of the business but of the writing system, so
that searching files (load/search.py) and finding a partner by name (rules/lookup.py) fold alike."""

from __future__ import annotations

import re
import unicodedata

_HIRAGANA = re.compile(r"[\u3041-\u3096\u309d\u309e]")


def fold_text(text: str) -> str:
    """The form text is searched in: full- and half-width alike (NFKC), case ignored, hiragana as katakana."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _HIRAGANA.sub(lambda m: chr(ord(m.group()) + 0x60), folded)


_NUMBERS = re.compile(r"([0-9]+)")
Natural = tuple[str | int, ...]  # text and numbers in turn: ("パートナー", 2, "")


def natural(text: str) -> Natural:
    """The order people expect of names and ids with numbers in them: パートナー2 before パートナー10,
    haru-2026-9 before haru-2026-10. Digits of any width count as the numbers they are (NFKC)."""
    parts = _NUMBERS.split(unicodedata.normalize("NFKC", text))
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))
