"""The server of `haru serve` (site/serve.py): the same bytes as the static site, GET only, a watcher
that never follows a link."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from haru_cli.i18n import Translator
from haru_cli.site.pages import Site, build
from haru_cli.site.serve import Live
from tests.helpers import SCENARIO, WorkspaceFactory, business_days, load_workspace


def served(root: Path, *, incognito: bool = False, lang: str = "ja") -> Site:
    return Site(load_workspace(root, cache=False), date(2026, 11, 27), business_days(), Translator(lang),
                incognito=incognito, served=True)


@contextmanager
def serving(root: Path, *, incognito: bool = False) -> Iterator[tuple[Any, Live]]:
    """A test client of `haru serve` on the workspace, and its live site; the watcher stopped at the end."""
    from starlette.testclient import TestClient

    from haru_cli.load.search import search
    from haru_cli.load.workspace import scan_workspace
    from haru_cli.site.serve import Live, application

    live = Live(lambda: served(root, incognito=incognito), root)
    app = application(live, lambda query: search(root, scan_workspace(root), query, use_cache=False))
    try:
        yield TestClient(app, base_url="http://127.0.0.1"), live
    finally:
        live.stop()


def test_the_server_serves_the_sites_bytes_get_only(workspace: WorkspaceFactory) -> None:
    root = workspace(SCENARIO)
    with serving(root) as (client, live):
        pages = dict(build(served(root)))
        for path in ("index.html", "partners/ueda.html", "fees/index.html", "style.css", "calendar.ics"):
            assert client.get(f"/{path}").content == pages[path]
        assert client.get("/").content == pages["index.html"]
        assert client.get("/partners").content == pages["partners.html"]
        assert client.get("/partners/").content == pages["partners.html"]  # redirected to /partners.html
        assert client.get("/partners/", follow_redirects=False).headers["location"] == "/partners.html"
        assert client.get("/partners/nobody.html").status_code == 404
        assert client.get("/../../etc/passwd").status_code == 404
        assert client.post("/index.html").status_code == 405
        assert client.get("/index.html").headers["x-content-type-options"] == "nosniff"
        assert client.get("/index.html", headers={"host": "attacker.example:8765"}).status_code == 400  # rebinding
        (root / "partners" / "ueda.yaml").write_text("id: ueda\nname: 株式会社ウエダ改\n", encoding="utf-8")
        live.changed()  # what the watcher does; its own test is below
        assert "株式会社ウエダ改" in client.get("/partners/ueda.html").text


def test_the_watcher_sees_an_edited_file(workspace: WorkspaceFactory) -> None:
    import time

    from haru_cli.site.serve import Live

    root = workspace(SCENARIO)
    loads: list[int] = []

    def load() -> Site:
        loads.append(1)
        return Site(load_workspace(root, cache=False), date(2026, 11, 27), business_days(), Translator("ja"))

    live = Live(load, root)
    try:
        live.site()
        time.sleep(0.3)  # the watcher has started
        (root / "partners" / "spcom.yaml").write_text("id: spcom\nname: 新しい名前\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "新しい名前".encode() not in (live.site().render("partners/spcom.html")
                                                                             or b""):
            time.sleep(0.1)
        assert "新しい名前" in (live.site().render("partners/spcom.html") or b"").decode("utf-8")
    finally:
        live.stop()


def test_the_watcher_never_watches_through_a_link(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    """A record folder, or a year's folder, that links out of the workspace (to / say) is not watched."""
    from haru_cli.site.serve import _folders

    root = workspace(SCENARIO)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deep").mkdir(parents=True)
    (root / "vendors").symlink_to(elsewhere, target_is_directory=True)
    (root / "meetings" / "2030").symlink_to(elsewhere, target_is_directory=True)
    watched = _folders(root)
    assert str(root / "partners") in watched and str(root / "meetings" / "2026") in watched
    assert not any(str(elsewhere) in w or w.endswith(("vendors", "2030")) for w in watched)


def test_search_lists_what_haru_search_finds_each_hit_leading_to_its_records_page(
        workspace: WorkspaceFactory, haru: Any) -> None:
    root = workspace({**SCENARIO, "partners/evil.yaml": "id: evil\nname: \"<b>ウエダの</b> 偽物\"\n"})
    with serving(root) as (client, live):
        found = client.get("/search", params={"q": "うえだ"})  # folded as haru search folds: kana, width, case
        assert found.status_code == 200
        cli = haru("--data", root, "search", "うえだ", "--format", "json")
        lines = {(h["path"], h["line"]) for h in __import__("json").loads(cli.stdout)["hits"]}
        assert lines and all(f"<td>{path}</td>" in found.text or f">{path}<" in found.text for path, _ in lines)
        assert 'href="partners/ueda.html"' in found.text and 'href="partners/evil.html"' in found.text
        assert "<b>ウエダの</b>" not in found.text and "&lt;b&gt;ウエダの&lt;/b&gt;" in found.text  # text, not markup
        assert 'action="search"' in found.text  # the box is on every served page
        assert "探す言葉を検索窓に入れてください" in client.get("/search?q=").text
        nothing = client.get("/search", params={"q": "どこにもない言葉"})
        assert nothing.status_code == 200 and "「どこにもない言葉」は見つかりません" in nothing.text


def test_each_table_of_a_page_is_the_clis_csv(workspace: WorkspaceFactory, haru: Any) -> None:
    root = workspace(SCENARIO)
    with serving(root) as (client, live):
        page = client.get("/partners.html")
        assert 'href="?format=csv&amp;table=1"' in page.text
        got = client.get("/partners.html", params={"format": "csv"})
        assert got.headers["content-type"] == "text/csv; charset=utf-8"
        assert 'filename="partners.csv"' in got.headers["content-disposition"]
        cli = haru("--data", root, "--today", "2026-11-27", "partner", "list", "--format", "csv")
        assert got.content == cli.stdout_bytes
        contracts = haru("--data", root, "--today", "2026-11-27", "contract", "list", "--format", "csv")
        assert client.get("/contracts.html?format=csv&table=1").content == contracts.stdout_bytes
        assert client.get("/partners.html?format=csv&table=9").status_code == 404
        assert client.get("/partners.html?format=csv&table=²").status_code == 404
    with serving(root, incognito=True) as (masked, live):
        assert masked.get("/partners.html?format=csv").status_code == 403  # a screen share hands out no amounts
        probe = masked.get("/search", params={"q": "45000"})  # nor says where an amount is
        assert "数字を含む言葉では検索しません" in probe.text and "<tbody>" not in probe.text
        assert "<tbody>" in masked.get("/search", params={"q": "ウエダ"}).text
        assert "format=csv" not in masked.get("/partners.html").text


def test_a_page_that_is_not_there_has_the_navigation_and_a_way_home(workspace: WorkspaceFactory) -> None:
    root = workspace(SCENARIO)
    with serving(root) as (client, live):
        gone = client.get("/partners/deep/nobody.html")
        assert gone.status_code == 404 and gone.headers["content-type"].startswith("text/html")
        assert "ページが見つかりません" in gone.text and "partners/deep/nobody.html" in gone.text
        assert 'href="../../partners.html"' in gone.text  # the menu, relative to where the browser is
        assert 'href="../../index.html"' in gone.text and 'href="../../style.css"' in gone.text
        hostile = client.get("/<script>alert(1)</script>.html")
        assert hostile.status_code == 404 and "<script>alert(1)" not in hostile.text


def test_the_calendar_is_what_upcoming_gives_for_a_year(workspace: WorkspaceFactory, haru: Any) -> None:
    from icalendar import Calendar

    root = workspace(SCENARIO)
    with serving(root) as (client, live):
        got = client.get("/calendar.ics")
        assert got.headers["content-type"] == "text/calendar; charset=utf-8"
        cli = haru("--data", root, "--today", "2026-11-27", "upcoming", "--within", "1y", "--format", "ics")

        def events(text: str) -> list[tuple[str, str, str]]:
            return [(str(e["uid"]), str(e["dtstart"].dt), str(e["summary"]))
                    for e in Calendar.from_ical(text).walk("VEVENT")]

        assert events(got.text) and events(got.text) == events(cli.stdout)


def test_a_hit_leads_to_where_its_record_shows() -> None:
    """A record with a page of its own leads to it; a referral to its partner's, a payout to its month of fees,
    a month of time to its page, an automation to the time page; haru.yaml to nothing."""
    from haru_cli.views.pages import Dashboard, record_link
    from haru_cli.views.shapes import Link

    root = Path(__file__).resolve().parent.parent / "fixtures" / "site"
    d = Dashboard(load_workspace(root, cache=False), date(2026, 11, 27), business_days(), Translator("ja"))
    paths = {kind: path for (kind, _), path in sorted(d.ds.paths.items())}
    assert record_link(d, paths["partner"]) == Link("partner", Path(paths["partner"]).stem)
    referral = d.ds.referrals[Path(paths["referral"]).stem]
    assert record_link(d, paths["referral"]) == Link("partner", referral.partner)
    payout = d.ds.payouts[Path(paths["payout"]).stem]
    assert record_link(d, paths["payout"]) == Link("fees_month", f"{payout.month.first:%Y-%m}")
    assert record_link(d, paths["time"]) == Link("time_month", Path(paths["time"]).stem)
    assert record_link(d, paths["automation"]) == Link("time")
    assert record_link(d, "haru.yaml") is None
    skipped = next(iter(d.ds.skipped_files.values()))
    assert record_link(d, skipped.path) == Link(skipped.kind, skipped.stem)  # its page says why it is skipped
