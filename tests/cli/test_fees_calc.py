"""haru fees calc: monthly fee statements as JSON, CSV, tables and Markdown."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.helpers import CLAWBACK, FEES, TODAY, Haru, WorkspaceFactory, payout, table_shapes


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
        "credit_pct": "100%", "deductible_tax": 12_345, "withholding_kind": "none",
        "paid": None, "paid_on": None, "settled": False,
    }
    assert by_partner["tanaka"]["lines"][0]["basis"] is None and by_partner["tanaka"]["lines"][0]["rate"] is None
    assert (by_partner["tanaka"]["withholding"], by_partner["tanaka"]["payable"]) == (5_105, 49_895)
    assert by_partner["tanaka"]["invoice_registered"] is False
    # unregistered: of October 2026's ¥5,000 tax HaRu may deduct 70% (経過措置 as amended by 令和8年度改正)
    assert (by_partner["tanaka"]["credit_pct"], by_partner["tanaka"]["deductible_tax"]) == ("70%", 3_500)
    assert by_partner["tanaka"]["withholding_kind"] == "fee"
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
                       "Payable", "Pay on", "Invoice no.", "Carried forward", "Credit share", "Deductible tax"]
    ueda = ["株式会社ウエダ", "0", "123456", "123456", "12345", "0", "135801", "2026-11-30", "T7000012050002", "0",
            "100%", "12345"]
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


def test_a_refund_settles_what_a_clawback_left_owing(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(CLAWBACK)
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


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "1899-12", "2200-01"])
def test_months_outside_the_records_years_are_usage_errors(workspace: WorkspaceFactory, haru: Haru,
                                                           month: str) -> None:
    root = workspace()
    assert haru("--data", root, "fees", "calc", "--month", month).exit_code == 2
    assert haru("--data", root, "report", "monthly", "--month", month).exit_code == 2
