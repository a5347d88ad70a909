"""The fixed lists of the records' values (SPEC §3 …): Literal types alone, so that what takes their labels
(records/labels.py, the CLI's options) needs no record model imported to know them."""

from __future__ import annotations

from typing import Literal

__all__ = [
    "Synergy",
    "ContractType",
    "VendorStatus",
    "StudentStatus",
    "ProjectStatus",
    "ProjectCadence",
    "Stage",
    "SourcingStatus",
    "ContractStatus",
    "PartnerStatus",
    "MeetingKind",
    "ReferralKind",
    "ReferralStatus",
    "Entity",
    "Cadence",
    "AccountType",
    "PayoutKind",
    "Per",
    "FeeBasis",
    "Area",
    "AutomationStatus",
    "WithholdingKind",
]

Synergy = Literal[
    "customer_referral", "expertise", "joint_consulting", "student_referral", "content",
    "instructor", "tool_codev", "case_study", "feedback_loop",
]  # fmt: skip
ContractType = Literal["alliance", "referral", "joint_development", "consulting", "directorship", "nda",
                       "outsourcing"]
VendorStatus = Literal["candidate", "active", "paused", "ended"]
StudentStatus = Literal["enrolled", "completed", "withdrawn"]
ProjectStatus = Literal["planned", "active", "done", "stopped"]
ProjectCadence = Literal["weekly", "biweekly", "monthly", "none"]
Stage = Literal["idea", "proposed", "agreed", "in_progress", "delivered", "dropped"]
SourcingStatus = Literal["open", "decided", "cancelled"]
ContractStatus = Literal["draft", "active", "ended", "terminated"]
PartnerStatus = Literal["prospect", "active", "paused", "ended"]
MeetingKind = Literal["regular", "hearing", "project", "knowledge", "feedback", "other"]
ReferralKind = Literal["customer", "student"]
ReferralStatus = Literal["lead", "won", "lost", "cancelled"]
Entity = Literal["corporation", "individual"]
Cadence = Literal["monthly", "quarterly", "none"]
AccountType = Literal["ordinary", "current", "savings"]
PayoutKind = Literal["payment", "refund"]
Per = Literal["month", "year", "once"]
FeeBasis = Literal["paid", "deal"]
Area = Literal["consulting", "school", "product", "marketing", "partners", "admin", "other"]  # of the 社長's time
AutomationStatus = Literal["trial", "active", "retired"]
# 源泉徴収 kinds (所得税法204条): none; 報酬・料金 (1項1号・2号); 外交員報酬 (1項4号). true and false are how files
# written before the kinds existed said fee and none (records/values.py reads them).
WithholdingKind = Literal["none", "fee", "salesperson"]
