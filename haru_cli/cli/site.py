"""haru site | serve — the workspace as web pages (SPEC §13): written as a static site, or served on
127.0.0.1, read-only, from the same pages. The server stack (Starlette on uvicorn, watchfiles for
reloads) is imported only by `serve`."""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated, Any

import typer

from haru_cli.cli.context import Run, load_checked, open_run

if TYPE_CHECKING:
    from haru_cli.site.pages import Site

MARKER = ".haru-site"  # in a folder haru wrote the site into: the list of the files it wrote there
IncognitoOption = Annotated[bool, typer.Option("--incognito")]


def _site(run: Run, incognito: bool) -> Site:
    from haru_cli.site.pages import Site

    return Site(run.ds, run.today, run.days, run.t, incognito=incognito)


def site(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", metavar="DIR")],
    incognito: IncognitoOption = False,
) -> None:
    """Every page written into DIR (a new or empty folder, or one haru wrote before): open DIR/index.html."""
    from haru_cli.rules.integrity import all_incomplete
    from haru_cli.site.written import ProcessFailed, write_pages

    run = open_run(ctx)
    if run.state.argv is not None:
        # As a reading command (open_run): the pages are made and written, and what lives on — the indexes
        # the pages share — is only walked again by each collection (a tenth of the time of 50,000 pages;
        # the peak memory the same without it). `serve` keeps its collector: it runs on.
        gc.disable()
    target = Path(os.path.abspath(out))
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        run.fail("cli.site.not_folder", path=str(out))
    root = run.ds.root.resolve()
    if target.resolve() == root or target.resolve() in root.parents:
        run.fail("cli.site.holds_workspace", path=str(out))
    if target.is_dir() and not _ours(target):
        run.fail("cli.site.not_ours", path=str(out))
    if not target.parent.is_dir():
        run.fail("cli.write.no_folder", path=str(out), folder=str(out.parent))
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.haru-", suffix=".tmp", dir=target.parent))
    try:
        written = write_pages(_site(run, incognito), staging)
        (staging / MARKER).write_text("".join(f"{path}\n" for path in written), encoding="utf-8")
        count = len(written)
        os.chmod(staging, 0o777 & ~_umask())
        _swap(staging, target)
    except ProcessFailed as exc:
        shutil.rmtree(staging, ignore_errors=True)
        run.fail("cli.site.process_failed", reason=str(exc))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    typer.echo(run.t("cli.site.written", count=count, path=str(out / "index.html")))
    run.say_incomplete(all_incomplete(run.ds), "cli.incomplete")  # the pages say so too: their banner


def _ours(folder: Path) -> bool:
    """Empty, or holding exactly the files of the site haru wrote there (its marker lists them): then it
    may be replaced whole. Anything else in it — a .git, a CNAME, a file of the user's — and it may not."""
    entries = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*")}
    if not entries:
        return True
    marker = folder / MARKER
    if marker.is_symlink() or not marker.is_file():
        return False
    listed = set(marker.read_text(encoding="utf-8", errors="replace").splitlines())
    files = {name for name, p in entries.items() if p.is_file() and not p.is_symlink()}
    folders = {name for name, p in entries.items() if p.is_dir() and not p.is_symlink()}
    implied = {parent.as_posix() for name in listed for parent in PurePosixPath(name).parents} - {"."}
    return files == listed | {MARKER} and folders <= implied and len(files) + len(folders) == len(entries)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _swap(staging: Path, target: Path) -> None:
    """The new site in the target's place; the old one (haru's own) removed only once it is out of it."""
    if not target.exists():
        os.rename(staging, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.haru-", suffix=".old", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old)


def serve(
    ctx: typer.Context,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8765,
    incognito: IncognitoOption = False,
) -> None:
    """The pages on http://127.0.0.1:PORT/, read-only, read again when a file of the workspace changes."""
    import socket

    import uvicorn

    from haru_cli.site.serve import Live, application

    run = open_run(ctx)
    with socket.socket() as probe:  # said before anything claims to be serving
        # As uvicorn binds: a port whose last connections are only waiting out TIME_WAIT is free to serve on.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            run.fail("cli.site.port_busy", port=port)
    live = Live(lambda: _reloaded(run, incognito), run.ds.root)
    typer.echo(run.t("cli.site.serving", url=f"http://127.0.0.1:{port}/"))
    try:
        uvicorn.run(application(live, lambda query: _search(run, query)), host="127.0.0.1", port=port,
                    log_level="warning")
    finally:
        live.stop()


def _reloaded(run: Run, incognito: bool) -> Any:
    from haru_cli.site.pages import Site

    ds = load_checked(run.ds.root, today=run.today, cache=run.state.cache)
    return Site(ds, run.today, run.days, run.t, incognito=incognito, served=True)


def _search(run: Run, query: str) -> tuple[list[Any], bool]:
    """What `haru search QUERY` finds in the workspace as it is now."""
    from haru_cli.load.search import search
    from haru_cli.load.stamps import current

    return search(run.ds.root, current(run.ds.root, use_cache=run.state.cache), query, use_cache=run.state.cache)
