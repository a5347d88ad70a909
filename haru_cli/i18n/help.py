"""`--help` of every command and option, in Japanese and English: `help.<command path>` for a command,
`help.<command path>.<parameter>` for its options and arguments, `help.option.<parameter>` for an option
many commands share, `help.word.*` for Click's own words on a help page."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # Click's words
    "help.word.usage": ("使い方:", "Usage:"),
    "help.word.options": ("オプション", "Options"),
    "help.word.arguments": ("引数", "Arguments"),
    "help.word.commands": ("コマンド", "Commands"),
    # shared options
    "help.option.help": ("このヘルプを表示して終了します。", "Show this message and exit."),
    "help.option.fmt": (
        "出力形式: table（既定）、json、csv（BOM 付き UTF-8）、md。",
        "table (default), json, csv (UTF-8 with BOM) or md.",
    ),
    "help.option.output": ("この新しいファイルに書き出します（上書きしません）。", "Write to this new file (never overwrites)."),
    "help.option.template_file": ("この Jinja テンプレートで出力します。", "Render with this Jinja template instead."),
    "help.option.wareki": ("日付を和暦で書きます（令和8年11月27日）。", "Japanese dates in the era calendar (令和8年11月27日)."),
    "help.option.record_id": ("レコードの id（既定: オプションから作ります）。", "The record's id (default: made from the options)."),
    "help.option.edit": ("書き込む前に $EDITOR で仕上げます。", "Finish the record in $EDITOR before it is written."),
    "help.option.again": (
        "同じ内容がすでに記録されていても、もう一件として書き込みます（二重記録ではない場合）。",
        "Record it even though the same is recorded already (when it is no double entry).",
    ),
    "help.option.dry_run": ("書き込まずに YAML を表示します。", "Print the YAML instead of writing it."),
    "help.option.query": (
        "パートナー（id・名前・よみ・別名・担当者名）。",
        "The partner (id, name, reading, alias or contact).",
    ),
    "help.option.month": ("対象月（YYYY-MM、既定: 前月）。", "The month, YYYY-MM (default: the previous month)."),
    "help.option.partner": ("このパートナーだけ（id・名前・よみ・別名・担当者名）。", "Only this partner (any QUERY form)."),
    "help.option.due": ("今日からの期間: 30d、2w、3m、30日 …", "Window from today: 30d, 2w, 3m, 30日 ..."),
    # haru
    "help.haru": (
        "株式会社HaRu の外部パートナー連携（パートナー・契約・会議・紹介・紹介手数料）を YAML で管理します。\n\n"
        "例: haru partner show ウエダ",
        "株式会社HaRu's partner collaboration (partners, contracts, meetings, referrals, fees) as YAML.\n\n"
        "Example: haru partner show ウエダ",
    ),
    "help.haru.data": ("ワークスペースのフォルダ（既定: 上方向で最も近い haru.yaml）。",
                       "Workspace folder (default: nearest haru.yaml upwards)."),
    "help.haru.today": ("この日を今日として扱います。", "Treat this date as today."),
    "help.haru.lang": ("出力の言語（既定: ワークスペースの locale）。", "Language of output (default: the workspace's locale)."),
    "help.haru.no_cache": ("パースキャッシュ（.haru-cache/）を使わずにすべて読み直します。保存した答えも使いません。",
                           "Read every file again instead of the parse cache in .haru-cache/, and print no "
                           "answer kept there."),
    "help.haru.version": ("バージョンを表示して終了します。", "Show the version and exit."),
    # validate
    "help.validate": (
        "ワークスペースのすべてのファイルと参照を検査します。\n\n"
        "問題 1 件につき 1 行 `path:line:column: error[CODE] message`、最後に集計。誤りがなければ終了コード 0"
        "（--strict でなければ警告は可）、誤りがあれば 1。\n\n例: haru validate --strict",
        "Check every file and every reference of the workspace.\n\n"
        "One line per problem, `path:line:column: error[CODE] message`, then a summary. Exit 0 when clean "
        "(warnings allowed unless --strict), 1 when any error.\n\nExample: haru validate --strict",
    ),
    "help.validate.paths": (
        "これらのファイル・フォルダの問題だけを表示します（読み込むのはワークスペース全体です）。",
        "Report only problems in these files or folders (the whole workspace is still loaded).",
    ),
    "help.validate.strict": ("警告でも失敗にします。", "Fail on warnings too."),
    "help.validate.staged": (
        "作業中のファイルではなく、git にステージされた内容を検査します（コミットされるもの）。",
        "Check what git has staged (what a commit will hold), not the working files.",
    ),
    "help.validate.fmt": ("text（1 件 1 行）または json。", "text (one line per problem) or json."),
    # partner
    "help.partner": ("パートナー: 一覧、または 1 社のすべて。", "Partners: list them, or show everything about one."),
    "help.partner.list": (
        "よみ順に 1 社 1 行: 状態、定例、最終会議、次回定例（超過は印付き）、有効な契約。\n\n"
        "例: haru partner list --status active",
        "One row per partner, sorted by reading: status, cadence, last meeting, next regular meeting "
        "(overdue marked), active contracts.\n\nExample: haru partner list --status active",
    ),
    "help.partner.list.status": ("この状態のパートナーだけ。", "Only partners with this status."),
    "help.partner.show": (
        "1 社のすべて: プロフィール、連絡先、契約と次の期日、直近の会議、未完了のアクション、紹介、時間。\n\n"
        "例: haru partner show ウエダ",
        "Everything about one partner: profile, contacts, contracts with their next dates, recent meetings, "
        "open actions, referrals, hours spent.\n\nExample: haru partner show ウエダ",
    ),
    "help.partner.show.query": ("id・名前・よみ・別名・担当者名（上田、うえだ、ｳｴﾀﾞ）。",
                                "Id, name, reading, alias or contact (上田, ueda)."),
    # contract
    "help.contract": ("契約: 一覧、または 1 件。", "Contracts: list them, or show one."),
    "help.contract.list": (
        "契約と、現在の期間満了日・解約予告期限（民法143条の数え方）。\n\n例: haru contract list --partner ウエダ --status active",
        "Contracts with their current term end and notice deadline (counted as 民法143条 counts).\n\n"
        "Example: haru contract list --partner ウエダ --status active",
    ),
    "help.contract.list.type_": ("この種別の契約だけ。", "Only contracts of this type."),
    "help.contract.list.status": ("この状態の契約だけ。", "Only contracts in this status."),
    "help.contract.show": ("1 件の契約: 条件、更新の期日、手数料規定、本文。\n\n例: haru contract show ueda-consulting-2026",
                           "One contract: its terms, renewal dates, fee rules and text.\n\n"
                           "Example: haru contract show ueda-consulting-2026"),
    "help.contract.show.contract_id": ("契約（id・タイトル・パートナー名）。", "The contract (id, title or its partner's name)."),
    # dated
    "help.renewals": (
        "現在の期間満了日か解約予告期限が期間内にある有効な契約と、期限切れの契約（先に来る日付順）。\n\n"
        "例: haru renewals --due 30d",
        "Active contracts whose current term end or notice deadline falls within the window, plus expired "
        "ones, the earliest date ahead first.\n\nExample: haru renewals --due 30d",
    ),
    "help.renewals.fmt": ("table（既定）、json、csv、md、ics（iCalendar）。", "table (default), json, csv, md, or ics (iCalendar)."),
    "help.feedback": (
        "今日から期間末までの顧客フィードバックの節目（実施済み・予定）と、同じ期間さかのぼった未実施のもの。\n\n"
        "例: haru feedback --due 30d",
        "Every feedback milestone from today to the window's end (held or due), and the ones of the same "
        "span back that were not held (overdue).\n\nExample: haru feedback --due 30d",
    ),
    "help.feedback.fmt": ("table（既定）、json、csv、md、ics（iCalendar）。", "table (default), json, csv, md, or ics (iCalendar)."),
    "help.upcoming": (
        "期間内の解約予告期限・期間満了・フィードバック面談・定例会・未完了のアクション・紹介手数料の支払。"
        "超過したものが先。\n\n例: haru upcoming --within 14d --format ics > haru.ics",
        "Notice deadlines, term ends, feedback hearings, regular meetings due, open action items and fee "
        "payouts within the window; overdue items first.\n\nExample: haru upcoming --within 14d --format ics > haru.ics",
    ),
    "help.upcoming.within": ("今日からの期間: 14d、2w、1m、14日 …", "Window from today: 14d, 2w, 1m, 14日 ..."),
    "help.upcoming.fmt": ("table（既定）、json、csv、md、ics（iCalendar）。", "table (default), json, csv, md, or ics (iCalendar)."),
    # fees
    "help.fees": ("紹介手数料: 税・源泉徴収・支払日つきの月次明細、支払いの記録、振込ファイル、年間の集計。",
                  "Referral fees: monthly statements with tax, withholding and pay dates; payments; the bank file; the year."),
    "help.fees.calc": (
        "その月の各パートナーの明細: 明細行、繰越、小計、消費税、源泉徴収、差引支払額、支払日、合計。CSV は明細 1 件 1 行。\n\n"
        "例: haru fees calc --month 2026-10",
        "Each partner's statement for the month: lines, carried-in balance, subtotal, consumption tax, "
        "withholding, payable and pay date; then the total. CSV gives one row per statement.\n\n"
        "Example: haru fees calc --month 2026-10",
    ),
    "help.fees.statement": (
        "1 社 1 か月の支払明細書（Markdown、templates/fees_statement.md.j2）。\n\n"
        "例: haru fees statement ウエダ --month 2026-10 -o 2026-10-ueda.md",
        "One partner's 支払明細書 for a month, as Markdown (templates/fees_statement.md.j2).\n\n"
        "Example: haru fees statement ウエダ --month 2026-10 -o 2026-10-ueda.md",
    ),
    "help.fees.statement.month": ("手数料が発生した月（YYYY-MM、既定: 前月）。",
                                  "The month the fees accrued in (YYYY-MM; default: the previous month)."),
    "help.fees.pay": (
        "支払いの記録（payouts/<年>/<id>.yaml）を書きます: その月の明細の支払い（金額の既定: 差引支払額）、"
        "または --refund でパートナーからの返金（その月の明細の 1 行になります）。\n\n"
        "例: haru fees pay ウエダ --month 2026-10 --date 2026-11-30",
        "Write a payout record (payouts/<year>/<id>.yaml): the payment of a month's statement (by default its "
        "payable), or with --refund money the partner paid back (a line of that month's statement).\n\n"
        "Example: haru fees pay ウエダ --month 2026-10 --date 2026-11-30",
    ),
    "help.fees.pay.month": ("明細の月（YYYY-MM、既定: 前月）。", "The statement's month (YYYY-MM; default: the previous month)."),
    "help.fees.pay.day": ("お金が動いた日（既定: 今日）。", "The day the money moved (default: today)."),
    "help.fees.pay.amount": ("金額（支払いの既定: その月の差引支払額）。", "The amount (a payment's default: the month's payable)."),
    "help.fees.pay.refund": ("パートナーからの返金として記録します。", "Record money the partner paid back."),
    "help.fees.pay.note": ("メモ。", "A note."),
    "help.fees.unpaid": (
        "支払日を過ぎ（または今日で）、支払額があり、支払いの記録がない明細。\n\n例: haru fees unpaid",
        "Statements whose pay date has come, with something payable and no payment recorded.\n\n"
        "Example: haru fees unpaid",
    ),
    "help.fees.transfer": (
        "その月の未払いの明細の全銀協 総合振込ファイル: 振込先・金額・金融機関の一覧を表示し、"
        "-o を付けるとファイルを書きます（上書きしません）。ただし振込指定日（既定: 明細の支払日）が"
        "営業日で、その前営業日が今日以降のときだけ。\n\n例: haru fees transfer --month 2026-10 -o 2026-10.txt",
        "The 全銀 総合振込 file of the month's unpaid statements: shows the payees, amounts and banks; with -o "
        "writes the file (never over one). The transfer date is the statements' pay date (or --date), and must be a "
        "business day whose business day before is not past.\n\nExample: haru fees transfer --month 2026-10 -o "
        "2026-10.txt",
    ),
    "help.fees.transfer.month": ("明細の月（YYYY-MM、既定: 前月）。", "The statements' month (YYYY-MM; default: the previous month)."),
    "help.fees.transfer.day": ("振込指定日（YYYY-MM-DD、既定: 明細の支払日）。", "The transfer date (YYYY-MM-DD; default: the statements' pay date)."),
    "help.fees.transfer.output": ("振込ファイルを書く新しいファイル（- は標準出力）。", "The new file to write (- for standard output)."),
    "help.fees.transfer.preview": ("振込先の一覧を表示する（既定: 端末のとき、または -o のないとき）。",
                                   "Show the payees (default: on a terminal, or without -o)."),
    "help.fees.annual": (
        "暦年の紹介手数料をパートナーごとに（その年の各月に確定した明細。12月分は翌年1月払いでもその年）: 支払調書の数字。"
        "12月31日時点の未払・未徴収と、調書の提出の要否も示します。--format md は源泉徴収のあるパートナーごとの"
        "支払調書の記載内容。\n\n例: haru fees annual --year 2026 --format md",
        "A calendar year's fees per partner, by the statements of its months (December's count even when paid in "
        "January): the 支払調書 figures, with what was unpaid at 12-31 and whether the 調書 must be filed; --format md "
        "is each withheld partner's 調書 content.\n\nExample: haru fees annual --year 2026 --format md"),
    "help.fees.annual.year": ("暦年（YYYY）。既定は今年。", "The calendar year (YYYY); this year by default."),
    "help.fees.journal": (
        "その月（または暦年）の明細と支払いの仕訳を、会計ソフトのインポート用 CSV で: mf はマネーフォワード クラウド会計の"
        "仕訳帳インポート、freee は freee の取引インポート。明細は月末日に 支払手数料（税込）/ 未払金・預り金、"
        "支払いは 未払金 / 普通預金、返金はその逆。勘定科目は haru.yaml の accounts。"
        "\n\n例: haru fees journal --month 2026-10 --to mf -o 2026-10-mf.csv",
        "The journal entries of a month's (or a calendar year's) statements and payouts, as an accounting product's "
        "import CSV: mf is マネーフォワード クラウド会計's 仕訳帳 import, freee freee's 取引 import. A statement is booked "
        "on its month's last day (支払手数料 with tax against 未払金 and 預り金), a payment against 普通預金, a refund "
        "the other way; account names from haru.yaml's accounts.\n\nExample: haru fees journal --month 2026-10 "
        "--to mf -o 2026-10-mf.csv"),
    "help.fees.journal.to": ("取り込む会計ソフト: mf | freee。", "The accounting product: mf | freee."),
    "help.fees.journal.month": ("仕訳の月（YYYY-MM、既定: 前月）。", "The month (YYYY-MM; default: the previous month)."),
    "help.fees.journal.year": ("仕訳の暦年（YYYY）。", "The calendar year (YYYY)."),
    "help.fees.journal.output": ("書き出す新しいファイル（- は標準出力）。", "The new file to write (- for standard output)."),
    # report
    "help.report": ("Markdown のレポート: パートナー概要、月次レポート、定例会のアジェンダ、共同プロジェクトの進捗。",
                    "Markdown reports: partner dossier, monthly report, meeting agenda, a joint project's progress."),
    "help.report.partner": (
        "パートナー概要: プロフィール、役割とシナジー、契約と期日、会議と決定事項、未完了のアクション、"
        "フィードバック、紹介と手数料、時間。\n\n例: haru report partner ウエダ -o ueda.md",
        "A partner dossier: profile, role and synergies, contracts and their dates, meetings with their "
        "decisions, open actions, feedback received, referrals and fees, hours spent.\n\n"
        "Example: haru report partner ウエダ -o ueda.md",
    ),
    "help.report.monthly": (
        "月のまとめ: 会議、社長の時間（パートナー別・種類別、前 3 か月と比べて）、フィードバック、紹介、"
        "手数料、今後 60 日の予定（upcoming --within 60d と同じ。超過分を含む）、超過したアクション。"
        "\n\n例: haru report monthly --month 2026-10",
        "The month in review: meetings, the 社長's hours by partner and kind against the three months "
        "before, feedback heard, referrals, fees, what is due in the next 60 days (as upcoming --within 60d "
        "lists it, overdue items included), overdue actions.\n\nExample: haru report monthly --month 2026-10",
    ),
    "help.report.agenda": (
        "次の定例会のアジェンダ: 未完了のアクション、前回の定例会からの決定事項、今後の契約の期日と手数料の支払"
        "（支払済みの印つき）、紹介の状況、予定のフィードバック面談、進行中の協業機会。\n\n例: haru report agenda ウエダ",
        "The agenda of the next 定例会 with a partner: open actions, decisions since the last regular "
        "meeting, contract dates and fee payouts ahead (marked paid once paid), the referral pipeline, feedback "
        "hearings due, open opportunities.\n\nExample: haru report agenda ウエダ",
    ),
    "help.report.project": (
        "共同プロジェクトの進捗会議の資料: マイルストーン、会議の決定事項、未完了のアクション、関連するシナジー機会、"
        "時間。\n\n例: haru report project ucworld-marketing-tool",
        "The papers for a joint project's progress meeting: milestones, decisions of its meetings, open actions, "
        "the opportunities it bears on, hours.\n\nExample: haru report project ucworld-marketing-tool",
    ),
    "help.report.project.project_id": ("プロジェクト（id・タイトル・パートナー名）。",
                                       "The project (id, title or a partner's name)."),
    # new
    "help.new": ("オプションから新しいレコードを書きます（書き込む前に検査します）。",
                 "Write a new record from options (validated before anything is written)."),
    "help.new.partner": (
        "新しいパートナーのファイル partners/<id>.yaml。\n\n"
        "例: haru new partner 株式会社ウエダ --id ueda --kana ウエダ --contact 上田 --cadence monthly",
        "A new partner file partners/<id>.yaml.\n\n"
        "Example: haru new partner 株式会社ウエダ --id ueda --kana ウエダ --contact 上田 --cadence monthly",
    ),
    "help.new.partner.name": ("正式名称（例: 株式会社ウエダ）。", "The partner's legal name, e.g. 株式会社ウエダ."),
    "help.new.partner.kana": ("よみ（ウエダ）。", "Reading (ウエダ)."),
    "help.new.partner.alias": ("検索に使う別名（繰り返し可）。", "Another name to find it by (repeatable)."),
    "help.new.partner.entity": ("形態。", "Corporation or individual."),
    "help.new.partner.invoice_number": ("適格請求書発行事業者登録番号（T＋13桁）。", "Qualified invoice number: T + 13 digits."),
    "help.new.partner.withholding": (
        "個人への手数料の源泉徴収: none（紹介料の通常。既定）| fee（報酬・料金）| salesperson（契約に基づき継続して紹介する外交員）。",
        "Income tax withheld on an individual's fees: none (a referral fee, the default) | fee (a 報酬) | "
        "salesperson (refers customers continuously under contract: 外交員報酬)."),
    "help.new.partner.address": ("住所・所在地（支払調書に記載）。", "Address (for the 支払調書)."),
    "help.new.partner.status": ("状態。", "Status."),
    "help.new.partner.since": ("取引開始日（YYYY-MM-DD）。", "Partner since (YYYY-MM-DD)."),
    "help.new.partner.contact": ("キーパーソンの氏名。", "The key person's name."),
    "help.new.partner.title": ("キーパーソンの役職。", "The key person's title."),
    "help.new.partner.email": ("キーパーソンのメール。", "The key person's email."),
    "help.new.partner.phone": ("キーパーソンの電話。", "The key person's phone."),
    "help.new.partner.expertise": ("専門性（繰り返し可）。", "Expertise (repeatable)."),
    "help.new.partner.role": ("期待する役割。", "Expected role."),
    "help.new.partner.synergy": ("シナジーのコード（繰り返し可: customer_referral, case_study …）。",
                                 "A synergy code (repeatable: customer_referral, case_study ...)."),
    "help.new.partner.cadence": ("定例会の頻度。", "Rhythm of regular meetings."),
    "help.new.partner.owner": ("HaRu 側の担当。", "Who at HaRu owns the relationship."),
    "help.new.contract": (
        "新しい契約のファイル contracts/<id>.yaml（id の既定: <パートナー>-<種別>-<開始年>）。委託先との契約は"
        "パートナーの代わりに --vendor で。\n\n"
        "例: haru new contract ウエダ --type consulting --start 2026-04-01 --end 2027-03-31 --auto-renew --term 1y\n\n"
        "例（委託先）: haru new contract --vendor スタジオA --type 業務委託 --start 2026-10-01 --end 2027-03-31",
        "A new contract file contracts/<id>.yaml (id by default <partner>-<type>-<start year>); a vendor's "
        "contract takes --vendor instead of QUERY.\n\n"
        "Example: haru new contract ウエダ --type consulting --start 2026-04-01 --end 2027-03-31 --auto-renew --term 1y\n\n"
        "Example (a vendor's): haru new contract --vendor スタジオA --type outsourcing --start 2026-10-01 --end 2027-03-31",
    ),
    "help.new.contract.partner": ("契約の相手のパートナー（id・名前・よみ・別名・担当者名）。--vendor とどちらか一方。",
                                  "The partner the contract is with (id, name, reading, alias or contact); "
                                  "or --vendor."),
    "help.new.contract.type_": ("種別。", "Type."),
    "help.new.contract.start": ("開始日（YYYY-MM-DD）。", "Start date (YYYY-MM-DD)."),
    "help.new.contract.title": ("件名。", "Title."),
    "help.new.contract.status": ("状態。", "Status."),
    "help.new.contract.signed": ("締結日（YYYY-MM-DD）。", "Signed on (YYYY-MM-DD)."),
    "help.new.contract.end": ("最初の期間の終了日（YYYY-MM-DD）。", "End of the first term (YYYY-MM-DD)."),
    "help.new.contract.auto_renew": ("自動更新（--term が必要）。", "Renews automatically (needs --term)."),
    "help.new.contract.term": ("更新ごとの期間: 1y、6m …", "Each renewal's length: 1y, 6m ..."),
    "help.new.contract.notice": ("解約予告期間: 1m、30d …", "Notice period: 1m, 30d ..."),
    "help.new.contract.amount": ("契約金額（円、--per と）。", "Value in yen (with --per)."),
    "help.new.contract.per": ("金額の単位。", "Per what the value is."),
    "help.new.contract.fee_kind": ("手数料規定が対象とする紹介の種類。", "Which referrals the fee rule pays."),
    "help.new.contract.rate": ("手数料規定: 料率（例: 15%）。", "Fee rule: a rate such as 15%."),
    "help.new.contract.basis": ("手数料規定: 料率の基準。", "Fee rule: what the rate is on."),
    "help.new.contract.fixed": ("手数料規定: 1 件あたりの定額（円）。", "Fee rule: a fixed fee in yen per referral."),
    "help.new.contract.deliverable": (
        "委託先の契約の成果物: id:題名:期日（繰り返し可。例: ep1:第1話 編集版:2026-11-15）。",
        "A vendor contract's deliverable: ID:TITLE:DUE (repeatable; e.g. ep1:第1話 編集版:2026-11-15)."),
    "help.new.meeting": (
        "新しい会議録 meetings/<年>/<id>.yaml（id の既定: <日付>-<パートナー>-<種類>）。\n\n"
        "例: haru new meeting ウエダ --kind 定例会 --date 2026-11-27 --minutes 60 --summary \"定例会\"",
        "A new meeting log meetings/<year>/<id>.yaml (id by default <date>-<partner>-<kind>).\n\n"
        "Example: haru new meeting ウエダ --kind regular --date 2026-11-27 --minutes 60 --summary \"定例会\"",
    ),
    "help.new.meeting.partners": ("会ったパートナー（id・名前・よみ・別名・担当者名。複数可）。", "The partner(s) met (any QUERY form)."),
    "help.new.meeting.kind": ("会議の種類。", "Kind of meeting."),
    "help.new.meeting.day": ("会議の日付（既定: 今日）。", "The meeting's date (default: today)."),
    "help.new.meeting.minutes": ("社長が費やした時間（60、90m、1.5h、1時間30分。数だけなら分）。",
                                 "The time the 社長 spent (60, 90m, 1.5h, 1h30m; a bare number is minutes)."),
    "help.new.meeting.summary": ("概要。", "Summary."),
    "help.new.meeting.contract": ("関係する契約。", "The contract it concerns."),
    "help.new.meeting.project": ("共同プロジェクトの進捗会議なら、そのプロジェクト（id・タイトル・パートナー名）。",
                                 "The joint project it was a progress meeting of (id, title or a partner's name)."),
    "help.new.meeting.area": ("社長の時間の領域（既定: パートナー連携）。", "The area its minutes count in (default: partners)."),
    "help.new.meeting.attendee": ("出席者（繰り返し可）。", "An attendee (repeatable)."),
    "help.new.meeting.decision": ("決定事項（繰り返し可）。", "A decision (repeatable)."),
    "help.new.meeting.action": ("未完了のアクション（繰り返し可）。", "An open action item (repeatable)."),
    "help.new.meeting.satisfaction": ("フィードバック: 満足度 1〜5。", "Feedback: satisfaction 1-5."),
    "help.new.meeting.comments": ("フィードバック: 先方の言葉。", "Feedback: what they said."),
    "help.new.meeting.next_day": ("次回の予定日。", "Planned date of the next meeting."),
    "help.new.referral": (
        "新しい紹介 referrals/<id>.yaml（id の既定: <年>-<パートナー>-<NNN>）。\n\n"
        "例: haru new referral ウエダ --client 株式会社サンプル物流 --kind customer\n"
        "    haru new referral ウエダ --client 株式会社サンプル物流 --status won --signed 2026-11-01 --amount 3600000",
        "A new referral referrals/<id>.yaml (id by default <year>-<partner>-<NNN>).\n\n"
        "Example: haru new referral ウエダ --client 株式会社サンプル物流 --kind customer\n"
        "    haru new referral ウエダ --client 株式会社サンプル物流 --status won --signed 2026-11-01 --amount 3600000",
    ),
    "help.new.referral.partner": ("紹介元のパートナー（id・名前・よみ・別名・担当者名）。", "The referring partner (any QUERY form)."),
    "help.new.referral.client": ("紹介先。", "Who was referred."),
    "help.new.referral.kind": ("紹介の種類。", "Kind of referral."),
    "help.new.referral.contract": ("手数料規定のある契約（既定: その種類の規定がある唯一の有効な契約）。",
                                   "The contract with the fee rule (default: the partner's only one for this kind)."),
    "help.new.referral.referred": ("紹介日（既定: 今日）。", "Date of the introduction (default: today)."),
    "help.new.referral.status": ("状態（won には --signed が要ります）。", "Status (won needs --signed)."),
    "help.new.referral.signed": ("成約日（YYYY-MM-DD）。", "The day the deal was signed (YYYY-MM-DD)."),
    "help.new.referral.amount": ("成約金額（税抜・円）。", "The deal's amount in yen, excluding tax."),
    # new vendor | sourcing | course | project | opportunity | automation; new contract --vendor; the bank
    # account of new partner and new vendor (SPEC §16)
    "help.new.contract.vendor": ("契約の相手の委託先（id・名前・よみ）。種別は outsourcing か nda。パートナーの代わりに。",
                                 "The vendor the contract is with (id, name or reading), instead of QUERY: "
                                 "type outsourcing or nda."),
    "help.option.bank_code": ("振込先の銀行コード（4 桁）。--branch・--account・--holder とそろえて。",
                              "The bank's code (4 digits), with --branch, --account and --holder."),
    "help.option.branch": ("支店コード（3 桁）。", "The branch's code (3 digits)."),
    "help.option.account": ("口座番号（7 桁まで）。", "The account number (up to 7 digits)."),
    "help.option.holder": ("口座名義（カナ。カ）ウエダ のように）。", "The account holder's name in kana, e.g. カ）ウエダ."),
    "help.option.account_type": ("預金の種類（既定: ordinary）。", "The kind of account (default: ordinary)."),
    "help.new.vendor": (
        "新しい委託先（外部委託先）のファイル vendors/<id>.yaml（id の既定: 英字の名前から。なければよみのローマ字から）。"
        "\n\n例: haru new vendor 株式会社スタジオA --kana スタジオエー --expertise 動画制作 --expertise 研修コンテンツ",
        "A new vendor (外部委託先) file vendors/<id>.yaml (id by default from a name in Latin letters, else from "
        "the reading's romaji).\n\n"
        "Example: haru new vendor 株式会社スタジオA --kana スタジオエー --expertise 動画制作 --expertise 研修コンテンツ",
    ),
    "help.new.vendor.name": ("正式名称（例: 株式会社スタジオA）。", "The vendor's legal name, e.g. 株式会社スタジオA."),
    "help.new.vendor.kana": ("よみ（スタジオエー）。", "Reading (スタジオエー)."),
    "help.new.vendor.alias": ("検索に使う別名（繰り返し可）。", "Another name to find it by (repeatable)."),
    "help.new.vendor.entity": ("形態。", "Corporation or individual."),
    "help.new.vendor.invoice_number": ("適格請求書発行事業者登録番号（T＋13桁）。", "Qualified invoice number: T + 13 digits."),
    "help.new.vendor.status": ("状態。", "Status."),
    "help.new.vendor.expertise": ("専門性（繰り返し可）。", "Expertise (repeatable)."),
    "help.new.vendor.contact": ("キーパーソンの氏名。", "The key person's name."),
    "help.new.vendor.title": ("キーパーソンの役職。", "The key person's title."),
    "help.new.vendor.email": ("キーパーソンのメール。", "The key person's email."),
    "help.new.vendor.phone": ("キーパーソンの電話。", "The key person's phone."),
    "help.new.sourcing": (
        "新しい委託先の選定 sourcing/<id>.yaml（id の既定: <開始年>-<英字の件名>）。基準を指定しなければ戦略の 4 基準"
        "（専門性 40%・実績 25%・コスト 20%・コミュニケーション能力 15%）。候補は点数なしで載り、あとで採点します。\n\n"
        "例: haru new sourcing 研修動画の制作委託先の選定 --id 2026-video-production --candidate スタジオA "
        "--candidate 映像合同会社",
        "A new selection of a vendor, sourcing/<id>.yaml (id by default <opening year>-<title in Latin letters>). "
        "Without --criterion, the strategy's four: expertise 40%, track_record 25%, cost 20%, communication 15%. "
        "Candidates are listed unscored, to be scored later.\n\n"
        "Example: haru new sourcing 研修動画の制作委託先の選定 --id 2026-video-production --candidate スタジオA "
        "--candidate 映像合同会社",
    ),
    "help.new.sourcing.title": ("件名。", "Title."),
    "help.new.sourcing.opened": ("選定を始めた日（既定: 今日）。", "The day the selection opened (default: today)."),
    "help.new.sourcing.criterion": (
        "基準と重み（繰り返し可）: expertise=40%、専門性=40% …（独自の基準は英小文字のキーで）。重みの合計はちょうど 100%。",
        "A criterion and its weight (repeatable): expertise=40%, 専門性=40%, delivery=10 ...; the weights add up to "
        "exactly 100%."),
    "help.new.sourcing.candidate": ("候補の委託先（id・名前・よみ。繰り返し可）。",
                                    "A vendor considered (id, name or reading; repeatable)."),
    "help.new.course": (
        "新しいコース courses/<id>.yaml（id の既定: 英字の件名から）。\n\n"
        "例: haru new course \"生成AI実践コース 2026年春期\" --id ai-practice-2026-spring --start 2026-04-01 "
        "--end 2026-09-30 --assignment \"a1:自社業務へのAI適用:具体性,効果検証,再現性\"",
        "A new course, courses/<id>.yaml (id by default from a title in Latin letters).\n\n"
        "Example: haru new course \"生成AI実践コース 2026年春期\" --id ai-practice-2026-spring --start 2026-04-01 "
        "--end 2026-09-30 --assignment \"a1:自社業務へのAI適用:具体性,効果検証,再現性\"",
    ),
    "help.new.course.title": ("コース名。", "The course's title."),
    "help.new.course.start": ("開講日（YYYY-MM-DD）。", "First day (YYYY-MM-DD)."),
    "help.new.course.end": ("終了日（YYYY-MM-DD）。", "Last day (YYYY-MM-DD)."),
    "help.new.course.levels": ("評価の段階数（既定: 4）。", "Levels every criterion is judged in (default: 4)."),
    "help.new.course.pass_level": ("合格とする段階（既定: 3）。", "The level a criterion passes at (default: 3)."),
    "help.new.course.assignment": (
        "実践課題（繰り返し可）: id:件名:基準,基準 … 口頭報告で評価します。",
        "A practical assignment (repeatable): ID:TITLE:CRITERION,CRITERION ...; judged on the oral report."),
    "help.new.project": (
        "新しい共同プロジェクト projects/<id>.yaml（id の既定: 英字の件名から）。\n\n"
        "例: haru new project マーケティングツール共同開発 --id ucworld-marketing-tool --partner ユーシーワールド "
        "--start 2026-10-01 --cadence 隔週",
        "A new joint project, projects/<id>.yaml (id by default from a title in Latin letters).\n\n"
        "Example: haru new project マーケティングツール共同開発 --id ucworld-marketing-tool --partner UCWORLD "
        "--start 2026-10-01 --cadence biweekly",
    ),
    "help.new.project.title": ("プロジェクト名。", "The project's title."),
    "help.new.project.partners": ("参加するパートナー（id・名前・よみ・別名・担当者名。繰り返し可）。",
                                  "A partner taking part (any QUERY form; repeatable)."),
    "help.new.project.start": ("開始日（YYYY-MM-DD）。", "Start date (YYYY-MM-DD)."),
    "help.new.project.contract": ("関係する契約の id（参加するパートナーのもの）。",
                                  "The id of the contract it rests on (one of its partners')."),
    "help.new.project.cadence": ("進捗会議の頻度。", "Rhythm of progress meetings."),
    "help.new.project.status": ("状態。", "Status."),
    "help.new.project.end": ("終了予定日（YYYY-MM-DD）。", "End date (YYYY-MM-DD)."),
    "help.new.project.goal": ("目標。", "The goal."),
    "help.new.opportunity": (
        "新しいシナジー機会 opportunities/<id>.yaml（id の既定: <パートナー>-<シナジー>）。段階の履歴は今日から。\n\n"
        "例: haru new opportunity 生成AI導入事例の公開 --partner エスピーコム --synergy 導入事例の創出 --stage 提案済み "
        "--value 500000 --next 事例原稿のレビュー依頼 --due 2026-12-20",
        "A new synergy opportunity, opportunities/<id>.yaml (id by default <partner>-<synergy>); its stage "
        "history starts today.\n\n"
        "Example: haru new opportunity Notion×AI導入事例の公開 --partner S.P.COM --synergy case_study --stage proposed "
        "--value 500000 --next 事例原稿のレビュー依頼 --due 2026-12-20",
    ),
    "help.new.opportunity.title": ("件名。", "Title."),
    "help.new.opportunity.partners": ("相手のパートナー（id・名前・よみ・別名・担当者名。繰り返し可）。",
                                      "A partner it is with (any QUERY form; repeatable)."),
    "help.new.opportunity.synergy": ("シナジーの種類。", "The kind of synergy."),
    "help.new.opportunity.stage": ("段階。", "Stage."),
    "help.new.opportunity.value": ("HaRu が見込む金額（円）。", "The yen HaRu expects from it."),
    "help.new.opportunity.next_step": ("次の一手。", "The next step."),
    "help.new.opportunity.due": ("次の一手の期日（YYYY-MM-DD）。", "When the next step is due (YYYY-MM-DD)."),
    "help.new.opportunity.project": ("関係する共同プロジェクトの id。", "The id of a related joint project."),
    "help.new.opportunity.note": ("最初の段階に添えるメモ（見送りには理由が要ります）。",
                                  "A note on the first stage (a dropped one needs the reason)."),
    "help.new.automation": (
        "新しい自動化（生成AIによる業務効率化）automations/<id>.yaml（id の既定: 英字の件名から）。\n\n"
        "例: haru new automation 議事録の下書きを生成AIで作成 --id minutes-drafting --area パートナー連携 "
        "--since 2026-06-01 --baseline-minutes 60 --per-month 8",
        "A new automation (a task done with generative AI), automations/<id>.yaml (id by default from a title in "
        "Latin letters).\n\n"
        "Example: haru new automation 議事録の下書きを生成AIで作成 --id minutes-drafting --area partners "
        "--since 2026-06-01 --baseline-minutes 60 --per-month 8",
    ),
    "help.new.automation.title": ("何の作業か。", "What the task is."),
    "help.new.automation.area": ("時間を節約する領域。", "The area whose time it saves."),
    "help.new.automation.since": ("使い始めた日（YYYY-MM-DD）。", "The first day in use (YYYY-MM-DD)."),
    "help.new.automation.baseline_minutes": ("AI 導入前に実測した 1 回あたりの分数。",
                                             "Minutes per run before AI, as measured."),
    "help.new.automation.per_month": ("AI 導入前の月あたりの回数（0.5 なら隔月）。",
                                      "Runs per month before AI (0.5: every other month)."),
    "help.new.automation.review": ("再測定の間隔: 3m、6m …（既定: 3m）。", "How often to measure again: 3m, 6m ... "
                                   "(default: 3m)."),
    "help.new.automation.status": ("状態。", "Status."),
    "help.new.automation.note": ("メモ。", "A note."),
    # meetings, actions, referrals, search, edit
    "help.site": (
        "ワークスペースを静的な Web サイト（グラフつき、オフラインで表示）としてフォルダに書き出します。フォルダは新しいか"
        "空、または以前 haru が書いたもの。カレンダーアプリが購読できる calendar.ics も書きます。"
        "\n\n例: haru site --out /tmp/site",
        "Write the workspace as a static website (with charts; it reads offline) into DIR: a new or empty "
        "folder, or one haru wrote before. It writes calendar.ics too, for a calendar app to subscribe to."
        "\n\nExample: haru site --out /tmp/site",
    ),
    "help.site.out": ("書き出すフォルダ。", "The folder to write into."),
    "help.site.incognito": ("金額を伏せます（画面共有用）。", "Mask amounts (for a screen share)."),
    "help.serve": (
        "同じページを http://127.0.0.1:<ポート>/ で表示します（読み取り専用。ファイルが変わると次の表示で読み直します）。"
        "各ページに検索窓（/search?q=）があり、表はそれぞれ CSV で取り出せます。"
        "\n\n例: haru serve --port 8765",
        "Serve the same pages on http://127.0.0.1:PORT/ (read-only; a changed file is read again on the next "
        "request). Each page has a search box (/search?q=), and offers each of its tables as CSV (?format=csv)."
        "\n\nExample: haru serve --port 8765",
    ),
    "help.serve.port": ("ポート番号（既定: 8765）。", "The port (default: 8765)."),
    "help.serve.incognito": ("金額を伏せます（画面共有用）。", "Mask amounts (for a screen share)."),
    "help.new.student": (
        "受講生の記録を書きます（students/<id>.yaml）。\n\n"
        "例: haru new student 佐藤花子 --kana サトウハナコ --course ai-practice-2026-spring --referral 2026-ueda-002",
        "Write a student's record (students/<id>.yaml).\n\n"
        "Example: haru new student 佐藤花子 --kana サトウハナコ --course ai-practice-2026-spring --referral 2026-ueda-002",
    ),
    "help.new.student.course": ("コースの id。", "The course's id."),
    "help.new.student.enrolled": ("入学日（既定: 今日）。", "The day enrolled (default: today)."),
    "help.new.student.kana": ("よみ（id はここから作ります）。", "The reading (the id is made from it)."),
    "help.new.student.organization": ("所属。", "The organization."),
    "help.new.student.referral": ("受講のきっかけの紹介（受講生紹介）の id。", "The student referral that brought the student."),
    "help.project": ("共同プロジェクト: 一覧、または 1 件（チーム・マイルストーン・進捗会議）。",
                     "Joint projects: list them, or show one (team, milestones, progress meetings)."),
    "help.project.list": ("共同プロジェクトと次の進捗会議、マイルストーン、時間。\n\n例: haru project list",
                          "Joint projects with their next progress meeting, milestones and hours.\n\n"
                          "Example: haru project list"),
    "help.project.show": (
        "プロジェクト 1 件: 概要、チーム、マイルストーン、会議と決定事項、未完了のアクション、時間。\n\n"
        "例: haru project show ucworld-marketing-tool",
        "One project: overview, team, milestones, meetings and decisions, open actions, hours.\n\n"
        "Example: haru project show ucworld-marketing-tool",
    ),
    "help.project.show.project_id": ("プロジェクト（id・タイトル・パートナー名）。",
                                     "The project (id, title or a partner's name)."),
    "help.pipeline": (
        "シナジー機会を段階ごとに（空の段階も）: この段階の日数、見込み額、次の一手。\n\n例: haru pipeline",
        "Opportunities by stage, empty stages too: days in stage, value, next step.\n\nExample: haru pipeline",
    ),
    "help.pipeline.synergy": ("このシナジーだけ。", "Only this synergy."),
    "help.opportunity": ("シナジー機会を動かします。", "Move an opportunity along."),
    "help.opportunity.move": (
        "シナジー機会を次の段階へ: history に 1 行を追記し、stage を変えます。--next・--due で次の一手とその期日も"
        "変えます（その行だけ）。今の段階のままなら --next・--due だけを変えます。\n\n"
        "例: haru opportunity move spcom-case-study agreed --note \"定例で合意\" --next \"契約書の送付\" --due 2026-12-10",
        "Move an opportunity to a stage: one history entry appended and its stage changed; --next and --due set "
        "its next step and when it is due (those lines only). At the stage it is at, only --next and --due change."
        "\n\nExample: haru opportunity move spcom-case-study agreed --note \"agreed at the regular meeting\" "
        "--next \"send the contract\" --due 2026-12-10",
    ),
    "help.opportunity.move.opportunity_id": ("シナジー機会（id・タイトル・パートナー名）。",
                                             "The opportunity (id, title or a partner's name)."),
    "help.opportunity.move.stage": ("段階（コードか名前）。", "The stage (its code or label)."),
    "help.opportunity.move.note": ("メモ（dropped には理由が必要です）。", "A note (a drop needs its reason)."),
    "help.opportunity.move.next_step": (
        "次の一手。--due がなければ前の一手の期日は外します。",
        "The next step; without --due, the due date of the step before is taken away.",
    ),
    "help.opportunity.move.due": ("次の一手の期日（YYYY-MM-DD、この日以降）。", "When the next step is due (YYYY-MM-DD, not before the day)."),
    "help.opportunity.move.day": ("日付（既定: 今日）。", "The day (default: today)."),
    "help.opportunity.move.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.school": ("AIスクール: 口頭報告による実践課題の評価、受講状況、修了証。",
                    "The AI school: practical assignments judged by oral report, progress, certificates."),
    "help.school.status": (
        "受講生ごとの修了した課題の数、修了可否、修了証、紹介したパートナー。\n\n例: haru school status",
        "Per student: assignments passed, eligible or not, certificate, the referring partner.\n\n"
        "Example: haru school status",
    ),
    "help.school.status.course": ("このコースだけ（id・タイトル）。", "Only this course (id or title)."),
    "help.school.certify": (
        "修了の条件を満たした受講生の修了証を記録し（certificates/<年>/haru-<年>-<番号>.yaml）、受講生を修了"
        "（status: completed）にして、修了証を出力します。記録はどちらも書くか、どちらも書きません。"
        "--render: 記録済みの修了証を出力し直します。\n\n例: haru school certify 佐藤花子",
        "Record the certificate of an eligible student (certificates/<year>/haru-<year>-<number>.yaml), mark "
        "the student completed (status: completed), both or neither, and print the certificate; --render "
        "prints a recorded one again.\n\nExample: haru school certify 佐藤花子",
    ),
    "help.school.certify.student_id": ("受講生（id・名前・よみ）。", "The student (id, name or reading)."),
    "help.school.certify.day": ("発行日（既定: 今日）。", "The day issued (default: today)."),
    "help.school.certify.render": ("記録済みの修了証を出力し直します（何も記録しません）。",
                                   "Print the recorded certificate again (records nothing)."),
    "help.school.renumber": (
        "2 つのブランチで同じ修了証番号が使われたマージを片付けます: 今のブランチの修了証は番号をそのまま、"
        "もう一方の受講生の修了証にはその年の次の空き番号を付け（replaces: に元の番号）、その修了証を出力し直します。\n\n"
        "例: haru school renumber certificates/2026/haru-2026-0005.yaml",
        "Settle a certificate number taken on two branches, in their merge: the current branch's certificate keeps "
        "it, the other student's gets the year's next free number (replaces: the old one), and its certificate "
        "is rendered again.\n\nExample: haru school renumber certificates/2026/haru-2026-0005.yaml",
    ),
    "help.school.renumber.path": ("競合マーカーの残った修了証のファイル。", "The certificate's file holding conflict markers."),
    "help.school.evaluate": (
        "口頭報告による評価を 1 件追記します（再評価も新しい 1 件）。\n\n"
        "例: haru school evaluate 佐藤花子 a1 --level 具体性=4 --level 効果検証=3 --level 再現性=3",
        "Append one evaluation of an oral report (a retake is a new one).\n\n"
        "Example: haru school evaluate 佐藤花子 a1 --level 具体性=4 --level 効果検証=3 --level 再現性=3",
    ),
    "help.school.evaluate.student_id": ("受講生（id・名前・よみ）。", "The student (id, name or reading)."),
    "help.school.evaluate.assignment": ("課題の id。", "The assignment's id."),
    "help.school.evaluate.level": ("基準=レベル（基準ごとに 1 つ）。", "CRITERION=LEVEL, one per criterion."),
    "help.school.evaluate.day": ("報告の日（既定: 今日）。", "The day of the report (default: today)."),
    "help.school.evaluate.examiner": ("評価者。", "The examiner."),
    "help.school.evaluate.minutes": ("報告の時間（20、1h、1時間10分。数だけなら分）。",
                                     "How long the report took (20, 1h, 1h10m; a bare number is minutes)."),
    "help.school.evaluate.tool": ("実務で使って見せた AI（複数可）。", "An AI the student showed in real use (repeatable)."),
    "help.school.evaluate.comment": ("講評。", "A comment."),
    "help.vendor": ("外部委託先: スコアカード、1 社の詳細、選定基準による比較。",
                    "Outsourcing vendors: scorecards, one vendor, and comparing candidates by weighted criteria."),
    "help.vendor.list": (
        "委託先ごとの成果物・納期遵守率・品質・差し戻し・評価（良好・要注意・不良）。\n\n例: haru vendor list",
        "Each vendor's deliverables, on-time rate, quality, rework and standing (good, watch, poor).\n\n"
        "Example: haru vendor list",
    ),
    "help.vendor.list.status": ("この状態の委託先だけ。", "Only vendors of this status."),
    "help.vendor.show": (
        "委託先 1 社: プロフィール、スコアカード、契約と期日、成果物、参加した選定。\n\n例: haru vendor show スタジオ",
        "One vendor: profile, scorecard, contracts and their dates, deliverables, the selections it took part "
        "in.\n\nExample: haru vendor show スタジオ",
    ),
    "help.vendor.show.query": ("委託先（id・名前・よみ・別名・担当者名）。", "The vendor (id, name, reading, alias or contact)."),
    "help.vendor.compare": (
        "選定（sourcing/<id>.yaml）の候補を重みつきの得点で順位づけします。--format md は選定の記録です。\n\n"
        "例: haru vendor compare 2026-video-production --format md",
        "Rank a selection's candidates (sourcing/<id>.yaml) by their weighted scores; --format md is the "
        "decision record.\n\nExample: haru vendor compare 2026-video-production --format md",
    ),
    "help.vendor.compare.sourcing_id": ("選定（id・タイトル）。", "The selection (id or title)."),
    "help.sourcing": ("委託先の選定: 候補の採点と決定の記録。", "Selecting a vendor: scoring its candidates, recording the decision."),
    "help.sourcing.score": (
        "候補を選定の基準ごとに 1〜5 で採点します（その行だけ）。基準ごとに --<基準> N（--expertise 4 など）か "
        "--score 基準=N。候補でない委託先は、すべての基準の点数で候補に加えます。\n\n"
        "例: haru sourcing score 2026-video-production eizo-works --expertise 4 --cost 5",
        "Score a candidate 1-5 on criteria of the selection (those lines only): --CRITERION N for each "
        "(--expertise 4 ...) or --score CRITERION=N. A vendor not yet a candidate is added, scored on every "
        "criterion.\n\nExample: haru sourcing score 2026-video-production eizo-works --expertise 4 --cost 5",
    ),
    "help.sourcing.score.sourcing_id": ("選定の id（ファイル名）。", "The selection's id (its file name)."),
    "help.sourcing.score.vendor": ("委託先（id・名前・よみ・別名・担当者名）。", "The vendor (id, name, reading, alias or contact)."),
    "help.sourcing.score.score": ("基準=点数（繰り返し可。基準はキーか名前: 専門性=4）。",
                                  "CRITERION=N (repeatable; the criterion's key or label: 専門性=4)."),
    "help.sourcing.score.quote": ("見積額（円）。", "The quote in yen."),
    "help.sourcing.score.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.sourcing.decide": (
        "選定を候補の 1 社に決めます: status を decided に、decision に委託先・日付・理由（その行だけ）。\n\n"
        "例: haru sourcing decide 2026-video-production studio-mirai --date 2026-09-20 --reason \"構成力を重視\"",
        "Decide a selection for one of its candidates: status decided, and the decision with its vendor, day "
        "and reason (those lines only).\n\n"
        "Example: haru sourcing decide 2026-video-production studio-mirai --date 2026-09-20 --reason \"structure\"",
    ),
    "help.sourcing.decide.sourcing_id": ("選定の id（ファイル名）。", "The selection's id (its file name)."),
    "help.sourcing.decide.vendor": ("選んだ候補（id・名前・よみ・別名・担当者名）。",
                                    "The candidate chosen (id, name, reading, alias or contact)."),
    "help.sourcing.decide.day": ("決定日（YYYY-MM-DD、選定を始めた日以降）。", "The day decided (YYYY-MM-DD, not before it opened)."),
    "help.sourcing.decide.reason": ("決めた理由。", "Why."),
    "help.sourcing.decide.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.deliverable": ("委託先の成果物: 納品と検収の記録。", "What vendors deliver: recording a delivery and its acceptance."),
    "help.deliverable.deliver": (
        "成果物の納品日を記録します（その行だけ）。スコアカードに数え、upcoming から外れます。\n\n"
        "例: haru deliverable deliver studio-mirai-video-2026 ep3 --date 2026-12-24",
        "Record the day a deliverable was delivered (that line only): its vendor's scorecard counts it, and "
        "upcoming no longer lists it.\n\nExample: haru deliverable deliver studio-mirai-video-2026 ep3 --date 2026-12-24",
    ),
    "help.deliverable.deliver.contract_id": ("委託先の契約の id。", "The vendor contract's id."),
    "help.deliverable.deliver.item": ("成果物の id（または題名）。", "The deliverable's id (or title)."),
    "help.deliverable.deliver.day": ("納品日（YYYY-MM-DD）。", "The day delivered (YYYY-MM-DD)."),
    "help.deliverable.deliver.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.deliverable.accept": (
        "納品された成果物の検収を記録します: 検収日・品質（1〜5）・差し戻しの回数（その行だけ）。\n\n"
        "例: haru deliverable accept studio-mirai-video-2026 ep3 --date 2026-12-26 --quality 4 --rework 1",
        "Record the acceptance (検収) of a delivered deliverable: the day, its quality (1-5) and the times it "
        "was sent back (those lines only).\n\n"
        "Example: haru deliverable accept studio-mirai-video-2026 ep3 --date 2026-12-26 --quality 4 --rework 1",
    ),
    "help.deliverable.accept.contract_id": ("委託先の契約の id。", "The vendor contract's id."),
    "help.deliverable.accept.item": ("成果物の id（または題名）。", "The deliverable's id (or title)."),
    "help.deliverable.accept.day": ("検収日（YYYY-MM-DD、納品日以降）。", "The day accepted (YYYY-MM-DD, not before delivery)."),
    "help.deliverable.accept.quality": ("品質（1〜5）。", "Its quality (1-5)."),
    "help.deliverable.accept.rework": ("差し戻した回数（既定: 書きません＝0）。", "Times it was sent back (default: not written, 0)."),
    "help.deliverable.accept.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.time": ("社長の時間: 領域別の時間と優先順位（目標）との差、生成AIで削減した時間、時間の記録。",
                  "The 社長's time: hours by area against the targets, hours AI saved, and logging time."),
    "help.time.report": (
        "期間（既定: 先月）の領域別の時間・割合・目標・差と直前 3 期間、パートナー別の時間、生成AIで削減した時間。"
        "会議の時間（minutes）はその領域（area、既定: partners）に数えます。\n\n例: haru time report --month 2026-11",
        "A period's hours per area (default: last month) with share, target and gap beside the three periods "
        "before, the hours per partner, and the hours AI saved. Meetings' minutes count in their area (default: "
        "partners).\n\nExample: haru time report --month 2026-11",
    ),
    "help.time.report.month": ("この月（YYYY-MM、既定: 先月）。", "This month (YYYY-MM; default: last month)."),
    "help.time.report.quarter": ("この四半期（暦年、2026Q3 = 7〜9月）。", "This calendar quarter (2026Q3 = July to September)."),
    "help.time.report.fy": ("この年に始まる年度。", "The fiscal year that starts in this year."),
    "help.time.report.by": ("先に示す表: area（領域別）か partner（パートナー別）。", "The table shown first: area or partner."),
    "help.time.log": (
        "その月の時間の記録（time/<年>/<YYYY-MM>.yaml、なければ作ります）に 1 件追記します。会議の時間は会議の記録に"
        "あるので、ここには書きません。\n\n例: haru time log 1.5h consulting --partner マナテック \"PMO定例の準備\"",
        "Append one entry to the month's time log (time/<year>/<YYYY-MM>.yaml, made when there is none). "
        "Meetings count from their own records: do not log them here.\n\n"
        "Example: haru time log 1.5h consulting --partner マナテック \"PMO定例の準備\"",
    ),
    "help.time.log.spent": ("かかった時間: 1.5h、90m、1時間30分（15 分単位でなければ分で記録します）。",
                            "Time spent: 1.5h, 90m, 1h30m (kept in minutes unless in quarter hours)."),
    "help.time.log.area": ("領域（コードか名前）。", "The area (its code or label)."),
    "help.time.log.note": ("メモ。", "A note."),
    "help.time.log.day": ("日付（既定: 今日）。", "The day (default: today)."),
    "help.time.log.partner": ("この時間のパートナー（id・名前・よみ・別名・担当者名）。", "The partner it was for (any QUERY form)."),
    "help.time.log.project": ("共同プロジェクト（id・タイトル・パートナー名）。", "The joint project (id, title or a partner's name)."),
    "help.automation": ("生成AIによる業務効率化: 導入前の測定と、その後の測定から削減時間を出します。測定の記録も。",
                        "Tasks done with generative AI: what each saves, from a baseline and measurements since; "
                        "recording a measurement."),
    "help.automation.list": (
        "自動化ごとの導入前・現在の所要時間、月と年度の削減時間、次の測定日（既定: 先月時点）。\n\n"
        "例: haru automation list --month 2026-11",
        "Each automation's minutes before and now, hours saved in the month and the fiscal year, and its next "
        "review (default: as of last month).\n\nExample: haru automation list --month 2026-11",
    ),
    "help.automation.list.month": ("この月の時点（YYYY-MM、既定: 先月）。", "As of this month (YYYY-MM; default: last month)."),
    "help.automation.show": (
        "自動化 1 件: 導入前、測定の履歴、削減時間、次の測定日。\n\n例: haru automation show minutes-drafting",
        "One automation: its baseline, measurements, savings and next review.\n\n"
        "Example: haru automation show minutes-drafting",
    ),
    "help.automation.show.automation_id": ("自動化（id・タイトル）。", "The automation (id or title)."),
    "help.automation.show.month": ("この月の時点（YYYY-MM、既定: 先月）。", "As of this month (YYYY-MM; default: last month)."),
    "help.automation.measure": (
        "AI を使った 1 回の所要時間（確認・修正を含む）の測定を 1 件追記します（その行だけ）。月の回数の既定は前回の"
        "測定（なければ導入前）のもの。\n\n例: haru automation measure minutes-drafting --date 2026-12-28 --minutes 12",
        "Append one measurement of the task as it runs with AI, checking and fixing included (only its lines); "
        "the runs per month default to the last measurement's (else the baseline's).\n\n"
        "Example: haru automation measure minutes-drafting --date 2026-12-28 --minutes 12",
    ),
    "help.automation.measure.automation_id": ("自動化の id（ファイル名）。", "The automation's id (its file name)."),
    "help.automation.measure.day": ("測定日（YYYY-MM-DD、前回の測定以降）。", "The day measured (YYYY-MM-DD, not before the last)."),
    "help.automation.measure.minutes": ("1 回の所要時間（分、7.5 も可）。", "Minutes per run (7.5 too)."),
    "help.automation.measure.per_month": ("月の回数（0.5: 隔月）。", "Runs per month (0.5: every other month)."),
    "help.automation.measure.note": ("メモ。", "A note."),
    "help.automation.measure.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.meeting": ("会議の記録: 一覧、または 1 件。", "Meeting logs: list them, or show one."),
    "help.meeting.list": (
        "会議（新しい順）。\n\n例: haru meeting list --partner ウエダ --since 2026-10-01",
        "Meetings, the latest first.\n\nExample: haru meeting list --partner ウエダ --since 2026-10-01",
    ),
    "help.meeting.list.kind": ("この種類の会議だけ。", "Only meetings of this kind."),
    "help.meeting.list.since": ("この日以降（YYYY-MM-DD）。", "From this day on (YYYY-MM-DD)."),
    "help.meeting.list.until": ("この日まで（YYYY-MM-DD）。", "Up to this day (YYYY-MM-DD)."),
    "help.meeting.show": (
        "1 件の会議: 概要、決定事項、番号つきのアクション、フィードバック。\n\n例: haru meeting show 2026-11-10-ueda-regular",
        "One meeting: summary, decisions, numbered actions, feedback.\n\n"
        "Example: haru meeting show 2026-11-10-ueda-regular",
    ),
    "help.meeting.show.meeting_id": ("会議（id、またはパートナー名でその最新の会議）。",
                                     "The meeting (its id, or a partner's name for the latest meeting with them)."),
    "help.action": ("会議で決めたアクション: 一覧、追加、完了・未完了の記録。",
                    "Action items agreed in meetings: list them, add one, mark one done or open again."),
    "help.action.list": (
        "未完了のアクション（期限の早い順、超過に印）。番号は action done が受け取るものです。\n\n"
        "例: haru action list --owner 社長",
        "Open action items, the earliest due first, overdue marked; numbered as action done takes them.\n\n"
        "Example: haru action list --owner 社長",
    ),
    "help.action.list.owner": ("この担当のものだけ。", "Only those of this owner."),
    "help.action.list.everything": ("完了したものも含めます。", "Done ones too."),
    "help.action.done": (
        "会議の N 番目のアクションを完了にします（その 1 行だけを書き換えます）。\n\n"
        "例: haru action done ウエダ 1",
        "Mark a meeting's N-th action done (only that line changes).\n\n"
        "Example: haru action done ウエダ 1",
    ),
    "help.action.done.meeting_id": ("会議（id、またはパートナー名でその最新の会議）。",
                                    "The meeting (its id, or a partner's name for the latest meeting with them)."),
    "help.action.done.n": ("アクションの番号（1 から。action list の番号）。", "The action's number (from 1, as action list shows it)."),
    "help.action.add": (
        "会議にアクションを 1 件追記します（その行だけ）。--due があれば upcoming に載ります。\n\n"
        "例: haru action add 2026-11-10-ueda-regular \"提案書を送付\" --owner 社長 --due 2026-11-20",
        "Append one action item to a meeting (only its lines); with --due, upcoming lists it.\n\n"
        "Example: haru action add 2026-11-10-ueda-regular \"send the proposal\" --owner 社長 --due 2026-11-20",
    ),
    "help.action.add.meeting_id": ("会議の id。", "The meeting's id."),
    "help.action.add.task": ("やること。", "What is to be done."),
    "help.action.add.owner": ("担当。", "Who does it."),
    "help.action.add.due": ("期限（YYYY-MM-DD、会議の日以降）。", "When it is due (YYYY-MM-DD, not before the meeting)."),
    "help.action.add.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.action.reopen": (
        "完了にした N 番目のアクションを未完了に戻します（その 1 行だけ）。\n\n"
        "例: haru action reopen 2026-11-10-ueda-regular 1",
        "Mark a meeting's N-th action open again (only that line changes).\n\n"
        "Example: haru action reopen 2026-11-10-ueda-regular 1",
    ),
    "help.action.reopen.meeting_id": ("会議の id。", "The meeting's id."),
    "help.action.reopen.n": ("アクションの番号（1 から。action list --all の番号）。",
                             "The action's number (from 1, as action list --all shows it)."),
    "help.action.reopen.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.referral": ("紹介のパイプライン: 一覧、成約・入金・解約・失注の記録。",
                      "The referral pipeline: list it; record a deal, a payment, a cancellation, a lost lead."),
    "help.referral.list": (
        "紹介（見込み → 成約・失注・解約）と成約内容、発生済みの手数料。\n\n例: haru referral list --status lead",
        "Referrals (lead → won, lost or cancelled) with the deal and the fees earned so far.\n\n"
        "Example: haru referral list --status lead",
    ),
    "help.referral.list.status": ("この状態の紹介だけ。", "Only referrals in this status."),
    "help.referral.list.kind": ("この種類の紹介だけ。", "Only referrals of this kind."),
    "help.referral.won": (
        "紹介を成約にします（status と deal の行だけを書き換えます）。\n\n"
        "例: haru referral won 2026-shine-linkage-002 --signed 2026-11-15 --amount 2000000",
        "Mark a referral won (only its status and deal lines change).\n\n"
        "Example: haru referral won 2026-shine-linkage-002 --signed 2026-11-15 --amount 2000000",
    ),
    "help.referral.won.referral_id": ("紹介（id・顧客名・パートナー名）。", "The referral (id, client or its partner's name)."),
    "help.referral.won.signed": ("成約日（YYYY-MM-DD）。", "The day the deal was signed (YYYY-MM-DD)."),
    "help.referral.won.amount": ("成約金額（税抜・円）。", "The deal's amount in yen, excluding tax."),
    "help.referral.pay": (
        "顧客からの入金を 1 件加えます（payments に 1 項目）。\n\n"
        "例: haru referral pay 2026-ueda-001 --date 2026-11-30 --amount 300000",
        "Add a client payment (one item of payments).\n\n"
        "Example: haru referral pay 2026-ueda-001 --date 2026-11-30 --amount 300000",
    ),
    "help.referral.pay.referral_id": ("紹介（id・顧客名・パートナー名）。", "The referral (id, client or its partner's name)."),
    "help.referral.pay.day": ("入金日（YYYY-MM-DD）。", "The day it was paid (YYYY-MM-DD)."),
    "help.referral.pay.amount": ("入金額（税抜・円）。", "The amount in yen, excluding tax."),
    "help.referral.cancel": (
        "紹介を解約にします（status と cancelled の行）。\n\n例: haru referral cancel 2026-ueda-002 --date 2026-12-01",
        "Mark a referral cancelled (its status and cancelled lines).\n\n"
        "Example: haru referral cancel 2026-ueda-002 --date 2026-12-01",
    ),
    "help.referral.cancel.referral_id": ("紹介（id・顧客名・パートナー名）。",
                                         "The referral (id, client or its partner's name)."),
    "help.referral.cancel.day": ("解約日（YYYY-MM-DD）。", "The day it was cancelled (YYYY-MM-DD)."),
    "help.referral.lost": (
        "見込みの紹介を失注にします（status の行と、失注日を書く lost の行）。\n\n"
        "例: haru referral lost 2026-ueda-002 --date 2026-12-01",
        "Mark a lead lost (its status line, and a lost line with the day).\n\n"
        "Example: haru referral lost 2026-ueda-002 --date 2026-12-01",
    ),
    "help.referral.lost.referral_id": ("紹介の id。", "The referral's id."),
    "help.referral.lost.day": ("失注日（YYYY-MM-DD、紹介日以降）。", "The day it was lost (YYYY-MM-DD, not before the referral)."),
    "help.referral.lost.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.action.done.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.referral.won.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.referral.pay.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.referral.cancel.dry_run": ("書き込まずに差分を表示します。", "Print the diff instead of writing."),
    "help.search": (
        "全レコードの全行から文字列を探します（全角・半角、大文字・小文字、ひらがな・カタカナを区別しません）。"
        "1 件 1 行 `パス:行: 抜粋`。見つからなければ終了コード 1。\n\n例: haru search 配車計画",
        "Every line of every record that holds TEXT, full- and half-width, case and kana alike; one line each, "
        "`path:line: excerpt`. Exit 1 when there is none.\n\nExample: haru search 配車計画",
    ),
    "help.search.text": ("探す文字列。", "What to look for."),
    "help.search.fmt": ("出力形式: text か json。", "Output: text or json."),
    "help.edit": (
        "レコード（どの種類でも、誤りのあるものも）を $EDITOR で開き、保存されたら検査して、正しい版だけを書き戻します。\n\n"
        "例: haru edit ウエダ",
        "Open a record (of any type, a broken one too) in $EDITOR; on save it is checked, and only a valid "
        "version is written back.\n\nExample: haru edit ウエダ",
    ),
    "help.edit.wanted": ("レコード（id・名前・タイトル・よみ・担当者名、またはファイルのパス）。",
                         "The record (id, name, title, reading or contact, or its file's path)."),
    # init, schema, hook
    "help.init": (
        "ワークスペースを作ります: レコードのフォルダ、コメント付き haru.yaml、.gitignore、haru validate を動かす "
        "pre-commit フック、CI、JSON スキーマ、README、`git init`。既にあるものは上書きしません。\n\n"
        "例: haru init partners-data",
        "Create a workspace: the record folders, a commented haru.yaml, .gitignore, a pre-commit hook running "
        "haru validate, a CI workflow, JSON schemas, a README, and `git init`. Nothing that exists is ever "
        "overwritten.\n\nExample: haru init partners-data",
    ),
    "help.init.directory": ("ワークスペースにするフォルダ（なければ作ります）。", "The folder to make a workspace of (created if missing)."),
    "help.init.company": ("haru.yaml の会社名。", "The company name in haru.yaml."),
    "help.init.locale": ("ワークスペースの言語。", "The workspace's language."),
    "help.init.source": (
        "CI が haru をインストールする場所（git URL など。既定: この haru のインストール元が git なら、それ）。",
        "Where CI installs haru from (a git URL ...; default: where this haru came from, when that was git).",
    ),
    "help.init.digest": (
        "平日の朝にダイジェストを slack か chatwork に投稿する CI のワークフローも書きます（--source が要ります）。",
        "Also write a CI workflow posting the digest to slack or chatwork every weekday morning (needs a --source).",
    ),
    "help.init.missing": ("既存のワークスペースに、足りないものだけを加えます。", "In an existing workspace, add only what is missing."),
    "help.init.git_config": (
        "このクローンの .git/config に haru のマージドライバ（merge.haru.driver）を設定します。git は共有しないため"
        "クローンごとに 1 回。既存のクローンではこれだけを単独で実行できます。",
        "Set haru's merge driver (merge.haru.driver) in this clone's .git/config, which git does not share: once "
        "per clone. Run alone in an existing clone, it does only that.",
    ),
    "help.schema": (
        "すべての種類のレコードと haru.yaml の JSON Schema（draft 2020-12）。エディタがホバーで表示する日英の説明付き。"
        "--out がなければ 1 つの JSON。\n\n例: haru schema --out schemas/",
        "JSON Schema (draft 2020-12) of every record type and haru.yaml, with Japanese and English descriptions "
        "that editors show on hover. Without --out, one JSON object.\n\nExample: haru schema --out schemas/",
    ),
    "help.schema.out": ("レコードの種類ごとの <type>.schema.json をここに書きます。", "Write one <type>.schema.json per record type here."),
    "help.hook": ("pre-commit パッケージなしの git フック。", "Git hooks without the pre-commit package."),
    "help.hook.install": (
        ".git/hooks/pre-commit と pre-merge-commit（競合なく終わるマージ）を書きます: ステージされた内容を "
        "haru validate --staged で検査します（既存のフックは置き換えません）。リポジトリのトップからでも、その中の"
        "ワークスペースを見つけます。\n\n"
        "例: haru hook install",
        "Write .git/hooks/pre-commit and pre-merge-commit (a merge that ends without a conflict), checking what is "
        "staged with haru validate --staged (an existing hook is never replaced). Run from the repository's top, "
        "it finds the workspace inside it.\n\n"
        "Example: haru hook install",
    ),
    "help.merge-driver": (
        "git のマージドライバ（git が %O %A %B %P で呼びます。手で使うものではありません）: 1 つのレコードを 3 方向で"
        "マージします。片側だけが変えたキーはその側を、時間の記録・入金・評価・測定・履歴・アクションは両側の追加を"
        "1 件ずつ日付順に取り、両側が違う値に変えたキーは競合マーカーを残して終了コード 1。結果はレコードとして検査して"
        "から書きます。設定は haru init --git-config。\n\n"
        "例: haru merge-driver .merge_file_a .merge_file_b .merge_file_c time/2026/2026-12.yaml",
        "git's merge driver (git runs it with %O %A %B %P; not for use by hand): a three-way merge of one record. "
        "A key changed on one side takes that side; time entries, payments, evaluations, measurements, history "
        "and actions take both sides' new entries once each, by date; a key both sides changed differently is "
        "left between conflict markers, exit 1. The result is validated as a record before it is written. Set "
        "up with haru init --git-config.\n\n"
        "Example: haru merge-driver .merge_file_a .merge_file_b .merge_file_c time/2026/2026-12.yaml",
    ),
    "help.merge-driver.base": ("共通の祖先の版（git の %O）。", "The common ancestor's version (git's %O)."),
    "help.merge-driver.ours": ("こちらの版（git の %A）。結果をここに書きます。",
                               "Our version (git's %A); the result is written here."),
    "help.merge-driver.theirs": ("相手の版（git の %B）。", "Their version (git's %B)."),
    "help.merge-driver.path": ("リポジトリでのファイルのパス（git の %P）。レコードの種類をここから知ります。",
                               "The file's path in the repository (git's %P): it says what record it is."),
    # connections (SPEC §17)
    "help.mcp": (
        "AI アシスタント（MCP クライアント）にワークスペースを読ませる MCP サーバーを標準入出力で動かします。"
        "ツールは読み取り専用で、各コマンドの --format json と同じ JSON を返します。書き込むツールは --allow-write のときだけ。"
        "\n\n例: haru mcp --config",
        "Run an MCP server on stdin and stdout through which an AI assistant (Claude Desktop, Claude Code …) reads "
        "the workspace. Its tools only read, returning the JSON of each command's --format json; the tools that "
        "write are offered only with --allow-write.\n\nExample: haru mcp --config",
    ),
    "help.mcp.allow_write": (
        "書き込むツール（会議の記録、時間の記録、アクションの完了、シナジー機会の段階の変更）も提供します。",
        "Offer the tools that write too (new_meeting, time_log, action_done, opportunity_move).",
    ),
    "help.mcp.config": (
        "claude_desktop_config.json に書くこのサーバーの設定（起動するコマンドと引数）を表示して終了します。",
        "Print the mcpServers entry for claude_desktop_config.json and exit.",
    ),
    "help.digest": (
        "チャット向けの短いダイジェスト（期限超過、今後の予定、更新・解約の判断、未払いの紹介手数料）をテキストで表示します。"
        "--post で Slack（環境変数 HARU_SLACK_WEBHOOK）か Chatwork（HARU_CHATWORK_TOKEN、HARU_CHATWORK_ROOM）に投稿します。"
        "\n\n例: haru digest --within 7d --post slack",
        "A short digest for a chat room (overdue, the next days, renew-or-cancel decisions, referral fees unpaid) as "
        "plain text; --post sends it to Slack (environment variable HARU_SLACK_WEBHOOK) or Chatwork "
        "(HARU_CHATWORK_TOKEN, HARU_CHATWORK_ROOM).\n\nExample: haru digest --within 7d --post slack",
    ),
    "help.digest.within": ("今日からの期間: 7d、2w、7日 …", "Window from today: 7d, 2w, 7日 ..."),
    "help.digest.post": ("投稿先: slack か chatwork。", "Where to post it: slack or chatwork."),
    "help.digest.timeout": ("投稿の応答を待つ秒数（既定: 10）。", "Seconds to wait for the chat service's answer (default: 10)."),
}
