"""The dashboard's pages (SPEC §13): each page's content from the same views the commands print (tables,
documents), plus charts; one `Site` renders any page by its path, for `haru site` (every page to files)
and `haru serve` (the page asked for). Pure but for the templates it reads from the package.

Links are relative (`../partners/ueda.html`), so that the static site opens from disk and from any folder
of a web host. Every text from the data reaches the page through Jinja's autoescaping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from importlib import resources
from posixpath import relpath
from typing import Any

from haru_cli.escape import visible
from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.values import add_months
from haru_cli.render.formats import alerting, shown
from haru_cli.rules.calendar import BusinessDays
from haru_cli.site.charts import Series, against_targets, stacked_bars
from haru_cli.site.incognito import MASK, mask_amounts
from haru_cli.views.shapes import Day, Document, Money, Section, Table, Value

MONTHS = 12  # the charts' span


@dataclass(frozen=True)
class Cell:
    text: str
    alert: bool = False
    href: str | None = None
    number: bool = False


def cell_html(cell: Cell, tag: str = "td") -> str:
    """A table cell, its text escaped (markupsafe: what Jinja's autoescaping uses)."""
    from markupsafe import escape

    classes = " ".join(c for c, on in (("alert", cell.alert), ("num", cell.number)) if on)
    body = f'<a href="{escape(cell.href)}">{escape(cell.text)}</a>' if cell.href else str(escape(cell.text))
    return f'<{tag} class="{classes}">{body}</{tag}>' if classes else f"<{tag}>{body}</{tag}>"


@dataclass
class Block:
    """One part of a page: fields, a table, a chart — any of them."""

    title: str
    fields: list[tuple[str, Cell]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    svg: str | None = None  # drawn by charts.py, every text in it escaped
    empty: str = ""
    note: str = ""

    @property
    def rows_html(self) -> str:
        """The table's rows as HTML, every text escaped: rendered here rather than in the template, where
        the sandbox's checks on each attribute would cost a big site most of its build."""
        return "\n".join("<tr>" + "".join(cell_html(c) for c in row) + "</tr>" for row in self.rows)


@dataclass
class Page:
    title: str
    blocks: list[Block]
    section: str  # which item of the navigation it is under


@dataclass(frozen=True)
class Banner:
    """What every page says while files are skipped or read in part (SPEC §15): its figures may be
    incomplete, and where the problems are listed."""

    text: str
    link: str  # the label of the link to problems.html


@dataclass
class Site:
    """The workspace as web pages, as of `today`."""

    ds: Dataset
    today: date
    days: BusinessDays
    t: Translator
    incognito: bool = False  # amounts masked, for a screen share

    # --- what there is ------------------------------------------------------------------------------

    @cached_property
    def fiscal_years(self) -> list[int]:
        """The fiscal years with records, up to today's; the latest first."""
        dated = [m.date for m in self.ds.meetings.values()] + [r.referred for r in self.ds.referrals.values()]
        dated += [e.date for log in self.ds.time_logs.values() for e in log.entries]
        current = self._fy_of(self.today)
        first = min([self._fy_of(d) for d in dated if d <= self.today] or [current])
        return list(range(current, max(first, current - 20) - 1, -1))

    def _fy_of(self, day: date) -> int:
        from haru_cli.rules.activity import fiscal_year_start

        return fiscal_year_start(self.ds.settings, day).year

    @cached_property
    def statement_months(self) -> list[date]:
        from haru_cli.rules.fees import partner_statements

        months = {s.month for p in self.ds.partners.values()
                  for s in partner_statements(self.ds, p, self.today, self.days)}
        return sorted(months, reverse=True)

    def paths(self) -> list[str]:
        """Every page of the site, and its stylesheet."""
        from haru_cli.rules.lookup import sort_key

        found = ["index.html", "style.css", "problems.html", "partners.html", "contracts.html", "fees/index.html",
                 "time/index.html"]
        found += [f"partners/{p.id}.html" for p in sorted(self.ds.partners.values(), key=sort_key)]
        # a record skipped for its errors still has its page, saying why (no link to it is a dead end)
        found += sorted(f"{_SKIPPED_PAGES[s.kind]}/{s.stem}.html" for s in self.ds.skipped_files.values()
                        if s.kind in _SKIPPED_PAGES and re.fullmatch(_SLUG, s.stem))
        found += [f"contracts/{c}.html" for c in sorted(self.ds.contracts)]
        found += [f"students/{st}.html" for st in sorted(self.ds.students)]
        found += ["school.html", "pipeline.html"] + [f"projects/{p}.html" for p in sorted(self.ds.projects)]
        found += ["vendors.html"] + [f"vendors/{v.id}.html" for v in sorted(self.ds.vendors.values(),
                                                                                    key=sort_key)]
        found += [f"fees/{m:%Y-%m}.html" for m in self.statement_months]
        found += [f"fees/fy{y}.html" for y in self.fiscal_years] + [f"time/fy{y}.html" for y in self.fiscal_years]
        return found

    # --- rendering ----------------------------------------------------------------------------------

    def render(self, path: str) -> bytes | None:
        """The page at path (None: no such page)."""
        if path == "style.css":
            return resources.files("haru_cli.templates").joinpath("site/style.css").read_bytes()
        page = self._page(path)
        if page is None:
            return None
        template = _environment().get_template("site/page.html.j2")
        nav = [(self.t(f"site.nav.{name}"), relpath(target, _folder(path)), name == page.section)
               for name, target in NAV]
        page.title = self.text(page.title, one_line=True)
        for block in page.blocks:
            block.title = self.text(block.title, one_line=True)
        html: str = template.render(page=page, nav=nav, lang=self.t.lang, t=self.t,
                                    css=relpath("style.css", _folder(path)), banner=self.banner,
                                    problems=relpath("problems.html", _folder(path)),
                                    company=visible(self.ds.settings.company, one_line=True),
                                    today=self.today.isoformat(), incognito=self.incognito)
        return html.encode("utf-8")

    @cached_property
    def banner(self) -> Banner | None:
        """Said on every page while a file is skipped or read in part, or haru.yaml is broken."""
        from haru_cli.rules.integrity import anything_incomplete

        if not anything_incomplete(self.ds):
            return None
        t = self.t
        said = [t("site.banner", skipped=len(self.ds.skipped_files), partly=len(self.ds.partly_read))] if (
            self.ds.skipped_files or self.ds.partly_read) else []
        if self.ds.settings_broken:
            said.append(t("cli.settings_broken"))
        return Banner(" ".join(said), t("site.banner_link"))

    def _page(self, path: str) -> Page | None:
        if found := re.fullmatch(rf"({'|'.join(_SKIPPED_PAGES.values())})/({_SLUG})\.html", path):
            page = self._route(path)
            return page if page is not None else self._skipped(found.group(1), found.group(2))
        return self._route(path)

    def _route(self, path: str) -> Page | None:
        routes: list[tuple[str, Callable[..., Page | None]]] = [
            (r"index\.html", self.home), (r"problems\.html", self.problems), (r"partners\.html", self.partners),
            (rf"partners/({_SLUG})\.html", self.partner), (r"contracts\.html", self.contracts),
            (r"school\.html", self.school),
            (rf"contracts/({_SLUG})\.html", self.contract),
            (rf"students/({_SLUG})\.html", self.student), (r"vendors\.html", self.vendors),
            (r"pipeline\.html", self.pipeline),
            (rf"projects/({_SLUG})\.html", self.project),
            (rf"vendors/({_SLUG})\.html", self.vendor),
            (r"fees/index\.html", lambda: self.fees(self._fy_of(self.today))),
            (r"fees/fy([0-9]{4})\.html", lambda y: self.fees(int(y))),
            (r"fees/([0-9]{4}-[0-9]{2})\.html", self.fee_month),
            (r"time/index\.html", lambda: self.time(self._fy_of(self.today))),
            (r"time/fy([0-9]{4})\.html", lambda y: self.time(int(y))),
        ]
        for pattern, build in routes:
            if found := re.fullmatch(pattern, path):
                return build(*found.groups())
        return None

    # --- cells --------------------------------------------------------------------------------------

    def cell(self, value: Value, href: str | None = None) -> Cell:
        if self.incognito and isinstance(value, Money):
            return Cell(MASK, alerting(value), href, True)
        return Cell(self.text(shown(value, whole=True)), alerting(value), href, isinstance(value, Money))

    def text(self, text: str, *, one_line: bool = False) -> str:
        """Text of the data as a page shows it: control characters as escapes, amounts masked when incognito."""
        return visible(mask_amounts(text) if self.incognito else text, one_line=one_line)  # masked as written

    def table(self, title: str, table: Table, links: list[str | None] | None = None, note: str = "") -> Block:
        rows = [[self.cell(v, (links or [])[i] if j == 0 and links and i < len(links) else None)
                 for j, v in enumerate(row)] for i, row in enumerate(table.rows)]
        return Block(title, headings=table.headings, rows=rows, empty=table.empty, note=note)

    def document(self, doc: Document, links: dict[str, list[str | None]] | None = None) -> list[Block]:
        return [self.section(s, (links or {}).get(s.title)) for s in doc.sections]

    def section(self, s: Section, links: list[str | None] | None = None) -> Block:
        block = self.table(s.title, Table(s.headings, s.rows, s.empty), links)
        block.fields = [(label, self.cell(value)) for label, value in s.fields]
        return block

    # --- the pages ----------------------------------------------------------------------------------

    def home(self) -> Page:
        from haru_cli.rules.fees import unpaid
        from haru_cli.rules.integrity import fees_incomplete, time_incomplete
        from haru_cli.rules.schedule import renewals_due
        from haru_cli.rules.upcoming import upcoming
        from haru_cli.views.fees import unpaid_table
        from haru_cli.views.schedule import renewals
        from haru_cli.views.schedule import upcoming as upcoming_view

        t, ds, today = self.t, self.ds, self.today
        soon = upcoming(ds, today, today + timedelta(days=30), today - timedelta(days=60), self.days)
        items = upcoming_view(ds, soon, today, t)
        decisions = renewals(ds, renewals_due(ds, today, today + timedelta(days=90)), today, t)
        owed = unpaid(ds, today, self.days)
        blocks = [
            self.table(t("site.home.upcoming"), items.table(),
                       [self._record_link(i.source) for i in soon], note=self._incomplete(fees_incomplete(ds))),
            self.table(t("site.home.renewals"), decisions.table(),
                       [_owner_page(r.contract) for r in decisions.found]),
            self.table(t("site.home.unpaid"), unpaid_table(owed, today, t),
                       [f"fees/{s.month:%Y-%m}.html" for s in owed] + [None],
                       note=self._incomplete(fees_incomplete(ds))),
            self._problems(200),
            Block(t("site.chart.hours_by_partner"), svg=self._hours_chart(by_partner=True),
                  note=self._incomplete(time_incomplete(ds))),
        ]
        return Page(t("site.home.title", company=ds.settings.company), self._linked(blocks, "index.html"), "home")

    def _record_link(self, source: tuple[str, str]) -> str | None:
        """The page of the partner a dated item is about: the record's own partner, or its first."""
        kind, record_id = source
        if kind == "partner":
            return f"partners/{record_id}.html"
        record = self.ds.of(_kind(kind)).get(record_id)
        owner = getattr(record, "partner", None) or next(iter(getattr(record, "partners", None) or []), None)
        return f"partners/{owner}.html" if owner in self.ds.partners else None

    def _problems(self, limit: int | None = None, paths: set[str] | None = None) -> Block:
        """The problems of the records (of those files only, given paths), as `haru validate` says them."""
        t = self.t
        found = sorted((p for p in self.ds.problems if paths is None or p.concerns(paths)),
                       key=lambda p: (p.path, p.line))
        rows = [[Cell(visible(p.path)), Cell(str(p.line)), Cell(t(f"severity.{p.severity}"), p.severity == "error"),
                 Cell(p.code), Cell(self.text(p.message(t.lang), one_line=True))] for p in found[:limit]]
        more = t("site.problems.more", count=len(found) - limit, href="problems.html") if (
            limit is not None and len(found) > limit) else ""
        return Block(t("site.home.problems"), headings=[t("file"), t("line"), t("severity"), t("code"), t("message")],
                     rows=rows, empty=t("site.home.no_problems"), note=more)

    def _incomplete(self, paths: list[str]) -> str:
        """The note beside a figure that skipped files may change (SPEC §15)."""
        return self.t("site.incomplete", paths=visible(", ".join(paths), one_line=True)) if paths else ""

    def problems(self) -> Page:
        """Every file skipped or read in part, and why; then every problem of the records."""
        from haru_cli.views.integrity import skipped_reason

        t = self.t
        rows = [[Cell(visible(s.path)), Cell(visible(skipped_reason(s, t), one_line=True), alert=True)]
                for s in sorted(self.ds.skipped_files.values(), key=lambda s: s.path)]
        rows += [[Cell(visible(path)), Cell(t("site.problems.partly"), alert=True)]
                 for path in sorted(self.ds.partly_read)]
        skipped = Block(t("site.problems.skipped"), headings=[t("file"), t("site.problems.why")], rows=rows,
                        empty=t("site.problems.none_skipped"))
        return Page(t("site.problems.title"), [skipped, self._problems()], "home")

    def _skipped(self, folder: str, stem: str) -> Page | None:
        """The page of a record skipped for its errors: what they are, instead of a page that is not there."""
        kind = next(k for k, f in _SKIPPED_PAGES.items() if f == folder)
        skipped = self.ds.broken.get((kind, stem))
        if skipped is None:
            return None
        from haru_cli.views.integrity import skipped_reason

        reason = Block(self.t("site.problems.skipped"), fields=[
            (self.t("file"), Cell(visible(skipped.path))),
            (self.t("site.problems.why"), Cell(visible(skipped_reason(skipped, self.t), one_line=True), alert=True))])
        paths = {skipped.path, *([skipped.because] if skipped.because else [])}
        name = next(iter(skipped.names), stem)
        return Page(name, [reason, self._problems(paths=paths)], _SECTION_OF[folder])

    def partners(self) -> Page:
        from haru_cli.rules.lookup import sort_key
        from haru_cli.views.overview import overview
        from haru_cli.views.partners import partner_table

        found = sorted(self.ds.partners.values(), key=sort_key)
        table = partner_table([overview(self.ds, p, self.today, self.days) for p in found], self.t)
        block = self.table(self.t("site.nav.partners"), table, [f"partners/{p.id}.html" for p in found])
        return Page(self.t("site.nav.partners"), self._linked([block], "partners.html"), "partners")

    def partner(self, partner_id: str) -> Page | None:
        from haru_cli.rules.integrity import fees_incomplete, partner_dates_incomplete
        from haru_cli.views import projects, school
        from haru_cli.views.overview import overview
        from haru_cli.views.partners import partner_document

        p = self.ds.partners.get(partner_id)
        if p is None:
            return None
        doc = partner_document(overview(self.ds, p, self.today, self.days), self.t, fees_incomplete(self.ds, p.id),
                               partner_dates_incomplete(self.ds, p.id))
        blocks = self.document(doc)  # then what partner show adds: the students it brought, its projects
        extra = [school.referred_section(self.ds, p.id, self.today, self.t)] if school.referred_by(
            self.ds, p.id, self.today) else []
        joint = sorted((x for x in self.ds.projects.values() if p.id in x.partners), key=lambda x: (x.start, x.id))
        links: dict[str, list[str | None]] = {self.t("project.list_title"): [f"projects/{x.id}.html" for x in joint]}
        blocks += [self.section(s, links.get(s.title))
                   for s in [*extra, *projects.partner_sections(self.ds, p.id, self.today, self.t)[1]]]
        blocks.append(Block(self.t("site.chart.hours_by_kind"), svg=self._hours_chart(by_partner=False, only=p.id)))
        return Page(doc.title, self._linked(blocks, f"partners/{p.id}.html"), "partners")

    def pipeline(self) -> Page:
        from haru_cli.rules.projects import pipeline
        from haru_cli.views.projects import pipeline_table, projects_table

        found = sorted(self.ds.projects.values(), key=lambda p: (p.start, p.id))
        blocks = [self.table(self.t("project.list_title"), projects_table(self.ds, found, self.today, self.t),
                             [f"projects/{p.id}.html" for p in found]),
                  self.table(self.t("site.nav.pipeline"),
                             pipeline_table(self.ds, pipeline(self.ds), self.today, self.t))]
        return Page(self.t("site.nav.pipeline"), self._linked(blocks, "pipeline.html"), "pipeline")

    def project(self, project_id: str) -> Page | None:
        from haru_cli.views.projects import project_document

        p = self.ds.projects.get(project_id)
        if p is None:
            return None
        doc = project_document(self.ds, p, self.today, self.t)
        blocks = self.document(doc)
        blocks[0].fields[1:1] = [(self.t("partner"), Cell(visible(self.ds.partners[x].name), href=f"partners/{x}.html"))
                                 for x in p.partners if x in self.ds.partners]  # back to each partner
        return Page(doc.title, self._linked(blocks, f"projects/{p.id}.html"), "pipeline")

    def school(self) -> Page:
        from haru_cli.rules.school import progress
        from haru_cli.views.school import status_table

        found = [progress(self.ds, s, self.today)
                 for s in sorted(self.ds.students.values(), key=lambda s: (s.course, s.id))]
        links: list[str | None] = [f"students/{x.student.id}.html" for x in found]
        table = status_table(self.ds, found, self.t)
        blocks = [self.table(self.t("site.nav.school"), table, links)]
        for course in sorted(self.ds.courses.values(), key=lambda c: c.start, reverse=True):
            rows = [[self.cell(a.id), self.cell(a.title), self.cell(self.t.join(a.criteria))]
                    for a in course.assignments]
            scale = self.t("school.levels_value", levels=course.levels, passing=course.pass_level)
            blocks.append(Block(course.title, headings=[self.t("id"), self.t("vendor.title"),
                                                        self.t("vendor.criterion")],
                                rows=rows, fields=[(self.t("school.levels"), self.cell(scale))]))
        return Page(self.t("site.nav.school"), self._linked(blocks, "school.html"), "school")

    def vendors(self) -> Page:
        from haru_cli.rules.lookup import sort_key
        from haru_cli.views.vendors import vendors_table

        found = sorted(self.ds.vendors.values(), key=sort_key)
        block = self.table(self.t("site.nav.vendors"), vendors_table(self.ds, found, self.today, self.t),
                           [f"vendors/{v.id}.html" for v in found])
        return Page(self.t("site.nav.vendors"), self._linked([block], "vendors.html"), "vendors")

    def vendor(self, vendor_id: str) -> Page | None:
        from haru_cli.views.vendors import compare_document, vendor_document

        v = self.ds.vendors.get(vendor_id)
        if v is None:
            return None
        blocks = self.document(vendor_document(self.ds, v, self.today, self.t))
        for s in sorted(self.ds.sourcings.values(), key=lambda s: s.opened):
            if any(c.vendor == v.id for c in s.candidates):
                blocks += self.document(compare_document(self.ds, s, self.today, self.t))[1:3]
        return Page(v.name, self._linked(blocks, f"vendors/{v.id}.html"), "vendors")

    def contracts(self) -> Page:
        from haru_cli.rules.schedule import contract_dates
        from haru_cli.views.partners import contract_table

        found = sorted(self.ds.contracts.values(), key=lambda c: (c.owner, c.start, c.id))
        dated = [(contract_dates(c, self.today), self.ds.owner_of(c)) for c in found]
        table = contract_table(dated, self.t)
        block = self.table(self.t("site.nav.contracts"), table, [f"contracts/{c.id}.html" for c in found])
        return Page(self.t("site.nav.contracts"), self._linked([block], "contracts.html"), "contracts")

    def contract(self, contract_id: str) -> Page | None:
        from haru_cli.rules.schedule import contract_dates
        from haru_cli.views.partners import contract_document

        c = self.ds.contracts.get(contract_id)
        if c is None:
            return None
        doc = contract_document(contract_dates(c, self.today), self.ds.owner_of(c), self.t)
        blocks = self.document(doc)
        owner = self.ds.owner_of(c)
        blocks[0].fields.insert(0, (self.t("site.owner_page"),
                                    Cell(visible(owner.name) if owner else c.owner, href=_owner_page(c))))
        if c.deliverables:
            rows = [[self.cell(d.id), self.cell(d.title), self.cell(Day(d.due)), self.cell(Day(d.delivered)),
                     self.cell(Day(d.accepted)), self.cell(str(d.quality) if d.quality else None),
                     self.cell(str(d.rework))] for d in c.deliverables]
            blocks.append(Block(self.t("vendor.deliverables"), rows=rows, headings=[
                self.t("id"), self.t("vendor.title"), self.t("vendor.due"), self.t("vendor.delivered"),
                self.t("vendor.accepted"), self.t("vendor.quality"), self.t("vendor.rework")]))
        return Page(doc.title, self._linked(blocks, f"contracts/{c.id}.html"), "contracts")

    def student(self, student_id: str) -> Page | None:
        from haru_cli.rules.school import progress

        st = self.ds.students.get(student_id)
        if st is None:
            return None
        found = progress(self.ds, st, self.today)
        course = found.course
        fields = [(self.t("school.course"), self.cell(course.title if course else st.course)),
                  (self.t("status"), self.cell(self.t.value("student_status", st.status))),
                  (self.t("school.passed"), self.cell(f"{len(found.passed)}/{len(found.passed) + len(found.missing)}")),
                  (self.t("school.eligible"), self.cell(self.t.yesno(found.eligible)))]
        rows = [[self.cell(Day(e.date)), self.cell(e.assignment), self.cell(self.t.join([f"{k} {v}" for k, v in
                                                                                         e.levels.items()])),
                 self.cell(self.t.join(e.tools) or None), self.cell(e.examiner), self.cell(e.comment)]
                for e in st.evaluations]
        blocks = [Block(st.name, fields=fields),
                  Block(self.t("school.evaluations"), rows=rows, empty=self.t("none_found"), headings=[
                      self.t("date"), self.t("school.assignment"), self.t("school.levels"), self.t("school.tools"),
                      self.t("school.examiner"), self.t("school.comment")])]
        return Page(st.name, self._linked(blocks, f"students/{st.id}.html"), "school")

    def fees(self, year: int) -> Page | None:
        from haru_cli.rules.fees import month_statements
        from haru_cli.rules.integrity import fees_incomplete

        if year not in self.fiscal_years:
            return None
        t = self.t
        first = date(year, self.ds.settings.fiscal_year_start, 1)
        months = [add_months(first, i) for i in range(12) if add_months(first, i) <= self.today]
        by_month = [(m, month_statements(self.ds, m, self.days)) for m in months]
        rows = [[self.cell(f"{m:%Y-%m}"), self.cell(Money(sum(s.subtotal for s in found))),
                 self.cell(Money(sum(s.payable for s in found))),
                 self.cell(Money(sum(s.paid or 0 for s in found)))] for m, found in reversed(by_month)]
        links = [f"fees/{m:%Y-%m}.html" if found else None for m, found in reversed(by_month)]
        for row, link in zip(rows, links, strict=True):
            row[0] = Cell(row[0].text, href=link)
        table = Block(t("site.fees.months"), headings=[t("fees.month"), t("fees.subtotal"), t("fees.payable"),
                                                       t("fees.paid")], rows=rows, empty=t("fees.none"),
                      note=self._incomplete(fees_incomplete(self.ds)))
        chart = Block(t("site.chart.fees"), note=t("site.masked") if self.incognito else "")
        if not self.incognito:
            partners = sorted({s.partner.id for _, found in by_month for s in found})
            chart.svg = stacked_bars(t("site.chart.fees"), [f"{m:%m}" for m, _ in by_month], [
                Series(self.ds.partners[p].name, [float(sum(s.subtotal for s in found if s.partner.id == p))
                                                   for _, found in by_month]) for p in partners], " 円",
                others=t("site.chart.others"))
        blocks = [self._fy_switch(year, "fees"), chart, table]
        return Page(t("site.fees.title", year=year), self._linked(blocks, f"fees/fy{year}.html"), "fees")

    def fee_month(self, month: str) -> Page | None:
        from haru_cli.rules.fees import month_statements
        from haru_cli.rules.integrity import fees_incomplete
        from haru_cli.views.fees import fees_document

        first = date(int(month[:4]), int(month[5:]), 1) if 1 <= int(month[5:]) <= 12 else None
        if first is None or first not in self.statement_months:
            return None
        doc = fees_document(month, month_statements(self.ds, first, self.days), self.t, fees_incomplete(self.ds))
        return Page(doc.title, self._linked(self.document(doc), f"fees/{month}.html"), "fees")

    def time(self, year: int) -> Page | None:
        from haru_cli.rules.integrity import time_incomplete
        from haru_cli.rules.time import fiscal_year
        from haru_cli.views.time import automations_table, time_report

        if year not in self.fiscal_years:
            return None
        t = self.t
        report = time_report(self.ds, fiscal_year(self.ds.settings, year), self.today)
        total = report.total
        shares = [(t.value("area", a.area), float(a.minutes * 100 / total) if total else 0.0,
                   float(a.target) if a.target is not None else None) for a in report.areas]
        fy = fiscal_year(self.ds.settings, year)
        last = min(self.today, fy.end).replace(day=1)
        months = fy.months()  # the year's own twelve months, April to March
        blocks = [
            self._fy_switch(year, "time"),
            Block(t("site.chart.areas"), svg=against_targets(t("site.chart.areas"), shares),
                  note=" ".join(filter(None, [t("site.chart.areas_note"),
                                              self._incomplete(time_incomplete(self.ds))]))),
            Block(t("site.chart.hours_by_partner_fy"), svg=self._hours_chart(by_partner=True, months=months)),
            Block(t("site.chart.hours_by_kind_fy"), svg=self._hours_chart(by_partner=False, months=months)),
            Block(t("site.chart.ai_saved_fy"), svg=self._savings_chart(months)),
            self.table(t("site.time.automations"), automations_table(self.ds, last, self.today, t)),
        ]
        return Page(t("site.time.title", year=year), self._linked(blocks, f"time/fy{year}.html"), "time")

    # --- parts --------------------------------------------------------------------------------------

    def _fy_switch(self, year: int, section: str) -> Block:
        return Block(self.t("site.fiscal_years"), fields=[
            (self.t("site.fy", year=y), Cell("●" if y == year else "○", href=None if y == year else
                                              f"{section}/fy{y}.html")) for y in self.fiscal_years])

    def _months(self) -> list[date]:
        """The last twelve months, to today's."""
        last = self.today.replace(day=1)
        return [add_months(last, -i) for i in range(MONTHS - 1, -1, -1)]

    def _hours_chart(self, *, by_partner: bool, only: str | None = None, months: list[date] | None = None) -> str:
        """Hours of the months (the last twelve by default), stacked by partner (meetings and time entries
        that name one) or by kind of meeting (one partner's, or all)."""
        from haru_cli.rules.time import meeting_spent, minutes_by_partner, spent

        months = months or self._months()
        index = {m: i for i, m in enumerate(months)}
        totals: dict[str, list[Decimal]] = {}
        if by_partner:
            items = list(spent(self.ds))
            for i, first in enumerate(months):
                for partner, minutes in minutes_by_partner(items, first, add_months(first, 1) - timedelta(1)).items():
                    totals.setdefault(partner, [Decimal(0)] * len(months))[i] += minutes
            names = {p.id: p.name for p in self.ds.partners.values()}
        else:
            for m in (self.ds.meetings.values() if only is None else self.ds.meetings_of(only)):
                column = index.get(m.date.replace(day=1))
                if column is not None and m.minutes:
                    share = minutes_by_partner([meeting_spent(m)])[only] if only else Decimal(m.minutes)
                    totals.setdefault(m.kind, [Decimal(0)] * len(months))[column] += share
            names = {kind: self.t.value("meeting_kind", kind) for kind in totals}
        ranked = sorted(totals, key=lambda k: -sum(totals[k]))
        title = self.t("site.chart.hours_by_partner" if by_partner else "site.chart.hours_by_kind")
        return stacked_bars(title, [f"{m:%y-%m}" for m in months],
                            [Series(names.get(k, k), [float(v / 60) for v in totals[k]]) for k in ranked], " h",
                            others=self.t("site.chart.others"))

    def _savings_chart(self, months: list[date]) -> str:
        from haru_cli.rules.time import in_use, saved_minutes

        series = []
        for a in sorted(self.ds.automations.values(), key=lambda a: a.id):
            values = [saved_minutes(a, m, self.today) if in_use(a, m, self.today) else Decimal(0) for m in months]
            series.append(Series(a.title, [float((v or 0) / 60) for v in values]))
        return stacked_bars(self.t("site.chart.ai_saved"), [f"{m:%y-%m}" for m in months], series, " h",
                            others=self.t("site.chart.others"))

    def _linked(self, blocks: list[Block], here: str) -> list[Block]:
        """Every link made relative to the page it is on."""
        folder = _folder(here)
        for block in blocks:
            for row in block.rows:
                row[:] = [Cell(c.text, c.alert, relpath(c.href, folder), c.number) if c.href else c for c in row]
            block.fields = [(label, Cell(c.text, c.alert, relpath(c.href, folder), c.number) if c.href else c)
                            for label, c in block.fields]
        return blocks


_SLUG = "[a-z0-9][a-z0-9-]{0,63}"
# The record types with a page of their own: a file of theirs skipped for its errors gets one saying why.
_SKIPPED_PAGES = {"partner": "partners", "contract": "contracts", "student": "students", "project": "projects",
                  "vendor": "vendors"}
_SECTION_OF = {"partners": "partners", "contracts": "contracts", "students": "school", "projects": "pipeline",
               "vendors": "vendors"}  # the navigation item each page folder is under
NAV = [("home", "index.html"), ("partners", "partners.html"), ("vendors", "vendors.html"),
       ("school", "school.html"), ("pipeline", "pipeline.html"),
       ("contracts", "contracts.html"),
       ("fees", "fees/index.html"), ("time", "time/index.html")]


def _owner_page(c: Any) -> str:
    """The page of whose a contract is: its partner's, or its vendor's."""
    return f"partners/{c.partner}.html" if c.partner else f"vendors/{c.vendor}.html"


def _folder(path: str) -> str:
    return path.rpartition("/")[0] or "."


def _kind(name: str) -> Any:
    from haru_cli.records.registry import BY_NAME

    return BY_NAME[name]


@lru_cache(maxsize=1)
def _environment() -> Any:
    """Jinja, autoescaping everything, with the package's site templates (the workspace's are not read:
    a page is no place for a template someone else wrote)."""
    from jinja2 import FunctionLoader
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def source(name: str) -> str:
        return resources.files("haru_cli.templates").joinpath(name).read_text(encoding="utf-8")

    return ImmutableSandboxedEnvironment(loader=FunctionLoader(source), autoescape=True, trim_blocks=True,
                                         lstrip_blocks=True)


def build(site: Site) -> Iterator[tuple[str, bytes]]:
    """Every page of the site, rendered."""
    for path in site.paths():
        page = site.render(path)
        if page is not None:
            yield path, page
