"""The exported JSON Schemas: up to date where committed, and in agreement with haru's own checks as seen
by the independent jsonschema library (cross-file rules aside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from haru_cli.load.loader import load_workspace
from haru_cli.load.schema import record_schema, schema_files
from haru_cli.load.yamlio import read_document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
KIND = {"partners": "partner", "contracts": "contract", "meetings": "meeting", "referrals": "referral"}


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(record_schema(kind), format_checker=FormatChecker())


def test_committed_schemas_are_up_to_date() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (DATA / "schemas").glob("*.schema.json")}
    assert committed == schema_files(), "run: haru schema --out data/schemas (after removing the old files)"


@pytest.mark.parametrize("kind", ["partner", "contract", "meeting", "referral", "haru"])
def test_schemas_are_valid_and_describe_every_field(kind: str) -> None:
    schema = record_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert all("description" in prop for prop in schema["properties"].values())


def records() -> list[Path]:
    return sorted(p for p in DATA.rglob("*.yaml"))


@pytest.mark.parametrize("path", records(), ids=lambda p: str(p.relative_to(DATA)))
def test_schemas_accept_every_file_in_data(path: Path) -> None:
    relative = path.relative_to(DATA).as_posix()
    doc, problems = read_document(path, relative)
    assert doc is not None and problems == []
    kind = "haru" if relative == "haru.yaml" else KIND[relative.split("/")[0]]
    assert [e.message for e in validator(kind).iter_errors(doc.data)] == []


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.name)
def test_schemas_reject_the_broken_fixtures_as_haru_does(path: Path, tmp_path: Path) -> None:
    doc, problems = read_document(path, path.name)
    assert doc is not None and problems == []
    kind = path.name.split("-")[0]
    assert list(validator(kind).iter_errors(doc.data)), "the schema accepts it"
    # haru itself refuses the same file (placed where it belongs).
    (tmp_path / "haru.yaml").write_text("", encoding="utf-8")
    folder = tmp_path / f"{kind}s" / ("2026" if kind == "meeting" else "")
    folder.mkdir(parents=True)
    stem = str(doc.data.get("id", "x"))
    (folder / f"{stem}.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert any(p.severity == "error" for p in load_workspace(tmp_path).problems)


def test_keys_left_empty_are_accepted_as_haru_accepts_them() -> None:
    from haru_cli.load.yamlio import parse_yaml

    text = "id: ueda\nname: x\nstatus:\ncadence:\nwithholding:\ncontacts:\n  - name: y\n    key_person:\n"
    doc, _ = parse_yaml(text, "partners/ueda.yaml")
    assert doc is not None
    raw = {"id": "ueda", "name": "x", "status": None, "cadence": None, "withholding": None,
           "contacts": [{"name": "y", "key_person": None}]}  # what an editor sees: the nulls are there
    assert [e.message for e in validator("partner").iter_errors(raw)] == []


def test_defaults_are_written_as_a_user_writes_them() -> None:
    assert record_schema("contract")["properties"]["notice"]["default"] == "0d"
    tax = record_schema("haru")["$defs"]["Tax"]["properties"]["rate"]
    assert tax["default"] == "10%"
