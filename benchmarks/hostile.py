"""Hostile files of at most 4 MB (SPEC §14): `haru validate` must answer each in ≤ 3 s and ≤ 300 MB.

    python benchmarks/hostile.py [--only NAME] [--keep DIR]

Each shape is written into a small valid workspace as one partner file, and `haru --no-cache validate`
is run on it as a whole process; the table gives its wall time, peak memory and exit status (1: the file
was reported, as it should be). Exits 1 if any shape misses a target or haru crashes (exit 70).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HARU = [str(BIN / "haru")] if (BIN / "haru").exists() else [sys.executable, "-m", "haru_cli"]
LIMIT = 4 * 2**20 - 64  # just under the 4 MB a file may have
SECONDS, MEGABYTES = 3.0, 300

HEAD = "id: hostile\nname: x\n"


def fill(unit: str, head: str = HEAD, tail: str = "") -> str:
    """head, then unit repeated to just under the limit, then tail."""
    room = LIMIT - len((head + tail).encode())
    return head + unit * (room // len(unit.encode())) + tail


SHAPES: dict[str, Callable[[], str]] = {
    "integer of 4 MB of digits": lambda: HEAD + "since: " + "9" * (LIMIT - 30) + "\n",
    "358,000 unknown keys": lambda: HEAD + "".join(f"k{n}: 1\n" for n in range(358_000))[: LIMIT - 20],
    "19,000 unknown keys (under the value cap)": lambda: HEAD + "".join(f"k{n}: 1\n" for n in range(19_000)),
    "19,000 numbers where text goes": lambda: HEAD + "aliases: [" + "1," * 19_000 + "1]\n",
    "9,000 duplicate keys": lambda: HEAD + "kana: x\n" * 9_000,
    "2 million list items": lambda: fill("a,", HEAD + "aliases: [", "a]\n"),
    "2 million numbers where text goes": lambda: fill("1,", HEAD + "aliases: [", "1]\n"),
    "a million block items": lambda: fill("- x\n", HEAD + "expertise:\n"),
    "duplicate keys": lambda: fill("kana: x\n"),
    "one 4 MB string": lambda: HEAD + "notes: " + "長" * ((LIMIT - 40) // 3) + "\n",
    "4 MB of combining marks": lambda: HEAD + "notes: a" + "\u0301" * ((LIMIT - 40) // 2) + "\n",
    "4 MB of comments": lambda: fill("# コメント\n", HEAD),
    "deep nesting": lambda: HEAD + "notes: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deep mappings": lambda: HEAD + "notes: " + "{a: " * 60 + "1" + "}" * 60 + "\n",
    "long flow of mappings": lambda: fill("{a: 1},", HEAD + "contacts: [", "{a: 1}]\n"),
    "a million bad dates": lambda: fill("    - {date: 2026-02-30}\n", HEAD + "contacts:\n"),
    "aliases of aliases": lambda: HEAD + "a: &a [x]\n" + "".join(f"b{n}: &b{n} [*a, *a]\n" for n in range(60)),
    "tabs and control characters": lambda: fill("\tk:\x07 v\n"),
    "a line of 4 MB": lambda: HEAD + "role: " + "x " * ((LIMIT - 40) // 2) + "\n",
    "CR line ends": lambda: (HEAD + "kana: [\r" * 1000).replace("\n", "\r") + "x" * 100,
}


def workspace(folder: Path, text: str) -> Path:
    (folder / "partners").mkdir(parents=True)
    (folder / "haru.yaml").write_text("company: x\n", encoding="utf-8")
    (folder / "partners" / "hostile.yaml").write_bytes(text.encode("utf-8"))
    return folder


def measure(folder: Path) -> tuple[float, int, int, int]:
    """Wall seconds, peak RSS in MB, exit status and lines printed of `haru validate`."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen([*HARU, "--no-cache", "--data", str(folder), "validate"],
                                   stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0)
        lines = out.read().count(b"\n")
    return elapsed, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run only the shape whose name contains this")
    parser.add_argument("--keep", type=Path, help="write the workspaces here and keep them")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="haru-hostile-")) if args.keep is None else args.keep
    missed = 0
    print(f"{'shape':<38} {'bytes':>9} {'s':>6} {'MB':>5} exit lines")
    try:
        for n, (name, make) in enumerate(SHAPES.items()):
            if args.only and args.only not in name:
                continue
            text = make()
            folder = workspace(scratch / f"w{n}", text)
            elapsed, peak, status, lines = measure(folder)
            bad = elapsed > SECONDS or peak > MEGABYTES or status not in (0, 1)
            missed += bad
            size = len(text.encode())
            print(f"{name:<38} {size:>9,} {elapsed:>6.2f} {peak:>5} {status:>4} {lines:>5}{'  MISSED' if bad else ''}")
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"targets: ≤ {SECONDS} s and ≤ {MEGABYTES} MB each; {'all met' if not missed else f'{missed} missed'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
