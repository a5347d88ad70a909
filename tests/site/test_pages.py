"""The dashboard (SPEC §13): every page of the site built from data/ and from a hostile workspace is
well-formed HTML whose links all resolve, whose charts are well-formed SVG, and in which text from the
data is text; the server serves the same bytes, GET only, on what the workspace is now; a real headless
Chromium shows the pages."""

from __future__ import annotations

import importlib.util
import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from haru_cli.i18n import Translator
from haru_cli.site.pages import Site
from tests.helpers import (
    SCENARIO,
    SCHOOL,
    VENDORS,
    WorkspaceFactory,
    business_days,
    load_workspace,
    site_of,
    write_workspace,
)

ROOT = Path(__file__).resolve().parent.parent.parent


VOID = {"meta", "link", "br", "img", "input", "hr", "rect", "line"}  # rect/line: the SVG's, self-closed




class Checked(HTMLParser):
    """Tags opened and closed in order, the links and the text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.scripts = 0  # elements that run or load something
        self.handlers: list[str] = []  # on… attributes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag in ("script", "img", "iframe", "object", "embed")
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        self.links += [v for k, v in attrs if k in ("href", "src") and v is not None]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        self.links += [v for k, v in attrs if k in ("href", "src") and v is not None]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_site(pages: dict[str, bytes]) -> dict[str, Checked]:
    checked = {}
    for path, body in pages.items():
        if not path.endswith(".html"):
            continue
        page = Checked()
        page.feed(body.decode("utf-8"))
        page.close()
        assert page.stack == [], f"{path}: unclosed {page.stack}"
        assert page.scripts == 0 and page.handlers == [], path
        for link in page.links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, f"{path} links outside: {link}"  # nothing from the internet
            normal = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path))
            assert normal in pages, f"{path}: {link} leads nowhere"
            assert not parts.fragment or f' id="{parts.fragment}"'.encode() in pages[normal], f"{path}: {link}"
        body_text = body.decode("utf-8")
        while "<svg" in body_text:
            start = body_text.index("<svg")
            end = body_text.index("</svg>", start) + len("</svg>")
            ET.fromstring(body_text[start:end])  # well-formed SVG
            body_text = body_text[end:]
        checked[path] = page
    return checked


HOSTILE = {
    **SCENARIO,
    "partners/evil.yaml": ("id: evil\nname: <script>alert(1)</script>\nkana: \"\\\" onmouseover=alert(2) x=\\\"\"\n"
                           "notes: \"</td></tr></table><img src=x onerror=alert(3)>\\u202e\"\n"
                           "contacts:\n  - {name: \"<svg onload=alert(4)>\", email: \"javascript:alert(5)\"}\n"),
    "contracts/evil.yaml": ("id: evil\npartner: evil\ntype: consulting\ntitle: \"]]></svg><script>x</script>\"\n"
                            "start: 2026-01-01\nend: 2026-12-31\nauto_renew: true\nterm: 1y\nnotice: 1m\n"),
    "meetings/2026/evil.yaml": "id: evil\npartners: [evil]\ndate: 2026-11-01\nminutes: 60\nkind: regular\n",
    "partners/broken.yaml": "id: broken\nname: [<b>not text</b>\n",
}


def test_the_site_of_data_is_well_formed_and_its_links_resolve() -> None:
    pages = site_of(ROOT / "data")
    checked = check_site(pages)
    assert {"index.html", "partners.html", "partners/ueda.html", "contracts.html", "fees/index.html",
            "fees/2026-10.html", "time/index.html", "style.css"} <= set(pages)
    home = "".join(checked["index.html"].text)
    assert "支払う紹介手数料" in home and "¥258,500" in home
    assert "<h1>紹介手数料 2026 年度</h1>" in pages["fees/index.html"].decode("utf-8")  # this fiscal year's
    assert b"<svg" in pages["time/index.html"] and b"<svg" in pages["index.html"]


def test_english_pages(tmp_path: Path) -> None:
    pages = site_of(ROOT / "data", lang="en")
    assert b"Fees to pay" in pages["index.html"] and b'lang="en"' in pages["index.html"]


def test_text_from_the_data_is_text_on_every_page(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", HOSTILE)
    pages = site_of(root)
    checked = check_site(pages)
    everything = b"".join(pages.values())  # check_site found no script, img or on… of the data's, and no link
    assert "<script>alert(1)</script>" in "".join(checked["partners/evil.html"].text)  # shown, as text
    assert "\u202e" not in everything.decode("utf-8")  # a reordering character is shown as an escape
    assert "partners/broken.yaml" in "".join(checked["index.html"].text)  # its problem is on the home page


def test_a_skipped_file_is_said_on_every_page_and_its_figures_marked(workspace: WorkspaceFactory) -> None:
    """SPEC §15: one bad field is not a silent hole — every page has the banner and the link to the
    problems; the figures it may change say so; the skipped partner's page says why."""
    root = workspace({**SCENARIO, "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nstatus: bogus-status\n"})
    pages = site_of(root)
    checked = check_site(pages)
    assert {"problems.html", "partners/spcom.html"} <= set(pages)
    for path, page in checked.items():
        assert "問題の一覧" in "".join(page.text), path  # the banner, linking problems.html
    problems = "".join(checked["problems.html"].text)
    assert "partners/spcom.yaml" in problems and "enum" in problems
    spcom = "".join(checked["partners/spcom.html"].text)
    assert "partners/spcom.yaml" in spcom and "bogus-status" in spcom
    home = "".join(checked["index.html"].text)
    assert "不完全" in home
    marked = {label: bool(mark) for _, _, label, _, _, mark in figures_of(pages["index.html"].decode("utf-8"))}
    # its regular meetings, its fees, its meetings' hours (they rest on it, and are skipped with it)
    assert marked["期日を過ぎたもの"] and marked["支払う紹介手数料"] and marked["今月（2026-12）の時間"]
    assert not marked["シナジー機会の見込み額（実現・見送り前）"]  # no opportunity was skipped
    whole = check_site(site_of(workspace(SCENARIO)))
    assert "問題の一覧" not in "".join(whole["index.html"].text) and "不完全" not in "".join(whole["index.html"].text)


def test_chart_text_shows_control_characters_as_escapes(workspace: WorkspaceFactory) -> None:
    root = workspace({**SCENARIO, "partners/ueda.yaml": 'id: ueda\nname: "S\\x1b]52;c;x\\x07P\\u202eCOM"\n'})
    pages = site_of(root)
    for path, body in pages.items():
        assert b"\x1b" not in body and "\u202e".encode() not in body, path


def test_a_hostile_file_name_is_text_on_the_problems_page(workspace: WorkspaceFactory) -> None:
    """SPEC §14: a skipped file's name reaches problems.html and the banner as text, never as markup."""
    root = workspace({**SCENARIO, "partners/<img src=x onerror=alert(1)>\x1b[2J.yaml": "id: x\nname: y\n"})
    pages = site_of(root)
    checked = check_site(pages)  # no script, no handler, every tag closed
    problems = pages["problems.html"].decode("utf-8")
    assert "<img" not in problems and "&lt;img src=x onerror=alert(1)&gt;" in problems
    assert "\x1b" not in problems and "問題の一覧" in "".join(checked["index.html"].text)


@pytest.fixture(scope="module")
def data_site() -> dict[str, bytes]:
    """The site of data/ as of 2026-12-01, built once for the tests that only read it."""
    return site_of(ROOT / "data")


def plain(html: bytes) -> str:
    """A page's HTML without its classes (how a cell is styled is not what it says)."""
    return re.sub(r' class="[^"]*"', "", html.decode("utf-8"))


def text_of(pages: dict[str, bytes], path: str) -> str:
    page = Checked()
    page.feed(pages[path].decode("utf-8"))
    return "".join(page.text)


def test_each_month_of_time_has_its_page_reached_from_its_fiscal_year(data_site: dict[str, bytes]) -> None:
    """SPEC §13.1: time by month (`time/2026-11.html`) — what `time report --month` says, its partners linked."""
    assert {"time/2026-04.html", "time/2026-11.html", "time/2026-12.html"} <= set(data_site)
    assert "time/2027-01.html" not in data_site and "time/2026-03.html" not in data_site  # to come; before FY2026
    year = plain(data_site["time/fy2026.html"])
    assert '<a href="2026-11.html">2026-11</a></td><td>23.00 時間</td><td>12.83 時間</td>' in year
    month = plain(data_site["time/2026-11.html"])
    assert '<a href="../partners/manatec.html">株式会社マナテック</a></td><td>8.00 時間</td>' in month
    assert "<td>マーケティング</td><td>1.00 時間</td><td>4.3%</td><td>10.0%</td><td>-5.7 pt</td>" in month
    assert '<a href="2026-10.html">2026-10</a>' in month and '<span aria-current="page">2026-11</span>' in month


FIGURE = re.compile(r'<a class="figure( alert)?" href="([^"]+)"><span class="label">([^<]+)</span>'
                    r'<span class="value">([^<]+)</span>(?:<span class="detail">([^<]+)</span>)?'
                    r'(<span class="incomplete">)?')


def figures_of(page: str) -> list[tuple[str, ...]]:
    """The home page's figures: alert, link, label, value, detail, incomplete mark (a date's own span aside)."""
    return FIGURE.findall(re.sub(r'<span class="nw">([^<]*)</span>', r"\1", page))


def sections_of(html: str) -> dict[str, str]:
    """Each section of a page by its heading."""
    found = {}
    for part in html.split("<section")[1:]:
        heading = re.search(r"<h2>(.*?)</h2>", part)
        assert heading is not None
        found[re.sub(r"<[^>]+>", "", heading.group(1))] = part
    return found


def rows_of(section: str) -> int:
    return section.count("<tr><td")


def test_the_home_page_opens_with_the_figures_each_leading_to_what_it_adds_up(data_site: dict[str, bytes]) -> None:
    """SPEC §13.1: overdue items, decisions due within 30 days, fees payable and the next pay date, this month's
    hours against the targets, the pipeline's open value, the hours AI saved this month — each a link."""
    home = data_site["index.html"].decode("utf-8")
    figures = [(label, value, detail, href, bool(alert))
               for alert, href, label, value, detail, _ in figures_of(home)]
    assert figures == [
        ("期日を過ぎたもの", "11 件", "最も古い期日 2026-10-16", "upcoming.html#overdue", True),
        ("判断が必要な契約（30 日以内）", "5 件", "うち期限切れ 1 件", "upcoming.html#decisions", True),
        ("支払う紹介手数料", "¥308,000", "次の支払日 2026-12-30（あと 29 日）、うち支払日を過ぎたもの ¥258,500",
         "upcoming.html#fees", True),
        ("今月（2026-12）の時間", "0.00 時間", "", "time/2026-12.html", False),
        ("シナジー機会の見込み額（実現・見送り前）", "¥5,500,000", "動いている機会 4 件（アイデア〜進行中）",
         "pipeline.html", False),
        ("今月（2026-12）生成AIで削減した時間", "12.83 時間", "", "time/2026-12.html", False),
    ]
    upcoming = sections_of(data_site["upcoming.html"].decode("utf-8"))
    overdue = upcoming["期日を過ぎたもの（11 件）"]
    assert overdue.startswith(' id="overdue"') and rows_of(overdue) == 11
    decisions = upcoming["判断が必要な契約（30 日以内と期限切れ）"]
    assert rows_of(decisions) == 5 and '<a href="contracts/manatec-consulting-2026.html">' in decisions
    fees = upcoming["次の支払日（2026-12-30）までに支払う紹介手数料"]
    assert fees.count('<a href="fees/2026-10.html">') == 3 and fees.count('<a href="fees/2026-11.html">') == 1
    assert "<td>合計</td><td></td><td>¥308,000</td>" in plain(fees.encode())  # the figure, added up
    sections = sections_of(home)
    assert rows_of(sections["期日を過ぎたもの（11 件）"]) == 11
    assert '<a href="upcoming.html#overdue">すべて（11 件）を「これからの予定」で見る</a>' in home
    assert '<a href="upcoming.html#ahead">' in sections["これから 14 日の予定"]


def test_a_months_hours_figure_says_the_area_furthest_from_its_target(data_site: dict[str, bytes]) -> None:
    site = site_of(ROOT / "data", today=date(2026, 11, 27))
    hours = next(f for f in figures_of(site["index.html"].decode("utf-8")) if f[1] == "time/2026-11.html")
    assert hours[3:5] == ("23.00 時間", "目標から最も離れた領域: マーケティング -5.7 pt")


def _generated(tmp_path: Path, partners: int) -> dict[str, bytes]:
    """index.html and upcoming.html of benchmarks/generate.py's workspace of that many partners."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.workspace(tmp_path / str(partners), partners, 1)
    ds = load_workspace(tmp_path / str(partners))
    site = Site(ds, date(2026, 11, 27), business_days(), Translator("ja"))
    return {path: site.render(path) or b"" for path in ("index.html", "upcoming.html")}


def test_the_home_page_shows_20_rows_a_list_and_stays_small_however_big_the_workspace(tmp_path: Path) -> None:
    """SPEC §13.1: at most 20 rows of each list, the whole on upcoming.html; index.html under 300 KB at 3,000
    partners (benchmarks/run.py measures that one): its size does not grow with the workspace."""
    small, big = _generated(tmp_path, 100), _generated(tmp_path, 300)
    home = sections_of(big["index.html"].decode("utf-8"))
    overdue = next(s for title, s in home.items() if title.startswith("期日を過ぎたもの"))
    everything = sections_of(big["upcoming.html"].decode("utf-8"))
    whole = next(s for title, s in everything.items() if title.startswith("期日を過ぎたもの"))
    assert rows_of(overdue) == 20 and rows_of(whole) > 200
    assert f"すべて（{rows_of(whole):,} 件）" in overdue
    assert rows_of(home["これから 14 日の予定"]) == 20 and rows_of(home["記録の問題（haru validate）"]) <= 20
    assert len(big["index.html"]) < 300_000 and len(big["index.html"]) < 1.1 * len(small["index.html"])


def test_every_figure_a_skipped_file_may_change_is_marked_on_every_page(workspace: WorkspaceFactory) -> None:
    """SPEC §13.1, §15: a skipped automation may change every figure of hours saved — each chart and table of the
    time pages says so; a skipped opportunity, the pipeline's value — its page and its figure say so."""
    root = workspace({**SCENARIO, "automations/broken.yaml": "id: broken\ntitle: [壊れた\n",
                      "opportunities/broken.yaml": "id: broken\ntitle: 壊れた\nstage: bogus\n"})
    pages = site_of(root)
    check_site(pages)
    for path in ("time/fy2026.html", "time/2026-11.html"):
        sections = sections_of(pages[path].decode("utf-8"))
        figured = {title: s for title, s in sections.items() if "<svg" in s or "<table" in s}
        assert figured and all("automations/broken.yaml" in s for s in figured.values()), (
            path, [title for title, s in figured.items() if "automations/broken.yaml" not in s])
    pipeline = sections_of(pages["pipeline.html"].decode("utf-8"))["シナジー機会"]
    assert "opportunities/broken.yaml" in pipeline
    marked = {label: bool(mark) for _, _, label, _, _, mark in figures_of(pages["index.html"].decode("utf-8"))}
    assert marked == {"期日を過ぎたもの": True, "判断が必要な契約（30 日以内）": False, "支払う紹介手数料": False,
                      "今月（2026-12）の時間": True, "シナジー機会の見込み額（実現・見送り前）": True,
                      "今月（2026-12）生成AIで削減した時間": True}


def reachable(pages: dict[str, bytes], start: str = "index.html") -> set[str]:
    """The pages a reader reaches from `start` by following links."""
    seen, todo = {start}, [start]
    while todo:
        path = todo.pop()
        page = Checked()
        page.feed(pages[path].decode("utf-8"))
        for link in page.links:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), urlsplit(link).path))
            if target.endswith(".html") and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_no_page_is_an_orphan(data_site: dict[str, bytes]) -> None:
    """SPEC §13.1: every page is reached from the home page by links."""
    assert sorted(p for p in data_site if p.endswith(".html") and p not in reachable(data_site)) == []


def test_a_breadcrumb_shows_where_a_page_sits(data_site: dict[str, bytes]) -> None:
    crumbs = re.compile(r'<nav class="crumbs"[^>]*>(.*?)</nav>')
    assert crumbs.search(data_site["index.html"].decode("utf-8")) is None
    month = crumbs.search(data_site["time/2026-11.html"].decode("utf-8"))
    assert month is not None and month.group(1) == (
        '<a href="../index.html">ホーム</a> › <a href="index.html">社長の時間</a> › '
        '<a href="fy2026.html">2026 年度</a> › '
        '<span aria-current="page">社長の時間 <span class="nw">2026-11</span></span>')
    fees = crumbs.search(data_site["fees/2026-10.html"].decode("utf-8"))
    assert fees is not None and '<a href="fy2026.html">2026 年度</a>' in fees.group(1)
    for path, body in data_site.items():
        if path.endswith(".html") and path != "index.html":
            found = crumbs.search(body.decode("utf-8"))
            assert found is not None and found.group(1).startswith('<a href="'), path


def links_of(pages: dict[str, bytes], path: str) -> set[str]:
    """The pages a page links to, as paths of the site."""
    page = Checked()
    page.feed(pages[path].decode("utf-8"))
    return {posixpath.normpath(posixpath.join(posixpath.dirname(path), urlsplit(link).path)) for link in page.links}


def test_every_record_a_page_names_leads_to_its_page(data_site: dict[str, bytes]) -> None:
    """SPEC §13.1: each partner, contract, meeting, referral's fees month, vendor, sourcing, project, opportunity,
    course, student, time by month and fiscal year, fees by month and fiscal year — and a partner's fees."""
    opportunities = {f"opportunities/{p.stem}.html" for p in (ROOT / "data" / "opportunities").glob("*.yaml")}
    assert opportunities and opportunities <= links_of(data_site, "pipeline.html")
    ueda = links_of(data_site, "partners/ueda.html")
    assert {"contracts/ueda-referral.html", "meetings/2026-11-10-ueda-regular.html", "fees/2026-09.html",
            "opportunities/ueda-case-study.html", "students/2026-satou-hanako.html",
            "courses/ai-practice-2026-autumn.html", "fees/2026-11.html"} <= ueda
    assert "紹介手数料の明細" in text_of(data_site, "partners/ueda.html")  # its fees on its page
    assert {"partners/ueda.html", "partners/spcom.html", "partners/manatec.html"} <= links_of(
        data_site, "meetings/2026-10-21-knowledge-share.html")
    assert "sourcing/2026-video-production.html" in links_of(data_site, "vendors.html")
    assert {"vendors/studio-mirai.html", "vendors/eizo-works.html"} <= links_of(
        data_site, "sourcing/2026-video-production.html")
    assert "partners/ueda.html" in links_of(data_site, "fees/2026-10.html")
    assert {"partners/ueda.html", "vendors/kato-dev.html"} <= links_of(data_site, "contracts.html")
    # a dated item leads to its record, its partner's or vendor's name to theirs
    ahead = sections_of(data_site["upcoming.html"].decode("utf-8"))["これから 30 日の予定"]
    rows = re.findall(r"<tr><td.*?</tr>", ahead)
    assert rows and all(row.count("<a href=") >= 2 for row in rows), [r for r in rows if r.count("<a href=") < 2]
    assert '<a href="meetings/2026-11-10-ueda-regular.html">2026-12-04 (あと 3 日)</a>' in ahead  # an action's
    assert '<a href="vendors/studio-mirai.html">株式会社スタジオミライ</a>' in ahead  # a deliverable's vendor


@pytest.mark.parametrize("workspace", ["data", "tests/fixtures/site"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_html5lib_finds_no_error_on_any_page(workspace: str, lang: str) -> None:
    """Every page parses as HTML5 without a single parse error (html5lib, strict: the WHATWG algorithm)."""
    import html5lib

    for path, body in site_of(ROOT / workspace, lang=lang).items():
        if path.endswith(".html"):
            parser = html5lib.HTMLParser(strict=True)
            try:
                parser.parse(body, transport_encoding="utf-8")
            except html5lib.html5parser.ParseError as exc:
                raise AssertionError(f"{path}: {exc}") from None


def test_a_statement_page_shows_hostile_names_and_clients_as_text(tmp_path: Path) -> None:
    """SPEC §14: a partner's name and a referral's client, written by someone else, reach the printable
    支払明細書 (and its tab's title) as text, never as markup."""
    from tests.helpers import FEES

    evil = '<script>alert(1)</script>"\u202e'
    root = write_workspace(tmp_path / "ws", {**FEES, "partners/tanaka.yaml": (
        f"id: tanaka\nname: '{evil}'\nkana: タナカ\nentity: individual\nwithholding: fee\n"),
        "referrals/2026-tanaka-001.yaml": str(FEES["referrals/2026-tanaka-001.yaml"]).replace(
            "client: 受講生A | 株式会社[B]", "client: '<img src=x onerror=alert(2)>'")})
    pages = site_of(root)
    statements = [p for p in pages if p.startswith("fees/2026-10/")]
    assert "fees/2026-10/tanaka.html" in statements
    checked = check_site(pages)  # no script, no handler, every link resolves
    page = pages["fees/2026-10/tanaka.html"].decode("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page  # the client, as text
    assert "<img src=x onerror=alert(2)>" in "".join(checked["fees/2026-10/tanaka.html"].text)
    assert "\u202e" not in page  # a reordering character shown as an escape


def test_a_course_page_and_a_vendor_page_hold_their_own_records_only(workspace: WorkspaceFactory) -> None:
    """From the indexes built once per dataset (views/pages.course, views/vendors.selections_of): each page
    what filtering every student, certificate and selection would give, in the same order."""
    from haru_cli.records.text import natural
    from haru_cli.rules.vendors import ranking
    from haru_cli.views.pages import Dashboard, course, vendor
    from haru_cli.views.vendors import selections_of

    other = {
        "courses/basic.yaml": "id: basic\ntitle: 基礎コース\nstart: 2026-05-01\n"
                              "assignments:\n  - {id: b1, title: 基礎, criteria: [理解]}\n",
        "students/2026-ueno.yaml": "id: 2026-ueno\nname: 上野 三郎\ncourse: basic\nenrolled: 2026-05-10\n",
        "students/2026-abe-10.yaml": "id: 2026-abe-10\nname: 阿部 十\ncourse: practice\nenrolled: 2026-04-10\n",
        "students/2026-abe-9.yaml": "id: 2026-abe-9\nname: 阿部 九\ncourse: practice\nenrolled: 2026-04-10\n",
        "sourcing/second.yaml": (
            "id: second\ntitle: 二件目\nopened: 2026-08-01\nstatus: open\ncriteria: {expertise: 100%}\ncandidates:\n"
            "  - {vendor: eizo, scores: {expertise: 4}}\n  - {vendor: studio}\n"),
    }
    ds = load_workspace(workspace({**SCHOOL, **VENDORS, **other}))
    d = Dashboard(ds, date(2026, 11, 27), business_days(), Translator("ja"))
    for course_id in ("practice", "basic"):
        page = course(d, course_id)
        assert page is not None
        expected = [s.name for s in sorted(ds.students.values(), key=lambda s: natural(s.id)) if s.course == course_id]
        shown = [row[0] for row in page.sections[2].rows]
        assert [str(getattr(cell, "text", cell)) for cell in shown] == expected
    for vendor_id in ("studio", "eizo"):
        expected_ids = [s.id for s in sorted(ds.sourcings.values(), key=lambda s: s.opened) for r in ranking(s)
                        if r.candidate.vendor == vendor_id]
        assert [s.id for s, _ in selections_of(ds, vendor_id)] == expected_ids == ["second", "pick"]
        page = vendor(d, vendor_id)
        assert page is not None and [link.key for link in page.sections[4].links] == expected_ids


def test_a_link_s_path_from_a_folder_is_posixpath_s_relpath() -> None:
    """site/pages._from_folder works a link out on the parts of two site paths; posixpath.relpath, which
    asks the system for the current folder, is the second formulation."""
    import posixpath

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from haru_cli.site.pages import _from_folder

    parts = st.lists(st.sampled_from(["a", "b", "fees", "index.html", "x.html", "2026"]), min_size=1, max_size=4)

    @settings(max_examples=500, deadline=None)
    @given(parts, st.one_of(st.just(["."]), parts))
    def check(target: list[str], folder: list[str]) -> None:
        t, f = "/".join(target), "/".join(folder)
        assert _from_folder(t, f) == posixpath.relpath(t, f)

    check()
