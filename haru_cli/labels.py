"""Human labels, Japanese and English, for headings and for the enum values of SPEC §3.

JSON keeps the codes (`customer_referral`); tables, CSV and Markdown show these labels.
"""

from __future__ import annotations

# code: (English, Japanese)
VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "synergy": {
        "customer_referral": ("customer referrals", "顧客紹介"),
        "expertise": ("complementary expertise", "専門性の補完"),
        "joint_consulting": ("joint consulting", "共同コンサルティング"),
        "student_referral": ("student referrals", "受講生獲得"),
        "content": ("joint content", "コンテンツの共同開発"),
        "instructor": ("instructors and mentors", "講師・メンター"),
        "tool_codev": ("AI tool co-development", "生成AIツールの共同開発・販売"),
        "case_study": ("case studies", "導入事例の創出"),
        "feedback_loop": ("feedback loop", "フィードバックループ"),
    },
    "partner_status": {
        "prospect": ("prospect", "候補"),
        "active": ("active", "有効"),
        "paused": ("paused", "休止"),
        "ended": ("ended", "終了"),
    },
    "entity": {"corporation": ("corporation", "法人"), "individual": ("individual", "個人")},
    "cadence": {"monthly": ("monthly", "月次"), "quarterly": ("quarterly", "四半期"), "none": ("none", "なし")},
    "contract_type": {
        "alliance": ("alliance", "業務提携"),
        "referral": ("referral fees", "紹介手数料"),
        "joint_development": ("joint development", "共同開発"),
        "consulting": ("consulting", "コンサルティング"),
        "directorship": ("directorship", "取締役就任"),
        "nda": ("NDA", "秘密保持"),
    },
    "contract_status": {
        "draft": ("draft", "草案"),
        "active": ("active", "有効"),
        "ended": ("ended", "終了"),
        "terminated": ("terminated", "解約"),
    },
    "meeting_kind": {
        "regular": ("regular", "定例会"),
        "hearing": ("hearing", "個別課題ヒアリング"),
        "project": ("project", "共同プロジェクト会議"),
        "knowledge": ("knowledge sharing", "ナレッジ共有"),
        "feedback": ("customer feedback", "顧客フィードバック"),
        "other": ("other", "その他"),
    },
    "referral_kind": {"customer": ("customer", "顧客紹介"), "student": ("student", "受講生紹介")},
    "referral_status": {
        "lead": ("lead", "見込み"),
        "won": ("won", "成約"),
        "lost": ("lost", "失注"),
        "cancelled": ("cancelled", "解約"),
    },
    "per": {"month": ("per month", "月額"), "year": ("per year", "年額"), "once": ("once", "一括")},
    "basis": {"paid": ("on payments", "入金額"), "deal": ("on the deal", "成約額")},
}

HEADINGS: dict[str, tuple[str, str]] = {
    "id": ("ID", "ID"),
    "name": ("Name", "名前"),
    "kana": ("Reading", "よみ"),
    "partner": ("Partner", "パートナー"),
    "status": ("Status", "状態"),
    "cadence": ("Cadence", "定例"),
    "owner": ("Owner", "担当"),
    "since": ("Since", "開始"),
    "entity": ("Entity", "形態"),
    "invoice_number": ("Invoice no.", "登録番号"),
    "last_meeting": ("Last meeting", "最終会議"),
    "next_regular_meeting": ("Next regular", "次回定例"),
    "active_contracts": ("Active contracts", "有効な契約"),
    "type": ("Type", "種別"),
    "title": ("Title", "件名"),
    "start": ("Start", "開始日"),
    "end": ("End", "終了日"),
    "signed": ("Signed", "締結日"),
    "term_end": ("Term ends", "期間満了"),
    "notice_deadline": ("Notice by", "解約予告期限"),
    "auto_renew": ("Auto-renew", "自動更新"),
    "term": ("Term", "更新期間"),
    "notice": ("Notice", "予告期間"),
    "value": ("Value", "金額"),
    "feedback": ("Feedback hearings", "フィードバック面談"),
    "revenue_share": ("Revenue share", "収益分配"),
    "scope": ("Scope", "協力範囲・役割分担"),
    "ip": ("IP", "知的財産権"),
    "confidentiality": ("Confidentiality", "秘密保持"),
    "document": ("Document", "契約書"),
    "fees": ("Fee rules", "手数料規定"),
    "notes": ("Notes", "メモ"),
    "date": ("Date", "日付"),
    "kind": ("Kind", "種類"),
    "minutes": ("Minutes", "時間（分）"),
    "summary": ("Summary", "概要"),
    "due": ("Due", "期限"),
    "task": ("Task", "内容"),
    "meeting": ("Meeting", "会議"),
    "client": ("Client", "紹介先"),
    "referred": ("Referred", "紹介日"),
    "deal": ("Deal", "成約"),
    "title_contact": ("Title", "役職"),
    "email": ("Email", "メール"),
    "phone": ("Phone", "電話"),
    "key_person": ("Key person", "キーパーソン"),
    "expertise": ("Expertise", "専門性"),
    "role": ("Expected role", "期待する役割"),
    "synergies": ("Synergies", "シナジー"),
    "aliases": ("Aliases", "別名"),
    "contacts": ("Contacts", "連絡先"),
    "contracts": ("Contracts", "契約"),
    "meetings": ("Recent meetings", "直近の会議"),
    "open_actions": ("Open actions", "未完了のアクション"),
    "referrals": ("Referrals", "紹介"),
    "hours": ("Hours", "時間"),
    "hours_fiscal_year": ("Hours this fiscal year", "今年度の時間"),
    "hours_total": ("Hours in all", "累計時間"),
    "overdue": ("overdue", "超過"),
    "expired": ("expired", "期限切れ"),
    "notice_passed": ("notice passed", "予告期限経過"),
    "yes": ("yes", "あり"),
    "no": ("no", "なし"),
    "none": ("—", "—"),
    "hours_unit": ("h", "時間"),
    "fiscal_year_from": ("fiscal year from", "年度開始"),
    "meetings_count": ("meetings", "件"),
}


def value_label(group: str, code: str, lang: str) -> str:
    english, japanese = VALUES[group].get(code, (code, code))
    return english if lang == "en" else japanese


def heading(key: str, lang: str) -> str:
    english, japanese = HEADINGS[key]
    return english if lang == "en" else japanese
