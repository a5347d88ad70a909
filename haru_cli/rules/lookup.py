"""Partner (or vendor) QUERY → the record (SPEC §5, §10.3): id, name, kana, alias or contact name, folded
the Japanese way.

Folding: NFKC (ｳｴﾀﾞ → ウエダ, ＆ａｔｈ → &ath, ㈱ → (株)), hiragana → katakana, case, spaces, middle dots,
legal forms (株式会社, (株), 有限会社, 合同会社 ...) and honorifics (さん, 様). The standard library's
unicodedata does NFKC; kana conversion is one fixed code-point offset, so no library is needed for it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haru_cli.records.text import fold_text

if TYPE_CHECKING:
    from haru_cli.records.models import Partner, Vendor

    Named = Partner | Vendor

_LEGAL_FORMS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人"
    r"|特定非営利活動法人|npo法人|\((株|有|同|資|名|社|財)\)"
    r"|co\.,?ltd\.?|inc\.|corp\.|k\.k\.",
)
_IGNORED = re.compile(r"[\s・･·]+")
_HONORIFIC = re.compile(r"(サン|様|氏|殿)$")  # さん is サン by then: hiragana is folded first


def fold(text: str) -> str:
    """The form names are compared in: as text is searched, and without spaces, legal forms or honorifics."""
    folded = _IGNORED.sub("", fold_text(text))
    folded = _LEGAL_FORMS.sub("", folded)
    return _HONORIFIC.sub("", folded)


def names_of(partner: Named) -> list[str]:
    """Every name a partner (or a vendor) may be asked for by."""
    names = [partner.id, partner.name, *partner.aliases, *(c.name for c in partner.contacts)]
    if partner.kana:
        names.append(partner.kana)
    return names


@dataclass(frozen=True)
class Match:
    """The one partner a query found, or the candidates (several matched) or nearest names (none did)."""

    partner: Named | None
    candidates: list[Named] = field(default_factory=list)
    nearest: list[Named] = field(default_factory=list)


def find_named(records: Sequence[Named], query: str) -> Match:
    """An exact match wins; otherwise a unique partial match; otherwise candidates or nearest names."""
    wanted = fold(query)
    keys = [(fold(name), partner) for partner in records for name in names_of(partner)]
    keys = [(key, partner) for key, partner in keys if key]
    for matches in (
        [p for key, p in keys if key == wanted],
        [p for key, p in keys if wanted and wanted in key],
    ):
        unique = list({p.id: p for p in matches}.values())
        if len(unique) == 1:
            return Match(unique[0])
        if unique:
            return Match(None, candidates=sorted(unique, key=sort_key))
    close = difflib.get_close_matches(wanted, [key for key, _ in keys], n=5, cutoff=0.4)
    nearest = list({p.id: p for key, p in keys if key in close}.values())
    return Match(None, nearest=sorted(nearest, key=sort_key))


def sort_key(partner: Named) -> str:
    """Partners sort by reading (kana), then name: the order of a Japanese address book."""
    return fold(partner.kana or partner.name)
