"""Files → Dataset and a list of Problems: YAML parsed, records validated, cross-file checks run.

A file with any error is left out of the dataset (and counted as skipped): every other command works on
what remains. Pydantic's error locations are mapped back to the YAML node they name, so each problem
points at the offending key or value rather than at the top of the file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from haru_cli.load.validation import validate
from haru_cli.load.workspace import SETTINGS_FILE
from haru_cli.load.yamlio import Document, parse_yaml, read_document
from haru_cli.records.dataset import FOLDERS, Dataset
from haru_cli.records.models import Record, Settings
from haru_cli.records.problems import Problem, error
from haru_cli.rules.checks import run_checks

if TYPE_CHECKING:
    from haru_cli.load.loader import Listing


def read_workspace(root: Path, listing: Listing, overlay: dict[str, str],
                   progress: Callable[[int, int], None] | None) -> Dataset:
    """Every listed file read, validated and checked; `progress(done, total)` is told as files load."""
    document.cache_clear()  # files may have changed since the last read in this process
    ds = Dataset(root, overlay=overlay)
    ds.settings = _load_settings(root, ds.problems)
    ds.problems.extend(listing.problems)
    ds.files = int((root / SETTINGS_FILE).is_file())
    total = sum(len(found) for found in listing.files.values()) + len(overlay)
    first_with_id: dict[tuple[str, str], str] = {}
    for folder, model in FOLDERS.items():
        files = {path: Path(file) for path, file in listing.files[folder]}
        files |= {path: root / path for path in overlay if path.startswith(f"{folder}/")}
        for path in sorted(files):
            ds.files += 1
            _load_record(ds, folder, model, files[path], path, overlay.get(path), first_with_id)
            if progress is not None and ds.files % 500 == 0:
                progress(ds.files, total)
    ds.problems.extend(run_checks(ds))
    ds.problems = capped(sorted(ds.problems, key=Problem.sort_key))
    _skip_records_with_errors(ds)
    _skip_dependants(ds)
    return ds


MAX_PROBLEMS_PER_FILE = 100


def capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS_PER_FILE problems of each file (sorted), then one line saying how many more
    there are: a file of a million mistakes is still read in seconds and reported in a page (SPEC §14)."""
    out: list[Problem] = []
    by_path: dict[str, list[Problem]] = {}
    for p in problems:
        by_path.setdefault(p.path, []).append(p)
    for found in by_path.values():
        out += found[:MAX_PROBLEMS_PER_FILE]
        rest = found[MAX_PROBLEMS_PER_FILE:]
        if rest:
            errors = sum(p.severity == "error" for p in rest)
            first = rest[0]
            out.append(Problem(first.path, first.line, first.column, "error" if errors else "warning",
                               "more-problems", {"count": f"{len(rest):,}", "errors": errors,
                                                 "warnings": len(rest) - errors}))
    return out


@functools.lru_cache(maxsize=8)
def document(root: Path, path: str, text: str | None) -> Document:
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
    if not file.is_file() or file.is_symlink():  # a link or pipe is the listing's problem, and never read
        return Settings()
    doc, found = read_document(file, SETTINGS_FILE)
    if doc is None:
        if [p.code for p in found] == ["empty"]:  # a haru.yaml with only comments: every default
            return Settings()
        problems.extend(found)
        return Settings()
    problems.extend(found)
    settings = validate(Settings, doc, SETTINGS_FILE, problems)
    return settings if isinstance(settings, Settings) and not found else Settings()


def _load_record(ds: Dataset, folder: str, model: type[Record], file: Path, path: str, text: str | None,
                 first_with_id: dict[tuple[str, str], str]) -> None:
    stem = file.name.removesuffix(".yaml")
    doc, problems = read_document(file, path) if text is None else parse_yaml(text, path)
    record = validate(model, doc, path, problems) if doc is not None else None
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
