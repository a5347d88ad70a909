"""The parse cache: used only while nothing changed, never trusted when foreign or corrupt."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from haru_cli.cli import COMMANDS
from haru_cli.load import cache, store
from tests.helpers import Haru, WorkspaceFactory, load_workspace


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def cached_file(root: Path) -> Path:
    return root / cache.CACHE_FOLDER / store.HEAD


def aged(root: Path) -> Path:
    """Files written a moment ago are not cached (they could change again unnoticed): make them older."""
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past))
    return root


WARM_RUN = """\
import sys
from haru_cli.entry import main
sys.argv = ["haru", "--data", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
from haru_cli.cli import COMMANDS
print(sorted({name.rsplit(".", 1)[-1] for name in sys.modules if name.startswith("haru_cli.cli.")}
             & {module for module, _ in COMMANDS.values()}))
print(sorted({name.split(".")[0] for name in sys.modules}
             & {"pydantic", "pydantic_core", "yaml", "jinja2", "rich", "starlette", "uvicorn", "watchfiles"}))
"""


def test_files_changed_a_moment_ago_are_not_cached_yet(workspace: WorkspaceFactory) -> None:
    root = workspace()
    load_workspace(root, cache=True)
    assert not cached_file(root).exists()
    load_workspace(aged(root), cache=True)
    assert cached_file(root).exists()


def test_the_cache_gives_back_the_same_dataset(workspace: WorkspaceFactory) -> None:
    root = aged(workspace({"partners/bad.yaml": "id: bad\nname: [\n"}))
    fresh = load_workspace(root, cache=True)
    assert cached_file(root).exists()
    assert (root / cache.CACHE_FOLDER / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    again = load_workspace(root, cache=True)
    assert again is not fresh
    assert (again.partners, again.contracts, again.meetings, again.referrals) == (
        fresh.partners, fresh.contracts, fresh.meetings, fresh.referrals)
    assert again.problems == fresh.problems and again.broken == fresh.broken and again.files == fresh.files


def test_a_changed_file_is_read_again(workspace: WorkspaceFactory) -> None:
    root = workspace()
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ"
    (root / "partners" / "ueda.yaml").write_text("id: ueda\nname: 株式会社ウエダ物流\n", encoding="utf-8")
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ物流"
    (root / "partners" / "spcom.yaml").write_text("id: spcom\nname: x\n", encoding="utf-8")
    assert "spcom" in load_workspace(root, cache=True).partners
    (root / "partners" / "spcom.yaml").unlink()
    assert "spcom" not in load_workspace(root, cache=True).partners


@pytest.mark.parametrize("damage", [b"garbage", b"", cache.MAGIC + b"\x00" * 40 + b"x\ny"])
def test_a_corrupt_cache_is_ignored_and_rebuilt(workspace: WorkspaceFactory, damage: bytes) -> None:
    root = aged(workspace())
    load_workspace(root, cache=True)
    cached_file(root).write_bytes(damage)
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ"
    assert cached_file(root).read_bytes().startswith(cache.MAGIC) and cached_file(root).read_bytes() != damage


def test_a_foreign_cache_is_never_unpickled(workspace: WorkspaceFactory, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace())
    load_workspace(root, cache=True)  # signed with this user's key
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))

    def refuse(*args: object) -> None:
        raise AssertionError("a foreign cache was unpickled")

    monkeypatch.setattr(store.pickle, "loads", refuse)
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ"


def test_no_cache_bypasses_it(workspace: WorkspaceFactory) -> None:
    root = workspace()
    load_workspace(root, cache=False)
    assert not cached_file(root).exists()


@pytest.mark.parametrize("command", [
    ["partner", "show", "ueda"], ["partner", "list"], ["contract", "list"], ["validate"], ["renewals"],
    ["feedback"], ["upcoming"], ["fees", "calc", "--month", "2026-10"],
])
def test_a_command_answered_from_the_cache_imports_neither_pydantic_nor_yaml(
        workspace: WorkspaceFactory, command: list[str]) -> None:
    """What keeps a warm start near Python's own (issue 8): the cache holds plain dataclasses, and
    Pydantic, PyYAML, Jinja and Rich (for piped output) are imported only by the work that needs them —
    the dashboard's server stack only by `haru serve`."""
    import subprocess
    import sys

    root = aged(workspace())

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", WARM_RUN, str(root), *command], capture_output=True,
                              text=True, env={**os.environ, "HARU_TODAY": "2026-11-27"})
        assert done.returncode in (0, 1), done.stderr
        *_, modules, libraries = done.stdout.splitlines()
        assert modules == f"['{COMMANDS[command[0]][0]}']"  # no other command's module is imported, nor built
        return libraries

    assert run() == "['pydantic', 'pydantic_core', 'yaml']"  # cold: the files are read and validated
    assert run() == "[]"


def test_a_cache_folder_that_is_not_one_is_named(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = aged(workspace())
    (root / cache.CACHE_FOLDER).write_text("not a folder", encoding="utf-8")
    result = haru("--data", root, "--lang", "en", "partner", "list")
    assert result.exit_code == 0 and "株式会社ウエダ" in result.stdout
    assert result.stderr == ".haru-cache is not a folder, so nothing is cached: remove it\n"
    assert haru("--data", root, "--no-cache", "partner", "list").stderr == ""


def test_the_signing_key_is_made_whole_and_a_short_one_is_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "user-cache" / "haru" / "cache-key"
    made = cache._key()
    assert made is not None and key_file.read_bytes() == made and len(made) == 32
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert cache._key() == made  # read, not made again
    key_file.write_bytes(b"short")  # cut short by something else
    replaced = cache._key()
    assert replaced is not None and replaced != made and key_file.read_bytes() == replaced
    assert [p.name for p in key_file.parent.iterdir() if p.name.startswith(".cache-key")] == []  # no leftovers




def test_every_file_of_haru_is_part_of_its_code_version() -> None:
    """Not only the folder cache.py is in: a rule, a view or a shipped template changed is another haru, whose
    cache (and kept answers) an old one's are not."""
    from haru_cli.load.cache import code_files

    paths = {path.replace(os.sep, "/") for _, path in code_files()}
    assert {"load/cache.py", "records/models.py", "rules/fees.py", "cli/answers.py", "report_monthly.md.j2",
            "site/page.html.j2"} <= paths
    assert not any("__pycache__" in path or path.endswith(".pyc") for path in paths)
