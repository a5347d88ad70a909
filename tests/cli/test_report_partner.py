"""haru report partner: templates, output files."""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers import REPORTS, TODAY, Haru, WorkspaceFactory


def test_template_mistakes_are_named_with_their_line(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    undefined = tmp_path / "undefined.j2"
    undefined.write_text("{{ p.name }}\n{{ p.nmae }}\n", encoding="utf-8")
    result = haru("--data", workspace(REPORTS), "report", "partner", "ueda", "--template", undefined)
    assert result.exit_code == 1 and result.stderr.startswith(f"haru: {undefined}:2: ")
    broken = tmp_path / "broken.j2"
    broken.write_text("ok\n{% for x in %}\n", encoding="utf-8")
    result = haru("--data", workspace(REPORTS), "report", "partner", "ueda", "--template", broken)
    assert result.exit_code == 1 and result.stderr.startswith(f"haru: {broken}:2: ")
    assert haru("--data", workspace(REPORTS), "report", "partner", "ueda", "--template", tmp_path / "none.j2") \
        .exit_code == 2


def test_output_file_is_new_and_atomic(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    target = tmp_path / "ueda.md"
    assert haru("--data", workspace(REPORTS), *TODAY, "report", "partner", "ueda", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# 株式会社ウエダ — パートナー概要")
    again = haru("--data", workspace(REPORTS), *TODAY, "report", "partner", "ueda", "-o", target)
    assert again.exit_code == 1


def test_o_into_a_folder_that_is_not_there_is_refused(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "ueda.md"
    result = haru("--data", workspace(), *TODAY, "--lang", "en", "report", "partner", "ueda", "-o", target)
    assert result.exit_code == 1 and "there is no folder" in result.stderr
    assert not target.parent.exists()


def test_new_files_get_the_usual_mode_and_dash_means_stdout(workspace: WorkspaceFactory, haru: Haru,
                                                           tmp_path: object) -> None:
    from pathlib import Path

    root = workspace()
    target = Path(str(tmp_path)) / "ueda.md"
    mask = os.umask(0o022)
    try:
        assert haru("--data", root, "report", "partner", "ueda", "-o", target).exit_code == 0
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644
    assert haru("--data", root, "report", "partner", "ueda", "-o", "-").stdout.startswith("# 株式会社ウエダ")
