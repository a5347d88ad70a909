"""The one table of the dashboard's pages: each route's path, the view that fills it, which of its pages
exist, the item of the navigation it is under, and the record type whose skipped file gets a page in its place.
The site's paths, its navigation and the links of every page (`Link("partner", "ueda")`) all read it.

A record type with a page of its own adds one `Route` (`register`), its view in `views/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from haru_cli.records.frozen import frozen
from haru_cli.records.values import SLUG_PATTERN
from haru_cli.views import pages
from haru_cli.views.pages import Dashboard
from haru_cli.views.shapes import Document, Link

SLUG = SLUG_PATTERN.removeprefix("^").removesuffix("$")  # a record's id, as its file's name holds it
CALENDAR = "calendar.ics"  # the calendar feed (SPEC §13.1): what Link("calendar") leads to


@frozen
class Route:
    name: str  # what a Link names it by
    path: str  # "partners/{}.html": {} is the key of one of its pages (none: it is one page)
    page: Callable[..., Document | None]  # the view: page(dashboard) or page(dashboard, key); None: no such page
    section: str  # the item of the navigation its pages are under
    keys: Callable[[Dashboard], Iterable[str]] | None = None  # the key of every page it has
    pattern: str = SLUG  # what a key may be
    nav: bool = False  # it is its section's item in the navigation
    record: str | None = None  # the record type whose file, skipped for its errors, gets a page here saying why

    def href(self, key: str = "") -> str:
        return self.path.format(key) if self.keys is not None else self.path

    def match(self, path: str) -> tuple[str, ...] | None:
        """The key in the path (() for a one-page route), if the path is this route's."""
        found = re.fullmatch(re.escape(self.path).replace(r"\{\}", f"({self.pattern})"), path)
        return found.groups() if found else None


def _ids(kind: str) -> Callable[[Dashboard], list[str]]:
    return lambda d: pages.ids(d, kind)


def _by_reading(kind: str) -> Callable[[Dashboard], list[str]]:
    return lambda d: pages.ids(d, kind, by_reading=True)


ROUTES: list[Route] = [
    Route("home", "index.html", pages.home, "home", nav=True),
    Route("problems", "problems.html", pages.problems, "home"),
    Route("upcoming", "upcoming.html", pages.upcoming_page, "home"),
    Route("partners", "partners.html", pages.partners, "partners", nav=True),
    Route("partner", "partners/{}.html", pages.partner, "partners", _by_reading("partner"), record="partner"),
    Route("meeting", "meetings/{}.html", pages.meeting, "partners", _ids("meeting"), record="meeting"),
    Route("vendors", "vendors.html", pages.vendors, "vendors", nav=True),
    Route("vendor", "vendors/{}.html", pages.vendor, "vendors", _by_reading("vendor"), record="vendor"),
    Route("sourcing", "sourcing/{}.html", pages.sourcing, "vendors", _ids("sourcing"), record="sourcing"),
    Route("school", "school.html", pages.school, "school", nav=True),
    Route("student", "students/{}.html", pages.student, "school", _ids("student"), record="student"),
    Route("course", "courses/{}.html", pages.course, "school", _ids("course"), record="course"),
    Route("certificate", "certificates/{}.html", pages.certificate, "school", _ids("certificate"),
          record="certificate"),
    Route("pipeline", "pipeline.html", pages.pipeline, "pipeline", nav=True),
    Route("project", "projects/{}.html", pages.project, "pipeline", _ids("project"), record="project"),
    Route("opportunity", "opportunities/{}.html", pages.opportunity, "pipeline", _ids("opportunity"),
          record="opportunity"),
    Route("contracts", "contracts.html", pages.contracts, "contracts", nav=True),
    Route("contract", "contracts/{}.html", pages.contract, "contracts", _ids("contract"), record="contract"),
    Route("fees", "fees/index.html", lambda d: pages.fees_year(d, d.fiscal_year_of(d.today)), "fees", nav=True),
    Route("fees_month", "fees/{}.html", pages.fees_month, "fees",
          lambda d: [f"{m:%Y-%m}" for m in d.statement_months], "[0-9]{4}-[0-9]{2}"),
    Route("statement", "fees/{}.html", pages.statement, "fees", lambda d: list(d.statements),
          f"[0-9]{{4}}-[0-9]{{2}}/{SLUG}"),
    Route("fees_fy", "fees/fy{}.html", lambda d, y: pages.fees_year(d, int(y)), "fees",
          lambda d: map(str, d.fiscal_years), "[0-9]{4}"),
    Route("time", "time/index.html", lambda d: pages.time_year(d, d.fiscal_year_of(d.today)), "time", nav=True),
    Route("time_fy", "time/fy{}.html", lambda d, y: pages.time_year(d, int(y)), "time",
          lambda d: map(str, d.fiscal_years), "[0-9]{4}"),
    Route("time_month", "time/{}.html", pages.time_month, "time", lambda d: [f"{m:%Y-%m}" for m in d.time_months],
          "[0-9]{4}-[0-9]{2}"),
]


def register(route: Route) -> None:
    """A new kind of page (a new record type's): its links resolve, and the site has its pages."""
    if any(r.name == route.name for r in ROUTES):
        raise ValueError(f"a route named {route.name} exists")
    ROUTES.append(route)


def unregister(route: Route) -> None:
    """Take a registered route away again (a test's, at its end)."""
    ROUTES.remove(route)


def route(name: str) -> Route:
    return next(r for r in ROUTES if r.name == name)


def find(name: str) -> Route | None:
    """The route of that name, if the site has one (a record type from outside may have no page)."""
    return next((r for r in ROUTES if r.name == name), None)


def record_route(kind: str, stem: str) -> Route | None:
    """The route that gives a file of that record type, skipped for its errors, a page saying why (when its
    name can be one of the route's keys)."""
    return next((r for r in ROUTES if r.record == kind and re.fullmatch(r.pattern, stem)), None)


def path_of(link: Link) -> str | None:
    """The site's path a link leads to (its part aside): a route's page, the calendar, or (`record`, keyed
    `<type>/<id>`) a skipped file's page; None where the site has none."""
    if link.page == "calendar":
        return CALENDAR
    if link.page == "record":
        kind, _, stem = link.key.partition("/")
        route = record_route(kind, stem)
        return route.href(stem) if route else None
    route = find(link.page)
    return route.href(link.key) if route else None
