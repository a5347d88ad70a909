"""haru serve: the pages on localhost."""

from __future__ import annotations

import pytest

from tests.helpers import SCENARIO, TODAY, WorkspaceFactory


def test_haru_serve_answers_on_localhost_and_reflects_an_edit(workspace: WorkspaceFactory) -> None:
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    root = workspace(SCENARIO)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "haru_cli", "--data", str(root), *TODAY, "serve", "--port",
                               str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/partners/spcom.html"

    def fetch() -> str:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    return response.read().decode("utf-8")
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)

    try:
        assert "株式会社S.P.COM" in fetch()
        (root / "partners" / "spcom.yaml").write_text("id: spcom\nname: 株式会社エスピーコム\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while "株式会社エスピーコム" not in (page := fetch()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "株式会社エスピーコム" in page
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url, data=b"x", method="POST"), timeout=5)
        assert refused.value.code == 405
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_port_in_use_is_refused_and_one_just_freed_is_served_on(workspace: WorkspaceFactory) -> None:
    """A port another program listens on is said to be busy (exit 1); a port whose server has just stopped,
    its connections waiting out TIME_WAIT, serves again at once (as uvicorn binds: SO_REUSEADDR)."""
    import socket
    import subprocess
    import sys
    import time

    root = workspace(SCENARIO)
    command = [sys.executable, "-m", "haru_cli", "--data", str(root), *TODAY, "serve", "--port"]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run([*command, str(port)], capture_output=True, text=True, timeout=60)
        assert busy.returncode == 1 and f"127.0.0.1:{port}" in busy.stderr
    for _ in range(2):  # the second server binds the port the first has just left
        server = subprocess.Popen([*command, str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
                        client.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")  # HTTP/1.0: the server
                        answer = b"".join(iter(lambda: client.recv(65536), b""))  # closes first, its side of
                    assert answer.startswith(b"HTTP/1.1 200")  # the connection waiting out TIME_WAIT
                    break
                except OSError:
                    assert server.poll() is None, server.stderr.read() if server.stderr else ""
                    assert time.monotonic() < deadline
                    time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=10)
