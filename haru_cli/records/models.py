"""The records of SPEC §3 and the settings of SPEC §2, as frozen dataclasses that Pydantic validates.

Strict: YAML 1.2 already gave every value its type, so nothing is coerced (`"yes"` never becomes True,
`"1000000"` never becomes a number). Unknown keys are errors: they are usually typos.

They are plain dataclasses rather than Pydantic models so that a dataset read back from the parse cache
needs no Pydantic at all: only validating (validation.py) imports it, which is most of a warm start's
cost otherwise (issue 8). Every declaration here is read by Pydantic at validation time.
"""

# ruff: noqa: F405 — the fixed lists come whole from records/literals.py (its __all__), star-imported so that
# they stay importable from here, where the records are
from __future__ import annotations

from dataclasses import field, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from haru_cli.records.frozen import frozen
from haru_cli.records.literals import *  # noqa: F403
from haru_cli.records.values import (
    AccountNumber,
    BankCode,
    BankName,
    BranchCode,
    CertificateId,
    Constrained,
    CorporateNumber,
    CreditSteps,
    Day,
    Duration,
    HolderName,
    Hours,
    InvoiceNumber,
    Key,
    Month,
    MonthId,
    Number,
    Parsed,
    PayDay,
    PositiveYen,
    Rate,
    RequesterCode,
    Slug,
    Withholding,
    Yen,
    parse_targets,
)

Flag = Annotated[bool, Constrained()]
Count = Annotated[int, Constrained(ge=0)]
DayMinutes = Annotated[int, Constrained(ge=0, le=1440)]  # a meeting's or a report's minutes: at most a day
# Text is bounded (SPEC §14): a name is shown in every row of its partner's items, so a name of megabytes
# would make output of gigabytes; other text is a page or so.
MAX_NAME = 500
MAX_TEXT = 20_000
Name = Annotated[str, Constrained(pattern=r"\S", max_length=MAX_NAME)]  # required: empty or blank is as good as missing

# Pydantic's config of every record; strictness is per type.
CONFIG: dict[str, Any] = {"extra": "forbid", "str_max_length": MAX_TEXT}


# --- partner (§3.1) ----------------------------------------------------------------------------------


@frozen(kw_only=True)
class Contact:
    """A person at the partner (§3.1 contacts)."""

    __pydantic_config__ = CONFIG

    name: Name
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    key_person: Flag = False


@frozen(kw_only=True)
class BankAccount:
    """A bank account (§8.1 bank): where a partner's fees are paid, or HaRu's own."""

    __pydantic_config__ = CONFIG

    bank: BankCode
    branch: BranchCode
    type: AccountType = "ordinary"
    number: AccountNumber
    holder: HolderName  # 口座名義, as the bank holds it (full-width kana is made half-width for the file)


@frozen(kw_only=True)
class Partner:
    """A partner's profile (§3.1): partners/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    name: Name
    kana: str | None = None
    aliases: list[str] = field(default_factory=list)
    entity: Entity = "corporation"
    invoice_number: InvoiceNumber | None = None
    withholding: Withholding = "none"  # as written: true and false are the kinds fee and none of old files
    address: str | None = None  # where the 支払調書 says the payee lives or is
    status: PartnerStatus = "active"
    since: Day | None = None
    contacts: list[Contact] = field(default_factory=list)
    expertise: list[str] = field(default_factory=list)
    role: str | None = None
    synergies: list[Synergy] = field(default_factory=list)
    cadence: Cadence = "none"
    owner: str | None = None
    bank: BankAccount | None = None
    notes: str | None = None

    @property
    def withholding_kind(self) -> WithholdingKind:
        """The 源泉徴収 kind (§4.5): `true` of an old file is fee, `false` none."""
        w = self.withholding
        return "fee" if w is True else "none" if w is False else w


# --- contract (§3.2) and its fee rules (§3.4) --------------------------------------------------------


@frozen(kw_only=True)
class FeeRule:
    """What HaRu pays for one kind of referral (§3.4): a rate or a fixed amount."""

    __pydantic_config__ = CONFIG

    rate: Rate | None = None
    fixed: Yen | None = None
    basis: FeeBasis | None = None  # a rate without basis is paid on each payment
    months: Annotated[int, Constrained(ge=1)] | None = None
    cap: Yen | None = None
    clawback: Duration | None = None


@frozen(kw_only=True)
class FeeRules:
    """A contract's fee rules, by kind of referral (§3.4)."""

    __pydantic_config__ = CONFIG

    customer: FeeRule | None = None
    student: FeeRule | None = None

    def rule(self, kind: ReferralKind) -> FeeRule | None:
        return self.customer if kind == "customer" else self.student


@frozen(kw_only=True)
class ContractValue:
    """What a contract is worth, and per what (§3.2)."""

    __pydantic_config__ = CONFIG

    amount: Yen
    per: Per


@frozen(kw_only=True)
class Deliverable:
    """What a vendor delivers under a contract (§10.1, 成果物)."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: str | None = None
    due: Day
    delivered: Day | None = None
    accepted: Day | None = None  # 検収
    quality: Annotated[int, Constrained(ge=1, le=5)] | None = None  # given at acceptance
    rework: Count = 0  # times it was sent back


@frozen(kw_only=True)
class Contract:
    """A contract with a partner (§3.2), or with a vendor (§10.1): contracts/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    partner: Slug | None = None  # exactly one of partner and vendor
    vendor: Slug | None = None
    type: ContractType
    title: str | None = None
    status: ContractStatus = "active"
    signed: Day | None = None
    start: Day
    end: Day | None = None
    auto_renew: Flag = False
    term: Duration | None = None
    notice: Duration = Duration(0, "d")
    value: ContractValue | None = None
    feedback: Flag | None = None
    fees: FeeRules | None = None
    revenue_share: Rate | None = None
    scope: str | None = None
    ip: str | None = None
    confidentiality: Flag | None = None
    document: str | None = None
    notes: str | None = None
    deliverables: list[Deliverable] = field(default_factory=list)  # what a vendor delivers (§10.1)

    @property
    def owner(self) -> str:
        """The partner's or vendor's id: whose contract it is (validation makes sure there is one)."""
        return self.partner or self.vendor or ""

    @property
    def holds_feedback(self) -> bool:
        """Strategy 3.5: consulting contracts get a feedback hearing before each renewal by default."""
        return self.feedback if self.feedback is not None else self.type == "consulting"

    def fee_rule(self, kind: ReferralKind) -> FeeRule | None:
        return self.fees.rule(kind) if self.fees else None


# --- meeting log (§3.3) ------------------------------------------------------------------------------


@frozen(kw_only=True)
class Action:
    """A task agreed in a meeting (§3.3 actions)."""

    __pydantic_config__ = CONFIG

    task: Name
    owner: str | None = None
    due: Day | None = None
    done: Flag = False


@frozen(kw_only=True)
class MeetingFeedback:
    """The partner's feedback given in a meeting (§3.3)."""

    __pydantic_config__ = CONFIG

    satisfaction: Annotated[int, Constrained(ge=1, le=5)] | None = None
    comments: str | None = None


@frozen(kw_only=True)
class Meeting:
    """A meeting log (§3.3): meetings/<year>/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    partners: Annotated[list[Slug], Constrained(min_length=1)]
    date: Day
    kind: MeetingKind = "other"
    contract: Slug | None = None
    minutes: DayMinutes | None = None
    attendees: list[str] = field(default_factory=list)
    summary: str | None = None
    decisions: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    feedback: MeetingFeedback | None = None
    next: Day | None = None
    area: Area = "partners"  # where its minutes count in the 社長's time (§9.1)
    project: Slug | None = None  # the joint project it was a meeting of (§12.1)


# --- referral (§3.5) ---------------------------------------------------------------------------------


@frozen(kw_only=True)
class Deal:
    """The deal a referral led to (§3.5)."""

    __pydantic_config__ = CONFIG

    signed: Day
    amount: Yen | None = None  # a fixed fee does not need it; a rate on the deal does (checks.py)


@frozen(kw_only=True)
class Payment:
    """A payment received from a referred client (§3.5)."""

    __pydantic_config__ = CONFIG

    date: Day
    amount: Yen


@frozen(kw_only=True)
class Referral:
    """A client or student a partner referred (§3.5): referrals/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    partner: Slug
    contract: Slug
    kind: ReferralKind = "customer"
    client: Name
    referred: Day
    status: ReferralStatus = "lead"
    deal: Deal | None = None
    payments: list[Payment] = field(default_factory=list)
    cancelled: Day | None = None
    lost: Day | None = None  # the day the lead was lost (kept should it be won after all)
    notes: str | None = None


# --- payout (§8.1) -----------------------------------------------------------------------------------


@frozen(kw_only=True)
class Payout:
    """Money that moved (§8.1): payouts/<year>/<id>.yaml. A payment settles a statement; a refund (a
    partner paying HaRu back) is a line of the statement of its month."""

    __pydantic_config__ = CONFIG

    id: Slug
    partner: Slug
    month: Month  # the statement month it settles, or is booked in
    date: Day  # the day the money moved
    amount: PositiveYen
    kind: PayoutKind = "payment"
    note: str | None = None


# --- outsourcing vendors (§10) -----------------------------------------------------------------------


@frozen(kw_only=True)
class Vendor:
    """An outsourcing vendor (§10.1, 外部委託先): vendors/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    name: Name
    kana: str | None = None
    aliases: list[str] = field(default_factory=list)
    entity: Entity = "corporation"
    invoice_number: InvoiceNumber | None = None
    status: VendorStatus = "candidate"
    expertise: list[str] = field(default_factory=list)  # 専門性
    track_record: str | None = None  # 実績
    rates: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    bank: BankAccount | None = None
    notes: str | None = None


Score = Annotated[int, Constrained(ge=1, le=5)]
# The strategy's four criteria and their default weights: 専門性, 実績, コスト, コミュニケーション能力.
DEFAULT_CRITERIA: dict[str, Rate] = {"expertise": Rate(Decimal(40)), "track_record": Rate(Decimal(25)),
                                     "cost": Rate(Decimal(20)), "communication": Rate(Decimal(15))}


@frozen(kw_only=True)
class Candidate:
    """A vendor considered in a selection, scored on every criterion (§10.2)."""

    __pydantic_config__ = CONFIG

    vendor: Slug
    scores: dict[Key, Score] = field(default_factory=dict)  # none yet: listed, not scored (SPEC §16 new sourcing)
    quote: Yen | None = None
    notes: str | None = None


@frozen(kw_only=True)
class Decision:
    """The vendor chosen, and why (§10.2)."""

    __pydantic_config__ = CONFIG

    vendor: Slug
    date: Day
    reason: str | None = None


@frozen(kw_only=True)
class Sourcing:
    """A selection of a vendor by weighted criteria (§10.2): sourcing/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: Name
    opened: Day
    status: SourcingStatus = "open"
    criteria: dict[Key, Rate] = field(default_factory=lambda: dict(DEFAULT_CRITERIA))
    candidates: list[Candidate] = field(default_factory=list)
    decision: Decision | None = None
    notes: str | None = None


# --- the school (§11) --------------------------------------------------------------------------------


@frozen(kw_only=True)
class Assignment:
    """A practical assignment (実践課題), judged on the student's oral report by its criteria (§11.1)."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: str | None = None
    criteria: Annotated[list[Name], Constrained(min_length=1)]


@frozen(kw_only=True)
class Course:
    """A course of the AI school (§11.1): courses/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: Name
    start: Day
    end: Day | None = None
    levels: Annotated[int, Constrained(ge=2, le=10)] = 4  # every criterion is judged 1..levels
    pass_level: Annotated[int, Constrained(ge=1, le=10)] = 3  # a criterion passes at this level or above
    assignments: list[Assignment] = field(default_factory=list)

    def assignment(self, assignment_id: str) -> Assignment | None:
        return next((a for a in self.assignments if a.id == assignment_id), None)


@frozen(kw_only=True)
class Evaluation:
    """One oral report on an assignment (§11.2): a retake is a new one, never an edit."""

    __pydantic_config__ = CONFIG

    assignment: Slug
    date: Day
    examiner: str | None = None
    minutes: DayMinutes | None = None
    tools: list[str] = field(default_factory=list)  # the AI the student showed using in real work
    levels: dict[Name, Annotated[int, Constrained(ge=1, le=10)]]
    comment: str | None = None


@frozen(kw_only=True)
class Student:
    """A student of the school (§11.2): students/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    name: Name
    kana: str | None = None
    organization: str | None = None
    course: Slug
    enrolled: Day
    referral: Slug | None = None  # the referral (kind student) that brought the student
    status: StudentStatus = "enrolled"
    evaluations: list[Evaluation] = field(default_factory=list)  # oldest first
    notes: str | None = None


@frozen(kw_only=True)
class Certificate:
    """A certificate issued (§11.3): certificates/<year>/<id>.yaml, written only by `haru school certify`."""

    __pydantic_config__ = CONFIG

    id: CertificateId  # haru-YYYY-NNNN
    student: Slug
    course: Slug
    issued: Day
    replaces: CertificateId | None = None  # the number it was issued under on another branch (SPEC §18)


# --- joint projects and the synergy pipeline (§12) ---------------------------------------------------


@frozen(kw_only=True)
class TeamMember:
    """One of a project team, of either side (§12.1)."""

    __pydantic_config__ = CONFIG

    name: Name
    org: str | None = None
    role: str | None = None


@frozen(kw_only=True)
class ProjectMilestone:
    """A milestone of a joint project (§12.1)."""

    __pydantic_config__ = CONFIG

    title: Name
    due: Day
    done: Day | None = None


@frozen(kw_only=True)
class Project:
    """A joint project with partners (§12.1, 共同プロジェクト): projects/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: Name
    partners: Annotated[list[Slug], Constrained(min_length=1)]
    contract: Slug | None = None
    status: ProjectStatus = "active"
    start: Day
    end: Day | None = None
    goal: str | None = None
    team: list[TeamMember] = field(default_factory=list)
    cadence: ProjectCadence = "none"  # progress meetings
    milestones: list[ProjectMilestone] = field(default_factory=list)
    notes: str | None = None


@frozen(kw_only=True)
class StageChange:
    """An opportunity reaching a stage (§12.2)."""

    __pydantic_config__ = CONFIG

    date: Day
    stage: Stage
    note: str | None = None


@frozen(kw_only=True)
class Opportunity:
    """A synergy opportunity with partners (§12.2, シナジー機会): opportunities/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: Name
    partners: Annotated[list[Slug], Constrained(min_length=1)]
    synergy: Synergy
    stage: Stage = "idea"
    value: Yen | None = None  # expected yen for HaRu
    next: str | None = None  # the next step
    due: Day | None = None  # when the next step is due
    project: Slug | None = None
    history: list[StageChange] = field(default_factory=list)  # oldest first
    notes: str | None = None


# --- the 社長's time (§9) -----------------------------------------------------------------------------


@frozen(kw_only=True)
class TimeEntry:
    """Time the 社長 spent (§9.1): hours or minutes, in an area."""

    __pydantic_config__ = CONFIG

    date: Day
    hours: Hours | None = None
    minutes: Annotated[int, Constrained(ge=1, le=1440)] | None = None
    area: Area
    partner: Slug | None = None
    project: Slug | None = None
    note: str | None = None

    @property
    def spent(self) -> Decimal:
        """Its minutes, however written."""
        return self.hours * 60 if self.hours is not None else Decimal(self.minutes or 0)


@frozen(kw_only=True)
class TimeLog:
    """A month of the 社長's time (§9.1): time/<year>/<YYYY-MM>.yaml."""

    __pydantic_config__ = CONFIG

    id: MonthId  # the month, 2026-11
    entries: list[TimeEntry] = field(default_factory=list)

    @property
    def month(self) -> Month:
        return Month.parse(self.id)


@frozen(kw_only=True)
class Usage:
    """How long a task takes and how often it runs (§9.2)."""

    __pydantic_config__ = CONFIG

    minutes: Number  # per run
    per_month: Number  # runs


@frozen(kw_only=True)
class Measurement:
    """The task as it runs with AI, checking and fixing included (§9.2)."""

    __pydantic_config__ = CONFIG

    date: Day
    minutes: Number
    per_month: Number
    note: str | None = None


@frozen(kw_only=True)
class Automation:
    """A task done with generative AI, and the measurements that verify what it saves (§9.2):
    automations/<id>.yaml."""

    __pydantic_config__ = CONFIG

    id: Slug
    title: Name
    area: Area
    status: AutomationStatus = "active"
    since: Day
    baseline: Usage  # measured before AI
    review: Duration = Duration(3, "m")
    measurements: list[Measurement] = field(default_factory=list)  # oldest first
    retired: Day | None = None
    note: str | None = None


# --- haru.yaml (§2) ----------------------------------------------------------------------------------


@frozen(kw_only=True)
class Tax:
    """Consumption tax (§2 tax)."""

    __pydantic_config__ = CONFIG

    rate: Rate = Rate(Decimal(10))
    rounding: Literal["floor", "half_up", "ceil"] = "floor"
    unregistered_credit: CreditSteps | None = None  # None: the law's transitional table (rules/fees.py)


@frozen(kw_only=True)
class PayoutRule:
    """When fees are paid (§2 payout)."""

    __pydantic_config__ = CONFIG

    month_offset: Annotated[int, Constrained(ge=0, le=24)] = 1
    day: PayDay = "end"
    shift: Literal["previous", "next"] = "previous"


@frozen(kw_only=True)
class Reminders:
    """How early reminders look (§2 reminders)."""

    __pydantic_config__ = CONFIG

    feedback_window: Duration = Duration(60, "d")
    alarm: Duration | None = None  # exported calendar events remind this long before (a VALARM)


@frozen(kw_only=True)
class Transfer:
    """The requester of a 全銀 総合振込 file (§8.1 transfer)."""

    __pydantic_config__ = CONFIG

    requester_code: RequesterCode  # 委託者コード, given by HaRu's bank
    requester_name: BankName  # 委託者名


@frozen(kw_only=True)
class Accounts:
    """The 勘定科目 `fees journal` books to (§8.2 accounts), as the company's own books name them."""

    __pydantic_config__ = CONFIG

    fees: Name = "支払手数料"  # the fees, with their consumption tax
    payable: Name = "未払金"  # what HaRu owes the partner until it is paid
    withholding: Name = "預り金"  # the income tax withheld, until HaRu pays it to the tax office
    bank: Name = "普通預金"  # the account the money moves from (freee: its 口座's name)


@frozen(kw_only=True)
class TimeSettings:
    """The priorities of the 社長's time (§9.1)."""

    __pydantic_config__ = CONFIG

    targets: Annotated[dict[Area, Rate], Parsed(parse_targets)] = field(default_factory=dict)  # ≤ 100% in all


@frozen(kw_only=True)
class Settings:
    """haru.yaml (§2); every key is optional."""

    __pydantic_config__ = CONFIG

    company: str = "株式会社HaRu"
    address: str | None = None  # the company's, for the 支払調書
    corporate_number: CorporateNumber | None = None  # 法人番号, for the 支払調書
    locale: Literal["ja", "en"] = "ja"
    fiscal_year_start: Annotated[int, Constrained(ge=1, le=12)] = 4
    tax: Tax = Tax()
    payout: PayoutRule = PayoutRule()
    reminders: Reminders = Reminders()
    bank: BankAccount | None = None  # HaRu's own account, the 全銀 file's 仕向 side
    transfer: Transfer | None = None
    time: TimeSettings = TimeSettings()
    accounts: Accounts = Accounts()


def as_json(value: Any) -> Any:
    """A record (or any value in one) as JSON values, written as in its YAML file: every key, dates in ISO
    form, rates and durations as text (`15%`, `3m`)."""
    if isinstance(value, Rate | Duration | Month):
        return str(value)
    if isinstance(value, Decimal):  # hours, minutes: a JSON number as written (2.5, 60)
        return int(value) if value == value.to_integral_value() else float(value)
    if is_dataclass(value):
        return {f.name: as_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value
