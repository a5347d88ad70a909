"""haru fees annual: the year's figures per partner — the statements of the year's months (December's
counted even when paid in January), what was unpaid at 12-31, whether the 支払調書 must be filed, and in
Markdown the 調書's content (SPEC §8.1)."""

from __future__ import annotations

import json

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory, payout

# 田中 (withholding: fee) also referred a student signed in December: fees of 2026-12, paid 2027-01-29.
DECEMBER = {
    **BANKED,
    "referrals/2026-tanaka-002.yaml": "id: 2026-tanaka-002\npartner: tanaka\ncontract: tanaka-referral\n"
                                      "kind: student\nclient: 受講生C\nreferred: 2026-11-20\nstatus: won\n"
                                      "deal: {signed: 2026-12-10, amount: 198000}\n",
}


def annual(haru: Haru, root: object, *args: str) -> dict[str, dict[str, object]]:
    result = haru("--data", root, "--today", "2027-02-15", "fees", "annual", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return {p["partner"]: p for p in json.loads(result.stdout)["partners"]}


def test_the_year_counts_december_and_says_what_was_unpaid_at_its_end(workspace: WorkspaceFactory,
                                                                      haru: Haru) -> None:
    root = workspace(DECEMBER)
    payout(root, "t", "partner: tanaka\nmonth: 2026-10\ndate: 2026-11-30\namount: 49895\n")
    (root / "payouts" / "2027").mkdir()
    (root / "payouts" / "2027" / "t2.yaml").write_text(
        "id: t2\npartner: tanaka\nmonth: 2026-12\ndate: 2027-01-29\namount: 49895\n", "utf-8")
    by_partner = annual(haru, root, "--year", "2026")
    assert by_partner["tanaka"] == {
        "partner": "tanaka", "name": "田中一郎", "entity": "individual", "withholding_applies": True,
        "withholding_kind": "fee", "subtotal": 100_000, "consumption_tax": 10_000, "withholding": 10_210,
        "payable": 99_790, "paid": 49_895, "unpaid": 49_895, "withholding_unpaid": 5_105, "subtotal_unpaid": 50_000,
        "report_required": True, "months": ["2026-10", "2026-12"]}
    ueda = by_partner["ueda"]
    assert (ueda["withholding_kind"], ueda["withholding_applies"], ueda["report_required"]) == ("none", False, False)
    assert ueda["months"] == ["2026-09", "2026-10"]
    assert "tanaka" not in annual(haru, root, "--year", "2027")  # its January payment is 2026's fees


def test_the_year_defaults_to_this_year(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(DECEMBER)
    result = haru("--data", root, *TODAY, "fees", "annual", "--format", "json")
    assert json.loads(result.stdout)["year"] == 2026


def test_filing_follows_the_kind_and_its_threshold(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A 報酬 above ¥50,000 in the year, a 外交員報酬 above ¥500,000; never without withholding."""
    def required(kind: str, fixed: int) -> bool:
        partner = f"id: tanaka\nname: 田中一郎\nentity: individual\nwithholding: {kind}\n"
        contract = ("id: tanaka-referral\npartner: tanaka\ntype: referral\nstart: 2026-01-01\n"
                    f"fees:\n  student:\n    fixed: {fixed}\n")
        root = workspace({**BANKED, "partners/tanaka.yaml": partner, "contracts/tanaka-referral.yaml": contract})
        return bool(annual(haru, root, "--year", "2026")["tanaka"]["report_required"])

    assert [required("fee", 50_000), required("fee", 50_001)] == [False, True]
    assert [required("salesperson", 500_000), required("salesperson", 500_001)] == [False, True]
    assert required("none", 900_000) is False


def test_the_md_is_the_slip_of_each_partner_with_withholding(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**DECEMBER, "haru.yaml": str(BANKED["haru.yaml"]) + "address: 東京都千代田区1-1\n"
                                                                          "corporate_number: '7000012050002'\n"})
    payout(root, "t", "partner: tanaka\nmonth: 2026-10\ndate: 2026-11-30\namount: 49895\n")
    md = haru("--data", root, "--today", "2027-02-15", "fees", "annual", "--year", "2026", "--format", "md").stdout
    assert "## 田中一郎" in md and "ウエダ" not in md  # the 調書 is of withholding
    assert "| 区分 | 報酬 |" in md and "| 細目 | 紹介手数料 |" in md
    assert "¥100,000（内 未払 ¥50,000）" in md and "¥10,210（内 未徴収 ¥5,105）" in md
    assert "消費税等 ¥10,000 を含めない" in md
    assert "必要（報酬の支払金額が年 ¥50,000 を超えるため）" in md
    assert "partners/tanaka.yaml の address に記入" in md  # 田中's address is not recorded
    assert "東京都千代田区1-1" in md and "7000012050002" in md and "株式会社" in md  # the payer
    en = haru("--data", root, "--lang", "en", "--today", "2027-02-15", "fees", "annual", "--year", "2026",
              "--format", "md").stdout
    assert "¥100,000 (of which unpaid: ¥50,000)" in en and "required (報酬 (fees) above ¥50,000" in en


def test_a_wrong_corporate_number_names_haru_yaml(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**BANKED, "haru.yaml": str(BANKED["haru.yaml"]) + "corporate_number: '1000012050002'\n"})
    result = haru("--data", root, "--lang", "en", "validate")
    assert result.exit_code == 1
    assert "haru.yaml:4:19: error[corporate-number] corporate_number: '1000012050002' has a wrong check digit" \
        in result.stdout
    unquoted = workspace({**BANKED, "haru.yaml": str(BANKED["haru.yaml"]) + "corporate_number: 7000012050002\n"})
    assert haru("--data", unquoted, "validate", "--strict").exit_code == 0  # a number is its digits
