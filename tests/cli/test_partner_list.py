"""haru partner list."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.helpers import TODAY, Haru, WorkspaceFactory


def test_list_sorted_by_reading(two_partners: str, haru: Haru) -> None:
    result = haru("--data", two_partners, *TODAY, "partner", "list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["today"] == "2026-11-27"
    assert [p["id"] for p in data["partners"]] == ["andath", "ueda", "spcom"]
    andath, ueda = data["partners"][0], data["partners"][1]
    assert (andath["next_regular_meeting"], andath["regular_meeting_overdue"]) == ("2026-10-01", True)
    assert ueda["last_meeting"] == "2026-11-10" and ueda["next_regular_meeting"] == "2026-12-10"
    assert ueda["active_contracts"] == ["ueda-referral"]
    assert ueda["name"] == "株式会社ウエダ" and ueda["invoice_number"] == "T7000012050002"  # fields as loaded


def test_list_status_filter_and_table(two_partners: str, haru: Haru) -> None:
    result = haru("--data", two_partners, *TODAY, "partner", "list", "--status", "active")
    assert result.exit_code == 0
    assert "株式会社&ath" in result.stdout and "2026-10-01 (超過)" in result.stdout
    assert "S.P.COM" not in result.stdout


def test_list_english_csv(two_partners: str, haru: Haru) -> None:
    result = haru("--data", two_partners, *TODAY, "--lang", "en", "partner", "list", "--format", "csv")
    # SPEC §14: dates plain, the marks (overdue) in a column of their own, empty cells for none
    assert result.stdout.startswith("\ufeffName,Status,Cadence,Last meeting,Next regular,Next regular (mark),"
                                    "Active contracts")
    rows = list(csv.reader(io.StringIO(result.stdout[1:])))
    assert rows[1] == ["株式会社&ath", "Active", "Monthly", "", "2026-10-01", "overdue", ""]
    assert rows[2] == ["株式会社ウエダ", "Active", "Monthly", "2026-11-10", "2026-12-10", "", "ueda-referral"]


def test_broken_files_are_skipped_with_one_line(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/bad.yaml": "id: bad\nname: [\n", "contracts/x.yaml": "id: y\n"})
    result = haru("--data", root, "partner", "list", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == "2 件のファイルを読み飛ばしました — haru validate で確認してください\n"
    assert [p["id"] for p in json.loads(result.stdout)["partners"]] == ["ueda"]


def test_wrong_option_value_exits_2(workspace: WorkspaceFactory, haru: Haru) -> None:
    assert haru("--data", workspace(), "partner", "list", "--status", "gone").exit_code == 2
    assert haru("--data", workspace(), "partner", "list", "--format", "xml").exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "table"])
@pytest.mark.parametrize("command", [["partner", "list"], ["partner", "show", "evil"]])
def test_control_characters_of_a_name_never_reach_the_terminal(workspace: WorkspaceFactory, haru: Haru, fmt: str,
                                                                command: list[str]) -> None:
    """SPEC §14: `--format csv` piped sent an OSC 52 (clipboard write) and a screen clear as they were."""
    root = workspace({"partners/evil.yaml": 'id: evil\nname: "A\\e]52;c;aGk=\\aB\\e[2JC"\nkana: イービル\n'})
    result = haru("--data", root, *TODAY, *command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "A\\x1b]52;c;aGk=\\x07B\\x1b[2JC" in result.stdout


def test_broken_settings_are_said_once(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace({"haru.yaml": "locale: fr\n"}), "partner", "list")
    assert result.exit_code == 0
    assert "haru.yaml に誤りがあるため既定値を使います" in result.stderr
