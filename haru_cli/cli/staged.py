"""The workspace as git's index holds it (what a commit would hold), for `haru validate --staged`.

Read without making git run anything of the repository's (SPEC §14): the index listed with `git ls-files
--stage` and its blobs read with `git cat-file --batch` — no checkout, so no `filter.*.smudge`, no hook,
no fsmonitor — and written into a scratch folder by haru itself: only the files under the workspace
folder, never through a link, never a name that leaves the folder. A `.git` that is not a folder (a
`gitdir:` pointer of a worktree or submodule, a link) is refused: it would make haru check another
repository than the one the folder holds."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from haru_cli.cli.context import Failure
from haru_cli.cli.git import git_command, git_environment
from haru_cli.files import MAX_FILE_BYTES
from haru_cli.i18n import Translator
from haru_cli.records.frozen import frozen

_LINK_TARGET = ".haru-staged-link"  # what a staged link points at in the copy: nothing, so nothing is followed


@frozen
class _Entry:
    mode: bytes
    oid: bytes
    name: bytes  # relative to the workspace, as git has it (any bytes)


@contextmanager
def staged_copy(root: Path, t: Translator) -> Iterator[Path]:
    """A scratch folder holding the workspace's staged files, removed when the block ends."""
    _check_repository(root, t)
    entries = _index(root, t)
    scratch = Path(tempfile.mkdtemp(prefix="haru-staged-"))
    try:
        _write(root, scratch, entries, t)
        if not (scratch / "haru.yaml").is_file():
            raise Failure(t("cli.git.not_staged", path=str(root)))
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _check_repository(root: Path, t: Translator) -> None:
    """Refused unless the repository the folder is in has its own `.git` folder, and git means that one."""
    folder = root.resolve()
    for above in (folder, *folder.parents):
        dot_git = above / ".git"
        try:
            info = os.lstat(dot_git)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode):
            raise Failure(t("cli.git.not_a_folder", path=str(dot_git)))
        break
    else:
        raise Failure(t("cli.git.not_a_repository", path=str(root)), exit_code=2)
    # git's own refusals (a repository of another user: safe.directory) are said as git says them
    git_dir, top = (Path(os.fsdecode(line)) for line in _git(
        root, t, "rev-parse", "--absolute-git-dir", "--show-toplevel").splitlines()[:2])
    if git_dir != top / ".git" or top / ".git" != dot_git:
        # GIT_DIR or core.worktree naming another place: not the repository the folder is in
        used = git_dir if git_dir != dot_git else top
        raise Failure(t("cli.git.elsewhere", path=str(dot_git), git_dir=str(used)))


def _index(root: Path, t: Translator) -> list[_Entry]:
    """The index's entries under the workspace folder (git lists those of the folder it runs in, by their
    path from there); gitlinks (a submodule's commit) hold no file and are left out."""
    done = _git(root, t, "ls-files", "--stage", "-z")
    entries, unmerged = [], []
    for record in done.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, oid, stage = meta.split(b" ")
        if stage != b"0":
            unmerged.append(os.fsdecode(name))
        elif mode != b"160000":
            if any(part in (b"", b".", b"..") for part in name.split(b"/")):
                raise Failure(t("cli.git.bad_name", path=os.fsdecode(name)))
            entries.append(_Entry(mode, oid, name))
    if unmerged:  # a commit cannot be made yet; checking the rest would say it could
        raise Failure(t("cli.git.unmerged", paths=", ".join(sorted(set(unmerged)))))
    return entries


def _write(root: Path, scratch: Path, entries: list[_Entry], t: Translator) -> None:
    """Each entry as a file of the scratch folder: a link as a link to nothing (the loader reports a linked
    record without following it), a blob over the file limit as a file of its size with nothing read
    (the loader reports it too large), the others with their staged bytes."""
    blobs = []
    for entry in entries:
        if entry.mode == b"120000":
            try:
                os.symlink(_LINK_TARGET, _place(scratch, entry.name, t))
            except FileExistsError:
                raise Failure(t("cli.git.bad_name", path=os.fsdecode(entry.name))) from None
        else:
            blobs.append(entry)
    if not blobs:
        return
    sizes = _sizes(root, [entry.oid for entry in blobs], t)
    small = []
    for entry in blobs:
        if sizes[entry.oid] > MAX_FILE_BYTES:
            fd = _create(scratch, entry.name, t)
            try:
                os.truncate(fd, sizes[entry.oid])
            finally:
                os.close(fd)
        else:
            small.append(entry)
    _write_blobs(root, scratch, small, t)


def _sizes(root: Path, oids: list[bytes], t: Translator) -> dict[bytes, int]:
    out = _git(root, t, "cat-file", "--batch-check", given=b"".join(oid + b"\n" for oid in oids))
    sizes = {}
    for line in out.splitlines():
        oid, kind, *size = line.split(b" ")
        if kind != b"blob" or len(size) != 1 or not size[0].isdigit():  # `<oid> missing`: a partial clone
            raise Failure(t("cli.git.failed", command="cat-file", reason=line.decode("utf-8", "replace")))
        sizes[oid] = int(size[0])
    return sizes


def _write_blobs(root: Path, scratch: Path, entries: list[_Entry], t: Translator) -> None:
    """The blobs' bytes, one at a time through one `git cat-file --batch` (no filter, no textconv)."""
    command = git_command("cat-file", "--batch")
    if command is None or not entries:
        return
    with subprocess.Popen(command, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=git_environment()) as git:
        assert git.stdin is not None and git.stdout is not None
        try:
            for entry in entries:
                git.stdin.write(entry.oid + b"\n")
                git.stdin.flush()
                line = git.stdout.readline()
                header = line.split()
                if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                    raise Failure(t("cli.git.failed", command="cat-file",
                                    reason=line.decode("utf-8", "replace").strip()))
                size = int(header[2])
                content = git.stdout.read(size)
                if len(content) != size or git.stdout.read(1) != b"\n":
                    raise Failure(t("cli.git.failed", command="cat-file", reason=entry.oid.decode()))
                fd = _create(scratch, entry.name, t)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content)
        finally:
            git.stdin.close()


def _git(root: Path, t: Translator, *args: str, given: bytes | None = None) -> bytes:
    """What a git command, run in the workspace folder, prints (bytes: names are any bytes)."""
    command = git_command(*args)
    if command is None:
        raise Failure(t("cli.git.not_a_repository", path=str(root)), exit_code=2)
    done = subprocess.run(command, cwd=root, input=given, capture_output=True, env=git_environment(),
                          stdin=None if given is not None else subprocess.DEVNULL)
    if done.returncode != 0:
        raise Failure(t("cli.git.failed", command=args[0], reason=done.stderr.decode("utf-8", "replace").strip()))
    return done.stdout


def _place(scratch: Path, name: bytes, t: Translator) -> bytes:
    """Where a staged file goes in the scratch folder: its folders made there, each a real folder (a staged
    link is never gone through, whatever names follow it)."""
    *folders, _ = name.split(b"/")
    at = os.fsencode(scratch)
    for folder in folders:
        at = os.path.join(at, folder)
        try:
            os.mkdir(at, 0o700)
        except FileExistsError:
            if not stat.S_ISDIR(os.lstat(at).st_mode):
                raise Failure(t("cli.git.bad_name", path=os.fsdecode(name))) from None
    return os.path.join(os.fsencode(scratch), name)


def _create(scratch: Path, name: bytes, t: Translator) -> int:
    try:
        return os.open(_place(scratch, name, t), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:  # a name twice, or a file where a folder is (only a made-up index has them)
        raise Failure(t("cli.git.bad_name", path=os.fsdecode(name))) from None
