"""The files `haru init` writes whose words depend on the language: the commented haru.yaml and the data
repository's README (`file.<name>`, placeholders {company} and {locale})."""

from __future__ import annotations

FILES: dict[str, tuple[str, str]] = {
    "file.haru_yaml": (
        """\
# yaml-language-server: $schema=schemas/haru.schema.json
# haru のワークスペース設定。すべて省略可能で、書かれていない項目は既定値になります。
company: {company}
locale: {locale}                  # 表示言語: ja | en
fiscal_year_start: 4       # 事業年度の開始月（1〜12）
tax:
  rate: 10%                # 紹介手数料にかかる消費税率
  rounding: floor          # 端数処理: floor | half_up | ceil（明細書ごとに 1 回・インボイス制度）
payout:                    # 紹介手数料の支払日（既定: 月末締め翌月末払い）
  month_offset: 1          # 発生月の何か月後に支払うか
  day: end                 # end（月末）| 1〜28
  shift: previous          # 土日・祝日・12/31〜1/3 の場合: previous（前営業日）| next（翌営業日）
reminders:
  feedback_window: 60d     # 更新節目の何日前までの顧客フィードバック面談を「実施済み」とするか
""",
        """\
# yaml-language-server: $schema=schemas/haru.schema.json
# haru workspace settings. Every key is optional; what is left out takes its default.
company: {company}
locale: {locale}                  # language of output: ja | en
fiscal_year_start: 4       # first month (1-12) of the fiscal year
tax:
  rate: 10%                # consumption tax on referral fees
  rounding: floor          # floor | half_up | ceil, once per statement (qualified invoices)
payout:                    # when referral fees are paid (default: month-end close, paid a month later)
  month_offset: 1          # months after the month the fees arose in
  day: end                 # end | 1-28
  shift: previous          # off weekends, holidays and 12/31-1/3: previous | next business day
reminders:
  feedback_window: 60d     # a feedback hearing this long before a renewal milestone counts for it
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
