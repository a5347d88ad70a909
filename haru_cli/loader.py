"""Files → Dataset and a list of Problems.

A file with any error is left out of the dataset (and counted as skipped): every other command works on
what remains. Pydantic's error locations are mapped back to the YAML node they name, so each problem
points at the offending key or value rather than at the top of the file.
"""

from __future__ import annotations

import difflib
import os
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from haru_cli.checks import run_checks
from haru_cli.models import Contract, Meeting, Partner, Record, Referral, Settings
from haru_cli.problems import Problem, error
from haru_cli.workspace import SETTINGS_FILE
from haru_cli.yamlio import Document, Loc, Mark, parse_yaml, read_document

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
    documents: dict[tuple[str, str], tuple[str, Document]] = field(default_factory=dict)
    # (folder, file stem) of files that exist but could not be loaded: references to them are not
    # reported again, the file's own problem says it all.
    broken: set[tuple[str, str]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def skipped(self) -> int:
        return len(self.broken)

    @property
    def settings_broken(self) -> bool:
        """haru.yaml has errors: its defaults stand in for it."""
        return any(p.path == SETTINGS_FILE and p.severity == "error" for p in self.problems)

    def records(self, folder: str) -> dict[str, Any]:
        return typing.cast(dict[str, Any], getattr(self, folder))

    def locate(self, folder: str, record_id: str, loc: Loc = (), *, key: bool = False) -> tuple[str, Mark]:
        """The file of a record and the position of one of its values (or keys)."""
        path, doc = self.documents[(folder, record_id)]
        return path, doc.mark(loc, key=key)

    def path_of(self, folder: str, record_id: str) -> str:
        return self.documents[(folder, record_id)][0]


def load_workspace(root: Path, overlay: dict[str, str] | None = None) -> Dataset:
    """Load every record under root, run every cross-file check, and return all of it.

    `overlay` maps workspace paths to texts read as if those files were there: `haru new` validates the
    workspace as it will be, before writing anything.
    """
    ds = Dataset(root)
    ds.settings = _load_settings(root, ds.problems)
    ds.files = int((root / SETTINGS_FILE).is_file())
    overlay = overlay or {}
    for folder, model in FOLDERS.items():
        files = dict(_record_files(root, folder, ds.problems))
        files |= {path: root / path for path in overlay if path.startswith(f"{folder}/")}
        for path in sorted(files):
            ds.files += 1
            _load_record(ds, folder, model, files[path], path, overlay.get(path))
    ds.problems.extend(run_checks(ds))
    ds.problems.sort(key=Problem.sort_key)
    _skip_records_with_errors(ds)
    return ds


def _skip_records_with_errors(ds: Dataset) -> None:
    """A record with any error (a dangling reference, dates out of order ...) is left out, like an
    unreadable file: other commands then work only on what is known to be right."""
    wrong = {p.path for p in ds.problems if p.severity == "error"}
    for (folder, record_id), (path, _) in list(ds.documents.items()):
        if path in wrong:
            del ds.records(folder)[record_id]
            del ds.documents[(folder, record_id)]
            ds.broken.add((folder, path.rsplit("/", 1)[-1].removesuffix(".yaml")))


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


def _record_files(root: Path, folder: str, problems: list[Problem]) -> Iterator[tuple[str, Path]]:
    """The record files of a folder, sorted; meetings also one level down (meetings/YYYY/)."""
    base = root / folder
    if not base.is_dir():
        return
    depth = 2 if folder == "meetings" else 1
    yield from _scan(base, f"{folder}/", depth, problems)


def _scan(directory: Path, prefix: str, depth: int, problems: list[Problem]) -> Iterator[tuple[str, Path]]:
    with os.scandir(directory) as entries:
        listing = sorted(entries, key=lambda entry: entry.name)
    for entry in listing:
        if entry.name.startswith("."):
            continue
        path = prefix + entry.name
        if entry.is_dir():
            if depth > 1:
                yield from _scan(Path(entry.path), path + "/", depth - 1, problems)
        elif entry.name.endswith(".yaml"):
            if entry.is_file():
                yield path, Path(entry.path)
            else:  # a FIFO or a device would hang or flood the reader
                problems.append(error(path, (1, 1), "file-name", variant="file-name.not-regular"))
        elif entry.name.lower().endswith((".yml", ".yaml")):
            # Silently ignoring it would hide a record; say why it is not read.
            problems.append(error(path, (1, 1), "file-name", variant="file-name.yml"))


def _load_record(ds: Dataset, folder: str, model: type[BaseModel], file: Path, path: str, text: str | None) -> None:
    stem = file.name.removesuffix(".yaml")
    doc, problems = read_document(file, path) if text is None else parse_yaml(text, path)
    record = _validate(model, doc, path, problems) if doc is not None else None
    if record is not None and record.id != stem:
        problems.append(error(path, doc.mark(("id",)) if doc else (1, 1), "id-filename", id=record.id, stem=stem))
    if record is not None and doc is not None and record.id in ds.records(folder):
        # Neither copy can be trusted to be the right one: both are reported, and both skipped.
        first, first_doc = ds.documents.pop((folder, record.id))
        del ds.records(folder)[record.id]
        ds.broken.add((folder, first.rsplit("/", 1)[-1].removesuffix(".yaml")))
        ds.problems.append(error(first, first_doc.mark(("id",)), "duplicate-id", id=record.id, first=path))
        problems.append(error(path, doc.mark(("id",)), "duplicate-id", id=record.id, first=first))
    ds.problems.extend(problems)
    if record is None or any(p.severity == "error" for p in problems):
        ds.broken.add((folder, stem))
        return
    assert doc is not None
    ds.records(folder)[record.id] = record
    ds.documents[(folder, record.id)] = (path, doc)


def _validate(model: type[BaseModel], doc: Document, path: str, problems: list[Problem]) -> Any:
    """The model built from doc, or None with the problems appended."""
    if not isinstance(doc.data, dict):
        problems.append(error(path, doc.mark(()), "not-mapping", model=model.__name__))
        return None
    try:
        return model.model_validate(_without_nulls(doc.data))
    except ValidationError as exc:
        problems.extend(_problems_of(exc, model, doc, path))
        return None


def _without_nulls(value: Any) -> Any:
    """`key:` with nothing after it means the key is not given (a template's empty slot)."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


_TYPE_VARIANTS = {
    "string_type": "type.str",
    "int_type": "type.int",
    "bool_type": "type.bool",
    "list_type": "type.list",
    "model_type": "type.mapping",
    "dict_type": "type.mapping",
    "float_type": "type.number",
    "string_too_short": "type.empty",
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
