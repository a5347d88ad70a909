"""Answers kept (cli/answers.py): a reading command run again on an unchanged workspace prints what it
printed, byte for byte, with its exit status; anything its answer is made from, changed, makes it anew."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from haru_cli.cli import answers
from haru_cli.load.cache import CACHE_FOLDER
from tests.helpers import WorkspaceFactory


def aged(root: Path, seconds: float = 60) -> None:
    """Every file and folder of the workspace changed `seconds` ago: past the two seconds in which haru keeps
    nothing made from a file (workspace.Listing.racy)."""
    when = time.time() - seconds
    for folder, folders, names in os.walk(root):
        folders[:] = [f for f in folders if f != CACHE_FOLDER]
        for name in [*names, *folders]:
            os.utime(os.path.join(folder, name), (when, when))
        os.utime(folder, (when, when))


def program(root: Path, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
         ) -> subprocess.CompletedProcess[bytes]:
    """The `haru` program itself (answers are kept only by it, not by a command called in-process)."""
    return subprocess.run([sys.executable, "-m", "haru_cli", "--data", str(root), *args], capture_output=True,
                          env={**os.environ, "HARU_TODAY": "2026-11-27", **(env or {})}, cwd=cwd, timeout=60)


def kept(root: Path) -> list[str]:
    folder = root / CACHE_FOLDER
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(answers.PREFIX)) if folder.is_dir() else []


def parse_cache(root: Path) -> list[Path]:
    return sorted((root / CACHE_FOLDER).glob("*.pickle"))


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    root = workspace()
    aged(root)
    return root


def test_a_second_run_prints_the_kept_answer_without_loading(ws: Path) -> None:
    first = program(ws, "partner", "show", "ウエダ")
    assert first.returncode == 0 and "株式会社ウエダ" in first.stdout.decode()
    assert len(kept(ws)) == 1
    for pickled in parse_cache(ws):
        if pickled.name != "listing.pickle":
            pickled.unlink()  # a run that loaded the workspace would save its dataset again
    second = program(ws, "partner", "show", "ウエダ")
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    assert [p.name for p in parse_cache(ws)] == ["listing.pickle"]


def test_an_answer_with_its_messages_and_exit_status(ws: Path) -> None:
    first = program(ws, "partner", "show", "いない会社")
    assert first.returncode == 1 and first.stderr
    second = program(ws, "partner", "show", "いない会社")
    assert (second.returncode, second.stdout, second.stderr) == (1, first.stdout, first.stderr)
    assert len(kept(ws)) == 1


def test_a_record_changed_makes_the_answer_anew(ws: Path) -> None:
    program(ws, "partner", "show", "ウエダ")
    partner = ws / "partners" / "ueda.yaml"
    text = partner.read_text(encoding="utf-8")
    partner.write_text(text.replace("株式会社ウエダ", "株式会社ウエダ改"), encoding="utf-8")
    aged(ws, 30)  # the edit is older than two seconds, and its time another
    again = program(ws, "partner", "show", "ウエダ")
    assert "株式会社ウエダ改" in again.stdout.decode()
    assert len(kept(ws)) == 2


@pytest.mark.parametrize("env", [{"HARU_TODAY": "2026-12-01"}, {"COLUMNS": "40"}, {"HARU_LANG_UNUSED": "x"}])
def test_another_day_width_or_environment_is_another_answer(ws: Path, env: dict[str, str]) -> None:
    first = program(ws, "upcoming", "--within", "30d")
    other = program(ws, "upcoming", "--within", "30d", env=env)
    assert len(kept(ws)) == 2
    if "HARU_TODAY" in env:
        assert other.stdout != first.stdout


def test_the_folder_it_runs_in_is_another_answer(ws: Path, tmp_path: Path) -> None:
    """Paths are shown as the user can open them from where they are."""
    here = program(ws, "search", "ウエダ", cwd=ws)
    elsewhere = program(ws, "search", "ウエダ", cwd=tmp_path)
    assert here.stdout.startswith(b"partners/") and elsewhere.stdout.startswith(b"ws/partners/")
    assert len(kept(ws)) == 2


def test_a_workspace_template_changed_is_another_answer(ws: Path) -> None:
    templates = ws / "templates"
    templates.mkdir()
    (templates / "report_partner.md.j2").write_text("# {{ p.name }} 版1\n", encoding="utf-8")
    aged(ws)
    assert "版1" in program(ws, "report", "partner", "ウエダ").stdout.decode()
    (templates / "report_partner.md.j2").write_text("# {{ p.name }} 版2\n", encoding="utf-8")
    aged(ws, 30)
    assert "版2" in program(ws, "report", "partner", "ウエダ").stdout.decode()


def test_a_template_changed_a_moment_ago_keeps_no_answer(ws: Path) -> None:
    (ws / "templates").mkdir()
    aged(ws)
    (ws / "templates" / "report_partner.md.j2").write_text("# {{ p.name }}\n", encoding="utf-8")
    assert program(ws, "report", "partner", "ウエダ").returncode == 0
    assert kept(ws) == []


def test_with_stderr_closed_the_command_runs_and_keeps_nothing(ws: Path) -> None:
    """`haru … 2>&-` leaves sys.stderr None: nothing to record it with."""
    done = subprocess.run(f'"{sys.executable}" -m haru_cli --data "{ws}" partner list 2>&-', shell=True,
                          capture_output=True, env={**os.environ, "HARU_TODAY": "2026-11-27"}, timeout=60)
    assert done.returncode == 0 and "株式会社ウエダ" in done.stdout.decode() and kept(ws) == []


def test_a_templates_link_is_not_followed(ws: Path, tmp_path: Path) -> None:
    """Its target's changes are nothing haru reads (the report refuses a linked templates folder)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (ws / "templates").symlink_to(outside)
    assert answers._templates(ws) == answers._templates(ws)
    (outside / "x.j2").write_text("x", encoding="utf-8")
    before = answers._templates(ws)
    (outside / "y.j2").write_text("y", encoding="utf-8")
    assert answers._templates(ws) == before


def test_a_written_file_or_a_read_template_keeps_no_answer(ws: Path, tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        done = program(ws, "report", "partner", "ウエダ", "-o", str(tmp_path / name))
        assert done.returncode == 0 and (tmp_path / name).is_file()
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ p.name }}\n", encoding="utf-8")
    assert program(ws, "report", "partner", "ウエダ", "--template", str(template)).returncode == 0
    assert kept(ws) == []


def test_the_clock_read_keeps_no_answer(ws: Path) -> None:
    """iCalendar's DTSTAMP is the time it was made."""
    done = program(ws, "upcoming", "--within", "60d", "--format", "ics")
    assert done.returncode == 0 and b"DTSTAMP" in done.stdout
    assert kept(ws) == []


def test_files_changed_a_moment_ago_keep_no_answer(workspace: WorkspaceFactory) -> None:
    fresh = workspace()
    assert program(fresh, "partner", "list").returncode == 0
    assert kept(fresh) == []


def test_switched_off_or_no_cache(ws: Path) -> None:
    program(ws, "partner", "list", env={"HARU_ANSWERS": "off"})
    assert kept(ws) == []
    subprocess.run([sys.executable, "-m", "haru_cli", "--no-cache", "--data", str(ws), "partner", "list"],
                   capture_output=True, check=True, timeout=60)
    assert kept(ws) == []


def test_a_writing_command_keeps_no_answer(ws: Path) -> None:
    program(ws, "action", "add", "ウエダ", "資料を送る", "--due", "2026-12-10")
    program(ws, "validate")
    assert kept(ws) == []


def test_an_answer_not_signed_by_this_user_is_not_printed(ws: Path) -> None:
    first = program(ws, "partner", "show", "ウエダ")
    [name] = kept(ws)
    path = ws / CACHE_FOLDER / name
    blob = bytearray(path.read_bytes())
    at = blob.find("株式会社ウエダ".encode())
    blob[at:at + len("株式会社ウエダ".encode())] = "株式会社ニセモ".encode()  # the same length, not re-signed
    path.write_bytes(bytes(blob))
    second = program(ws, "partner", "show", "ウエダ")
    assert second.stdout == first.stdout


def test_a_command_called_in_process_keeps_none(ws: Path) -> None:
    from typer.testing import CliRunner

    from haru_cli.cli import app

    result = CliRunner().invoke(app, ["--data", str(ws), "--today", "2026-11-27", "partner", "list"])
    assert result.exit_code == 0
    assert kept(ws) == []


def test_the_oldest_answers_go(tmp_path: Path) -> None:
    folder = tmp_path / CACHE_FOLDER
    folder.mkdir()
    for n in range(answers.KEEP + 5):
        made = folder / f"{answers.PREFIX}{n:04d}"
        made.write_bytes(b"x")
        os.utime(made, ns=(n * 10**9, n * 10**9))
    (folder / "dataset.pickle").write_bytes(b"x")
    answers._prune(tmp_path)
    left = sorted(p.name for p in folder.iterdir())
    assert left == [*(f"{answers.PREFIX}{n:04d}" for n in range(5, answers.KEEP + 5)), "dataset.pickle"]


def test_kept_answers_read_back_and_broken_ones_are_none() -> None:
    body = bytes([1]) + answers._CHUNK.pack(1, 3) + b"abc" + answers._CHUNK.pack(2, 2) + b"de"
    code, chunks = answers._parsed(memoryview(body)) or (None, [])
    assert code == 1 and [(s, bytes(d)) for s, d in chunks] == [(1, b"abc"), (2, b"de")]
    for broken in (b"", body[:-1], bytes([0]) + answers._CHUNK.pack(3, 0), body[:4]):
        assert answers._parsed(memoryview(broken)) is None
    assert answers._merged([(1, b"a"), (1, b"b"), (2, b"c"), (1, b"d")]) == [(1, b"ab"), (2, b"c"), (1, b"d")]


def test_a_write_that_fails_spoils_the_recording(tmp_path: Path) -> None:
    class Closed:
        def write(self, data: bytes) -> int:
            raise BrokenPipeError

        def flush(self) -> None:
            raise BrokenPipeError

    recording = answers._Recording(tmp_path, "n", "k", 10**6, (None, None))
    tee = answers._Tee(Closed(), 1, recording)  # type: ignore[arg-type]
    with pytest.raises(BrokenPipeError):
        tee.write(b"text")
    assert recording.spoiled and recording.chunks == []


def test_a_long_answer_is_not_held(tmp_path: Path) -> None:
    recording = answers._Recording(tmp_path, "n", "k", 100, (None, None))
    recording.add(1, b"x" * 40)
    recording.add(1, b"x" * 40)
    assert recording.spoiled and recording.chunks == []


def test_the_program_in_this_process_keeps_and_prints_its_answer(ws: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """As test_a_second_run_prints_the_kept_answer_without_loading, through cli.main itself (for coverage)."""
    from haru_cli.cli import main

    monkeypatch.setenv("HARU_TODAY", "2026-11-27")
    printed = []
    for _ in range(2):
        monkeypatch.setattr(sys, "argv", ["haru", "--data", str(ws), "upcoming", "--within", "60d"])
        with pytest.raises(SystemExit) as ended:
            main()
        assert ended.value.code == 0
        printed.append(capsysbinary.readouterr())
        for pickled in parse_cache(ws):
            if pickled.name != "listing.pickle":
                pickled.unlink()
    assert printed[0] == printed[1] and printed[0].out and len(kept(ws)) == 1
    assert [p.name for p in parse_cache(ws)] == ["listing.pickle"]  # the second run loaded nothing
    assert not isinstance(sys.stdout.buffer, answers._Tee)  # the streams put back


@pytest.mark.parametrize("unbuffered", [None, "1"])
def test_stdout_and_stderr_into_one_file_come_back_in_the_order_they_reached_it(
        workspace: WorkspaceFactory, unbuffered: str | None) -> None:
    """Piped, stdout waits in its buffer until the end while stderr's lines go at once (unless Python's
    streams are unbuffered): the answer printed again puts them in that order, not in the order written."""
    root = workspace({"haru.yaml": "tax:\n  rate: 8%\n  rouding: floor\n"})  # every figure incomplete (exit 1)
    aged(root)
    command = [sys.executable, "-m", "haru_cli", "--data", str(root), "report", "monthly", "--month", "2026-10"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update({"HARU_TODAY": "2026-11-27", **({"PYTHONUNBUFFERED": unbuffered} if unbuffered else {})})
    runs = [subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment, timeout=60)
            for environment in ({**env, "HARU_ANSWERS": "off"}, env, env)]  # as without answers, kept, printed
    assert [run.returncode for run in runs] == [1, 1, 1] and len(kept(root)) == 1
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout


def test_a_closed_pipe_ends_quietly_and_keeps_nothing(ws: Path) -> None:
    """`haru … | head -1`: the reader gone, the command ends with 1 as Click ends it, without a word of
    Python's about the stream, and what it printed is not whole, so not kept."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-m", "haru_cli", "--data", str(ws), "partner", "list"],
                              stdout=write, stderr=subprocess.PIPE, timeout=60,
                              env={**os.environ, "HARU_TODAY": "2026-11-27"})
    finally:
        os.close(write)
    assert done.returncode == 1 and done.stderr == b"" and kept(ws) == []


def test_an_answer_printed_again_is_written_whole_where_a_file_takes_part_of_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An unbuffered stream (PYTHONUNBUFFERED) writes to its file, which may take part of what it is given:
    the rest is written after it, not dropped."""
    import typer

    class Sip:
        def __init__(self) -> None:
            self.got = bytearray()

        def write(self, data: bytes) -> int:
            self.got += bytes(data[:3])
            return min(3, len(data))

        def flush(self) -> None:
            pass

    out, err = Sip(), Sip()
    monkeypatch.setattr(sys, "stdout", type("Out", (), {"buffer": out, "flush": lambda self: None})())
    monkeypatch.setattr(sys, "stderr", type("Err", (), {"buffer": err, "flush": lambda self: None})())
    with pytest.raises(typer.Exit) as ended:
        answers._replay(1, [(1, memoryview(b"0123456789")), (2, memoryview(b"note\n")), (1, memoryview(b"ab"))])
    assert ended.value.exit_code == 1 and bytes(out.got) == b"0123456789ab" and bytes(err.got) == b"note\n"


def test_answers_switched_off_in_any_spelling(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("off", "OFF", "0", "no", "False"):
        monkeypatch.setenv("HARU_ANSWERS", value)
        assert answers.switched_off()
    monkeypatch.setenv("HARU_ANSWERS", "on")
    assert not answers.switched_off()


def test_hostile_names_and_contents_come_back_as_text_and_as_they_were_made(workspace: WorkspaceFactory) -> None:
    """A workspace from someone else (SPEC §14): a file named with an escape sequence, a record whose text
    holds one and a newline; the answer printed again is what a fresh run prints, escapes shown as text."""
    root = workspace({
        "partners/evil\x1b[31m.yaml": "id: evil\nname: 悪い\n",
        "partners/ueda.yaml": "id: ueda\nname: \"株式会社ウエダ\\x1b]0;pwned\\x07\"\nkana: ウエダ\n",
    })
    aged(root)
    fresh = program(root, "partner", "list", env={"HARU_ANSWERS": "off"})
    first, again = program(root, "partner", "list"), program(root, "partner", "list")
    assert len(kept(root)) == 1
    assert (fresh.returncode, fresh.stdout, fresh.stderr) == (first.returncode, first.stdout, first.stderr) \
        == (again.returncode, again.stdout, again.stderr)
    assert b"\x1b" not in again.stdout + again.stderr and b"\x07" not in again.stdout
