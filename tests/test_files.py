"""read_regular: a regular file's bytes, whole, bounded; never through a link, never a pipe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haru_cli.files import NotRegular, TooLarge, read_regular


@pytest.mark.parametrize("size", [0, 1, 2**16 - 1, 2**16, 2**16 + 1, 300_000])
def test_a_file_is_read_whole(tmp_path: Path, size: int) -> None:
    content = os.urandom(size)
    (tmp_path / "f").write_bytes(content)
    assert read_regular(tmp_path / "f") == content


def test_a_file_over_the_bound_is_refused_before_it_is_read(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 1001)
    with pytest.raises(TooLarge):
        read_regular(tmp_path / "f", limit=1000)
    (tmp_path / "f").write_bytes(b"x" * 1000)
    assert len(read_regular(tmp_path / "f", limit=1000)) == 1000


def test_a_file_that_grows_past_the_bound_while_it_is_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "f").write_bytes(b"x" * 2_000_010)
    seen = os.stat(tmp_path / "f")
    stale = os.stat_result((*seen[:6], 10, *seen[7:10]))  # fstat saw 10 bytes; 2 MB were appended since
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: stale if real_fstat(fd).st_ino == seen.st_ino else real_fstat(fd))
    with pytest.raises(TooLarge):
        read_regular(tmp_path / "f", limit=1_000_000)
    assert len(read_regular(tmp_path / "f", limit=3_000_000)) == 2_000_010  # read on to the end


def test_links_pipes_and_folders_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "target").write_text("secret", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotRegular, match="symlink"):
        read_regular(tmp_path / "link")
    with pytest.raises(NotRegular, match="not-regular"):
        read_regular(tmp_path / "pipe")  # without waiting for a writer
    with pytest.raises(NotRegular, match="not-regular"):
        read_regular(tmp_path)
