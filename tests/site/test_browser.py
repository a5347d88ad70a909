"""The dashboard in a real browser (SPEC §13.1): Debian's Chromium, driven by Playwright with that executable
(nothing is downloaded), over the static site of data/ and of the fixture workspace (data/ with a page of
every kind: a certificate, a skipped file). Every page is reached from the home page by its links, at a
desktop's and a phone's width; none scrolls sideways, none has a broken link; on a phone no short cell
breaks and chart text stays readable; a statement and a certificate print on one A4 page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.helpers import site_of

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DESKTOP, PHONE = 1366, 390  # px: a laptop's window, a phone held upright
RED = "rgb(179, 38, 30)"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (CI installs Debian's chromium)")

# Measured in the page: how wide it is, the smallest chart text as drawn, the short cells (a date, an amount, a
# status) with a word broken across lines (a date and its note may sit on two), the colour of an overdue date
# that is a link, the fields' values that run out of their box (cut off where they end), and every link.
MEASURE = r"""() => {
  const words = el => {  // a range over each word of the element's text
    const found = [], walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode())
      for (const m of node.data.matchAll(/\S+/g)) {
        const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        found.push(r); }
    return found; };
  const texts = [...document.querySelectorAll('svg text')].map(
    t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  return {
    width: document.documentElement.scrollWidth,
    smallest: texts.length ? Math.min(...texts) : null,
    broken: [...document.querySelectorAll('td.short, td.num, dd.short, dd.num')]
      .filter(el => words(el).some(r => new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1))
      .map(el => el.textContent),
    overdue: [...document.querySelectorAll('td.alert a')].map(a => getComputedStyle(a).color),
    cut: [...document.querySelectorAll('dd')].filter(el => el.scrollWidth > el.clientWidth + 1)
      .map(el => el.textContent),
    links: [...document.querySelectorAll('a[href], link[href]')].map(a => a.href),
  };
}"""


def written(root: Path, out: Path, **options: Any) -> Path:
    for path, body in site_of(root, **options).items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(body)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def crawl(browser: Any, site: Path, width: int) -> dict[str, dict[str, Any]]:
    """Every page reached from index.html by its links, as measured at that width."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    seen: dict[str, dict[str, Any]] = {}
    todo = [(site / "index.html").as_uri()]
    try:
        while todo:
            url = todo.pop()
            if url in seen:
                continue
            page.goto(url)
            found = page.evaluate(MEASURE)
            seen[url] = found
            for link in found["links"]:
                target, _ = urldefrag(link)
                assert urlsplit(target).scheme == "file", (url, link)  # nothing from the internet
                assert Path(urlsplit(target).path).is_file(), (url, link)  # no broken link
                if target.endswith(".html") and target not in seen:
                    todo.append(target)
    finally:
        page.close()
    assert all(r.startswith("file://") for r in requested)
    return {url.removeprefix(site.as_uri() + "/"): found for url, found in seen.items()}


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("workspace", ["data", "tests/fixtures/site"])
def test_every_page_is_reached_from_home_and_reads_at_this_width(browser: Any, tmp_path: Path, workspace: str,
                                                                   width: int) -> None:
    from haru_cli.site import routes

    site = written(ROOT / workspace, tmp_path / "site", today=date(2026, 11, 27))
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    seen = crawl(browser, site, width)
    assert set(seen) == pages  # every page reachable from the home page
    kinds = {next(r.name for r in routes.ROUTES if r.match(path) is not None) for path in seen}
    if workspace != "data":
        assert kinds == {r.name for r in routes.ROUTES}  # a page of every kind
    for path, found in seen.items():
        assert found["width"] <= width, (path, found["width"])
        assert found["cut"] == [], (path, found["cut"])
        assert found["overdue"] == [] or set(found["overdue"]) == {RED}, (path, found["overdue"])
        if width == PHONE:
            assert found["smallest"] is None or found["smallest"] >= 11, (path, found["smallest"])
            assert found["broken"] == [], (path, found["broken"])
    assert seen["index.html"]["overdue"]  # there are overdue dates, and they are red


@pytest.mark.parametrize("path", ["fees/2026-10/ueda.html", "certificates/haru-2026-0001.html"])
def test_a_statement_and_a_certificate_print_as_the_document_on_one_a4_page(browser: Any, tmp_path: Path,
                                                                          path: str) -> None:
    import re

    site = written(ROOT / "tests" / "fixtures" / "site", tmp_path / "site", today=date(2026, 11, 27))
    page = browser.new_page()
    try:
        page.goto((site / path).as_uri())
        page.emulate_media(media="print")
        shown = page.evaluate("""() => ({
          header: getComputedStyle(document.querySelector('header')).display,
          crumbs: getComputedStyle(document.querySelector('.crumbs')).display,
          title: document.querySelector('h1').textContent })""")
        assert shown["header"] == "none" and shown["crumbs"] == "none"  # the document, not the dashboard
        assert shown["title"] in ("支払明細書", "修了証")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one sheet of A4
        assert b"/MediaBox [0 0 595" in pdf or b"/MediaBox [0 0 594" in pdf  # 210 mm wide: A4
    finally:
        page.close()


def test_screenshots_of_the_home_page_at_both_widths(browser: Any, tmp_path: Path) -> None:
    """The pictures the 社長 would see (kept under tmp_path to be looked at); the figures come first."""
    site = written(ROOT / "data", tmp_path / "site", today=date(2026, 11, 27))
    for width in (DESKTOP, PHONE):
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto((site / "index.html").as_uri())
            first = page.evaluate("() => document.querySelector('main section h2').textContent")
            assert first == "今日の数字"
            page.screenshot(path=str(tmp_path / f"home-{width}.png"), full_page=True)
            assert (tmp_path / f"home-{width}.png").stat().st_size > 10_000
        finally:
            page.close()
