"""haru new partner: ids from names, never over a file, nothing left by an interrupted write."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.helpers import Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    (root / "schemas").mkdir()
    return root


def test_new_partner(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "partner", "株式会社S.P.COM", "--id", "spcom", "--kana", "エスピーコム",
                  "--contact", "小向", "--email", "komukai@example.jp", "--cadence", "monthly", "--since", "2025-10-01",
                  "--synergy", "case_study", "--expertise", "看板製作", "--expertise", "Notion")
    assert result.exit_code == 0, result.stderr
    text = (ws / "partners" / "spcom.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/partner.schema.json\nid: spcom\n")
    ds = load_workspace(ws)
    assert ds.problems == []
    spcom = ds.partners["spcom"]
    assert (spcom.name, spcom.contacts[0].name, spcom.contacts[0].key_person) == ("株式会社S.P.COM", "小向", True)
    assert spcom.expertise == ["看板製作", "Notion"]


def test_partner_id_from_an_ascii_name_or_asked_for(ws: Path, haru: Haru) -> None:
    assert haru("--data", ws, "new", "partner", "UCWORLD Inc.").exit_code == 0
    assert (ws / "partners" / "ucworld-inc.yaml").exists()
    result = haru("--data", ws, "new", "partner", "株式会社マナテック")
    assert result.exit_code == 2 and "--id" in result.stderr


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "partners" / "ueda.yaml").read_bytes()
    result = haru("--data", ws, "--lang", "en", "new", "partner", "別の会社", "--id", "ueda")
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert (ws / "partners" / "ueda.yaml").read_bytes() == before


def test_an_interrupted_write_leaves_everything_as_it_was(ws: Path, haru: Haru,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", fail)
    result = haru("--data", ws, "--lang", "en", "new", "partner", "Acme", "--id", "acme")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert sorted(p.name for p in (ws / "partners").iterdir()) == ["ueda.yaml"]  # no file, no temporary file


def test_the_draft_links_the_workspace_schema_by_its_full_path(ws: Path, haru: Haru, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "seen.yaml"
    script = tmp_path / "peek.py"
    script.write_text(f"import shutil, sys\nshutil.copy(sys.argv[1], {str(seen)!r})\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert haru("--data", ws, "new", "partner", "Acme", "--edit").exit_code == 0
    schema = (ws / "schemas" / "partner.schema.json").resolve()
    assert seen.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema={schema}"
    written = (ws / "partners" / "acme.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[0] == "# yaml-language-server: $schema=../schemas/partner.schema.json"


def test_a_name_without_latin_letters_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "partner", "テスト")
    assert result.exit_code == 2 and "--id で指定してください" in result.stderr and "internal" not in result.stderr


def test_a_long_id_is_refused_before_any_io(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(), "--lang", "en", "new", "partner", "X", "--id", "a" * 300)
    assert result.exit_code == 2 and "is not an id" in result.stderr and "Traceback" not in result.stderr


def test_new_partner_with_a_withholding_kind(ws: Path, haru: Haru) -> None:
    """An individual under contract who refers customers continuously: a 外交員 (salesperson)."""
    result = haru("--data", ws, "new", "partner", "山田太郎", "--id", "yamada", "--entity", "個人",
                  "--withholding", "外交員報酬", "--address", "東京都港区1-1")
    assert result.exit_code == 0, result.stderr
    yamada = load_workspace(ws).partners["yamada"]
    assert (yamada.entity, yamada.withholding_kind, yamada.address) == ("individual", "salesperson", "東京都港区1-1")
    corporation = haru("--data", ws, "new", "partner", "株式会社テスト", "--id", "test", "--withholding", "fee")
    assert corporation.exit_code == 1 and "withholding" in corporation.stderr  # validated before it is written
    assert not (ws / "partners" / "test.yaml").exists()
    wrong = haru("--data", ws, "new", "partner", "x", "--withholding", "yes")
    assert wrong.exit_code == 2 and "none, fee, salesperson" in wrong.stderr


def test_new_partner_with_the_bank_account_its_fees_are_paid_to(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "partner", "田中一郎", "--id", "tanaka", "--entity", "個人",
                  "--bank-code", "０００１", "--branch", "001", "--account", "1234567", "--holder", "タナカ イチロウ",
                  "--account-type", "普通")
    assert result.exit_code == 0, result.stderr
    assert (ws / "partners" / "tanaka.yaml").read_text(encoding="utf-8") == """\
# yaml-language-server: $schema=../schemas/partner.schema.json
id: tanaka
name: 田中一郎
entity: individual
status: active
bank:
  bank: "0001"
  branch: "001"
  type: ordinary
  number: "1234567"
  holder: タナカ イチロウ
"""
    ds = load_workspace(ws)
    assert ds.problems == []
    bank = ds.partners["tanaka"].bank
    assert bank is not None and (bank.bank, bank.number) == ("0001", "1234567")  # full-width digits read as ASCII


@pytest.mark.parametrize(("options", "missing"), [
    (["--bank-code", "0001", "--branch", "001", "--account", "1234567"], "--holder"),
    (["--holder", "タナカ"], "--bank-code, --branch, --account"),
    (["--account-type", "当座"], "--bank-code, --branch, --account, --holder"),
])
def test_a_bank_account_is_all_four_options_or_none(ws: Path, haru: Haru, options: list[str], missing: str) -> None:
    result = haru("--data", ws, "new", "partner", "田中一郎", "--id", "tanaka", *options)
    assert result.exit_code == 2
    assert ("口座は --bank-code・--branch・--account・--holder の 4 つをそろえて指定してください"
            f"（足りないもの: {missing}）") in result.stderr
    assert not (ws / "partners" / "tanaka.yaml").exists()


def test_a_bank_not_in_the_zengin_list_is_refused(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "partner", "田中一郎", "--id", "tanaka", "--bank-code", "9999",
                  "--branch", "001", "--account", "1", "--holder", "タナカ")
    assert result.exit_code == 1
    assert "partners/tanaka.yaml:6:9: error[bank] bank: 金融機関コード '9999' は全銀の一覧にありません" in result.stderr
    assert not (ws / "partners" / "tanaka.yaml").exists()


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "partner", "--help").stdout
    english = haru("--lang", "en", "new", "partner", "--help").stdout
    assert "例: haru new partner 株式会社ウエダ" in japanese and "--bank-code NNNN" in japanese
    assert "口座名義（カナ。カ）ウエダ のように）" in japanese
    assert "Example: haru new partner" in english and "The account holder's name in kana" in english


def test_an_id_from_the_reading_when_the_name_is_japanese(ws: Path, haru: Haru) -> None:
    done = haru("--data", ws, "new", "partner", "株式会社シャインリンケージ", "--kana", "シャインリンケージ")
    assert done.exit_code == 0, done.stderr
    assert (ws / "partners" / "shainrinkeji.yaml").is_file()  # the legal form aside, the reading romanized
    latin = haru("--data", ws, "new", "partner", "株式会社S.P.COM")
    assert latin.exit_code == 0 and (ws / "partners" / "s-p-com.yaml").is_file()
    none = haru("--data", ws, "new", "partner", "山田太郎")
    assert none.exit_code == 2 and "--id" in none.stderr


def test_synergies_by_their_japanese_labels(ws: Path, haru: Haru) -> None:
    done = haru("--data", ws, "new", "partner", "株式会社ミドリ", "--kana", "ミドリ", "--synergy", "顧客紹介",
                "--synergy", "case_study")
    assert done.exit_code == 0, done.stderr
    assert load_workspace(ws).partners["midori"].synergies == ["customer_referral", "case_study"]
