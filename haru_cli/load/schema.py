"""JSON Schema of every record type and of haru.yaml, from the models, with descriptions in Japanese
and English that editors show on hover (yaml-language-server)."""

from __future__ import annotations

import dataclasses
from typing import Any

from haru_cli.records.models import (
    Action,
    Contact,
    Contract,
    ContractValue,
    Deal,
    FeeRule,
    FeeRules,
    Meeting,
    MeetingFeedback,
    Partner,
    Payment,
    Payout,
    Referral,
    Reminders,
    Settings,
    Tax,
    as_json,
)

SCHEMAS: dict[str, type[Any]] = {
    "partner": Partner,
    "contract": Contract,
    "meeting": Meeting,
    "referral": Referral,
    "haru": Settings,
}

# model → field → "日本語 / English"
DESCRIPTIONS: dict[type[Any], dict[str, str]] = {
    Partner: {
        "": "パートナー（partners/<id>.yaml） / A partner (partners/<id>.yaml)",
        "id": "ID（ファイル名と同じ。英小文字・数字・-） / Id: the file name (lowercase letters, digits, -)",
        "name": "正式名称 / Legal name",
        "kana": "よみ（検索・並べ替え用） / Reading, for search and sorting",
        "aliases": "別名（検索用） / Other names to search by",
        "entity": "形態: corporation（法人）| individual（個人） / Corporation or individual",
        "invoice_number": "適格請求書発行事業者登録番号（T＋13桁） / Qualified invoice registration number",
        "withholding": "紹介手数料に源泉徴収を行う（個人のみ） / Withhold income tax on fees (individuals only)",
        "status": "状態: prospect | active | paused | ended / Status",
        "since": "取引開始日 / Partner since",
        "contacts": "連絡先 / Contacts",
        "expertise": "専門性 / Expertise",
        "role": "期待する役割 / Expected role",
        "synergies": "シナジー（顧客紹介・専門性の補完 …） / Synergies",
        "cadence": "定例会の頻度: monthly | quarterly | none / Rhythm of regular meetings",
        "owner": "HaRu 側の担当 / Who at HaRu owns the relationship",
        "notes": "メモ / Notes",
    },
    Contact: {
        "name": "氏名 / Name",
        "title": "役職 / Title",
        "email": "メール / Email",
        "phone": "電話（03-0000-0000 の形か引用符で） / Phone (with dashes or quoted)",
        "key_person": "キーパーソン / Key person",
    },
    Contract: {
        "": "契約（contracts/<id>.yaml） / A contract (contracts/<id>.yaml)",
        "id": "ID（ファイル名と同じ） / Id: the file name",
        "partner": "パートナーの ID / The partner's id",
        "type": "種別: alliance 業務提携 | referral 紹介手数料 | joint_development 共同開発 | consulting | "
                "directorship 取締役就任 | nda / Type",
        "title": "件名 / Title",
        "status": "状態: draft | active | ended | terminated / Status",
        "signed": "締結日 / Signed on",
        "start": "開始日 / Start",
        "end": "最初の期間の終了日（省略: 期間の定めなし） / End of the first term (omitted: open-ended)",
        "auto_renew": "自動更新 / Renews automatically",
        "term": "更新ごとの期間（例: 1y, 6m） / Length of each renewal (1y, 6m)",
        "notice": "解約予告期間（例: 1m） / Notice period before a term ends (1m)",
        "value": "契約金額 / Contract value",
        "feedback": "更新節目ごとに顧客フィードバック面談を行う（consulting は既定で true） / "
                    "Hold a feedback hearing before each renewal (default true for consulting)",
        "fees": "紹介手数料の規定（紹介の種類ごと） / Fee rules, per referral kind",
        "revenue_share": "共同開発: HaRu の収益分配率 / Joint development: HaRu's revenue share",
        "scope": "協力範囲・役割分担 / Scope and roles",
        "ip": "知的財産権の帰属 / Intellectual property",
        "confidentiality": "秘密保持条項あり / Has a confidentiality clause",
        "document": "契約書ファイルのパス / Path of the signed document",
        "notes": "メモ / Notes",
    },
    ContractValue: {"amount": "金額（円、税抜） / Amount in yen", "per": "month | year | once"},
    FeeRules: {"customer": "顧客紹介の規定 / Rule for customer referrals",
               "student": "受講生紹介の規定 / Rule for student referrals"},
    FeeRule: {
        "rate": "料率（例: 15%）。fixed とどちらか一方 / Rate, e.g. 15% (or fixed)",
        "fixed": "1件あたりの定額（円） / Fixed fee per referral, in yen (or rate)",
        "basis": "料率の基準: paid（入金ごと）| deal（成約額） / Rate on each payment or on the deal",
        "months": "basis: paid のとき、成約から何か月分の入金が対象か / Months of payments that earn fees",
        "cap": "1件の紹介で支払う上限（円） / Most one referral can earn, in yen",
        "clawback": "成約からこの期間内の解約で全額返戻（例: 3m） / Cancellation within this reverses all",
    },
    Meeting: {
        "": "会議録（meetings/<年>/<id>.yaml） / A meeting log (meetings/<year>/<id>.yaml)",
        "id": "ID（ファイル名と同じ。例: 2026-11-10-ueda-regular） / Id: the file name",
        "partners": "パートナーの ID（合同会議は複数） / Partner ids (several for a joint meeting)",
        "date": "日付 / Date",
        "kind": "種類: regular 定例会 | hearing | project | knowledge | feedback | other / Kind",
        "contract": "関係する契約の ID / The contract it concerns",
        "minutes": "社長が費やした時間（分） / Minutes the 社長 spent",
        "attendees": "出席者 / Attendees",
        "summary": "概要 / Summary",
        "decisions": "決定事項 / Decisions",
        "actions": "アクション / Action items",
        "feedback": "パートナー・顧客からのフィードバック / Feedback heard",
        "next": "次回の予定日 / Planned date of the next meeting",
    },
    Action: {"task": "内容 / Task", "owner": "担当 / Owner", "due": "期限 / Due", "done": "完了 / Done"},
    MeetingFeedback: {"satisfaction": "満足度（1〜5） / Satisfaction 1-5", "comments": "コメント / Comments"},
    Referral: {
        "": "紹介（referrals/<id>.yaml） / A referral (referrals/<id>.yaml)",
        "id": "ID（ファイル名と同じ。例: 2026-ueda-001） / Id: the file name",
        "partner": "紹介元パートナーの ID / The referring partner's id",
        "contract": "手数料規定のある契約の ID / The contract whose fee rule applies",
        "kind": "customer 顧客紹介 | student 受講生紹介 / Kind",
        "client": "紹介先 / Client",
        "referred": "紹介日 / Date of the introduction",
        "status": "lead | won | lost | cancelled / Status",
        "deal": "成約（won・cancelled で必須） / The deal (won or cancelled)",
        "payments": "紹介先からの入金（税抜） / What the client paid HaRu (excluding tax)",
        "cancelled": "解約日（cancelled で必須） / Date the client cancelled",
        "notes": "メモ / Notes",
    },
    Deal: {"signed": "成約日 / Signed on", "amount": "成約額（円、税抜） / Amount in yen, excluding tax"},
    Payment: {"date": "入金日 / Date", "amount": "入金額（円、税抜） / Amount in yen, excluding tax"},
    Settings: {
        "": "haru のワークスペース設定（haru.yaml） / Workspace settings (haru.yaml)",
        "company": "会社名（レポート・明細書に表示） / Company name",
        "locale": "表示言語: ja | en / Language of output",
        "fiscal_year_start": "事業年度の開始月（1〜12） / First month of the fiscal year",
        "tax": "消費税 / Consumption tax",
        "payout": "紹介手数料の支払日 / When fees are paid",
        "reminders": "リマインダー / Reminders",
    },
    Tax: {"rate": "消費税率（例: 10%） / Tax rate", "rounding": "端数処理: floor | half_up | ceil / Rounding"},
    Payout: {
        "month_offset": "発生月の何か月後に支払うか / Months after the month fees accrued in",
        "day": "支払日: end | 1〜28 / Pay day",
        "shift": "休日の場合: previous | next / Move off non-business days",
    },
    Reminders: {"feedback_window": "更新節目の何日前までの面談を有効とするか（例: 60d） / Feedback window"},
}


def record_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record type, with hover descriptions."""
    from haru_cli.load.validation import adapter

    model = SCHEMAS[name]
    schema = adapter(model).json_schema()
    for part in (schema, *schema.get("$defs", {}).values()):
        part.pop("description", None)  # a docstring is for readers of the code: DESCRIPTIONS are for editors
    _describe(schema, model)
    for sub_name, sub_schema in schema.get("$defs", {}).items():
        sub_model = next((m for m in DESCRIPTIONS if m.__name__ == sub_name), None)
        if sub_model is not None:
            _describe(sub_schema, sub_model)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"haru:{name}", **schema}


# What a schema can say of SPEC 3.4 that the model leaves to checks.py: a rate or a fixed fee, and basis
# and months only with a rate.
_FEE_RULE_SHAPES = {"oneOf": [
    {"required": ["rate"], "properties": {"fixed": {"type": "null"}}},
    {"required": ["fixed"], "properties": {"rate": {"type": "null"}, "basis": {"type": "null"},
                                           "months": {"type": "null"}}},
]}


def _describe(schema: dict[str, Any], model: type[Any]) -> None:
    """Descriptions, defaults as they are written, and null allowed wherever a key may be left out
    (`key:` with nothing after it counts as not given)."""
    texts = DESCRIPTIONS.get(model, {})
    if "" in texts:
        schema["description"] = texts[""]
    if model is FeeRule:
        schema.update(_FEE_RULE_SHAPES)
    required = set(schema.get("required", []))
    defaults = {f.name: f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
                for f in dataclasses.fields(model)}
    for field, prop in list(schema.get("properties", {}).items()):
        prop.pop("title", None)  # "Kana" says less than the description
        default = defaults[field]
        if default is not dataclasses.MISSING:  # as a user writes it: `10%`, not a Rate's fields
            prop["default"] = as_json(default)
        if field not in required and not _allows_null(prop):
            meta = {k: prop.pop(k) for k in ("default",) if k in prop}
            prop = schema["properties"][field] = {"anyOf": [dict(prop), {"type": "null"}], **meta}
        if field in texts:
            prop["description"] = texts[field]


def _allows_null(prop: dict[str, Any]) -> bool:
    return prop.get("type") == "null" or any(p.get("type") == "null" for p in prop.get("anyOf", []))


def schema_files() -> dict[str, str]:
    """File name → text of every schema, as `haru schema --out` writes them."""
    import json

    return {f"{name}.schema.json": json.dumps(record_schema(name), ensure_ascii=False, indent=2) + "\n"
            for name in SCHEMAS}
