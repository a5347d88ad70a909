"""haru fees journal: the entries of statements and payouts as マネーフォワード クラウド会計's 仕訳帳 import and
freee's 取引 import. Every file is read back by checkers of each product's documented layout written here,
apart from haru's writer (docs/commands.md, Sources): the header, the columns of every row, how an entry's
rows belong together, dates, amounts, tax classes for the day, balance — and the totals against the
statements (`fees calc`) and the payout records."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import BANKED, CLAWBACK, TODAY, Haru, WorkspaceFactory, payout

MF_HEADER = ("取引No,取引日,借方勘定科目,借方補助科目,借方部門,借方取引先,借方税区分,借方インボイス,借方金額(円),"
             "借方税額,貸方勘定科目,貸方補助科目,貸方部門,貸方取引先,貸方税区分,貸方インボイス,貸方金額(円),貸方税額,"
             "摘要,仕訳メモ,タグ,MF仕訳タイプ,決算整理仕訳,作成日時,作成者,最終更新日時,最終更新者").split(",")
FREEE_HEADER = ("収支区分,管理番号,発生日,決済期日,取引先コード,取引先,勘定科目,税区分,金額,税計算区分,税額,備考,"
                "品目,部門,メモタグ（複数指定可、カンマ区切り）,セグメント1,セグメント2,セグメント3,決済日,決済口座,"
                "決済金額").split(",")


def read(data: bytes, header: list[str]) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # CRLF line ends, none bare
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == header
    assert all(len(row) == len(header) for row in rows)
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def day_of(text: str) -> date:
    year, month, day = text.split("/")
    assert (len(year), len(month), len(day)) == (4, 2, 2)
    return date(int(year), int(month), int(day))


def yen(text: str) -> int:
    assert text.lstrip("-").isdigit(), text  # whole yen, no separators
    return int(text)


def share_on(day: date, registered: bool) -> int:
    """The 仕入税額控除 share of a purchase on that day: the インボイス 経過措置 as amended in 2026."""
    if registered:
        return 100
    for last, share in ((date(2026, 9, 30), 80), (date(2028, 9, 30), 70), (date(2030, 9, 30), 50),
                        (date(2031, 9, 30), 30)):
        if day <= last:
            return share
    return 0


MF_INVOICE = {100: "適格", 80: "80％控除", 70: "70％控除", 50: "50％控除", 30: "30％控除", 0: "控除なし"}


def check_mf(data: bytes, registered: set[str]) -> dict[tuple[str, str], int]:
    """The 仕訳帳 import's rules: 取引No numbers entries 1, 2, 3 …; the rows of one share it and the 取引日 and
    balance together; a side names its account and amount; 課税仕入 with the インボイス class of its day.
    Returns the totals by (side, account)."""
    rows = read(data, MF_HEADER)
    entries: dict[int, list[dict[str, str]]] = defaultdict(list)
    order: list[int] = []
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        number = int(row["取引No"])
        if not order or order[-1] != number:
            assert number not in entries and number == len(order) + 1  # contiguous and in order
            order.append(number)
        entries[number].append(row)
    for number, group in entries.items():
        assert len({row["取引日"] for row in group}) == 1
        day = day_of(group[0]["取引日"])
        sums = {}
        for side in ("借方", "貸方"):
            amount = 0
            for row in group:
                account = row[f"{side}勘定科目"]
                if not account:
                    assert not any(row[f"{side}{k}"] for k in ("税区分", "インボイス", "金額(円)", "税額"))
                    continue
                value = yen(row[f"{side}金額(円)"])
                assert value > 0
                amount += value
                totals[(side, account)] += value
                if row[f"{side}税区分"] == "課税仕入 10%":
                    tax = yen(row[f"{side}税額"])
                    assert tax == (value - tax) * 10 // 100  # 10% of the fees, rounded down once
                    partner = row[f"{side}取引先"]
                    assert row[f"{side}インボイス"] == MF_INVOICE[share_on(day, partner in registered)]
                else:
                    assert (row[f"{side}税区分"], row[f"{side}インボイス"], row[f"{side}税額"]) == ("対象外", "", "")
            sums[side] = amount
        assert sums["借方"] == sums["貸方"] > 0, number
    return totals


FREEE_CLASS = {100: "課対仕入10%", 80: "課対仕入（控80）10%", 70: "課対仕入（控70）10%", 50: "課対仕入（控50）10%",
               30: "課対仕入（控30）10%"}


def check_freee(data: bytes, registered: set[str]) -> list[dict[str, object]]:
    """The 取引 import's rules: a deal's first row gives 収支区分 (支出 or 収入), 発生日 and 取引先; its further
    rows leave them empty; 決済日, 決済口座 and 決済金額 are given together, and pay the deal's total."""
    deals: list[dict[str, object]] = []
    for row in read(data, FREEE_HEADER):
        if row["収支区分"]:
            assert row["収支区分"] in ("支出", "収入") and row["取引先"] and row["管理番号"]
            deals.append({"kind": row["収支区分"], "day": day_of(row["発生日"]), "partner": row["取引先"],
                          "ref": row["管理番号"], "rows": [], "settled": None})
            settle = [row["決済日"], row["決済口座"], row["決済金額"]]
            assert all(settle) or not any(settle)
            if all(settle):
                deals[-1]["settled"] = (day_of(row["決済日"]), row["決済口座"], yen(row["決済金額"]))
        else:
            assert deals and not any(row[k] for k in ("管理番号", "発生日", "決済期日", "取引先", "決済日", "決済口座",
                                                       "決済金額"))
        deal = deals[-1]
        amount = yen(row["金額"])
        assert amount != 0 and row["勘定科目"]
        if row["税区分"] == "対象外":
            assert row["税計算区分"] == row["税額"] == ""
        else:
            day, partner = deal["day"], deal["partner"]
            assert row["税区分"] == FREEE_CLASS[share_on(day, partner in registered)]  # type: ignore[arg-type]
            tax = yen(row["税額"])
            assert row["税計算区分"] == "内税" and tax == (amount - tax) * 10 // 100
        deal["rows"].append((row["勘定科目"], amount))  # type: ignore[union-attr]
    for deal in deals:
        total = sum(amount for _, amount in deal["rows"])  # type: ignore[union-attr]
        assert total > 0
        if deal["settled"] is not None:
            assert deal["settled"][2] == total  # type: ignore[index]
    return deals


def statements(haru: Haru, root: Path, months: list[str]) -> list[dict[str, object]]:
    found = []
    for month in months:
        result = haru("--data", root, *TODAY, "fees", "calc", "--month", month, "--format", "json")
        found += json.loads(result.stdout)["statements"]
    return [s for s in found if s["payable"]]


def journal(haru: Haru, root: Path, *args: str) -> bytes:
    result = haru("--data", root, *TODAY, "fees", "journal", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


@pytest.fixture
def booked(workspace: WorkspaceFactory) -> Path:
    root = workspace(BANKED)
    payout(root, "u9", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\n")
    payout(root, "t10", "partner: tanaka\nmonth: 2026-10\ndate: 2026-11-30\namount: 49895\n")
    return root


def test_mf_entries_follow_the_layout_and_add_up_to_the_statements(booked: Path, haru: Haru) -> None:
    months = [f"2026-{m:02}" for m in range(1, 13)]
    totals = check_mf(journal(haru, booked, "--year", "2026", "--to", "mf"), {"株式会社ウエダ"})
    found = statements(haru, booked, months)
    assert totals[("借方", "支払手数料")] == sum(s["subtotal"] + s["consumption_tax"] for s in found)
    assert totals[("貸方", "預り金")] == sum(s["withholding"] for s in found) == 5_105
    assert totals[("貸方", "未払金")] == sum(s["payable"] for s in found)
    assert totals[("借方", "未払金")] == totals[("貸方", "普通預金")] == 49_500 + 49_895  # the two payments


def test_freee_deals_follow_the_layout_and_add_up_to_the_statements(booked: Path, haru: Haru) -> None:
    deals = check_freee(journal(haru, booked, "--year", "2026", "--to", "freee"), {"株式会社ウエダ"})
    found = statements(haru, booked, [f"2026-{m:02}" for m in range(1, 13)])
    accruals = [d for d in deals if d["settled"] is None]
    owed = sorted(sum(a for _, a in d["rows"]) for d in accruals)  # type: ignore[attr-defined]
    assert owed == sorted(s["payable"] for s in found)  # type: ignore[type-var]
    tanaka = next(d for d in accruals if d["partner"] == "田中一郎")
    assert tanaka["rows"] == [("支払手数料", 55_000), ("預り金", -5_105)]  # withholding: a minus row
    payments = [d for d in deals if d["settled"] is not None]
    assert [(d["kind"], d["rows"], d["settled"]) for d in payments] == [
        ("支出", [("未払金", 49_500)], (date(2026, 10, 30), "普通預金", 49_500)),
        ("支出", [("未払金", 49_895)], (date(2026, 11, 30), "普通預金", 49_895))]


def test_a_month_and_the_accounts_of_haru_yaml(booked: Path, haru: Haru) -> None:
    accounts = "accounts:\n  fees: 支払手数料（紹介）\n  payable: 未払費用\n  bank: みずほ銀行\n"
    settings = (booked / "haru.yaml").read_text("utf-8") + accounts
    (booked / "haru.yaml").write_text(settings, "utf-8")
    totals = check_mf(journal(haru, booked, "--month", "2026-10", "--to", "mf"), {"株式会社ウエダ"})
    assert set(totals) == {("借方", "支払手数料（紹介）"), ("貸方", "未払費用"), ("貸方", "預り金"),
                           ("借方", "未払費用"), ("貸方", "みずほ銀行")}
    assert totals[("借方", "未払費用")] == 49_500  # October's payment (of September's fees); tanaka's is November's
    default_month = journal(haru, booked, "--to", "mf")  # last month, as fees calc: 2026-10 with --today 2026-11-27
    assert default_month == journal(haru, booked, "--month", "2026-10", "--to", "mf")


def test_a_refund_is_the_other_way(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(CLAWBACK)
    payout(root, "paid-july", "partner: ueda\nmonth: 2026-07\ndate: 2026-08-31\namount: 33000\n")
    payout(root, "back", "partner: ueda\nmonth: 2026-09\ndate: 2026-09-15\namount: 30000\nkind: refund\n")
    totals = check_mf(journal(haru, root, "--year", "2026", "--to", "mf"), {"株式会社ウエダ"})
    # July's fee (¥33,000 with tax), paid; clawed back, and ¥30,000 given back: the fees come to the tax alone,
    # which the statements never reversed, and nothing is left owed either way
    assert totals[("借方", "支払手数料")] - totals[("貸方", "支払手数料")] == 3_000
    assert totals[("借方", "未払金")] == totals[("貸方", "未払金")] == 33_000
    assert totals[("借方", "普通預金")] == 30_000
    deals = check_freee(journal(haru, root, "--year", "2026", "--to", "freee"), {"株式会社ウエダ"})
    assert [(d["kind"], d["rows"], d["settled"]) for d in deals if d["kind"] == "収入"] == [
        ("収入", [("支払手数料", 30_000)], (date(2026, 9, 15), "普通預金", 30_000))]


def test_data_imports_by_each_product_s_rules(haru: Haru) -> None:
    data = Path(__file__).parents[2] / "data"
    registered = {"株式会社ウエダ", "株式会社UCWORLD", "株式会社S.P.COM", "株式会社&ath", "株式会社マナテック"}
    for to, check in (("mf", check_mf), ("freee", check_freee)):
        result = haru("--data", data, "--today", "2026-12-07", "fees", "journal", "--year", "2026", "--to", to)
        assert result.exit_code == 0, result.stderr
        check(result.stdout_bytes, registered)  # type: ignore[operator]


def test_refused_periods_and_skipped_files(booked: Path, haru: Haru) -> None:
    both = haru("--data", booked, "fees", "journal", "--month", "2026-10", "--year", "2026", "--to", "mf")
    assert both.exit_code == 2
    assert haru("--data", booked, "fees", "journal", "--month", "2026-10", "--to", "yayoi").exit_code == 2
    empty = haru("--data", booked, "--lang", "en", "fees", "journal", "--month", "2026-03", "--to", "mf")
    assert empty.exit_code == 1 and "no statements or payouts to book from 2026-03-01 to 2026-03-31" in empty.stderr
    (booked / "referrals" / "2026-tanaka-001.yaml").write_text("id: [\n", "utf-8")
    skipped = haru("--data", booked, "--lang", "en", *TODAY, "fees", "journal", "--month", "2026-10", "--to", "mf")
    assert skipped.exit_code == 1 and "referrals/2026-tanaka-001.yaml" in skipped.stderr and not skipped.stdout
    out = booked / "out.csv"
    out.write_text("kept", "utf-8")
    assert haru("--data", booked, "fees", "journal", "--to", "mf", "-o", str(out)).exit_code == 1
    assert out.read_text("utf-8") == "kept"  # never over a file


def test_a_share_no_product_names_is_refused(booked: Path, haru: Haru) -> None:
    table = "tax:\n  unregistered_credit: [{from: 2023-10-01, percent: 75%}]\n"
    settings = (booked / "haru.yaml").read_text("utf-8") + table
    (booked / "haru.yaml").write_text(settings, "utf-8")
    result = haru("--data", booked, "--lang", "en", *TODAY, "fees", "journal", "--month", "2026-10", "--to", "mf")
    assert result.exit_code == 1 and "no tax class for a deductible share of 75% (tanaka/2026-10)" in result.stderr


def test_a_hostile_partner_name_stays_text_in_both_files(workspace: WorkspaceFactory, haru: Haru) -> None:
    """SPEC §14: a name from someone else's repository that a spreadsheet would take for a formula, with a
    comma and quotes, is one cell of text in the import file (a control character is no valid YAML at all)."""
    hostile = '=HYPERLINK("http://x",1),"x'
    root = workspace({**BANKED, "partners/ueda.yaml": str(BANKED["partners/ueda.yaml"]).replace(
        "name: 株式会社ウエダ", f"name: '{hostile}'")})
    payout(root, "u9", "partner: ueda\nmonth: 2026-09\ndate: 2026-10-30\namount: 49500\n")
    for to, header in (("mf", MF_HEADER), ("freee", FREEE_HEADER)):
        rows = read(journal(haru, root, "--year", "2026", "--to", to), header)
        names = {row["借方取引先" if to == "mf" else "取引先"] for row in rows} - {"", "田中一郎"}
        assert names == {"'" + hostile}  # one cell, behind a ': text, not a formula
