"""haru contract list: filters, formats, widths."""

from __future__ import annotations

import json

import pytest

from tests.helpers import TODAY, Haru, WorkspaceFactory


def test_list_json_with_dates(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, *TODAY, "contract", "list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["today"] == "2026-11-27"
    found = {c["id"]: (c["term_end"], c["notice_deadline"], c["expired"]) for c in data["contracts"]}
    assert found == {
        "spcom-consulting": ("2026-12-31", "2026-11-30", False),
        "ueda-old": ("2026-10-31", "2026-10-31", True),
        "ueda-referral": ("2026-12-31", "2026-11-30", False),
    }
    spcom = next(c for c in data["contracts"] if c["id"] == "spcom-consulting")
    assert spcom["value"] == {"amount": 200000, "per": "month"} and spcom["term"] == "6m"
    assert spcom["name"] == "株式会社S.P.COM"


def test_list_filters(contracts: str, haru: Haru) -> None:
    def ids(*options: str) -> list[str]:
        result = haru("--data", contracts, *TODAY, "contract", "list", *options, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return [c["id"] for c in json.loads(result.stdout)["contracts"]]

    assert ids("--partner", "うえだ") == ["ueda-old", "ueda-referral"]
    assert ids("--type", "consulting") == ["spcom-consulting", "ueda-old"]
    assert ids("--partner", "ウエダ", "--type", "referral") == ["ueda-referral"]
    assert ids("--status", "draft") == []


def test_list_table_marks_expired(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, *TODAY, "contract", "list")
    assert "2026-10-31 (期限切れ)" in result.stdout


def test_list_markdown(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, *TODAY, "--lang", "en", "contract", "list", "--format", "md")
    assert result.stdout.splitlines()[0] == (
        "| ID | Partner | Type | Title | Status | Start | Term ends | Notice by | Auto-renew |"
    )


def test_unknown_partner_filter(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, "contract", "list", "--partner", "zzz")
    assert result.exit_code == 1 and "zzz" in result.stderr


def test_empty_results_say_so_in_a_sentence(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    assert haru("--data", root, "contract", "list", "--type", "nda").stdout == "該当するものはありません。\n"
    assert haru("--data", root, "--lang", "en", "renewals", "--due", "1d", "--today", "2026-01-05").stdout \
        == "Nothing due.\n"


def test_contract_csv_has_plain_dates_marks_apart_and_money_as_numbers(workspace: WorkspaceFactory,
                                                                       haru: Haru) -> None:
    import csv
    import io

    root = workspace({"contracts/old.yaml": "id: old\npartner: ueda\ntype: consulting\nstart: 2025-01-01\n"
                                            "end: 2026-10-31\nvalue: {amount: 300000, per: month}\n"})
    rows = list(csv.reader(io.StringIO(haru("--data", root, "--today", "2026-11-27", "--lang", "en", "contract",
                                            "list", "--format", "csv").stdout.lstrip("\ufeff"))))
    assert rows[0][6:9] == ["Term ends", "Term ends (mark)", "Notice by"]
    assert rows[1][6:8] == ["2026-10-31", "expired"]
    shown = list(csv.reader(io.StringIO(haru("--data", root, "--lang", "en", "contract", "show", "old",
                                             "--format", "csv").stdout.lstrip("\ufeff"))))
    assert ["Contract", "Value", "300000"] in shown


@pytest.mark.parametrize("columns", ["40", "80", "120"])
def test_piped_tables_fit_columns_when_it_is_set(contracts: str, haru: Haru, monkeypatch: pytest.MonkeyPatch,
                                                 columns: str) -> None:
    """SPEC §15: `contract list` piped was ~180 columns wide with COLUMNS=80."""
    from rich.cells import cell_len

    wide = haru("--data", contracts, *TODAY, "contract", "list").stdout
    monkeypatch.setenv("COLUMNS", columns)
    listed = haru("--data", contracts, *TODAY, "contract", "list").stdout
    shown = haru("--data", contracts, *TODAY, "partner", "show", "ueda").stdout
    for out in (listed, shown):
        assert all(cell_len(line) <= int(columns) for line in out.splitlines()), out
    assert "spcom-consulting" in listed and "業務効率化支援" in listed
    assert max(cell_len(line) for line in wide.splitlines()) > 120  # without COLUMNS, as wide as it takes


def test_a_columns_that_is_not_a_number_is_no_width(contracts: str, haru: Haru,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    wide = haru("--data", contracts, *TODAY, "contract", "list").stdout
    monkeypatch.setenv("COLUMNS", "eighty")
    assert haru("--data", contracts, *TODAY, "contract", "list").stdout == wide


def test_records_with_cross_file_errors_are_skipped_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"contracts/other.yaml": "id: other\npartner: nobody\ntype: nda\nstart: 2026-01-01\n"})
    result = haru("--data", root, "contract", "list", "--format", "json")
    assert [c["id"] for c in json.loads(result.stdout)["contracts"]] == ["ueda-referral"]
    assert result.stderr == "1 件のファイルを読み飛ばしました — haru validate で確認してください\n"
    shown = haru("--data", root, "--lang", "en", "contract", "show", "other")
    assert shown.exit_code == 1
    assert shown.stderr.endswith("haru: contracts/other.yaml has errors and was skipped — run haru validate\n")
