"""The one table of record types: what each is (its model), where its files live (folder, path rule),
what it refers to, and the names it goes by (schema file, catalogue label). Everything that lists folders,
builds paths, writes schemas or follows references reads it here.

Adding a record type is a model, an entry below, its catalogue keys (`record.<name>`, `problem.ref-<name>`
where other records refer to it) and its rules and views. A type defined elsewhere (a plugin, a test) is
added with `register(kind)`: the lists below are changed in place, so that every reader sees it.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Container
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from haru_cli.records.frozen import frozen

if TYPE_CHECKING:
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
        Sourcing,
        Student,
        TimeLog,
        Vendor,
    )
    from haru_cli.records.problems import Loc

R = TypeVar("R")
SETTINGS_FILE = "haru.yaml"


@frozen
class Ref:
    """A key of a record that names other records by id (`partner: ueda`, `partners: [ueda, spcom]`)."""

    key: str
    target: str  # the name of the record type it names
    many: bool = False  # a list of ids, each named once
    within: str | None = None  # a list of items each of which may name one (a time log's entries' partner)

    def located(self, record: Any) -> list[tuple[Loc, str]]:
        """The ids it names, each with where."""
        if self.within is not None:
            return [((self.within, i, self.key), found) for i, item in enumerate(getattr(record, self.within))
                    if (found := getattr(item, self.key)) is not None]
        value = getattr(record, self.key)
        if value is None:
            return []
        return [((self.key, i), v) for i, v in enumerate(value)] if self.many else [((self.key,), value)]

    def ids(self, record: Any) -> list[str]:
        return [found for _, found in self.located(record)]

    def all_in(self, record: Any, ids: Container[str]) -> bool:
        """Whether every id it names is one of `ids`, each named once where it names many: the quick question
        before `located` (which says where) for the few records where the answer is no."""
        if self.within is not None:
            return all((found := getattr(item, self.key)) is None or found in ids
                       for item in getattr(record, self.within))
        value = getattr(record, self.key)
        if value is None:
            return True
        if self.many:
            return len(set(value)) == len(value) and all(v in ids for v in value)
        return value in ids


@frozen
class Appended:
    """A list of a record that only grows (time entries, payments, evaluations …): two branches that each add
    to it merge by taking both sides' new items, once each (SPEC §18). `order` is the items' date key, by
    which the two sides' new items are interleaved (none: ours first, then theirs); `same` the keys an item
    keeps through an edit, so that an item edited on both branches is recognised as one item."""

    key: str
    order: str | None
    same: tuple[str, ...]


@frozen(eq=False)
class RecordType(Generic[R]):
    """One kind of record (SPEC §3, §8–12)."""

    name: str  # "partner": the schema's file name (partner.schema.json) and the catalogue's `record.partner`
    model_name: str  # its class in `module`, imported when asked for (listing files needs none)
    folder: str  # "partners": where its files live, <folder>/<id>.yaml
    by_year: str | None = None  # the key (a date, or a month's id) whose year names a sub-folder: meetings/2026/
    refs: tuple[Ref, ...] = ()
    appended: tuple[Appended, ...] = ()  # its lists that only grow, for the merge driver
    module: str = "haru_cli.records.models"  # where its model is: a type registered from outside names its own

    @property
    def model(self) -> type[R]:
        return typing.cast(type[R], getattr(importlib.import_module(self.module), self.model_name))

    @property
    def depth(self) -> int:
        """How many folder levels down its files are."""
        return 2 if self.by_year else 1

    def path(self, record_id: str, year: int | None = None) -> str:
        """partners/<id>.yaml …, meetings/<year of the date>/<id>.yaml."""
        if self.by_year is None:
            return f"{self.folder}/{record_id}.yaml"
        if year is None:
            raise ValueError(f"a {self.name} needs its {self.by_year} to have a path")
        return f"{self.folder}/{year}/{record_id}.yaml"

    def year_of(self, record: Any) -> int | None:
        """The year whose folder the record is filed in, if it is filed by year."""
        if self.by_year is None:
            return None
        value = getattr(record, self.by_year)
        return value.year if isinstance(value, date) else int(str(value)[:4])  # a date, or a month: 2026-11

    def path_of(self, record: Any) -> str:
        """Where a record belongs, by its id (and the year of its date)."""
        return self.path(record.id, self.year_of(record))


PARTNER: RecordType[Partner] = RecordType("partner", "Partner", "partners")
CONTRACT: RecordType[Contract] = RecordType("contract", "Contract", "contracts",
                                            refs=(Ref("partner", "partner"), Ref("vendor", "vendor")))
MEETING: RecordType[Meeting] = RecordType("meeting", "Meeting", "meetings", by_year="date",
                                          refs=(Ref("partners", "partner", many=True), Ref("contract", "contract"),
                                                Ref("project", "project")),
                                          appended=(Appended("actions", None, ("task",)),))
REFERRAL: RecordType[Referral] = RecordType("referral", "Referral", "referrals",
                                            refs=(Ref("partner", "partner"), Ref("contract", "contract")),
                                            appended=(Appended("payments", "date", ("date",)),))

PAYOUT: RecordType[Payout] = RecordType("payout", "Payout", "payouts", by_year="date",
                                        refs=(Ref("partner", "partner"),))

TIME: RecordType[TimeLog] = RecordType("time", "TimeLog", "time", by_year="id",
                                       refs=(Ref("partner", "partner", within="entries"),
                                             Ref("project", "project", within="entries")),
                                       appended=(Appended("entries", "date", ("date",)),))
AUTOMATION: RecordType[Automation] = RecordType("automation", "Automation", "automations",
                                                appended=(Appended("measurements", "date", ("date",)),))

VENDOR: RecordType[Vendor] = RecordType("vendor", "Vendor", "vendors")
SOURCING: RecordType[Sourcing] = RecordType("sourcing", "Sourcing", "sourcing",
                                            refs=(Ref("vendor", "vendor", within="candidates"),))

COURSE: RecordType[Course] = RecordType("course", "Course", "courses")
STUDENT: RecordType[Student] = RecordType("student", "Student", "students",
                                          refs=(Ref("course", "course"), Ref("referral", "referral")),
                                          appended=(Appended("evaluations", "date", ("date", "assignment")),))
CERTIFICATE: RecordType[Certificate] = RecordType("certificate", "Certificate", "certificates", by_year="issued",
                                                  refs=(Ref("student", "student"), Ref("course", "course")))

PROJECT: RecordType[Project] = RecordType("project", "Project", "projects",
                                          refs=(Ref("partners", "partner", many=True), Ref("contract", "contract")))
OPPORTUNITY: RecordType[Opportunity] = RecordType(
    "opportunity", "Opportunity", "opportunities",
    refs=(Ref("partners", "partner", many=True), Ref("project", "project")),
    appended=(Appended("history", "date", ("date", "stage")),))

# In the order files are read and listed. Changed only by register() and unregister(), in place: a module
# that imported them sees every type registered since.
TYPES: list[RecordType[Any]] = [PARTNER, CONTRACT, MEETING, REFERRAL, PAYOUT, TIME, AUTOMATION, VENDOR,
                                SOURCING, COURSE, STUDENT, CERTIFICATE, PROJECT, OPPORTUNITY]
BY_NAME: dict[str, RecordType[Any]] = {t.name: t for t in TYPES}
BY_FOLDER: dict[str, RecordType[Any]] = {t.folder: t for t in TYPES}


def register(kind: RecordType[Any]) -> None:
    """Add a record type (after the others): its files are then listed, read, validated, checked, searched
    and cached like any other's. A name or a folder already taken is refused, as is a reference to a type
    there is not."""
    if kind.name in BY_NAME or kind.folder in BY_FOLDER:
        raise ValueError(f"record type {kind.name!r} (folder {kind.folder!r}): name or folder taken")
    unknown = [ref.target for ref in kind.refs if ref.target not in BY_NAME and ref.target != kind.name]
    if unknown:
        raise ValueError(f"record type {kind.name!r} refers to types there are not: {unknown}")
    TYPES.append(kind)
    BY_NAME[kind.name] = kind
    BY_FOLDER[kind.folder] = kind


def unregister(kind: RecordType[Any]) -> None:
    """Take a registered type away again (a test's, at its end)."""
    if BY_NAME.get(kind.name) is not kind:
        raise ValueError(f"record type {kind.name!r} is not registered")
    TYPES.remove(kind)
    del BY_NAME[kind.name]
    del BY_FOLDER[kind.folder]


def types_key() -> str:
    """What the registry holds, in one line: the parse cache keeps a dataset for this set of types only."""
    return ";".join(f"{k.name}:{k.folder}:{k.module}.{k.model_name}:{k.by_year}:"
                    + ",".join(f"{r.key}>{r.target}" for r in k.refs) for k in TYPES)


def type_of_path(path: str) -> RecordType[Any] | None:
    """The record type a workspace path's folder holds, if any."""
    return BY_FOLDER.get(path.split("/", 1)[0])
