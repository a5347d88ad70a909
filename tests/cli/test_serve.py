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
