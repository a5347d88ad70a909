"""A mutation fuzz over data/'s files (SPEC §14): whatever a hostile or careless hand does to a
workspace, every command exits 0 or 1 with well-formed problem lines, and never a traceback.

Bounded by time in the suite (--fuzz-seconds, 12 by default); a longer run is the same test with more:

    .venv/bin/python -m pytest tests/test_fuzz.py --fuzz-seconds 900 --fuzz-seed 7 -q -s

It prints how many cases it ran, with which seed, so that a failure can be replayed.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from haru_cli.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = ["--today", "2026-11-27"]
# A path in double quotes when it holds a colon or a quote; as it is otherwise, spaces included.
PROBLEM_LINE = re.compile(r'^(?:"[^"\n]*"|[^:"\n]+):\d+:\d+: (?:error|warning)\[[a-z-]+\] \S.*$')
SUMMARY = re.compile(r"^(\d+ ファイルを検査: エラー \d+ 件、警告 \d+ 件"
                     r"|\d+ files? checked: \d+ errors?, \d+ warnings?)$")
COMMANDS = [
    ["partner", "list"], ["partner", "list", "--format", "json"], ["partner", "show", "ウエダ"],
    ["partner", "show", "manatec", "--format", "csv"], ["contract", "list", "--format", "md"],
    ["contract", "show", "ueda-referral"], ["renewals", "--due", "1y", "--format", "ics"],
    ["feedback", "--due", "1y"], ["upcoming", "--within", "3m", "--format", "json"], ["upcoming", "--format", "ics"],
    ["fees", "calc", "--month", "2026-10"], ["fees", "calc", "--month", "2026-08", "--format", "csv"],
    ["fees", "statement", "ueda", "--month", "2026-10"], ["report", "monthly", "--month", "2026-10"],
    ["report", "partner", "ueda"], ["report", "agenda", "spcom"], ["--lang", "en", "partner", "list"],
]
TOKENS = [
    "&a x", "*a", "!!python/object:os.system", "!!binary aGk=", "!custom x", "{", "[", "]", "}", "- ", ": ", "? x",
    "\t", "\x00", "\ufeff", "\r", "\r\n", "\x85", "\u2028", "\u202e", "\x1b[31m", "'", '"', "|", ">-", "#", "%YAML 1.1",
    "---", "...", "9" * 30, "0x" + "f" * 30, "-1", "1e999", ".nan", "-.inf", "~", "null", "yes", "on", "0o17",
    "2026-02-30", "2026-13-01", "99999-01-01", "1899-12-31", "15%", "0.15", "150%", "1y", "0m", "100000y", "3ヶ月",
    "T7000012050002", "T8000012050002", "T７０００１２０５０００２", "{{ 7*7 }}", "{% include 'x' %}",
    "<script>x</script>",
    "=HYPERLINK(\"x\")", "ウエダ", "ｳｴﾀﾞ", "a" * 3000, "[" * 80 + "]" * 80, "{a: 1, a: 2}", "[1, 2, 3]",
    "{signed: 2026-07-01, amount: 1}", "ueda", "nobody", "2026-ueda-001", "ueda-referral", "true", "false", "0", "",
]
NAMES = ["x.yaml", "X.YAML", "a:b.yaml", "sp ace.yaml", "ウエダ.yaml", "a.yml", ".hidden.yaml", "ueda.yaml",
         "2026-11-10-ueda-regular.yaml", "..yaml", "-x.yaml", "a\u202eb.yaml"]
FOLDERS = ["partners", "contracts", "meetings/2026", "meetings/2025", "meetings", "referrals", ".", "templates"]


class Case:
    """One mutated workspace: the files changed, and a description to replay it by."""

    def __init__(self, rng: random.Random, files: dict[str, bytes]) -> None:
        self.rng = rng
        self.files = files
        self.changes: dict[str, bytes | None] = {}
        self.steps: list[str] = []

    def text(self, path: str) -> str:
        raw = self.changes.get(path, self.files.get(path))
        return (raw or b"").decode("utf-8", "surrogateescape")

    def put(self, path: str, text: str | bytes | None, step: str) -> None:
        self.changes[path] = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        self.steps.append(f"{step} {path}")

    def record(self) -> str:
        return self.rng.choice([p for p in self.files if p.endswith(".yaml")])

    def mutate(self) -> None:
        rng = self.rng
        path = self.record()
        lines = self.text(path).split("\n")
        n = rng.randrange(len(lines))
        kind = rng.randrange(13)
        if kind == 0:  # a value replaced
            key = lines[n].split(":", 1)[0]
            lines[n] = f"{key}: {rng.choice(TOKENS)}"
        elif kind == 1:
            del lines[n]
        elif kind == 2:
            lines.insert(n, lines[rng.randrange(len(lines))])
        elif kind == 3:
            m = rng.randrange(len(lines))
            lines[n], lines[m] = lines[m], lines[n]
        elif kind == 4:
            lines[n] = ("  " + lines[n]) if rng.random() < 0.5 else lines[n].lstrip()
        elif kind == 5:
            at = rng.randrange(len(lines[n]) + 1)
            lines[n] = lines[n][:at] + rng.choice(TOKENS) + lines[n][at:]
        elif kind == 6:
            self.put(path, "\n".join(lines)[: rng.randrange(len("\n".join(lines)) + 1)], "truncate")
            return
        elif kind == 7:
            raw = bytearray(self.changes.get(path) or self.files[path])
            if raw:
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            self.put(path, bytes(raw), "flip a byte of")
            return
        elif kind == 8:
            self.put(path, "\n".join(rng.choice(TOKENS) for _ in range(rng.randrange(1, 8))), "replace")
            return
        elif kind == 9:  # another file's id
            other = self.record()
            found = re.search(r"^id: (\S+)", self.text(other), flags=re.MULTILINE)
            lines = [f"id: {found.group(1)}" if line.startswith("id:") and found else line for line in lines]
        elif kind == 10:  # a new file, with an odd name, somewhere
            name = f"{rng.choice(FOLDERS)}/{rng.choice(NAMES)}".lstrip("./")
            self.put(name, self.text(self.record()) if rng.random() < 0.7 else rng.choice(TOKENS), "add")
            return
        elif kind == 11 and path != "haru.yaml":  # without haru.yaml there is no workspace (exit 2, SPEC §2)
            self.put(path, None, "remove")
            return
        elif kind == 12 and path != "haru.yaml":  # moved to another folder
            target = f"{rng.choice(FOLDERS)}/{path.rsplit('/', 1)[-1]}".lstrip("./")
            self.put(target, self.text(path), "move to")
            self.put(path, None, "move from")
            return
        else:
            lines.append(rng.choice(TOKENS))
        self.put(path, "\n".join(lines), f"edit ({kind}, line {n + 1})")


def apply(root: Path, case: Case) -> Callable[[], None]:
    """Write the case's changes into the workspace; the returned function puts everything back."""
    for path, data in case.changes.items():
        target = root / path
        if data is None:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)

    def restore() -> None:
        for path in case.changes:
            target = root / path
            if path in case.files:
                target.write_bytes(case.files[path])
            elif target.exists():
                target.unlink()

    return restore


def check(args: list[str], result: Result, replay: str) -> None:
    code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    where = f"{replay}\nharu {' '.join(args)} → {code}\nstdout: {stdout[-2000:]}\nstderr: {stderr[-2000:]}"
    assert code in (0, 1), where
    assert "Traceback" not in stdout + stderr and "internal error" not in stderr, where
    if args[-1] == "validate":
        lines = stdout.splitlines()
        assert lines and SUMMARY.match(lines[-1]), where
        assert all(PROBLEM_LINE.match(line) for line in lines[:-1]), where
    if "json" in args:
        json.loads(stdout)


def test_mutated_workspaces_never_crash_haru(tmp_path: Path, request: pytest.FixtureRequest,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    seconds = float(request.config.getoption("--fuzz-seconds"))
    seed = int(request.config.getoption("--fuzz-seed"))
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    monkeypatch.chdir(root)
    monkeypatch.delenv("HARU_DATA", raising=False)
    runner = CliRunner()
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    cases, refused = 0, 0
    while time.monotonic() < deadline:
        case = Case(random.Random(rng.random()), files)
        for _ in range(case.rng.randrange(1, 4)):
            case.mutate()
        restore = apply(root, case)
        replay = f"seed {seed}, case {cases}: " + "; ".join(case.steps)
        try:
            for args in (["validate"], case.rng.choice(COMMANDS)):
                full = ["--no-cache", "--data", str(root), *TODAY, *args]
                result = runner.invoke(app, full)
                check(args, result, replay)
                refused += args == ["validate"] and result.exit_code == 1
        finally:
            restore()
        cases += 1
    print(f"\nfuzz: {cases} mutated workspaces in {seconds:g} s (seed {seed}), {refused} of them with errors; "
          "every command exit 0 or 1")
    assert cases > 0
