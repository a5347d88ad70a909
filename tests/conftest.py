"""Workspaces built inline in tmp_path, and a CliRunner that runs `haru` in them."""

from __future__ import annotations

import gc
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from haru_cli.cli import app


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-seconds", default="12", help="how long tests/test_fuzz.py mutates workspaces")
    parser.addoption("--fuzz-seed", default="1", help="the seed of tests/test_fuzz.py's mutations")


# A small valid workspace; tests override or remove single files (None removes).
BASE: dict[str, str] = {
    "haru.yaml": """\
        company: テスト株式会社
        """,
    "partners/ueda.yaml": """\
        id: ueda
        name: 株式会社ウエダ
        kana: ウエダ
        invoice_number: T7000012050002
        cadence: monthly
        contacts:
          - name: 上田
            key_person: true
        """,
    "contracts/ueda-referral.yaml": """\
        id: ueda-referral
        partner: ueda
        type: referral
        signed: 2026-01-01
        start: 2026-01-01
        end: 2026-12-31
        auto_renew: true
        term: 1y
        notice: 1m
        fees:
          customer:
            rate: 15%
            basis: paid
          student:
            fixed: 30000
        """,
    "meetings/2026/2026-11-10-ueda-regular.yaml": """\
        id: 2026-11-10-ueda-regular
        partners: [ueda]
        date: 2026-11-10
        kind: regular
        contract: ueda-referral
        minutes: 60
        """,
    "referrals/2026-ueda-001.yaml": """\
        id: 2026-ueda-001
        partner: ueda
        contract: ueda-referral
        kind: customer
        client: 株式会社サンプル物流
        referred: 2026-06-01
        status: won
        deal: {signed: 2026-07-01, amount: 3600000}
        payments:
          - {date: 2026-07-31, amount: 300000}
        """,
}

WorkspaceFactory = Callable[..., Path]


def write_workspace(root: Path, files: dict[str, str | bytes | None]) -> Path:
    merged: dict[str, str | bytes | None] = {**BASE, **files}
    for name, content in merged.items():
        if content is None:
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def workspace(tmp_path: Path) -> WorkspaceFactory:
    """workspace({"partners/x.yaml": "..."}) → the folder of BASE with those files changed."""

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        return write_workspace(tmp_path / "ws", files or {})

    return make


@pytest.fixture
def haru(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """haru(*args) runs the CLI and returns the click Result (stdout and stderr apart)."""
    monkeypatch.delenv("HARU_DATA", raising=False)
    monkeypatch.delenv("HARU_TODAY", raising=False)
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
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
