"""haru contract list | show."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.helpers import TODAY, Haru, WorkspaceFactory


@pytest.fixture
def contracts(workspace: WorkspaceFactory) -> str:
    return str(workspace({
        "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\n",
        "contracts/spcom-consulting.yaml": """\
            id: spcom-consulting
            partner: spcom
            type: consulting
            title: 業務効率化支援
            start: 2026-01-01
            end: 2026-06-30
            auto_renew: true
            term: 6m
            notice: 1m
            value: {amount: 200000, per: month}
            """,
        "contracts/ueda-old.yaml": """\
            id: ueda-old
            partner: ueda
            type: consulting
            start: 2025-11-01
            end: 2026-10-31
            """,
    }))


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


def test_show(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, *TODAY, "contract", "show", "spcom-consulting")
    assert result.exit_code == 0
    for text in ("業務効率化支援", "株式会社S.P.COM (spcom)", "2026-12-31", "2026-11-30", "¥200,000"):
        assert text in result.stdout, text
    data = json.loads(haru("--data", contracts, *TODAY, "contract", "show", "ueda-referral", "--format", "json").stdout)
    assert data["fees"]["student"]["fixed"] == 30000 and data["term_end"] == "2026-12-31"


def test_show_unknown_id(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, "--lang", "en", "contract", "show", "ueda-referal")
    assert result.exit_code == 1
    assert result.stderr == "haru: no contract 'ueda-referal'; closest: ueda-referral, ueda-old\n"


def test_unknown_partner_filter(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, "contract", "list", "--partner", "zzz")
    assert result.exit_code == 1 and "zzz" in result.stderr


def test_help(haru: Haru) -> None:
    assert "Example: haru contract list" in haru("--lang", "en", "contract", "list", "--help").stdout
    assert "Example: haru contract show" in haru("--lang", "en", "contract", "show", "--help").stdout
    assert haru("--lang", "en", "contract", "list", "--type", "loan").exit_code == 2


def test_empty_results_say_so_in_a_sentence(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    assert haru("--data", root, "contract", "list", "--type", "nda").stdout == "該当するものはありません。\n"
    assert haru("--data", root, "--lang", "en", "renewals", "--due", "1d", "--today", "2026-01-05").stdout \
        == "Nothing due.\n"


def test_a_contract_skipped_for_its_partner_names_the_partner_file(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: 株式会社ウエダ\nkana: ウエダ\ncadence: weekly\n"})
    shown = haru("--data", root, "--lang", "en", "contract", "show", "ueda-referral")
    assert shown.exit_code == 1
    assert "contracts/ueda-referral.yaml was skipped: it rests on partners/ueda.yaml, which has errors" in shown.stderr
    by_name = haru("--data", root, "--lang", "en", "partner", "show", "ウエダ")
    assert by_name.exit_code == 1 and "partners/ueda.yaml has errors and was skipped" in by_name.stderr


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


def test_long_text_in_a_show_view_wraps_at_80_columns(workspace: WorkspaceFactory) -> None:
    from haru_cli.i18n import Translator
    from haru_cli.load.loader import load_workspace
    from haru_cli.render.formats import rich_document, rich_lines
    from haru_cli.rules.schedule import contract_dates
    from haru_cli.views.partners import contract_document

    clause = "顧客紹介は入金額の15%（契約締結から12か月分、1件あたり上限100万円）。3か月以内の解約は全額返戻。" * 2
    root = workspace({"contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\ntype: referral\n"
                                                       f"start: 2026-01-01\nnotes: {clause}\nfees:\n  customer:\n"
                                                       "    rate: 15%\n    clawback: 3m\n"})
    ds = load_workspace(root)
    doc = contract_document(contract_dates(ds.contracts["ueda-referral"], date(2026, 11, 27)), None, Translator("ja"))
    out = rich_lines(rich_document(doc, width=80), width=80)
    assert "…" not in out and "".join(line.strip() for line in out.splitlines()).count("全額返戻") == 2


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
