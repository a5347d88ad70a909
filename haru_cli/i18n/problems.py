"""Problem messages in Japanese and English, keyed by problem code (or `code.variant`).

Templates are `str.format` strings; `{value:q}` shows a user's value quoted and with control characters
escaped, so that nothing from a file can garble the terminal.
"""

from __future__ import annotations

from typing import Any

from haru_cli.render.formats import visible

# key: (English, Japanese)
MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "unreadable": ("cannot read the file: {reason}", "ファイルを読めません: {reason}"),
    "unreadable.too-large": (
        "the file is larger than {limit} MB: a record is a page of text",
        "{limit} MB を超えるファイルです（1 レコードは数ページの文章のはずです）",
    ),
    "unreadable.too-many-values": (
        "the file holds more than {limit} values: a record is a page of text",
        "値が {limit} 個を超えるファイルです（1 レコードは数ページの文章のはずです）",
    ),
    "encoding": (
        "the file is not UTF-8 text (it looks like {guess}); save it as UTF-8",
        "UTF-8 のテキストではありません（{guess} のようです）。UTF-8 で保存し直してください",
    ),
    "encoding.unknown": (
        "the file is not UTF-8 text; save it as UTF-8",
        "UTF-8 のテキストではありません。UTF-8 で保存し直してください",
    ),
    "control-char": (
        "control character {char} is not allowed in YAML; remove it or write it as an escape in double quotes",
        "制御文字 {char} は YAML に書けません。削除するか、ダブルクォート内でエスケープしてください",
    ),
    "empty": ("the file is empty", "ファイルが空です"),
    "yaml-syntax": ("YAML syntax error: {reason}", "YAML の構文エラー: {reason}"),
    "yaml-syntax.documents": (
        "a file holds one record: remove the second document (from this ---)",
        "1 ファイルに 1 レコードです。2 つ目の文書（この --- 以降）を削除してください",
    ),
    "yaml-syntax.tab": (
        "a tab cannot indent YAML; indent with spaces",
        "タブ文字で字下げはできません。スペースで字下げしてください",
    ),
    "yaml-depth": ("nested deeper than {limit} levels", "入れ子が {limit} 段を超えています"),
    "yaml-alias": (
        "anchors and aliases (&name / *name) are not supported; write the value out",
        "アンカーとエイリアス（&name / *name）は使えません。値をそのまま書いてください",
    ),
    "yaml-tag": (
        "YAML tag {tag:q} is not supported here (or does not fit its value)",
        "YAML タグ {tag:q} は使えません（または値と合いません）",
    ),
    "yaml-key": ("a key must be plain text", "キーは文字列で書いてください"),
    "duplicate-key": (
        "key {key:q} is given twice (first on line {first})",
        "キー {key:q} が重複しています（最初は {first} 行目）",
    ),
    "not-mapping": (
        "a {model} file must be a mapping of keys to values",
        "{model} のファイルは「キー: 値」の形で書いてください",
    ),
    "more-problems": (
        "... and {count} more problems in this file (the first 100 are shown)",
        "… このファイルにはほかに {count} 件の問題があります（最初の 100 件を表示）",
    ),
    # file names and ids
    "file-name.not-regular": (
        "not a regular file (a folder, device or pipe named .yaml); it is not read",
        "通常のファイルではありません（.yaml という名前のフォルダ・デバイス・パイプ）。読み込まれません",
    ),
    "file-name.not-folder": (
        "this must be a folder of records; it is not read",
        "レコードのフォルダであるべきところにファイルがあります。読み込まれません",
    ),
    "file-name.symlink": (
        "a symbolic link: records are read only from regular files inside the workspace; it is not read",
        "シンボリックリンクです。レコードはワークスペース内の通常のファイルからだけ読みます（読み込みません）",
    ),
    "file-name.encoding": (
        "the file name is not UTF-8 (it was probably made on another system): rename it; it is not read",
        "ファイル名が UTF-8 ではありません（別のシステムで作られたものと思われます）。"
        "名前を付け直してください（読み込みません）",
    ),
    "file-name.yml": (
        "records end in .yaml (lowercase); this file is not read",
        "レコードの拡張子は .yaml（小文字）です。このファイルは読み込まれません",
    ),
    "id-filename": (
        "id {id:q} does not match the file name {stem:q}; rename the file to {id}.yaml or fix the id",
        "id {id:q} がファイル名 {stem:q} と一致しません。ファイル名を {id}.yaml にするか id を直してください",
    ),
    "duplicate-id": ("id {id:q} is already used by {first}", "id {id:q} は {first} で使われています"),
    "id.slug": (
        "{key}: {value:q} is not an id: use lowercase letters, digits and '-' (at most 64)",
        "{key}: {value:q} は id として使えません。英小文字・数字・'-' で 64 文字以内にしてください",
    ),
    # keys and types
    "unknown-key": ("unknown key {key:q}", "不明なキー {key:q}"),
    "unknown-key.near": ("unknown key {key:q}; did you mean {near:q}?", "不明なキー {key:q}（{near:q} の誤り？）"),
    "missing-key": ("{key} is required", "{key} は必須です"),
    "enum": ("{key}: {value:q} is not one of: {expected}", "{key}: {value:q} は使えません（次のいずれか: {expected}）"),
    "enum.pay-day": (
        "{key}: {value:q} must be end or a day 1-28",
        "{key}: {value:q} は end か 1〜28 の日にしてください",
    ),
    "type.str": (
        "{key}: expected text, got {value:q}; put it in quotes to keep it as typed",
        "{key}: 文字列が必要です（{value:q}）。書いたとおりに残すには引用符で囲んでください",
    ),
    "type.empty": ("{key} must not be empty", "{key} を空にはできません"),
    "type.int": ("{key}: expected a whole number, got {value:q}", "{key}: 整数が必要です（{value:q}）"),
    "type.bool": (
        "{key}: expected true or false, got {value:q} (yes/no/on/off are text in YAML 1.2)",
        "{key}: true か false が必要です（{value:q}）。yes/no/on/off は使えません",
    ),
    "type.list": ("{key}: expected a list, got {value:q}", "{key}: リストが必要です（{value:q}）"),
    "type.mapping": ("{key}: expected a mapping of keys, got {value:q}", "{key}: 「キー: 値」が必要です（{value:q}）"),
    "range.ge": ("{key}: {value:q} must be at least {ge}", "{key}: {value:q} は {ge} 以上にしてください"),
    "range.le": ("{key}: {value:q} must be at most {le}", "{key}: {value:q} は {le} 以下にしてください"),
    "range.digits": (
        "{key}: a number of more than {limit} digits is not allowed",
        "{key}: {limit} 桁を超える数は書けません",
    ),
    "range.too-short": ("{key}: give at least {min_length}", "{key}: {min_length} 件以上必要です"),
    "invalid": ("{key}: {reason}", "{key}: {reason}"),
    # value types
    "date.format": (
        "{key}: {value:q} is not a date; write YYYY-MM-DD",
        "{key}: {value:q} は日付ではありません。YYYY-MM-DD で書いてください",
    ),
    "date.range": (
        "{key}: {value:q} is outside the years {first}-{last}",
        "{key}: {value:q} は {first}〜{last} 年の範囲外です",
    ),
    "date.no-such-day": ("{key}: {value:q} is not a day of the calendar", "{key}: {value:q} という日付は存在しません"),
    "money.type": ("{key}: {value:q} is not an amount of yen", "{key}: {value:q} は金額（円）ではありません"),
    "money.negative": ("{key}: {value:q} cannot be negative", "{key}: {value:q} は負にできません"),
    "money.float": (
        "{key}: {value:q} — money is whole yen, without decimals",
        "{key}: {value:q} — 金額は円単位の整数で書いてください",
    ),
    "money.separators": (
        "{key}: {value:q} — write money as a plain number of yen: {hint}",
        "{key}: {value:q} — 金額はカンマや記号なしの数字で書いてください: {hint}",
    ),
    "rate.format": (
        "{key}: {value:q} is not a rate; write it like 15%",
        "{key}: {value:q} は率ではありません。15% のように書いてください",
    ),
    "rate.bare-number": (
        "{key}: a rate is a percentage: write {hint:q}, not {value}",
        "{key}: 率はパーセントで書いてください: {value} ではなく {hint:q}",
    ),
    "rate.range": ("{key}: {value:q} is over 100%", "{key}: {value:q} は 100% を超えています"),
    "duration.format": (
        "{key}: {value:q} is not a duration; write 30d, 2w, 3m or 1y (or 30日, 2週間, 3ヶ月, 1年)",
        "{key}: {value:q} は期間ではありません。30d・2w・3m・1y（30日・2週間・3ヶ月・1年）のように書いてください",
    ),
    "duration.range": ("{key}: {value:q} is longer than a century", "{key}: {value:q} は 100 年を超えています"),
    "invoice-number.format": (
        "{key}: {value:q} is not an invoice registration number: T and 13 digits",
        "{key}: {value:q} は登録番号ではありません（T＋13桁）",
    ),
    "invoice-number.check-digit": (
        "{key}: {value:q} has a wrong check digit (its first digit should be {expected}); check the number",
        "{key}: {value:q} のチェックディジットが誤っています（先頭は {expected} のはず）。番号を確認してください",
    ),
    # cross-file rules
    "ref-partner": (
        "no partner {ref:q} (expected partners/{ref}.yaml)",
        "パートナー {ref:q} がありません（partners/{ref}.yaml）",
    ),
    "ref-partner.twice": ("partner {ref:q} is listed twice", "パートナー {ref:q} が二重に書かれています"),
    "ref-contract": (
        "no contract {ref:q} (expected contracts/{ref}.yaml)",
        "契約 {ref:q} がありません（contracts/{ref}.yaml）",
    ),
    "contract-partner": (
        "contract {ref:q} belongs to partner {owner:q}, not {partner:q}",
        "契約 {ref:q} はパートナー {owner:q} のもので、{partner:q} のものではありません",
    ),
    "contract-partner.meeting": (
        "contract {ref:q} belongs to partner {owner:q}, who is not among this meeting's partners",
        "契約 {ref:q} のパートナー {owner:q} がこの会議の partners にいません",
    ),
    "fee-rule.missing": (
        "contract {ref:q} has no fee rule for {kind:q} referrals (fees.{kind})",
        "契約 {ref:q} に {kind:q} 紹介の手数料規定（fees.{kind}）がありません",
    ),
    "fee-rule.one-of": (
        "fees.{kind}: give exactly one of rate or fixed",
        "fees.{kind}: rate と fixed のどちらか一方だけを書いてください",
    ),
    "fee-rule.rate-only": (
        "{name:q} applies only to a rate, not to a fixed fee",
        "{name:q} は rate の規定にだけ使えます（fixed には使えません）",
    ),
    "fee-rule.months-deal": (
        "months has no effect with basis: deal",
        "basis: deal では months は使われません",
    ),
    "auto-renew-term": (
        "auto_renew needs a term (the length of each renewal, e.g. term: 1y)",
        "auto_renew には term（更新期間、例: term: 1y）が必要です",
    ),
    "auto-renew-term.zero": (
        "term must be longer than zero",
        "term（更新期間）は 0 より長くしてください",
    ),
    "auto-renew-term.no-end": (
        "auto_renew has no effect without end (an open-ended contract never renews)",
        "end がないため auto_renew は効きません（期間の定めのない契約は更新されません）",
    ),
    "auto-renew-term.unused": (
        "term is only used with auto_renew: true",
        "term は auto_renew: true のときだけ使われます",
    ),
    "date-order.end": ("end {end} is before start {start}", "end {end} が start {start} より前です"),
    "date-order.signed": (
        "signed {signed} is after start {start}",
        "signed {signed} が start {start} より後です",
    ),
    "date-order.deal": (
        "deal signed {signed} is before the referral {referred}",
        "成約日 {signed} が紹介日 {referred} より前です",
    ),
    "date-order.payment": (
        "payment on {date} is before the deal was signed ({signed})",
        "入金日 {date} が成約日 {signed} より前です",
    ),
    "date-order.cancelled": (
        "cancelled {cancelled} is before the deal was signed ({signed})",
        "解約日 {cancelled} が成約日 {signed} より前です",
    ),
    "date-order.next": ("next {next} is before the meeting itself ({date})", "next {next} が会議日 {date} より前です"),
    "withholding": (
        "withholding applies to individuals; this partner is a corporation (entity)",
        "源泉徴収は個人が対象です。このパートナーは法人です（entity）",
    ),
    "deal-missing": (
        "a {status} referral needs deal (signed, amount)",
        "{status} の紹介には deal（signed, amount）が必要です",
    ),
    "deal-missing.amount": (
        "deal needs amount: its contract's fee is a rate on the deal",
        "deal に amount（成約額）が必要です（契約の手数料が成約額に対する料率のため）",
    ),
    "deal-missing.payments": (
        "payments on a {status} referral earn no fees",
        "{status} の紹介の入金には手数料が発生しません",
    ),
    "cancelled-date": (
        "a cancelled referral needs the date it was cancelled (cancelled: YYYY-MM-DD)",
        "cancelled の紹介には解約日（cancelled: YYYY-MM-DD）が必要です",
    ),
    "cancelled-date.status": (
        "cancelled is set but status is {status}",
        "cancelled がありますが status は {status} です",
    ),
    "meeting-year": (
        "a meeting of {year} belongs in {expected}",
        "{year} 年の会議は {expected} に置いてください",
    ),
}


class _Param:
    """Formats a message parameter; the `q` spec quotes a user's value."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        value = self.value
        if spec == "q":
            text = value if isinstance(value, str) else _plain(value)
            text = visible(text, one_line=True)  # a problem is one line
            if len(text) > 60:
                text = text[:57] + "..."
            return f"'{text}'" if isinstance(value, str) else text
        return visible(format(value, spec), one_line=True)


def _plain(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    return str(value)


def render_message(key: str, lang: str, params: dict[str, Any]) -> str:
    english, japanese = MESSAGES[key]
    template = english if lang == "en" else japanese
    return template.format(**{name: _Param(value) for name, value in params.items()})
