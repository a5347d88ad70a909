"""haru new meeting: ids, folders, --dry-run, --edit, choices."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haru_cli.cli import app, editing
from tests.helpers import TODAY, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    (root / "schemas").mkdir()
    return root


EDITOR = """\
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace({old!r}, {new!r}))
"""


def editor(tmp_path: Path, old: str, new: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(old=old, new=new), encoding="utf-8")
    return f"{sys.executable} {script}"


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder drafts are made in, of this test's own."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_new_meeting_with_default_ids_in_its_year_folder(ws: Path, haru: Haru) -> None:
    args = ["--data", ws, *TODAY, "new", "meeting", "うえだ", "--kind", "regular", "--minutes", "60",
            "--summary", "定例会: 研修の準備", "--action", "資料送付", "--decision", "1月に研修"]
    assert haru(*args).stdout.strip().endswith("meetings/2026/2026-11-27-ueda-regular.yaml")
    assert haru(*args).stdout.strip().endswith("meetings/2026/2026-11-27-ueda-regular-2.yaml")
    meeting = load_workspace(ws).meetings["2026-11-27-ueda-regular"]
    assert (meeting.summary, meeting.actions[0].task) == ("定例会: 研修の準備", "資料送付")
    assert meeting.decisions == ["1月に研修"]
    dated = haru("--data", ws, "new", "meeting", "ueda", "--date", "2025-12-01", "--kind", "hearing")
    assert haru("--data", ws, "new", "meeting", "ueda").exit_code == 2  # what kind of meeting must be said
    assert dated.stdout.strip().endswith("meetings/2025/2025-12-01-ueda-hearing.yaml")


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "regular", "--minutes", "30", "--dry-run")
    assert result.exit_code == 0
    assert "id: 2026-11-27-ueda-regular\npartners: [ueda]\ndate: 2026-11-27\n" in result.stdout
    assert not (ws / "meetings" / "2026" / "2026-11-27-ueda-regular.yaml").exists()


@pytest.mark.parametrize(("spent", "minutes"), [("1.5h", 90), ("90", 90), ("45m", 45), ("1時間30分", 90),
                                               ("１．５ｈ", 90), ("0", 0)])
def test_minutes_are_written_as_time_log_takes_them(ws: Path, haru: Haru, spent: str, minutes: int) -> None:
    """`--minutes 1.5h` as `time log 1.5h`; a bare number is minutes, as the option's name says."""
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "regular", "--minutes", spent, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert f"\nminutes: {minutes}\n" in result.stdout


@pytest.mark.parametrize("spent", ["1.51h", "25h", "1.5x", "-5"])
def test_minutes_that_are_no_time_are_refused_in_japanese(ws: Path, haru: Haru, spent: str) -> None:
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "regular", "--minutes", spent)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"エラー: '--minutes' の値が正しくありません: '{spent}' は時間ではありません"
        "（90、90m、1.5h、1時間30分 のように。分は整数で、24 時間まで）")


def test_an_invalid_record_is_not_written(ws: Path, haru: Haru) -> None:
    wrong_kind = haru("--data", ws, "--lang", "en", "new", "meeting", "ueda", "--kind", "weekly")
    assert wrong_kind.exit_code == 2 and "'weekly' is not one of regular, hearing" in wrong_kind.stderr
    result = haru("--data", ws, "--lang", "en", "new", "meeting", "ueda", "--date", "2026-11-27", "--kind", "regular",
                  "--satisfaction", "9")
    assert result.exit_code == 1
    assert "meetings/2026/2026-11-27-ueda-regular.yaml:7:17: error[range]" in result.stderr
    assert result.stderr.endswith("haru: nothing written\n")
    assert not (ws / "meetings" / "2026" / "2026-11-27-ueda-regular.yaml").exists()
    zero = haru("--data", ws, "new", "meeting", "ueda", "--date", "2026-11-27", "--kind", "feedback",
                "--satisfaction", "0")  # out of 1–5 too, not taken for "no feedback"
    assert zero.exit_code == 1 and "error[range]" in zero.stderr
    bad_ref = haru("--data", ws, "new", "contract", "ueda", "--type", "referral", "--start", "2026-01-01",
                   "--end", "2025-01-01")
    assert bad_ref.exit_code == 1 and "error[date-order]" in bad_ref.stderr


def test_edit_finishes_the_record_in_the_editor(ws: Path, haru: Haru, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", editor(tmp_path, "minutes: 30", "minutes: 45\nsummary: 追記した概要"))
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "regular", "--minutes", "30", "--edit")
    assert result.exit_code == 0, result.stderr
    meeting = load_workspace(ws).meetings["2026-11-27-ueda-regular"]
    assert (meeting.minutes, meeting.summary) == (45, "追記した概要")


def test_an_invalid_edit_without_a_terminal_writes_nothing_and_leaves_no_draft(
        ws: Path, haru: Haru, tmp_path: Path, drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", editor(tmp_path, "kind: regular", "kind: weekly"))
    result = haru("--data", ws, *TODAY, "--lang", "en", "new", "meeting", "ueda", "--kind", "regular", "--edit")
    assert result.exit_code == 1
    assert "error[enum] kind: 'weekly' is not one of" in result.stderr
    assert not (ws / "meetings" / "2026" / "2026-11-27-ueda-regular.yaml").exists()
    assert list(drafts.iterdir()) == []  # drafts do not pile up in the temporary folder


def test_an_abandoned_edit_shows_the_problems_first_and_keeps_the_draft(
        ws: Path, haru: Haru, tmp_path: Path, drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", editor(tmp_path, "kind: regular", "kind: weekly"))
    monkeypatch.setattr(editing, "interactive", lambda: True)
    result = CliRunner().invoke(app, ["--data", str(ws), *TODAY, "--lang", "en", "new", "meeting", "ueda",
                                      "--kind", "regular", "--edit"], input="a\n")
    assert result.exit_code == 1
    assert result.output.index("error[enum]") < result.output.index("(e)dit again or (a)bandon")
    last = result.stderr.splitlines()[-1]
    assert "2026-11-27-ueda-regular.yaml" not in last  # the record that was never written is not named
    draft = Path(last.split("the draft is kept at ")[1].strip())
    assert draft.parent == drafts and "kind: weekly" in draft.read_text(encoding="utf-8")
    assert not (ws / "meetings" / "2026" / "2026-11-27-ueda-regular.yaml").exists()


def test_choices_take_their_labels_too_and_help_lists_them(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "定例会", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "kind: regular" in result.stdout
    assert "kind: feedback" in haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "Customer feedback",
                                    "--dry-run").stdout
    shown = haru("new", "meeting", "--help").stdout
    assert "regular=定例会" in shown and "feedback=顧客フィードバック" in shown


def test_new_never_writes_through_a_linked_folder(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = workspace()
    shutil.rmtree(root / "meetings")
    (root / "meetings").mkdir()
    (root / "meetings" / "2026").symlink_to(elsewhere)
    result = haru("--data", root, *TODAY, "--lang", "en", "new", "meeting", "ueda", "--kind", "other")
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_project_s_progress_meeting_and_its_area(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"projects/poc.yaml": "id: poc\ntitle: 検査PoC\npartners: [ueda]\nstart: 2026-10-01\n"
                                           "cadence: biweekly\n"})
    done = haru("--data", root, *TODAY, "new", "meeting", "ウエダ", "--kind", "共同プロジェクト会議", "--project",
                "検査PoC", "--area", "コンサルティング", "--minutes", "45")
    assert done.exit_code == 0, done.stderr
    meeting = load_workspace(root).meetings["2026-11-27-ueda-project"]
    assert (meeting.project, meeting.area) == ("poc", "consulting")
    shown = haru("--data", root, *TODAY, "project", "show", "poc", "--format", "json").stdout
    assert "2026-11-27-ueda-project" in shown
