"""HaRu's own workspace in data/ is valid (the one test that reads data/)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from haru_cli.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"


def test_haru_validate_passes_on_data() -> None:
    result = CliRunner().invoke(app, ["--data", str(DATA), "--lang", "en", "validate", "--strict"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith("files checked: 0 errors, 0 warnings\n")
