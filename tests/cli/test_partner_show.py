"""haru partner show."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from haru_cli.escape import visible
from tests.helpers import BANKED, FEES, TODAY, Haru, WorkspaceFactory, on_terminal, table_shapes

HOSTILE_NAME = "[bold]x[/] | {{ 7*7 }} \x1b[31mRED"


HOSTILE_NOTES = "line1 [red]r[/red]\nline2 | pipe \\ back"


HOSTILE = {
    "partners/evil.yaml": """\
        id: evil
        name: "[bold]x[/] | {{ 7*7 }} \\e[31mRED"
        kana: イービル
        notes: "line1 [red]r[/red]\\nline2 | pipe \\\\ back"
        contacts:
          - {name: "悪 | 太郎", key_person: true}
        """,
}


SUMMARY = "配車計画の試行で、計画作成時間が半減。上田社長ご自身も経営会議資料の作成にAIを活用中。"


MIXED = "Kick-off with the logistics team: AI配車計画 pilot を2拠点で開始, dispatch-planning-2026 reviewed."


@pytest.mark.parametrize(
    "query", ["ウエダ", "うえだ", "ｳｴﾀﾞ", "株式会社ウエダ", "(株)ウエダ", "㈱ウエダ", "上田", "ueda"]
)
def test_show_finds_ueda_however_typed(workspace: WorkspaceFactory, haru: Haru, query: str) -> None:
    result = haru("--data", workspace(), *TODAY, "partner", "show", query, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "株式会社ウエダ"


def test_show_json_has_everything(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(), *TODAY, "partner", "show", "ueda", "--format", "json")
    data = json.loads(result.stdout)
    assert data["id"] == "ueda" and data["cadence"] == "monthly"
    [contract] = data["contracts"]
    assert (contract["id"], contract["term_end"], contract["notice_deadline"]) == (
        "ueda-referral", "2026-12-31", "2026-11-30")
    assert contract["fees"]["customer"]["rate"] == "15%"
    assert [m["id"] for m in data["meetings"]] == ["2026-11-10-ueda-regular"]
    assert data["hours"] == {"fiscal_year": 1.0, "total": 1.0, "fiscal_year_start": "2026-04-01"}
    assert data["last_meeting"] == "2026-11-10" and data["next_regular_meeting"] == "2026-12-10"
    assert [r["id"] for r in data["referrals"]] == ["2026-ueda-001"]
    assert data["open_actions"] == []


def test_show_table_gives_a_summary_s_first_line_and_marks_the_rest(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": """\
        id: 2026-11-10-ueda-regular
        partners: [ueda]
        date: 2026-11-10
        kind: regular
        summary: |
          進捗を共有した。
          次回は見積もり。
        """})
    shown = haru("--data", root, *TODAY, "partner", "show", "ueda").stdout
    assert "進捗を共有した。…" in shown and "次回は見積もり" not in shown


def test_show_table(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(), *TODAY, "partner", "show", "ウエダ")
    assert result.exit_code == 0
    for text in ("株式会社ウエダ", "T7000012050002", "次回定例", "2026-12-10", "ueda-referral", "2026-11-30",
                 "株式会社サンプル物流", "1.00 時間"):
        assert text in result.stdout, text


def test_ambiguous_query(two_partners: str, haru: Haru) -> None:
    result = haru("--data", two_partners, "--lang", "en", "partner", "show", "株式会社")
    assert result.exit_code == 1
    assert result.stderr == (
        "haru: no partner matches '株式会社'; partners: 株式会社&ath (andath), 株式会社ウエダ (ueda), "
        "株式会社S.P.COM (spcom)\n"
    )
    result = haru("--data", two_partners, "--lang", "en", "partner", "show", "com")
    assert result.exit_code == 0  # unique partial: S.P.COM
    result = haru("--data", two_partners, "partner", "show", "a")
    assert result.exit_code == 1
    assert result.stderr.startswith("haru: 「a」に該当するパートナーが複数あります: 株式会社&ath (andath)")


def test_unknown_query_lists_the_nearest(two_partners: str, haru: Haru) -> None:
    result = haru("--data", two_partners, "--lang", "en", "partner", "show", "ウエタ")
    assert result.exit_code == 1
    assert result.stderr == "haru: no partner matches 'ウエタ'; did you mean: 株式会社ウエダ (ueda)?\n"


def test_a_large_workspace_names_only_a_few_partners(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({f"partners/p{n:02d}.yaml": f"id: p{n:02d}\nname: 株式会社テスト{n:02d}\n" for n in range(14)})
    result = haru("--data", root, "--lang", "en", "partner", "show", "テスト")
    assert result.exit_code == 1
    assert result.stderr.endswith("株式会社テスト09 (p09) and 4 more (haru partner list) — be more specific\n")
    assert result.stderr.count("(p") == 10


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json"])
def test_hostile_text_is_shown_literally(workspace: WorkspaceFactory, haru: Haru, fmt: str) -> None:
    root = workspace(HOSTILE)
    shown = haru("--data", root, *TODAY, "partner", "show", "evil", "--format", fmt)
    listed = haru("--data", root, *TODAY, "partner", "list", "--format", fmt)
    assert shown.exit_code == 0 and listed.exit_code == 0
    for out in (shown.stdout, listed.stdout):
        assert "49" not in out  # never evaluated as a template
    if fmt == "json":
        assert json.loads(shown.stdout)["name"] == HOSTILE_NAME
        assert json.loads(shown.stdout)["notes"] == HOSTILE_NOTES
        assert json.loads(listed.stdout)["partners"][0]["name"] == HOSTILE_NAME
    elif fmt == "csv":  # the text, but for its control characters (SPEC §14)
        rows = list(csv.reader(io.StringIO(listed.stdout[1:])))
        assert [visible(HOSTILE_NAME), "有効", "なし", "", "", "", ""] in rows
        assert ["パートナー", "メモ", HOSTILE_NOTES] in list(csv.reader(io.StringIO(shown.stdout[1:])))
    elif fmt == "md":
        assert "\\[bold\\]x\\[/\\] \\| {{ 7\\*7 }} \\\\x1b\\[31mRED" in listed.stdout
        shapes = table_shapes(shown.stdout) + table_shapes(listed.stdout)
        assert shapes and all(cells == header for header, rows in shapes for cells in rows)
    else:
        assert "[bold]x[/] | {{ 7*7 }} \\x1b[31mRED" in shown.stdout + listed.stdout
        assert "line2 | pipe \\ back" in shown.stdout
        assert "\x1b" not in shown.stdout + listed.stdout


def test_a_skipped_meeting_is_said_beside_the_dates_it_may_change(workspace: WorkspaceFactory, haru: Haru) -> None:
    joint = "id: joint\npartners: [spcom, ueda]\ndate: 2026-11-20\nkind: regular\nminutes: [\n"  # broken
    root = workspace({"partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\n", "meetings/2026/joint.yaml": joint})
    shown = haru("--data", root, *TODAY, "--lang", "en", "partner", "show", "ueda", "--format", "json")
    assert shown.exit_code == 1  # its hours may lack the meeting's (SPEC §15)
    assert json.loads(shown.stdout)["dates_incomplete"] == ["meetings/2026/joint.yaml"]  # its second partner too
    assert json.loads(shown.stdout)["complete"] is False
    table = haru("--data", root, *TODAY, "partner", "show", "ueda")
    assert "日付・時間は不完全" in table.stdout


@pytest.mark.parametrize("columns", [60, 80, 100, 120, 200])
def test_show_on_a_real_terminal_shows_a_shortened_summary_whole_up_to_its_ellipsis(
        workspace: WorkspaceFactory, columns: int) -> None:
    """SPEC §15: at 100 columns 「営会議」 was lost from this summary (Rich cropped a table wider than the
    terminal); at 80 and 120 other characters."""
    from rich.cells import cell_len

    meeting = "id: {id}\npartners: [ueda]\ndate: {date}\nkind: regular\nminutes: 90\nsummary: |\n  {first}\n  次の行\n"
    root = workspace({
        "meetings/2026/2026-11-10-ueda-regular.yaml": meeting.format(id="2026-11-10-ueda-regular",
                                                                     date="2026-11-10", first=SUMMARY),
        "meetings/2026/2026-10-21-ueda.yaml": meeting.format(id="2026-10-21-ueda", date="2026-10-21", first=MIXED),
    })
    out = on_terminal(["--data", str(root), *TODAY, "partner", "show", "ueda"], columns)
    assert "2026-10-21" in out and all(cell_len(line) <= columns for line in out.splitlines())
    flat = "".join(out.split())
    assert "".join(f"{SUMMARY}…".split()) in flat and "".join(f"{MIXED}…".split()) in flat


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(FEES))


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


@pytest.mark.parametrize("written", ["bank: 1", "bank: '0001'"])
def test_codes_keep_their_zeros_however_written(workspace: WorkspaceFactory, haru: Haru, written: str) -> None:
    partner = str(BANKED["partners/ueda.yaml"]).replace("bank: 5", written)
    root = workspace({**BANKED, "partners/ueda.yaml": partner})
    shown = json.loads(haru("--data", root, "partner", "show", "ueda", "--format", "json").stdout)
    assert shown["bank"]["bank"] == "0001" and shown["bank"]["branch"] == "001"


def test_a_broken_partner_is_named_as_broken_not_missing(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: [\n"})
    result = haru("--data", root, "partner", "show", "ueda")
    assert result.exit_code == 1
    assert "partners/ueda.yaml に誤りがあるため読み飛ばしました" in result.stderr


def test_a_partner_in_a_file_too_broken_to_name_it_is_said_to_be_maybe_there(workspace: WorkspaceFactory,
                                                                               haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: [\n"})
    result = haru("--data", root, "partner", "show", "ウエダ")
    assert result.exit_code == 1
    assert "誤りのため読み飛ばしたファイルにあるかもしれません: partners/ueda.yaml" in result.stderr
