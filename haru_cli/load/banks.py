"""The 全銀 list of banks and branches, from the `zengin-code` package: read (a fifth of a second) only
when a record names a bank."""

from __future__ import annotations

from functools import cached_property
from typing import Any


class ZenginBanks:
    """Bank and branch names by code, as the rules ask for them (rules.checks.Banks)."""

    @cached_property
    def _all(self) -> dict[str, Any]:
        from zengin_code import Bank

        return dict(Bank.all)

    def bank_name(self, bank: str) -> str | None:
        found = self._all.get(bank)
        return str(found.name) if found is not None else None

    def bank_kana(self, bank: str) -> str | None:
        found = self._all.get(bank)
        return str(found.kana) if found is not None else None

    def branch_name(self, bank: str, branch: str) -> str | None:
        found = self._all.get(bank)
        place = found.branches.get(branch) if found is not None else None
        return str(place.name) if place is not None else None

    def branch_kana(self, bank: str, branch: str) -> str | None:
        found = self._all.get(bank)
        place = found.branches.get(branch) if found is not None else None
        return str(place.kana) if place is not None else None
