"""haru edit: the record in $EDITOR, validated before it is written back."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import BASE, LEAD, ODD_MEETING, Haru, WorkspaceFactory

UNCHANGED = f"{sys.executable} -c pass"  # an $EDITOR that saves nothing (as EDITOR=true)


PARTNER = "partners/ueda.yaml"


SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/partner.schema.json"


MEETING = "meetings/2026/2026-11-10-ueda-regular.yaml"
LEAD_FILE = "referrals/2026-ueda-002.yaml"


UEDA = textwrap.dedent(str(BASE[PARTNER]))


def _unchanged(ws: Path, haru: Haru, path: str, content: bytes, record_id: str) -> None:
    (ws / path).write_bytes(content)
    result = haru("--data", ws, "--lang", "en", "edit", record_id)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{path} is unchanged\n"
    assert (ws / path).read_bytes() == content


def _link(path: Path) -> None:
    path.symlink_to(path.parent / "ueda.yaml")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _large(path: Path) -> None:
    path.write_text("id: odd\nname: 大きい\nnotes: |\n" + "  あ\n" * 1_500_000, encoding="utf-8")


@pytest.mark.parametrize("content", [
    pytest.param(UEDA.replace("\n", "\r\n"), id="crlf"),
    pytest.param("\ufeff" + SCHEMA_LINE + "\r\n" + UEDA, id="bom-schema-mixed"),
    pytest.param("# 上田さんの会社\n" + SCHEMA_LINE + "\n" + UEDA,
                 id="schema-line-after-a-comment"),
])
def test_an_editor_that_changes_nothing_changes_nothing(workspace: WorkspaceFactory, haru: Haru, content: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", UNCHANGED)
    _unchanged(workspace(), haru, PARTNER, content.encode("utf-8"), "ueda")


def test_a_haru_line_of_the_record_stays(workspace: WorkspaceFactory, haru: Haru,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`# haru: ` in a quoted multi-line summary is the record's text, not one of haru's notes."""
    monkeypatch.setenv("EDITOR", UNCHANGED)
    meeting = ("id: 2026-11-10-ueda-regular\npartners: [ueda]\ndate: 2026-11-10\nkind: regular\n"
               'summary: "議題\n# haru: の使い方\n以上"\n')
    _unchanged(workspace(), haru, MEETING, meeting.encode("utf-8"), "2026-11-10-ueda-regular")


def test_haru_s_notes_go_and_the_record_s_own_lines_stay(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """After a draft with problems, the notes haru put above it are taken away — only those."""
    from haru_cli.cli import editing

    ws = workspace()
    path = ws / PARTNER
    record = SCHEMA_LINE + "\n# haru: 自分のメモ\n" + UEDA
    path.write_text(record, encoding="utf-8")
    script = tmp_path / "editor.py"  # first breaks the record, then puts the old line back, keeping the rest
    script.write_text(
        "import pathlib, sys\n"
        "draft = pathlib.Path(sys.argv[1])\n"
        "text = draft.read_text(encoding='utf-8')\n"
        "first = 'cadence: monthly' in text\n"
        "draft.write_text(text.replace('cadence: monthly', 'cadence: weekly') if first\n"
        "                 else text.replace('cadence: weekly', 'cadence: quarterly'), encoding='utf-8')\n",
        encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setattr(editing, "interactive", lambda: True)
    answers = iter(["e"])  # once: the second draft must be valid
    monkeypatch.setattr("typer.prompt", lambda *args, **kwargs: next(answers, "a"))
    result = haru("--data", ws, "--lang", "en", "edit", "ueda")
    assert result.exit_code == 0, result.stderr
    assert "error[enum]" in result.stderr
    assert path.read_text(encoding="utf-8") == record.replace("cadence: monthly", "cadence: quarterly")


def test_a_record_in_shift_jis_is_refused_naming_its_encoding(workspace: WorkspaceFactory, haru: Haru,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", UNCHANGED)
    ws = workspace()
    content = UEDA.encode("cp932")
    (ws / PARTNER).write_bytes(content)
    result = haru("--data", ws, "--lang", "en", "edit", "ueda")
    assert result.exit_code == 1
    assert result.stderr == ("haru: partners/ueda.yaml is not UTF-8 but seems to be Shift_JIS: haru does not rewrite "
                             "what it cannot read; nothing changed. Save it as UTF-8 (e.g. iconv -f Shift_JIS -t "
                             "UTF-8)\n")
    assert (ws / PARTNER).read_bytes() == content


@pytest.mark.parametrize(("make", "says"), [
    (_link, "partners/odd.yaml is a symbolic link: haru does not rewrite what it points at; nothing changed"),
    (_fifo, "partners/odd.yaml is not a regular file (a folder, a pipe, a device): nothing changed"),
    (_folder, "partners/odd.yaml is not a regular file (a folder, a pipe, a device): nothing changed"),
    (_large, "partners/odd.yaml is larger than 4 MB (a record is a page of text): nothing changed"),
])
def test_what_is_not_a_record_s_text_is_refused_by_name(workspace: WorkspaceFactory, haru: Haru, make: object,
                                                        says: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", UNCHANGED)
    ws = workspace()
    assert callable(make)
    make(ws / "partners" / "odd.yaml")
    for wanted in ("odd", "partners/odd.yaml"):
        result = haru("--data", ws, "--lang", "en", "edit", wanted)
        assert (result.exit_code, result.stderr) == (1, f"haru: {says}\n"), wanted
    assert (ws / PARTNER).read_text(encoding="utf-8") == UEDA


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace({MEETING: ODD_MEETING, "referrals/2026-ueda-002.yaml": LEAD})


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


def test_edit_finds_a_record_by_what_a_person_types(ws: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC §16: `haru edit ウエダ` is the partner; a name of any record type, folded as partner queries are."""
    monkeypatch.setenv("EDITOR", UNCHANGED)
    for query, path in (("ウエダ", PARTNER), ("ｳｴﾀﾞ", PARTNER), ("上田", PARTNER), ("株式会社リード", LEAD_FILE),
                        ("2026-11-10-ueda-regular", MEETING)):
        result = haru("--data", ws, "edit", query)
        assert (result.exit_code, result.stderr) == (0, f"{path} は変わりません\n"), query
    (ws / "partners" / "uematsu.yaml").write_text("id: uematsu\nname: 有限会社ウエマツ\n", "utf-8")
    several = haru("--data", ws, "edit", "ウエ")
    assert (several.exit_code, several.stderr) == (1, (
        "haru: 「ウエ」に該当するレコードが複数あります: パートナー 株式会社ウエダ (partners/ueda.yaml), "
        "パートナー 有限会社ウエマツ (partners/uematsu.yaml) — より詳しく、またはパスで指定してください\n"))
    nobody = haru("--data", ws, "edit", "存在しない会社")
    assert (nobody.exit_code, nobody.stderr) == (1, (
        "haru: 「存在しない会社」に該当するレコードはありません"
        "（id、名前、タイトル、かな、担当者名、またはファイルのパスで指定します）\n"))
