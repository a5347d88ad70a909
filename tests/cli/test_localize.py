"""Help and click's own messages in the workspace's language (cli/localize.py)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Haru, WorkspaceFactory


def test_click_s_own_errors_and_help_are_in_japanese_by_default(workspace: WorkspaceFactory, haru: Haru) -> None:
    missing = haru("--data", workspace(), "fees", "journal")  # --to is required (--month defaults, SPEC §16)
    assert missing.exit_code == 2 and "エラー: オプション '--to' が必要です" in missing.stderr
    assert missing.stderr.startswith("使い方: haru fees journal")
    unknown = haru("--data", workspace(), "validate", "--strictt")
    assert unknown.exit_code == 2 and "オプション --strictt はありません" in unknown.stderr
    english = haru("--data", workspace(), "--lang", "en", "validate", "--strictt")
    assert "Error: No such option: --strictt" in english.stderr
    en_workspace = workspace({"haru.yaml": "locale: en\n"})
    assert "Usage:" in haru("--data", en_workspace, "validate", "--help").stdout  # the workspace's locale


def test_help_is_not_read_through_a_linked_or_huge_settings_file(
    workspace: WorkspaceFactory, haru: Haru, tmp_path: Path
) -> None:
    (tmp_path / "settings.yaml").write_text("locale: en\n", encoding="utf-8")
    root = workspace()
    (root / "haru.yaml").unlink()
    (root / "haru.yaml").symlink_to(tmp_path / "settings.yaml")
    linked = haru("--data", root, "validate", "--help")
    assert linked.exit_code == 0 and "使い方:" in linked.stdout  # the linked file's locale is not read
    (root / "haru.yaml").unlink()
    (root / "haru.yaml").write_text("locale: en\n" + "#" * 70_000 + "\n", encoding="utf-8")
    huge = haru(f"--data={root}", "validate", "--help")
    assert huge.exit_code == 0 and "使い方:" in huge.stdout
    (root / "haru.yaml").write_text("locale: en\n", encoding="utf-8")
    assert "Usage:" in haru(f"--data={root}", "validate", "--help").stdout  # --data=DIR is read too
