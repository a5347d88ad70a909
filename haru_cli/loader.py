"""Files → Dataset and a list of Problems.

A file with any error is left out of the dataset (and counted as skipped): every other command works on
what remains. Pydantic's error locations are mapped back to the YAML node they name, so each problem
points at the offending key or value rather than at the top of the file.
"""

from __future__ import annotations

import difflib
import functools
import gc
import hashlib
import os
import time
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from haru_cli.checks import run_checks
from haru_cli.models import Contract, Meeting, Partner, Record, Referral, Settings
from haru_cli.problems import Problem, error
from haru_cli.workspace import SETTINGS_FILE
from haru_cli.yamlio import Document, Loc, Mark, parse_yaml, read_document

T = TypeVar("T")
FOLDERS: dict[str, type[BaseModel]] = {
    "partners": Partner,
    "contracts": Contract,
    "meetings": Meeting,
    "referrals": Referral,
}


@dataclass
class Dataset:
    """A loaded workspace: the records that are valid, and where each came from."""

    root: Path
    settings: Settings = field(default_factory=Settings)
    partners: dict[str, Partner] = field(default_factory=dict)
    contracts: dict[str, Contract] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    referrals: dict[str, Referral] = field(default_factory=dict)
    paths: dict[tuple[str, str], str] = field(default_factory=dict)  # (folder, id) → file
    # Texts read as if they were files (`haru new` checks a record before writing it).
    overlay: dict[str, str] = field(default_factory=dict)
    # Values derived from the records once and kept (indexes, fee events): see memo().
    memos: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # (folder, file stem) of files that exist but could not be loaded: references to them are not
    # reported again, the file's own problem says it all; and new records do not take their ids.
    broken: set[tuple[str, str]] = field(default_factory=set)
    skipped_files: set[str] = field(default_factory=set)  # every record file left out, and why: problems
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def skipped(self) -> int:
        return len(self.skipped_files)

    def taken(self, folder: str) -> set[str]:
        """Ids a new record cannot have: those loaded, and those of files that exist but are broken."""
        return set(self.records(folder)) | {stem for kind, stem in self.broken if kind == folder}

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """build() the first time a command asks for it; the same value after that."""
        if name not in self.memos:
            self.memos[name] = build()
        return typing.cast(T, self.memos[name])

    def meetings_of(self, partner_id: str) -> list[Meeting]:
        """The partner's meetings, newest first."""
        def build() -> dict[str, list[Meeting]]:
            index: dict[str, list[Meeting]] = {}
            for m in sorted(self.meetings.values(), key=lambda m: (m.date, m.id), reverse=True):
                for partner in dict.fromkeys(m.partners):
                    index.setdefault(partner, []).append(m)
            return index
        return self.memo("meetings_of", build).get(partner_id, [])

    def contracts_of(self, partner_id: str) -> list[Contract]:
        def build() -> dict[str, list[Contract]]:
            index: dict[str, list[Contract]] = {}
            for c in self.contracts.values():
                index.setdefault(c.partner, []).append(c)
            return index
        return self.memo("contracts_of", build).get(partner_id, [])

    def referrals_of(self, partner_id: str) -> list[Referral]:
        """The partner's referrals, in the order they were made."""
        def build() -> dict[str, list[Referral]]:
            index: dict[str, list[Referral]] = {}
            for r in sorted(self.referrals.values(), key=lambda r: (r.referred, r.id)):
                index.setdefault(r.partner, []).append(r)
            return index
        return self.memo("referrals_of", build).get(partner_id, [])

    @property
    def settings_broken(self) -> bool:
        """haru.yaml has errors: its defaults stand in for it."""
        return any(p.path == SETTINGS_FILE and p.severity == "error" for p in self.problems)

    def records(self, folder: str) -> dict[str, Any]:
        return typing.cast(dict[str, Any], getattr(self, folder))

    def locate(self, folder: str, record_id: str, loc: Loc = (), *, key: bool = False) -> tuple[str, Mark]:
        """The file of a record and the position of one of its values (or keys).

        Positions are not kept for every value of every file (they would double the memory a large
        workspace takes): the file is read again, only when a problem in it needs pointing at.
        """
        path = self.paths[(folder, record_id)]
        return path, _document(self.root, path, self.overlay.get(path)).mark(loc, key=key)

    def path_of(self, folder: str, record_id: str) -> str:
        return self.paths[(folder, record_id)]


def load_workspace(root: Path, overlay: dict[str, str] | None = None, *, cache: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> Dataset:
    """Load every record under root, run every cross-file check, and return all of it.

    `overlay` maps workspace paths to texts read as if those files were there: `haru new` validates the
    workspace as it will be, before writing anything. With `cache`, a dataset saved by an earlier run is
    used when no file has changed since (see cache.py). `progress(done, total)` is told as files load.
    """
    from haru_cli import cache as parse_cache

    # Loading builds a few million small objects and no cycles: the cyclic collector would only slow it.
    collecting = gc.isenabled()
    gc.disable()
    _document.cache_clear()  # files may have changed since the last load in this process
    try:
        listing = scan_workspace(root)
        use_cache = cache and not overlay
        if use_cache and (cached := parse_cache.read(root, listing.fingerprint)) is not None:
            return cached
        ds = _load(root, listing, overlay or {}, progress)
        if use_cache and not listing.racy():
            parse_cache.write(root, listing.fingerprint, ds)
        return ds
    finally:
        if collecting:
            gc.enable()


@dataclass(frozen=True)
class Listing:
    """The files a workspace holds now, and what is wrong with their names."""

    files: dict[str, list[tuple[str, Path]]]  # folder → (workspace path, file), sorted
    problems: list[Problem]
    fingerprint: str  # changes whenever a file is added, removed, resized or touched
    newest: int  # the latest modification time of them all (ns)

    def racy(self) -> bool:
        """A file changed within the last two seconds could change again within the file system's
        timestamp resolution, keeping its size and time (git's "racy" case): do not cache it yet."""
        return self.newest > time.time_ns() - 2_000_000_000


def scan_workspace(root: Path) -> Listing:
    problems: list[Problem] = []
    stamps: list[tuple[str, int, int]] = []
    files = {folder: list(_record_files(root, folder, problems, stamps)) for folder in FOLDERS}
    settings = root / SETTINGS_FILE
    if settings.is_file():
        stamps.append(_stamp(SETTINGS_FILE, settings.stat()))
    lines = [f"{path}\t{size}\t{mtime}" for path, size, mtime in stamps]
    lines += [f"{p.path}:{p.variant}" for p in problems]
    fingerprint = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Listing(files, problems, fingerprint, max((mtime for _, _, mtime in stamps), default=0))


def _stamp(path: str, stat: os.stat_result) -> tuple[str, int, int]:
    return path, stat.st_size, stat.st_mtime_ns


def _load(root: Path, listing: Listing, overlay: dict[str, str],
          progress: Callable[[int, int], None] | None) -> Dataset:
    ds = Dataset(root, overlay=overlay)
    ds.settings = _load_settings(root, ds.problems)
    ds.problems.extend(listing.problems)
    ds.files = int((root / SETTINGS_FILE).is_file())
    total = sum(len(found) for found in listing.files.values()) + len(overlay)
    first_with_id: dict[tuple[str, str], str] = {}
    for folder, model in FOLDERS.items():
        files = dict(listing.files[folder])
        files |= {path: root / path for path in overlay if path.startswith(f"{folder}/")}
        for path in sorted(files):
            ds.files += 1
            _load_record(ds, folder, model, files[path], path, overlay.get(path), first_with_id)
            if progress is not None and ds.files % 500 == 0:
                progress(ds.files, total)
    ds.problems.extend(run_checks(ds))
    ds.problems.sort(key=Problem.sort_key)
    _skip_records_with_errors(ds)
    _skip_dependants(ds)
    return ds


@functools.lru_cache(maxsize=8)
def _document(root: Path, path: str, text: str | None) -> Document:
    """A record's file parsed again for its positions (a few at a time: checks go file by file)."""
    doc, _ = read_document(root / path, path) if text is None else parse_yaml(text, path)
    return doc if doc is not None else Document(None)


def _skip_records_with_errors(ds: Dataset) -> None:
    """A record with any error (a dangling reference, dates out of order ...) is left out, like an
    unreadable file: other commands then work only on what is known to be right."""
    wrong = {p.path for p in ds.problems if p.severity == "error"}
    for (folder, record_id), path in list(ds.paths.items()):
        if path in wrong:
            _skip(ds, folder, record_id)


def _skip_dependants(ds: Dataset) -> None:
    """Records resting on one that was left out go too: a referral whose contract is broken would
    otherwise silently earn nothing. They count among the skipped files."""
    for c in list(ds.contracts.values()):
        if c.partner not in ds.partners:
            _skip(ds, "contracts", c.id)
    for m in list(ds.meetings.values()):
        if any(p not in ds.partners for p in m.partners) or (m.contract and m.contract not in ds.contracts):
            _skip(ds, "meetings", m.id)
    for r in list(ds.referrals.values()):
        if r.partner not in ds.partners or r.contract not in ds.contracts:
            _skip(ds, "referrals", r.id)


def _skip(ds: Dataset, folder: str, record_id: str) -> None:
    path = ds.paths.pop((folder, record_id))
    del ds.records(folder)[record_id]
    ds.broken.add((folder, path.rsplit("/", 1)[-1].removesuffix(".yaml")))
    ds.skipped_files.add(path)


def _load_settings(root: Path, problems: list[Problem]) -> Settings:
    file = root / SETTINGS_FILE
    if not file.exists():
        return Settings()
    doc, found = read_document(file, SETTINGS_FILE)
    if doc is None:
        if [p.code for p in found] == ["empty"]:  # a haru.yaml with only comments: every default
            return Settings()
        problems.extend(found)
        return Settings()
    problems.extend(found)
    settings = _validate(Settings, doc, SETTINGS_FILE, problems)
    return settings if isinstance(settings, Settings) and not found else Settings()


def _record_files(root: Path, folder: str, problems: list[Problem],
                  stamps: list[tuple[str, int, int]]) -> Iterator[tuple[str, Path]]:
    """The record files of a folder, sorted; meetings also one level down (meetings/YYYY/)."""
    base = root / folder
    if not base.is_dir():
        if base.exists():
            problems.append(error(folder, (1, 1), "file-name", variant="file-name.not-folder"))
        return
    depth = 2 if folder == "meetings" else 1
    yield from _scan(base, f"{folder}/", depth, problems, stamps)


def _scan(directory: Path, prefix: str, depth: int, problems: list[Problem],
          stamps: list[tuple[str, int, int]]) -> Iterator[tuple[str, Path]]:
    try:
        with os.scandir(directory) as entries:
            listing = sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(error(prefix.rstrip("/"), (1, 1), "unreadable", reason=exc.strerror or str(exc)))
        return
    for entry in listing:
        if entry.name.startswith("."):
            continue
        path = prefix + entry.name
        if entry.is_dir() and depth > 1:
            yield from _scan(Path(entry.path), path + "/", depth - 1, problems, stamps)
        elif entry.name.endswith(".yaml"):
            if entry.is_file():
                try:
                    stamps.append(_stamp(path, entry.stat()))
                except OSError:  # gone since the folder was listed: as if it had never been there
                    continue
                yield path, Path(entry.path)
            else:  # a FIFO or a device would hang or flood the reader
                problems.append(error(path, (1, 1), "file-name", variant="file-name.not-regular"))
        elif entry.name.lower().endswith((".yml", ".yaml")):
            # Silently ignoring it would hide a record; say why it is not read.
            problems.append(error(path, (1, 1), "file-name", variant="file-name.yml"))


def _load_record(ds: Dataset, folder: str, model: type[BaseModel], file: Path, path: str, text: str | None,
                 first_with_id: dict[tuple[str, str], str]) -> None:
    stem = file.name.removesuffix(".yaml")
    doc, problems = read_document(file, path) if text is None else parse_yaml(text, path)
    record = _validate(model, doc, path, problems) if doc is not None else None
    if record is not None and doc is not None:
        if record.id != stem:
            problems.append(error(path, doc.mark(("id",)), "id-filename", id=record.id, stem=stem))
        first = first_with_id.setdefault((folder, record.id), path)
        if first != path:
            # No copy can be trusted to be the right one: each is reported, and all are skipped.
            if (folder, record.id) in ds.paths:
                ds.problems.append(error(first, ds.locate(folder, record.id, ("id",))[1], "duplicate-id",
                                         id=record.id, first=path))
                _skip(ds, folder, record.id)
            problems.append(error(path, doc.mark(("id",)), "duplicate-id", id=record.id, first=first))
    ds.problems.extend(problems)
    if record is None or any(p.severity == "error" for p in problems):
        ds.broken.add((folder, stem))
        ds.skipped_files.add(path)
        return
    ds.records(folder)[record.id] = record
    ds.paths[(folder, record.id)] = path


def _validate(model: type[BaseModel], doc: Document, path: str, problems: list[Problem]) -> Any:
    """The model built from doc, or None with the problems appended."""
    if not isinstance(doc.data, dict):
        problems.append(error(path, doc.mark(()), "not-mapping", model=model.__name__))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(_problems_of(exc, model, doc, path))
        return None


_TYPE_VARIANTS = {
    "string_type": "type.str",
    "int_type": "type.int",
    "bool_type": "type.bool",
    "list_type": "type.list",
    "model_type": "type.mapping",
    "dict_type": "type.mapping",
    "float_type": "type.number",
    "string_pattern_mismatch": "type.empty",  # only Name has a pattern: \S, "not blank"
}
_RANGE_VARIANTS = {
    "greater_than_equal": "range.ge",
    "less_than_equal": "range.le",
    "too_short": "range.too-short",
}


def _problems_of(exc: ValidationError, model: type[BaseModel], doc: Document, path: str) -> Iterator[Problem]:
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        kind, ctx, value = err["type"], dict(err.get("ctx") or {}), err.get("input")
        name = ".".join(str(part) for part in loc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            near = difflib.get_close_matches(key, _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
            variant = "unknown-key.near" if near else "unknown-key"
            yield error(path, doc.mark(loc, key=True), "unknown-key", variant, key=key, near=near[0] if near else "")
        elif kind == "missing":
            yield error(path, doc.mark(loc[:-1]), "missing-key", key=name)
        elif kind == "literal_error":
            expected = str(ctx.get("expected", "")).replace(" or ", ", ")
            yield error(path, doc.mark(loc), "enum", key=name, value=value, expected=expected)
        elif "variant" in ctx:  # one of haru's own value types (values.py)
            yield error(path, doc.mark(loc), kind, str(ctx.pop("variant")), key=name, **ctx)
        elif kind in _TYPE_VARIANTS:
            yield error(path, doc.mark(loc), "type", _TYPE_VARIANTS[kind], key=name, value=value)
        elif kind in _RANGE_VARIANTS:
            yield error(path, doc.mark(loc), "range", _RANGE_VARIANTS[kind], key=name, value=value, **ctx)
        else:
            yield error(path, doc.mark(loc), "invalid", key=name, reason=err["msg"])


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the model allows at loc, for a "did you mean" hint."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None


__all__ = ["Dataset", "FOLDERS", "Record", "load_workspace"]
