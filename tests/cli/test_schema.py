"""haru schema: the JSON Schemas printed or written, never over a different file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from haru_cli.records.registry import TYPES
from tests.helpers import Haru, WorkspaceFactory


def test_prints_every_schema(haru: Haru) -> None:
    result = haru("schema")
    assert result.exit_code == 0
    schemas = json.loads(result.stdout)
    assert sorted(schemas) == sorted([kind.name for kind in TYPES] + ["haru"])  # every type of the registry
    assert schemas["partner"]["properties"]["kana"]["description"].startswith("よみ")


def test_writes_the_files_once_and_refuses_a_different_one(haru: Haru, tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    assert haru("schema", "--out", out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{kind}.schema.json"
                                                           for kind in [*(k.name for k in TYPES), "haru"])
    again = haru("--lang", "en", "schema", "--out", out)
    assert again.exit_code == 0 and again.stdout.count("is up to date") == len(TYPES) + 1
    (out / "partner.schema.json").write_text("{}\n", encoding="utf-8")
    changed = haru("--lang", "en", "schema", "--out", out)
    assert changed.exit_code == 1
    assert changed.stderr == ("haru: outdated schema files (remove them to write the current ones): "
                              f"{out / 'partner.schema.json'}\n")
    assert (out / "partner.schema.json").read_text(encoding="utf-8") == "{}\n"


def test_help(haru: Haru) -> None:
    assert "Example: haru schema --out schemas" in haru("--lang", "en", "schema", "--help").stdout


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_schema_files_that_are_links_or_pipes_are_never_read(workspace: WorkspaceFactory, haru: Haru,
                                                             kind: str) -> None:
    root = workspace()
    (root / "schemas").mkdir()
    target = root / "schemas" / "partner.schema.json"
    if kind == "link":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    for args in (["init", "--missing", root], ["schema", "--out", root / "schemas"]):
        result = haru("--lang", "en", *args)
        said = "a symbolic link (never followed)" if kind == "link" else "not a regular file"
        assert result.exit_code == 1 and said in result.stderr, result.stderr
