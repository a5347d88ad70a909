"""The referral pipeline on screen (SPEC §8 `referral list`): lead → won, lost or cancelled, with the deal
and the fees each has earned so far."""

from __future__ import annotations

from datetime import date
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Referral, as_json
from haru_cli.views.shapes import Day, Money, Row, Table

REFERRAL_HEADINGS = ["referred", "partner", "client", "kind", "status", "deal_signed", "deal", "earned", "id"]


def referrals_json(found: list[Referral], earned: dict[str, int], today: date) -> dict[str, Any]:
    return {"today": today.isoformat(),
            "referrals": [{**as_json(r), "earned": earned.get(r.id, 0)} for r in found]}


def referrals_table(ds: Dataset, found: list[Referral], earned: dict[str, int], t: Translator) -> Table:
    rows: list[Row] = [
        [Day(r.referred), ds.partners[r.partner].name if r.partner in ds.partners else r.partner, r.client,
         t.value("referral_kind", r.kind), t.value("referral_status", r.status),
         Day(r.deal.signed if r.deal else None), Money(r.deal.amount if r.deal else None),
         Money(earned.get(r.id, 0)), r.id]
        for r in found
    ]
    return Table([t(h) for h in REFERRAL_HEADINGS], rows, t("none_found"))
