"""The search index: packed and read back whole, or refused; matches found by line, in the right file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.load import search
from haru_cli.load.workspace import scan_workspace
from tests.helpers import WorkspaceFactory

paths = st.lists(st.text(st.characters(blacklist_characters="\0", blacklist_categories=("Cs",)), min_size=1),
                 max_size=5, unique=True)


@settings(max_examples=100, deadline=None)
@given(paths, st.data())
def test_an_index_reads_back_as_it_was_packed(names: list[str], data: st.DataObject) -> None:
    texts = [data.draw(st.text(st.characters(blacklist_characters="\0", blacklist_categories=("Cs",))))
             for _ in names]
    encoded = [(t + "\0").encode() for t in texts]
    ends, at = [], 0
    for e in encoded:
        at += len(e)
        ends.append(at - 1)
    index = (names, ends, b"".join(encoded), 0)

    def seen(found: search.Index | None) -> object:
        return None if found is None else (found[0], list(found[1]), found[2][found[3]:])

    packed = search._packed(index)
    assert seen(search._unpacked(packed)) == seen(index)
    assert seen(search._unpacked(b"head" + packed, 4)) == seen(index)  # held further on in the file's bytes
    for cut in (0, 7, 8, len(packed) // 2):
        truncated = seen(search._unpacked(packed[:cut]))
        assert truncated is None or truncated == seen(index)  # never other paths, ends or texts


def test_every_line_that_holds_the_query_once_each(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/spcom.yaml": "id: spcom\nname: ＳＰコム ＳＰ\nnotes: |\n  sp sp\n  x\n  Sp\n"})
    hits, more = search.search(root, scan_workspace(root), "ｓｐ", use_cache=False)
    assert [h.line for h in hits] == [1, 2, 4, 6] and not more  # spcom, ＳＰ, sp sp (once), Sp
    assert search.search(root, scan_workspace(root), "", use_cache=False) == ([], False)
    assert search.search(root, scan_workspace(root), "a\nb", use_cache=False) == ([], False)


def test_a_kept_index_is_used_until_a_file_changes(workspace: WorkspaceFactory, tmp_path: Path) -> None:
    import os

    root = workspace()
    os.utime(root / "partners" / "ueda.yaml", (1, 1))
    for file in root.rglob("*.yaml"):
        os.utime(file, (1, 1))  # old enough to be cached
    hits, _ = search.search(root, scan_workspace(root), "サンプル物流")
    assert (root / ".haru-cache" / search.INDEX_FILE).is_file() and [h.record for h in hits] == ["2026-ueda-001"]
    (root / "referrals" / "2026-ueda-001.yaml").write_text(
        (root / "referrals" / "2026-ueda-001.yaml").read_text("utf-8").replace("サンプル物流", "別の会社"), "utf-8")
    assert search.search(root, scan_workspace(root), "サンプル物流")[0] == []
