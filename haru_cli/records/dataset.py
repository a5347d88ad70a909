"""The loaded workspace: every valid record, where each came from, and what is wrong with the rest.

This is what the parse cache keeps, so it holds plain values only (records are plain dataclasses).
Records are kept by type (the registry's), and asked for by type: `ds.of(PARTNER)`, or `ds.partners`.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from haru_cli.records.frozen import frozen
from haru_cli.records.models import (
    Automation,
    Certificate,
    Contract,
    Course,
    Meeting,
    Opportunity,
    Partner,
    Payout,
    Project,
    Referral,
    Settings,
    Sourcing,
    Student,
    TimeLog,
    Vendor,
)
from haru_cli.records.problems import Problem
from haru_cli.records.registry import (
    AUTOMATION,
    BY_NAME,
    CERTIFICATE,
    CONTRACT,
    COURSE,
    MEETING,
    OPPORTUNITY,
    PARTNER,
    PAYOUT,
    PROJECT,
    REFERRAL,
    SETTINGS_FILE,
    SOURCING,
    STUDENT,
    TIME,
    TYPES,
    VENDOR,
    RecordType,
)

T = TypeVar("T")
R = TypeVar("R")


class Tables(dict[str, dict[str, Any]]):
    """Records by type name: a type not yet loaded is loaded when first asked for (`load`), so that a
    command answered from the parse cache unpickles only the types it uses."""

    def __init__(self, load: Callable[[str], dict[str, Any]] | None = None) -> None:
        super().__init__()
        self.load = load
        if load is None:
            self.update({kind.name: {} for kind in TYPES})

    def __missing__(self, name: str) -> dict[str, Any]:
        if self.load is None or name not in BY_NAME:
            raise KeyError(name)
        self[name] = table = self.load(name)
        return table

    def every(self) -> dict[str, dict[str, Any]]:
        """Every type's records, those not loaded yet loaded now."""
        return {kind.name: self[kind.name] for kind in TYPES}


@frozen
class Skipped:
    """A record file left out for its errors, and what could still be read of it: so that a command asked
    for it by name, or whose figures it would change, says so rather than answering as if it were not there."""

    path: str
    kind: str  # the record type's name
    stem: str  # its file name without .yaml
    names: tuple[str, ...] = ()  # its name, reading and other names, as far as they could be read
    partners: tuple[str, ...] = ()  # the partners it belongs to, as far as they could be read (none: unknown)
    because: str | None = None  # the file of a record it rests on, when that one has the errors


@dataclass
class Dataset:
    """A loaded workspace: the records that are valid, and where each came from."""

    root: Path
    settings: Settings = field(default_factory=Settings)
    tables: Tables = field(default_factory=Tables)  # type name → id → record
    paths: dict[tuple[str, str], str] = field(default_factory=dict)  # (type name, id) → file
    # Texts read as if they were files (`haru new` checks a record before writing it).
    overlay: dict[str, str] = field(default_factory=dict)
    # Values derived from the records once and kept (indexes, fee events): see memo().
    memos: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # Every record file left out, by path: references to them are not reported again (the file's own
    # problem says it all), new records do not take their ids, and commands asked for them say why.
    skipped_files: dict[str, Skipped] = field(default_factory=dict)
    broken: dict[tuple[str, str], Skipped] = field(default_factory=dict)  # the same, by (type name, file stem)
    # Record files read without the entries that have errors (a time log loses a bad entry, not its month):
    # the figures they count are incomplete (SPEC §15).
    partly_read: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def of(self, kind: RecordType[R]) -> dict[str, R]:
        """The valid records of a type, by id."""
        return typing.cast(dict[str, R], self.tables[kind.name])

    @property
    def partners(self) -> dict[str, Partner]:
        return self.of(PARTNER)

    @property
    def contracts(self) -> dict[str, Contract]:
        return self.of(CONTRACT)

    @property
    def meetings(self) -> dict[str, Meeting]:
        return self.of(MEETING)

    @property
    def referrals(self) -> dict[str, Referral]:
        return self.of(REFERRAL)

    @property
    def payouts(self) -> dict[str, Payout]:
        return self.of(PAYOUT)

    @property
    def time_logs(self) -> dict[str, TimeLog]:
        return self.of(TIME)

    @property
    def automations(self) -> dict[str, Automation]:
        return self.of(AUTOMATION)

    @property
    def vendors(self) -> dict[str, Vendor]:
        return self.of(VENDOR)

    @property
    def sourcings(self) -> dict[str, Sourcing]:
        return self.of(SOURCING)

    @property
    def courses(self) -> dict[str, Course]:
        return self.of(COURSE)

    @property
    def students(self) -> dict[str, Student]:
        return self.of(STUDENT)

    @property
    def certificates(self) -> dict[str, Certificate]:
        return self.of(CERTIFICATE)

    @property
    def projects(self) -> dict[str, Project]:
        return self.of(PROJECT)

    @property
    def opportunities(self) -> dict[str, Opportunity]:
        return self.of(OPPORTUNITY)

    @property
    def skipped(self) -> int:
        """How many record files were left out."""
        return len(self.skipped_files)

    def skip_file(self, skipped: Skipped) -> None:
        self.skipped_files[skipped.path] = skipped
        self.broken[(skipped.kind, skipped.stem)] = skipped

    def taken(self, kind: RecordType[Any]) -> set[str]:
        """Ids a new record cannot have: those loaded, and those of files that exist but are broken."""
        return set(self.of(kind)) | {stem for name, stem in self.broken if name == kind.name}

    def is_broken(self, kind: RecordType[Any], record_id: str) -> bool:
        """Whether a file of that id exists but was skipped for its errors."""
        return (kind.name, record_id) in self.broken

    def skipped_of(self, kinds: tuple[RecordType[Any], ...], partner_id: str | None = None) -> list[str]:
        """The skipped files of these types that are (or may be: their partner could not be read) the
        partner's; all of them without a partner. Sorted paths."""
        names = {k.name for k in kinds}
        return sorted(s.path for s in self.skipped_files.values()
                      if s.kind in names and (partner_id is None or not s.partners or partner_id in s.partners))

    def exists(self, kind: RecordType[Any], record_id: str) -> bool:
        """Whether a record of that id exists, valid or not (a reference to a broken one is not reported)."""
        return record_id in self.of(kind) or self.is_broken(kind, record_id)

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """build() the first time a command asks for it; the same value after that."""
        if name not in self.memos:
            self.memos[name] = build()
        return typing.cast(T, self.memos[name])

    def index(self, name: str, records: Callable[[], list[R]], keys: Callable[[R], list[str]]) -> dict[str, list[R]]:
        """Records grouped by the keys each gives (a meeting under each of its partners), in the given order;
        built once per dataset."""
        def build() -> dict[str, list[R]]:
            found: dict[str, list[R]] = {}
            for record in records():
                for key in dict.fromkeys(keys(record)):
                    found.setdefault(key, []).append(record)
            return found
        return self.memo(f"index:{name}", build)

    def meetings_of(self, partner_id: str) -> list[Meeting]:
        """The partner's meetings, newest first."""
        return self.index("meetings_of", lambda: sorted(self.meetings.values(), key=lambda m: (m.date, m.id),
                                                           reverse=True),
                          lambda m: m.partners).get(partner_id, [])

    def contracts_of(self, partner_id: str) -> list[Contract]:
        return self.index("contracts_of", lambda: list(self.contracts.values()),
                          lambda c: [c.partner] if c.partner else []).get(partner_id, [])

    def contracts_of_vendor(self, vendor_id: str) -> list[Contract]:
        return self.index("contracts_of_vendor", lambda: list(self.contracts.values()),
                          lambda c: [c.vendor] if c.vendor else []).get(vendor_id, [])

    def referrals_of(self, partner_id: str) -> list[Referral]:
        """The partner's referrals, in the order they were made."""
        return self.index("referrals_of", lambda: sorted(self.referrals.values(), key=lambda r: (r.referred, r.id)),
                          lambda r: [r.partner]).get(partner_id, [])

    @property
    def settings_broken(self) -> bool:
        """haru.yaml has errors: its defaults stand in for it."""
        return any(p.path == SETTINGS_FILE and p.severity == "error" for p in self.problems)

    def owner_of(self, c: Contract) -> Partner | Vendor | None:
        """The partner or the vendor whose contract it is."""
        return self.partners.get(c.partner) if c.partner else self.vendors.get(c.vendor) if c.vendor else None

    def path_of(self, kind: RecordType[Any], record_id: str) -> str:
        self.of(kind)  # its type loaded: its paths with it
        return self.paths[(kind.name, record_id)]

    def has_path(self, kind: RecordType[Any], record_id: str) -> bool:
        """Whether a record of that id was loaded, from a file."""
        self.of(kind)
        return (kind.name, record_id) in self.paths

    def every_path(self) -> dict[tuple[str, str], str]:
        """The file of every record, by (type name, id): every type loaded."""
        self.tables.every()
        return self.paths
