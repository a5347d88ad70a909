"""haru init, and the whole first-day flow of a data repository with the real pre-commit."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml

from tests.helpers import Haru, fake_haru, git_env, load_workspace, pwned

BIN = Path(sys.executable).parent


def test_init_writes_a_complete_workspace(tmp_path: Path, haru: Haru) -> None:
    target = tmp_path / "partners-data"
    result = haru("init", target, "--company", "テスト株式会社", "--source", "git+https://example.jp/haru.git")
    assert result.exit_code == 0, result.stderr
    for name in ("haru.yaml", ".gitignore", ".pre-commit-config.yaml", ".github/workflows/haru.yml", "README.md",
                 "partners", "contracts", "meetings", "referrals", "schemas/partner.schema.json",
                 "schemas/haru.schema.json"):
        assert (target / name).exists(), name
    settings = (target / "haru.yaml").read_text(encoding="utf-8")
    assert settings.startswith("# yaml-language-server: $schema=schemas/haru.schema.json")
    assert "company: テスト株式会社" in settings
    workflow = yaml.safe_load((target / ".github/workflows/haru.yml").read_text(encoding="utf-8"))
    assert workflow["env"] == {"HARU_SOURCE": "git+https://example.jp/haru.git"}
    assert workflow["jobs"]["validate"]["steps"][-1]["run"] == "haru validate --strict"
    hook = yaml.safe_load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert (hook["entry"], hook["pass_filenames"], hook["always_run"]) == ("haru validate --staged", False, True)
    assert "YOUR-ORG" not in "".join(p.read_text(encoding="utf-8") for p in target.rglob("*") if p.is_file()
                                     and ".git" not in p.parts)
    assert "次のステップ:" in result.stdout and "pre-commit install" in result.stdout
    assert haru("--data", target, "validate", "--strict").exit_code == 0
    if shutil.which("git"):
        assert (target / ".git").is_dir()


def test_the_company_is_written_into_haru_yaml_as_given(tmp_path: Path, haru: Haru) -> None:
    company = "株式会社\u200bテスト {x} \"引用\""  # escapes are for terminals; braces and quotes are text
    assert haru("init", tmp_path / "ws", "--company", company).exit_code == 0
    assert yaml.safe_load((tmp_path / "ws" / "haru.yaml").read_text(encoding="utf-8"))["company"] == company
    assert company in (tmp_path / "ws" / "README.md").read_text(encoding="utf-8")


def test_without_a_source_no_workflow_is_written_and_it_says_how(tmp_path: Path, haru: Haru) -> None:
    result = haru("--lang", "en", "init", tmp_path / "ws")
    assert result.exit_code == 0
    assert not (tmp_path / "ws" / ".github").exists()
    assert "no CI workflow written" in result.stdout and "--source" in result.stdout
    assert "Next steps:" in result.stdout


def test_init_never_overwrites(tmp_path: Path, haru: Haru) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    assert haru("init", tmp_path).exit_code == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"
    again = haru("--lang", "en", "init", tmp_path)
    assert again.exit_code == 1 and "already holds a workspace" in again.stderr
    (tmp_path / ".gitignore").unlink()
    settings = (tmp_path / "haru.yaml").read_text(encoding="utf-8")
    (tmp_path / "haru.yaml").write_text(settings + "# edited\n", encoding="utf-8")
    assert haru("init", tmp_path, "--missing").exit_code == 0
    assert (tmp_path / ".gitignore").exists()
    assert (tmp_path / "haru.yaml").read_text(encoding="utf-8").endswith("# edited\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_first_day_with_pre_commit(tmp_path: Path) -> None:
    """haru init && haru new … && git commit — and a broken file is refused."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.jp", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.jp"}
    env.pop("HARU_DATA", None)

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=120)

    assert run("haru", "init", "partners-data", cwd=tmp_path).returncode == 0
    repo = tmp_path / "partners-data"
    for command in (["haru", "new", "partner", "株式会社ウエダ", "--id", "ueda", "--kana", "ウエダ",
                     "--contact", "上田", "--cadence", "monthly"],
                    ["haru", "new", "contract", "ウエダ", "--type", "referral", "--start", "2026-04-01",
                     "--rate", "15%", "--basis", "paid"],
                    ["haru", "new", "meeting", "うえだ", "--kind", "regular", "--date", "2026-11-27", "--minutes", "60",
                     "--summary", "初回定例"],
                    [sys.executable, "-m", "pre_commit", "install"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "first records"]):
        done = run(*command, cwd=repo)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    (repo / "partners" / "ueda.yaml").write_text("id: ueda\nname: [\n", encoding="utf-8")
    run("git", "add", "-A", cwd=repo)
    refused = run("git", "commit", "-q", "-m", "broken", cwd=repo)
    assert refused.returncode != 0 and "partners/ueda.yaml:2:" in refused.stdout + refused.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_inside_a_larger_repository_says_where_hooks_must_go(tmp_path: Path, haru: Haru) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = haru("--lang", "en", "init", tmp_path / "data")
    assert result.exit_code == 0
    assert f"inside the git repository {tmp_path}" in result.stdout
    assert not (tmp_path / "data" / ".git").exists()
    # Written to be moved to the repository's top, where pre-commit and CI run.
    assert "entry: haru --data data validate" in (tmp_path / "data" / ".pre-commit-config.yaml").read_text()
    assert haru("init", tmp_path).exit_code == 1  # it holds a workspace in data/ now


git_needed = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


HOSTILE_FOLDER = "data$(id>..HOOKPWN)`id>..PWN2`;id>..PWN3 'q\" x"


@git_needed
def test_init_quotes_the_folder_name_in_the_hook_and_the_workflow(tmp_path: Path, haru: Haru,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    assert haru("init", HOSTILE_FOLDER, "--source", "git+https://example.jp/haru.git").exit_code == 0
    config = yaml.safe_load((repo / HOSTILE_FOLDER / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entry = config["repos"][0]["hooks"][0]["entry"]
    assert shlex.split(entry) == ["haru", "--data", HOSTILE_FOLDER, "validate", "--staged"]  # as pre-commit splits it
    workflow = yaml.safe_load((repo / HOSTILE_FOLDER / ".github" / "workflows" / "haru.yml").read_text("utf-8"))
    run = workflow["jobs"]["validate"]["steps"][-1]["run"]
    bin_folder = fake_haru(tmp_path / "bin")
    done = subprocess.run(["bash", "-c", run], cwd=repo, env=git_env(bin_folder), timeout=60)
    assert done.returncode == 0
    assert pwned(repo) == []
    assert (bin_folder / "args").read_text(encoding="utf-8").splitlines() == [
        "--data", HOSTILE_FOLDER, "validate", "--strict"]


@git_needed
def test_a_newline_in_the_folder_name_never_becomes_a_line_of_yaml(tmp_path: Path, haru: Haru,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = "w:\n    runs-on: ubuntu-latest\n    steps:\n      - run: id\n#"
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    assert haru("init", folder, "--source", "git+https://example.jp/haru.git").exit_code == 0
    workflow = yaml.safe_load((repo / folder / ".github" / "workflows" / "haru.yml").read_text("utf-8"))
    assert list(workflow["jobs"]) == ["validate"]  # no job of the name's making
    assert shlex.split(workflow["jobs"]["validate"]["steps"][-1]["run"]) == [
        "haru", "--data", folder, "validate", "--strict"]
    config = yaml.safe_load((repo / folder / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert shlex.split(config["repos"][0]["hooks"][0]["entry"]) == ["haru", "--data", folder, "validate", "--staged"]


@git_needed
def test_a_github_expression_in_the_folder_name_keeps_the_workflow_out(tmp_path: Path, haru: Haru,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    folder = "x${{ github.event.head_commit.message }}"
    result = haru("--lang", "en", "init", folder, "--source", "git+https://example.jp/haru.git")
    assert result.exit_code == 0 and "GitHub would evaluate as an expression" in result.stdout
    assert not (repo / folder / ".github").exists() and (repo / folder / ".pre-commit-config.yaml").is_file()


@git_needed
def test_init_fails_when_git_init_fails(tmp_path: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'fatal: cannot init' >&2\nexit 128\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    result = haru("--lang", "en", "init", tmp_path / "ws")
    assert result.exit_code == 1 and "git init failed: fatal: cannot init" in result.stderr


# A key haru.yaml writes commented out: its line, behind "# " at its own indentation, once the "# " is gone.
COMMENTED_KEY = re.compile(r"^(\s*)# ((?:\s*)(?:[a-z_]+:|- ))", re.MULTILINE)


def _keys(model: type, prefix: str = "") -> list[str]:
    """Every key of haru.yaml, nested ones as section.key."""
    found = []
    for f in dataclasses.fields(model):
        found.append(prefix + f.name)
        hint = typing.get_type_hints(model)[f.name]
        section = next((t for t in (hint, *typing.get_args(hint)) if hasattr(t, "__pydantic_config__")), None)
        if section is not None:  # a section of keys (tax:, bank: …), not a value such as a rate
            found += _keys(section, f"{prefix}{f.name}.")
    return found


@pytest.mark.parametrize("locale", ["ja", "en"])
def test_haru_yaml_names_every_key_and_validates_as_written(tmp_path: Path, haru: Haru, locale: str) -> None:
    """SPEC §16: a new workspace shows what it needs — bank:, transfer:, time: targets:, accounts: — each key
    with a comment in the workspace's language, those not filled in as comments."""
    from haru_cli.records.models import Settings

    assert haru("init", tmp_path / "ws", "--locale", locale).exit_code == 0
    text = (tmp_path / "ws" / "haru.yaml").read_text(encoding="utf-8")
    written = yaml.safe_load(COMMENTED_KEY.sub(r"\1\2", text))
    for key in _keys(Settings):
        section, _, name = key.rpartition(".")
        assert name in (written[section] if section else written), key
    for line in COMMENTED_KEY.sub(r"\1\2", text).splitlines():
        if re.match(r"\s*([a-z_]+: |- )", line):  # a key with its value, or an item: each says what it is
            assert "  # " in line, line
    assert ("社長の時間" in text) == (locale == "ja") and ("口座名義" in text) == (locale == "ja")
    settings = yaml.safe_load(text)
    assert sorted(settings) == ["company", "fiscal_year_start", "locale", "payout", "reminders", "tax"]
    done = haru("--data", tmp_path / "ws", "validate", "--strict")
    assert done.exit_code == 0
    assert done.stdout == {"ja": "1 ファイルを検査: エラー 0 件、警告 0 件\n",
                           "en": "1 file checked: 0 errors, 0 warnings\n"}[locale]  # in the workspace's language


def test_uncommented_haru_yaml_validates_and_sets_what_it_says(tmp_path: Path, haru: Haru) -> None:
    """Each commented section is a working example: with the "# " taken away, the file validates and the
    commands read it — the bank and requester of fees transfer, the targets of time report."""
    assert haru("init", tmp_path / "ws", "--company", "テスト株式会社").exit_code == 0
    settings = tmp_path / "ws" / "haru.yaml"
    settings.write_text(COMMENTED_KEY.sub(r"\1\2", settings.read_text(encoding="utf-8")), encoding="utf-8")
    assert "# bank:" not in settings.read_text(encoding="utf-8")
    done = haru("--data", tmp_path / "ws", "validate", "--strict")
    assert done.exit_code == 0, done.stdout + done.stderr
    loaded = load_workspace(tmp_path / "ws").settings
    assert loaded.bank is not None and (loaded.bank.bank, loaded.bank.branch, loaded.bank.number) == (
        "0001", "001", "0000001")
    assert loaded.transfer is not None and loaded.transfer.requester_code == "0000000001"
    assert str(loaded.time.targets["consulting"]) == "35%" and loaded.accounts.payable == "未払金"
    assert loaded.corporate_number == "7000012050002" and loaded.reminders.alarm is not None
    assert loaded.tax.unregistered_credit is not None
    report = haru("--data", tmp_path / "ws", "--today", "2026-12-01", "time", "report", "--format", "json")
    assert {a["area"]: a["target_pct"] for a in json.loads(report.stdout)["areas"]}["consulting"] == 35
    transfer = haru("--data", tmp_path / "ws", "--today", "2026-12-01", "fees", "transfer")
    assert (transfer.exit_code, transfer.stdout) == (0, "振り込む明細はありません。\n")  # HaRu's side is known


def test_a_fresh_workspace_s_transfer_says_which_sections_to_fill_in(tmp_path: Path, haru: Haru) -> None:
    assert haru("init", tmp_path / "ws").exit_code == 0
    transfer = haru("--data", tmp_path / "ws", "fees", "transfer")
    assert transfer.exit_code == 1
    assert transfer.stderr.strip() == (
        "haru: haru.yaml に HaRu の口座（bank:）と委託者（transfer:）を書いてください")


def test_init_writes_gitattributes_and_git_config_sets_the_merge_driver(tmp_path: Path, haru: Haru) -> None:
    """SPEC §18: .gitattributes names the driver; --git-config defines it in this clone, alone too."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = git_env(tmp_path / "no-bin")
    result = haru("init", tmp_path / "ws")
    assert result.exit_code == 0
    assert "*.yaml merge=haru" in (tmp_path / "ws" / ".gitattributes").read_text(encoding="utf-8")

    def config() -> str:
        return subprocess.run(["git", "config", "--get", "merge.haru.driver"], cwd=tmp_path / "ws", env=env,
                              capture_output=True, text=True).stdout.strip()

    assert config() == ""  # a clone without it merges as git always does
    alone = haru("--lang", "en", "init", tmp_path / "ws", "--git-config")
    assert alone.exit_code == 0 and "set merge.haru.driver" in alone.stdout
    assert config().endswith(" merge-driver %O %A %B %P") and shlex.split(config())[0].endswith("haru")
    (tmp_path / "ws" / ".gitattributes").unlink()
    hint = haru("--lang", "en", "init", tmp_path / "ws", "--git-config")
    assert "haru init --missing" in hint.stdout
    fresh = haru("init", tmp_path / "new", "--git-config")
    assert fresh.exit_code == 0 and "merge.haru.driver" in fresh.stdout
    outside = haru("--lang", "en", "init", tmp_path / "ws2")
    assert outside.exit_code == 0


def test_git_config_outside_a_repository_is_refused(tmp_path: Path, haru: Haru,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "haru.yaml").write_text("", encoding="utf-8")
    result = haru("--lang", "en", "init", tmp_path / "ws", "--git-config")
    assert result.exit_code == 1 and "not" in result.stderr and "git" in result.stderr

@pytest.mark.parametrize(("service", "secrets"), [("slack", ["HARU_SLACK_WEBHOOK"]),
                                                  ("chatwork", ["HARU_CHATWORK_TOKEN", "HARU_CHATWORK_ROOM"])])
def test_init_digest_writes_a_workflow_posting_every_weekday_morning(tmp_path: Path, haru: Haru, service: str,
                                                                      secrets: list[str]) -> None:
    target = tmp_path / "partners-data"
    result = haru("init", target, "--source", "git+https://example.jp/haru.git", "--digest", service)
    assert result.exit_code == 0, result.stderr
    workflow = yaml.safe_load((target / ".github/workflows/haru-digest.yml").read_text(encoding="utf-8"))
    assert workflow["env"] == {"HARU_SOURCE": "git+https://example.jp/haru.git", "TZ": "Asia/Tokyo"}
    assert workflow[True] == {"schedule": [{"cron": "0 23 * * 0-4"}], "workflow_dispatch": None}  # YAML 1.1's `on`
    step = workflow["jobs"]["digest"]["steps"][-1]
    assert step == {"run": f"haru digest --post {service}",
                    "env": {name: "${{ secrets." + name + " }}" for name in secrets}}
    assert ", ".join(secrets) in result.stdout  # where to put them is said
    assert (target / ".github/workflows/haru.yml").exists()


def test_without_a_source_no_digest_workflow_is_written(tmp_path: Path, haru: Haru,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("haru_cli.cli.init.installed_from", lambda: None)
    result = haru("--lang", "en", "init", tmp_path / "w", "--digest", "slack")
    assert result.exit_code == 0 and not (tmp_path / "w" / ".github").exists()
    assert "no CI workflow written" in result.stdout


@git_needed
def test_the_digest_workflow_quotes_the_folder_name(tmp_path: Path, haru: Haru,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    result = haru("init", HOSTILE_FOLDER, "--source", "git+https://example.jp/haru.git", "--digest", "slack")
    assert result.exit_code == 0, result.stderr
    workflow = yaml.safe_load((repo / HOSTILE_FOLDER / ".github" / "workflows" / "haru-digest.yml").read_text("utf-8"))
    run = workflow["jobs"]["digest"]["steps"][-1]["run"]
    bin_folder = fake_haru(tmp_path / "bin")
    done = subprocess.run(["bash", "-c", run], cwd=repo, env=git_env(bin_folder), timeout=60)
    assert done.returncode == 0
    assert pwned(repo) == []
    assert (bin_folder / "args").read_text(encoding="utf-8").splitlines() == [
        "--data", HOSTILE_FOLDER, "digest", "--post", "slack"]


@git_needed
def test_a_workspace_inside_a_repository_is_told_where_its_ci_files_go_on_a_line_of_its_own(
        tmp_path: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=git_env(tmp_path))
    monkeypatch.chdir(repo)
    result = haru("--lang", "en", "init", "partners-data")
    assert result.exit_code == 0, result.stderr
    assert "\\x0a" not in result.stdout  # the line said, not its newline shown as an escape
    assert result.stdout.rstrip("\n").endswith(f"  (move .pre-commit-config.yaml and .github/ to the top of {repo})")
