"""haru upcoming: dated items, their JSON and iCalendar."""

from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar
from rich.cells import cell_len

from tests.helpers import FEES, REPORTS, SCENARIO, TIME, TODAY, Haru, WorkspaceFactory, on_terminal


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(SCENARIO))


def test_upcoming_json(ws: str, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "upcoming", "--within", "14d", "--format", "json")
    data = json.loads(result.stdout)
    assert data["until"] == "2026-12-11"
    assert data["items"][0] == {"date": "2026-02-01", "kind": "regular_meeting", "partner": "spcom",
                                "name": "株式会社S.P.COM", "subject": None, "ref": "spcom", "overdue": True,
                                "amount": None, "paid": None, "vendor": None}
    # A notice deadline that passed (alliance's) stays until its term ends, marked; a draft about to start
    # (or past its start) is listed too.
    assert [(i["kind"], i["ref"], i["overdue"]) for i in data["items"]] == [
        ("regular_meeting", "spcom", True), ("notice_deadline", "alliance", True), ("term_end", "old", True),
        ("notice_deadline", "half", False), ("notice_deadline", "ueda-referral", False), ("draft", "draft", False),
        ("regular_meeting", "ueda", False)]
    table = haru("--data", ws, *TODAY, "upcoming", "--within", "14d").stdout
    assert "2026-10-31 (予告期限経過)" in table


def test_upcoming_includes_open_actions(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": """\
        id: 2026-11-10-ueda-regular
        partners: [ueda]
        date: 2026-11-10
        kind: regular
        actions:
          - {task: 提案書を送付, owner: 社長, due: 2026-11-20}
          - {task: 見積, due: 2026-12-01}
          - {task: 済み, due: 2026-11-15, done: true}
          - {task: 来年, due: 2027-02-01}
        """})
    data = json.loads(haru("--data", root, *TODAY, "upcoming", "--format", "json").stdout)
    actions = [(i["subject"], i["date"], i["overdue"]) for i in data["items"] if i["kind"] == "action"]
    assert actions == [("提案書を送付", "2026-11-20", True), ("見積", "2026-12-01", False)]


@pytest.mark.parametrize("command", [["renewals", "--due", "90d"], ["feedback", "--due", "60d"],
                                     ["upcoming", "--within", "30d"]])
def test_ics_imports_cleanly_with_stable_uids(ws: str, haru: Haru, command: list[str]) -> None:
    first = haru("--data", ws, *TODAY, *command, "--format", "ics")
    second = haru("--data", ws, *TODAY, *command, "--format", "ics")
    assert first.exit_code == 0
    events = Calendar.from_ical(first.stdout).walk("VEVENT")
    assert events
    for event in events:
        assert isinstance(event.decoded("DTSTART"), date)
        assert str(event["SUMMARY"]).startswith("【")
        assert ".yaml" in str(event["DESCRIPTION"])
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in Calendar.from_ical(second.stdout).walk("VEVENT")]


def test_a_regular_meeting_keeps_its_uid_when_its_date_moves(ws: str, haru: Haru) -> None:
    uids = set()
    for today in ("2026-11-27", "2026-12-05"):
        events = Calendar.from_ical(haru("--data", ws, "--today", today, "upcoming", "--format", "ics").stdout)
        uids |= {str(e["UID"]) for e in events.walk("VEVENT") if "regular_meeting" in str(e["UID"])}
    assert "regular_meeting/spcom@haru" in uids


def test_action_uids_do_not_follow_their_position(workspace: WorkspaceFactory, haru: Haru) -> None:
    meeting = ("id: 2026-11-10-ueda-regular\npartners: [ueda]\ndate: 2026-11-10\nkind: regular\nactions:\n"
               "  - {{task: {first}, due: 2026-11-30}}\n  - {{task: {second}, due: 2026-12-01}}\n")

    def uids(root: object) -> dict[str, str]:
        events = Calendar.from_ical(haru("--data", root, *TODAY, "upcoming", "--format", "ics").stdout)
        return {str(e["SUMMARY"]): str(e["UID"]) for e in events.walk("VEVENT") if "action/" in str(e["UID"])}

    path = "meetings/2026/2026-11-10-ueda-regular.yaml"
    before = uids(workspace({path: meeting.format(first="提案書", second="見積")}))
    after = uids(workspace({path: meeting.format(first="見積", second="提案書")}))
    assert before == after and len(set(before.values())) == 2


def test_reviews_are_in_upcoming(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(TIME)
    data = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "json").stdout)
    reviews = [i for i in data["items"] if i["kind"] == "ai_review"]
    assert [(i["date"], i["ref"], i["overdue"], i["partner"]) for i in reviews] == [
        ("2026-11-15", "slower", True, None), ("2027-02-28", "minutes", False, None)]
    ics = haru("--data", root, *TODAY, "upcoming", "--within", "1y", "--format", "ics").stdout
    assert "SUMMARY:【AI活用の効果測定】研修資料" in ics


@pytest.fixture
def fees_ws(workspace: WorkspaceFactory) -> str:
    return str(workspace(FEES))


def test_upcoming_lists_payouts(fees_ws: str, haru: Haru) -> None:
    data = json.loads(haru("--data", fees_ws, *TODAY, "upcoming", "--within", "7d", "--format", "json").stdout)
    payouts = [(i["partner"], i["date"], i["subject"], i["amount"]) for i in data["items"] if i["kind"] == "payout"]
    assert payouts == [("tanaka", "2026-11-30", "2026-10", 49_895), ("ueda", "2026-11-30", "2026-10", 135_801)]
    table = haru("--data", fees_ws, *TODAY, "upcoming", "--within", "7d").stdout
    assert "¥135,801 2026-10" in table


def test_upcoming_says_a_payout_may_be_missing_when_a_fee_file_is_skipped(
    workspace: WorkspaceFactory, haru: Haru
) -> None:
    root = workspace({**FEES, "contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\nstart: [\n"})
    result = haru("--data", root, "--today", "2026-11-01", "--lang", "en", "upcoming", "--within", "60d")
    assert result.exit_code == 1 and "may be incomplete" in result.stderr  # ウエダ's payout is gone from the list
    assert "contracts/ueda-referral.yaml" in result.stderr


# Items as long as HaRu's own: names and titles of twenty and more wide characters, a notice deadline passed
# (the widest mark), ids of 26 letters, payouts with their amounts, a vendor's contract.
WIDE: dict[str, str | bytes | None] = {
    **REPORTS,
    "partners/shine-linkage.yaml": "id: shine-linkage\nname: 株式会社シャインリンケージ\ncadence: monthly\n"
                                   "since: 2026-11-13\n",
    "contracts/shine-linkage-alliance.yaml": "id: shine-linkage-alliance\npartner: shine-linkage\ntype: alliance\n"
                                             "title: 模倣AIを活用したビジネスモデル共同推進に関する業務提携契約\n"
                                             "start: 2026-01-01\nend: 2026-12-31\nauto_renew: true\nterm: 1y\n"
                                             "notice: 2m\n",
    "meetings/2026/2026-11-04-shine-linkage-regular.yaml": (
        "id: 2026-11-04-shine-linkage-regular\npartners: [shine-linkage]\ndate: 2026-11-04\nkind: regular\n"
        "actions:\n  - {task: 継続契約（PMO支援）の見積書と体制図を送付し、先方の決裁日程を確認する,\n"
        "     due: 2026-11-13}\n"),
    "vendors/kato.yaml": "id: kato\nname: 加藤健太\nentity: individual\nstatus: active\n",
    "contracts/kato-dev-ucworld-tool.yaml": "id: kato-dev-ucworld-tool\nvendor: kato\ntype: outsourcing\n"
                                            "title: マーケティング支援ツールの開発業務委託\nstart: 2026-01-01\n"
                                            "end: 2026-12-31\nauto_renew: true\nterm: 1y\nnotice: 1m\n",
}


def _items(haru: Haru, root: str, *args: str) -> list[dict[str, object]]:
    return list(json.loads(haru("--data", root, *TODAY, *args, "--format", "json").stdout)["items"])


def _ref_column(line: str, ref: str) -> int:
    """The terminal column where `ref` begins on the line: wide characters before it count two."""
    return cell_len(line[:line.rindex(ref)])  # the last: a contract without a title is its id in 内容 too


@pytest.mark.parametrize("columns", [80, 100, 120, 200])
def test_every_item_is_one_line_on_a_terminal(workspace: WorkspaceFactory, haru: Haru, columns: int) -> None:
    """At 80 columns each item was a card of five lines (~125 lines for 21 items), and at 120 its date wrapped
    as 2026-10-31 / (予告期限 / 経過) (issue 27 part 7): one line each, dates with their marks, ids and the
    rule under the headings whole, text shortened with …, columns aligned by display width."""
    root = str(workspace(WIDE))
    items = _items(haru, root, "upcoming", "--within", "60d")
    assert len(items) >= 15 and any(i["kind"] == "notice_deadline" and i["overdue"] for i in items)
    out = on_terminal(["--data", root, *TODAY, "upcoming", "--within", "60d"], columns)
    lines = [line.rstrip() for line in out.splitlines() if line.strip()]
    assert len(lines) == 2 + len(items)  # headings, their rule, then one line per item
    assert lines[0].startswith("日付") and set(lines[1]) == {"─"}
    assert all(cell_len(line) <= columns for line in lines)
    starts = set()
    for line, item in zip(lines[2:], items, strict=True):
        marks = ["予告期限経過", "経過"] if item["kind"] == "notice_deadline" else ["超過"]  # 経過 where narrow
        assert line.startswith(tuple(f"{item['date']} ({mark})" for mark in marks) if item["overdue"]
                               else str(item["date"])), line
        ref = str(item["ref"])
        assert f" {ref}" in line  # whole: an id is copied and searched for
        starts.add(_ref_column(line, ref))
        if item["kind"] == "payout":
            assert f"¥{item['amount']:,}" in line  # a payout's amount comes first in its subject: never shortened
    assert len(starts) == 1  # every id in one column: 株式会社シャインリンケージ takes 26 columns, not 13
    if columns >= 120:
        assert "2026-10-31 (予告期限経過)  " in out  # whole, never 2026-10-31 / (予告期限 / 経過)
        assert "2026-11-30 (あと 3 日)  " in out  # and the notes, where the texts keep twelve columns
    if columns >= 200:
        assert "…" not in out  # room for every text whole: nothing shortened


@pytest.mark.parametrize("columns", ["80", "120"])
def test_piped_output_fitting_columns_is_one_line_per_item_too(workspace: WorkspaceFactory, haru: Haru,
                                                               monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    root = str(workspace(WIDE))
    items = _items(haru, root, "upcoming", "--within", "60d")
    monkeypatch.setenv("COLUMNS", columns)
    lines = haru("--data", root, *TODAY, "upcoming", "--within", "60d").stdout.splitlines()
    assert len(lines) == 2 + len(items) and all(cell_len(line) <= int(columns) for line in lines)
    assert set(lines[1]) == {"-", " "} and "  " in lines[1]  # the rule under each heading, two columns apart
    assert ("2026-10-31 (予告期限経過)" if columns == "120" else "2026-10-31 (経過)") in "\n".join(lines)
    monkeypatch.delenv("COLUMNS")
    whole = haru("--data", root, *TODAY, "upcoming", "--within", "60d").stdout  # no width: every text whole
    assert "模倣AIを活用したビジネスモデル共同推進に関する業務提携契約" in whole and "…" not in whole


@pytest.mark.parametrize(("command", "columns"), [(["renewals", "--due", "90d"], 120),
                                                  (["feedback", "--due", "90d"], 80),
                                                  (["feedback", "--due", "90d"], 120)])
def test_renewals_and_feedback_are_one_line_per_row_where_they_fit(workspace: WorkspaceFactory, haru: Haru,
                                                                   command: list[str], columns: int) -> None:
    """The same lists, the same layout: renewals' seven columns (an id and two marked dates) fit from ~105."""
    root = str(workspace(WIDE))
    key = "renewals" if command[0] == "renewals" else "milestones"
    found = json.loads(haru("--data", root, *TODAY, *command, "--format", "json").stdout)[key]
    assert found
    out = on_terminal(["--data", root, *TODAY, *command], columns)
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 2 + len(found) and all(cell_len(line) <= columns for line in lines)


def test_renewals_too_wide_for_a_line_are_cards_keeping_every_character(workspace: WorkspaceFactory,
                                                                        haru: Haru) -> None:
    out = on_terminal(["--data", str(workspace(WIDE)), *TODAY, "renewals", "--due", "90d"], 80)
    assert "件名          模倣AIを活用したビジネスモデル共同推進に関する業務提携契約" in out
    assert all(cell_len(line) <= 80 for line in out.splitlines())
