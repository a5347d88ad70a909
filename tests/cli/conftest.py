"""Workspaces that the commands' tests in several files start from."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.helpers import WorkspaceFactory


@pytest.fixture
def contracts(workspace: WorkspaceFactory) -> str:
    return str(workspace({
        "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\n",
        "contracts/spcom-consulting.yaml": """\
            id: spcom-consulting
            partner: spcom
            type: consulting
            title: 業務効率化支援
            start: 2026-01-01
            end: 2026-06-30
            auto_renew: true
            term: 6m
            notice: 1m
            value: {amount: 200000, per: month}
            """,
        "contracts/ueda-old.yaml": """\
            id: ueda-old
            partner: ueda
            type: consulting
            start: 2025-11-01
            end: 2026-10-31
            """,
    }))


@pytest.fixture
def two_partners(workspace: WorkspaceFactory) -> str:
    return str(workspace({
        "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\nstatus: paused\n",
        "partners/andath.yaml": "id: andath\nname: 株式会社&ath\nkana: アンドアス\ncadence: monthly\n"
                                "since: 2026-09-01\ncontacts:\n  - name: 三保\n",
    }))


@dataclass
class Received:
    """One request the chat server was sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class ChatServer:
    """A stand-in for Slack or Chatwork on 127.0.0.1: it records each request and answers `status` (after
    `delay` seconds: longer than the client's timeout, it answers too late)."""

    url: str
    received: list[Received] = field(default_factory=list)
    status: int = 200
    delay: float = 0.0
    location: str | None = None  # a 3xx's Location


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    """The server, in a thread of the test's process, shut down when the test ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    state = ChatServer(f"http://127.0.0.1:{server.server_address[1]}")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            # header names are case-insensitive (urllib sends X-Chatworktoken): kept lowercase
            state.received.append(Received(self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                                           body))
            time.sleep(state.delay)
            try:
                self.send_response(state.status)
                if state.location:
                    self.send_header("Location", state.location)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}' if state.status == 200 else b'{"errors": ["bad"]}')
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up waiting (the timeout's test): no one to answer

        def log_message(self, *args: object) -> None:  # quiet
            return

    server.RequestHandlerClass = Handler
    server.daemon_threads = True
    server.block_on_close = False  # a handler still sleeping out a timeout test is not waited for
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
