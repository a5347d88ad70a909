"""Outsourcing vendors (SPEC §10): scores, ranks and scorecards against a second formulation written from
the SPEC's words (Fractions, and rounding by string), and the commands and checks as a user meets them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.models import Candidate, Deliverable, Sourcing
from haru_cli.records.values import Rate
from haru_cli.rules.vendors import ranking, scorecard
from tests.helpers import VENDORS, Haru, WorkspaceFactory

KEYS = ["expertise", "track_record", "cost", "communication", "speed"]


def half_up(value: Fraction, places: int) -> Decimal:
    """Round half up by scaling: floor(x × 10^n + 1/2) for x ≥ 0."""
    scale = 10 ** places
    return Decimal(int(value * scale + Fraction(1, 2))) / scale


@st.composite
def sourcings(draw: st.DrawFn) -> Sourcing:
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=5, unique=True))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=len(keys) - 1, max_size=len(keys) - 1)))
    weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    vendors = draw(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=5, unique=True))
    candidates = [Candidate(vendor=v, scores={k: draw(st.integers(1, 5)) for k in keys},
                            quote=draw(st.none() | st.integers(1, 3) .map(lambda n: n * 100000))) for v in vendors]
    return Sourcing(id="s", title="t", opened=date(2026, 1, 1),
                    criteria={k: Rate(Decimal(w)) for k, w in zip(keys, weights, strict=True)}, candidates=candidates)


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31))


@st.composite
def deliverables(draw: st.DrawFn) -> Deliverable:
    due = draw(days)
    delivered = draw(st.none() | st.integers(-20, 20).map(lambda n: due + timedelta(days=n)))
    accepted = draw(st.none() | st.just(delivered)) if delivered else None
    return Deliverable(id=f"d{draw(st.integers(0, 10**6))}", due=due, delivered=delivered, accepted=accepted,
                       quality=draw(st.none() | st.integers(1, 5)) if accepted else None,
                       rework=draw(st.integers(0, 3)))


PICK = str(VENDORS["sourcing/pick.yaml"])


@settings(max_examples=300, deadline=None)
@given(sourcings())
def test_scores_and_ranks_are_the_spec_s(s: Sourcing) -> None:
    expected = {c.vendor: half_up(sum((Fraction(int(s.criteria[k].percent)) * c.scores[k] for k in s.criteria),
                                      Fraction(0)) / 5, 1) for c in s.candidates}
    ranked = ranking(s)
    assert {r.candidate.vendor: r.score for r in ranked} == expected
    assert all(Decimal(20) <= v <= Decimal(100) for v in expected.values())
    # the ranking: no candidate is before one it should follow
    for before, after in zip(ranked, ranked[1:], strict=False):
        a, b = before.candidate, after.candidate
        assert (expected[a.vendor], -(a.quote if a.quote is not None else 10**12), b.vendor) >= (
            expected[b.vendor], -(b.quote if b.quote is not None else 10**12), a.vendor)
    assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))


@settings(max_examples=300, deadline=None)
@given(st.lists(deliverables(), max_size=12), days)
def test_the_scorecard_is_the_spec_s(found: list[Deliverable], today: date) -> None:
    card = scorecard(found, today)
    done = [d for d in found if d.delivered and d.delivered <= today]  # what has happened by today
    in_time = [d for d in done if d.delivered and d.delivered <= d.due]
    rated = [d.quality for d in found if d.quality and d.accepted and d.accepted <= today]
    assert (card.deliverables, card.delivered, card.on_time) == (len(found), len(done), len(in_time))
    not_yet = [d for d in found if not d.delivered or d.delivered > today]
    assert card.late == len(done) - len(in_time) + len([d for d in not_yet if d.due < today])
    pct = half_up(Fraction(len(in_time) * 100, len(done)), 1) if done else None
    quality = half_up(Fraction(sum(rated), len(rated)), 2) if rated else None
    assert (card.on_time_pct, card.quality_avg) == (pct, quality)
    assert card.rework_avg == (half_up(Fraction(sum(d.rework for d in done), len(done)), 2) if done else None)
    expected = None if pct is None or quality is None else (
        "good" if pct >= 90 and quality >= 4 else "watch" if pct >= 70 and quality >= 3 else "poor")
    assert card.standing == expected


def test_an_open_selection_listing_a_poor_vendor_warns(workspace: WorkspaceFactory, haru: Haru) -> None:
    fresh = ("id: again\ntitle: 次の動画\nopened: 2026-11-01\ncandidates:\n"
             "  - {vendor: studio, scores: {expertise: 5, track_record: 4, cost: 3, communication: 4}}\n")
    root = workspace({**VENDORS, "sourcing/again.yaml": fresh})
    assert haru("--data", root, "validate").exit_code == 0
    strict = haru("--data", root, "--lang", "en", "validate", "--strict")
    assert strict.exit_code == 1 and "warning[vendor-poor]" in strict.stdout
    assert "studio's standing is poor" in strict.stdout


@pytest.mark.parametrize(("path", "text", "said"), [
    ("sourcing/pick.yaml", PICK.replace("cost: 20%", "cost: 15%"),
     "5:1: error[sourcing] the criteria's weights come to 95%, not exactly 100%"),
    ("sourcing/pick.yaml", PICK.replace("cost: 5, ", ""), "error[sourcing] eizo has no score for 'cost' (1 to 5)"),
    ("sourcing/pick.yaml", PICK.replace("decision: {vendor: studio", "decision: {vendor: other"),
     "error[sourcing] decision: 'other' is not one of the candidates"),
    ("sourcing/pick.yaml", PICK.replace("vendor: eizo", "vendor: studio"), "vendor 'studio' is a candidate twice"),
    ("sourcing/pick.yaml", PICK.replace("expertise: 3", "expertise: 6"), "error[range]"),
    ("sourcing/pick.yaml", PICK.replace("vendor: eizo", "vendor: nobody"), "error[ref-vendor]"),
    ("contracts/studio-video.yaml", str(VENDORS["contracts/studio-video.yaml"]).replace(
        "vendor: studio", "vendor: studio\npartner: ueda"), "error[contract-owner]"),
    ("contracts/studio-video.yaml", str(VENDORS["contracts/studio-video.yaml"]).replace(
        "type: outsourcing", "type: consulting"), "a vendor's contract is outsourcing or nda"),
    ("contracts/studio-video.yaml", str(VENDORS["contracts/studio-video.yaml"]).replace(
        "accepted: 2026-11-02", "accepted: 2026-10-01"), "accepted: 2026-10-01 is before it was delivered"),
    ("contracts/studio-video.yaml", str(VENDORS["contracts/studio-video.yaml"]).replace(
        "{id: ep4, due: 2026-12-20}", "{id: ep1, due: 2026-12-20, quality: 3}"), "deliverable id 'ep1' is used twice"),
])
def test_selections_and_deliverables_are_checked(workspace: WorkspaceFactory, haru: Haru, path: str, text: str,
                                                 said: str) -> None:
    result = haru("--data", workspace({**VENDORS, path: text}), "--lang", "en", "validate")
    assert result.exit_code == 1 and said in result.stdout, result.stdout


def test_a_candidate_not_scored_yet_waits_unranked_until_the_decision(workspace: WorkspaceFactory,
                                                                      haru: Haru) -> None:
    """A selection starts with its candidates listed (`haru new sourcing --candidate`), scored later; the
    decision record, though, holds every candidate's scores."""
    listed = PICK.replace("status: decided", "status: open").replace(
        "  - {vendor: eizo, scores: {expertise: 3, track_record: 3, cost: 5, communication: 4}, quote: 600000}\n",
        "  - {vendor: eizo}\n").replace("decision: {vendor: studio, date: 2026-09-20, reason: 構成力}\n", "")
    root = workspace({**VENDORS, "sourcing/pick.yaml": listed})
    assert haru("--data", root, "validate").exit_code == 0
    compared = json.loads(haru("--data", root, "vendor", "compare", "pick", "--format", "json").stdout)
    assert [(c["vendor"], c["score"], c["rank"]) for c in compared["candidates"]] == [
        ("studio", 84, 1), ("eizo", None, None)]
    decided = listed.replace("status: open", "status: decided") + "decision: {vendor: studio, date: 2026-09-20}\n"
    result = haru("--data", workspace({**VENDORS, "sourcing/pick.yaml": decided}), "--lang", "en", "validate")
    assert result.exit_code == 1 and "eizo has no score for 'expertise'" in result.stdout
