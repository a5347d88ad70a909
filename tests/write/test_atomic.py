"""Writing files atomically (write/atomic.py): nothing half-written, two writers never over each other."""

from __future__ import annotations

import os
import time
from pathlib import Path

from haru_cli.write.atomic import LEFTOVER_AGE, write_new


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


def test_a_killed_write_leaves_nothing_for_long(tmp_path: Path) -> None:
    leftover = tmp_path / ".ueda.yaml.haru-abc123xy.tmp"
    young = tmp_path / ".other.yaml.haru-zzz999aa.tmp"
    theirs = tmp_path / ".notes.txt.ab12cd34.tmp"  # another program's atomic write: never haru's to remove
    for file in (leftover, young, theirs):
        file.write_text("half", encoding="utf-8")
    old = time.time() - LEFTOVER_AGE - 5
    os.utime(leftover, (old, old))
    os.utime(theirs, (old, old))
    write_new(tmp_path / "new.yaml", "id: new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt.ab12cd34.tmp", ".other.yaml.haru-zzz999aa.tmp",
                                                          "new.yaml"]
