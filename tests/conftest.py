"""Workspaces built inline in tmp_path, and a CliRunner that runs `haru` in them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from haru_cli.cli import app
from tests.helpers import Haru, WorkspaceFactory, write_workspace


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-seconds", default="12", help="how long tests/test_fuzz.py mutates workspaces")
    parser.addoption("--fuzz-seed", default="1", help="the seed of tests/test_fuzz.py's mutations")


@pytest.fixture
def workspace(tmp_path: Path) -> WorkspaceFactory:
    """workspace({"partners/x.yaml": "..."}) → the folder of BASE with those files changed."""

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        return write_workspace(tmp_path / "ws", files or {})

    return make


@pytest.fixture
def haru(monkeypatch: pytest.MonkeyPatch) -> Haru:
    """haru(*args) runs the CLI and returns the click Result (stdout and stderr apart)."""
    monkeypatch.delenv("HARU_DATA", raising=False)
    monkeypatch.delenv("HARU_TODAY", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # piped tables fit it when it is set
    runner = CliRunner()

    def run(*args: str | Path) -> Any:
        return runner.invoke(app, [str(a) for a in args])

    return run


@pytest.fixture(autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse cache's signing key lives in the user's cache folder: tests keep theirs to themselves."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))


@pytest.fixture(autouse=True)
def _collectable() -> Iterator[None]:
    """A command freezes what it loads out of the garbage collector, for the rest of its process (see
    cli/context.py); run in-process here, it would keep every test's garbage for the whole session."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _templates_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """haru renders templates in a forked child it can kill; here, in the test's own process, so that
    coverage sees the rendering (tests/render/test_templates.py runs the child itself)."""
    from haru_cli.render import templates

    monkeypatch.setattr(templates, "APART", False)
