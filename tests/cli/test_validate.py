"""haru validate: output format, exit codes, --format json, --strict, PATH arguments, workspace discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Haru, WorkspaceFactory

BROKEN_PARTNER = "id: ueda\nname: 株式会社ウエダ\ncadence: weekly\n"


git_needed = pytest.mark.skipif(__import__("shutil").which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.fixture
def staged_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose workspace is its folder inner/, a broken partner staged and a fixed one in the
    working copy, and a README.md staged beside the workspace."""
    from tests.helpers import write_workspace

    for name, value in {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
                        "GIT_AUTHOR_EMAIL": "t@example.jp", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.jp"}.items():
        monkeypatch.setenv(name, value)
    repo = tmp_path / "repo"
    write_workspace(repo / "inner", {"partners/ueda.yaml": BROKEN_PARTNER})
    (repo / "README.md").write_text("# repo\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    write_workspace(repo / "inner", {})  # the working copy is fine; what is staged is not
    return repo


def test_clean_workspace(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(), "validate")
    assert result.exit_code == 0
    assert result.stdout == "5 ファイルを検査: エラー 0 件、警告 0 件\n"


def test_problem_line_and_summary(workspace: WorkspaceFactory, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    root = workspace({"partners/ueda.yaml": BROKEN_PARTNER})
    monkeypatch.chdir(root)
    result = haru("--lang", "en", "validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "partners/ueda.yaml:3:10: error[enum] cadence: 'weekly' is not one of: 'monthly', 'quarterly', 'none'",
        "5 files checked: 1 error, 0 warnings",
    ]


def test_paths_are_shown_relative_to_the_current_folder(
    workspace: WorkspaceFactory, haru: Haru, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = workspace({"partners/ueda.yaml": BROKEN_PARTNER})
    monkeypatch.chdir(root.parent)
    result = haru("--data", "ws", "validate")
    assert result.stdout.startswith("ws/partners/ueda.yaml:3:10: error[enum] cadence: 'weekly' は使えません")


def test_a_path_with_a_space_is_written_as_it_is_for_editors_to_open(
    workspace: WorkspaceFactory, haru: Haru, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = workspace({"partners/Kita Corp.yaml": "id: kita\nname: 北株式会社\n"})
    monkeypatch.chdir(root)
    line = haru("validate").stdout.splitlines()[0]
    assert line.startswith("partners/Kita Corp.yaml:1:5: error[id-filename]")


def test_json_report(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": BROKEN_PARTNER + "withholding: yes\n"})
    result = haru("--data", root, "--lang", "en", "validate", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report == {
        "ok": False,
        "errors": 2,
        "warnings": 0,
        "problems": [
            {"path": "partners/ueda.yaml", "line": 3, "column": 10, "severity": "error", "code": "enum",
             "message": "cadence: 'weekly' is not one of: 'monthly', 'quarterly', 'none'"},
            {"path": "partners/ueda.yaml", "line": 4, "column": 14, "severity": "error", "code": "enum",
             "message": "withholding: 'yes' is not one of: 'none', 'fee', 'salesperson'"},
        ],
    }


def test_warnings_pass_unless_strict(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\ntype: referral\n"
                                                      "signed: 2026-02-01\nstart: 2026-01-01\n"
                                                      "fees:\n  customer:\n    rate: 15%\n"})
    assert haru("--data", root, "validate").exit_code == 0
    strict = haru("--data", root, "validate", "--strict", "--format", "json")
    assert strict.exit_code == 1
    assert json.loads(strict.stdout)["ok"] is False


def test_paths_limit_the_report_to_those_files_and_their_references(
    workspace: WorkspaceFactory, haru: Haru, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = workspace({
        "partners/ueda.yaml": None,
        "partners/spcom.yaml": "id: spcom\nname: x\ncadence: weekly\n",
    })
    monkeypatch.chdir(root)
    # The contract's problem is a reference to partners/ueda.yaml: reported for either file.
    only_contract = haru("--lang", "en", "validate", "contracts/ueda-referral.yaml")
    assert [line.split(": ")[0] for line in only_contract.stdout.splitlines()[:-1]] == [
        "contracts/ueda-referral.yaml:2:10"
    ]
    only_spcom = haru("validate", "partners/spcom.yaml")
    assert only_spcom.exit_code == 1 and only_spcom.stdout.count("error[") == 1
    folder = haru("validate", "meetings")
    assert folder.exit_code == 1 and folder.stdout.count("error[ref-partner]") == 1


def test_a_path_that_does_not_exist_is_a_usage_error(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(), "--lang", "en", "validate", "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == "haru: no such file or folder: nope.yaml\n"


def test_wrong_option_exits_2(workspace: WorkspaceFactory, haru: Haru) -> None:
    assert haru("--data", workspace(), "validate", "--format", "xml").exit_code == 2
    assert haru("--data", workspace(), "validate", "--nope").exit_code == 2
    assert haru("--today", "2026-02-30", "validate").exit_code == 2


def test_help(haru: Haru) -> None:
    result = haru("--lang", "en", "validate", "--help")
    assert result.exit_code == 0
    assert "--strict" in result.stdout and "Example: haru validate --strict" in result.stdout


class TestWorkspaceDiscovery:
    def test_data_option(self, workspace: WorkspaceFactory, haru: Haru) -> None:
        assert haru("--data", workspace(), "validate").exit_code == 0

    def test_environment_variable(self, workspace: WorkspaceFactory, haru: Haru,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("HARU_DATA", str(workspace({"partners/ueda.yaml": BROKEN_PARTNER})))
        assert haru("validate").exit_code == 1

    def test_nearest_workspace_upwards_or_its_data_folder(self, tmp_path: Path, haru: Haru,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
        from tests.helpers import write_workspace

        write_workspace(tmp_path / "repo" / "data", {})
        (tmp_path / "repo" / "docs" / "deep").mkdir(parents=True)
        monkeypatch.chdir(tmp_path / "repo" / "docs" / "deep")
        assert haru("validate").stdout == "5 ファイルを検査: エラー 0 件、警告 0 件\n"
        monkeypatch.chdir(tmp_path / "repo" / "data" / "partners")
        assert haru("validate").exit_code == 0

    def test_none_found(self, tmp_path: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        result = haru("--lang", "en", "validate")
        assert result.exit_code == 2
        assert "haru init" in result.stderr and "--data" in result.stderr

    def test_data_folder_without_settings(self, tmp_path: Path, haru: Haru) -> None:
        result = haru("--lang", "en", "--data", tmp_path, "validate")
        assert result.exit_code == 2
        assert result.stderr.startswith(f"haru: {tmp_path} is not a haru workspace (no haru.yaml)")


def test_files_outside_the_workspace_are_left_out(tmp_path: Path, haru: Haru, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pre-commit form with pass_filenames: a commit's other files (README.md) are not records."""
    from tests.helpers import write_workspace

    write_workspace(tmp_path / "data", {"partners/ueda.yaml": BROKEN_PARTNER})
    (tmp_path / "README.md").write_text("# repo\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert haru("validate", "README.md").exit_code == 0
    both = haru("validate", "README.md", "data/partners/ueda.yaml")
    assert both.exit_code == 1 and both.stdout.startswith("data/partners/ueda.yaml:3:10: error[enum]")


def test_a_document_that_is_not_there_is_a_warning(workspace: WorkspaceFactory, haru: Haru) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                "document: contracts/pdf/ueda-referral.pdf\nfees:\n  customer:\n    rate: 15%\n")
    root = workspace({"contracts/ueda-referral.yaml": contract})
    result = haru("--data", root, "--lang", "en", "validate", "--format", "json")
    assert result.exit_code == 0
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["line"], problem["severity"], problem["code"]) == (5, "warning", "document")
    (root / "contracts" / "pdf").mkdir()
    (root / "contracts" / "pdf" / "ueda-referral.pdf").write_bytes(b"%PDF")
    assert json.loads(haru("--data", root, "validate", "--format", "json").stdout)["problems"] == []
    outside = workspace({"contracts/ueda-referral.yaml": contract.replace("contracts/pdf", "../../etc")})
    assert "points outside" in haru("--data", outside, "--lang", "en", "validate").stdout


@pytest.mark.parametrize(("document", "found"), [
    ("contracts\\pdf\\a.pdf", True),  # written on Windows
    (".", False), ("./", False), ("contracts", False),  # a folder is no document
    ("c:/a.pdf", False),
])
def test_a_document_path_is_read_as_written_and_must_name_a_file(
    workspace: WorkspaceFactory, haru: Haru, document: str, found: bool
) -> None:
    contract = f"id: nda\npartner: ueda\ntype: nda\nstart: 2026-01-01\ndocument: '{document}'\n"
    root = workspace({"contracts/nda.yaml": contract})
    (root / "contracts" / "pdf").mkdir()
    (root / "contracts" / "pdf" / "a.pdf").write_bytes(b"%PDF")
    result = haru("--data", root, "validate", "--format", "json")
    assert result.exit_code == 0, result.output
    assert (json.loads(result.stdout)["problems"] == []) is found


@git_needed
def test_staged_runs_no_filter_or_fsmonitor_of_the_repository(staged_repo: Path, haru: Haru) -> None:
    """A data folder that arrives with its own .git/config (a zip): its smudge filter and fsmonitor never run."""
    marker, fsmonitor = staged_repo.parent / "PWNED", staged_repo.parent / "PWNED2"
    script = staged_repo.parent / "fsmonitor.sh"
    script.write_text(f"#!/bin/sh\ntouch '{fsmonitor}'\n", encoding="utf-8")
    script.chmod(0o755)
    (staged_repo / ".gitattributes").write_text("* filter=evil\n", encoding="utf-8")
    _git(staged_repo, "config", "filter.evil.smudge", f"touch '{marker}'; cat")
    _git(staged_repo, "config", "core.fsmonitor", str(script))
    result = haru("--data", staged_repo / "inner", "--lang", "en", "validate", "--staged")
    assert not marker.exists() and not fsmonitor.exists()
    assert result.exit_code == 1 and "partners/ueda.yaml:3:10: error[enum]" in result.stdout  # the staged text


@git_needed
def test_staged_writes_only_the_workspace_s_files(staged_repo: Path, haru: Haru,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import haru_cli.load.loader as loader

    seen: list[str] = []
    load = loader.load_workspace

    def spy(root: Path, *args: object, **kwargs: object) -> object:
        scratch = next(p for p in (root, *root.parents) if p.name.startswith("haru-staged-"))
        seen.extend(sorted(p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file()))
        return load(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_workspace", spy)
    assert haru("--data", staged_repo / "inner", "validate", "--staged").exit_code == 1
    assert "partners/ueda.yaml" in seen and not any("README" in p or p.startswith("inner/") for p in seen)


@git_needed
def test_staged_refuses_a_git_file_that_points_elsewhere(staged_repo: Path, tmp_path: Path, haru: Haru) -> None:
    """A `.git` file (gitdir: pointer) would make haru check another repository's index."""
    from tests.helpers import write_workspace

    copied = write_workspace(tmp_path / "copied", {})
    (copied / ".git").write_text(f"gitdir: {staged_repo / '.git'}\n", encoding="utf-8")
    result = haru("--data", copied, "--lang", "en", "validate", "--staged")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"haru: {copied / '.git'} is not a folder (a gitdir: pointer, a link or a "
                                     "file): haru checks only what a repository's own .git folder has staged")


@git_needed
def test_a_staged_link_is_reported_and_never_followed(staged_repo: Path, tmp_path: Path, haru: Haru) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\nname: ひみつ\n", encoding="utf-8")
    (staged_repo / "inner" / "partners" / "secret.yaml").symlink_to(secret)
    _git(staged_repo, "add", "-A")
    result = haru("--data", staged_repo / "inner", "--lang", "en", "validate", "--staged")
    assert result.exit_code == 1 and "partners/secret.yaml:1:1: error[file-name]" in result.stdout
    assert "ひみつ" not in result.stdout + result.stderr


def test_a_problem_is_always_one_line(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": 'id: ueda\nname: x\ncadence: "week\\nly\\e]0;x\\a"\n'})
    result = haru("--data", root, "validate")
    assert len(result.stdout.splitlines()) == 2  # the problem and the summary
    assert "\x1b" not in result.stdout and "week\\x0aly\\x1b]0;x\\x07" in result.stdout


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u200b", "\u202e", "\x1b", "\x07", "\ufeff", "\u2066"])
def test_problem_lines_escape_invisible_characters(workspace: WorkspaceFactory, haru: Haru, char: str) -> None:
    root = workspace({"partners/ueda.yaml": f'id: ueda\nname: x\n"ke\\u{ord(char):04x}y": 1\n'})
    result = haru("--data", root, "validate")
    assert char not in result.stdout
    assert f"\\u{ord(char):04x}" in result.stdout or f"\\x{ord(char):02x}" in result.stdout
    assert len(result.stdout.splitlines()) == 2
