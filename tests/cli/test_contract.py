"""haru contract list | show."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Haru, WorkspaceFactory

TODAY = ("--today", "2026-11-27")


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
    for text in ("業務効率化支援", "株式会社S.P.COM (spcom)", "2026-12-31", "2026-11-30", "¥200,000 月額"):
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
