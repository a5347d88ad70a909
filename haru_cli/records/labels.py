"""The fixed lists of a record's values (its Literal types) and their labels: `cadence: monthly` is 月次 in
the catalogue's `value.cadence.monthly`. An option takes the label as well as the value (`--cadence 月次`,
cli/choices.py); a file takes only the value, and a label written there is an error that names the value
to write (load/validation.py, SPEC §16)."""

from __future__ import annotations

import typing
import unicodedata
from typing import Any

from haru_cli.i18n import LANGS, has, text
from haru_cli.records.literals import (
    AccountType,
    Area,
    AutomationStatus,
    Cadence,
    ContractStatus,
    ContractType,
    Entity,
    FeeBasis,
    MeetingKind,
    PartnerStatus,
    PayoutKind,
    Per,
    ProjectCadence,
    ProjectStatus,
    ReferralKind,
    ReferralStatus,
    SourcingStatus,
    Stage,
    StudentStatus,
    Synergy,
    VendorStatus,
    WithholdingKind,
)

# Each Literal of the records and the catalogue group of its labels (`value.<group>.<code>`). Two lists of the
# same codes would be one to an option's Choice: tests/records/test_labels.py keeps them apart.
GROUPS: list[tuple[Any, str]] = [
    (Synergy, "synergy"), (ContractType, "contract_type"), (VendorStatus, "vendor_status"),
    (StudentStatus, "student_status"), (ProjectStatus, "project_status"), (ProjectCadence, "project_cadence"),
    (Stage, "stage"), (SourcingStatus, "sourcing_status"), (ContractStatus, "contract_status"),
    (PartnerStatus, "partner_status"), (MeetingKind, "meeting_kind"), (ReferralKind, "referral_kind"),
    (ReferralStatus, "referral_status"), (Entity, "entity"), (Cadence, "cadence"), (AccountType, "bank_type"),
    (Per, "per"), (FeeBasis, "basis"), (Area, "area"), (AutomationStatus, "automation_status"),
    (WithholdingKind, "withholding"), (PayoutKind, "payout_kind"),
]


def codes_of(literal: Any) -> tuple[str, ...]:
    return tuple(str(code) for code in typing.get_args(literal))


def literal_of(codes: tuple[str, ...]) -> tuple[Any, str] | None:
    """The Literal of exactly these codes (in any order) and the group of its labels; None if it has none."""
    wanted = frozenset(codes)
    return next(((literal, group) for literal, group in GROUPS if frozenset(codes_of(literal)) == wanted), None)


def group_of(literal: Any) -> str | None:
    """The group of a Literal's labels, if it has labels."""
    return next((group for known, group in GROUPS if known == literal), None)


def folded(value: str) -> str:
    """A value or a label as it is compared: full- and half-width alike, case and spaces at the ends ignored."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def code_for(group: str, codes: tuple[str, ...], value: str) -> str | None:
    """The code `value` is, given as the code or as its label in either language (`月次` → monthly; a
    selection's criterion `専門性` → expertise)."""
    wanted = folded(value)
    for code in codes:
        if wanted == code or any(has(key := f"value.{group}.{code}") and wanted == folded(text(key, lang))
                                 for lang in LANGS):
            return code
    return None
