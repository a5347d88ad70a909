"""The one table of record types: what each is (its model), where its files live (folder, path rule),
what it refers to, and the names it goes by (schema file, catalogue label). Everything that lists folders,
builds paths, writes schemas or follows references reads it here.

Adding a record type is a model, an entry below, its catalogue keys (`record.<name>`, `problem.ref-<name>`
where other records refer to it) and its rules and views.
"""

from __future__ import annotations

import importlib
import typing
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from haru_cli.records.models import Contract, Meeting, Partner, Payout, Referral

R = TypeVar("R")
SETTINGS_FILE = "haru.yaml"


@dataclass(frozen=True)
class Ref:
    """A key of a record that names other records by id (`partner: ueda`, `partners: [ueda, spcom]`)."""

    key: str
    target: str  # the name of the record type it names
    many: bool = False

    def ids(self, record: Any) -> list[str]:
        value = getattr(record, self.key)
        if value is None:
            return []
        return list(value) if self.many else [value]


@dataclass(frozen=True, eq=False)
class RecordType(Generic[R]):
    """One kind of record (SPEC §3, §8–12)."""

    name: str  # "partner": the schema's file name (partner.schema.json) and the catalogue's `record.partner`
    model_name: str  # its class in records/models.py, imported when asked for (listing files needs none)
    folder: str  # "partners": where its files live, <folder>/<id>.yaml
    by_year: str | None = None  # a date key whose year names a sub-folder: meetings/2026/<id>.yaml
    refs: tuple[Ref, ...] = ()

    @property
    def model(self) -> type[R]:
        return typing.cast(type[R], getattr(importlib.import_module("haru_cli.records.models"), self.model_name))

    @property
    def depth(self) -> int:
        """How many folder levels down its files are."""
        return 2 if self.by_year else 1

    def path(self, record_id: str, day: date | None = None) -> str:
        """partners/<id>.yaml …, meetings/<year of the date>/<id>.yaml."""
        if self.by_year is None:
            return f"{self.folder}/{record_id}.yaml"
        if day is None:
            raise ValueError(f"a {self.name} needs its {self.by_year} to have a path")
        return f"{self.folder}/{day.year}/{record_id}.yaml"

    def path_of(self, record: Any) -> str:
        """Where a record belongs, by its id (and the year of its date)."""
        return self.path(record.id, getattr(record, self.by_year) if self.by_year else None)


PARTNER: RecordType[Partner] = RecordType("partner", "Partner", "partners")
CONTRACT: RecordType[Contract] = RecordType("contract", "Contract", "contracts", refs=(Ref("partner", "partner"),))
MEETING: RecordType[Meeting] = RecordType("meeting", "Meeting", "meetings", by_year="date",
                                          refs=(Ref("partners", "partner", many=True), Ref("contract", "contract")))
REFERRAL: RecordType[Referral] = RecordType("referral", "Referral", "referrals",
                                            refs=(Ref("partner", "partner"), Ref("contract", "contract")))

PAYOUT: RecordType[Payout] = RecordType("payout", "Payout", "payouts", by_year="date",
                                        refs=(Ref("partner", "partner"),))

TYPES: tuple[RecordType[Any], ...] = (PARTNER, CONTRACT, MEETING, REFERRAL, PAYOUT)
BY_NAME: dict[str, RecordType[Any]] = {t.name: t for t in TYPES}
BY_FOLDER: dict[str, RecordType[Any]] = {t.folder: t for t in TYPES}


def type_of_path(path: str) -> RecordType[Any] | None:
    """The record type a workspace path's folder holds, if any."""
    return BY_FOLDER.get(path.split("/", 1)[0])
