"""haru school certify: certificate numbers, once, even when two run at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FEES, SCHOOL, TODAY, Haru, WorkspaceFactory, _at_once


def test_certify_writes_the_next_number_and_refuses_again(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    backdated = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato", "--date", "2026-06-30")
    assert backdated.exit_code == 1 and "not passed by then: a2" in backdated.stderr  # a2 was judged 07-10
    lost = root / "exists.md"
    lost.write_text("mine", encoding="utf-8")  # where the certificate cannot go: no record is written either
    assert haru("--data", root, *TODAY, "school", "certify", "2026-sato", "-o", lost).exit_code == 1
    assert not (root / "certificates").exists()
    done = haru("--data", root, *TODAY, "school", "certify", "2026-sato")
    assert done.exit_code == 0, done.output
    record = (root / "certificates/2026/haru-2026-0001.yaml").read_text(encoding="utf-8")
    assert "student: 2026-sato" in record and "issued: 2026-11-27" in record
    assert "# 修了証" in done.stdout and "佐藤 花子" in done.stdout and "haru-2026-0001" in done.stdout
    again = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato")
    assert again.exit_code == 1 and "certified already: haru-2026-0001" in again.stderr
    early = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-ito")
    assert early.exit_code == 1 and "assignments not passed by then: a1, a2" in early.stderr
    assert not (root / "certificates/2026/haru-2026-0002.yaml").exists()
    status = json.loads(haru("--data", root, *TODAY, "school", "status", "--format", "json").stdout)
    assert {s["student"]: (s["passed"], s["assignments"], s["eligible"], s["certificate"], s["partner"])
            for s in status["students"]} == {"2026-sato": (2, 2, True, "haru-2026-0001", "tanaka"),
                                             "2026-ito": (0, 2, False, None, None)}
    shown = json.loads(haru("--data", root, *TODAY, "partner", "show", "tanaka", "--format", "json").stdout)
    assert [s["student"] for s in shown["students"]] == ["2026-sato"]


def test_two_certifications_at_once_take_two_numbers(workspace: WorkspaceFactory) -> None:
    second = SCHOOL["students/2026-sato.yaml"].replace("2026-sato", "2026-kato").replace(  # type: ignore[union-attr]
        "referral: 2026-tanaka-001\n", "")
    root = workspace({**FEES, **SCHOOL, "students/2026-kato.yaml": second})
    runs = [subprocess.Popen([sys.executable, "-m", "haru_cli", "--data", str(root), *TODAY, "--no-cache", "school",
                              "certify", who], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for who in ("2026-sato", "2026-kato")]
    assert [r.wait(timeout=60) for r in runs] == [0, 0]
    written = sorted(p.name for p in (root / "certificates/2026").iterdir())
    assert written == ["haru-2026-0001.yaml", "haru-2026-0002.yaml"]


def test_certify_refuses_an_output_name_too_long_before_recording(workspace: WorkspaceFactory, haru: Haru,
                                                                   tmp_path: Path) -> None:
    """A name the file system refuses was an internal error, or a record whose certificate was never written."""
    root = workspace({**FEES, **SCHOOL})
    refused = tmp_path / ("修" * 90 + ".md")  # 273 bytes
    result = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato", "-o", refused)
    assert result.exit_code == 1
    assert result.stderr == (f"haru: cannot write {refused}: the name is too long (273 bytes, at most 255); "
                             "nothing written\n")
    assert not (root / "certificates").exists()
    longest = tmp_path / ("修" * 82 + ".md")  # 249 bytes: its temporary file's name must fit too
    assert haru("--data", root, *TODAY, "school", "certify", "2026-sato", "-o", longest).exit_code == 0
    assert "haru-2026-0001" in longest.read_text(encoding="utf-8")


def test_a_certificate_that_could_not_be_written_is_said_and_rendered_again(
        workspace: WorkspaceFactory, haru: Haru, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC §15: a command that fails after writing part of its work says what it wrote; --render finishes it."""
    import errno

    from haru_cli.write import atomic

    root = workspace({**FEES, **SCHOOL})
    full = tmp_path / "full.md"
    write_new = atomic.write_new

    def disk_full(target: Path, text: str | bytes, **kwargs: Path | None) -> None:
        if target == full:
            raise OSError(errno.ENOSPC, "No space left on device")
        write_new(target, text, **kwargs)

    monkeypatch.setattr(atomic, "write_new", disk_full)
    result = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato", "-o", full)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"haru: wrote certificates/2026/haru-2026-0001.yaml (the certificate record), but could not write the "
        f"certificate to {full}: No space left on device. To print it again: haru school certify 2026-sato "
        "--render -o FILE")
    assert (root / "certificates/2026/haru-2026-0001.yaml").is_file() and not full.exists()
    again = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato")
    assert again.exit_code == 1 and "haru school certify 2026-sato --render" in again.stderr
    rendered = tmp_path / "rendered.md"
    done = haru("--data", root, "--today", "2026-12-20", "school", "certify", "2026-sato", "--render", "-o", rendered)
    assert done.exit_code == 0, done.stderr
    text = rendered.read_text(encoding="utf-8")
    assert "haru-2026-0001" in text and "2026年11月27日" in text  # as issued, whatever today is
    assert sorted(p.name for p in (root / "certificates/2026").iterdir()) == ["haru-2026-0001.yaml"]
    none = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-ito", "--render")
    assert (none.exit_code, none.stderr) == (1, "haru: 2026-ito has no certificate recorded yet (--render prints a "
                                                "recorded one)\n")
    dated = haru("--data", root, *TODAY, "school", "certify", "2026-sato", "--render", "--date", "2026-12-01")
    assert dated.exit_code == 2


def test_one_student_certified_twice_at_once_gets_one_certificate(workspace: WorkspaceFactory,
                                                                   tmp_path: Path) -> None:
    root = workspace({**FEES, **SCHOOL})
    certify = ["--data", str(root), *TODAY, "--no-cache", "school", "certify", "2026-sato"]
    done = _at_once(tmp_path, certify, certify)
    assert sorted(code for code, _ in done) == [0, 1], done
    assert [p.name for p in (root / "certificates/2026").iterdir()] == ["haru-2026-0001.yaml"]


SATO = "students/2026-sato.yaml"


def test_certify_marks_the_student_completed_in_its_status_line_only(workspace: WorkspaceFactory,
                                                                     haru: Haru) -> None:
    enrolled = "# 例示\n" + str(SCHOOL[SATO]).replace("enrolled: 2026-04-10\n",
                                                      "enrolled: 2026-04-10\nstatus: enrolled   # 受講中\n")
    root = workspace({**FEES, **SCHOOL, SATO: enrolled})
    done = haru("--data", root, *TODAY, "school", "certify", "2026-sato")
    assert done.exit_code == 0, done.stderr
    assert (root / SATO).read_text(encoding="utf-8") == enrolled.replace("status: enrolled   #",
                                                                         "status: completed   #")
    assert done.stderr == "students/2026-sato.yaml を更新しました\ncertificates/2026/haru-2026-0001.yaml を書きました\n"
    assert done.stdout.startswith("# 修了証")  # the certificate alone on stdout
    assert haru("--data", root, *TODAY, "validate", "--strict").exit_code == 0


def test_a_student_without_a_status_line_gets_one(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({**FEES, **SCHOOL})
    assert haru("--data", root, *TODAY, "school", "certify", "2026-sato").exit_code == 0
    assert (root / SATO).read_text(encoding="utf-8") == str(SCHOOL[SATO]) + "status: completed\n"


def test_a_student_whose_file_cannot_be_changed_gets_no_certificate(workspace: WorkspaceFactory,
                                                                     haru: Haru) -> None:
    """Never half done: the certificate is written only with the student's completion, and taken away again
    when the student's file cannot be replaced."""
    root = workspace({**FEES, **SCHOOL})
    (root / SATO).chmod(0o444)
    refused = haru("--data", root, *TODAY, "school", "certify", "2026-sato")
    assert (refused.exit_code, refused.stderr) == (
        1, "haru: students/2026-sato.yaml は読み取り専用です。何も書き込んでいません\n")
    assert list((root / "certificates/2026").iterdir()) == []
    assert (root / SATO).read_text(encoding="utf-8") == SCHOOL[SATO]
    (root / SATO).chmod(0o644)
    assert haru("--data", root, *TODAY, "school", "certify", "2026-sato").exit_code == 0
    assert [p.name for p in (root / "certificates/2026").iterdir()] == ["haru-2026-0001.yaml"]  # its number again


def test_a_student_completed_already_keeps_its_file(workspace: WorkspaceFactory, haru: Haru) -> None:
    completed = str(SCHOOL[SATO]) + "status: completed   # 手で記入\n"
    root = workspace({**FEES, **SCHOOL, SATO: completed})
    done = haru("--data", root, *TODAY, "school", "certify", "2026-sato")
    assert done.exit_code == 0 and done.stderr == "certificates/2026/haru-2026-0001.yaml を書きました\n"
    assert (root / SATO).read_text(encoding="utf-8") == completed


def test_help_says_the_student_is_marked_completed(haru: Haru) -> None:
    japanese = "".join(haru("school", "certify", "--help").stdout.split())  # wherever it wraps
    assert "受講生を修了（status:completed）にして" in japanese
    english = " ".join(haru("--lang", "en", "school", "certify", "--help").stdout.split())
    assert "mark the student completed (status: completed), both or neither" in english


def test_a_certificate_that_cannot_be_taken_away_again_is_said(workspace: WorkspaceFactory, haru: Haru,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC §15: what is half done is said exactly — the certificate written, the student not completed."""
    import errno

    from haru_cli.write import atomic

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def stays(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    root = workspace({**FEES, **SCHOOL})
    monkeypatch.setattr(atomic, "replace_existing", disk_full)
    full = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato")
    assert (full.exit_code, full.stderr) == (1, "haru: cannot write students/2026-sato.yaml: [Errno 28] No space "
                                                "left on device; nothing written\n")
    assert list((root / "certificates/2026").iterdir()) == []  # taken away again: both or neither
    monkeypatch.setattr(Path, "unlink", stays)
    stuck = haru("--data", root, *TODAY, "--lang", "en", "school", "certify", "2026-sato")
    assert stuck.exit_code == 1
    assert stuck.stderr.endswith("haru: wrote certificates/2026/haru-2026-0001.yaml, but could not mark "
                                 "students/2026-sato.yaml completed (cannot write students/2026-sato.yaml: [Errno 28] "
                                 "No space left on device; nothing written) nor take "
                                 "certificates/2026/haru-2026-0001.yaml away again (Permission denied): set status: "
                                 "completed in students/2026-sato.yaml, or remove "
                                 "certificates/2026/haru-2026-0001.yaml\n")
