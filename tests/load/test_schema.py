"""The exported JSON Schemas: up to date where committed, and in agreement with haru's own checks as seen
by the independent jsonschema library (cross-file rules aside)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from haru_cli.load.schema import record_schema, schema_files
from haru_cli.load.yamlio import read_document
from haru_cli.records.registry import TYPES
from tests.helpers import load_workspace

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"
KIND = {kind.folder: kind.name for kind in TYPES}


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(record_schema(kind), format_checker=FormatChecker())


def test_committed_schemas_are_up_to_date() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (DATA / "schemas").glob("*.schema.json")}
    assert committed == schema_files(), "run: haru schema --out data/schemas (after removing the old files)"


@pytest.mark.parametrize("kind", [*(kind.name for kind in TYPES), "haru"])
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


# What haru says of each broken fixture: the schema must refuse it, and haru with this very code.
EXPECTED = {
    "contract-auto-renew-yes.yaml": "type", "contract-bare-rate.yaml": "rate", "contract-duration.yaml": "duration",
    "contract-fee-both.yaml": "fee-rule", "contract-money-commas.yaml": "money", "contract-rate-over.yaml": "rate",
    "meeting-no-partners.yaml": "range", "meeting-satisfaction.yaml": "range", "partner-date-format.yaml": "date",
    "partner-enum.yaml": "enum", "partner-id-slug.yaml": "id", "partner-invoice-format.yaml": "invoice-number",
    "partner-missing-name.yaml": "missing-key", "partner-misspelt-key.yaml": "unknown-key",
    "referral-enum.yaml": "enum", "referral-negative-money.yaml": "money",
}
# The records the fixtures refer to, so that only their own mistake is wrong with them.
CONTEXT = {"partners/ueda.yaml": "id: ueda\nname: x\n",
           "contracts/c.yaml": "id: c\npartner: ueda\ntype: referral\nstart: 2026-01-01\nfees:\n  customer:\n"
                               "    rate: 10%\n"}


def test_every_broken_fixture_has_its_expected_code() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in BROKEN.glob("*.yaml"))


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.name)
def test_schemas_reject_the_broken_fixtures_as_haru_does(path: Path, tmp_path: Path) -> None:
    doc, problems = read_document(path, path.name)
    assert doc is not None and problems == []
    kind = path.name.split("-")[0]
    assert list(validator(kind).iter_errors(doc.data)), "the schema accepts it"
    # haru itself refuses the same file, placed where it belongs among the records it refers to.
    (tmp_path / "haru.yaml").write_text("", encoding="utf-8")
    for name, text in CONTEXT.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    folder = tmp_path / f"{kind}s" / ("2026" if kind == "meeting" else "")
    folder.mkdir(parents=True, exist_ok=True)
    stem = str(doc.data.get("id", "x")) if kind != "partner" or doc.data.get("id") != "Ueda" else "ueda"
    target = folder / f"{stem}.yaml"
    target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    relative = target.relative_to(tmp_path).as_posix()
    codes = {p.code for p in load_workspace(tmp_path).problems if p.path == relative and p.severity == "error"}
    assert EXPECTED[path.name] in codes, codes


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


# --- with the real check-jsonschema, as editors and pre-commit hooks use the schemas -------------------

CHECK = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHECK, "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True,
                          timeout=120)


def test_every_record_of_data_names_its_schema_and_check_jsonschema_agrees() -> None:
    by_schema: dict[Path, list[Path]] = {}
    for path in records():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        found = MODELINE.match(first)
        assert found, f"{path} has no yaml-language-server modeline"
        schema = (path.parent / found.group(1)).resolve()
        assert schema.is_file(), schema
        by_schema.setdefault(schema, []).append(path)
    # every kind of record data/ holds (all but certificates, which only `school certify` writes), and haru.yaml
    assert {p.name for p in by_schema} == {f"{k.name}.schema.json" for k in TYPES if k.name != "certificate"} | {
        "haru.schema.json"}
    for schema, files in by_schema.items():
        done = check_jsonschema(schema, *files)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("kind", "text", "accepted"), [
    ("contract", "id: c\npartner: p\ntype: consulting\nstart: 2026-04-01\nnotice: １ヶ月\nterm: ３ｍ\n"
                 "auto_renew: true\n", True),
    ("contract", "id: c\npartner: p\ntype: referral\nstart: 2026-04-01\nfees:\n  customer:\n    rate: １５％\n", True),
    ("partner", "id: p\nname: x\nsince: 1900-01-01\nkana:\nnotes:\ncadence:\n", True),
    ("partner", "id: p\nname: x\nsince: 2200-01-01\n", False),
    ("partner", "id: p\nname: x\ninvoice_number: T７０００１２０５０００２\n", False),
    ("meeting", "id: m\npartners: [p]\ndate: 2026-02-30\n", False),  # not a day of the calendar
])
def test_check_jsonschema_accepts_what_haru_accepts(tmp_path: Path, kind: str, text: str, accepted: bool) -> None:
    from haru_cli.load.validation import validate as to_record
    from haru_cli.load.yamlio import parse_yaml
    from haru_cli.records.registry import BY_NAME

    target = tmp_path / "record.yaml"
    target.write_text(text, encoding="utf-8")
    doc, problems = parse_yaml(text, "record.yaml")
    assert doc is not None
    haru_accepts = to_record(BY_NAME[kind].model, doc, "record.yaml", problems) is not None
    assert haru_accepts is accepted
    assert (check_jsonschema(DATA / "schemas" / f"{kind}.schema.json", target).returncode == 0) is accepted
