"""haru new vendor: an outsourcing vendor from options — its id from a Latin name or the reading, its bank
account all or nothing, validated as the workspace will be, never over a file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import VENDORS, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace(VENDORS)
    (root / "schemas").mkdir()
    return root


STUDIO_A = """\
# yaml-language-server: $schema=../schemas/vendor.schema.json
id: sutajioe
name: 株式会社スタジオA
kana: スタジオエー
aliases: [スタジオA]
entity: corporation
invoice_number: T7000012050002
status: active
expertise: [動画制作, 研修コンテンツ]
contacts:
  - name: 山田
    email: yamada@example.jp
    key_person: true
bank:
  bank: "0001"
  branch: "001"
  number: "12345"
  holder: カ）スタジオエー
"""


def test_new_vendor_names_itself_from_its_reading(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "vendor", "株式会社スタジオA", "--kana", "スタジオエー", "--alias", "スタジオA",
                  "--entity", "法人", "--invoice-number", "T7000012050002", "--status", "取引中",
                  "--expertise", "動画制作", "--expertise", "研修コンテンツ", "--contact", "山田",
                  "--email", "yamada@example.jp", "--bank-code", "0001", "--branch", "001", "--account", "12345",
                  "--holder", "カ）スタジオエー")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("vendors/sutajioe.yaml")
    assert (ws / "vendors" / "sutajioe.yaml").read_text(encoding="utf-8") == STUDIO_A
    ds = load_workspace(ws)
    assert ds.problems == []
    vendor = ds.vendors["sutajioe"]
    assert (vendor.status, vendor.bank.number if vendor.bank else None) == ("active", "0012345")  # padded as banks do


def test_an_id_from_a_latin_name_and_the_next_free_one(ws: Path, haru: Haru) -> None:
    for expected in ("ucworld", "ucworld-2"):
        result = haru("--data", ws, "new", "vendor", "UCWORLD株式会社")
        assert result.exit_code == 0, result.stderr
        assert (ws / "vendors" / f"{expected}.yaml").is_file()
    assert load_workspace(ws).vendors["ucworld"].status == "candidate"  # a vendor starts as a candidate


def test_a_name_in_kanji_without_a_reading_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "vendor", "映像制作合同会社")
    assert result.exit_code == 2
    assert ("名前から委託先の ID を作れません: ID（英小文字・数字・-）を --id で指定するか、"
            "よみを --kana で指定してください（よみのローマ字から作ります）") in result.stderr
    assert not (ws / "vendors" / "eizou.yaml").exists()


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "vendor", "Studio B", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("# yaml-language-server: $schema=../schemas/vendor.schema.json\n"
                             "id: studio-b\nname: Studio B\nstatus: candidate\n")
    assert sorted(p.name for p in (ws / "vendors").iterdir()) == ["eizo.yaml", "studio.yaml"]


def test_half_a_bank_account_is_a_usage_error(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "vendor", "Studio B", "--bank-code", "0001", "--holder", "スタジオビー")
    assert result.exit_code == 2
    assert ("口座は --bank-code・--branch・--account・--holder の 4 つをそろえて指定してください"
            "（足りないもの: --branch, --account）") in result.stderr
    assert not (ws / "vendors" / "studio-b.yaml").exists()


def test_a_wrong_invoice_number_is_refused_by_the_validation(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "vendor", "Studio B", "--invoice-number", "T7000012050003")
    assert result.exit_code == 1
    assert ("vendors/studio-b.yaml:4:17: error[invoice-number] invoice_number: 'T7000012050003' のチェックディジットが"
            "誤っています（先頭は 6 のはず）。番号を確認してください") in result.stderr
    assert "何も書き込んでいません" in result.stderr
    assert not (ws / "vendors" / "studio-b.yaml").exists()


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "vendors" / "studio.yaml").read_bytes()
    result = haru("--data", ws, "new", "vendor", "別のスタジオ", "--id", "studio")
    assert result.exit_code == 1
    assert "vendors/studio.yaml は既にあります（haru はファイルを上書きしません）" in result.stderr
    assert (ws / "vendors" / "studio.yaml").read_bytes() == before


def test_edit_finishes_the_record_in_the_editor(ws: Path, haru: Haru, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys\npath = sys.argv[1]\ntext = open(path, encoding='utf-8').read()\n"
                      "open(path, 'w', encoding='utf-8').write(text + 'rates: 1本 30万円から\\n')\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = haru("--data", ws, "new", "vendor", "Studio B", "--edit")
    assert result.exit_code == 0, result.stderr
    assert load_workspace(ws).vendors["studio-b"].rates == "1本 30万円から"


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "vendor", "--help").stdout
    english = haru("--lang", "en", "new", "vendor", "--help").stdout
    assert "例: haru new vendor 株式会社スタジオA --kana スタジオエー" in japanese and "口座名義" in japanese
    assert "Example: haru new vendor 株式会社スタジオA --kana スタジオエー" in english
    assert "--bank-code" in english and "candidate=候補" in japanese
