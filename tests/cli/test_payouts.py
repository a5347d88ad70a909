"""Money actually paid (SPEC §8.1): payout records, refunds, what is unpaid, the 全銀 transfer file read
back field by field, and the year's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory


def payout(root: Path, record_id: str, text: str) -> None:
    (root / "payouts" / "2026").mkdir(parents=True, exist_ok=True)
    (root / "payouts" / "2026" / f"{record_id}.yaml").write_text(f"id: {record_id}\n{text}", encoding="utf-8")


def test_fees_pay_records_the_payable_and_unpaid_drops_it(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    unpaid = json.loads(haru("--data", root, *TODAY, "fees", "unpaid", "--format", "json").stdout)
    assert [(s["partner"], s["month"], s["payable"]) for s in unpaid["statements"]] == [("ueda", "2026-09", 49500)]
    assert set(unpaid) == {"today", "statements", "total", "complete", "incomplete"} and unpaid["total"] == 49500
    assert unpaid["complete"] is True
    paid = haru("--data", root, *TODAY, "fees", "pay", "ueda", "--month", "2026-09", "--date", "2026-10-30")
    assert paid.exit_code == 0, paid.stderr
    written = root / "payouts" / "2026" / "2026-10-30-ueda.yaml"
    assert "amount: 49500" in written.read_text(encoding="utf-8") and "month: 2026-09" in written.read_text("utf-8")
    assert json.loads(haru("--data", root, *TODAY, "fees", "unpaid", "--format", "json").stdout)["statements"] == []
    calc = json.loads(haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-09", "--format", "json").stdout)
    [ueda] = calc["statements"]
    assert (ueda["paid"], ueda["paid_on"], ueda["settled"]) == (49500, "2026-10-30", True)
    again = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-09")
    assert again.exit_code == 1 and "error[duplicate-payout]" in again.stderr


def test_a_payment_checks_against_its_statement(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    payout(root, "p1", "partner: ueda\nmonth: 2026-08\ndate: 2026-09-30\namount: 1000\n")  # no fees in August
    payout(root, "p2", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\n")
    result = haru("--data", root, "--lang", "en", "validate")
    assert "payouts/2026/p1.yaml:3:8: error[payout-statement] ueda has no statement for 2026-08" in result.stdout
    # The referral edited after it was paid: nothing is recomputed silently, it is said.
    referral = root / "referrals" / "2026-ueda-001.yaml"
    referral.write_text(referral.read_text("utf-8").replace("2026-09-30, amount: 300000", "2026-09-30, amount: 400000"),
                        "utf-8")
    (root / "payouts" / "2026" / "p1.yaml").unlink()
    warned = haru("--data", root, "--lang", "en", "validate", "--format", "json")
    [problem] = json.loads(warned.stdout)["problems"]
    assert (problem["code"], problem["severity"]) == ("payout-mismatch", "warning")
    assert problem["message"] == ("amount: 49500 differs from 2026-09's payable, 66000 "
                                  "(paid in part, or the statement changed after)")


def test_a_refund_settles_what_a_clawback_left_owing(workspace: WorkspaceFactory, haru: Haru) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                "fees:\n  customer:\n    fixed: 30000\n    clawback: 6m\n")
    referral = ("id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\nclient: x\nreferred: 2026-06-01\n"
                "status: cancelled\ndeal: {signed: 2026-07-01}\ncancelled: 2026-08-10\n")
    root = workspace({"contracts/ueda-referral.yaml": contract, "referrals/2026-ueda-001.yaml": referral})
    payout(root, "paid-july", "partner: ueda\nmonth: 2026-07\ndate: 2026-08-31\namount: 33000\n")
    august = json.loads(haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-08", "--format", "json").stdout)
    assert august["statements"][0]["carry_forward"] == -30000  # the clawback: ウエダ owes it back
    refund = haru("--data", root, *TODAY, "fees", "pay", "ueda", "--month", "2026-09", "--date", "2026-09-15",
                  "--amount", "30000", "--refund")
    assert refund.exit_code == 0, refund.stderr
    september = json.loads(haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-09", "--format",
                                "json").stdout)
    [statement] = september["statements"]
    assert [(line["event"], line["amount"], line["referral"]) for line in statement["lines"]] == [
        ("refund", 30000, None)]
    assert (statement["carried_in"], statement["payable"], statement["carry_forward"]) == (-30000, 0, 0)
    october = json.loads(haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-10", "--format", "json").stdout)
    assert october["statements"] == []  # settled: nothing carries on


def read_zengin(raw: bytes) -> list[dict[str, str]]:
    """The 全銀 総合振込 layout, read independently of haru: (name, start, length) per record kind."""
    layout = {
        "1": [("kind", 0, 1), ("type", 1, 2), ("code", 3, 1), ("requester_code", 4, 10), ("requester", 14, 40),
              ("day", 54, 4), ("bank", 58, 4), ("bank_name", 62, 15), ("branch", 77, 3), ("branch_name", 80, 15),
              ("account_type", 95, 1), ("number", 96, 7), ("dummy", 103, 17)],
        "2": [("kind", 0, 1), ("bank", 1, 4), ("bank_name", 5, 15), ("branch", 20, 3), ("branch_name", 23, 15),
              ("clearing", 38, 4), ("account_type", 42, 1), ("number", 43, 7), ("holder", 50, 30),
              ("amount", 80, 10), ("new", 90, 1), ("customer1", 91, 10), ("customer2", 101, 10),
              ("designation", 111, 1), ("mark", 112, 1), ("dummy", 113, 7)],
        "8": [("kind", 0, 1), ("count", 1, 6), ("total", 7, 12), ("dummy", 19, 101)],
        "9": [("kind", 0, 1), ("dummy", 1, 119)],
    }
    records = raw.split(b"\r\n")
    assert all(len(record) == 120 for record in records)
    read = []
    for record in records:
        fields = layout[record[:1].decode()]
        assert sum(length for _, _, length in fields) == 120
        read.append({name: record[start:start + length].decode("cp932") for name, start, length in fields})
    return read


def test_the_transfer_file_reads_back_field_by_field(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    root = workspace(BANKED)
    target = tmp_path / "2026-10.txt"
    result = haru("--data", root, *TODAY, "fees", "transfer", "--month", "2026-10", "-o", target)
    assert result.exit_code == 1  # 田中一郎 has no bank account: named and left out
    assert "田中一郎" in result.stderr and target.is_file()
    header, data, trailer, end = read_zengin(target.read_bytes())
    assert (header["kind"], header["type"], header["code"], header["requester_code"]) == ("1", "21", "0", "0000000001")
    assert header["requester"].rstrip() == "ｶﾌﾞｼｷｶﾞｲｼﾔ ﾃｽﾄ" and header["day"] == "1130"  # the pay date, MMDD
    assert (header["bank"], header["bank_name"].rstrip(), header["branch"]) == ("0001", "ﾐｽﾞﾎ", "001")
    assert (data["bank"], data["branch"], data["account_type"], data["number"]) == ("0005", "001", "1", "1234567")
    assert data["bank_name"].rstrip() == "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ" and data["branch_name"].rstrip() == "ﾎﾝﾃﾝ"  # from zengin-code
    assert (data["holder"].rstrip(), data["amount"]) == ("ｶ)ｳｴﾀﾞ", "0000135801")
    assert (trailer["count"], trailer["total"]) == ("000001", "000000135801")
    assert end["dummy"] == " " * 119
    again = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--month", "2026-10", "-o", target)
    assert again.exit_code == 1 and "already" in again.stderr  # never over a file


def test_a_holder_no_bank_takes_is_an_error_naming_the_record(workspace: WorkspaceFactory, haru: Haru) -> None:
    partner = str(BANKED["partners/ueda.yaml"])
    root = workspace({**BANKED, "partners/ueda.yaml": partner.replace("カ）ウエダ", "上田商事")})
    result = haru("--data", root, "--lang", "en", "validate")
    assert "partners/ueda.yaml:9:11: error[bank] bank.holder: '上田商事' holds '上', which banks" in result.stdout
    unknown = workspace({**BANKED, "partners/ueda.yaml": partner.replace("bank: 5", "bank: 9998")})
    said = haru("--data", unknown, "--lang", "en", "validate").stdout
    assert "error[bank] bank: bank code '9998' is not in the 全銀 list" in said


def test_the_year_per_partner(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    payout(root, "t", "partner: tanaka\nmonth: 2026-10\ndate: 2026-11-30\namount: 49895\n")
    data = json.loads(haru("--data", root, *TODAY, "fees", "annual", "--year", "2026", "--format", "json").stdout)
    by_partner = {p["partner"]: p for p in data["partners"]}
    assert by_partner["tanaka"] == {"partner": "tanaka", "name": "田中一郎", "entity": "individual",
                                    "withholding_applies": True, "subtotal": 50000, "consumption_tax": 5000,
                                    "withholding": 5105, "payable": 49895, "paid": 49895, "months": ["2026-10"]}
    assert by_partner["ueda"]["months"] == ["2026-09", "2026-10"]  # October's is paid on 2026-11-30, in 2026
    summary = haru("--data", root, *TODAY, "fees", "annual", "--year", "2026", "--format", "md")
    assert "田中一郎" in summary.stdout and "ウエダ" not in summary.stdout  # the 支払調書 is of withholding
    assert "¥5,105" in summary.stdout


@pytest.mark.parametrize("written", ["bank: 1", "bank: '0001'"])
def test_codes_keep_their_zeros_however_written(workspace: WorkspaceFactory, haru: Haru, written: str) -> None:
    partner = str(BANKED["partners/ueda.yaml"]).replace("bank: 5", written)
    root = workspace({**BANKED, "partners/ueda.yaml": partner})
    shown = json.loads(haru("--data", root, "partner", "show", "ueda", "--format", "json").stdout)
    assert shown["bank"]["bank"] == "0001" and shown["bank"]["branch"] == "001"


def test_a_refund_cannot_turn_into_fees_owed(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A refund settles a negative balance; more than that would become fees HaRu owes, with tax."""
    root = workspace(BANKED)
    too_much = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-09", "--refund",
                    "--amount", "5000", "--date", "2026-10-01")
    assert too_much.exit_code == 1
    assert "error[payout-refund]" in too_much.stderr and "owed back in 2026-09, 0" in too_much.stderr
    assert not (root / "payouts").exists()
    no_amount = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-09", "--refund")
    assert no_amount.exit_code == 1 and "give the amount refunded" in no_amount.stderr
    no_month = haru("--data", root, *TODAY, "--lang", "en", "fees", "pay", "ueda", "--month", "2026-05")
    assert no_month.exit_code == 1 and "has no fees for 2026-05" in no_month.stderr


def test_a_payout_file_with_errors_leaves_what_is_paid_unknown(
    workspace: WorkspaceFactory, haru: Haru, tmp_path: Path
) -> None:
    """A payment that cannot be read may have been made: the figures say so, and no transfer file pays it again."""
    root = workspace(BANKED)
    payout(root, "typo", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\nnotes: x\n")
    unpaid = haru("--data", root, *TODAY, "fees", "unpaid")
    assert unpaid.exit_code == 1 and "payouts/2026/typo.yaml" in unpaid.stderr
    shown = haru("--data", root, *TODAY, "partner", "show", "ueda")
    assert shown.exit_code == 1 and "payouts/2026/typo.yaml" in shown.stderr
    out = tmp_path / "transfer.txt"
    refused = haru("--data", root, *TODAY, "fees", "transfer", "--month", "2026-09", "-o", out)
    assert refused.exit_code == 1 and "二重に支払う" in refused.stderr and not out.exists()


def test_a_holder_longer_than_the_bank_takes_is_an_error_of_the_record(workspace: WorkspaceFactory, haru: Haru) -> None:
    long_name = "カブシキガイシャユーシーワールドマーケティングアンドコンサルティング"  # 37 places in bank kana
    partner = str(BANKED["partners/ueda.yaml"]).replace("カ）ウエダ", long_name)
    result = haru("--data", workspace({**BANKED, "partners/ueda.yaml": partner}), "--lang", "en", "validate")
    assert result.exit_code == 1
    assert "error[bank] bank.holder:" in result.stdout and "over 30 characters" in result.stdout


def test_unpaid_is_the_same_in_partner_show_and_fees_unpaid(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(BANKED)
    payout(root, "part", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 20000\n")  # paid in part
    shown = json.loads(haru("--data", root, *TODAY, "partner", "show", "ueda", "--format", "json").stdout)
    unpaid = json.loads(haru("--data", root, *TODAY, "fees", "unpaid", "--format", "json").stdout)
    assert shown["fees"]["unpaid"] == unpaid["total"] == 0  # the payment stands; validate warns payout-mismatch
    warned = haru("--data", root, "validate").stdout
    assert "warning[payout-mismatch]" in warned
