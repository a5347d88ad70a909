"""Outsourcing vendors (SPEC §10.3, strategy 3.4): a selection's weighted scores and ranking, and a
vendor's scorecard over what it delivered — pure, for an explicit today."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Candidate, Deliverable, Sourcing
from haru_cli.rules.dated import Item, Window, uid

ONE = Decimal("0.1")
TWO = Decimal("0.01")


def vendor_name(ds: Dataset, vendor_id: str | None) -> str | None:
    """The name of the vendor of that id; None for none, or one not on record."""
    vendor = ds.vendors.get(vendor_id) if vendor_id else None
    return vendor.name if vendor else None


def score(sourcing: Sourcing, candidate: Candidate) -> Decimal:
    """Σ weight × score ÷ 5: a percentage from 20 to 100, rounded half up to one decimal."""
    total = sum((rate.percent * candidate.scores.get(key, 0) for key, rate in sourcing.criteria.items()),
                Decimal(0))
    return (total / 5).quantize(ONE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: Decimal
    rank: int  # 1 is the best


def ranking(sourcing: Sourcing) -> list[Ranked]:
    """By score (highest first), then quote (lowest first, none last), then vendor id."""
    scored = sorted(((c, score(sourcing, c)) for c in sourcing.candidates),
                    key=lambda cs: (-cs[1], cs[0].quote is None, cs[0].quote or 0, cs[0].vendor))
    return [Ranked(c, s, i + 1) for i, (c, s) in enumerate(scored)]


@dataclass(frozen=True)
class Scorecard:
    """How a vendor delivers (SPEC §10.3)."""

    deliverables: int
    delivered: int
    on_time: int
    late: int
    on_time_pct: Decimal | None
    quality_avg: Decimal | None
    rework_avg: Decimal | None

    @property
    def standing(self) -> str | None:
        """good, watch or poor; None when nothing is delivered or rated."""
        if self.on_time_pct is None or self.quality_avg is None:
            return None
        if self.on_time_pct >= 90 and self.quality_avg >= 4:
            return "good"
        if self.on_time_pct >= 70 and self.quality_avg >= 3:
            return "watch"
        return "poor"


def deliverables_of(ds: Dataset, vendor_id: str) -> list[Deliverable]:
    return [d for c in ds.contracts_of_vendor(vendor_id) for d in c.deliverables]


def scorecard(found: list[Deliverable], today: date | None) -> Scorecard:
    """Over the deliverables as of today: late counts what was delivered after its due date and, given a
    today, what is not delivered and past due (without one — validate, which has no today — only what was
    delivered)."""
    def done(day: date | None) -> bool:  # by today: a date to come has not happened yet
        return day is not None and (today is None or day <= today)

    delivered = [d for d in found if done(d.delivered)]
    on_time = sum(1 for d in delivered if d.delivered is not None and d.delivered <= d.due)
    overdue = sum(1 for d in found if not done(d.delivered) and today is not None and d.due < today)
    qualities = [d.quality for d in found if d.quality is not None and done(d.accepted)]
    return Scorecard(
        deliverables=len(found), delivered=len(delivered), on_time=on_time,
        late=len(delivered) - on_time + overdue,
        on_time_pct=(Decimal(on_time * 100) / len(delivered)).quantize(ONE, ROUND_HALF_UP) if delivered else None,
        quality_avg=(Decimal(sum(qualities)) / len(qualities)).quantize(TWO, ROUND_HALF_UP) if qualities else None,
        rework_avg=(Decimal(sum(d.rework for d in delivered)) / len(delivered)).quantize(TWO, ROUND_HALF_UP)
        if delivered else None,
    )


DATED_KINDS = ("deliverable",)


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """What vendors are to deliver by `until` (SPEC §10.3), not delivered yet."""
    for c in ds.contracts.values():
        for d in c.deliverables:
            if d.delivered is None and d.due <= when.until:
                yield Item(d.due, "deliverable", c.partner or "", d.title or d.id, f"{c.id}/{d.id}",
                           d.due < when.today, ("contract", c.id), uid("deliverable", c.id, d.id), vendor=c.vendor)
