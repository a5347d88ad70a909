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


@pytest.mark.parametrize(("number", "haru_takes"), [("1234567", True), ("12345", True), (12345, True), (0, True),
                                                    ("12345678", False), (12345678, False), ("12a45", False),
                                                    ("", False), ("１２３４５", False), (-1, False)])
def test_an_account_number_the_schema_allows_is_one_validate_takes(workspace: WorkspaceFactory, haru: Haru,
                                                                    number: object, haru_takes: bool) -> None:
    """The editor's underline and validate agree: up to 7 digits, as text or a number."""
    import jsonschema

    partner = {"id": "ueda", "name": "株式会社ウエダ",
               "bank": {"bank": "0005", "branch": "001", "number": number, "holder": "カ）ウエダ"}}
    schema = json.loads(haru("schema").stdout)["partner"]
    assert jsonschema.Draft202012Validator(schema).is_valid(partner) is haru_takes
    root = workspace({"partners/ueda.yaml": f"id: ueda\nname: 株式会社ウエダ\nbank:\n  bank: '0005'\n  branch: '001'\n"
                                            f"  number: {json.dumps(number, ensure_ascii=False)}\n"
                                            "  holder: カ）ウエダ\n"})
    said = haru("--data", root, "--lang", "en", "validate")
    assert (said.exit_code == 0) is haru_takes, said.stdout
    if not haru_takes:
        assert (f"partners/ueda.yaml:6:11: error[bank] bank.number: {number!r} is not an account number (up to 7 "
                "digits)") in said.stdout
