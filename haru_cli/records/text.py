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
