"""The workspace on disk (load/workspace.py): which files are records, and what is never read through a
link, a pipe or a name that is not UTF-8."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path

import pytest

from tests.helpers import TODAY, Haru, WorkspaceFactory, codes, problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_named_yaml_is_not_read(workspace: WorkspaceFactory) -> None:
    root = workspace()
    os.mkfifo(root / "partners" / "pipe.yaml")
    assert codes(root) == [("partners/pipe.yaml", 1, "file-name", "file-name.not-regular")]


def test_uppercase_extension_is_named(workspace: WorkspaceFactory) -> None:
    assert [c[2] for c in codes(workspace({"partners/Other.YAML": "id: other\nname: x\n"}))] == ["file-name"]


def test_a_record_linked_to_a_file_outside_is_refused_unread(workspace: WorkspaceFactory, haru: Haru,
                                                             tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: other\nname: x\ncadence: SECRET-VALUE\n", encoding="utf-8")
    root = workspace()
    (root / "partners" / "other.yaml").symlink_to(outside)
    assert problems(root) == [("partners/other.yaml", 1, "file-name", "file-name.symlink")]
    result = haru("--data", root, "--lang", "en", "validate", "--format", "json")
    assert result.exit_code == 1 and "SECRET" not in result.stdout
    assert json.loads(result.stdout)["problems"][0]["message"].startswith("a symbolic link")


def test_a_linked_record_file_or_folder_leaves_the_amounts_incomplete(workspace: WorkspaceFactory, haru: Haru,
                                                                       tmp_path: Path) -> None:
    from tests.helpers import BASE

    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(textwrap.dedent(str(BASE["referrals/2026-ueda-001.yaml"])), encoding="utf-8")
    root = workspace()
    (root / "referrals" / "2026-ueda-001.yaml").unlink()
    (root / "referrals" / "2026-ueda-001.yaml").symlink_to(elsewhere)
    result = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-07")
    assert result.exit_code == 1 and "referrals/2026-ueda-001.yaml" in result.stderr  # not a silent ¥0
    shutil.rmtree(root / "referrals")
    (root / "referrals").symlink_to(tmp_path)
    folder = haru("--data", root, *TODAY, "fees", "calc", "--month", "2026-07")
    assert folder.exit_code == 1 and "referrals" in folder.stderr


def test_a_linked_record_folder_or_settings_file_is_refused(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "2026").mkdir(parents=True)
    (elsewhere / "2026" / "m.yaml").write_text("id: m\npartners: [ueda]\ndate: 2026-01-01\n", encoding="utf-8")
    (tmp_path / "settings.yaml").write_text("locale: en\n", encoding="utf-8")
    root = workspace({"referrals/2026-ueda-001.yaml": None})
    shutil.rmtree(root / "meetings")
    (root / "meetings").mkdir()
    (root / "meetings" / "2026").symlink_to(elsewhere / "2026")
    (root / "contracts-old").symlink_to(elsewhere)
    (root / "haru.yaml").unlink()
    (root / "haru.yaml").symlink_to(tmp_path / "settings.yaml")
    assert [(path, variant) for path, _, _, variant in problems(root)] == [
        ("haru.yaml", "file-name.symlink"), ("meetings/2026", "file-name.symlink")]
    shutil.rmtree(root / "meetings")
    (root / "meetings").symlink_to(elsewhere)
    assert ("meetings", "file-name.symlink") in [(path, variant) for path, _, _, variant in problems(root)]


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace()
    with open(os.path.join(os.fsencode(root / "partners"), b"\xff\xfe.yaml"), "w", encoding="utf-8") as handle:
        handle.write("id: x\nname: x\n")
    assert problems(root) == [("partners/\\xff\\xfe.yaml", 1, "file-name", "file-name.encoding")]
    text = haru("--data", root, "validate")
    assert text.exit_code == 1 and "partners/\\xff\\xfe.yaml:1:1: error[file-name]" in text.stdout
    data = json.loads(haru("--data", root, "validate", "--format", "json").stdout)
    assert data["problems"][0]["path"] == "partners/\\xff\\xfe.yaml"
    assert haru("--data", root, "partner", "list").exit_code == 0
