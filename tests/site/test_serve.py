"""The server of `haru serve` (site/serve.py): the same bytes as the static site, GET only, a watcher
that never follows a link."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from haru_cli.i18n import Translator
from haru_cli.site.pages import Site, build
from tests.helpers import SCENARIO, WorkspaceFactory, business_days, load_workspace


def test_the_server_serves_the_static_bytes_get_only(workspace: WorkspaceFactory) -> None:
    from starlette.testclient import TestClient

    from haru_cli.site.serve import Live, application

    root = workspace(SCENARIO)

    def load() -> Site:
        return Site(load_workspace(root, cache=False), date(2026, 11, 27), business_days(), Translator("ja"))

    live = Live(load, root)
    try:
        client = TestClient(application(live), base_url="http://127.0.0.1")
        static = dict(build(load()))
        for path in ("index.html", "partners/ueda.html", "fees/index.html", "style.css"):
            assert client.get(f"/{path}").content == static[path]
        assert client.get("/").content == static["index.html"]
        assert client.get("/partners").content == static["partners.html"]
        assert client.get("/partners/nobody.html").status_code == 404
        assert client.get("/../../etc/passwd").status_code == 404
        assert client.post("/index.html").status_code == 405
        assert client.get("/index.html").headers["x-content-type-options"] == "nosniff"
        assert client.get("/index.html", headers={"host": "attacker.example:8765"}).status_code == 400  # rebinding
        (root / "partners" / "ueda.yaml").write_text("id: ueda\nname: 株式会社ウエダ改\n", encoding="utf-8")
        live.changed()  # what the watcher does; its own test is below
        assert "株式会社ウエダ改" in client.get("/partners/ueda.html").text
    finally:
        live.stop()


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
