"""haru new partner | contract | meeting | referral: validated first, written atomically, never over a file."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from haru_cli.cli import app, editing
from haru_cli.load.loader import load_workspace
from tests.helpers import TODAY, Haru, WorkspaceFactory


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    (root / "schemas").mkdir()
    return root


def test_new_partner(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "partner", "株式会社S.P.COM", "--id", "spcom", "--kana", "エスピーコム",
                  "--contact", "小向", "--email", "komukai@example.jp", "--cadence", "monthly", "--since", "2025-10-01",
                  "--synergy", "case_study", "--expertise", "看板製作", "--expertise", "Notion")
    assert result.exit_code == 0, result.stderr
    text = (ws / "partners" / "spcom.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/partner.schema.json\nid: spcom\n")
    ds = load_workspace(ws)
    assert ds.problems == []
    spcom = ds.partners["spcom"]
    assert (spcom.name, spcom.contacts[0].name, spcom.contacts[0].key_person) == ("株式会社S.P.COM", "小向", True)
    assert spcom.expertise == ["看板製作", "Notion"]


def test_partner_id_from_an_ascii_name_or_asked_for(ws: Path, haru: Haru) -> None:
    assert haru("--data", ws, "new", "partner", "UCWORLD Inc.").exit_code == 0
    assert (ws / "partners" / "ucworld-inc.yaml").exists()
    result = haru("--data", ws, "new", "partner", "株式会社マナテック")
    assert result.exit_code == 2 and "--id" in result.stderr


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


def test_new_contract_and_referral(ws: Path, haru: Haru) -> None:
    contract = haru("--data", ws, "new", "contract", "ueda", "--type", "consulting", "--start", "2026-04-01",
                    "--end", "2027-03-31", "--auto-renew", "--term", "1y", "--notice", "1m", "--amount", "300000",
                    "--per", "month", "--title", "生成AI社内導入支援")
    assert contract.exit_code == 0, contract.stderr
    assert (ws / "contracts" / "ueda-consulting-2026.yaml").exists()
    for expected in ("2026-ueda-002", "2026-ueda-003"):  # the base workspace holds 2026-ueda-001
        referral = haru("--data", ws, *TODAY, "new", "referral", "ウエダ", "--client", "株式会社サンプル")
        assert referral.exit_code == 0, referral.stderr
        assert (ws / "referrals" / f"{expected}.yaml").exists()
    assert load_workspace(ws).referrals["2026-ueda-003"].contract == "ueda-referral"  # the only fee contract


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "regular", "--minutes", "30", "--dry-run")
    assert result.exit_code == 0
    assert "id: 2026-11-27-ueda-regular\npartners: [ueda]\ndate: 2026-11-27\n" in result.stdout
    assert not (ws / "meetings" / "2026" / "2026-11-27-ueda-regular.yaml").exists()


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


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "partners" / "ueda.yaml").read_bytes()
    result = haru("--data", ws, "--lang", "en", "new", "partner", "別の会社", "--id", "ueda")
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert (ws / "partners" / "ueda.yaml").read_bytes() == before


def test_an_interrupted_write_leaves_everything_as_it_was(ws: Path, haru: Haru,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", fail)
    result = haru("--data", ws, "--lang", "en", "new", "partner", "Acme", "--id", "acme")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert sorted(p.name for p in (ws / "partners").iterdir()) == ["ueda.yaml"]  # no file, no temporary file


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


def test_edit_finishes_the_record_in_the_editor(ws: Path, haru: Haru, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", editor(tmp_path, "minutes: 30", "minutes: 45\nsummary: 追記した概要"))
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "regular", "--minutes", "30", "--edit")
    assert result.exit_code == 0, result.stderr
    meeting = load_workspace(ws).meetings["2026-11-27-ueda-regular"]
    assert (meeting.minutes, meeting.summary) == (45, "追記した概要")


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder drafts are made in, of this test's own."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


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


def test_help(haru: Haru) -> None:
    for kind in ("partner", "contract", "meeting", "referral"):
        assert "Example: haru new " + kind in haru("--lang", "en", "new", kind, "--help").stdout


def test_a_new_id_never_takes_that_of_a_broken_file(ws: Path, haru: Haru) -> None:
    (ws / "referrals" / "2026-ueda-002.yaml").write_text("id: 2026-ueda-002\nclient: [\n", encoding="utf-8")
    result = haru("--data", ws, *TODAY, "new", "referral", "ueda", "--client", "x")
    assert result.exit_code == 0, result.stderr
    assert (ws / "referrals" / "2026-ueda-003.yaml").exists()


def test_the_draft_links_the_workspace_schema_by_its_full_path(ws: Path, haru: Haru, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "seen.yaml"
    script = tmp_path / "peek.py"
    script.write_text(f"import shutil, sys\nshutil.copy(sys.argv[1], {str(seen)!r})\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert haru("--data", ws, "new", "partner", "Acme", "--edit").exit_code == 0
    schema = (ws / "schemas" / "partner.schema.json").resolve()
    assert seen.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema={schema}"
    written = (ws / "partners" / "acme.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[0] == "# yaml-language-server: $schema=../schemas/partner.schema.json"


def test_choices_take_their_labels_too_and_help_lists_them(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "定例会", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "kind: regular" in result.stdout
    assert "kind: feedback" in haru("--data", ws, *TODAY, "new", "meeting", "ueda", "--kind", "Customer feedback",
                                    "--dry-run").stdout
    shown = haru("new", "meeting", "--help").stdout
    assert "regular=定例会" in shown and "feedback=顧客フィードバック" in shown


def test_a_won_referral_is_written_with_its_deal(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "referral", "ueda", "--client", "株式会社テスト物流", "--status", "won",
                  "--signed", "2026-11-20", "--amount", "3600000")
    assert result.exit_code == 0, result.stderr
    written = yaml.safe_load(Path(result.stdout.strip()).read_text(encoding="utf-8"))
    assert written["deal"] == {"signed": date(2026, 11, 20), "amount": 3600000}
    without = haru("--data", ws, *TODAY, "new", "referral", "ueda", "--client", "x", "--status", "won")
    assert without.exit_code == 1 and "error[deal-missing]" in without.stderr


def test_a_name_without_latin_letters_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "partner", "テスト")
    assert result.exit_code == 2 and "--id で指定してください" in result.stderr and "internal" not in result.stderr
