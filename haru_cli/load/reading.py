"""Files → Dataset and a list of Problems: YAML parsed, records validated, the checks run (those the caller
hands in: rules/registered.py's run_checks, given by the CLI — load imports no rules).

A file with any error is left out of the dataset (and counted as skipped): every other command works on
what remains. Pydantic's error locations, and the checks' findings, are mapped back to the YAML node they
name, so each problem points at the offending key or value rather than at the top of the file. The text
of every file read is kept while the workspace loads, so that a finding is placed from it, parsed once
more only for files that have one — never read from disk a second time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from haru_cli.load.banks import ZenginBanks
from haru_cli.load.store import FileRead
from haru_cli.load.validation import validate, validate_without_bad_entries
from haru_cli.load.workspace import Listing
from haru_cli.load.yamlio import Document, parse_yaml, read_document, read_text
from haru_cli.records.dataset import Dataset, Skipped
from haru_cli.records.models import Settings, TimeEntry, TimeLog
from haru_cli.records.problems import Finding, Problem, error
from haru_cli.records.registry import BY_NAME, SETTINGS_FILE, TIME, TYPES, RecordType, type_of_path

# Every cross-file check on the records read, the bank codes too given the list of banks.
RunChecks = Callable[[Dataset, ZenginBanks | None], list[Finding]]


def read_workspace(root: Path, listing: Listing, overlay: dict[str, str],
                   progress: Callable[[int, int], None] | None, checks: RunChecks | None,
                   known: dict[str, FileRead]) -> tuple[Dataset, dict[str, FileRead]]:
    """Every listed file read (but those `known`: what an unchanged file gave before), validated and checked
    (by `checks`, if any); and what each file gave, read alone. `progress(done, total)` is told as files load."""
    ds = Dataset(root, overlay=overlay)
    ds.settings = _load_settings(root, ds.problems)
    ds.problems.extend(listing.problems)
    for problem in listing.problems:  # a linked or odd record file (or folder) is not read: skipped, and said
        kind = type_of_path(problem.path)
        if kind is not None:
            stem = problem.path.rsplit("/", 1)[-1].removesuffix(".yaml")
            ds.skip_file(Skipped(problem.path, kind.name, stem))
    ds.files = int((root / SETTINGS_FILE).is_file())
    total = sum(len(found) for found in listing.files.values()) + len(overlay)
    places = Places(root, overlay)
    first_with_id: dict[tuple[str, str], str] = {}
    reads: dict[str, FileRead] = {}
    for kind in TYPES:
        files = dict(listing.files[kind.name])
        files |= {path: str(root / path) for path in overlay if path.startswith(f"{kind.folder}/")}
        for path in sorted(files):
            ds.files += 1
            read = known.get(path) if path not in overlay else None
            if read is None:
                read = read_file(kind, Path(files[path]), path, overlay.get(path))
            reads[path] = read
            _admit(ds, kind, path, read, first_with_id, places)
            if progress is not None and ds.files % 500 == 0:
                progress(ds.files, total)
    findings: list[Finding] = []
    if checks is not None:
        banked = (any(p.bank is not None for p in ds.partners.values())
                  or any(v.bank is not None for v in ds.vendors.values()))
        banks = ZenginBanks() if banked else None
        findings = checks(ds, banks)
    ds.problems.extend(places.problem(ds, finding) for finding in findings)
    ds.problems = capped(sorted(ds.problems, key=Problem.sort_key))
    _drop_entries_with_errors(ds, findings)
    _skip_records_with_errors(ds)
    _skip_dependants(ds)
    ds.memos.clear()  # what the checks derived still counted the records since left out
    return ds, reads


class Places:
    """Where in its file a finding is: a file that a check found something in is read and parsed again
    (once; an overlay's text rather than the file)."""

    def __init__(self, root: Path, overlay: dict[str, str]) -> None:
        self.root = root
        self.overlay = overlay
        self.parsed: dict[str, Document] = {}
        # A time log read without its bad entries: where in the file's list each entry it kept is.
        self.kept: dict[str, tuple[int, ...]] = {}

    def document(self, path: str) -> Document:
        if path not in self.parsed:
            text = self.overlay[path] if path in self.overlay else read_text(self.root / path, path)[0]
            doc, _ = parse_yaml(text or "", path)
            self.parsed[path] = doc if doc is not None else Document(None)
        return self.parsed[path]

    def problem(self, ds: Dataset, finding: Finding) -> Problem:
        if not finding.kind:  # about the whole workspace (a check that failed): its folder
            return Problem("", 1, 1, finding.severity, finding.code, finding.params, variant=finding.variant)
        path = ds.paths[(finding.kind, finding.record)]
        loc = finding.loc
        if path in self.kept and len(loc) > 1 and loc[0] == "entries" and isinstance(loc[1], int):
            loc = (loc[0], self.kept[path][loc[1]], *loc[2:])
        mark = self.document(path).mark(loc, key=finding.key)
        return Problem(path, mark[0], mark[1], finding.severity, finding.code, finding.params,
                       related=finding.related, variant=finding.variant)


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


def _drop_entries_with_errors(ds: Dataset, findings: list[Finding]) -> None:
    """A time log whose only errors are in some of its entries (a date of another month, a partner that is
    not there) keeps its other entries: one bad entry does not take a month's hours with it (SPEC §15).
    The file is named among those read in part, so that the hours are marked incomplete."""
    bad: dict[str, set[int]] = {}
    whole: set[str] = set()
    for f in findings:
        if f.kind == TIME.name and f.severity == "error":
            if len(f.loc) >= 2 and f.loc[0] == "entries" and isinstance(f.loc[1], int):
                bad.setdefault(f.record, set()).add(f.loc[1])
            else:
                whole.add(f.record)
    for record_id, indexes in bad.items():
        if record_id in ds.time_logs and record_id not in whole:
            _drop_items(ds, TIME, record_id, {("entries", i) for i in indexes})


def _skip_records_with_errors(ds: Dataset) -> None:
    """A record with any error (a dangling reference, dates out of order ...) is left out, like an
    unreadable file: other commands then work only on what is known to be right. A file read in part
    keeps what was right in it."""
    wrong = {p.path for p in ds.problems if p.severity == "error"} - set(ds.partly_read)
    for (name, record_id), path in list(ds.paths.items()):
        if path in wrong:
            _skip(ds, BY_NAME[name], record_id)


def _skip_dependants(ds: Dataset) -> None:
    """Records resting on one that was left out go too (a referral whose contract is broken would
    otherwise silently earn nothing), and those resting on them, by the registry's references. They count
    among the skipped files, and remember which file they rest on. An item of a list that names one (a
    time entry's partner) goes alone, and its file counts as read in part."""
    changed = True
    while changed:
        changed = False
        for kind in TYPES:
            refs = [(ref, ds.of(BY_NAME[ref.target])) for ref in kind.refs]
            for record in list(ds.of(kind).values()) if refs else ():
                missing, items = None, set[tuple[str, int]]()
                for ref, targets in refs:
                    if ref.all_in(record, targets):  # most records: every one it names is there
                        continue
                    for loc, target in ref.located(record):
                        if target in targets:
                            continue
                        if ref.within is not None:
                            items.add((ref.within, int(loc[1])))
                        elif missing is None:
                            missing = (BY_NAME[ref.target], target)
                if missing is not None:
                    rests_on = ds.broken.get((missing[0].name, missing[1]))
                    _skip(ds, kind, record.id, because=rests_on.path if rests_on else None)
                    changed = True
                elif items:
                    _drop_items(ds, kind, record.id, items)
                    changed = True


def _drop_items(ds: Dataset, kind: RecordType[Any], record_id: str, items: set[tuple[str, int]]) -> None:
    """The record without those items of its lists; its file named among those read in part."""
    record = ds.of(kind)[record_id]
    lists = {name for name, _ in items}
    ds.of(kind)[record_id] = dataclasses.replace(record, **{
        name: [item for i, item in enumerate(getattr(record, name)) if (name, i) not in items] for name in lists})
    if (path := ds.path_of(kind, record_id)) not in ds.partly_read:
        ds.partly_read.append(path)


def _skip(ds: Dataset, kind: RecordType[Any], record_id: str, *, because: str | None = None) -> None:
    path = ds.paths.pop((kind.name, record_id))
    record = ds.of(kind).pop(record_id)
    stem = path.rsplit("/", 1)[-1].removesuffix(".yaml")
    ds.skip_file(Skipped(path, kind.name, stem, _names(vars(record)), _partners(vars(record)), because))


def _names(data: dict[str, Any]) -> tuple[str, ...]:
    """The names a record goes by (name, reading, aliases), as far as its data says."""
    found = [data.get("name"), data.get("kana"), *(data.get("aliases") or [])]
    return tuple(n for n in found if isinstance(n, str))


def _partners(data: dict[str, Any]) -> tuple[str, ...]:
    """The partners a record belongs to, as far as its data says (a meeting: every partner it lists)."""
    partner, partners = data.get("partner"), data.get("partners")
    if isinstance(partner, str):
        return (partner,)
    if isinstance(partners, list):
        return tuple(p for p in partners if isinstance(p, str))
    return ()


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


def read_file(kind: RecordType[Any], file: Path, path: str, text: str | None) -> FileRead:
    """One record file read alone: parsed, validated, its id matched with its name."""
    stem = file.name.removesuffix(".yaml")
    problems: list[Problem] = []
    if text is None:
        text, problems = read_text(file, path)
    doc, found = parse_yaml(text, path) if text is not None else (None, [])
    problems += found
    read_before = any(p.severity == "error" for p in problems)
    record = validate(kind.model, doc, path, problems) if doc is not None else None
    schema_errors = len(problems)
    kept = None
    if record is None and kind is TIME and doc is not None and not read_before:
        # a time log loses its bad entries, not its month (SPEC §15)
        if (found_partly := validate_without_bad_entries(TimeLog, doc, "entries", TimeEntry)) is not None:
            record, entries = found_partly
            kept = tuple(entries)
    if record is not None and doc is not None and record.id != stem:
        problems.append(error(path, doc.mark(("id",)), "id-filename", id=record.id, stem=stem))
    wrong = problems[schema_errors:] if kept is not None else problems
    if record is not None and not any(p.severity == "error" for p in wrong):
        return FileRead(record, tuple(problems), kept=kept)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    return FileRead(record, tuple(problems), False, _names(data), _partners(data), kept)


def _admit(ds: Dataset, kind: RecordType[Any], path: str, read: FileRead, first_with_id: dict[tuple[str, str], str],
           places: Places) -> None:
    """A file's record into the dataset, if it may be loaded and no other file has its id; its problems."""
    ok = read.ok
    ds.problems.extend(read.problems)
    if read.record is not None:
        record_id = read.record.id
        first = first_with_id.setdefault((kind.name, record_id), path)
        if first != path:
            # No copy can be trusted to be the right one: each is reported, and all are skipped.
            if (kind.name, record_id) in ds.paths:
                ds.problems.append(error(first, places.document(first).mark(("id",)), "duplicate-id",
                                         id=record_id, first=path))
                _skip(ds, kind, record_id)
            ds.problems.append(error(path, places.document(path).mark(("id",)), "duplicate-id", id=record_id,
                                     first=first))
            ok = False
    stem = path.rsplit("/", 1)[-1].removesuffix(".yaml")
    if not ok:
        names, partners = (read.names, read.partners) if not read.ok else (
            _names(vars(read.record)), _partners(vars(read.record)))
        ds.skip_file(Skipped(path, kind.name, stem, names, partners))
        return
    ds.of(kind)[read.record.id] = read.record
    ds.paths[(kind.name, read.record.id)] = path
    if read.kept is not None:
        places.kept[path] = read.kept
        ds.partly_read.append(path)
