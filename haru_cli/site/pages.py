"""The dashboard's pages rendered (SPEC §13): one `Site` finds a path's route (site/routes.py), asks its view
(views/pages.py) for the page's content and renders it as HTML, for `haru site` (every page to files) and
`haru serve` (the page asked for). Pure but for the templates it reads from the package.

Links are relative (`../partners/ueda.html`), so that the static site opens from disk and from any folder
of a web host. Every text from the data reaches the page through Jinja's autoescaping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from haru_cli.escape import visible
from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.records.frozen import frozen
from haru_cli.render.formats import alerting, shown
from haru_cli.site import routes
from haru_cli.site.charts import against_targets, legend, stacked_bars
from haru_cli.site.incognito import MASK, mask_amounts, probes_amounts
from haru_cli.views.pages import Dashboard, not_found_page, search_page, skipped_page
from haru_cli.views.shapes import Chart, Day, Document, Figure, Link, Money, Quantity, Section, Text, Value


@frozen
class Cell:
    text: str
    alert: bool = False
    href: str | None = None
    number: bool = False
    short: bool = False  # a date, an amount, a status: never broken across lines (a narrow table scrolls instead)
    word: bool = False  # one word (an id, a reference): a table keeps it on one line, it breaks only in a field


WORD = re.compile(r"[A-Za-z0-9._/-]{1,40}")  # an id or a reference: ucworld-alliance, ueda/2026-10
SHORT = 12  # the characters of text that a cell keeps on one line, as it keeps a date or an amount


def cell_html(cell: Cell, tag: str = "td") -> str:
    """A table cell, its text escaped (markupsafe: what Jinja's autoescaping uses); longer text in a box of
    its own, so that its column keeps a readable width however narrow the table (a cell's own min-width is
    not one a browser keeps)."""
    classes = " ".join(c for c, on in (("alert", cell.alert), ("num", cell.number), ("short", cell.short),
                                        ("word", cell.word)) if on)
    whole = cell.short or cell.number or cell.word or tag == "th"  # on one line already
    text = escape(cell.text) if whole else unbroken(cell.text)
    body = f'<a href="{escape(cell.href)}">{text}</a>' if cell.href else str(text)
    if tag == "td" and not whole:
        body = f'<div class="text">{body}</div>'
    return f'<{tag} class="{classes}">{body}</{tag}>' if classes else f"<{tag}>{body}</{tag}>"


# A date, a month or an amount inside text: a line never breaks within one (2026-10-16, not 2026- / 10-16).
_WHOLE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?|[¥￥][0-9,]+|[0-9]{2,}-[0-9]{2}")


def unbroken(text: str) -> Markup:
    """Text escaped for a page, each date, month and amount in it kept on one line."""
    escaped = str(escape(text))
    return Markup(_WHOLE.sub(lambda m: f'<span class="nw">{m.group()}</span>', escaped))


@frozen
class FigureCell:
    """A figure as a page shows it: its label, its value (a cell: masked, linked), the line under it, and the
    mark of a figure that skipped files may change."""

    label: str
    value: Cell
    detail: str
    incomplete: str  # "" when whole


@dataclass
class Block:
    """One part of a page: figures, fields, a table, a chart — any of them."""

    title: str
    fields: list[tuple[str, Cell]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    svg: str | None = None  # drawn by charts.py, every text in it escaped
    legend: str = ""  # the chart's legend (charts.py), every text in it escaped
    empty: str = ""
    note: str = ""
    figures: list[FigureCell] = field(default_factory=list)
    anchor: str = ""
    more: Cell | None = None  # the link to the whole of a list shown in part
    csv: str = ""  # served: the link to its table as CSV
    one_line: bool = False  # a list of items: on a phone each row flows as one line instead of columns
    choices: list[tuple[str, str | None]] = field(default_factory=list)  # the other pages of a kind; None: this

    @property
    def fields_html(self) -> str:
        """The fields as a definition list's terms and values, every text escaped; rendered here for the same
        reason as the rows."""
        return "\n".join(f"<dt>{escape(label)}</dt>{cell_html(cell, 'dd')}" for label, cell in self.fields)

    @property
    def headings_html(self) -> str:
        """The table's headings, those over a column of amounts or quantities right-aligned as the column is."""
        numeric = {j for row in self.rows for j, c in enumerate(row) if c.number}
        return "".join(cell_html(Cell(h, number=j in numeric), "th") for j, h in enumerate(self.headings))

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
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # the pages above it: label, link
    printable: bool = False  # a document of its own, printed as it (the print stylesheet)
    tab: str = ""  # the browser tab's title, when not the page's


@frozen
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
    days: Any  # the business days (rules.calendar.BusinessDays)
    t: Translator
    incognito: bool = False  # amounts masked, for a screen share
    served: bool = False  # by `haru serve`: pages offer a search box and their tables as CSV

    @cached_property
    def dashboard(self) -> Dashboard:
        return Dashboard(self.ds, self.today, self.days, self.t)

    def paths(self) -> list[str]:
        """Every page of the site, and its stylesheet; a record skipped for its errors still has its page,
        saying why (no link to it is a dead end)."""
        found = ["style.css", routes.CALENDAR]
        for route in routes.ROUTES:
            found += [route.href(key) for key in route.keys(self.dashboard)] if route.keys else [route.href()]
            if route.record is not None:
                found += sorted(route.href(s.stem) for s in self.ds.skipped_files.values()
                                if routes.record_route(s.kind, s.stem) is route)
        return found

    # --- rendering ----------------------------------------------------------------------------------

    def render(self, path: str) -> bytes | None:
        """The page at path (None: no such page)."""
        if path == "style.css":
            return resources.files("haru_cli.templates").joinpath("site/style.css").read_bytes()
        if path == routes.CALENDAR:
            return self.calendar().encode("utf-8")
        page = self._page(path)
        return self.html(page, path) if page is not None else None

    def html(self, page: Page, path: str) -> bytes:
        """A page as HTML, its links relative to where it is (`path`)."""
        template = _environment().get_template("site/page.html.j2")
        nav = [(self.t(f"site.nav.{r.section}"), _relative(r.href(), path), r.section == page.section)
               for r in routes.ROUTES if r.nav]
        page.title = self.text(page.title, one_line=True)
        page.tab = self.text(page.tab or page.title, one_line=True)
        for block in page.blocks:
            block.title = self.text(block.title, one_line=True)
        html: str = template.render(page=page, nav=nav, lang=self.t.lang, t=self.t,
                                    css=_relative("style.css", path), banner=self.banner,
                                    problems=_relative(routes.route("problems").href(), path),
                                    company=visible(self.ds.settings.company, one_line=True),
                                    today=self.today.isoformat(), incognito=self.incognito,
                                    search=_relative("search", path) if self.served else None)
        return html.encode("utf-8")

    def calendar(self) -> str:
        """calendar.ics: what `haru upcoming --within 1y --format ics` gives, for a calendar app to subscribe
        to (SPEC §13.1); amounts masked when the site is."""
        from haru_cli.render.formats import ics_text

        events = self.dashboard.calendar()
        if self.incognito:
            events = [replace(e, summary=mask_amounts(e.summary), description=mask_amounts(e.description))
                      for e in events]
        stamp = datetime.combine(self.today, time(0), tzinfo=UTC)  # as of the day the site is of
        return ics_text(events, stamp, self.t("upcoming_calendar"))

    def search(self, query: str, find: Callable[[str], tuple[list[Any], bool]]) -> bytes:
        """`haru serve`'s /search?q=: the hits of `haru search` (`find`), each leading to its record's page.
        While amounts are masked, a query with a figure in it is not run: its hits would tell the amount."""
        probing = self.incognito and probes_amounts(query)
        hits, more = find(query) if query.strip() and not probing else ([], False)
        doc = search_page(self.dashboard, query, hits, more, self.t("site.search.masked") if probing else "")
        return self.html(self._of(doc, "home", "search.html"), "search.html")

    def not_found(self, path: str) -> bytes:
        """`haru serve`'s answer for a page that is not there: the navigation, and a way home (its links are
        relative to the path asked for, where the browser resolves them)."""
        return self.html(self._of(not_found_page(self.dashboard, path), "", path), path)

    def csv(self, path: str, table: int) -> str | None:
        """The `table`th table with rows of the page at path (from 1), as the CLI's CSV; None when there is none."""
        from haru_cli.render.formats import csv_text

        doc = self._document(path)
        found = [s for s in doc.sections if _is_table(s)] if doc is not None else []
        if not 1 <= table <= len(found):
            return None
        return csv_text(found[table - 1].headings, found[table - 1].rows, mark=self.t("csv.mark"))

    @cached_property
    def banner(self) -> Banner | None:
        """Said on every page while a file is skipped or read in part, or haru.yaml is broken."""
        said = self.dashboard.banner()
        return Banner(said, self.t("site.banner_link")) if said is not None else None

    def _route(self, path: str) -> tuple[routes.Route, Document] | None:
        for route in routes.ROUTES:
            key = route.match(path)
            if key is None:
                continue
            doc = route.page(self.dashboard, *key)
            if doc is None and route.record is not None:
                doc = skipped_page(self.dashboard, route.record, key[0])
            return (route, doc) if doc is not None else None
        return None

    def _document(self, path: str) -> Document | None:
        found = self._route(path)
        return found[1] if found else None

    def _page(self, path: str) -> Page | None:
        found = self._route(path)
        if found is None:
            return None
        route, doc = found
        return self._of(doc, route.section, path, self.crumbs(route, doc, path))

    def _of(self, doc: Document, section: str, path: str, crumbs: list[tuple[str, str]] | None = None) -> Page:
        """A document as the page at `path` shows it; served, each table offers itself as CSV (`?format=csv&table=N`,
        N counting the page's tables from 1)."""
        blocks, tables = [], 0
        for s in doc.sections:
            block = self.block(s, path)
            if _is_table(s) and self.served and not self.incognito:
                tables += 1
                block.csv = f"?format=csv&table={tables}"
            blocks.append(block)
        home = [(self.t("site.nav.home"), _relative(routes.route("home").href(), path))]
        return Page(doc.title, blocks, section, home if crumbs is None else crumbs, doc.printable, doc.tab)

    def crumbs(self, route: routes.Route, doc: Document, here: str) -> list[tuple[str, str]]:
        """Where a page sits (SPEC §13.1): home, its item of the navigation, the pages its view puts above it
        (a month's fiscal year, a meeting's partner); none on the home page itself."""
        if route.name == "home":
            return []
        above = [Link("home")]
        listing = next((r for r in routes.ROUTES if r.nav and r.section == route.section), None)
        if listing is not None and listing is not route and listing.name != "home":
            above.append(Link(listing.name))
        labels = [self.t("site.nav.home")] + [self.t(f"site.nav.{route.section}")] * (len(above) - 1)
        found = [(label, self.href(link, here)) for label, link in zip(labels, above, strict=True)] + [
            (self.text(label, one_line=True), self.href(link, here)) for label, link in doc.trail]
        return [(label, href) for label, href in found if href is not None]

    # --- cells and blocks ---------------------------------------------------------------------------

    def href(self, link: Link, here: str) -> str | None:
        """The link's path relative to the page at `here`, with its part; None when the site has no such page."""
        target = routes.path_of(link)
        if target is None:
            return None
        path = _relative(target, here)
        return f"{path}#{link.part}" if link.part else path

    def cell(self, value: Value, link: Link | None, here: str) -> Cell:
        href = self.href(link, here) if link else None
        if self.incognito and isinstance(value, Money):
            return Cell(MASK, alerting(value), href, True, True)
        text = shown(value, whole=True)
        one_line = isinstance(value, Text) and value.one_line
        text = visible(text, one_line=one_line) if isinstance(value, Text) and value.literal else self.text(
            text, one_line=one_line)
        short = isinstance(value, Money | Day | Quantity) or (len(text) <= SHORT and "\n" not in text)
        word = not short and WORD.fullmatch(text) is not None
        return Cell(text, alerting(value), href, isinstance(value, Money | Quantity), short, word)

    def text(self, text: str, *, one_line: bool = False) -> str:
        """Text of the data as a page shows it: control characters as escapes, amounts masked when incognito."""
        return visible(mask_amounts(text) if self.incognito else text, one_line=one_line)  # masked as written

    def figure(self, f: Figure, here: str) -> FigureCell:
        value = self.cell(f.value, f.link, here)
        return FigureCell(self.text(f.label, one_line=True), replace(value, alert=value.alert or f.alert),
                          self.text(f.detail, one_line=True), self.t("site.figure.incomplete") if f.incomplete else "")

    def block(self, s: Section, here: str) -> Block:
        """A section of a page's content as the page at `here` shows it: its rows and fields linked (the first
        cell of a row to the row's page, relative to this one), its chart drawn."""
        by_column = {0: s.links, **s.column_links}
        field_links = s.field_links
        rows = [[self.cell(v, _nth(by_column.get(j, []), i), here) for j, v in enumerate(row)]
                for i, row in enumerate(s.rows)]
        fields = [(label, self.cell(v, field_links[i] if i < len(field_links) else None, here))
                  for i, (label, v) in enumerate(s.fields)]
        more = Cell(self.text(s.more[0], one_line=True), href=self.href(s.more[1], here)) if s.more else None
        block = Block(s.title, fields, s.headings, rows, empty=s.empty, note=self.text(s.note),
                      figures=[self.figure(f, here) for f in s.figures], anchor=s.anchor, more=more,
                      one_line=s.one_line,
                      choices=[(self.text(label, one_line=True), self.href(link, here) if link else None)
                               for label, link in s.choices])
        if s.chart is not None:
            masked = s.chart.money and self.incognito
            if masked:
                block.note = " ".join(filter(None, [self.t("site.masked"), block.note]))
            block.svg = _drawn(s.chart, masked=masked)
            block.legend = legend(s.chart.series) if block.svg and s.chart.targets is None else ""
        return block


def _is_table(s: Section) -> bool:
    """A section with a table of rows: what a served page offers as CSV, counted from 1."""
    return bool(s.headings and s.rows)


def _nth(links: list[Link | None], i: int) -> Link | None:
    return links[i] if i < len(links) else None


def _drawn(chart: Chart, *, masked: bool = False) -> str | None:
    """The chart as SVG (`masked`: its shape without its figures); None for one with nothing to draw (its
    table says so, rather than empty axes)."""
    if chart.empty:
        return None
    if chart.targets is not None:
        return against_targets(chart.title, chart.targets)
    return stacked_bars(chart.title, chart.columns, chart.series, chart.unit, masked=masked)


def _folder(path: str) -> str:
    return path.rpartition("/")[0] or "."


def _relative(target: str, here: str) -> str:
    """The path of `target` from the page at `here`: `../partners/ueda.html`."""
    return _from_folder(target, _folder(here))


def _from_folder(target: str, folder: str) -> str:
    """posixpath.relpath(target, folder) of two paths of the site (relative, normalized: no `.`, `..` or `//`
    in them), worked out on their parts alone — relpath makes both absolute, asking the system for the
    current folder, and a site of 50,000 pages has millions of links (a test holds the two to each other)."""
    into = target.split("/")
    above = [] if folder == "." else folder.split("/")
    common = 0
    for a, b in zip(into, above, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(above) - common) + into[common:]) or "."


@lru_cache(maxsize=1)
def _environment() -> Any:
    """Jinja, autoescaping everything, with the package's site templates (the workspace's are not read:
    a page is no place for a template someone else wrote)."""
    from jinja2 import FunctionLoader
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def source(name: str) -> str:
        return resources.files("haru_cli.templates").joinpath(name).read_text(encoding="utf-8")

    class Environment(ImmutableSandboxedEnvironment):
        """The sandbox, its verdict on an attribute decided once for each type of object, name and type of
        value (all its checks ask), rather than for each of a site's million lookups."""

        decided: dict[tuple[type, str, type], bool] = {}

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            key = (type(obj), attr, type(value))
            safe = self.decided.get(key)
            if safe is None:
                safe = self.decided[key] = bool(super().is_safe_attribute(obj, attr, value))
            return safe

    env = Environment(loader=FunctionLoader(source), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["unbroken"] = unbroken
    return env


def build(site: Site, paths: list[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """Every page of the site (or those of `paths`), rendered."""
    for path in site.paths() if paths is None else paths:
        page = site.render(path)
        if page is not None:
            yield path, page
