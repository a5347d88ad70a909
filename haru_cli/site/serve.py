"""`haru serve`: the dashboard's pages over HTTP (Starlette), GET and HEAD only, each rendered when asked
for from the workspace as it is: a change to any of its files (seen by watchfiles) makes the next request
read it again. Imported only by `haru serve`: no other command pays for the server stack."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from haru_cli.site.pages import Site

TYPES = {"css": "text/css; charset=utf-8", "html": "text/html; charset=utf-8", "ics": "text/calendar; charset=utf-8"}
CSV = "text/csv; charset=utf-8"
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class Live:
    """The site of the workspace as it is now: built again, once, after a file changed."""

    def __init__(self, load: Callable[[], Site], root: Path) -> None:
        self._load = load
        self._site: Site | None = None
        self._stale = threading.Event()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._always = False  # the watcher failed: read the workspace at every request
        self._watcher = threading.Thread(target=self._watch, args=(root,), daemon=True)
        self._watcher.start()

    def _watch(self, root: Path) -> None:
        """Watch the workspace's own folders, one level each and never through a link (a link out of the
        workspace would have it watch the machine); should watching fail, every request reads afresh."""
        from watchfiles import watch

        try:
            while not self._stop.is_set():
                for _ in watch(*_folders(root), stop_event=self._stop, watch_filter=_not_cache, recursive=False,
                               ignore_permission_denied=True, yield_on_timeout=False):
                    self._stale.set()
                    break  # a folder may have come or gone: watch the folders as they are now
        except Exception:  # noqa: BLE001 - any failure of the watcher: pages must never go stale unsaid
            self._always = True

    def site(self) -> Site:
        with self._lock:
            if self._site is None or self._stale.is_set() or self._always:
                self._stale.clear()
                self._site = self._load()
            return self._site

    def changed(self) -> None:
        """Read the workspace again at the next request (what the watcher does on a change)."""
        self._stale.set()

    def stop(self) -> None:
        self._stop.set()


def _folders(root: Path) -> list[str]:
    """The workspace and its record folders (and their year folders), those that are real folders."""
    from haru_cli.records.registry import TYPES

    found = [str(root)]
    for kind in TYPES:
        folder = root / kind.folder
        if folder.is_dir() and not folder.is_symlink():
            found.append(str(folder))
            if kind.by_year:
                found += [str(p) for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
    return found


def _not_cache(change: Any, path: str) -> bool:
    """Changes haru makes itself (its parse cache) are none of the pages'."""
    return ".haru-cache" not in Path(path).parts


def application(live: Live, search: Callable[[str], tuple[list[Any], bool]]) -> Starlette:
    """The pages, `/search?q=` (what `search` finds) and each page's tables as CSV (`?format=csv&table=N`)."""

    def page(request: Request) -> Response:
        path = request.path_params.get("path", "")
        if path == "" or path.endswith("/"):
            path += "index.html"
        elif "." not in path.rpartition("/")[2]:  # /partners: the page partners.html
            path += ".html"
        site = live.site()
        if path == "search.html":
            found = site.search(request.query_params.get("q", "").strip(), search)
            return Response(found, media_type=TYPES["html"], headers=HEADERS)
        if request.query_params.get("format") == "csv" and path.endswith(".html"):
            return _csv(site, path, request.query_params.get("table", "1"))
        body = site.render(path)
        if body is None and path.endswith("/index.html") and site.render(listing := path[:-11] + ".html"):
            return RedirectResponse(f"/{listing}", headers=HEADERS)  # /partners/: the list, where its links work
        if body is None:
            return Response(site.not_found(path), status_code=404, media_type=TYPES["html"], headers=HEADERS)
        return Response(body, media_type=TYPES[path.rpartition(".")[2]], headers=HEADERS)

    # Only requests to this machine by its own names: a page elsewhere that rebinds its domain to 127.0.0.1
    # (DNS rebinding) gets 400, not the workspace.
    return Starlette(routes=[Route("/{path:path}", page, methods=["GET", "HEAD"])],
                     middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])])


def _csv(site: Site, path: str, table: str) -> Response:
    """A page's table as the CLI's CSV, named for the page; never while amounts are masked (a screen share must
    not hand out a spreadsheet of them)."""
    if site.incognito:
        return PlainTextResponse(site.t("site.csv_masked"), status_code=403, headers=HEADERS)
    body = site.csv(path, int(table)) if table.isascii() and table.isdigit() and len(table) < 4 else None
    if body is None:
        return Response(site.not_found(f"{path}?format=csv&table={table}"), status_code=404,
                        media_type=TYPES["html"], headers=HEADERS)
    name = path.removesuffix(".html").replace("/", "-") + (f"-{table}" if table != "1" else "") + ".csv"
    return Response(body.encode("utf-8"), media_type=CSV,
                    headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})
