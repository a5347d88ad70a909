"""The records of SPEC §3 and the settings of SPEC §2, as strict, frozen Pydantic models.

Strict: YAML 1.2 already gave every value its type, so nothing is coerced (`"yes"` never becomes True,
`"1000000"` never becomes a number). Unknown keys are errors: they are usually typos.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from haru_cli.values import Day, Duration, InvoiceNumber, PayDay, Rate, Slug, Yen

Synergy = Literal[
    "customer_referral", "expertise", "joint_consulting", "student_referral", "content",
    "instructor", "tool_codev", "case_study", "feedback_loop",
]  # fmt: skip
ContractType = Literal["alliance", "referral", "joint_development", "consulting", "directorship", "nda"]
MeetingKind = Literal["regular", "hearing", "project", "knowledge", "feedback", "other"]
ReferralKind = Literal["customer", "student"]
Count = Annotated[int, Field(ge=0)]
Name = Annotated[str, Field(pattern=r"\S")]  # required text: empty or blank is as good as missing


class _Model(BaseModel):
    # defer_build: a dataset read back from the cache is never validated again, so the validators are
    # only built by the commands that do validate (a large part of start-up otherwise).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


# --- partner (§3.1) ----------------------------------------------------------------------------------


class Contact(_Model):
    name: Name
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    key_person: bool = False


class Partner(_Model):
    id: Slug
    name: Name
    kana: str | None = None
    aliases: list[str] = []
    entity: Literal["corporation", "individual"] = "corporation"
    invoice_number: InvoiceNumber | None = None
    withholding: bool = False
    status: Literal["prospect", "active", "paused", "ended"] = "active"
    since: Day | None = None
    contacts: list[Contact] = []
    expertise: list[str] = []
    role: str | None = None
    synergies: list[Synergy] = []
    cadence: Literal["monthly", "quarterly", "none"] = "none"
    owner: str | None = None
    notes: str | None = None


# --- contract (§3.2) and its fee rules (§3.4) --------------------------------------------------------


class FeeRule(_Model):
    rate: Rate | None = None
    fixed: Yen | None = None
    basis: Literal["paid", "deal"] | None = None  # a rate without basis is paid on each payment
    months: Annotated[int, Field(ge=1)] | None = None
    cap: Yen | None = None
    clawback: Duration | None = None


class FeeRules(_Model):
    customer: FeeRule | None = None
    student: FeeRule | None = None

    def rule(self, kind: ReferralKind) -> FeeRule | None:
        return self.customer if kind == "customer" else self.student


class ContractValue(_Model):
    amount: Yen
    per: Literal["month", "year", "once"]


class Contract(_Model):
    id: Slug
    partner: Slug
    type: ContractType
    title: str | None = None
    status: Literal["draft", "active", "ended", "terminated"] = "active"
    signed: Day | None = None
    start: Day
    end: Day | None = None
    auto_renew: bool = False
    term: Duration | None = None
    notice: Duration = Duration(0, "d")
    value: ContractValue | None = None
    feedback: bool | None = None
    fees: FeeRules | None = None
    revenue_share: Rate | None = None
    scope: str | None = None
    ip: str | None = None
    confidentiality: bool | None = None
    document: str | None = None
    notes: str | None = None

    @property
    def holds_feedback(self) -> bool:
        """Strategy 3.5: consulting contracts get a feedback hearing before each renewal by default."""
        return self.feedback if self.feedback is not None else self.type == "consulting"

    def fee_rule(self, kind: ReferralKind) -> FeeRule | None:
        return self.fees.rule(kind) if self.fees else None


# --- meeting log (§3.3) ------------------------------------------------------------------------------


class Action(_Model):
    task: Name
    owner: str | None = None
    due: Day | None = None
    done: bool = False


class MeetingFeedback(_Model):
    satisfaction: Annotated[int, Field(ge=1, le=5)] | None = None
    comments: str | None = None


class Meeting(_Model):
    id: Slug
    partners: Annotated[list[Slug], Field(min_length=1)]
    date: Day
    kind: MeetingKind = "other"
    contract: Slug | None = None
    minutes: Count | None = None
    attendees: list[str] = []
    summary: str | None = None
    decisions: list[str] = []
    actions: list[Action] = []
    feedback: MeetingFeedback | None = None
    next: Day | None = None


# --- referral (§3.5) ---------------------------------------------------------------------------------


class Deal(_Model):
    signed: Day
    amount: Yen | None = None  # a fixed fee does not need it; a rate on the deal does (checks.py)


class Payment(_Model):
    date: Day
    amount: Yen


class Referral(_Model):
    id: Slug
    partner: Slug
    contract: Slug
    kind: ReferralKind = "customer"
    client: Name
    referred: Day
    status: Literal["lead", "won", "lost", "cancelled"] = "lead"
    deal: Deal | None = None
    payments: list[Payment] = []
    cancelled: Day | None = None
    notes: str | None = None


Record = Partner | Contract | Meeting | Referral


# --- haru.yaml (§2) ----------------------------------------------------------------------------------


class Tax(_Model):
    rate: Rate = Rate(Decimal(10))
    rounding: Literal["floor", "half_up", "ceil"] = "floor"


class Payout(_Model):
    month_offset: Annotated[int, Field(ge=0, le=24)] = 1
    day: PayDay = "end"
    shift: Literal["previous", "next"] = "previous"


class Reminders(_Model):
    feedback_window: Duration = Duration(60, "d")


class Settings(_Model):
    company: str = "株式会社HaRu"
    locale: Literal["ja", "en"] = "ja"
    fiscal_year_start: Annotated[int, Field(ge=1, le=12)] = 4
    tax: Tax = Tax()
    payout: Payout = Payout()
    reminders: Reminders = Reminders()
