"""The loaded workspace: every valid record, where each came from, and what is wrong with the rest.

This is what the parse cache keeps, so it holds plain values only (records are plain dataclasses).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from haru_cli.load.workspace import SETTINGS_FILE
from haru_cli.records.models import Contract, Meeting, Partner, Record, Referral, Settings
from haru_cli.records.problems import Problem

if TYPE_CHECKING:
    from haru_cli.load.yamlio import Loc, Mark

T = TypeVar("T")
FOLDERS: dict[str, type[Record]] = {
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
        from haru_cli.load.reading import document

        path = self.paths[(folder, record_id)]
        return path, document(self.root, path, self.overlay.get(path)).mark(loc, key=key)

    def path_of(self, folder: str, record_id: str) -> str:
        return self.paths[(folder, record_id)]
