"""Records through their life (SPEC §8): action list | done, meeting list | show, referral list | won | pay |
cancel, edit and search — each edit changes only its lines, is validated first, and is seen at once."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.helpers import BASE, FEES, TODAY, Haru, WorkspaceFactory

MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"
ODD_MEETING = """\
# 例示
id: 2026-11-10-ueda-regular
partners: [ueda]
date: 2026-11-10     # 定例
kind: regular
minutes: 60
actions:
    - task: "提案書を送付"   # 最優先
      due: 2026-11-20
      done: false

    - {task: 見積を作成, owner: 社長, due: 2026-12-20}
# 次回
next: 2026-12-10
"""
LEAD = "id: 2026-ueda-002\npartner: ueda\ncontract: ueda-referral\nclient: 株式会社リード  # 見込み\n" \
       "referred: 2026-10-01\nstatus: lead\n"


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


def lines_changed(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False) if a != b]


def test_action_list_numbers_actions_as_action_done_takes_them(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "action", "list", "--format", "json")
    actions = json.loads(result.stdout)["actions"]
    assert [(a["meeting"], a["n"], a["task"], a["overdue"]) for a in actions] == [
        ("2026-11-10-ueda-regular", 1, "提案書を送付", True), ("2026-11-10-ueda-regular", 2, "見積を作成", False)]
    assert set(actions[0]) == {"meeting", "n", "partners", "date", "task", "owner", "due", "done", "overdue"}
    mine = json.loads(haru("--data", ws, *TODAY, "action", "list", "--owner", "社長", "--format", "json").stdout)
    assert [a["n"] for a in mine["actions"]] == [2]


def test_action_done_changes_one_line_and_upcoming_sees_it(ws: Path, haru: Haru) -> None:
    before = (ws / MEETING).read_text(encoding="utf-8")
    result = haru("--data", ws, *TODAY, "action", "done", "2026-11-10-ueda-regular", "1")
    assert result.exit_code == 0, result.stderr
    after = (ws / MEETING).read_text(encoding="utf-8")
    assert lines_changed(before, after) == [("      done: false", "      done: true")]
    assert len(after.splitlines()) == len(before.splitlines())
    upcoming = json.loads(haru("--data", ws, *TODAY, "upcoming", "--within", "60d", "--format", "json").stdout)
    assert [i["subject"] for i in upcoming["items"] if i["kind"] == "action"] == ["見積を作成"]
    flow = haru("--data", ws, *TODAY, "action", "done", "2026-11-10-ueda-regular", "2")  # a flow mapping
    assert flow.exit_code == 0
    assert "    - {task: 見積を作成, owner: 社長, due: 2026-12-20, done: true}" in (ws / MEETING).read_text("utf-8")
    again = haru("--data", ws, *TODAY, "--lang", "en", "action", "done", "2026-11-10-ueda-regular", "2")
    assert again.exit_code == 0 and "done already" in again.stderr


def test_action_done_refuses_a_number_or_meeting_that_is_not_there(ws: Path, haru: Haru) -> None:
    none = haru("--data", ws, "--lang", "en", "action", "done", "2026-11-10-ueda-regular", "3")
    assert none.exit_code == 1 and "has no action 3 (it has 2)" in none.stderr
    typo = haru("--data", ws, "--lang", "en", "action", "done", "2026-11-10-ueda-regulr", "1")
    assert typo.exit_code == 1 and "closest: 2026-11-10-ueda-regular" in typo.stderr
    assert haru("--data", ws, "action", "done", "2026-11-10-ueda-regular", "0").exit_code == 2


def test_a_lead_won_and_paid_earns_its_fee(ws: Path, haru: Haru) -> None:
    won = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-10-15",
               "--amount", "1000000")
    assert won.exit_code == 0, won.stderr
    paid = haru("--data", ws, *TODAY, "referral", "pay", "2026-ueda-002", "--date", "2026-10-31", "--amount", "200000")
    assert paid.exit_code == 0, paid.stderr
    text = (ws / "referrals" / "2026-ueda-002.yaml").read_text(encoding="utf-8")
    assert text.startswith(LEAD.replace("status: lead", "status: won"))  # the rest added below, as it was
    calc = json.loads(haru("--data", ws, *TODAY, "fees", "calc", "--month", "2026-10", "--format", "json").stdout)
    [ueda] = calc["statements"]
    assert [(line["referral"], line["amount"]) for line in ueda["lines"]] == [("2026-ueda-002", 30000)]  # 15%
    pipeline = json.loads(haru("--data", ws, *TODAY, "referral", "list", "--format", "json").stdout)
    assert {r["id"]: r["earned"] for r in pipeline["referrals"]} == {"2026-ueda-001": 45000, "2026-ueda-002": 30000}


def test_a_change_that_would_be_invalid_writes_nothing(ws: Path, haru: Haru) -> None:
    lead, won = ws / "referrals" / "2026-ueda-002.yaml", ws / "referrals" / "2026-ueda-001.yaml"
    before = {path: path.read_bytes() for path in (lead, won)}
    cancelled = haru("--data", ws, *TODAY, "--lang", "en", "referral", "cancel", "2026-ueda-002",
                     "--date", "2026-11-01")
    assert cancelled.exit_code == 1 and "2026-ueda-002 is lead" in cancelled.stderr  # a lead never won
    paid = haru("--data", ws, *TODAY, "--lang", "en", "referral", "pay", "2026-ueda-002", "--date", "2026-11-01",
                "--amount", "1")
    assert paid.exit_code == 1 and "that is won" in paid.stderr  # a lead is not paid
    early = haru("--data", ws, *TODAY, "referral", "pay", "2026-ueda-001", "--date", "2026-06-01", "--amount", "1")
    assert early.exit_code == 1 and "error[date-order]" in early.stderr  # paid before the deal was signed
    dry = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-11-01", "--dry-run")
    assert "-status: lead" in dry.stdout and "+status: won" in dry.stdout and "+  signed: 2026-11-01" in dry.stdout
    assert {path: path.read_bytes() for path in (lead, won)} == before


def test_line_ends_and_a_bom_are_kept(workspace: WorkspaceFactory, haru: Haru) -> None:
    crlf = ("\ufeff" + LEAD.replace("\n", "\r\n")).encode("utf-8")
    ws = workspace({"referrals/2026-ueda-002.yaml": crlf})
    assert haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-002", "--signed", "2026-11-01").exit_code == 0
    written = (ws / "referrals" / "2026-ueda-002.yaml").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfid: 2026-ueda-002\r\n") and b"\n" not in written.replace(b"\r\n", b"")
    assert b"status: won\r\n" in written and written.endswith(b"deal:\r\n  signed: 2026-11-01\r\n")


def test_each_line_keeps_its_own_line_end(workspace: WorkspaceFactory, haru: Haru) -> None:
    """A file of mixed line ends (one block pasted from Windows) stays mixed: only the changed line changes."""
    lines = ODD_MEETING.split("\n")
    mixed = "\n".join(line + "\r" if 6 <= n <= 9 else line for n, line in enumerate(lines)).encode("utf-8")
    ws = workspace({MEETING: mixed})
    assert haru("--data", ws, *TODAY, "action", "done", "2026-11-10-ueda-regular", "1").exit_code == 0
    assert (ws / MEETING).read_bytes() == mixed.replace(b"done: false\r\n", b"done: true\r\n")


def test_meeting_list_and_show(ws: Path, haru: Haru) -> None:
    listed = json.loads(haru("--data", ws, "meeting", "list", "--partner", "ウエダ", "--since", "2026-11-01",
                             "--format", "json").stdout)
    assert [m["id"] for m in listed["meetings"]] == ["2026-11-10-ueda-regular"]
    assert json.loads(haru("--data", ws, "meeting", "list", "--kind", "feedback", "--format", "json").stdout) == {
        "meetings": []}
    shown = haru("--data", ws, *TODAY, "meeting", "show", "2026-11-10-ueda-regular")
    assert shown.exit_code == 0 and "提案書を送付" in shown.stdout and "2026-11-20 (超過)" in shown.stdout


def scripted_editor(tmp_path: Path, *versions: str) -> str:
    """An $EDITOR that writes the next of `versions` into the file it is given, each time it runs."""
    folder = tmp_path / "editor"
    folder.mkdir()
    for n, text in enumerate(versions):
        (folder / f"{n}.yaml").write_text(text, encoding="utf-8")
    script = folder / "edit.py"
    script.write_text(
        "import pathlib, sys\n"
        f"folder = pathlib.Path({str(folder)!r})\n"
        "count = folder / 'count'\n"
        "n = int(count.read_text()) if count.exists() else 0\n"
        "count.write_text(str(n + 1))\n"
        "pathlib.Path(sys.argv[1]).write_text((folder / f'{n}.yaml').read_text(encoding='utf-8'), encoding='utf-8')\n",
        encoding="utf-8")
    return f"{sys.executable} {script}"


def test_edit_never_puts_a_broken_version_on_disk(ws: Path, haru: Haru, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from haru_cli.cli import editing

    path = ws / "partners" / "ueda.yaml"
    before = path.read_text(encoding="utf-8")
    broken = before.replace("cadence: monthly", "cadence: weekly")
    fixed = before.replace("cadence: monthly", "cadence: quarterly")
    monkeypatch.setenv("EDITOR", scripted_editor(tmp_path, broken, fixed))
    monkeypatch.setattr(editing, "interactive", lambda: True)
    seen: list[str] = []

    def answer(*args: object, **kwargs: object) -> str:
        seen.append(path.read_text(encoding="utf-8"))  # what is on disk while the user decides
        return "e"

    monkeypatch.setattr("typer.prompt", answer)
    result = haru("--data", ws, "edit", "ueda")
    assert result.exit_code == 0, result.stderr
    assert "error[enum]" in result.stderr and seen == [before]
    assert path.read_text(encoding="utf-8") == fixed


def test_edit_finds_a_broken_record_and_refuses_an_ambiguous_id(ws: Path, haru: Haru, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (ws / "partners" / "ueda.yaml").write_text(str(BASE["partners/ueda.yaml"]).replace("name:", "nme:"), "utf-8")
    monkeypatch.setenv("EDITOR", scripted_editor(tmp_path, "id: ueda\nname: 株式会社ウエダ\n"))
    assert haru("--data", ws, "edit", "ueda").exit_code == 0
    assert haru("--data", ws, "validate").exit_code == 0
    (ws / "contracts" / "ueda.yaml").write_text("id: ueda\npartner: ueda\ntype: nda\nstart: 2026-01-01\n", "utf-8")
    several = haru("--data", ws, "--lang", "en", "edit", "ueda")
    assert several.exit_code == 1 and "contracts/ueda.yaml, partners/ueda.yaml" in several.stderr
    assert haru("--data", ws, "--lang", "en", "edit", "nobody").exit_code == 1


def test_search_finds_lines_across_widths_and_kana_and_sees_edits(workspace: WorkspaceFactory, haru: Haru) -> None:
    ws = workspace({**FEES, "partners/spcom.yaml": "id: spcom\nname: 株式会社ＳＰコム\nnotes: はいしゃ計画を相談\n",
                    "contracts/broken.yaml": "id: broken\npartner: [\n  ハイシャ計画\n"})
    result = haru("--data", ws, "search", "ハイシャ", "--format", "json")
    hits = json.loads(result.stdout)["hits"]
    assert [(h["path"], h["line"], h["record"], h["excerpt"]) for h in hits] == [  # a broken file is searched too
        ("partners/spcom.yaml", 3, "spcom", "notes: はいしゃ計画を相談"),
        ("contracts/broken.yaml", 3, "broken", "ハイシャ計画")]
    wide = haru("--data", ws, "search", "sp")  # ＳＰ is sp
    shown = wide.stdout.replace(str(ws) + "/", "")
    assert wide.exit_code == 0 and "partners/spcom.yaml:2: name: 株式会社ＳＰコム" in shown
    (ws / "partners" / "spcom.yaml").write_text("id: spcom\nname: 株式会社エスピーコム\n", encoding="utf-8")
    os.utime(ws / "partners" / "spcom.yaml", (1, 1))
    gone = haru("--data", ws, "search", "はいしゃ", "--format", "json")
    assert [h["path"] for h in json.loads(gone.stdout)["hits"]] == ["contracts/broken.yaml"]
    none = haru("--data", ws, "--lang", "en", "search", "どこにもない")
    assert none.exit_code == 1 and "is nowhere" in none.stderr


def test_two_changes_at_once_never_both_succeed_over_each_other(tmp_path: Path) -> None:
    import threading

    from haru_cli.write.atomic import Changed, replace_existing

    target = tmp_path / "r.yaml"
    target.write_text("id: r\n", encoding="utf-8")
    was = target.read_bytes()
    won: list[int] = []

    def change(n: int) -> None:
        try:
            replace_existing(target, f"id: r\nnote: {n}\n", was, within=tmp_path)
            won.append(n)
        except Changed:
            pass  # the other's change landed first: this one is refused, as it should be

    threads = [threading.Thread(target=change, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1 and target.read_text(encoding="utf-8") == f"id: r\nnote: {won[0]}\n"


def test_a_read_only_record_is_left_so(ws: Path, haru: Haru) -> None:
    path = ws / MEETING
    path.chmod(0o444)
    result = haru("--data", ws, *TODAY, "--lang", "en", "action", "done", "2026-11-10-ueda-regular", "1")
    assert result.exit_code == 1 and "is read-only" in result.stderr
    assert "done: false" in path.read_text(encoding="utf-8")


def test_moving_a_referral_on_follows_its_life(ws: Path, haru: Haru) -> None:
    won = haru("--data", ws, *TODAY, "referral", "won", "2026-ueda-001", "--signed", "2026-07-01")
    assert won.exit_code == 0  # already won: its deal is set again (here, as it was)
    cancel = haru("--data", ws, *TODAY, "referral", "cancel", "2026-ueda-001", "--date", "2026-11-01")
    assert cancel.exit_code == 0
    again = haru("--data", ws, *TODAY, "--lang", "en", "referral", "won", "2026-ueda-001", "--signed", "2026-07-01")
    assert again.exit_code == 1 and "is cancelled" in again.stderr  # a cancellation is not undone by won
    paid = haru("--data", ws, *TODAY, "--lang", "en", "referral", "pay", "2026-ueda-001", "--date", "2026-11-20",
                "--amount", "5")
    assert paid.exit_code == 1 and "is cancelled" in paid.stderr


def test_an_edit_that_cannot_be_written_is_kept(ws: Path, haru: Haru, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = ws / "partners" / "ueda.yaml"
    fixed = path.read_text(encoding="utf-8").replace("cadence: monthly", "cadence: quarterly")
    monkeypatch.setenv("EDITOR", scripted_editor(tmp_path, fixed))
    path.chmod(0o444)
    result = haru("--data", ws, "--lang", "en", "edit", "ueda")
    assert result.exit_code == 1 and "your edit is kept in" in result.stderr
    draft = Path(result.stderr.rsplit("kept in ", 1)[1].strip())
    assert draft.read_text(encoding="utf-8") == fixed
    draft.unlink()
