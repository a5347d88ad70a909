"""haru new contract: a partner's (QUERY) or a vendor's (--vendor), one of the two."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    (root / "schemas").mkdir()
    return root


def test_new_contract_and_referral(ws: Path, haru: Haru) -> None:
    contract = haru("--data", ws, "new", "contract", "ueda", "--type", "consulting", "--start", "2026-04-01",
                    "--end", "2027-03-31", "--auto-renew", "--term", "1y", "--notice", "1m", "--amount", "300000",
                    "--per", "month", "--title", "生成AI社内導入支援")
    assert contract.exit_code == 0, contract.stderr
    assert (ws / "contracts" / "ueda-consulting-2026.yaml").exists()
    for expected in ("2026-ueda-002", "2026-ueda-003"):  # the base workspace holds 2026-ueda-001
        referral = haru("--data", ws, *TODAY, "new", "referral", "ウエダ", "--client", "株式会社サンプル")
        assert referral.exit_code == 0, referral.stderr
        assert (ws / "referrals" / f"{expected}.yaml").exists()
    assert load_workspace(ws).referrals["2026-ueda-003"].contract == "ueda-referral"  # the only fee contract


def test_a_vendor_s_contract(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(VENDORS)
    result = haru("--data", root, "new", "contract", "--vendor", "すたじお", "--type", "業務委託",
                  "--start", "2026-12-01", "--end", "2027-05-31", "--notice", "1m", "--title", "研修動画 第2期",
                  "--amount", "800000", "--per", "once")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("contracts/studio-outsourcing-2026.yaml")
    assert (root / "contracts" / "studio-outsourcing-2026.yaml").read_text(encoding="utf-8") == """\
id: studio-outsourcing-2026
vendor: studio
type: outsourcing
title: 研修動画 第2期
status: active
start: 2026-12-01
end: 2027-05-31
notice: 1m
value:
  amount: 800000
  per: once
"""
    ds = load_workspace(root)
    assert ds.problems == []
    assert (ds.contracts["studio-outsourcing-2026"].vendor, ds.contracts["studio-outsourcing-2026"].partner) == (
        "studio", None)


@pytest.mark.parametrize("owner", [[], ["ueda", "--vendor", "studio"]])
def test_a_partner_or_a_vendor_one_of_the_two(workspace: WorkspaceFactory, haru: Haru, owner: list[str]) -> None:
    root = workspace(VENDORS)
    result = haru("--data", root, "new", "contract", *owner, "--type", "nda", "--start", "2026-12-01")
    assert result.exit_code == 2
    assert "契約の相手を、パートナー（QUERY）か委託先（--vendor）のどちらか一方で指定してください" in result.stderr
    assert not (root / "contracts" / "ueda-nda-2026.yaml").exists()
    assert not (root / "contracts" / "studio-nda-2026.yaml").exists()


def test_a_vendor_s_contract_is_outsourcing_or_an_nda(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(VENDORS)
    result = haru("--data", root, "new", "contract", "--vendor", "eizo", "--type", "consulting",
                  "--start", "2026-12-01")
    assert result.exit_code == 1
    assert ("contracts/eizo-consulting-2026.yaml:3:7: error[contract-owner] type: "
            "委託先との契約は outsourcing か nda です（'consulting' ではなく）") in result.stderr
    assert not (root / "contracts" / "eizo-consulting-2026.yaml").exists()
    unknown = haru("--data", root, "new", "contract", "--vendor", "誰か", "--type", "nda", "--start", "2026-12-01")
    assert unknown.exit_code == 1 and "「誰か」に該当する委託先がありません" in unknown.stderr


def test_dry_run_writes_nothing(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(VENDORS)
    result = haru("--data", root, "new", "contract", "--vendor", "eizo", "--type", "nda", "--start", "2026-12-01",
                  "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "id: eizo-nda-2026\nvendor: eizo\ntype: nda\nstatus: active\nstart: 2026-12-01\n"
    assert not (root / "contracts" / "eizo-nda-2026.yaml").exists()


def test_help_names_the_vendor_option_in_both_languages(haru: Haru) -> None:
    japanese = " ".join(haru("new", "contract", "--help").stdout.split())  # as one line, wherever it wraps
    english = " ".join(haru("--lang", "en", "new", "contract", "--help").stdout.split())
    assert "haru new contract --vendor スタジオA --type 業務委託" in japanese and "[パートナー]" in japanese
    assert "haru new contract --vendor スタジオA --type outsourcing" in english
    assert "The vendor the contract is with" in english


def test_a_vendor_s_contract_with_its_deliverables(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"vendors/studio.yaml": "id: studio\nname: 株式会社スタジオA\nkana: スタジオエー\n"})
    result = haru("--data", root, "new", "contract", "--vendor", "スタジオエー", "--type", "業務委託",
                  "--start", "2026-10-01", "--deliverable", "ep1:第1話 編集版:2026-11-15",
                  "--deliverable", "ep2：第2話: 完成版：2026-12-15")
    assert result.exit_code == 0, result.stderr
    contract = load_workspace(root).contracts["studio-outsourcing-2026"]
    assert [(d.id, d.title, d.due.isoformat()) for d in contract.deliverables] == [
        ("ep1", "第1話 編集版", "2026-11-15"), ("ep2", "第2話: 完成版", "2026-12-15")]
    wrong = haru("--data", root, "new", "contract", "--vendor", "studio", "--type", "outsourcing",
                 "--start", "2026-10-01", "--id", "x", "--deliverable", "ep1:2026-11-15")
    assert wrong.exit_code == 2 and "'ep1:2026-11-15' は ID:題名:期日 ではありません" in wrong.stderr
