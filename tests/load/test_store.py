"""The parse cache file by file (load/store.py, load/stamps.py): an edit re-reads only its own file, a
command unpickles only the record types it uses, the listing is a stamp comparison while no folder changed —
and whatever the cache holds, a load gives what reading every file afresh gives."""

from __future__ import annotations

import os
import shutil
import textwrap
import time
from array import array
from pathlib import Path
from typing import Any

import pytest

from haru_cli.load import cache, reading, stamps, store, workspace
from haru_cli.records.dataset import Dataset
from haru_cli.records.registry import PARTNER as PARTNER_TYPE
from tests.helpers import WorkspaceFactory, load_workspace

PAST = time.time() - 600


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def aged(root: Path, when: float = PAST) -> Path:
    """Files and folders as if written ten minutes ago: not racy, so cached."""
    for path in [root, *root.rglob("*")]:
        os.utime(path, (when, when), follow_symlinks=False)
    return root


def write(root: Path, path: str, text: str, *, when: float, in_place: bool = False) -> None:
    """A file written, or written again, at a given time (its folder too, as an editor's rename leaves it,
    unless written in place)."""
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    os.utime(file, (when, when))
    if not in_place:
        os.utime(file.parent, (when, when))


def seen(ds: Dataset) -> tuple[Any, ...]:
    """All a load gives: every record and its file, the problems, the skipped files, the files read in part."""
    return (ds.tables.every(), dict(sorted(ds.every_path().items())), ds.problems, ds.skipped_files,
            sorted(ds.partly_read), ds.files, ds.settings)


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record files read from now on."""
    found: list[str] = []
    read_text = reading.read_text

    def counting(file: Path, path: str) -> Any:
        found.append(path)
        return read_text(file, path)

    monkeypatch.setattr(reading, "read_text", counting)
    return found


PARTNER = """\
    id: spcom
    name: 株式会社エスピーコム
    """
CONTRACT = """\
    id: spcom-alliance
    partner: spcom
    type: alliance
    signed: 2026-01-01
    start: 2026-01-01
    end: 2026-12-31
    """


def test_an_edit_reads_only_its_own_file_again(workspace: WorkspaceFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace({"partners/spcom.yaml": PARTNER, "contracts/spcom-alliance.yaml": CONTRACT}))
    load_workspace(root, cache=True)
    write(root, "partners/ueda.yaml", "id: ueda\nname: 株式会社ウエダ物流\n", when=PAST + 60)
    read = reads(monkeypatch)
    ds = load_workspace(root, cache=True)
    assert read == ["partners/ueda.yaml"]
    assert ds.partners["ueda"].name == "株式会社ウエダ物流" and "spcom-alliance" in ds.contracts
    monkeypatch.undo()
    assert seen(ds) == seen(load_workspace(root))
    assert reads(monkeypatch) == [] and seen(load_workspace(root, cache=True)) == seen(ds)  # and kept so


WITH_NOBODY = """\
    id: 2026-11-20-ueda-regular
    partners: [ueda, nobody]
    date: 2026-11-20
    kind: regular
    minutes: 30
    """

# Each step changes the workspace; after each, the load from the cache is the load of every file afresh.
STEPS: list[dict[str, str | None]] = [
    {"partners/spcom.yaml": "id: spcom\nname: [\n"},  # broken: its contract rests on it, and goes too
    {"partners/spcom.yaml": PARTNER},  # mended: both come back
    {"partners/spcom2.yaml": PARTNER},  # the same id twice (and a name that is not its id): all skipped
    {"partners/spcom2.yaml": None},
    {"contracts/spcom-alliance.yaml": None},  # a file removed
    {"time/2026-11.yaml": """\
        id: 2026-11
        month: 2026-11
        entries:
          - {date: 2026-11-02, task: 見積, minutes: 30}
          - {date: 2026-12-02, task: 月違い, minutes: 30}
          - {date: 2026-11-03, task: 会議, minutes: 60, partner: nobody}
        """},  # read in part: its wrong entries dropped, the file said to be read in part
    {"time/2026-11.yaml": "id: 2026-11\nmonth: 2026-11\nentries:\n  - {date: 2026-11-02, task: 見積, minutes: 45}\n"},
    {"haru.yaml": "company: 別の株式会社\nlocale: en\n"},
    {"meetings/2026/2026-11-10-ueda-regular.yaml": None, "meetings/2026/2026-11-20-ueda-regular.yaml": """\
        id: 2026-11-20-ueda-regular
        partners: [ueda, spcom]
        date: 2026-11-20
        kind: regular
        minutes: 30
        """},
    {"partners/spcom.yaml": "# 取引先\n" + PARTNER},  # its record as it was: nothing checked again
    # a partner that is not there: a problem of the checks, in this file
    {"meetings/2026/2026-11-20-ueda-regular.yaml": WITH_NOBODY},
    # the same record, its problem two lines down: placed again
    {"meetings/2026/2026-11-20-ueda-regular.yaml": "# 定例\n# (二行)\n" + textwrap.dedent(WITH_NOBODY)},
]


def test_after_every_edit_the_cache_gives_what_reading_every_file_gives(workspace: WorkspaceFactory) -> None:
    root = aged(workspace({"partners/spcom.yaml": PARTNER, "contracts/spcom-alliance.yaml": CONTRACT}))
    load_workspace(root, cache=True)
    for step, changes in enumerate(STEPS, start=1):
        for path, text in changes.items():
            if text is None:
                (root / path).unlink()
                os.utime((root / path).parent, (PAST + step, PAST + step))
            else:
                write(root, path, text, when=PAST + step)
        fresh = seen(load_workspace(root))
        assert seen(load_workspace(root, cache=True)) == fresh, f"step {step}: {changes}"
        assert seen(load_workspace(root, cache=True)) == fresh, f"step {step}, kept: {changes}"


def test_an_edit_that_leaves_the_records_as_they_were_checks_nothing_again(workspace: WorkspaceFactory,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A comment or the layout edited, a file saved unchanged, a branch checked out and back: the files whose
    stamps changed are read, and give the records kept, so the dataset kept is the workspace's."""
    root = aged(workspace({"partners/spcom.yaml": PARTNER, "contracts/spcom-alliance.yaml": CONTRACT}))
    load_workspace(root, cache=True)
    checked: list[Path] = []
    read_workspace = reading.read_workspace

    def counting(where: Path, *args: Any) -> Any:
        checked.append(where)
        return read_workspace(where, *args)

    monkeypatch.setattr(reading, "read_workspace", counting)
    read = reads(monkeypatch)
    write(root, "partners/spcom.yaml", "# 取引先\n" + PARTNER + "# 以上\n", when=PAST + 60)
    os.utime(root / "contracts/spcom-alliance.yaml", (PAST + 60, PAST + 60))  # touched
    ds = load_workspace(root, cache=True)
    assert sorted(read) == ["contracts/spcom-alliance.yaml", "partners/spcom.yaml"] and checked == []
    assert seen(load_workspace(root, cache=True)) == seen(ds) and read[2:] == [] and checked == []  # saved so
    assert seen(ds) == seen(load_workspace(root))
    for path, text in (("partners/spcom.yaml", "id: spcom\nname: 株式会社エスピーコム2\n"),  # another record
                       ("haru.yaml", (root / "haru.yaml").read_text("utf-8") + "# 設定\n")):  # not a record
        write(root, path, text, when=PAST + 120)
        assert seen(load_workspace(root, cache=True)) == seen(load_workspace(root)) and checked


def test_keys_put_in_another_order_or_a_number_written_otherwise_are_read_again(workspace: WorkspaceFactory) -> None:
    """Equal, yet not the same as written: a sourcing decision's criteria are shown in their order, and 15% is
    not written 15.0% — such an edit is read, not taken for the record kept."""
    from tests.helpers import VENDORS

    root = aged(workspace(VENDORS))
    load_workspace(root, cache=True)
    text = str(VENDORS["sourcing/pick.yaml"])
    for step, edited in enumerate((
            text.replace("expertise: 40%, track_record: 25%", "track_record: 25%, expertise: 40%"),
            text.replace("communication: 15%", "communication: 15.0%")), start=1):
        write(root, "sourcing/pick.yaml", edited, when=PAST + 60 * step)
        cached, fresh = load_workspace(root, cache=True).sourcings["pick"], load_workspace(root).sourcings["pick"]
        assert list(cached.criteria.items()) == list(fresh.criteria.items())
        assert [str(v) for v in cached.criteria.values()] == [str(v) for v in fresh.criteria.values()]


def test_a_link_put_beside_the_files_is_seen_though_no_file_changed(workspace: WorkspaceFactory,
                                                                   tmp_path: Path) -> None:
    """A link (or a folder) where a record file would be is a problem of the listing, not a changed file:
    the cached dataset, whose files are all as they were, is not the workspace's then."""
    root = aged(workspace())
    load_workspace(root, cache=True)
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: outside\nname: 外\n", encoding="utf-8")
    (root / "partners/outside.yaml").symlink_to(outside)  # every file's stamps as they were
    ds = load_workspace(root, cache=True)
    assert [p.path for p in ds.problems] == ["partners/outside.yaml"] and seen(ds) == seen(load_workspace(root))


def test_a_command_unpickles_only_the_types_it_asks_for(workspace: WorkspaceFactory,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace())
    load_workspace(root, cache=True)
    opened: list[str] = []
    read_signed = cache.read_signed

    def noting(root: Path, name: str, *args: Any) -> bytes | None:
        opened.append(name)
        return read_signed(root, name, *args)

    monkeypatch.setattr(cache, "read_signed", noting)
    ds = load_workspace(root, cache=True)
    assert opened == [stamps.SNAPSHOT, store.HEAD] and ds.problems == []
    assert ds.partners["ueda"].name == "株式会社ウエダ" and ds.path_of(PARTNER_TYPE, "ueda") == "partners/ueda.yaml"
    assert opened[2:] == ["records-partner.pickle"]


def test_a_type_file_not_of_its_head_is_never_used(workspace: WorkspaceFactory) -> None:
    """Another haru may write the cache between a head and its types: a type file from another run (here, the
    run before) is refused by its token, and the files are read instead."""
    root = aged(workspace())
    load_workspace(root, cache=True)
    partners = root / cache.CACHE_FOLDER / store.TYPE_FILE.format("partner")
    before = partners.read_bytes()
    write(root, "partners/ueda.yaml", "id: ueda\nname: 株式会社ウエダ物流\n", when=PAST + 60)
    load_workspace(root, cache=True)
    partners.write_bytes(before)  # the old partners, signed by this user: a valid file, of another head
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ物流"
    partners.unlink()
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ物流"
    write(root, "contracts/ueda-referral.yaml", (root / "contracts/ueda-referral.yaml").read_text("utf-8") + "# x\n",
          when=PAST + 120)
    ds = load_workspace(root, cache=True)  # the head cannot give the partners it was made with: all are read
    assert seen(ds) == seen(load_workspace(root))


def test_a_cache_whose_type_file_is_gone_is_made_again(workspace: WorkspaceFactory,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Not read from every file on every run from then on: the files read for it make the cache again."""
    root = aged(workspace())
    load_workspace(root, cache=True)
    (root / cache.CACHE_FOLDER / store.TYPE_FILE.format("partner")).unlink()
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ"
    read = reads(monkeypatch)
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ" and read == []


def test_a_copy_of_a_workspace_never_takes_its_records_from_the_original(workspace: WorkspaceFactory,
                                                                          tmp_path: Path) -> None:
    """A file's stamps hold its inode and status-change time: a copy (cache and all), whose file was then
    changed keeping its size and modification time, is read, not taken from the copied cache."""
    root = aged(workspace())
    load_workspace(root, cache=True)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, symlinks=True)
    file = copy / "partners/ueda.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("株式会社ウエダ", "株式会社ウエタ"), encoding="utf-8")  # the same size
    os.utime(file, ((root / "partners/ueda.yaml").stat().st_mtime,) * 2)
    assert load_workspace(copy, cache=True).partners["ueda"].name == "株式会社ウエタ"


def test_the_listing_is_kept_while_no_folder_changes(workspace: WorkspaceFactory,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace())
    stamps.current(root, use_cache=True)  # .haru-cache/ made: the workspace's folder changed
    first = stamps.current(aged(root), use_cache=True)
    scans: list[Path] = []
    scan = workspace_scan = stamps.scan_workspace

    def counting(where: Path) -> workspace.Listing:
        scans.append(where)
        return workspace_scan(where)

    monkeypatch.setattr(stamps, "scan_workspace", counting)
    assert stamps.current(root, use_cache=True).fingerprint == first.fingerprint and scans == []
    write(root, "partners/ueda.yaml", "id: ueda\nname: x\n", when=PAST + 60, in_place=True)  # no listing
    changed = stamps.current(root, use_cache=True)
    assert changed.fingerprint != first.fingerprint and scans == []
    assert changed.fingerprint == scan(root).fingerprint
    write(root, "partners/spcom.yaml", PARTNER, when=PAST + 120)  # a file added: its folder changed
    added = stamps.current(root, use_cache=True)
    assert scans == [root] and "partners/spcom.yaml" in added.paths
    (root / "partners/spcom.yaml").unlink()  # removed
    assert "partners/spcom.yaml" not in stamps.current(root, use_cache=True).paths


def test_two_processes_take_the_stamps_one_would(workspace: WorkspaceFactory,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Above SHARED_FROM files a forked process takes half of the stamps: the same bytes, an edit seen in
    either half, a file gone from either half seen too; a process that fails has its half taken here."""
    root = aged(workspace({f"partners/p{n:02}.yaml": f"id: p{n:02}\nname: 会社{n}\n" for n in range(20)}))
    base = str(root)
    paths = stamps.current(root, use_cache=False).paths
    one_by_one = b"".join(array("q", stamps.stamps(os.lstat(f"{base}/{path}"))).tobytes() for path in paths)
    assert stamps._taken(base, paths) == one_by_one  # (its loop writes workspace.stamps out)
    assert stamps.taken_by_two(base, paths) == one_by_one
    for edited in (paths[0], paths[-1]):
        write(root, edited, "id: x\nname: 変更\n", when=PAST + 60, in_place=True)
        assert stamps.taken_by_two(base, paths) == stamps._taken(base, paths)
    gone = "partners/gone.yaml"
    assert stamps.taken_by_two(base, [gone, *paths]) is None  # in this process's half
    assert stamps.taken_by_two(base, [*paths, gone]) is None  # in the forked one's
    parent = os.getpid()
    taken = stamps._taken

    def failing(where: str, some: list[str]) -> bytes | None:
        if os.getpid() != parent:
            os._exit(1)  # the forked process dies without a word
        return taken(where, some)

    def cut_short(where: str, some: list[str]) -> bytes | None:
        found = taken(where, some)
        return found[:-8] if found is not None and os.getpid() != parent else found  # says less than its half

    for broken in (failing, cut_short):
        monkeypatch.setattr(stamps, "_taken", broken)
        assert stamps.taken_by_two(base, paths) == taken(base, paths)
    monkeypatch.setattr(stamps, "_taken", taken)
    monkeypatch.setattr(stamps, "SHARED_FROM", 2)
    monkeypatch.setattr(stamps, "may_fork", lambda: True)
    shared: list[int] = []
    by_two = stamps.taken_by_two
    monkeypatch.setattr(stamps, "taken_by_two", lambda where, some: shared.append(len(some)) or by_two(where, some))
    stamps.current(root, use_cache=True)  # .haru-cache/ made: the workspace's folder changed
    stamps.current(aged(root), use_cache=True)
    kept = stamps.current(root, use_cache=True)  # from the kept listing
    assert shared == [len(paths)] and kept.numbers == stamps.current(root, use_cache=False).numbers


def test_a_listing_whose_folder_changed_a_moment_ago_is_not_kept(workspace: WorkspaceFactory) -> None:
    """Within the file system's timestamp resolution a folder could change again unseen: not kept yet."""
    root = aged(workspace())
    os.utime(root / "partners", None)  # now
    stamps.current(root, use_cache=True)
    assert not (root / cache.CACHE_FOLDER / stamps.SNAPSHOT).exists()
    aged(root)
    stamps.current(root, use_cache=True)
    assert (root / cache.CACHE_FOLDER / stamps.SNAPSHOT).is_file()


def test_a_racy_edit_is_read_but_not_kept(workspace: WorkspaceFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit a moment ago (the pre-commit hook's case) is read from its file and the rest from the cache;
    the cache is not written until the edit is two seconds old."""
    root = aged(workspace({"partners/spcom.yaml": PARTNER}))
    load_workspace(root, cache=True)
    head = (root / cache.CACHE_FOLDER / store.HEAD).read_bytes()
    (root / "partners/ueda.yaml").write_text("id: ueda\nname: 株式会社ウエダ物流\n", encoding="utf-8")
    read = reads(monkeypatch)
    assert load_workspace(root, cache=True).partners["ueda"].name == "株式会社ウエダ物流"
    assert read == ["partners/ueda.yaml"]
    assert (root / cache.CACHE_FOLDER / store.HEAD).read_bytes() == head


def test_a_file_dated_past_2262_is_read(workspace: WorkspaceFactory) -> None:
    """Its time in ns passes 64 bits (a workspace from someone else can carry one): kept as the largest."""
    root = aged(workspace())
    far = 13_569_465_600  # 2400-01-01
    try:
        os.utime(root / "partners/ueda.yaml", (far, far))
    except (OSError, OverflowError):
        pytest.skip("this file system keeps no such time")
    assert seen(load_workspace(root, cache=True)) == seen(load_workspace(root))
    assert stamps.current(root, use_cache=True).racy()  # a time to come: never cached


def test_a_workspace_named_through_a_link_keeps_its_listing(workspace: WorkspaceFactory, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = aged(workspace())
    link = tmp_path / "link"
    link.symlink_to(root)
    stamps.current(link, use_cache=True)  # .haru-cache/ made
    aged(root)
    stamps.current(link, use_cache=True)  # kept
    monkeypatch.setattr(stamps, "scan_workspace", lambda where: pytest.fail("listed again"))
    assert "partners/ueda.yaml" in stamps.current(link, use_cache=True).paths
