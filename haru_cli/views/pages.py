"""What each page of the dashboard shows (SPEC §13), as data: sections of the same tables and documents the
commands print, with the pages their rows lead to (`Link`), notes and charts. site/ routes and renders them.

Every page function takes the `Dashboard` (the workspace, today, the business days, the language) and, for a
page of one record or period, its key; None means there is no such page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Contract, Opportunity, Partner
from haru_cli.records.registry import BY_NAME
from haru_cli.records.text import natural
from haru_cli.records.values import Duration, add_months
from haru_cli.rules.activity import fiscal_year_start
from haru_cli.rules.calendar import BusinessDays
from haru_cli.rules.dated import Item
from haru_cli.rules.fees import Statement, due_next, owed, partner_statements
from haru_cli.rules.integrity import (
    anything_incomplete,
    dated_incomplete,
    fees_incomplete,
    partner_dates_incomplete,
    pipeline_incomplete,
    renewals_incomplete,
    time_incomplete,
)
from haru_cli.rules.lookup import sort_key
from haru_cli.rules.projects import days_in_stage, next_step_overdue, open_opportunities
from haru_cli.rules.projects import pipeline as pipeline_rows
from haru_cli.rules.schedule import Renewal, contract_dates, contract_order, renewals_due
from haru_cli.rules.school import Progress, certificate_of, progress, student_order
from haru_cli.rules.time import fiscal_year, minutes_by_area, month_of, percent, saved_in, spent_within
from haru_cli.rules.upcoming import upcoming
from haru_cli.rules.vendors import ranking
from haru_cli.views import charts
from haru_cli.views.integrity import skipped_reason
from haru_cli.views.shapes import CalendarEvent, Chart, Day, Document, Figure, Link, Money, Section, Table, Text

HOME_ROWS = 20  # the rows of each list on the home page; upcoming.html and problems.html have them all
SOON_DAYS = 14  # the home page's list of what is ahead
AHEAD_DAYS = 30  # upcoming.html's: `haru upcoming --within 30d`
DECISION_DAYS = 30  # contracts needing a decision: `haru renewals --due 30d`
CALENDAR_SPAN = "1y"  # calendar.ics: `haru upcoming --within 1y --format ics`


@dataclass
class Dashboard:
    """The workspace as the dashboard shows it, as of `today`."""

    ds: Dataset
    today: date
    days: BusinessDays
    t: Translator

    @cached_property
    def fiscal_years(self) -> list[int]:
        """The fiscal years with records, up to today's; the latest first."""
        ds = self.ds
        dated = [m.date for m in ds.meetings.values()] + [r.referred for r in ds.referrals.values()]
        dated += [e.date for log in ds.time_logs.values() for e in log.entries]
        current = self.fiscal_year_of(self.today)
        first = min([self.fiscal_year_of(d) for d in dated if d <= self.today] or [current])
        return list(range(current, max(first, current - 20) - 1, -1))

    def fiscal_year_of(self, day: date) -> int:
        return fiscal_year_start(self.ds.settings, day).year

    @cached_property
    def time_months(self) -> list[date]:
        """The months with a page of the 社長's time: those of the fiscal years shown, up to today's; the
        latest first."""
        months = [m for y in self.fiscal_years for m in fiscal_year(self.ds.settings, y).months() if m <= self.today]
        return sorted(months, reverse=True)

    @cached_property
    def statements(self) -> dict[str, Statement]:
        """Every partner's fee statements up to today's month, by their page's key (`2026-10/ueda`)."""
        return {statement_key(s): s for p in self.ds.partners.values()
                for s in partner_statements(self.ds, p, self.today, self.days)}

    @cached_property
    def statement_months(self) -> list[date]:
        """The months with a fee statement, the latest first."""
        return sorted(self.by_month, reverse=True)

    @cached_property
    def by_month(self) -> dict[date, list[Statement]]:
        """Each month's statements, in partner order (by reading): what `month_statements` gives for it, from
        the one computation of every partner's history."""
        found: dict[date, list[Statement]] = {}
        for s in sorted(self.statements.values(), key=lambda s: sort_key(s.partner)):
            found.setdefault(s.month, []).append(s)
        return found

    @cached_property
    def items(self) -> list[Item]:
        """What `haru upcoming --within 30d` lists: the overdue items, then those of the next AHEAD_DAYS days."""
        span = timedelta(days=AHEAD_DAYS)
        return upcoming(self.ds, self.today, self.today + span, self.today - span, self.days)

    @property
    def overdue(self) -> list[Item]:
        return [i for i in self.items if i.overdue]

    @property
    def ahead(self) -> list[Item]:
        return [i for i in self.items if not i.overdue]

    @cached_property
    def decisions(self) -> list[Renewal]:
        """What `haru renewals --due 30d` lists: notice deadlines and term ends within DECISION_DAYS days, and
        contracts expired."""
        return renewals_due(self.ds, self.today, self.today + timedelta(days=DECISION_DAYS))

    def calendar(self) -> list[CalendarEvent]:
        """calendar.ics's events: what `haru upcoming --within 1y --format ics` gives."""
        from haru_cli.views.schedule import upcoming as upcoming_view

        year = Duration.parse(CALENDAR_SPAN)
        found = upcoming(self.ds, self.today, year.after(self.today), year.before(self.today), self.days)
        return upcoming_view(self.ds, found, self.today, self.t).events()

    @cached_property
    def owed(self) -> list[Statement]:
        return owed(self.ds, self.today, self.days)

    def banner(self) -> str | None:
        """What every page says while files are skipped or read in part, or haru.yaml is broken (SPEC §15)."""
        ds, t = self.ds, self.t
        if not anything_incomplete(ds):
            return None
        depending = sum(1 for x in ds.skipped_files.values() if x.because)
        broken = len(ds.skipped_files) - depending
        said = [t("site.banner.skipped", broken=broken)] if broken else []
        said += [t("site.banner.depending", count=depending)] if depending else []
        said += [t("site.banner.partly", count=len(ds.partly_read))] if ds.partly_read else []
        said = [t("site.banner.note"), *said, t("site.banner.incomplete")] if said else []
        if ds.settings_broken:
            said.append(t("cli.settings_broken"))
        return " ".join(said)

    def note(self, paths: list[str]) -> str:
        """The note beside a figure that skipped files may change (SPEC §15)."""
        return self.t("site.incomplete", paths=", ".join(paths)) if paths else ""


def statement_key(s: Statement) -> str:
    """What names a statement's page: its month and its partner (`fees/2026-10/ueda.html`)."""
    return f"{s.month:%Y-%m}/{s.partner.id}"


def ids(d: Dashboard, kind: str, *, by_reading: bool = False) -> list[str]:
    """The ids of a record type's records: in order, or (a partner, a vendor) by reading, as lists show them."""
    records = d.ds.of(BY_NAME[kind])
    return [r.id for r in sorted(records.values(), key=sort_key)] if by_reading else sorted(records, key=natural)


def listed(title: str, table: Table, links: list[Link | None] | None = None, note: str = "", *,
           more: tuple[str, Link] | None = None, anchor: str = "") -> Section:
    """A list's table as a page's section."""
    return Section(title, headings=table.headings, rows=table.rows, empty=table.empty, links=links or [],
                   note=note, more=more, anchor=anchor, one_line=table.one_line)


def owner_link(ds: Dataset, c: Contract) -> Link | None:
    """The page of whose a contract is: its partner's, or its vendor's (none for one not on record)."""
    if c.partner:
        return Link("partner", c.partner) if c.partner in ds.partners else None
    return Link("vendor", c.vendor) if c.vendor in ds.vendors else None


def item_link(item: Item) -> Link:
    """The page of the record a dated item comes from: a payout's statement, an automation's year of time
    (it has no page of its own), else its record's (a route is named as its record type)."""
    kind, record_id = item.source
    if item.kind == "payout":  # its partner's statement of the month
        return Link("statement", f"{item.subject}/{item.partner}")
    if kind == "automation":
        return Link("time")
    return Link(kind, record_id)


def whose_link(ds: Dataset, item: Item) -> Link | None:
    """The page of the partner or the vendor a dated item is about."""
    if item.partner in ds.partners:
        return Link("partner", item.partner)
    return Link("vendor", item.vendor) if item.vendor in ds.vendors else None


# --- home and problems ------------------------------------------------------------------------------------


def home(d: Dashboard) -> Document:
    """What to do today (SPEC §13.1): the figures, each leading to what it adds up; the overdue items and the
    next 14 days' (the first HOME_ROWS of each, the rest on upcoming.html); the problems; the hours by partner."""
    t, ds, today = d.t, d.ds, d.today
    overdue, ahead = d.overdue, [i for i in d.ahead if i.date <= today + timedelta(days=SOON_DAYS)]
    note = d.note(dated_incomplete(ds))
    every_overdue = t("site.home.all", count=f"{len(overdue):,}")
    every_ahead = t("site.home.all_ahead", days=AHEAD_DAYS, count=f"{len(d.ahead):,}")
    return Document(t("site.home.title", company=ds.settings.company), [
        figures_section(d),
        items_section(d, t("site.home.overdue", count=f"{len(overdue):,}"), overdue[:HOME_ROWS], note,
                      (every_overdue, Link("upcoming", part="overdue"))),
        items_section(d, t("site.home.soon", days=SOON_DAYS), ahead[:HOME_ROWS], note,
                      (every_ahead, Link("upcoming", part="ahead"))),
        problems_section(d, HOME_ROWS),
        charted(t("site.chart.hours_by_partner"), charts.hours_chart(ds, charts.last_months(today), t, by_partner=True),
                t, d.note(time_incomplete(ds))),
    ])


def charted(title: str, chart: Chart, t: Translator, note: str = "") -> Section:
    """A chart, and its figures as a table under it (SPEC §13.1) — which says so when there is nothing to draw."""
    return Section(title, chart=chart, note=note, **_table(charts.chart_table(chart, t)))


def items_section(d: Dashboard, title: str, items: list[Item], note: str, more: tuple[str, Link] | None = None,
                  anchor: str = "") -> Section:
    """Dated items as `haru upcoming` lists them: the date and the reference lead to the record's page, the name
    to the partner's or the vendor's."""
    from haru_cli.views.schedule import upcoming as upcoming_view

    section = listed(title, upcoming_view(d.ds, items, d.today, d.t).table(), [item_link(i) for i in items], note,
                     more=more, anchor=anchor)
    section.column_links = {2: [whose_link(d.ds, i) for i in items], 4: section.links}
    return section


def figures_section(d: Dashboard) -> Section:
    """The figures of the home page, each leading to the page that lists what it adds up, each marked
    incomplete where a skipped file may change it."""
    from haru_cli.views.time import hours_cell, time_report

    t, ds, today = d.t, d.ds, d.today
    overdue, decisions = d.overdue, d.decisions
    expired = sum(r.expired for r in decisions)
    pay_on, to_pay = due_next(d.owed, today)
    late = sum(s.payable for s in to_pay if s.overdue(today))
    paying = ([t("site.figure.pay_on", day=pay_on.isoformat(), days=t.days(pay_on, today))] if pay_on else []) + (
        [t("site.figure.late", amount=t.yen(late))] if late else [])
    month = month_of(today)
    this_month = f"{month.start:%Y-%m}"
    report = time_report(ds, month, today)
    widest = max((a for a in report.areas if a.gap is not None), key=lambda a: abs(a.gap or Decimal(0)), default=None)
    chances = open_opportunities(ds)
    time_missing = tuple(time_incomplete(ds))
    figures = [
        Figure(t("site.figure.overdue"), t("site.figure.count", count=f"{len(overdue):,}"),
               Link("upcoming", part="overdue"),
               t("site.figure.oldest", day=overdue[0].date.isoformat()) if overdue else "", bool(overdue),
               tuple(dated_incomplete(ds))),
        Figure(t("site.figure.decisions", days=DECISION_DAYS), t("site.figure.count", count=f"{len(decisions):,}"),
               Link("upcoming", part="decisions"), t("site.figure.expired", count=f"{expired:,}") if expired else "",
               any(r.expired or r.notice_passed(today) for r in decisions), tuple(renewals_incomplete(ds))),
        Figure(t("site.figure.fees"), Money(sum(s.payable for s in to_pay)), Link("upcoming", part="fees"),
               t.join(paying) if paying else "", bool(late), tuple(fees_incomplete(ds))),
        Figure(t("site.figure.hours", month=this_month), hours_cell(report.total, t), Link("time_month", this_month),
               t("site.figure.gap", area=t.value("area", widest.area),
                 gap=t("time.points", value=f"{percent(widest.gap or Decimal(0)):+}")) if widest else "",
               incomplete=time_missing),
        Figure(t("site.figure.pipeline"), Money(sum(o.value or 0 for o in chances)), Link("pipeline"),
               t("site.figure.opportunities", count=f"{len(chances):,}"), incomplete=tuple(pipeline_incomplete(ds))),
        Figure(t("site.figure.ai_saved", month=this_month),
               hours_cell(saved_in(ds.automations.values(), [month.start], today), t), Link("time_month", this_month),
               incomplete=time_missing),
    ]
    return Section(t("site.home.figures"), figures=figures,
                   note=d.note(sorted({path for f in figures for path in f.incomplete})))


def upcoming_page(d: Dashboard) -> Document:
    """All of what the home page shows part of: every overdue item, the contracts needing a decision, the fees
    to pay by the next pay date, and every item of the next AHEAD_DAYS days."""
    from haru_cli.views.fees import unpaid_table
    from haru_cli.views.schedule import renewals

    t, ds, today = d.t, d.ds, d.today
    note = d.note(dated_incomplete(ds))
    pay_on, to_pay = due_next(d.owed, today)
    decisions = renewals(ds, d.decisions, today, t)
    decided = listed(t("site.upcoming.decisions", days=DECISION_DAYS), decisions.table(),
                     [Link("contract", r.contract.id) for r in d.decisions], d.note(renewals_incomplete(ds)),
                     anchor="decisions")
    decided.column_links = {1: [owner_link(ds, r.contract) for r in d.decisions]}
    fees = listed(t("site.upcoming.fees", day=pay_on.isoformat()) if pay_on else t("site.home.unpaid"),
                  unpaid_table(to_pay, today, t), [Link("fees_month", f"{s.month:%Y-%m}") for s in to_pay] + [None],
                  d.note(fees_incomplete(ds)), anchor="fees")
    fees.column_links = {1: [Link("partner", s.partner.id) for s in to_pay],
                         2: [Link("statement", statement_key(s)) for s in to_pay]}
    return Document(t("site.upcoming.title"), [
        items_section(d, t("site.home.overdue", count=f"{len(d.overdue):,}"), d.overdue, note, anchor="overdue"),
        decided,
        fees,
        items_section(d, t("site.upcoming.ahead", days=AHEAD_DAYS), d.ahead, note,
                      (t("site.upcoming.calendar"), Link("calendar")), anchor="ahead"),
    ])


def problems_section(d: Dashboard, limit: int | None = None, paths: set[str] | None = None) -> Section:
    """The problems of the records (of those files only, given paths), as `haru validate` says them."""
    t = d.t
    found = sorted((p for p in d.ds.problems if paths is None or p.concerns(paths)), key=lambda p: (p.path, p.line))
    rows: list[list[Any]] = [[Text(p.path, literal=True), str(p.line),
                              Text(t(f"severity.{p.severity}"), alert=p.severity == "error"), p.code,
                              Text(p.message(t.lang), one_line=True)] for p in found[:limit]]
    more = None
    if limit is not None:  # a part of them: where the whole is (the files skipped too)
        more = (t("site.problems.more", count=f"{len(found) - limit:,}") if len(found) > limit
                else t("site.problems.all"), Link("problems"))
    return Section(t("site.home.problems"), headings=[t("file"), t("line"), t("severity"), t("code"), t("message")],
                   rows=rows, empty=t("site.home.no_problems"), more=more)


def problems(d: Dashboard) -> Document:
    """Every file skipped or read in part, and why; then every problem of the records."""
    t, ds = d.t, d.ds
    found = sorted(ds.skipped_files.values(), key=lambda s: s.path)
    rows: list[list[Any]] = [[Text(s.path, literal=True), Text(skipped_reason(s, t), alert=True, literal=True,
                                                              one_line=True)] for s in found]
    rows += [[Text(path, literal=True), Text(t("site.problems.partly"), alert=True)] for path in sorted(ds.partly_read)]
    skipped = Section(t("site.problems.skipped"), headings=[t("file"), t("site.problems.why")], rows=rows,
                      empty=t("site.problems.none_skipped"),
                      links=[Link("record", f"{s.kind}/{s.stem}") for s in found])
    return Document(t("site.problems.title"), [skipped, problems_section(d)])


def skipped_page(d: Dashboard, kind: str, stem: str) -> Document | None:
    """The page of a record skipped for its errors: what they are, instead of a page that is not there."""
    skipped = d.ds.broken.get((kind, stem))
    if skipped is None:
        return None
    t = d.t
    reason = Section(t("site.problems.skipped"), fields=[
        (t("file"), Text(skipped.path, literal=True)),
        (t("site.problems.why"), Text(skipped_reason(skipped, t), alert=True, literal=True, one_line=True))])
    paths = {skipped.path, *([skipped.because] if skipped.because else [])}
    return Document(next(iter(skipped.names), stem), [reason, problems_section(d, paths=paths)])


# --- partners and contracts -------------------------------------------------------------------------------


def partners(d: Dashboard) -> Document:
    from haru_cli.views.overview import overview
    from haru_cli.views.partners import partner_table

    found = sorted(d.ds.partners.values(), key=sort_key)
    table = partner_table([overview(d.ds, p, d.today, d.days) for p in found], d.t)
    return Document(d.t("site.nav.partners"), [listed(d.t("site.nav.partners"), table,
                                                  [Link("partner", p.id) for p in found])])


def partner(d: Dashboard, partner_id: str) -> Document | None:
    """What `partner show` prints, each record linked, its fee statements, and a chart of its hours by kind."""
    from haru_cli.views.partners import partner_page
    from haru_cli.views.school import referred_by

    p = d.ds.partners.get(partner_id)
    if p is None:
        return None
    t = d.t
    doc = partner_page(d.ds, p, d.today, d.days, t).document
    sections = [students_section(d, s.title, referred_by(d.ds, p.id, d.today)) if s.title == t("school.referred")
                else s for s in doc.sections]
    chart = charts.hours_chart(d.ds, charts.last_months(d.today), t, by_partner=False, only=p.id)
    return Document(doc.title, [*sections, partner_fees(d, p),
                                charted(t("site.chart.hours_by_kind"), chart, t,
                                        d.note(partner_dates_incomplete(d.ds, p.id)))])


def partner_fees(d: Dashboard, p: Partner) -> Section:
    """A partner's fees on its page (SPEC §13.1): its statements, the latest first, each leading to its month."""
    t = d.t
    found = list(reversed(partner_statements(d.ds, p, d.today, d.days)))
    rows: list[list[Any]] = [[f"{s.month:%Y-%m}", Money(s.subtotal), Money(s.payable),
                              Day(s.pay_on, mark=t("overdue") if s.overdue(d.today) else ""),
                              Money(s.paid) if s.paid is not None else None] for s in found]
    return Section(t("site.partner.fees"), headings=[t("fees.month"), t("fees.subtotal"), t("fees.payable"),
                                                     t("fees.pay_on"), t("fees.paid")],
                   rows=rows, empty=t("fees.none"), links=[Link("fees_month", f"{s.month:%Y-%m}") for s in found],
                   column_links={2: [Link("statement", statement_key(s)) for s in found]},
                   note=d.note(fees_incomplete(d.ds, p.id)))


def contracts(d: Dashboard) -> Document:
    from haru_cli.views.partners import contract_table

    found = sorted(d.ds.contracts.values(), key=contract_order)
    table = contract_table([(contract_dates(c, d.today), d.ds.owner_of(c)) for c in found], d.t)
    section = listed(d.t("site.nav.contracts"), table, [Link("contract", c.id) for c in found])
    section.column_links = {1: [owner_link(d.ds, c) for c in found]}
    return Document(d.t("site.nav.contracts"), [section])


def contract(d: Dashboard, contract_id: str) -> Document | None:
    from haru_cli.views.partners import contract_document

    t = d.t
    c = d.ds.contracts.get(contract_id)
    if c is None:
        return None
    owner = d.ds.owner_of(c)
    doc = contract_document(contract_dates(c, d.today), owner, t)
    first = doc.sections[0]
    first.fields.insert(0, (t("site.owner_page"), Text(owner.name if owner else c.owner, literal=True)))
    first.field_links = [owner_link(d.ds, c)]
    if c.deliverables:
        rows: list[list[Any]] = [[x.id, x.title, Day(x.due), Day(x.delivered), Day(x.accepted),
                                  str(x.quality) if x.quality else None, str(x.rework)] for x in c.deliverables]
        doc.sections.append(Section(t("vendor.deliverables"), rows=rows, empty="", headings=[
            t("id"), t("vendor.title"), t("vendor.due"), t("vendor.delivered"), t("vendor.accepted"),
            t("vendor.quality"), t("vendor.rework")]))
    return Document(doc.title, doc.sections)


# --- the school, the pipeline, vendors --------------------------------------------------------------------


def students_section(d: Dashboard, title: str, found: list[Progress]) -> Section:
    """Students' progress as `school status` lists it, each student, course, certificate and partner linked."""
    from haru_cli.views.school import partner_of, status_table

    ds = d.ds
    certificates = [certificate_of(ds, x.student) for x in found]
    partners = [partner_of(ds, x.student) for x in found]
    return Section(title, **_table(status_table(ds, found, d.t)), links=[Link("student", x.student.id) for x in found],
                   column_links={1: [Link("course", x.course.id) if x.course else None for x in found],
                                 5: [Link("certificate", c) if c else None for c in certificates],
                                 6: [Link("partner", p) if p in ds.partners else None for p in partners]})


def _table(table: Table) -> dict[str, Any]:
    return {"headings": table.headings, "rows": table.rows, "empty": table.empty}


def school(d: Dashboard) -> Document:
    t = d.t
    found = [progress(d.ds, s, d.today) for s in sorted(d.ds.students.values(), key=student_order)]
    courses = sorted(d.ds.courses.values(), key=lambda c: c.start, reverse=True)
    enrolled = Counter(s.course for s in d.ds.students.values())
    rows: list[list[Any]] = [[c.title, Day(c.start), Day(c.end), str(enrolled[c.id]), str(len(c.assignments))]
                             for c in courses]
    return Document(t("site.nav.school"), [
        students_section(d, t("site.nav.school"), found),
        Section(t("site.school.courses"), rows=rows, empty=t("none_found"),
                links=[Link("course", c.id) for c in courses],
                headings=[t("school.course"), t("start"), t("end"), t("site.school.students"),
                          t("site.school.assignments")])])


def course(d: Dashboard, course_id: str) -> Document | None:
    """A course: its scale, its assignments and their criteria, its students and the certificates it gave."""
    t = d.t
    c = d.ds.courses.get(course_id)
    if c is None:
        return None
    fields: list[tuple[str, Any]] = [
        (t("id"), c.id), (t("start"), Day(c.start)), (t("end"), Day(c.end)),
        (t("school.levels"), t("school.levels_value", levels=c.levels, passing=c.pass_level))]
    assignments: list[list[Any]] = [[a.id, a.title, t.join(a.criteria)] for a in c.assignments]
    students = d.ds.index("students_of_course", lambda: sorted(d.ds.students.values(), key=lambda s: natural(s.id)),
                          lambda s: [s.course])
    found = [progress(d.ds, s, d.today) for s in students.get(c.id, [])]
    given = d.ds.index("certificates_of_course",
                       lambda: sorted(d.ds.certificates.values(), key=lambda x: natural(x.id)),
                       lambda x: [x.course]).get(c.id, [])
    certificates: list[list[Any]] = [[x.id, _student_name(d, x.student), Day(x.issued)] for x in given]
    return Document(c.title, [
        Section(t("school.course"), fields=fields),
        Section(t("site.school.assignments"), headings=[t("id"), t("vendor.title"), t("vendor.criterion")],
                rows=assignments, empty=t("none_found")),
        students_section(d, t("site.school.students"), found),
        Section(t("site.school.certificates"), headings=[t("school.certificate"), t("school.student"), t("date")],
                rows=certificates, empty=t("none_found"), links=[Link("certificate", x.id) for x in given],
                column_links={1: [Link("student", x.student) if x.student in d.ds.students else None
                                  for x in given]})])


def _student_name(d: Dashboard, student_id: str) -> str:
    found = d.ds.students.get(student_id)
    return found.name if found else student_id


def student(d: Dashboard, student_id: str) -> Document | None:
    t = d.t
    st = d.ds.students.get(student_id)
    if st is None:
        return None
    found = progress(d.ds, st, d.today)
    course = found.course
    certificate = certificate_of(d.ds, st)
    fields: list[tuple[str, Any]] = [
        (t("school.course"), course.title if course else st.course),
        (t("status"), t.value("student_status", st.status)),
        (t("school.passed"), f"{len(found.passed)}/{len(found.passed) + len(found.missing)}"),
        (t("school.eligible"), t.yesno(found.eligible)),
        (t("school.certificate"), certificate)]
    links = [Link("course", course.id) if course else None, None, None, None,
             Link("certificate", certificate) if certificate else None]
    rows: list[list[Any]] = [[Day(e.date), e.assignment, t.join([f"{k} {v}" for k, v in e.levels.items()]),
                              t.join(e.tools) or None, e.examiner, e.comment] for e in st.evaluations]
    return Document(st.name, [Section(st.name, fields=fields, field_links=links, empty=""), Section(
        t("school.evaluations"), rows=rows, empty=t("none_found"), headings=[
            t("date"), t("school.assignment"), t("school.levels"), t("school.tools"), t("school.examiner"),
            t("school.comment")])], [(course.title, Link("course", course.id))] if course else [])


def certificate(d: Dashboard, certificate_id: str) -> Document | None:
    """A certificate as its page prints it (SPEC §13.1): what templates/certificate.md.j2 writes, in the same
    words — to whom, what it certifies, its number, course and day, the assignments it rests on, the issuer —
    with the student and the course linked."""
    from haru_cli.i18n.dates import date_text
    from haru_cli.views.fees import heads
    from haru_cli.views.school import certificate_context

    t, ds = d.t, d.ds
    c = ds.certificates.get(certificate_id)
    if c is None:
        return None
    st, course = ds.students.get(c.student), ds.courses.get(c.course)
    name = _student_name(d, c.student)
    title = course.title if course else c.course
    fields: list[tuple[str, Any]] = [
        (t("certificate.number"), c.id), (t("school.student"), Text(name, literal=True)),
        *([(t("site.school.organization"), st.organization)] if st and st.organization else []),
        (t("certificate.course"), title), (t("certificate.issued"), date_text(c.issued, t.lang)),
        (t("statement.issuer"), Text(ds.settings.company))]
    links = [None, Link("student", c.student) if st else None, *([None] if st and st.organization else []),
             Link("course", c.course) if course else None]
    sections = [Section(t("certificate.to", name=name), fields=fields, field_links=links,
                        note=t("certificate.body", course=title))]
    if st is not None:
        context = certificate_context(ds, progress(ds, st, c.issued), c, t)
        sections.append(Section(t("certificate.assignments"), headings=heads(t, "certificate.assignments_head"),
                                empty=t("none_found"), rows=[
            [a["title"], date_text(a["date"], t.lang), a["levels"]] for a in context["assignments"]]))
    trail = [(course.title, Link("course", course.id))] if course else []
    return Document(t("certificate.title"), sections, trail + ([(st.name, Link("student", st.id))] if st else []),
                    printable=True, tab=t("site.school.certificate_title", id=c.id, name=name))


def pipeline(d: Dashboard) -> Document:
    from haru_cli.views.projects import project_view, projects_table

    t = d.t
    found = sorted(d.ds.projects.values(), key=lambda p: (p.start, natural(p.id)))
    return Document(t("site.nav.pipeline"), [
        listed(t("project.list_title"), projects_table([project_view(d.ds, p, d.today, t) for p in found], t),
               [Link("project", p.id) for p in found]),
        pipeline_section(d)])


def pipeline_section(d: Dashboard) -> Section:
    """The opportunities by stage as `haru pipeline` lists them, each opportunity and (one partner's) its partner
    linked."""
    from haru_cli.views.projects import pipeline_table

    rows = pipeline_rows(d.ds)
    empty: list[Opportunity | None] = [None]
    listed_ = [o for r in rows for o in (r.opportunities or empty)]  # pipeline_table's rows: an empty stage's too
    section = listed(d.t("site.nav.pipeline"), pipeline_table(d.ds, rows, d.today, d.t),
                     note=d.note(pipeline_incomplete(d.ds)))
    section.column_links = {
        1: [Link("opportunity", o.id) if o else None for o in listed_],
        3: [Link("partner", o.partners[0]) if o and len(o.partners) == 1 and o.partners[0] in d.ds.partners
            else None for o in listed_]}
    return section


def project(d: Dashboard, project_id: str) -> Document | None:
    from haru_cli.views.projects import project_document, project_view

    p = d.ds.projects.get(project_id)
    if p is None:
        return None
    view = project_view(d.ds, p, d.today, d.t)
    doc = project_document(view, d.t)
    first = doc.sections[0]
    back = [x for x in p.partners if x in d.ds.partners]  # back to each partner
    first.fields[1:1] = [(d.t("partner"), Text(d.ds.partners[x].name, literal=True)) for x in back]
    first.field_links = [None, *(Link("partner", x) for x in back), None, contract_link(d, p.contract)]
    doc.sections[3].links = [Link("meeting", m.id) for m in reversed(view.meetings)]
    doc.sections[4].column_links = {3: [Link("meeting", o.meeting.id) for o in view.open_actions]}
    return Document(doc.title, doc.sections)


def contract_link(d: Dashboard, contract_id: str | None) -> Link | None:
    return Link("contract", contract_id) if contract_id in d.ds.contracts else None


def partner_fields(d: Dashboard, partner_ids: list[str]) -> tuple[list[tuple[str, Any]], list[Link | None]]:
    """A record's partners as fields, one each, each leading to its page."""
    return ([(d.t("partner"), Text(d.ds.partners[x].name, literal=True) if x in d.ds.partners else x)
             for x in partner_ids], [Link("partner", x) if x in d.ds.partners else None for x in partner_ids])


def partner_trail(d: Dashboard, partner_ids: list[str]) -> list[tuple[str, Link]]:
    """A record of partners sits under the first of them."""
    first = next((x for x in partner_ids if x in d.ds.partners), None)
    return [(d.ds.partners[first].name, Link("partner", first))] if first else []


def meeting(d: Dashboard, meeting_id: str) -> Document | None:
    """What `meeting show` prints, its partners, contract and project linked."""
    from haru_cli.views.meetings import meeting_document

    t = d.t
    m = d.ds.meetings.get(meeting_id)
    if m is None:
        return None
    doc = meeting_document(d.ds, m, d.today, t)
    first = doc.sections[0]
    fields, links = partner_fields(d, list(m.partners))
    first.fields[3:4] = fields  # id, date, kind, then each partner instead of their names in one
    first.field_links = [None, None, None, *links, contract_link(d, m.contract)]
    if m.project:
        project = d.ds.projects.get(m.project)
        first.fields.append((t("site.project"), project.title if project else m.project))
        first.field_links += [None] * (len(first.fields) - 1 - len(first.field_links))
        first.field_links.append(Link("project", m.project) if project else None)
    return Document(doc.title, doc.sections, partner_trail(d, list(m.partners)))


def opportunity(d: Dashboard, opportunity_id: str) -> Document | None:
    """An opportunity: whose, which synergy, its stage, value and next step, the project it led to, and its
    history of stages."""
    t = d.t
    o = d.ds.opportunities.get(opportunity_id)
    if o is None:
        return None
    days = days_in_stage(o, d.today)
    late = next_step_overdue(o, d.today)
    fields, links = partner_fields(d, list(o.partners))
    project = d.ds.projects.get(o.project or "")
    fields = [(t("id"), o.id), *fields,
              (t("pipeline.synergy"), t.value("synergy", o.synergy)), (t("pipeline.stage"), t.value("stage", o.stage)),
              (t("pipeline.value"), Money(o.value) if o.value is not None else None),
              (t("pipeline.next"), o.next),
              (t("due"), Day(o.due, t.days(o.due, d.today) if o.due else "", t("overdue") if late else "",
                             markable=True)),
              (t("pipeline.days"), str(days) if days is not None else None),
              (t("site.project"), project.title if project else o.project),
              (t("notes"), (o.notes or "").strip() or None)]
    field_links = [None, *links, None, None, None, None, None, None, Link("project", project.id) if project else None]
    history: list[list[Any]] = [[Day(h.date), t.value("stage", h.stage), h.note] for h in o.history]
    return Document(o.title, [
        Section(t("site.pipeline.opportunity"), fields=fields, field_links=field_links),
        Section(t("site.pipeline.history"), headings=[t("date"), t("pipeline.stage"), t("note")], rows=history,
                empty=t("none_found"))])


def vendors(d: Dashboard) -> Document:
    from haru_cli.views.vendors import vendors_table

    t = d.t
    found = sorted(d.ds.vendors.values(), key=sort_key)
    selections = sorted(d.ds.sourcings.values(), key=lambda s: (s.opened, natural(s.id)))
    rows: list[list[Any]] = [[s.title, Day(s.opened), t.value("sourcing_status", s.status), str(len(s.candidates))]
                             for s in selections]
    return Document(t("site.nav.vendors"), [
        listed(t("site.nav.vendors"), vendors_table(d.ds, found, d.today, t), [Link("vendor", v.id) for v in found]),
        Section(t("site.vendors.selections"), rows=rows, empty=t("none_found"),
                links=[Link("sourcing", s.id) for s in selections],
                headings=[t("vendor.title"), t("vendor.opened"), t("status"), t("site.vendors.candidates")])])


def vendor(d: Dashboard, vendor_id: str) -> Document | None:
    """What `vendor show` prints, its contracts and the selections it took part in linked."""
    from haru_cli.views.vendors import selections_of, vendor_document

    v = d.ds.vendors.get(vendor_id)
    if v is None:
        return None
    sections = vendor_document(d.ds, v, d.today, d.t).sections
    contracts = d.ds.contracts_of_vendor(v.id)
    sections[2].links = [Link("contract", c.id) for c in contracts]
    sections[3].links = [Link("contract", c.id) for c in contracts for _ in c.deliverables]
    sections[4].links = [Link("sourcing", s.id) for s, _ in selections_of(d.ds, v.id)]  # vendor_document's rows
    return Document(v.name, sections)


def sourcing(d: Dashboard, sourcing_id: str) -> Document | None:
    """What `sourcing compare` prints: the criteria, the scores and ranking, the decision; each vendor linked."""
    from haru_cli.views.vendors import compare_document

    s = d.ds.sourcings.get(sourcing_id)
    if s is None:
        return None
    doc = compare_document(d.ds, s, d.today, d.t)
    doc.sections[2].column_links = {1: [Link("vendor", r.candidate.vendor) if r.candidate.vendor in d.ds.vendors
                                        else None for r in ranking(s)]}
    if s.decision is not None and s.decision.vendor in d.ds.vendors:
        doc.sections[3].field_links = [Link("vendor", s.decision.vendor)]
    return Document(doc.title, doc.sections)


# --- fees and time, by fiscal year ------------------------------------------------------------------------


def switch(title: str, choices: list[tuple[str, Link]], current: Link) -> Section:
    """Links to the other pages of a kind (the fiscal years, a year's months), this one marked."""
    return Section(title, empty="", choices=[(label, None if link == current else link) for label, link in choices])


def fiscal_year_switch(d: Dashboard, year: int, route: str) -> Section:
    """Links to the other fiscal years' pages of the kind."""
    return switch(d.t("site.fiscal_years"), [(d.t("site.fy", year=y), Link(route, str(y))) for y in d.fiscal_years],
                  Link(route, str(year)))


def month_of_key(key: str) -> date | None:
    """The first day of the month a page's key names (`2026-11`); None for no month."""
    number = int(key[5:])
    return date(int(key[:4]), number, 1) if 1 <= number <= 12 else None


def fees_year(d: Dashboard, year: int) -> Document | None:
    """A fiscal year's fees month by month, as a chart by partner and a table."""
    if year not in d.fiscal_years:
        return None
    t, ds = d.t, d.ds
    first = date(year, ds.settings.fiscal_year_start, 1)
    by_month = [(m, d.by_month.get(m, [])) for m in (add_months(first, i) for i in range(12))]  # the whole year
    so_far = [(m, found) for m, found in reversed(by_month) if m <= d.today]
    rows: list[list[Any]] = [[f"{m:%Y-%m}", Money(sum(s.subtotal for s in found)), Money(sum(s.payable for s in found)),
                              Money(sum(s.paid or 0 for s in found))] for m, found in so_far]
    table = Section(t("site.fees.months"), headings=[t("fees.month"), t("fees.subtotal"), t("fees.payable"),
                                                     t("fees.paid")], rows=rows, empty=t("fees.none"),
                    links=[Link("fees_month", f"{m:%Y-%m}") if found else None for m, found in so_far],
                    note=d.note(fees_incomplete(ds)))
    chart = charted(t("site.chart.fees"), charts.fees_chart(ds, by_month, t), t, d.note(fees_incomplete(ds)))
    return Document(t("site.fees.title", year=year), [fiscal_year_switch(d, year, "fees_fy"), chart, table])


def fees_month(d: Dashboard, month: str) -> Document | None:
    from haru_cli.views.fees import fees_document

    first = month_of_key(month)
    if first is None or first not in d.by_month:
        return None
    found = d.by_month[first]
    doc = fees_document(month, found, d.t, fees_incomplete(d.ds))
    for section, s in zip(doc.sections, found, strict=False):  # a section a statement, then the total
        section.fields.insert(0, (d.t("partner"), Text(s.partner.name, literal=True)))
        section.field_links = [Link("partner", s.partner.id)]
        section.more = (d.t("site.fees.printable"), Link("statement", statement_key(s)))
    return Document(doc.title, doc.sections, year_trail(d, first, "fees_fy"))


def statement(d: Dashboard, key: str) -> Document | None:
    """A partner's 支払明細書 for a month, to print (SPEC §13.1), under its month's page."""
    from haru_cli.views.fees import statement_document

    s = d.statements.get(key)
    if s is None:
        return None
    doc = statement_document(s, d.ds.settings, d.t, d.today, fees_incomplete(d.ds, s.partner.id))
    month = f"{s.month:%Y-%m}"
    doc.trail = [*year_trail(d, s.month, "fees_fy"), (month, Link("fees_month", month)),
                 (s.partner.name, Link("partner", s.partner.id))]
    doc.tab = d.t("site.fees.statement_title", month=month, name=s.partner.name)
    return doc


def year_trail(d: Dashboard, month: date, route: str) -> list[tuple[str, Link]]:
    """A month's page sits under its fiscal year's (when the year has one)."""
    year = d.fiscal_year_of(month)
    return [(d.t("site.fy", year=year), Link(route, str(year)))] if year in d.fiscal_years else []


def time_year(d: Dashboard, year: int) -> Document | None:
    """A fiscal year's time: by area against the targets, by partner and kind, what AI saved."""
    from haru_cli.views.time import automations_table, time_report

    if year not in d.fiscal_years:
        return None
    t, ds = d.t, d.ds
    fy = fiscal_year(ds.settings, year)
    report = time_report(ds, fy, d.today)
    last = min(d.today, fy.end).replace(day=1)
    months = fy.months()  # the year's own twelve months, April to March
    note = d.note(time_incomplete(ds))  # beside every figure of hours (SPEC §15)
    return Document(t("site.time.title", year=year), [
        fiscal_year_switch(d, year, "time_fy"),
        charted(t("site.chart.areas"), charts.areas_chart(report, t), t,
                " ".join(filter(None, [t("site.chart.areas_note"), note]))),
        charted(t("site.chart.hours_by_partner_fy"), charts.hours_chart(ds, months, t, by_partner=True), t, note),
        charted(t("site.chart.hours_by_kind_fy"), charts.hours_chart(ds, months, t, by_partner=False), t, note),
        charted(t("site.chart.ai_saved_fy"), charts.savings_chart(ds, months, d.today, t), t, note),
        time_by_month(d, [m for m in reversed(months) if m <= d.today]),
        listed(t("site.time.automations"), automations_table(ds, last, d.today, t), note=note),
    ])


def time_by_month(d: Dashboard, months: list[date]) -> Section:
    """The hours and what AI saved, month by month, each month leading to its page."""
    from haru_cli.views.time import hours_cell

    t, ds = d.t, d.ds
    rows: list[list[Any]] = [[f"{m:%Y-%m}", hours_cell(sum(minutes_by_area(
                                  spent_within(ds, m, month_of(m).end), month_of(m)).values(), Decimal(0)), t),
                              hours_cell(saved_in(ds.automations.values(), [m], d.today), t)] for m in months]
    return Section(t("site.time.months"), headings=[t("month"), t("time.hours"), t("time.ai_saved")], rows=rows,
                   empty=t("time.none"), links=[Link("time_month", f"{m:%Y-%m}") for m in months],
                   note=d.note(time_incomplete(ds)))


def time_month(d: Dashboard, month: str) -> Document | None:
    """A month of the 社長's time: what `time report --month` prints, its partners linked, and the automations."""
    from haru_cli.views.time import automations_table, time_document, time_report

    first = month_of_key(month)
    if first is None or first not in d.time_months:
        return None
    t, ds = d.t, d.ds
    report = time_report(ds, month_of(first), d.today)
    doc = time_document(report, "area", t, time_incomplete(ds))
    note = d.note(time_incomplete(ds))
    for section in doc.sections:  # on a page, beside each table, not once under them
        section.note = note
    by_partner = doc.sections[1]
    by_partner.links = [Link("partner", p) if p in ds.partners else None for p, _, _ in report.partners]
    year = d.fiscal_year_of(first)
    months = [m for m in fiscal_year(ds.settings, year).months() if m <= d.today]
    return Document(t("site.time.month_title", month=f"{first:%Y-%m}"), [
        switch(t("site.time.months"), [(f"{m:%Y-%m}", Link("time_month", f"{m:%Y-%m}")) for m in months],
               Link("time_month", month)),
        *doc.sections,
        listed(t("site.time.automations"), automations_table(ds, first, d.today, t), note=note)],
        year_trail(d, first, "time_fy"))


# --- served only: search, and a page that is not there ------------------------------------------------------


def record_link(d: Dashboard, path: str) -> Link | None:
    """The page of the record a file holds: its own, or (a record with no page of its own) where it shows —
    a referral on its partner's, a payout on its month of fees, a month of time on its page."""
    ds = d.ds
    found = next(((kind, stem) for (kind, stem), p in ds.every_path().items() if p == path), None) or next(
        ((s.kind, s.stem) for s in ds.skipped_files.values() if s.path == path), None)
    if found is None:
        return None
    kind, record_id = found
    if kind == "referral":
        referral = ds.referrals.get(record_id)
        return Link("partner", referral.partner) if referral and referral.partner in ds.partners else None
    if kind == "payout":
        payout = ds.payouts.get(record_id)
        month = payout.month.first if payout else None
        return Link("fees_month", f"{month:%Y-%m}") if month in d.statement_months else None
    if kind == "time":
        return Link("time_month", record_id) if month_of_key(record_id) in d.time_months else None
    if kind == "automation":
        return Link("time")
    return Link(kind, record_id)


def search_page(d: Dashboard, query: str, hits: list[Any], more: bool, refused: str = "") -> Document:
    """What `haru search` finds (`haru serve`'s /search?q=): each line that holds the text, leading to its
    record's page; `refused`: why the query was not run."""
    t = d.t
    rows: list[list[Any]] = [[Text(h.path, literal=True), str(h.line), Text(h.excerpt, one_line=True)] for h in hits]
    note = refused or (t("cli.search.more", limit=f"{len(hits):,}") if more else "")
    return Document(t("site.search.title", query=query), [Section(
        t("site.search.hits", count=f"{len(hits):,}"), headings=[t("file"), t("line"), t("site.search.line")],
        rows=rows, empty=t("cli.search.none", query=query) if query.strip() else t("site.search.ask"),
        links=[record_link(d, h.path) for h in hits], note=note, one_line=True)])


def not_found_page(d: Dashboard, path: str) -> Document:
    """What `haru serve` answers for a page that is not there: where to go instead."""
    t = d.t
    return Document(t("site.not_found.title"), [Section(
        t("site.not_found.path"), fields=[(t("site.not_found.path"), Text(path, literal=True, one_line=True))],
        note=t("site.not_found.note"), more=(t("site.nav.home"), Link("home")))])
