"""haru fees statement: the payment statement, its tax and notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import FEES, MARKED, TODAY, Haru, WorkspaceFactory, markup_from, table_shapes


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(FEES))


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
    assert "# Referral fee statement" in text and "| Payee's registration no. | T7000012050002 |" in text
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


@pytest.mark.parametrize(("month", "note"), [("2026-09", "経過措置の範囲（80%）"), ("2026-10", "経過措置の範囲（70%）"),
                                             ("2028-09", "経過措置の範囲（70%）"), ("2028-10", "経過措置の範囲（50%）"),
                                             ("2030-10", "経過措置の範囲（30%）"),
                                             ("2031-10", "仕入税額控除の対象になりません")])
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
    assert "| 受取人の登録番号 | T7000012050002 |" in august
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


def test_the_share_follows_haru_yaml_when_the_law_changes_again(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, "haru.yaml": "company: テスト株式会社\ntax:\n  unregistered_credit:\n"
                                          "    - {from: 2023-10-01, percent: 80%}\n"
                                          "    - {from: 2026-10-01, percent: 75%}\n"})
    result = haru("--data", root, "fees", "statement", "tanaka", "--month", "2026-10")
    assert "経過措置の範囲（75%）" in result.stdout
    calc = json.loads(haru("--data", root, "fees", "calc", "--month", "2026-10", "--format", "json").stdout)
    [tanaka] = [s for s in calc["statements"] if s["partner"] == "tanaka"]
    assert (tanaka["credit_pct"], tanaka["deductible_tax"]) == ("75%", 3_750)


def test_a_table_of_what_changes_keeps_the_law_before_its_first_day(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, "haru.yaml": "company: テスト株式会社\ntax:\n  unregistered_credit:\n"
                                          "    - {from: 2026-10-01, percent: 75%}\n"})
    for month, share in (("2026-09", "80%"), ("2026-10", "75%")):
        referral = (f"id: 2026-tanaka-001\npartner: tanaka\ncontract: tanaka-referral\nkind: student\nclient: A\n"
                    f"referred: 2026-01-05\nstatus: won\ndeal: {{signed: {month}-05, amount: 1}}\n")
        (root / "referrals" / "2026-tanaka-001.yaml").write_text(referral, "utf-8")
        calc = json.loads(haru("--data", root, "fees", "calc", "--month", month, "--format", "json").stdout)
        assert [s["credit_pct"] for s in calc["statements"] if s["partner"] == "tanaka"] == [share]


@pytest.mark.parametrize(("table", "message"), [
    ("[{from: 2026-10-01, percent: 70%}, {from: 2023-10-01, percent: 80%}]", "must be in order"),
    ("[{from: 2026-10-01}]", "exactly the keys from and percent"),
    ("[{from: 2026-10-01, percent: 70}]", "70%"),
    ("70%", "write a list"),
])
def test_a_wrong_credit_table_is_said_in_haru_yaml(workspace: WorkspaceFactory, haru: Haru, table: str,
                                                   message: str) -> None:
    root = workspace({**FEES, "haru.yaml": f"company: テスト株式会社\ntax:\n  unregistered_credit: {table}\n"})
    result = haru("--data", root, "--lang", "en", "validate")
    assert result.exit_code == 1
    assert "haru.yaml:3:" in result.stdout and message in result.stdout, result.stdout


def test_the_month_defaults_to_last_month_as_in_fees_calc(ws: str, haru: Haru) -> None:
    """SPEC §16: every --month defaults as fees calc does; the statement required one."""
    given = haru("--data", ws, *TODAY, "fees", "statement", "田中", "--month", "2026-10")
    assumed = haru("--data", ws, *TODAY, "fees", "statement", "田中")
    assert assumed.exit_code == 0 and assumed.stdout == given.stdout
    january = haru("--data", ws, "--today", "2027-01-15", "fees", "statement", "田中")  # last month is last year's
    assert january.exit_code == 1 and january.stderr == "haru: 田中一郎 の 2026-12 分の紹介手数料はありません\n"
