"""How records are named on screen, where a record names others by id."""

from __future__ import annotations

from collections.abc import Iterable

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset


def partner_names(ds: Dataset, partner_ids: Iterable[str], t: Translator) -> str:
    """Partners by their names (an id with no partner as itself), joined as the language joins a list."""
    return t.join([ds.partners[p].name if p in ds.partners else p for p in partner_ids])
