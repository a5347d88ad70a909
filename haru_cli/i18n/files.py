"""The files `haru init` writes whose words depend on the language: the commented haru.yaml and the data
repository's README (`file.<name>`, placeholders {company} and {locale})."""

from __future__ import annotations

FILES: dict[str, tuple[str, str]] = {
    "file.haru_yaml": (
        """\
# yaml-language-server: $schema=schemas/haru.schema.json
# haru のワークスペース設定。すべて省略可能で、書かれていない項目は既定値になります。
# 「# 」で始まる項目はまだ設定されていません。値を自社のものに書き換え、行頭の「# 」を外すと有効になります。
company: {company}         # 会社名（レポート・支払明細書・支払調書に表示）
# address: 東京都千代田区千代田1-1  # 会社の所在地（支払調書の支払者欄）
# corporate_number: "7000012050002"  # 法人番号（13桁。支払調書の支払者欄）
locale: {locale}           # 表示言語: ja | en
fiscal_year_start: 4       # 事業年度の開始月（1〜12）
tax:
  rate: 10%                # 紹介手数料にかかる消費税率
  rounding: floor          # 端数処理: floor | half_up | ceil（明細書ごとに 1 回・インボイス制度）
  # unregistered_credit:   # 登録番号のないパートナーへの手数料で控除できる消費税の割合（省略時は法令の経過措置）
  #   - {{from: 2026-10-01, percent: 70%}}  # この日から（古い順に並べる）
payout:                    # 紹介手数料の支払日（既定: 月末締め翌月末払い）
  month_offset: 1          # 発生月の何か月後に支払うか
  day: end                 # end（月末）| 1〜28
  shift: previous          # 土日・祝日・12/31〜1/3 の場合: previous（前営業日）| next（翌営業日）
reminders:
  feedback_window: 60d     # 更新節目の何日前までの顧客フィードバック面談を「実施済み」とするか
  # alarm: 7d              # カレンダー（.ics）の予定に何日前の通知を付けるか
# bank:                    # HaRu の口座（総合振込の振込元。haru fees transfer に必要）
#   bank: "0001"           # 金融機関コード（4桁）
#   branch: "001"          # 支店コード（3桁）
#   type: ordinary         # 預金種目: ordinary（普通）| current（当座）| savings（貯蓄）
#   number: "0000001"      # 口座番号（7桁まで）
#   holder: カ）ハル       # 口座名義（銀行の登録どおりのカナ）
# transfer:                # 総合振込の委託者（銀行との契約で通知されます。haru fees transfer に必要）
#   requester_code: "0000000001"  # 委託者コード（10桁）
#   requester_name: カ）ハル  # 委託者名（カナ）
# time:                    # 社長の時間の優先順位（haru time report に表示）
#   targets: {{consulting: 35%, school: 20%, product: 15%, marketing: 10%, partners: 15%, admin: 5%}}  # 記録した時間に占める目標の割合（合計 100% 以下）
# accounts:                # haru fees journal の勘定科目（会計ソフトでの科目名に合わせる。既定値は次のとおり）
#   fees: 支払手数料       # 紹介手数料（消費税込み）
#   payable: 未払金        # 支払うまでの手数料
#   withholding: 預り金    # 源泉徴収した所得税（納付するまで）
#   bank: 普通預金         # 支払元の口座（freee では口座名）
""",
        """\
# yaml-language-server: $schema=schemas/haru.schema.json
# haru workspace settings. Every key is optional; what is left out takes its default.
# Keys behind "# " are not set yet: write your own values, then remove the "# " to set them.
company: {company}         # the company's name, in reports, statements and annual payment records
# address: 1-1 Chiyoda, Chiyoda-ku, Tokyo  # the company's address (the payer on the annual payment record)
# corporate_number: "7000012050002"  # the company's corporate number, 13 digits (the same)
locale: {locale}           # language of output: ja | en
fiscal_year_start: 4       # first month (1-12) of the fiscal year
tax:
  rate: 10%                # consumption tax on referral fees
  rounding: floor          # floor | half_up | ceil, once per statement (qualified invoices)
  # unregistered_credit:   # tax deductible on fees of partners without an invoice number (default: the law's table)
  #   - {{from: 2026-10-01, percent: 70%}}  # from this day on (oldest first)
payout:                    # when referral fees are paid (default: month-end close, paid a month later)
  month_offset: 1          # months after the month the fees arose in
  day: end                 # end | 1-28
  shift: previous          # off weekends, holidays and 12/31-1/3: previous | next business day
reminders:
  feedback_window: 60d     # a feedback hearing this long before a renewal milestone counts for it
  # alarm: 7d              # calendar (.ics) events remind this long before them
# bank:                    # HaRu's own account, the transfer's sending side (needed by haru fees transfer)
#   bank: "0001"           # bank code, 4 digits
#   branch: "001"          # branch code, 3 digits
#   type: ordinary         # ordinary | current | savings
#   number: "0000001"      # account number, up to 7 digits
#   holder: カ）ハル       # account holder, in kana as the bank holds it
# transfer:                # the bulk transfer's requester, as HaRu's bank gives it (needed by haru fees transfer)
#   requester_code: "0000000001"  # requester code, 10 digits
#   requester_name: カ）ハル  # requester name, in kana
# time:                    # the CEO's priorities (shown by haru time report)
#   targets: {{consulting: 35%, school: 20%, product: 15%, marketing: 10%, partners: 15%, admin: 5%}}  # target shares of the logged hours, 100% at most
# accounts:                # the accounts of haru fees journal, as your accounting software names them (defaults shown)
#   fees: 支払手数料       # the fees, with their consumption tax
#   payable: 未払金        # what is owed until it is paid
#   withholding: 預り金    # income tax withheld, until it is paid to the tax office
#   bank: 普通預金         # the account the money moves from (freee: its name there)
""",
    ),
    "file.readme": (
        """\
# {company} — パートナー連携データ

外部パートナーとの連携（パートナー・契約・会議・紹介）を YAML で管理するリポジトリです。
コマンドラインツール haru で読み書きします。

```sh
haru new partner 株式会社ウエダ --id ueda --kana ウエダ --contact 上田 --cadence monthly
haru new meeting ウエダ --kind regular --minutes 60 --summary "定例会"
haru validate                  # コミット前の検査（pre-commit が自動で実行します）
haru partner show ウエダ
haru renewals --due 30d
```

- `partners/`, `contracts/`, `meetings/<年>/`, `referrals/`: 1 レコード 1 ファイル（ファイル名 = id）
- `schemas/`: エディタの補完・ホバー用 JSON Schema（`haru schema --out schemas` で再生成）
- `pre-commit install` で、壊れたファイルのコミットを防ぐフックが有効になります。
""",
        """\
# {company} — partner collaboration data

Partners, contracts, meeting logs and referrals, one YAML file each, read and written with
the command-line tool haru.

```sh
haru new partner "Ueda Logistics" --id ueda --contact Ueda --cadence monthly
haru new meeting ueda --kind regular --minutes 60 --summary "monthly meeting"
haru validate                  # run by pre-commit before every commit
haru partner show ueda
haru renewals --due 30d
```

- `partners/`, `contracts/`, `meetings/<year>/`, `referrals/`: one record per file (file name = id)
- `schemas/`: JSON Schemas for editors (`haru schema --out schemas` writes them again)
- `pre-commit install` turns on the hook that refuses a commit with a broken file.
""",
    ),
}
