"""Problem messages (SPEC §6), keyed by `problem.<code>` or `problem.<code>.<variant>`, in Japanese and English.

`{value:q}` shows a user's value quoted, cut to 60 characters and with invisible characters escaped."""

from __future__ import annotations

PROBLEMS: dict[str, tuple[str, str]] = {
    "problem.unreadable": (
        "ファイルを読めません: {reason}",
        "cannot read the file: {reason}",
    ),
    "problem.unreadable.too-large": (
        "{limit} MB を超えるファイルです（1 レコードは数ページの文章のはずです）",
        "the file is larger than {limit} MB: a record is a page of text",
    ),
    "problem.unreadable.too-many-values": (
        "値が {limit} 個を超えるファイルです（1 レコードは数ページの文章のはずです）",
        "the file holds more than {limit} values: a record is a page of text",
    ),
    "problem.encoding": (
        "UTF-8 のテキストではありません（{guess} のようです）。UTF-8 で保存し直してください",
        "the file is not UTF-8 text (it looks like {guess}); save it as UTF-8",
    ),
    "problem.encoding.unknown": (
        "UTF-8 のテキストではありません。UTF-8 で保存し直してください",
        "the file is not UTF-8 text; save it as UTF-8",
    ),
    "problem.control-char": (
        "制御文字 {char} は YAML に書けません。削除するか、ダブルクォート内でエスケープしてください",
        "control character {char} is not allowed in YAML; remove it or write it as an escape in double quotes",
    ),
    "problem.empty": (
        "ファイルが空です",
        "the file is empty",
    ),
    "problem.merge-conflict.certificate": (
        "git のマージの競合マーカー（<<<<<<<）が残っています。両方のブランチが同じ修了証番号を発行したなら、マーカーは"
        "そのままで haru school renumber {file} を実行してください（こちらの番号を残し、相手の受講生に次の番号を振ります）",
        "git's conflict markers (<<<<<<<) are left from a merge. If both branches issued this certificate number, "
        "leave the markers and run haru school renumber {file} (it keeps this branch's number and gives the other "
        "student the next one)",
    ),
    "problem.merge-conflict": (
        "git のマージの競合マーカー（<<<<<<<）が残っています。両方の内容から正しい値を残し、マーカーの行を消してから"
        " git add でマージを終えてください",
        "git's conflict markers (<<<<<<<) are left from a merge: keep the right values of both sides, remove the"
        " marker lines, then finish the merge with git add",
    ),
    "problem.yaml-syntax": (
        "YAML の構文エラー: {reason}{gloss}",
        "YAML syntax error: {reason}{gloss}",
    ),
    # libyaml's own words stay as they are (they name what it read); in Japanese a gloss follows them.
    "gloss.none": ("", ""),
    "gloss.expected-key": ("（キーがあるはずの所にありません。字下げを確認してください）", ""),
    "gloss.expected-flow-sequence": ("（',' か ']' がありません。括弧の閉じ忘れでは？）", ""),
    "gloss.expected-flow-mapping": ("（',' か '}}' がありません。括弧の閉じ忘れでは？）", ""),
    "gloss.expected-block-entry": ("（'-' の項目があるはずの所にありません。字下げを確認してください）", ""),
    "gloss.expected-node": ("（値があるはずの所にありません）", ""),
    "gloss.mapping-values": ("（ここに「キー: 値」は書けません。: の後の空白や字下げ、値の引用符を確認してください）", ""),
    "gloss.expected-colon": ("（':' がありません）", ""),
    "gloss.cannot-start-token": ("（値の始めに使えない文字です。@ や ` で始まる値は引用符で囲んでください）", ""),
    "gloss.end-of-stream": ("（ファイルが途中で終わっています。引用符か括弧の閉じ忘れでは？）", ""),
    "gloss.escape": ("（ダブルクォート内で使えないエスケープです）", ""),
    "gloss.block-entries": ("（ここに '-' の項目は書けません。字下げを確認してください）", ""),
    "gloss.document": ("（文書の始まりが正しくありません）", ""),
    "gloss.directive": ("（% で始まる指示は使えません）", ""),
    "gloss.tag": ("（定義されていないタグです）", ""),
    "gloss.alias": ("（アンカー名・エイリアス名が正しくありません）", ""),
    "problem.yaml-syntax.documents": (
        "1 ファイルに 1 レコードです。2 つ目の文書（この --- 以降）を削除してください",
        "a file holds one record: remove the second document (from this ---)",
    ),
    "problem.yaml-syntax.tab": (
        "タブ文字で字下げはできません。スペースで字下げしてください",
        "a tab cannot indent YAML; indent with spaces",
    ),
    "problem.yaml-depth": (
        "入れ子が {limit} 段を超えています",
        "nested deeper than {limit} levels",
    ),
    "problem.yaml-alias": (
        "アンカーとエイリアス（&name / *name）は使えません。値をそのまま書いてください",
        "anchors and aliases (&name / *name) are not supported; write the value out",
    ),
    "problem.yaml-tag": (
        "YAML タグ {tag:q} は使えません（または値と合いません）",
        "YAML tag {tag:q} is not supported here (or does not fit its value)",
    ),
    "problem.yaml-key": (
        "キーは文字列で書いてください",
        "a key must be plain text",
    ),
    "problem.duplicate-key": (
        "キー {key:q} が重複しています（最初は {first} 行目）",
        "key {key:q} is given twice (first on line {first})",
    ),
    "problem.not-mapping": (
        "{model} のファイルは「キー: 値」の形で書いてください",
        "a {model} file must be a mapping of keys to values",
    ),
    "problem.more-problems": (
        "… このファイルにはほかに {count} 件の問題があります（最初の 100 件を表示）",
        "... and {count} more problems in this file (the first 100 are shown)",
    ),
    "problem.file-name.not-regular": (
        "通常のファイルではありません（.yaml という名前のフォルダ・デバイス・パイプ）。読み込まれません",
        "not a regular file (a folder, device or pipe named .yaml); it is not read",
    ),
    "problem.file-name.not-folder": (
        "レコードのフォルダであるべきところにファイルがあります。読み込まれません",
        "this must be a folder of records; it is not read",
    ),
    "problem.file-name.symlink": (
        "シンボリックリンクです。レコードはワークスペース内の通常のファイルからだけ読みます（読み込みません）",
        "a symbolic link: records are read only from regular files inside the workspace; it is not read",
    ),
    "problem.file-name.encoding": (
        "ファイル名が UTF-8 ではありません（別のシステムで作られたものと思われます）。名前を付け直してください（読み込みません）",
        "the file name is not UTF-8 (it was probably made on another system): rename it; it is not read",
    ),
    "problem.file-name.yml": (
        "レコードの拡張子は .yaml（小文字）です。このファイルは読み込まれません",
        "records end in .yaml (lowercase); this file is not read",
    ),
    "problem.id-filename": (
        "id {id:q} がファイル名 {stem:q} と一致しません。ファイル名を {id}.yaml にするか id を直してください",
        "id {id:q} does not match the file name {stem:q}; rename the file to {id}.yaml or fix the id",
    ),
    "problem.duplicate-id": (
        "id {id:q} は {first} で使われています",
        "id {id:q} is already used by {first}",
    ),
    "problem.id.slug": (
        "{key}: {value:q} は id として使えません。英小文字・数字・'-' で 64 文字以内にしてください",
        "{key}: {value:q} is not an id: use lowercase letters, digits and '-' (at most 64)",
    ),
    "problem.unknown-key": (
        "不明なキー {key:q}",
        "unknown key {key:q}",
    ),
    "problem.unknown-key.near": (
        "不明なキー {key:q}（{near:q} の誤り？）",
        "unknown key {key:q}; did you mean {near:q}?",
    ),
    "problem.missing-key": (
        "{key} は必須です",
        "{key} is required",
    ),
    "problem.enum": (
        "{key}: {value:q} は使えません（次のいずれか: {expected}）",
        "{key}: {value:q} is not one of: {expected}",
    ),
    "problem.enum.label": (
        "{key}: {value:q} は使えません（{write} と書いてください）",
        "{key}: {value:q} is not one of the values; write {write}",
    ),
    "problem.enum.withholding": (
        "{key}: {value:q} は使えません（次のいずれか: {expected}）",
        "{key}: {value:q} is not one of: {expected}",
    ),
    "problem.enum.pay-day": (
        "{key}: {value:q} は end か 1〜28 の日にしてください",
        "{key}: {value:q} must be end or a day 1-28",
    ),
    "problem.type.str": (
        "{key}: 文字列が必要です（{value:q}）。書いたとおりに残すには引用符で囲んでください",
        "{key}: expected text, got {value:q}; put it in quotes to keep it as typed",
    ),
    "problem.type.empty": (
        "{key} を空にはできません",
        "{key} must not be empty",
    ),
    "problem.type.int": (
        "{key}: 整数が必要です（{value:q}）",
        "{key}: expected a whole number, got {value:q}",
    ),
    "problem.type.bool": (
        "{key}: true か false が必要です（{value:q}）。yes/no/on/off は使えません",
        "{key}: expected true or false, got {value:q} (yes/no/on/off are text in YAML 1.2)",
    ),
    "problem.type.list": (
        "{key}: リストが必要です（{value:q}）",
        "{key}: expected a list, got {value:q}",
    ),
    "problem.type.mapping": (
        "{key}: 「キー: 値」が必要です（{value:q}）",
        "{key}: expected a mapping of keys, got {value:q}",
    ),
    "problem.range.ge": (
        "{key}: {value:q} は {ge} 以上にしてください",
        "{key}: {value:q} must be at least {ge}",
    ),
    "problem.range.le": (
        "{key}: {value:q} は {le} 以下にしてください",
        "{key}: {value:q} must be at most {le}",
    ),
    "problem.range.digits": (
        "{key}: {limit} 桁を超える数は書けません",
        "{key}: a number of more than {limit} digits is not allowed",
    ),
    "problem.range.too-long": (
        "{key}: {max_length:,} 文字を超えるテキストは書けません",
        "{key}: a text of more than {max_length:,} characters is not allowed",
    ),
    "problem.range.too-short": (
        "{key}: {min_length} 件以上必要です",
        "{key}: give at least {min_length}",
    ),
    "problem.invalid": (
        "{key}: {reason}",
        "{key}: {reason}",
    ),
    "problem.date.format": (
        "{key}: {value:q} は日付ではありません。YYYY-MM-DD で書いてください",
        "{key}: {value:q} is not a date; write YYYY-MM-DD",
    ),
    "problem.date.range": (
        "{key}: {value:q} は {first}〜{last} 年の範囲外です",
        "{key}: {value:q} is outside the years {first}-{last}",
    ),
    "problem.date.no-such-day": (
        "{key}: {value:q} という日付は存在しません",
        "{key}: {value:q} is not a day of the calendar",
    ),
    "problem.money.type": (
        "{key}: {value:q} は金額（円）ではありません",
        "{key}: {value:q} is not an amount of yen",
    ),
    "problem.money.negative": (
        "{key}: {value:q} は負にできません",
        "{key}: {value:q} cannot be negative",
    ),
    "problem.money.float": (
        "{key}: {value:q} — 金額は円単位の整数で書いてください",
        "{key}: {value:q} — money is whole yen, without decimals",
    ),
    "problem.money.separators": (
        "{key}: {value:q} — 金額はカンマや記号なしの数字で書いてください: {hint}",
        "{key}: {value:q} — write money as a plain number of yen: {hint}",
    ),
    "problem.rate.format": (
        "{key}: {value:q} は率ではありません。15% のように書いてください",
        "{key}: {value:q} is not a rate; write it like 15%",
    ),
    "problem.rate.bare-number": (
        "{key}: 率はパーセントで書いてください: {value} ではなく {hint:q}",
        "{key}: a rate is a percentage: write {hint:q}, not {value}",
    ),
    "problem.rate.range": (
        "{key}: {value:q} は 100% を超えています",
        "{key}: {value:q} is over 100%",
    ),
    "problem.rate.targets": (
        "{key}: 目標の割合が合計 {total} で、100% を超えています",
        "{key}: the targets come to {total}, over 100%",
    ),
    "problem.hours.type": (
        "{key}: {value:q} は時間数ではありません。1.5 のように書いてください",
        "{key}: {value:q} is no number of hours; write it like 1.5",
    ),
    "problem.hours.range": (
        "{key}: {value} 時間は範囲外です（0 より大きく 24 以下）",
        "{key}: {value} hours is out of range (more than 0, at most 24)",
    ),
    "problem.hours.quarter": (
        "{key}: {value} 時間は 15 分（0.25 時間）単位ではありません。minutes: で書くこともできます",
        "{key}: {value} hours is not in quarter hours (0.25); or write minutes:",
    ),
    "problem.number.type": (
        "{key}: {value:q} は数ではありません",
        "{key}: {value:q} is not a number",
    ),
    "problem.number.range": (
        "{key}: {value} は範囲外です（0 以上 {limit} 以下）",
        "{key}: {value} is out of range (0 to {limit})",
    ),
    "problem.duration.format": (
        "{key}: {value:q} は期間ではありません。30d・2w・3m・1y（30日・2週間・3ヶ月・1年）のように書いてください",
        "{key}: {value:q} is not a duration; write 30d, 2w, 3m or 1y (or 30日, 2週間, 3ヶ月, 1年)",
    ),
    "problem.duration.range": (
        "{key}: {value:q} は 100 年を超えています",
        "{key}: {value:q} is longer than a century",
    ),
    "problem.invoice-number.format": (
        "{key}: {value:q} は登録番号ではありません（T＋13桁）",
        "{key}: {value:q} is not an invoice registration number: T and 13 digits",
    ),
    "problem.invoice-number.check-digit": (
        "{key}: {value:q} のチェックディジットが誤っています（先頭は {expected} のはず）。番号を確認してください",
        "{key}: {value:q} has a wrong check digit (its first digit should be {expected}); check the number",
    ),
    "problem.ref-partner": (
        "パートナー {ref:q} がありません（partners/{ref}.yaml）",
        "no partner {ref:q} (expected partners/{ref}.yaml)",
    ),
    "problem.ref-partner.twice": (
        "パートナー {ref:q} が二重に書かれています",
        "partner {ref:q} is listed twice",
    ),
    "problem.ref-contract": (
        "契約 {ref:q} がありません（contracts/{ref}.yaml）",
        "no contract {ref:q} (expected contracts/{ref}.yaml)",
    ),
    "problem.contract-partner": (
        "契約 {ref:q} はパートナー {owner:q} のもので、{partner:q} のものではありません",
        "contract {ref:q} belongs to partner {owner:q}, not {partner:q}",
    ),
    "problem.contract-partner.meeting": (
        "契約 {ref:q} のパートナー {owner:q} がこの会議の partners にいません",
        "contract {ref:q} belongs to partner {owner:q}, who is not among this meeting's partners",
    ),
    "problem.fee-rule.missing": (
        "契約 {ref:q} に {kind:q} 紹介の手数料規定（fees.{kind}）がありません",
        "contract {ref:q} has no fee rule for {kind:q} referrals (fees.{kind})",
    ),
    "problem.fee-rule.one-of": (
        "fees.{kind}: rate と fixed のどちらか一方だけを書いてください",
        "fees.{kind}: give exactly one of rate or fixed",
    ),
    "problem.fee-rule.rate-only": (
        "{name:q} は rate の規定にだけ使えます（fixed には使えません）",
        "{name:q} applies only to a rate, not to a fixed fee",
    ),
    "problem.fee-rule.months-deal": (
        "basis: deal では months は使われません",
        "months has no effect with basis: deal",
    ),
    "problem.auto-renew-term": (
        "auto_renew には term（更新期間、例: term: 1y）が必要です",
        "auto_renew needs a term (the length of each renewal, e.g. term: 1y)",
    ),
    "problem.auto-renew-term.zero": (
        "term（更新期間）は 0 より長くしてください",
        "term must be longer than zero",
    ),
    "problem.auto-renew-term.short": (
        "更新期間が {days} 日より短い契約は扱えません（1y の誤り？）",
        "a renewal term shorter than {days} days is not one (1y meant?)",
    ),
    "problem.auto-renew-term.no-end": (
        "end がないため auto_renew は効きません（期間の定めのない契約は更新されません）",
        "auto_renew has no effect without end (an open-ended contract never renews)",
    ),
    "problem.auto-renew-term.unused": (
        "term は auto_renew: true のときだけ使われます",
        "term is only used with auto_renew: true",
    ),
    "problem.date-order.end": (
        "end {end} が start {start} より前です",
        "end {end} is before start {start}",
    ),
    "problem.date-order.signed": (
        "signed {signed} が start {start} より後です",
        "signed {signed} is after start {start}",
    ),
    "problem.date-order.deal": (
        "成約日 {signed} が紹介日 {referred} より前です",
        "deal signed {signed} is before the referral {referred}",
    ),
    "problem.date-order.payment": (
        "入金日 {date} が成約日 {signed} より前です",
        "payment on {date} is before the deal was signed ({signed})",
    ),
    "problem.date-order.cancelled": (
        "解約日 {cancelled} が成約日 {signed} より前です",
        "cancelled {cancelled} is before the deal was signed ({signed})",
    ),
    "problem.date-order.lost": (
        "失注日 {lost} が紹介日 {referred} より前です",
        "lost {lost} is before the referral {referred}",
    ),
    "problem.date-order.after-cancel": (
        "入金日 {date} が解約日 {cancelled} より後です（この入金に手数料は発生しません）",
        "payment on {date} is after the cancellation ({cancelled}): it earns no fees",
    ),
    "problem.date-order.next": (
        "next {next} が会議日 {date} より前です",
        "next {next} is before the meeting itself ({date})",
    ),
    "problem.withholding": (
        "源泉徴収は個人が対象です。このパートナーは法人です（entity）",
        "withholding applies to individuals; this partner is a corporation (entity)",
    ),
    "problem.withholding-kind": (
        "withholding: true は fee（報酬・料金として 10.21%）と読みます。紹介料は通常は源泉徴収しません（none）。"
        "実態に合わせて none・fee・salesperson（外交員報酬）のいずれかを書いてください",
        "withholding: true is read as fee (10.21% as a 報酬); a referral fee is usually not withheld (none). "
        "Write none, fee or salesperson (外交員報酬) as the payments really are",
    ),
    "problem.payout-deadline": (
        "{settings} の payout では {month} 分の手数料を {pay_on} に支払います。個人への支払いは {deadline} まで"
        "（発生月の翌月末、60日以内: フリーランス法4条）に行う必要があります",
        "{settings}'s payout pays the fees of {month} on {pay_on}; an individual must be paid by {deadline} "
        "(the end of the month after, within 60 days: フリーランス法 4条)",
    ),
    "problem.corporate-number.format": (
        "{key}: {value:q} は法人番号ではありません（13桁の数字）",
        "{key}: {value:q} is not a corporate number: 13 digits",
    ),
    "problem.corporate-number.check-digit": (
        "{key}: {value:q} のチェックディジットが誤っています（先頭は {expected} のはず）。番号を確認してください",
        "{key}: {value:q} has a wrong check digit (its first digit should be {expected}); check the number",
    ),
    "problem.credit.list": (
        "{key}: {{from: 日付, percent: 割合}} のリストにしてください",
        "{key}: write a list of {{from: DATE, percent: N%}}",
    ),
    "problem.credit.step": (
        "{key}: {n} 番目は from と percent の2つのキーだけを持つ対応表にしてください",
        "{key}: item {n} must have exactly the keys from and percent",
    ),
    "problem.credit.order": (
        "{key}: from の日付は古い順に、重ならないように並べてください",
        "{key}: the from dates must be in order, each after the one before",
    ),
    "problem.deal-missing": (
        "{status} の紹介には deal（signed, amount）が必要です",
        "a {status} referral needs deal (signed, amount)",
    ),
    "problem.deal-missing.amount": (
        "deal に amount（成約額）が必要です（契約の手数料が成約額に対する料率のため）",
        "deal needs amount: its contract's fee is a rate on the deal",
    ),
    "problem.deal-missing.payments": (
        "{status} の紹介の入金には手数料が発生しません",
        "payments on a {status} referral earn no fees",
    ),
    "problem.cancelled-date": (
        "cancelled の紹介には解約日（cancelled: YYYY-MM-DD）が必要です",
        "a cancelled referral needs the date it was cancelled (cancelled: YYYY-MM-DD)",
    ),
    "problem.cancelled-date.status": (
        "cancelled がありますが status は {status} です",
        "cancelled is set but status is {status}",
    ),
    "problem.document.missing": (
        "document: {document:q} がワークスペースにありません",
        "document: {document:q} is not in the workspace",
    ),
    "problem.document.outside": (
        "document: {document:q} はワークスペースの外を指しています（ワークスペース内の相対パスで書いてください）",
        "document: {document:q} points outside the workspace (write a path relative to it)",
    ),
    "problem.meeting-year": (
        "{year} 年の会議は {expected} に置いてください",
        "a meeting of {year} belongs in {expected}",
    ),
    "problem.payout-year": (
        "{year} 年の支払いは {expected} に置いてください",
        "a payout of {year} belongs in {expected}",
    ),
    "problem.date.month": (
        "{key}: {value:q} は月ではありません。YYYY-MM で書いてください",
        "{key}: {value:q} is not a month; write YYYY-MM",
    ),
    "problem.money.zero": (
        "{key}: 金額は 1 円以上にしてください",
        "{key}: the amount must be more than 0",
    ),
    "problem.bank.digits": (
        "{key}: {value:q} は {width} 桁の数字ではありません",
        "{key}: {value:q} is not {width} digits",
    ),
    "problem.bank.account-number": (
        "{key}: {value:q} は口座番号（7 桁までの数字）ではありません",
        "{key}: {value:q} is not an account number (up to 7 digits)",
    ),
    "problem.bank.character": (
        "{key}: {value:q} の {char:q} は銀行が受け付けない文字です（使えるのはカナ・英大文字・数字・スペースと ( ) - . だけです）",
        "{key}: {value:q} holds {char:q}, which banks refuse (only kana, capital letters, digits, the space and ( ) - . are taken)",
    ),
    "problem.bank.name-long": (
        "{key}: {value:q} は銀行の形（{converted}）で {width} 文字を超えます。銀行に届けた略称で書いてください",
        "{key}: {value:q} is over {width} characters as a bank writes it ({converted}); use the short form the bank holds",
    ),
    "problem.bank.name": (
        "{key}: 名義を書いてください",
        "{key}: give the name",
    ),
    "problem.bank.unknown-bank": (
        "bank: 金融機関コード {bank:q} は全銀の一覧にありません",
        "bank: bank code {bank:q} is not in the 全銀 list of banks",
    ),
    "problem.bank.unknown-branch": (
        "branch: 支店コード {branch:q} は {name}（{bank}）の支店にありません",
        "branch: branch code {branch:q} is no branch of {name} ({bank})",
    ),
    "problem.duplicate-payout": (
        "{partner} の {month} 分の支払いが二重に記録されています: このファイルと {first}",
        "the payment of {partner}'s {month} is recorded twice: in this file and in {first}",
    ),
    "problem.payout-statement": (
        "{partner} には {month} 分の明細がありません（その月の紹介手数料がありません）",
        "{partner} has no statement for {month} (no fees that month)",
    ),
    "problem.payout-mismatch": (
        "amount: {amount} は {month} 分の差引支払額 {payable} と違います（一部の支払い、または記録の後で明細が変わりました）",
        "amount: {amount} differs from {month}'s payable, {payable} (paid in part, or the statement changed after)",
    ),
    "problem.time-year": (
        "{year} 年の時間の記録は {expected} に置いてください",
        "a time log of {year} belongs in {expected}",
    ),
    "problem.time-entry.one-of": (
        "hours と minutes のどちらか一方を書いてください",
        "give exactly one of hours and minutes",
    ),
    "problem.time-entry.month": (
        "date: {date} はこのファイルの月（{month}）の日付ではありません",
        "date: {date} is not a day of this file's month ({month})",
    ),
    "problem.automation.retired-missing": (
        "終了した自動化には終了日（retired）が必要です",
        "a retired automation needs the day it was retired (retired:)",
    ),
    "problem.automation.retired-status": (
        "retired（終了日）は status: retired のときだけ書きます",
        "retired: is for an automation whose status is retired",
    ),
    "problem.automation.retired-order": (
        "retired: {retired} は使用開始日 {since} より前です",
        "retired: {retired} is before it was in use, {since}",
    ),
    "problem.automation.order": (
        "測定は古い順に書いてください（{date} が {before} の後にあります）",
        "measurements go oldest first ({date} comes after {before})",
    ),
    "problem.payout-refund": (
        "amount: 返金 {amount} は {partner} の {month} 時点の返還額 {owed} を超えています（超えた分は手数料になってしまいます）",
        "amount: a refund of {amount} is more than {partner} owed back in {month}, {owed} (the rest would become fees)",
    ),
    "problem.contract-owner.both": ("契約はパートナー（partner:）か委託先（vendor:）のどちらか一方のものです",
                                    "a contract is a partner's (partner:) or a vendor's (vendor:), not both"),
    "problem.contract-owner.none": ("partner: か vendor: を書いてください", "give partner: or vendor:"),
    "problem.contract-owner.vendor-type": (
        "type: 委託先との契約は outsourcing か nda です（{type:q} ではなく）",
        "type: a vendor's contract is outsourcing or nda, not {type:q}",
    ),
    "problem.contract-owner.partner-type": (
        "type: outsourcing（業務委託）は委託先（vendor:）との契約です",
        "type: outsourcing is a contract with a vendor (vendor:)",
    ),
    "problem.deliverable.twice": ("成果物の id {ref:q} が二重です", "deliverable id {ref:q} is used twice"),
    "problem.deliverable.undelivered": ("accepted（検収）には delivered（納品日）が必要です",
                                        "accepted needs delivered"),
    "problem.deliverable.order": ("accepted: {accepted} は納品日 {delivered} より前です",
                                  "accepted: {accepted} is before it was delivered, {delivered}"),
    "problem.deliverable.quality": ("quality（品質）は検収（accepted）のときにつけます",
                                    "quality is given at acceptance: add accepted"),
    "problem.sourcing.weights": ("基準の重みの合計が {total} です（ちょうど 100% にしてください）",
                                 "the criteria's weights come to {total}, not exactly 100%"),
    "problem.sourcing.twice": ("委託先 {ref:q} が候補に二重に書かれています", "vendor {ref:q} is a candidate twice"),
    "problem.sourcing.missing-score": ("{ref} に基準 {criterion:q} の点がありません（1〜5）",
                                       "{ref} has no score for {criterion:q} (1 to 5)"),
    "problem.sourcing.unknown-criterion": ("基準 {criterion:q} は criteria にありません",
                                           "{criterion:q} is not one of the criteria"),
    "problem.sourcing.not-candidate": ("decision: {ref:q} は候補ではありません",
                                       "decision: {ref:q} is not one of the candidates"),
    "problem.sourcing.undecided": ("status: decided には decision（選んだ委託先・日付・理由）が必要です",
                                   "status: decided needs the decision (vendor, date, reason)"),
    "problem.vendor-poor": ("{ref} は評価が poor の委託先です（納期・品質を確認してください）",
                            "{ref}'s standing is poor (check its deliveries and quality)"),
    "problem.ref-vendor": ("委託先 {ref:q} がありません（vendors/{ref}.yaml）", "no vendor {ref:q} (expected vendors/{ref}.yaml)"),
    "problem.ref-vendor.twice": ("委託先 {ref:q} が二重に書かれています", "vendor {ref:q} is listed twice"),
    "problem.id.key": (
        "{key}: {value:q} は名前として使えません。英小文字で始め、英小文字・数字・'_'・'-' で 64 文字以内にしてください",
        "{key}: {value:q} is no name for a key: a lowercase letter, then lowercase letters, digits, _ or -, at most 64",
    ),
    "problem.school.pass-level": ("pass_level が levels（{levels}）を超えています", "pass_level is above levels ({levels})"),
    "problem.school.assignment": ("課題 {ref:q} はコース {course} にありません", "{ref:q} is no assignment of course {course}"),
    "problem.school.criteria": ("levels には課題の基準をちょうど書いてください: {criteria}",
                                "levels must give exactly the assignment's criteria: {criteria}"),
    "problem.school.level": ("レベル {level} はコースの段階（1〜{levels}）を超えています",
                             "level {level} is above the course's scale (1 to {levels})"),
    "problem.school.referral-kind": ("紹介 {ref:q} は受講生紹介（kind: student）ではありません",
                                     "referral {ref:q} is no student referral (kind: student)"),
    "problem.school.referral-twice": ("紹介 {ref:q} は受講生 {other} にも使われています",
                                      "referral {ref:q} already brought student {other}"),
    "problem.school.number-year": ("番号の年が発行日の年（{year}）と違います", "the number's year is not the year issued ({year})"),
    "problem.school.certified-twice": ("この受講生とコースの修了証は {other} で発行済みです",
                                       "this student and course were certified already: {other}"),
    "problem.school.certificate-course": ("受講生のコースは {course} です", "the student's course is {course}"),
    "problem.school.no-longer-eligible": ("受講生 {ref} は、いまは修了の条件を満たしていません",
                                          "student {ref} no longer meets the conditions"),
    "problem.id.certificate": ("{key}: {value:q} は修了証の番号ではありません（haru-YYYY-NNNN）",
                               "{key}: {value:q} is no certificate number (haru-YYYY-NNNN)"),
    "problem.ref-course": ("コース {ref:q} がありません（courses/{ref}.yaml）", "no course {ref:q} (expected courses/{ref}.yaml)"),
    "problem.ref-referral": ("紹介 {ref:q} がありません（referrals/{ref}.yaml）", "no referral {ref:q} (expected referrals/{ref}.yaml)"),
    "problem.ref-student": ("受講生 {ref:q} がありません（students/{ref}.yaml）", "no student {ref:q} (expected students/{ref}.yaml)"),
    "problem.certificate-year": ("{year} 年の修了証は {expected} に置いてください", "a certificate of {year} belongs in {expected}"),
    "problem.project.contract": ("契約 {ref:q} は {owner} のもので、このプロジェクトのパートナーのものではありません",
                                 "contract {ref:q} is {owner}'s, not one of the project's partners'"),
    "problem.project.done-before": ("done: {done} はプロジェクトの開始日 {start} より前です",
                                    "done: {done} is before the project started, {start}"),
    "problem.project.meeting": ("プロジェクト {ref:q} のパートナーが、この会議のパートナーにいません",
                                "none of project {ref:q}'s partners is a partner of this meeting"),
    "problem.opportunity.order": ("history の日付は古い順に書いてください（{date} が {before} の後にあります）",
                                  "history goes oldest first ({date} comes after {before})"),
    "problem.opportunity.stage": ("stage: {stage} が history の最後の段階 {last} と違います",
                                  "stage: {stage} is not the last stage of history, {last}"),
    "problem.opportunity.dropped": ("dropped にした理由を history の最後の note に書いてください",
                                    "a dropped opportunity says why: a note on its last history entry"),
    "problem.ref-project": ("プロジェクト {ref:q} がありません（projects/{ref}.yaml）",
                            "no project {ref:q} (expected projects/{ref}.yaml)"),
    "problem.school.assignment-twice": ("課題の id {ref:q} が二重です", "assignment id {ref:q} is used twice"),
    "problem.school.criterion-twice": ("同じ基準が二度書かれています", "a criterion is listed twice"),
    "problem.school.not-eligible": ("受講生 {ref} は発行日 {day} の時点で修了の条件を満たしていません",
                                    "student {ref} did not meet the conditions on the day issued, {day}"),
    "problem.duplicate-entry.payments": (
        "payments.{n} は payments.{first} と日付・金額が同じです（二重に記録していませんか）",
        "payments.{n} has the date and amount of payments.{first} (recorded twice?)"),
    "problem.duplicate-entry.entries": (
        "entries.{n} は entries.{first} と日付・時間・領域・メモが同じです（二重に記録していませんか）",
        "entries.{n} has the date, time, area and note of entries.{first} (recorded twice?)"),
    "problem.duplicate-entry.evaluations": (
        "evaluations.{n} は evaluations.{first} と課題・日付が同じです（二重に記録していませんか）",
        "evaluations.{n} has the assignment and date of evaluations.{first} (recorded twice?)"),
    "problem.duplicate-entry.actions": (
        "actions.{n} は actions.{first} とやること・担当・期限が同じです（二重に記録していませんか）",
        "actions.{n} has the task, owner and due date of actions.{first} (recorded twice?)"),
    "problem.duplicate-entry.measurements": (
        "measurements.{n} は measurements.{first} と日付・時間・回数が同じです（二重に記録していませんか）",
        "measurements.{n} has the date, minutes and runs of measurements.{first} (recorded twice?)"),
    "problem.skipped-dependency": (
        "{skipped} が読み込めないため確かめられません（{code}）: 先にそのファイルを直してください",
        "cannot be checked while {skipped} is skipped ({code}): fix that file first"),
    "problem.internal-check": (
        "検査 {check} が内部エラーで止まりました（{error}）。他の検査は続けました。haru の不具合として報告してください",
        "check {check} failed with an internal error ({error}); the other checks went on. Please report this bug in haru"),
}
