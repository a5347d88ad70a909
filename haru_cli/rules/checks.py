"""Cross-field and cross-file rules (SPEC §6), each a pure function of the loaded records.

A check yields Findings: which record, which key path in it, what is wrong. It never reads a file; the
load stage places each finding at its line and column. A check only sees records that loaded cleanly;
a reference to a file that exists but is broken is not reported again (that file's own problem says it
all). Each check can be run alone on hand-built records (tests/test_checks.py).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from haru_cli.records.dataset import Dataset
from haru_cli.records.problems import Finding, Loc, Severity

if TYPE_CHECKING:
    from haru_cli.records.models import Payout
from haru_cli.records.registry import (
    AUTOMATION,
    BY_NAME,
    CERTIFICATE,
    CONTRACT,
    COURSE,
    MEETING,
    OPPORTUNITY,
    PARTNER,
    PAYOUT,
    PROJECT,
    REFERRAL,
    SOURCING,
    STUDENT,
    TIME,
    TYPES,
    RecordType,
)
from haru_cli.records.values import Month
from haru_cli.rules.integrity import TWINS, fees_incomplete, twins


def finding(record_type: RecordType[Any], record_id: str, loc: Loc, code: str, variant: str = "", /, *,
            severity: Severity = "error", key: bool = False, related: tuple[str, ...] = (),
            **params: Any) -> Finding:
    return Finding(record_type.name, record_id, loc, severity, code, variant, params, key, related)


def warn(record_type: RecordType[Any], record_id: str, loc: Loc, code: str, variant: str = "", /, *,
         key: bool = False, **params: Any) -> Finding:
    return finding(record_type, record_id, loc, code, variant, severity="warning", key=key, **params)


def check_references(ds: Dataset) -> Iterator[Finding]:
    """Every record a record names exists (the registry's references), and none is named twice."""
    for kind in TYPES:
        for record in ds.of(kind).values():
            for ref in kind.refs:
                target = BY_NAME[ref.target]
                seen: set[str] = set()
                for loc, target_id in ref.located(record):
                    if ref.many and target_id in seen:  # a partner listed twice would count a meeting's minutes twice
                        yield finding(kind, record.id, loc, f"ref-{target.name}", f"ref-{target.name}.twice",
                                      ref=target_id)
                        continue
                    seen.add(target_id)
                    if not ds.exists(target, target_id):
                        expected = target.path(target_id) if target.by_year is None else f"{target.folder}/…"
                        yield finding(kind, record.id, loc, f"ref-{target.name}", ref=target_id,
                                      related=(expected,))


def check_contract_owners(ds: Dataset) -> Iterator[Finding]:
    """A meeting's contract belongs to one of its partners; a referral's to its partner, with a fee rule
    for its kind."""
    for m in ds.meetings.values():
        contract = ds.contracts.get(m.contract) if m.contract else None
        if contract is not None and contract.partner not in m.partners and (
                contract.partner is None or contract.partner in ds.partners):  # a vendor's is no meeting's
            yield finding(MEETING, m.id, ("contract",), "contract-partner", "contract-partner.meeting",
                          ref=m.contract, owner=contract.owner, related=(ds.path_of(CONTRACT, contract.id),))
    for r in ds.referrals.values():
        contract = ds.contracts.get(r.contract)
        if contract is None:
            continue
        related = (ds.path_of(CONTRACT, contract.id),)
        if contract.partner != r.partner:
            yield finding(REFERRAL, r.id, ("contract",), "contract-partner", ref=r.contract, owner=contract.owner,
                          partner=r.partner, related=related)
        elif contract.fee_rule(r.kind) is None:
            yield finding(REFERRAL, r.id, ("kind",), "fee-rule", "fee-rule.missing", kind=r.kind, ref=r.contract,
                          related=related)


MIN_TERM_DAYS = 7


def check_contract_terms(ds: Dataset) -> Iterator[Finding]:
    """Renewal settings that make sense together (SPEC §4.1)."""
    for c in ds.contracts.values():
        if c.auto_renew and c.term is None:
            yield finding(CONTRACT, c.id, ("auto_renew",), "auto-renew-term", key=True)
        elif c.term is not None and c.term.count == 0:
            yield finding(CONTRACT, c.id, ("term",), "auto-renew-term", "auto-renew-term.zero")
        elif c.auto_renew and c.term is not None and c.term.unit == "d" and c.term.count < MIN_TERM_DAYS:
            # A contract renewed every day or two is a typo (1d for 1y?), and would fill every list with dates.
            yield finding(CONTRACT, c.id, ("term",), "auto-renew-term", "auto-renew-term.short", days=MIN_TERM_DAYS)
        elif c.auto_renew and c.end is None:
            yield warn(CONTRACT, c.id, ("auto_renew",), "auto-renew-term", "auto-renew-term.no-end", key=True)
        elif c.term is not None and not c.auto_renew:
            yield warn(CONTRACT, c.id, ("term",), "auto-renew-term", "auto-renew-term.unused", key=True)


def check_fee_rules(ds: Dataset) -> Iterator[Finding]:
    """A fee rule is a rate or a fixed amount, never both (SPEC §3.4)."""
    for c in ds.contracts.values():
        if c.fees is None:
            continue
        for kind in ("customer", "student"):
            rule = c.fees.rule(kind)
            if rule is None:
                continue
            if (rule.rate is None) == (rule.fixed is None):
                yield finding(CONTRACT, c.id, ("fees", kind), "fee-rule", "fee-rule.one-of", kind=kind, key=True)
            elif rule.fixed is not None:
                for name in ("basis", "months"):
                    if getattr(rule, name) is not None:
                        yield finding(CONTRACT, c.id, ("fees", kind, name), "fee-rule", "fee-rule.rate-only",
                                      name=name, key=True)
            elif rule.basis == "deal" and rule.months is not None:
                yield warn(CONTRACT, c.id, ("fees", kind, "months"), "fee-rule", "fee-rule.months-deal", key=True)


def check_dates(ds: Dataset) -> Iterator[Finding]:
    """Dates in the order they happen in."""
    for c in ds.contracts.values():
        if c.end is not None and c.end < c.start:
            yield finding(CONTRACT, c.id, ("end",), "date-order", "date-order.end", end=c.end.isoformat(),
                          start=c.start.isoformat())
        if c.signed is not None and c.signed > c.start:
            yield warn(CONTRACT, c.id, ("signed",), "date-order", "date-order.signed", signed=c.signed.isoformat(),
                       start=c.start.isoformat())
    for r in ds.referrals.values():
        if r.deal is None:
            continue
        signed = r.deal.signed
        if signed < r.referred:
            yield warn(REFERRAL, r.id, ("deal", "signed"), "date-order", "date-order.deal",
                       signed=signed.isoformat(), referred=r.referred.isoformat())
        for i, payment in enumerate(r.payments):
            if payment.date < signed:
                yield finding(REFERRAL, r.id, ("payments", i, "date"), "date-order", "date-order.payment",
                              date=payment.date.isoformat(), signed=signed.isoformat())
        if r.cancelled is not None and r.cancelled < signed:
            yield finding(REFERRAL, r.id, ("cancelled",), "date-order", "date-order.cancelled",
                          cancelled=r.cancelled.isoformat(), signed=signed.isoformat())
        for i, payment in enumerate(r.payments):  # it earns nothing (SPEC §4.4): probably a typo
            if r.cancelled is not None and payment.date > r.cancelled:
                yield warn(REFERRAL, r.id, ("payments", i, "date"), "date-order", "date-order.after-cancel",
                           date=payment.date.isoformat(), cancelled=r.cancelled.isoformat())
    for m in ds.meetings.values():
        if m.next is not None and m.next < m.date:
            yield warn(MEETING, m.id, ("next",), "date-order", "date-order.next", next=m.next.isoformat(),
                       date=m.date.isoformat())


def check_partners(ds: Dataset) -> Iterator[Finding]:
    """源泉徴収 of fees applies to individuals, not to corporations."""
    for p in ds.partners.values():
        if p.withholding and p.entity == "corporation":
            yield finding(PARTNER, p.id, ("withholding",), "withholding")


def check_referrals(ds: Dataset) -> Iterator[Finding]:
    """A referral's status and the facts it needs (SPEC §3.5)."""
    for r in ds.referrals.values():
        if r.status in ("won", "cancelled") and r.deal is None:
            yield finding(REFERRAL, r.id, ("status",), "deal-missing", status=r.status)
        elif r.deal is not None and r.deal.amount is None:
            contract = ds.contracts.get(r.contract)
            rule = contract.fee_rule(r.kind) if contract else None
            if rule is not None and rule.rate is not None and rule.basis == "deal":
                yield finding(REFERRAL, r.id, ("deal",), "deal-missing", "deal-missing.amount", key=True)
        if r.status == "cancelled" and r.cancelled is None:
            yield finding(REFERRAL, r.id, ("status",), "cancelled-date")
        elif r.status != "cancelled" and r.cancelled is not None:
            yield warn(REFERRAL, r.id, ("cancelled",), "cancelled-date", "cancelled-date.status", status=r.status,
                       key=True)
        if r.status in ("lead", "lost") and r.payments:
            yield warn(REFERRAL, r.id, ("payments",), "deal-missing", "deal-missing.payments", status=r.status,
                       key=True)


def check_payouts(ds: Dataset) -> Iterator[Finding]:
    """A payment settles a statement there is, once (SPEC §8.1); one that no longer matches what its month
    comes to is said, never recomputed."""
    from haru_cli.rules.fees import events_by_partner, monthly_totals

    by_partner: dict[str, list[Payout]] = defaultdict(list)
    for payout in sorted(ds.payouts.values(), key=lambda p: (p.date, p.id)):
        if payout.kind == "payment" and payout.partner in ds.partners:
            by_partner[payout.partner].append(payout)
    events = events_by_partner(ds)
    for partner_id, payments in by_partner.items():
        partner = ds.partners[partner_id]
        until = max(p.month.first for p in payments)
        payable = {month: t.payable for month, _, t in monthly_totals(ds.settings, partner,
                                                                       events.get(partner_id, []), until)}
        first: dict[date, Payout] = {}
        for p in payments:
            month = p.month.first
            if month in first:
                yield finding(PAYOUT, p.id, ("month",), "duplicate-payout", partner=partner_id, month=str(p.month),
                              first=ds.path_of(PAYOUT, first[month].id), related=(ds.path_of(PAYOUT, first[month].id),))
                continue
            first[month] = p
            if month not in payable:
                yield _resting(ds, partner_id, finding(PAYOUT, p.id, ("month",), "payout-statement",
                                                       partner=partner_id, month=str(p.month)))
            elif payable[month] != p.amount:
                yield _resting(ds, partner_id, warn(PAYOUT, p.id, ("amount",), "payout-mismatch", amount=p.amount,
                                                    payable=payable[month], month=str(p.month)))
    yield from _check_refunds(ds, events)


def _resting(ds: Dataset, partner_id: str, found: Finding) -> Finding:
    """A finding about what a partner's fees come to is the fault of a skipped file when there is one that
    may change them (SPEC §15): then it is said as `skipped-dependency`, naming that file, not as an
    error of a payout that may well be right."""
    skipped = fees_incomplete(ds, partner_id)
    if not skipped:
        return found
    return Finding(found.kind, found.record, found.loc, "warning", "skipped-dependency", "",
                   {"code": found.code, "skipped": ", ".join(skipped)}, found.key, tuple(skipped))


def _check_refunds(ds: Dataset, events: dict[str, list[Any]]) -> Iterator[Finding]:
    """A refund settles what a partner owed back (a negative balance): more would turn into fees HaRu
    owes, with tax on them."""
    from haru_cli.rules.fees import monthly_totals

    refunded: dict[str, list[Payout]] = defaultdict(list)
    for payout in ds.payouts.values():
        if payout.kind == "refund" and payout.partner in ds.partners:
            refunded[payout.partner].append(payout)
    for partner_id, refunds in refunded.items():
        until = max(p.month.first for p in refunds)
        months = {month: (lines, t) for month, lines, t in monthly_totals(ds.settings, ds.partners[partner_id],
                                                                           events.get(partner_id, []), until)}
        for month in sorted({p.month.first for p in refunds}):
            lines, t = months[month]  # a refund is a line of its month: that month has a statement
            owed = max(0, -(t.carried_in + sum(e.amount for e in lines if e.event != "refund")))
            mine = sorted((p for p in refunds if p.month.first == month), key=lambda p: (p.date, p.id))
            if sum(p.amount for p in mine) > owed:
                yield _resting(ds, partner_id, finding(PAYOUT, mine[-1].id, ("amount",), "payout-refund",
                                                       amount=sum(p.amount for p in mine), owed=owed,
                                                       partner=partner_id, month=f"{month:%Y-%m}"))


class Banks(Protocol):
    """The 全銀 list of banks and branches (the `zengin-code` package's data, given by the load stage): their
    names, and their names in kana."""

    def bank_name(self, bank: str) -> str | None: ...

    def branch_name(self, bank: str, branch: str) -> str | None: ...

    def bank_kana(self, bank: str) -> str | None: ...

    def branch_kana(self, bank: str, branch: str) -> str | None: ...


def check_banks(ds: Dataset, banks: Banks) -> Iterator[Finding]:
    """A partner's bank and branch are in the 全銀 list (a transfer to a code that is not would bounce)."""
    for partner in ds.partners.values():
        account = partner.bank
        if account is None:
            continue
        name = banks.bank_name(account.bank)
        if name is None:
            yield finding(PARTNER, partner.id, ("bank", "bank"), "bank", "bank.unknown-bank", bank=account.bank)
        elif banks.branch_name(account.bank, account.branch) is None:
            yield finding(PARTNER, partner.id, ("bank", "branch"), "bank", "bank.unknown-branch",
                          bank=account.bank, branch=account.branch, name=name)


def check_year_folders(ds: Dataset) -> Iterator[Finding]:
    """A record filed by year lives in the folder of its date's year (meetings/<year>/)."""
    for kind in TYPES:
        if kind.by_year is None:
            continue
        for record in ds.of(kind).values():
            expected = kind.path_of(record)
            if ds.path_of(kind, record.id) != expected:
                yield finding(kind, record.id, (kind.by_year,), f"{kind.name}-year", year=kind.year_of(record),
                              expected=expected)


def check_time(ds: Dataset) -> Iterator[Finding]:
    """A time entry is of its file's month and says its time once (SPEC §9.1)."""
    for log in ds.time_logs.values():
        for i, entry in enumerate(log.entries):
            if (entry.hours is None) == (entry.minutes is None):
                yield finding(TIME, log.id, ("entries", i), "time-entry", "time-entry.one-of")
            if Month.of(entry.date) != log.month:
                yield finding(TIME, log.id, ("entries", i, "date"), "time-entry", "time-entry.month",
                              date=entry.date.isoformat(), month=log.id)


def check_automations(ds: Dataset) -> Iterator[Finding]:
    """A retired automation says when; measurements come oldest first (SPEC §9.2)."""
    for a in ds.automations.values():
        if a.status == "retired" and a.retired is None:
            yield finding(AUTOMATION, a.id, ("status",), "automation", "automation.retired-missing")
        elif a.status != "retired" and a.retired is not None:
            yield finding(AUTOMATION, a.id, ("retired",), "automation", "automation.retired-status", key=True)
        elif a.retired is not None and a.retired < a.since:
            yield finding(AUTOMATION, a.id, ("retired",), "automation", "automation.retired-order",
                          retired=a.retired.isoformat(), since=a.since.isoformat())
        for i in range(1, len(a.measurements)):
            before, m = a.measurements[i - 1], a.measurements[i]
            if m.date < before.date:
                yield warn(AUTOMATION, a.id, ("measurements", i, "date"), "automation", "automation.order",
                           date=m.date.isoformat(), before=before.date.isoformat())


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
    """A selection weighs its criteria to exactly 100%, scores every candidate on each, once, and decides
    for one of them (SPEC §10.2); a vendor whose standing is poor is said when it is a candidate again."""
    from haru_cli.rules.vendors import deliverables_of, scorecard

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
            for key in s.criteria:
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


def check_school(ds: Dataset) -> Iterator[Finding]:
    """Evaluations judge the course's assignments on exactly their criteria; a referral brings one student
    and is a student referral; a certificate is one per student and course, and its student eligible
    (SPEC §11.4)."""
    from haru_cli.rules.school import progress

    for c in ds.courses.values():
        if c.pass_level > c.levels:
            yield finding(COURSE, c.id, ("pass_level",), "school", "school.pass-level", levels=c.levels)
        if c.end is not None and c.end < c.start:
            yield finding(COURSE, c.id, ("end",), "date-order", "date-order.end", end=c.end.isoformat(),
                          start=c.start.isoformat())
        ids: set[str] = set()
        for i, a in enumerate(c.assignments):
            if a.id in ids:
                yield finding(COURSE, c.id, ("assignments", i, "id"), "school", "school.assignment-twice", ref=a.id)
            ids.add(a.id)
            if len(set(a.criteria)) != len(a.criteria):
                yield finding(COURSE, c.id, ("assignments", i, "criteria"), "school", "school.criterion-twice")
    referred: dict[str, str] = {}
    for student in sorted(ds.students.values(), key=lambda s: s.id):
        st, course = student, ds.courses.get(student.course)
        for i, e in enumerate(st.evaluations if course else []):
            assignment = course.assignment(e.assignment) if course else None
            if assignment is None:
                yield finding(STUDENT, st.id, ("evaluations", i, "assignment"), "school", "school.assignment",
                              ref=e.assignment, course=st.course)
                continue
            if set(e.levels) != set(assignment.criteria):
                yield finding(STUDENT, st.id, ("evaluations", i, "levels"), "school", "school.criteria", key=True,
                              criteria=", ".join(assignment.criteria))
            for name, level in e.levels.items():
                if course is not None and level > course.levels:
                    yield finding(STUDENT, st.id, ("evaluations", i, "levels", name), "school", "school.level",
                                  level=level, levels=course.levels)
        if st.referral is not None and st.referral in ds.referrals:
            if ds.referrals[st.referral].kind != "student":
                yield finding(STUDENT, st.id, ("referral",), "school", "school.referral-kind", ref=st.referral)
            elif st.referral in referred:
                yield finding(STUDENT, st.id, ("referral",), "school", "school.referral-twice", ref=st.referral,
                              other=referred[st.referral])
            referred.setdefault(st.referral, st.id)
    seen: dict[tuple[str, str], str] = {}
    for cert in sorted(ds.certificates.values(), key=lambda c: c.id):
        if cert.id[5:9] != f"{cert.issued.year}":
            yield finding(CERTIFICATE, cert.id, ("id",), "school", "school.number-year", year=cert.issued.year)
        if (cert.student, cert.course) in seen:
            yield finding(CERTIFICATE, cert.id, ("student",), "school", "school.certified-twice",
                          other=seen[(cert.student, cert.course)])
        seen.setdefault((cert.student, cert.course), cert.id)
        holder = ds.students.get(cert.student)
        if holder is not None and holder.course != cert.course:
            yield finding(CERTIFICATE, cert.id, ("course",), "school", "school.certificate-course",
                          course=holder.course)
        elif holder is not None and not progress(ds, holder, cert.issued).eligible:
            yield finding(CERTIFICATE, cert.id, ("student",), "school", "school.not-eligible", ref=holder.id,
                          day=cert.issued.isoformat())
        elif holder is not None and not progress(ds, holder).eligible:  # a retake since failed
            yield warn(CERTIFICATE, cert.id, ("student",), "school", "school.no-longer-eligible", ref=holder.id)


def check_projects(ds: Dataset) -> Iterator[Finding]:
    """A project's contract is one of its partners', its milestones done after it started, and a meeting of
    it one of its partners'; an opportunity's history runs forward and ends at its stage, a dropped one
    saying why (SPEC §12.3)."""
    for p in ds.projects.values():
        contract = ds.contracts.get(p.contract) if p.contract else None
        if contract is not None and contract.partner not in p.partners:
            yield finding(PROJECT, p.id, ("contract",), "project", "project.contract", ref=contract.id,
                          owner=contract.owner)
        for i, step in enumerate(p.milestones):
            if step.done is not None and step.done < p.start:
                yield finding(PROJECT, p.id, ("milestones", i, "done"), "project", "project.done-before",
                              done=step.done.isoformat(), start=p.start.isoformat())
        if p.end is not None and p.end < p.start:
            yield finding(PROJECT, p.id, ("end",), "date-order", "date-order.end", end=p.end.isoformat(),
                          start=p.start.isoformat())
    for m in ds.meetings.values():
        project = ds.projects.get(m.project) if m.project else None
        if project is not None and not set(project.partners) & set(m.partners):
            yield finding(MEETING, m.id, ("project",), "project", "project.meeting", ref=project.id)
    for o in ds.opportunities.values():
        for i in range(1, len(o.history)):
            if o.history[i].date < o.history[i - 1].date:
                yield finding(OPPORTUNITY, o.id, ("history", i, "date"), "opportunity", "opportunity.order",
                              date=o.history[i].date.isoformat(), before=o.history[i - 1].date.isoformat())
        if o.history and o.history[-1].stage != o.stage:
            yield finding(OPPORTUNITY, o.id, ("stage",), "opportunity", "opportunity.stage", stage=o.stage,
                          last=o.history[-1].stage)
        if o.stage == "dropped" and not (o.history and (o.history[-1].note or "").strip()):
            yield finding(OPPORTUNITY, o.id, ("history",) if o.history else ("stage",), "opportunity",
                          "opportunity.dropped", key=True)


def check_twins(ds: Dataset) -> Iterator[Finding]:
    """An entry that repeats an earlier one of its record (a payment, a time entry, an oral report) is
    most often one recorded twice (SPEC §15): said, since it would double what it counts."""
    for name, (entries, key) in TWINS.items():
        kind = BY_NAME[name]
        for record in ds.of(kind).values():
            for i, j in twins(getattr(record, entries), key):
                yield warn(kind, record.id, (entries, i), "duplicate-entry", f"duplicate-entry.{entries}",
                           n=i, first=j)  # numbered as validate numbers them: entries.0 is the first


CHECKS: list[Callable[[Dataset], Iterator[Finding]]] = [
    check_references,
    check_contract_owners,
    check_contract_terms,
    check_fee_rules,
    check_dates,
    check_partners,
    check_referrals,
    check_payouts,
    check_year_folders,
    check_time,
    check_automations,
    check_vendor_contracts,
    check_sourcing,
    check_school,
    check_projects,
    check_twins,
]


def run_checks(ds: Dataset, banks: Banks | None = None) -> list[Finding]:
    """Every check's findings; the bank codes too, given the list of banks. A check that raises is one
    `internal-check` problem naming it, about the whole workspace: the other checks, and the command, go
    on (SPEC §15; beancount's loader does the same with a plugin)."""
    checks: list[tuple[str, Callable[[], Iterator[Finding]]]] = [(c.__name__, functools.partial(c, ds))
                                                                  for c in CHECKS]
    if banks is not None:
        checks.append((check_banks.__name__, functools.partial(check_banks, ds, banks)))
    found: list[Finding] = []
    for name, check in checks:
        try:
            found.extend(check())
        except Exception as exc:  # a bug in one check must not hide what the others find
            found.append(Finding("", "", (), "error", "internal-check", "",
                                 {"check": name, "error": f"{type(exc).__name__}: {exc}"}))
    return found
