"""`haru site` writes its pages on every core (site/written.py): the same files, whatever the processes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from haru_cli.i18n import Translator
from haru_cli.site import written
from haru_cli.site.pages import Site
from tests.helpers import business_days, load_workspace

FIXTURE = Path(__file__).parent.parent / "fixtures" / "site"


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Site:
    """The fixture's site, shared out among processes however small it is."""
    monkeypatch.setattr(written, "MIN_PER_PROCESS", 1)
    ds = load_workspace(FIXTURE, today=date(2026, 11, 27))
    return Site(ds, date(2026, 11, 27), business_days(), Translator("ja"))


def test_pages_written_by_several_processes_are_those_one_writes(tmp_path: Path, site: Site) -> None:
    alone = written.write_pages(site, tmp_path / "one", jobs=1)
    shared = written.write_pages(site, tmp_path / "three", jobs=3)
    assert shared == alone == [p for p in site.paths() if p in alone]
    assert len(alone) > 10 and files(tmp_path / "three") == files(tmp_path / "one")


def test_a_page_that_fails_in_another_process_fails_the_site(tmp_path: Path, site: Site,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: str) -> bytes:
        raise RuntimeError(f"cannot render {path}")

    monkeypatch.setattr(site, "render", broken)
    with pytest.raises(RuntimeError, match="cannot render"):
        written.write_pages(site, tmp_path / "out", jobs=2)


def test_a_process_that_dies_fails_the_site_instead_of_hanging(tmp_path: Path, site: Site,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed (the out-of-memory killer, a file-size limit): the site fails, saying how; nothing waits."""
    import os
    import signal

    haru = os.getpid()
    render = site.render

    def dying(path: str) -> bytes | None:
        if os.getpid() != haru:
            os.kill(os.getpid(), signal.SIGKILL)
        return render(path)

    monkeypatch.setattr(site, "render", dying)
    with pytest.raises(written.ProcessFailed, match="SIGKILL"):
        written.write_pages(site, tmp_path / "out", jobs=2)


class Unrebuildable(Exception):
    """An error whose arguments are not those it was made with (pickled, it cannot be made again)."""

    def __init__(self, field: str, limit: int) -> None:
        super().__init__(f"{field} is longer than {limit}")


def test_an_error_that_cannot_be_handed_over_is_said_in_its_words(tmp_path: Path, site: Site,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(path: str) -> bytes:
        raise Unrebuildable("name", 30)

    monkeypatch.setattr(site, "render", failing)
    with pytest.raises(written.ProcessFailed, match="Unrebuildable: name is longer than 30"):
        written.write_pages(site, tmp_path / "out", jobs=2)
