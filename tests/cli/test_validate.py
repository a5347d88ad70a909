"""haru validate: output format, exit codes, --format json, --strict, PATH arguments, workspace discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Haru, WorkspaceFactory

BROKEN_PARTNER = "id: ueda\nname: 株式会社ウエダ\ncadence: weekly\n"


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
            {"path": "partners/ueda.yaml", "line": 4, "column": 14, "severity": "error", "code": "type",
             "message": "withholding: expected true or false, got 'yes' (yes/no/on/off are text in YAML 1.2)"},
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


def test_click_s_own_errors_and_help_are_in_japanese_by_default(workspace: WorkspaceFactory, haru: Haru) -> None:
    missing = haru("--data", workspace(), "fees", "statement", "ueda")
    assert missing.exit_code == 2 and "エラー: オプション '--month' が必要です" in missing.stderr
    assert missing.stderr.startswith("使い方: haru fees statement")
    unknown = haru("--data", workspace(), "validate", "--strictt")
    assert unknown.exit_code == 2 and "オプション --strictt はありません" in unknown.stderr
    english = haru("--data", workspace(), "--lang", "en", "validate", "--strictt")
    assert "Error: No such option: --strictt" in english.stderr
    en_workspace = workspace({"haru.yaml": "locale: en\n"})
    assert "Usage:" in haru("--data", en_workspace, "validate", "--help").stdout  # the workspace's locale


def test_global_options_work_after_the_command_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    assert haru("partner", "show", "ueda", "--version").stdout.startswith("haru ")
    result = haru("partner", "show", "ueda", "--lang", "en", "--data", root, "--today", "2026-11-27")
    assert result.exit_code == 0, result.stderr
    assert "Contacts" in result.stdout
