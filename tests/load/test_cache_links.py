"""The parse cache (load/cache.py) as an attacker meets it (SPEC §14): never read or written through a link
or a pipe, never left half-written on a full disk, never stale after a chmod or a restored mtime."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from haru_cli.load import cache, store
from haru_cli.load.workspace import scan_workspace
from tests.helpers import Haru, WorkspaceFactory, load_workspace


def aged(root: Path) -> Path:
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past), follow_symlinks=False)
    return root


def test_a_symlinked_cache_folder_is_never_written_through(workspace: WorkspaceFactory, haru: Haru,
                                                           tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = workspace()
    (root / cache.CACHE_FOLDER).symlink_to(elsewhere)
    aged(root)
    result = haru("--data", root, "partner", "list")
    assert result.exit_code == 0
    assert list(elsewhere.iterdir()) == []
    assert ".haru-cache" in result.stderr  # said, since every run is then slow


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "elsewhere"])
def test_a_cache_file_that_is_a_link_or_pipe_is_neither_read_nor_written(
        workspace: WorkspaceFactory, tmp_path: Path, target: str) -> None:
    root = aged(workspace())
    folder = root / cache.CACHE_FOLDER
    folder.mkdir()
    pickle_file = folder / store.HEAD
    if target == "fifo":
        os.mkfifo(pickle_file)
    else:
        destination = Path(target) if target.startswith("/") else tmp_path / target
        pickle_file.symlink_to(destination)
    code = ("import sys; from pathlib import Path; from tests.helpers import load_workspace; "
            "print(len(load_workspace(Path(sys.argv[1]), cache=True).partners))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert not (tmp_path / "elsewhere").exists()
    assert not pickle_file.is_symlink() or target == "/dev/zero" or not pickle_file.exists()


def test_the_cache_gitignore_is_not_written_through_a_link(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    root = workspace()
    (root / cache.CACHE_FOLDER).mkdir()
    outside = tmp_path / "outside.txt"
    (root / cache.CACHE_FOLDER / ".gitignore").symlink_to(outside)
    load_workspace(aged(root), cache=True)
    assert not outside.exists()
    assert (root / cache.CACHE_FOLDER / store.HEAD).is_file()


def test_a_full_disk_never_leaves_an_empty_gitignore(workspace: WorkspaceFactory,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace())

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    monkeypatch.setattr(os, "replace", full)
    load_workspace(root, cache=True)
    assert sorted(p.name for p in (root / cache.CACHE_FOLDER).iterdir()) == []


def test_chmod_and_a_restored_mtime_are_seen(workspace: WorkspaceFactory) -> None:
    root = aged(workspace())
    partner = root / "partners" / "ueda.yaml"
    before = scan_workspace(root).fingerprint
    partner.chmod(0o600)
    assert scan_workspace(root).fingerprint != before
    load_workspace(root, cache=True)
    time.sleep(0.05)  # file times come from a coarse clock: let it tick past the cache's writing
    info = partner.stat()
    text = partner.read_text(encoding="utf-8")
    partner.write_text(text.replace("kana: ウエダ", "kana: ウエタ"), encoding="utf-8")  # same size
    os.utime(partner, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old time put back
    assert partner.stat().st_size == info.st_size and partner.stat().st_mtime_ns == info.st_mtime_ns
    assert load_workspace(root, cache=True).partners["ueda"].kana == "ウエタ"


def test_a_folder_named_like_the_cache_file_is_ignored(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = aged(workspace())
    (root / cache.CACHE_FOLDER / store.HEAD).mkdir(parents=True)
    (root / cache.CACHE_FOLDER / store.HEAD / "x").write_text("x", encoding="utf-8")
    for _ in range(2):
        assert haru("--data", root, "partner", "list").exit_code == 0


def test_a_cache_file_that_is_a_folder_is_named(workspace: WorkspaceFactory, haru: Haru) -> None:
    """The cache is never saved through it (nor is it removed): every run would read every file, unsaid."""
    root = aged(workspace())
    odd = root / cache.CACHE_FOLDER / store.TYPE_FILE.format("automation")
    (odd / "x").mkdir(parents=True)
    result = haru("--data", root, "--lang", "en", "partner", "list")
    assert result.exit_code == 0 and "株式会社ウエダ" in result.stdout
    assert result.stderr == (".haru-cache/records-automation.pickle is not a file, so the cache cannot be saved:"
                             " remove it\n")
    assert odd.is_dir() and haru("--data", root, "--no-cache", "partner", "list").stderr == ""
