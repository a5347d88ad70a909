"""haru site: the static site written into a folder, replacing only its own."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SCENARIO, TODAY, Haru, WorkspaceFactory


def test_site_writes_a_new_folder_and_replaces_only_its_own(workspace: WorkspaceFactory, haru: Haru,
                                                           tmp_path: Path) -> None:
    root = workspace(SCENARIO)
    out = tmp_path / "site"
    done = haru("--data", root, *TODAY, "site", "--out", out)
    assert done.exit_code == 0, done.output
    assert (out / "index.html").is_file() and (out / "partners" / "ueda.html").is_file()
    assert haru("--data", root, *TODAY, "site", "--out", out).exit_code == 0  # its own: replaced
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = haru("--data", root, *TODAY, "site", "--out", foreign)
    assert refused.exit_code == 1 and (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"
    link = tmp_path / "link"
    link.symlink_to(out)
    assert haru("--data", root, *TODAY, "site", "--out", link).exit_code == 1
    (out / ".git").mkdir()  # a folder haru wrote, then made a repository: no longer only haru's
    assert haru("--data", root, *TODAY, "site", "--out", out).exit_code == 1 and (out / ".git").is_dir()
    forged = tmp_path / "forged"  # a marker alone proves nothing: it must list every file there is
    forged.mkdir()
    (forged / ".haru-site").write_text("", encoding="utf-8")
    (forged / "thesis.docx").write_text("mine", encoding="utf-8")
    assert haru("--data", root, *TODAY, "site", "--out", forged).exit_code == 1 and (forged / "thesis.docx").exists()
    (root / ".haru-site").write_text("", encoding="utf-8")  # a hostile workspace marked as a site
    for inside in (root, root.parent):
        refused = haru("--data", root, *TODAY, "site", "--out", inside)
        assert refused.exit_code == 1 and (root / "haru.yaml").is_file()
    assert not [p for p in tmp_path.iterdir() if ".haru-" in p.name]  # no staging folder left behind
