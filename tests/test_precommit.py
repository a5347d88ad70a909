"""The pre-commit gate, with the real pre-commit: a broken record cannot be committed, a clean one can."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import write_workspace

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "partners-data"
    write_workspace(root / "data", {})
    shutil.copy(PROJECT / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    env = {
        **os.environ,
        # `haru` is the console script installed beside this Python; pre-commit's cache stays in tmp.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "GIT_AUTHOR_NAME": "テスト", "GIT_AUTHOR_EMAIL": "test@example.jp",
        "GIT_COMMITTER_NAME": "テスト", "GIT_COMMITTER_EMAIL": "test@example.jp",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("HARU_DATA", None)
    assert run(["git", "init", "-q", "-b", "main"], root, env).returncode == 0
    hook = run([sys.executable, "-m", "pre_commit", "install"], root, env)
    assert hook.returncode == 0, hook.stderr
    return root, env


def test_broken_record_is_refused_and_clean_one_goes_through(repo: tuple[Path, dict[str, str]]) -> None:
    root, env = repo
    partner = root / "data" / "partners" / "ueda.yaml"
    clean = partner.read_text(encoding="utf-8")
    partner.write_text(clean + "onwer: 社長\n", encoding="utf-8")
    run(["git", "add", "-A"], root, env)
    refused = run(["git", "commit", "-q", "-m", "broken"], root, env)
    assert refused.returncode != 0
    assert "data/partners/ueda.yaml:9:1: error[unknown-key]" in refused.stdout + refused.stderr
    assert run(["git", "rev-parse", "--verify", "HEAD"], root, env).returncode != 0  # nothing was committed

    partner.write_text(clean.replace("cadence: monthly", "cadence: monthly\nowner: 社長"), encoding="utf-8")
    run(["git", "add", "-A"], root, env)
    accepted = run(["git", "commit", "-q", "-m", "clean"], root, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert run(["git", "rev-parse", "--verify", "HEAD"], root, env).returncode == 0


def test_shipped_hook_files_are_valid_for_pre_commit() -> None:
    config = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
                            cwd=PROJECT, capture_output=True, text=True)
    manifest = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                              cwd=PROJECT, capture_output=True, text=True)
    assert config.returncode == 0, config.stdout + config.stderr
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr


def test_an_untracked_broken_file_does_not_block_a_commit(repo: tuple[Path, dict[str, str]]) -> None:
    """pre-commit stashes what is unstaged but not untracked files: the hook checks what is staged."""
    root, env = repo
    run(["git", "add", "-A"], root, env)
    assert run(["git", "commit", "-q", "-m", "first"], root, env).returncode == 0
    (root / "data" / "partners" / "draft.yaml").write_text("id: draft\nname: [\n", encoding="utf-8")  # untracked
    note = root / "data" / "partners" / "ueda.yaml"
    note.write_text(note.read_text(encoding="utf-8") + "owner: 社長\n", encoding="utf-8")
    run(["git", "add", str(note)], root, env)
    done = run(["git", "commit", "-q", "-m", "second"], root, env)
    assert done.returncode == 0, done.stdout + done.stderr
    run(["git", "add", "-A"], root, env)  # staged now: refused
    assert run(["git", "commit", "-q", "-m", "third"], root, env).returncode != 0
