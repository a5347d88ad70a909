"""Outsourcing vendors (SPEC §10.3, strategy 3.4): a selection's weighted scores and ranking, and a
vendor's scorecard over what it delivered — pure, for an explicit today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.records.models import Candidate, Deliverable, Sourcing
from haru_cli.records.problems import Finding, finding, warn
from haru_cli.records.registry import CONTRACT, SOURCING
from haru_cli.rules.dated import Item, Window, uid

ONE = Decimal("0.1")
TWO = Decimal("0.01")


def score(sourcing: Sourcing, candidate: Candidate) -> Decimal:
    """Σ weight × score ÷ 5: a percentage from 20 to 100, rounded half up to one decimal."""
    total = sum((rate.percent * candidate.scores.get(key, 0) for key, rate in sourcing.criteria.items()),
                Decimal(0))
    return (total / 5).quantize(ONE, rounding=ROUND_HALF_UP)


@frozen
class Ranked:
    candidate: Candidate
    score: Decimal | None  # None: not scored yet
    rank: int | None  # 1 is the best; None: not scored yet


def ranking(sourcing: Sourcing) -> list[Ranked]:
    """By score (highest first), then quote (lowest first, none last), then vendor id; the candidates not
    scored yet after them, unranked (a score of 0 would read as the worst, which nobody has said)."""
    scored = sorted(((c, score(sourcing, c)) for c in sourcing.candidates if c.scores),
                    key=lambda cs: (-cs[1], cs[0].quote is None, cs[0].quote or 0, cs[0].vendor))
    waiting = sorted((c for c in sourcing.candidates if not c.scores), key=lambda c: c.vendor)
    return [Ranked(c, s, i + 1) for i, (c, s) in enumerate(scored)] + [Ranked(c, None, None) for c in waiting]


@frozen
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


# --- checks (SPEC §6) ---------------------------------------------------------------------------------


def check_vendor_contracts(ds: Dataset) -> Iterator[Finding]:
    """A contract is a partner's or a vendor's, never both; a vendor's is outsourcing or an NDA, and what
    it delivers is in order (SPEC §10.1)."""
    for c in ds.contracts.values():
        if (c.partner is None) == (c.vendor is None):
            yield finding(CONTRACT, c.id, ("partner",) if c.partner else ("id",), "contract-owner",
                          "contract-owner.both" if c.partner else "contract-owner.none")
        elif c.vendor is not None and c.type not in ("outsourcing", "nda"):
            yield finding(CONTRACT, c.id, ("type",), "contract-owner", "contract-owner.vendor-type", type=c.type)
        elif c.partner is not None and c.type == "outsourcing":
            yield finding(CONTRACT, c.id, ("type",), "contract-owner", "contract-owner.partner-type")
        seen: set[str] = set()
        for i, d in enumerate(c.deliverables):
            if d.id in seen:
                yield finding(CONTRACT, c.id, ("deliverables", i, "id"), "deliverable", "deliverable.twice", ref=d.id)
            seen.add(d.id)
            if d.accepted is not None and d.delivered is None:
                yield finding(CONTRACT, c.id, ("deliverables", i, "accepted"), "deliverable", "deliverable.undelivered")
            elif d.accepted is not None and d.delivered is not None and d.accepted < d.delivered:
                yield finding(CONTRACT, c.id, ("deliverables", i, "accepted"), "deliverable", "deliverable.order",
                              accepted=d.accepted.isoformat(), delivered=d.delivered.isoformat())
            if d.quality is not None and d.accepted is None:
                yield finding(CONTRACT, c.id, ("deliverables", i, "quality"), "deliverable", "deliverable.quality")


def check_sourcing(ds: Dataset) -> Iterator[Finding]:
    """A selection weighs its criteria to exactly 100%, scores every candidate it scores on each (every one,
    once decided), lists a vendor once, and decides for one of them (SPEC §10.2); a vendor whose standing is
    poor is said when it is a candidate again."""
    for s in ds.sourcings.values():
        total = sum((r.percent for r in s.criteria.values()), Decimal(0))
        if total != 100:
            yield finding(SOURCING, s.id, ("criteria",), "sourcing", "sourcing.weights",
                          total=f"{format(total.normalize(), 'f')}%", key=True)
        seen: set[str] = set()
        for i, c in enumerate(s.candidates):
            if c.vendor in seen:
                yield finding(SOURCING, s.id, ("candidates", i, "vendor"), "sourcing", "sourcing.twice", ref=c.vendor)
            seen.add(c.vendor)
            # A candidate listed but not scored yet is how a selection starts (`haru new sourcing --candidate`);
            # once decided, the decision record holds every score.
            for key in s.criteria if c.scores or s.status == "decided" else ():
                if key not in c.scores:
                    yield finding(SOURCING, s.id, ("candidates", i, "scores"), "sourcing", "sourcing.missing-score",
                                  criterion=key, ref=c.vendor, key=True)
            for key in c.scores:
                if key not in s.criteria:
                    yield finding(SOURCING, s.id, ("candidates", i, "scores", key), "sourcing",
                                  "sourcing.unknown-criterion", criterion=key, key=True)
            standing = scorecard(deliverables_of(ds, c.vendor), None).standing if c.vendor in ds.vendors else None
            if s.status == "open" and standing == "poor":
                yield warn(SOURCING, s.id, ("candidates", i, "vendor"), "vendor-poor", ref=c.vendor)
        if s.decision is not None and s.decision.vendor not in seen:
            yield finding(SOURCING, s.id, ("decision", "vendor"), "sourcing", "sourcing.not-candidate",
                          ref=s.decision.vendor)
        elif s.status == "decided" and s.decision is None:
            yield finding(SOURCING, s.id, ("status",), "sourcing", "sourcing.undecided")


CHECKS = [check_vendor_contracts, check_sourcing]
