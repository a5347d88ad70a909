"""haru fees calc | statement."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import FEES, MARKED, TODAY, Haru, WorkspaceFactory, markup_from, table_shapes


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(FEES))


def test_calc_json_defaults_to_the_previous_month(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "fees", "calc", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["month"] == "2026-10"
    assert [s["partner"] for s in data["statements"]] == ["ueda", "tanaka"]  # by reading: ウエダ, タナカ
    by_partner = {s["partner"]: s for s in data["statements"]}
    assert by_partner["ueda"] == {
        "partner": "ueda", "name": "株式会社ウエダ",
        "lines": [{"referral": "2026-ueda-001", "contract": "ueda-referral", "kind": "customer",
                   "client": "株式会社サンプル物流", "date": "2026-10-30", "basis": "paid", "rate": "15%",
                   "amount": 123_456, "event": "payment", "payout": None}],
        "carried_in": 0, "subtotal": 123_456, "consumption_tax": 12_345, "withholding": 0, "payable": 135_801,
        "carry_forward": 0, "pay_on": "2026-11-30", "invoice_number": "T7000012050002", "invoice_registered": True,
        "paid": None, "paid_on": None, "settled": False,
    }
    assert by_partner["tanaka"]["lines"][0]["basis"] is None and by_partner["tanaka"]["lines"][0]["rate"] is None
    assert (by_partner["tanaka"]["withholding"], by_partner["tanaka"]["payable"]) == (5_105, 49_895)
    assert by_partner["tanaka"]["invoice_registered"] is False
    assert data["total_payable"] == 135_801 + 49_895


def test_calc_partner_filter_and_other_month(ws: str, haru: Haru) -> None:
    data = json.loads(haru("--data", ws, *TODAY, "fees", "calc", "--month", "2026-09", "--partner", "うえだ",
                           "--format", "json").stdout)
    assert [(s["partner"], s["subtotal"]) for s in data["statements"]] == [("ueda", 45_000)]
    empty = json.loads(haru("--data", ws, "fees", "calc", "--month", "2025-01", "--format", "json").stdout)
    assert empty == {"month": "2025-01", "statements": [], "total_payable": 0, "complete": True, "incomplete": []}


def test_calc_csv_has_one_row_per_statement(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "--lang", "en", "fees", "calc", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[0] == ["Partner", "Carried in", "This month's fees", "Subtotal", "Consumption tax", "Withholding",
                       "Payable", "Pay on", "Invoice no.", "Carried forward"]
    ueda = ["株式会社ウエダ", "0", "123456", "123456", "12345", "0", "135801", "2026-11-30", "T7000012050002", "0"]
    assert ueda in rows


def test_calc_table_and_markdown(ws: str, haru: Haru) -> None:
    table = haru("--data", ws, *TODAY, "fees", "calc")
    assert "¥135,801" in table.stdout and "2026-11-30" in table.stdout and "未登録" in table.stdout
    markdown = haru("--data", ws, *TODAY, "fees", "calc", "--format", "md").stdout
    shapes = table_shapes(markdown)
    assert shapes and all(cells == header for header, rows in shapes for cells in rows)


def test_wrong_month_is_a_usage_error(ws: str, haru: Haru) -> None:
    assert haru("--data", ws, "fees", "calc", "--month", "2026-13").exit_code == 2
    assert haru("--data", ws, "fees", "calc", "--month", "October").exit_code == 2


def test_statement_markdown(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "fees", "statement", "田中", "--month", "2026-10")
    assert result.exit_code == 0
    text = result.stdout
    for line in ("# 支払明細書", "**田中一郎 様**", "| 発行者 | テスト株式会社 |",
                 "| 対象月 | 2026年10月分（月末締め） |", "| 支払予定日 | 2026年11月30日 |",
                 "| 源泉徴収税額 | ¥5,105 |", "| **差引支払額** | **¥49,895** |"):
        assert line in text, line
    assert "受講生A \\| 株式会社\\[B\\]" in text  # data escaped, table intact
    assert "経過措置" in text  # no registration number
    shapes = table_shapes(text)
    assert len(shapes) == 3 and all(cells == header for header, rows in shapes for cells in rows)


def test_a_statement_shows_names_and_paths_from_the_data_as_text(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(MARKED), *TODAY, "fees", "statement", "tanaka", "--month", "2026-10")
    assert "onerror" in result.stdout and "evil" in result.stdout
    assert markup_from(result.stdout) == []


def test_statement_in_english_and_registered(ws: str, haru: Haru) -> None:
    text = haru("--data", ws, *TODAY, "--lang", "en", "fees", "statement", "ueda", "--month", "2026-10").stdout
    assert "# Referral fee statement" in text and "| Invoice no. | T7000012050002 |" in text
    assert "transitional" not in text


def test_statement_written_to_a_new_file_never_over_one(ws: str, haru: Haru, tmp_path: Path) -> None:
    target = tmp_path / "out" / "statement.md"
    target.parent.mkdir()
    first = haru("--data", ws, *TODAY, "fees", "statement", "ueda", "--month", "2026-10", "-o", target)
    assert first.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# 支払明細書")
    target.write_text("edited by hand\n", encoding="utf-8")
    second = haru("--data", ws, *TODAY, "fees", "statement", "ueda", "--month", "2026-10", "-o", target)
    assert second.exit_code == 1 and "上書き" in second.stderr
    assert target.read_text(encoding="utf-8") == "edited by hand\n"
    assert [p.name for p in target.parent.iterdir()] == ["statement.md"]  # no temporary file left


def test_statement_workspace_template_overrides_the_shipped_one(ws: str, haru: Haru) -> None:
    (Path(ws) / "templates").mkdir()
    (Path(ws) / "templates" / "fees_statement.md.j2").write_text(
        "{{ partner.name }}: {{ statement.payable | yen }}\n", encoding="utf-8")
    result = haru("--data", ws, *TODAY, "fees", "statement", "ueda", "--month", "2026-10")
    assert result.stdout == "株式会社ウエダ: ¥135,801\n"


def test_statement_without_fees(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, "--lang", "en", "fees", "statement", "ueda", "--month", "2025-01")
    assert result.exit_code == 1 and result.stderr == "haru: 株式会社ウエダ has no fees for 2025-01\n"


def test_help(haru: Haru) -> None:
    assert "Example: haru fees calc" in haru("--lang", "en", "fees", "calc", "--help").stdout
    assert "Example: haru fees statement" in haru("--lang", "en", "fees", "statement", "--help").stdout


def test_upcoming_lists_payouts(ws: str, haru: Haru) -> None:
    data = json.loads(haru("--data", ws, *TODAY, "upcoming", "--within", "7d", "--format", "json").stdout)
    payouts = [(i["partner"], i["date"], i["subject"], i["amount"]) for i in data["items"] if i["kind"] == "payout"]
    assert payouts == [("tanaka", "2026-11-30", "2026-10", 49_895), ("ueda", "2026-11-30", "2026-10", 135_801)]
    table = haru("--data", ws, *TODAY, "upcoming", "--within", "7d").stdout
    assert "2026-10 ¥135,801" in table


def test_partner_show_has_this_fiscal_years_fees(ws: str, haru: Haru) -> None:
    data = json.loads(haru("--data", ws, *TODAY, "partner", "show", "ueda", "--format", "json").stdout)
    # Accrued: 45,000 (Sep) + 123,456 (Oct), tax excluded. September's 49,500 was due on 2026-10-30; no payment
    # is recorded, so it is unpaid.
    assert data["fees"] == {"fiscal_year_accrued": 168_456, "fiscal_year_paid": 0, "unpaid": 49_500, "incomplete": []}
    (Path(ws) / "payouts" / "2026").mkdir(parents=True)
    (Path(ws) / "payouts" / "2026" / "2026-10-30-ueda.yaml").write_text(
        "id: 2026-10-30-ueda\npartner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\n", encoding="utf-8")
    paid = json.loads(haru("--data", ws, *TODAY, "partner", "show", "ueda", "--format", "json").stdout)
    assert paid["fees"] == {"fiscal_year_accrued": 168_456, "fiscal_year_paid": 49_500, "unpaid": 0, "incomplete": []}


@pytest.mark.parametrize(("month", "note"), [("2026-09", "経過措置の範囲（80%）"), ("2026-10", "経過措置の範囲（50%）"),
                                             ("2029-10", "仕入税額控除の対象になりません")])
def test_the_transitional_share_follows_when_the_fees_arose(workspace: WorkspaceFactory, haru: Haru, month: str,
                                                            note: str) -> None:
    root = workspace({**FEES, "referrals/2026-tanaka-001.yaml": (
        f"id: 2026-tanaka-001\npartner: tanaka\ncontract: tanaka-referral\nkind: student\nclient: A\n"
        f"referred: 2026-01-05\nstatus: won\ndeal: {{signed: {month}-05, amount: 1}}\n")})
    result = haru("--data", root, "fees", "statement", "tanaka", "--month", month)
    assert result.exit_code == 0, result.stderr
    assert note in result.stdout


def test_no_transitional_note_before_the_invoice_system(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, "referrals/2021-tanaka-001.yaml": (
        "id: 2021-tanaka-001\npartner: tanaka\ncontract: tanaka-referral\nkind: student\nclient: A\n"
        "referred: 2021-05-01\nstatus: won\ndeal: {signed: 2021-05-05, amount: 1}\n"),
        "contracts/tanaka-referral.yaml": "id: tanaka-referral\npartner: tanaka\ntype: referral\nstart: 2021-01-01\n"
                                          "fees:\n  student:\n    fixed: 50000\n"})
    result = haru("--data", root, "fees", "statement", "tanaka", "--month", "2021-05")
    assert result.exit_code == 0, result.stderr
    assert "経過措置" not in result.stdout and "仕入税額控除" not in result.stdout


def test_a_statement_with_a_carried_balance_adds_up_on_paper(workspace: WorkspaceFactory, haru: Haru) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                "fees:\n  student:\n    fixed: 30000\n    clawback: 3m\n")
    cancelled = ("id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\nkind: student\nclient: A\n"
                 "referred: 2026-06-01\nstatus: cancelled\ndeal: {signed: 2026-07-01}\ncancelled: 2026-08-15\n")
    later = ("id: 2026-ueda-002\npartner: ueda\ncontract: ueda-referral\nkind: student\nclient: B\n"
             "referred: 2026-08-20\nstatus: won\ndeal: {signed: 2026-09-10}\n")
    root = workspace({"contracts/ueda-referral.yaml": contract, "referrals/2026-ueda-001.yaml": cancelled,
                      "referrals/2026-ueda-002.yaml": later,
                      "meetings/2026/2026-11-10-ueda-regular.yaml": None})
    august = haru("--data", root, *TODAY, "fees", "statement", "ueda", "--month", "2026-08").stdout
    assert "| 発行日 | 2026年11月27日 |" in august
    assert "| 差引 | -¥30,000 |" in august and "| 翌月への繰越（マイナス残高） | -¥30,000 |" in august
    assert "| 小計 | ¥0 |" in august
    september = haru("--data", root, *TODAY, "fees", "statement", "ueda", "--month", "2026-09").stdout
    assert "| 前月からの繰越（マイナス残高） | | | | | -¥30,000 |" in september
    assert "| **差引** | | | | | **¥0** |" in september
    assert "| 登録番号 | T7000012050002 |" in august
    calc = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-08").stdout
    assert "登録番号" in calc


def test_a_skipped_contract_is_said_beside_the_fees_it_changes(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\ntype: referral\nstart: [\n"})
    statement = haru("--data", root, *TODAY, "--lang", "en", "fees", "statement", "ueda", "--month", "2026-07")
    assert statement.exit_code == 1 and "may be incomplete" in statement.stderr
    assert "contracts/ueda-referral.yaml" in statement.stderr
    shown = haru("--data", root, *TODAY, "partner", "show", "ueda")
    assert shown.exit_code == 1 and "不完全" in shown.stdout
    calc = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-07", "--format", "json")
    assert calc.exit_code == 1 and json.loads(calc.stdout)["incomplete"] == ["contracts/ueda-referral.yaml",
                                                                             "referrals/2026-ueda-001.yaml"]


def test_upcoming_says_a_payout_may_be_missing_when_a_fee_file_is_skipped(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    root = workspace({**FEES, "contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\nstart: [\n"})
    result = haru("--data", root, "--today", "2026-11-01", "--lang", "en", "upcoming", "--within", "60d")
    assert result.exit_code == 1 and "may be incomplete" in result.stderr  # ウエダ's payout is gone from the list
    assert "contracts/ueda-referral.yaml" in result.stderr


def test_a_broken_haru_yaml_makes_every_amount_incomplete(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, "haru.yaml": "tax:\n  rate: 8%\n  rouding: floor\n"})  # 8% is not applied
    calc = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-10", "--format", "json")
    assert calc.exit_code == 1 and json.loads(calc.stdout)["incomplete"] == ["haru.yaml"]
    statement = haru("--data", root, *TODAY, "fees", "statement", "ueda", "--month", "2026-10", "-o", "-")
    assert statement.exit_code == 1 and "haru.yaml" in statement.stderr
    assert haru("--data", root, *TODAY, "report", "monthly", "--month", "2026-10").exit_code == 1
    assert haru("--data", root, *TODAY, "validate").exit_code == 1


def test_a_month_may_be_typed_in_full_width_digits_but_not_in_other_scripts(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    root = workspace()
    assert haru("--data", root, "fees", "calc", "--month", "２０２６－０７").exit_code == 0
    other = haru("--data", root, "fees", "calc", "--month", "٢٠٢٦-07")  # Arabic-Indic digits
    assert other.exit_code == 2 and "--month" in other.stderr
    assert haru("--data", root, "--today", "２０２６-１１-２７", "upcoming").exit_code == 0
