"""How records are named on screen, where a record names others by id."""

from __future__ import annotations

from collections.abc import Iterable

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Contract


def partner_name(ds: Dataset, partner_id: str | None) -> str | None:
    """The name of the partner of that id; None for none, or one not on record."""
    partner = ds.partners.get(partner_id) if partner_id else None
    return partner.name if partner else None


def vendor_name(ds: Dataset, vendor_id: str | None) -> str | None:
    """The name of the vendor of that id; None for none, or one not on record."""
    vendor = ds.vendors.get(vendor_id) if vendor_id else None
    return vendor.name if vendor else None


def owner_name(ds: Dataset, c: Contract) -> str | None:
    """The name of the partner or the vendor whose contract it is."""
    owner = ds.owner_of(c)
    return owner.name if owner else None


def partner_names(ds: Dataset, partner_ids: Iterable[str], t: Translator) -> str:
    """Partners by their names (an id with no partner as itself), joined as the language joins a list."""
    return t.join([ds.partners[p].name if p in ds.partners else p for p in partner_ids])
