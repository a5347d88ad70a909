"""haru hook install: a plain pre-commit hook, never replacing one, whatever the folder is called."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Haru, WorkspaceFactory, fake_haru, git_env, pwned

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def test_install_and_refuse_to_replace(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    first = haru("--data", root, "hook", "install")
    assert first.exit_code == 0, first.stderr
    for name in ("pre-commit", "pre-merge-commit"):
        hook = root / ".git" / "hooks" / name
        assert hook.read_text(encoding="utf-8").endswith("haru --no-cache --data . validate --staged\n")
        assert os.access(hook, os.X_OK)
    second = haru("--data", root, "--lang", "en", "hook", "install")
    assert second.exit_code == 1 and "already exists" in second.stderr
    (root / ".git" / "hooks" / "pre-commit").unlink()  # one of the two there already: neither is written
    third = haru("--data", root, "--lang", "en", "hook", "install")
    assert third.exit_code == 1 and not (root / ".git" / "hooks" / "pre-commit").exists()


def test_outside_git(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    result = haru("--data", workspace(), "--lang", "en", "hook", "install")
    assert result.exit_code == 1 and "not inside a git repository" in result.stderr


def test_the_hook_checks_what_is_staged(tmp_path: Path, haru: Haru) -> None:
    """Inside a larger repository, and on the staged text: a fixed working copy does not hide a broken index."""
    import sys

    from tests.helpers import write_workspace

    repo = tmp_path / "repo"
    write_workspace(repo / "inner", {})
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.jp", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.jp"}
    env.pop("HARU_DATA", None)

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=60)

    git("init", "-q")
    assert haru("--data", repo / "inner", "hook", "install").exit_code == 0
    git("add", "-A")
    assert git("commit", "-q", "-m", "clean").returncode == 0
    partner = repo / "inner" / "partners" / "ueda.yaml"
    clean = partner.read_text(encoding="utf-8")
    partner.write_text(clean.replace("name: 株式会社ウエダ", 'name: ""'), encoding="utf-8")
    git("add", "-A")
    partner.write_text(clean, encoding="utf-8")  # the working copy is fine again; the index is not
    refused = git("commit", "-q", "-m", "broken")
    assert refused.returncode != 0 and "partners/ueda.yaml:2:7: error[type]" in refused.stdout + refused.stderr


def test_install_from_the_repository_top_finds_the_workspace_inside(tmp_path: Path, haru: Haru,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.helpers import write_workspace

    repo = tmp_path / "repo"
    write_workspace(repo / "partners-data", {})
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    monkeypatch.delenv("HARU_DATA", raising=False)
    result = haru("--lang", "en", "hook", "install")
    assert result.exit_code == 0, result.stderr
    assert (repo / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8").endswith(
        "--data partners-data validate --staged\n")


def test_a_git_file_naming_another_repository_gets_no_hook(workspace: WorkspaceFactory, haru: Haru,
                                                           tmp_path: Path) -> None:
    """SPEC §14: a `.git` file (gitdir: …) that came with the data must not make haru write a hook into
    another repository, which would then refuse every commit there."""
    victim = tmp_path / "victim"
    victim.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=victim, check=True)
    root = workspace()
    (root / ".git").write_text(f"gitdir: {victim / '.git'}\n", encoding="utf-8")
    result = haru("--data", root, "hook", "install")
    assert result.exit_code == 1
    assert not (victim / ".git" / "hooks" / "pre-commit").exists()


git_needed = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


HOSTILE_FOLDER = "data$(id>..HOOKPWN)`id>..PWN2`;id>..PWN3 'q\" x"


@git_needed
def test_hook_install_quotes_the_folder_name(tmp_path: Path, haru: Haru) -> None:
    from tests.helpers import write_workspace

    repo = tmp_path / "repo"
    write_workspace(repo / HOSTILE_FOLDER, {})
    bin_folder = fake_haru(tmp_path / "bin")
    env = git_env(bin_folder)
    subprocess.run(["git", "init", "-q"], cwd=repo, env=env, check=True)
    assert haru("--data", repo / HOSTILE_FOLDER, "hook", "install").exit_code == 0
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    done = subprocess.run(["git", "commit", "-q", "-m", "x"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert pwned(repo) == []
    assert (bin_folder / "args").read_text(encoding="utf-8").splitlines() == [
        "--no-cache", "--data", HOSTILE_FOLDER, "validate", "--staged"]


@git_needed
def test_hook_install_refuses_a_workspace_laid_out_as_a_git_folder(tmp_path: Path, haru: Haru,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A committed HEAD, objects/, refs/ and a config naming core.hooksPath make the workspace a git folder
    of its own: haru must not write the hook where that config says."""
    from tests.helpers import write_workspace

    outside = tmp_path / "outside-hooks"
    ws = write_workspace(tmp_path / "repo" / "data", {})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "repo", env=git_env(tmp_path), check=True)
    (ws / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (ws / "objects").mkdir()
    (ws / "refs").mkdir()
    (ws / "config").write_text(f"[core]\n\tbare = false\n\tworktree = .\n\thooksPath = {outside}\n", encoding="utf-8")
    monkeypatch.chdir(ws)
    result = haru("--lang", "en", "hook", "install")
    assert result.exit_code == 1 and not outside.exists(), result.stderr
    assert "not a usual .git" in result.stderr or "not inside a git repository" in result.stderr


def test_a_merge_git_makes_of_two_texts_is_refused_when_it_breaks_a_record(tmp_path: Path, haru: Haru) -> None:
    """SPEC §18: without the merge driver git merges records as text; two branches that each add a `bank:` in
    different places merge without a conflict into a record with the key twice. The pre-merge-commit hook
    refuses that merge: nothing broken is committed."""
    import sys

    from tests.helpers import write_workspace

    repo = tmp_path / "repo"
    write_workspace(repo, {"partners/andath.yaml": "id: andath\nname: 株式会社&ath\nkana: アンドアス\n"
                                                   "cadence: monthly\nsince: 2025-07-01\nnotes: 派遣\n"})
    env = git_env(Path(sys.executable).parent)

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=60)

    git("init", "-q", "-b", "main")
    assert haru("--data", repo, "hook", "install").exit_code == 0
    git("add", "-A")
    assert git("commit", "-q", "-m", "base").returncode == 0
    partner = repo / "partners" / "andath.yaml"
    base = partner.read_text(encoding="utf-8")
    bank = "bank: {{bank: '0001', branch: '001', type: ordinary, number: '{}', holder: ｱﾝﾄﾞｱｽ}}\n"
    git("switch", "-q", "-c", "pm")
    partner.write_text(base.replace("kana:", bank.format("1111111") + "kana:"), encoding="utf-8")
    assert git("commit", "-q", "-am", "pm").returncode == 0
    git("switch", "-q", "main")
    partner.write_text(base + bank.format("2222222"), encoding="utf-8")
    assert git("commit", "-q", "-am", "boss").returncode == 0
    merged = git("merge", "-q", "--no-edit", "pm")
    assert merged.returncode != 0 and "duplicate-key" in merged.stdout + merged.stderr  # refused by the hook
    assert git("rev-list", "--count", "HEAD").stdout.strip() == "2"  # no merge commit
