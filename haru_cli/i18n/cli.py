"""What commands say: refusals, notices, confirmations and Click's own words, in Japanese and English
(keys `cli.…`, and the few shared formats of numbers, days and hours)."""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    # formats
    "hours_amount": ("{hours} 時間", "{hours} h"),
    "days.today": ("今日", "today"),
    "days.ahead": ("あと {n} 日", "in {n} days"),
    "days.ago": ("{n} 日経過", "{n} days ago"),
    "count.files.one": ("{n}", "{n} file"),
    "count.files.other": ("{n}", "{n} files"),
    "count.errors.one": ("{n}", "{n} error"),
    "count.errors.other": ("{n}", "{n} errors"),
    "count.warnings.one": ("{n}", "{n} warning"),
    "count.warnings.other": ("{n}", "{n} warnings"),
    "csv.mark": ("注記", "mark"),
    "cli.none": ("（なし）", "(none)"),
    # the workspace
    "cli.workspace.no-folder": ("フォルダ {path} がありません", "no such folder: {path}"),
    "cli.workspace.not-folder": ("{path} はフォルダではなくファイルです", "{path} is a file, not a folder"),
    "cli.workspace.no-settings": (
        "{path} は haru のワークスペースではありません（haru.yaml がありません）",
        "{path} is not a haru workspace (no haru.yaml)",
    ),
    "cli.workspace.none-found": (
        "{path} とその上のフォルダに haru のワークスペースがありません",
        "no haru workspace in {path} or above",
    ),
    "cli.workspace.hint": (
        "`haru init DIR` で作成するか、--data DIR（または HARU_DATA）で指定してください",
        "create one with `haru init DIR`, or name one with --data DIR (or HARU_DATA)",
    ),
    "cli.skipped": (
        "{count} 件のファイルを読み飛ばしました — haru validate で確認してください",
        "{count} skipped — run haru validate",
    ),
    "cli.skipped_file": (
        "{path} に誤りがあるため読み飛ばしました — haru validate で確認してください",
        "{path} has errors and was skipped — run haru validate",
    ),
    "cli.skipped_because": (
        "{path} は、参照先の {because} に誤りがあるため読み飛ばしました — haru validate で確認してください",
        "{path} was skipped: it rests on {because}, which has errors — run haru validate",
    ),
    "cli.settings_broken": (
        "haru.yaml に誤りがあるため既定値を使います — haru validate で確認してください",
        "haru.yaml has errors: using the defaults — run haru validate",
    ),
    "cli.cache_not_folder": (
        "{folder} がフォルダではないためキャッシュを使えません — 削除してください",
        "{folder} is not a folder, so nothing is cached: remove it",
    ),
    "cli.cache_not_file": (
        "{files} がファイルではないためキャッシュを保存できません — 削除してください",
        "{files} is not a file, so the cache cannot be saved: remove it",
    ),
    "cli.no_holidays": (
        "{year} 年の祝日が分からないため支払日を計算できません（分かるのは {first}〜{last} 年）",
        "no pay date can be computed in {year}: its public holidays are not known (only {first}-{last})",
    ),
    # options
    "cli.bad.date": ("{value:q} は日付ではありません（YYYY-MM-DD）", "{value:q} is not a date (YYYY-MM-DD)"),
    "cli.bad.no_such_day": ("{value:q} という日付はありません", "{value:q} is not a day of the calendar"),
    "cli.bad.years": ("{value:q} は {first}〜{last} 年の範囲外です", "{value:q} is outside the years {first}-{last}"),
    "cli.bad.month": ("{value:q} は月ではありません（YYYY-MM）", "{value:q} is not a month: use YYYY-MM"),
    "cli.site.process_failed": ("ページを書き出していたプロセスが止まりました（{reason}）。何も書き換えていません",
                                "A process writing the pages stopped ({reason}): nothing was replaced"),
    "cli.site.not_folder": ("{path} はフォルダではありません（リンクも使いません）", "{path} is not a folder (nor is a link used)"),
    "cli.site.not_ours": (
        "{path} は空でなく、haru が書いたサイトのファイルだけでもありません（上書きしません）: 新しいフォルダを指定してください",
        "{path} is not empty and holds more than the site haru wrote there; haru never overwrites it: give a new "
        "folder",
    ),
    "cli.site.holds_workspace": ("{path} はワークスペースそのもの、またはそれを含むフォルダです: 別のフォルダを指定してください",
                                 "{path} is the workspace, or holds it: give another folder"),
    "cli.site.port_busy": ("127.0.0.1:{port} は使用中です: --port で別の番号を指定してください",
                           "127.0.0.1:{port} is in use: give another --port"),
    "cli.site.written": ("{count} ファイルを書き出しました: {path} を開いてください", "{count} files written: open {path}"),
    "cli.site.serving": ("{url} で表示しています（Ctrl+C で終了）", "serving on {url} (Ctrl+C to stop)"),
    "cli.school.certified": ("{student} は修了証 {certificate} を発行済みです（何も書いていません）。出力し直すには: "
                             "haru school certify {student} --render",
                             "{student} was certified already: {certificate}; nothing written. To print it again: "
                             "haru school certify {student} --render"),
    "cli.school.not_rendered": (
        "{record}（修了証の記録）は書きました。修了証を {output} に書き出せませんでした: {reason}。"
        "出力し直すには: haru school certify {student} --render -o <ファイル>",
        "wrote {record} (the certificate record), but could not write the certificate to {output}: {reason}. "
        "To print it again: haru school certify {student} --render -o FILE"),
    "cli.school.not_certified": ("{student} の修了証はまだ記録されていません（--render は記録済みの修了証を出力します）",
                                 "{student} has no certificate recorded yet (--render prints a recorded one)"),
    "cli.school.render_date": ("--render は記録済みの修了証をその発行日のまま出力します: --date は使えません",
                               "--render prints the recorded certificate as issued: --date cannot be given with it"),
    "cli.school.withdrawn": ("{student} は退学しています（修了証は発行しません）", "{student} has withdrawn: no certificate"),
    "cli.school.not_passed": ("{student} は {day} の時点で修了の条件を満たしていません。未修了の課題: {assignments}",
                              "{student} is not eligible on {day}; assignments not passed by then: {assignments}"),
    "cli.school.no_number": ("{year} 年の修了証の番号を取れませんでした", "no certificate number of {year} could be taken"),
    "cli.school.written": ("{path} を書きました", "wrote {path}"),
    "cli.school.half_done": (
        "{certificate} を書きましたが、{student} を修了にできず（{why}）、{certificate} を消すこともできませんでした"
        "（{reason}）: {student} の status を completed にするか、{certificate} を削除してください",
        "wrote {certificate}, but could not mark {student} completed ({why}) nor take {certificate} away again "
        "({reason}): set status: completed in {student}, or remove {certificate}"),
    "cli.bad.level": ("{value:q} は 基準=レベル ではありません（具体性=4 のように）",
                      "{value:q} is not CRITERION=LEVEL (like 具体性=4)"),
    "cli.opportunity.already": ("{id} はすでに「{stage}」です（何も変えていません）", "{id} is at {stage} already; nothing changed"),
    "cli.opportunity.due_before": ("次の一手の期日 {due} が {day} より前です（何も書き込んでいません）",
                                   "the next step's due date {due} is before {day}; nothing written"),
    "cli.opportunity.due_dropped": (
        "前の一手の期日 {due} は外しました。次の一手「{next}」には期日がないため upcoming には出ません（--due で指定できます）",
        "the due date {due} of the step before is gone: the next step {next:q} has none, so upcoming does not list it "
        "(give one with --due)"),
    "cli.bad.utf8": ("{value:q} は UTF-8 の文字列ではありません", "{value:q} is not UTF-8 text"),
    "cli.bad.quarter": ("{value:q} は四半期ではありません（2026Q3 のように）", "{value:q} is not a quarter: use 2026Q3"),
    "cli.bad.minutes": (
        "{value:q} は時間ではありません（90、90m、1.5h、1時間30分 のように。分は整数で、24 時間まで）",
        "{value:q} is no time: use 90, 90m, 1.5h or 1h30m (whole minutes, at most 24 hours)",
    ),
    "cli.bad.time": (
        "{value:q} は時間ではありません（1.5h、90m、1時間30分 のように。24 時間まで）",
        "{value:q} is no time spent: use 1.5h, 90m or 1h30m (at most 24 hours)",
    ),
    "cli.time.incomplete": (
        "注意: 読み飛ばした（または一部だけ読んだ）ファイルがあるため、時間は不完全かもしれません: {paths} — haru validate で確認してください",
        "note: the hours may be incomplete, for files were skipped (or read in part): {paths} — run haru validate",
    ),
    "cli.change.not_regular": ("{path} は通常のファイルではありません（フォルダ・パイプ・デバイス）: 変更しません",
                               "{path} is not a regular file (a folder, a pipe, a device): nothing changed"),
    "cli.change.link": ("{path} はシンボリックリンクです。haru はリンクの先を書き換えません: 変更しません",
                        "{path} is a symbolic link: haru does not rewrite what it points at; nothing changed"),
    "cli.change.too_large": ("{path} は {limit} MB を超えています（1 レコードは数ページの文章のはずです）: 変更しません",
                             "{path} is larger than {limit} MB (a record is a page of text): nothing changed"),
    "cli.change.unreadable": ("{path} を読めません: {reason}（変更しません）", "cannot read {path}: {reason}; nothing changed"),
    "cli.change.encoding": (
        "{path} は UTF-8 ではなく {encoding} のようです: 読めない文字を壊さないよう変更しません。"
        "UTF-8 で保存し直してください（例: iconv -f {encoding} -t UTF-8）",
        "{path} is not UTF-8 but seems to be {encoding}: haru does not rewrite what it cannot read; nothing "
        "changed. Save it as UTF-8 (e.g. iconv -f {encoding} -t UTF-8)"),
    "cli.change.not_text": ("{path} は UTF-8 のテキストではありません: 変更しません。UTF-8 で保存し直してください",
                            "{path} is not UTF-8 text: nothing changed; save it as UTF-8"),
    "cli.time.one_period": ("--month・--quarter・--fy はどれか 1 つだけ指定します", "give one of --month, --quarter and --fy"),
    "cli.automation.bad_number": ("{value:q} は 0 以上の数ではありません（15 や 7.5 のように）",
                                  "{value:q} is not a number of 0 or more (like 15 or 7.5)"),
    "cli.automation.before_since": ("測定日 {date} は使い始めた日 {since} より前です（何も書き込んでいません）",
                                    "the measurement of {date} is before the automation was first used, {since}; "
                                    "nothing written"),
    "cli.automation.before_last": (
        "測定日 {date} は前回の測定 {last} より前です（測定は古い順に並べます。何も書き込んでいません）",
        "the measurement of {date} is before the last one, of {last} (they go oldest first); nothing written"),
    "cli.automation.retired": ("{id} は {retired} に終了しています（その後の測定は書き込みません）",
                               "{id} was retired on {retired}; nothing measured after that is written"),
    "cli.bad.duration": (
        "{value:q} は期間ではありません（30d, 2w, 3m, 1y, 30日, 3ヶ月 …）",
        "{value:q} is not a duration: use 30d, 2w, 3m, 1y, 30日, 3ヶ月 ...",
    ),
    "cli.bad.century": ("{value:q} は 100 年を超えています", "{value:q} is longer than a century"),
    "cli.bad.folder": ("フォルダを指定してください（このフォルダなら .）", "give a folder (. for this one)"),
    "cli.bad.id": (
        "{value:q} は id ではありません（英小文字・数字・- で 64 文字以内）",
        "{value:q} is not an id: lowercase letters, digits and '-', at most 64",
    ),
    "cli.bad.choice": (
        "{value:q} は使えません（次のいずれか、またはその名前: {choices}）",
        "{value:q} is not one of {choices} (or their names)",
    ),
    # Click's own words
    "cli.usage.error": ("エラー: {message}", "Error: {message}"),
    "cli.usage.try": ("詳しくは '{command} {option}' を見てください。", "Try '{command} {option}' for help."),
    "cli.usage.no_option": ("オプション {option} はありません", "No such option: {option}"),
    "cli.usage.did_you_mean": ("（{near} のことですか？）", " (Possible options: {near})"),
    "cli.usage.missing_option": ("オプション {name} が必要です", "Missing option {name}"),
    "cli.usage.missing_argument": ("引数 {name} が必要です", "Missing argument {name}"),
    "cli.usage.missing_parameter": ("{name} が必要です", "Missing parameter {name}"),
    "cli.usage.bad_value": ("{name} の値が正しくありません: {reason}", "Invalid value for {name}: {reason}"),
    "cli.usage.not_one_of": ("{a0} は使えません（次のいずれか: {a1}）", "{a0} is not one of {a1}."),
    "cli.usage.out_of_range": ("{a0} は範囲外です（{a1}）", "{a0} is not in the range {a1}."),
    "cli.usage.not_int": ("{a0} は整数ではありません", "{a0} is not a valid integer."),
    "cli.usage.needs_value": ("オプション '{a0}' には値が必要です", "Option '{a0}' requires an argument."),
    "cli.usage.extra": ("余分な引数があります（{a0}）", "Got unexpected extra argument(s) ({a0})"),
    "cli.usage.no_command": ("コマンド '{a0}' はありません", "No such command '{a0}'."),
    "cli.usage.no_command_near": (
        "コマンド {command:q} はありません。{near} のことですか？",
        "No such command {command:q}. Did you mean {near}?",
    ),
    "cli.usage.is_dir": ("'{a0}' はフォルダです", "File '{a0}' is a directory."),
    "cli.usage.is_file": ("'{a0}' はファイルです（フォルダを指定してください）", "Path '{a0}' is a file."),
    "cli.usage.not_readable": ("'{a0}' を読めません（権限がありません）", "Path '{a0}' is not readable."),
    "cli.usage.not_writable": ("'{a0}' に書き込めません（権限がありません）", "Path '{a0}' is not writable."),
    "cli.usage.not_number": ("{a0} は数ではありません", "{a0} is not a valid number."),
    "cli.usage.not_bool": ("{a0} は真偽値ではありません（次のいずれか: {a1}）",
                           "{a0} is not a valid boolean. Recognized values: {a1}"),
    "cli.usage.no_value": ("オプション '{a0}' は値をとりません", "Option '{a0}' does not take a value."),
    "cli.usage.no_subcommand": ("コマンドを指定してください", "Missing command."),
    "cli.usage.not_exist": ("'{a0}' がありません", "Path '{a0}' does not exist."),
    "cli.aborted": ("中断しました。", "Aborted!"),
    # partners and contracts
    "cli.partner.more": (" ほか {count} 件（haru partner list）", " and {count} more (haru partner list)"),
    "cli.partner.several": (
        "「{query}」に該当するパートナーが複数あります: {names} — より詳しく指定してください",
        "{query:q} matches several partners: {names} — be more specific",
    ),
    "cli.partner.nearest": (
        "「{query}」に該当するパートナーがありません。候補: {names}",
        "no partner matches {query:q}; did you mean: {names}?",
    ),
    "cli.maybe_skipped": (
        "（誤りのため読み飛ばしたファイルにあるかもしれません: {paths} — haru validate で確認してください）",
        " (it may be in a file skipped for its errors: {paths} — run haru validate)",
    ),
    "cli.partner.none": (
        "「{query}」に該当するパートナーがありません。パートナー一覧: {names}",
        "no partner matches {query:q}; partners: {names}",
    ),
    "cli.vendor.more": (" ほか {count} 件（haru vendor list）", " and {count} more (haru vendor list)"),
    "cli.vendor.several": (
        "「{query}」に該当する委託先が複数あります: {names} — より詳しく指定してください",
        "{query:q} matches several vendors: {names} — be more specific",
    ),
    "cli.vendor.nearest": ("「{query}」に該当する委託先がありません。候補: {names}",
                           "no vendor matches {query:q}; did you mean: {names}?"),
    "cli.vendor.none": ("「{query}」に該当する委託先がありません。委託先一覧: {names}",
                        "no vendor matches {query:q}; vendors: {names}"),
    "cli.sourcing.closed": ("選定 {id} は{status}です（決定: {vendor}、{date}）。選定中のものだけを変えます: 直すには haru edit {id}",
                            "selection {id} is {status} (decision: {vendor}, {date}); only an open one changes: to "
                            "mend it, haru edit {id}"),
    "cli.sourcing.no_criterion": ("選定の基準に {name:q} はありません（基準: {criteria}）",
                                  "the selection has no criterion {name:q} (its criteria: {criteria})"),
    "cli.sourcing.bad_score": ("{value:q} は 1〜5 の点数ではありません", "{value:q} is not a score of 1 to 5"),
    "cli.sourcing.bad_pair": ("{value:q} は 基準=点数 ではありません（expertise=4 のように）",
                              "{value:q} is not CRITERION=N (like expertise=4)"),
    "cli.sourcing.twice": ("基準 {criterion} の点数が二度あります", "criterion {criterion} is scored twice"),
    "cli.sourcing.no_scores": ("点数がありません: --<基準> N か --score 基準=N で指定してください（基準: {criteria}）",
                               "no score given: give --CRITERION N or --score CRITERION=N (criteria: {criteria})"),
    "cli.sourcing.new_candidate": (
        "{vendor} は選定 {id} の候補ではありません。候補に加えるにはすべての基準の点数が必要です（足りない基準: {missing}）",
        "{vendor} is not a candidate of selection {id}; to add it, score every criterion (missing: {missing})"),
    "cli.sourcing.unscored": (
        "{vendor} は選定 {id} でまだ採点されていません。最初の採点にはすべての基準の点数が必要です（足りない基準: {missing}）",
        "{vendor} is not scored yet in selection {id}; its first scoring gives every criterion (missing: {missing})"),
    "cli.sourcing.not_candidate": (
        "{vendor} は選定 {id} の候補ではありません（候補: {candidates}）。先に haru sourcing score で点数をつけてください",
        "{vendor} is not a candidate of selection {id} (candidates: {candidates}); score it first with haru "
        "sourcing score"),
    "cli.sourcing.before_opened": ("決定日 {date} は選定 {id} を始めた日 {opened} より前です（何も書き込んでいません）",
                                   "the decision of {date} is before selection {id} was opened, {opened}; nothing "
                                   "written"),
    "cli.deliverable.none": ("契約 {contract} に成果物「{item}」がありません。成果物: {items}",
                             "contract {contract} has no deliverable {item:q}; its deliverables: {items}"),
    "cli.deliverable.delivered": (
        "{contract} の {item} は {day} に納品済みです（何も変えていません。差し戻し後の再納品は検収の --rework で数えます。"
        "日付を直すには haru edit {contract}）",
        "{item} of {contract} was delivered on {day}; nothing changed (a delivery after it was sent back counts "
        "as --rework at acceptance; to mend the date: haru edit {contract})"),
    "cli.deliverable.before_start": ("納品日 {day} は契約 {contract} の開始日 {start} より前です（何も書き込んでいません）",
                                     "the delivery of {day} is before contract {contract} starts, {start}; "
                                     "nothing written"),
    "cli.deliverable.undelivered": ("{contract} の {item} はまだ納品されていません: 先に haru deliverable deliver",
                                    "{item} of {contract} is not delivered yet: haru deliverable deliver first"),
    "cli.deliverable.accepted": ("{contract} の {item} は {day} に検収済みです（何も変えていません。直すには haru edit {contract}）",
                                 "{item} of {contract} was accepted on {day}; nothing changed (to mend it: haru edit "
                                 "{contract})"),
    # changing records (edit, action done, referral won | pay | cancel)
    "cli.action.no_such": ("{meeting} にはアクション {n} がありません（{count} 件）",
                           "{meeting} has no action {n} (it has {count})"),
    "cli.action.already": ("{meeting} のアクション {n}「{task}」は完了済みです（何も変えていません）",
                           "action {n} of {meeting} ({task:q}) is done already; nothing changed"),
    "cli.action.open_already": ("{meeting} のアクション {n}「{task}」は未完了です（何も変えていません）",
                                "action {n} of {meeting} ({task:q}) is open already; nothing changed"),
    "cli.action.due_before": ("期限 {due} は会議 {meeting} の日 {date} より前です（何も書き込んでいません）",
                              "the due date {due} is before the meeting {meeting} of {date}; nothing written"),
    "cli.change.not_editable": ("{path} はその場で書き換えられません（{reason}）: haru edit で直してください",
                                "cannot change {path} in place ({reason}): use haru edit"),
    "cli.incomplete": (
        "注意: 読み飛ばした（または一部だけ読んだ）ファイルがあるため、数字と記録は不完全かもしれません: {paths} — haru validate で確認してください",
        "note: figures and records may be incomplete, for files were skipped (or read in part): {paths} — run haru validate",
    ),
    "cli.incomplete_note": (
        "※ 不完全: 次のファイルを読み飛ばした（または一部だけ読んだ）ため、この数字は変わるかもしれません: {paths}",
        "* incomplete: these figures may change, for these files were skipped (or read in part): {paths}",
    ),
    "cli.change.twin": (
        "{path} には同じものがすでに記録されています（書き込むと: {where}）。二重の記録でなく意図したものなら --again を付けて実行してください。何も書き込んでいません",
        "{path} records the same already (written, {where}); if it is meant, not a double entry, run again with --again. Nothing written",
    ),
    "cli.change.has_errors": (
        "{path} にエラーがあるため変更しません: 先に haru validate {path} で直してください",
        "{path} has errors, so it is not changed: fix it first (haru validate {path})",
    ),
    "cli.change.nothing": ("{path} は変わりません", "{path} is unchanged"),
    "cli.change.changed": ("{path} が読んだ後に変更されました。何も書き込んでいません（もう一度実行してください）",
                           "{path} changed since haru read it; nothing written (run the command again)"),
    "cli.change.read_only": ("{path} は読み取り専用です。何も書き込んでいません", "{path} is read-only; nothing written"),
    "cli.referral.not_now": ("紹介 {id} は{status}です（この操作は{allowed}の紹介にだけできます）",
                             "referral {id} is {status} (this is for a referral that is {allowed})"),
    "cli.edit.kept": ("編集した内容は {draft} に残しました", "your edit is kept in {draft}"),
    "cli.change.done": ("{path} を更新しました", "updated {path}"),
    "cli.edit.not_a_record": ("{path} はワークスペースのレコードのファイルではありません",
                              "{path} is not a record file of the workspace"),
    "cli.edit.none": ("「{query}」に該当するレコードはありません（id、名前、タイトル、かな、担当者名、またはファイルのパスで"
                      "指定します）",
                      "no record matches {query:q} (give its id, name, title, kana, a contact's name, or its file's "
                      "path)"),
    "cli.edit.several_named": ("「{query}」に該当するレコードが複数あります: {names} — より詳しく、またはパスで指定して"
                               "ください",
                               "{query:q} matches more than one record: {names} — be more specific, or give the path"),
    "cli.edit.nearest": ("「{query}」に該当するレコードはありません。候補: {names}",
                         "no record matches {query:q}; closest: {names}"),
    "cli.edit.several": ("ID「{id}」のレコードが複数あります: {paths} — パスで指定してください",
                         "several records have the id {id:q}: {paths} — give the path"),
    "cli.search.none": ("「{query}」は見つかりません", "{query:q} is nowhere"),
    "cli.search.more": ("最初の {limit} 件だけを表示しました", "only the first {limit} are shown"),
    # a record named by what a person types (cli/context.resolve_record)
    "cli.record.several": (
        "「{query}」に該当する{kind}が複数あります: {names} — より詳しく指定してください",
        "{query:q} matches more than one {kind}: {names} — be more specific",
    ),
    "cli.record.nearest": ("「{query}」に該当する{kind}がありません。候補: {names}",
                           "no {kind} matches {query:q}; closest: {names}"),
    "cli.record.none": ("「{query}」に該当する{kind}がありません。{kind}: {names}",
                        "no {kind} matches {query:q}; there are: {names}"),
    "cli.record.more": (" ほか {count} 件", " and {count} more"),
    # fees
    "cli.fees.give_amount": ("{name} の {month} 分には支払う額がありません: --amount で金額を指定してください",
                             "{name} has nothing payable for {month}: give the amount with --amount"),
    "cli.fees.no_bank": ("振込先の口座（bank:）がないため除きました: {names}", "left out, for they have no bank account (bank:): {names}"),
    "cli.fees.pay_incomplete": (
        "{paths} を読み飛ばしたため、支払うべき額が確かではありません。何も書き込んでいません: haru validate で直すか、--amount で額を指定してください",
        "the payable is not certain while {paths} are skipped; nothing written: fix them (haru validate), or give --amount",
    ),
    "cli.fees.no_bank_settings": ("haru.yaml に HaRu の口座（bank:）と委託者（transfer:）を書いてください",
                                  "write HaRu's own account (bank:) and the requester (transfer:) into haru.yaml"),
    "cli.fees.settings_broken": (
        "haru.yaml の誤り（上記）を直すまで総合振込ファイルは作れません: HaRu の口座（bank:）と委託者（transfer:）が読めません",
        "no transfer file until the mistakes in haru.yaml (above) are mended: HaRu's own account (bank:) and the "
        "requester (transfer:) cannot be read",
    ),
    "cli.fees.nothing_to_transfer": ("{month} 分に振り込む明細はありません（何も書いていません）",
                                     "nothing to transfer for {month}; nothing written"),
    "cli.fees.refused_character": ("{value:q} の {char:q} は銀行が受け付けない文字です（何も書いていません）",
                                   "{value:q} holds {char:q}, which banks refuse; nothing written"),
    "cli.fees.too_long": ("{field}: {value:q} は {width} 桁に収まりません（何も書いていません）",
                          "{field}: {value:q} does not fit its {width} places; nothing written"),
    "cli.fees.incomplete": (
        "注意: 読み飛ばしたファイルがあるため、金額は不完全かもしれません: {paths} — haru validate で確認してください",
        "note: the amounts may be incomplete, for files were skipped: {paths} — run haru validate",
    ),
    "cli.fees.no_fees": ("{name} の {month} 分の紹介手数料はありません", "{name} has no fees for {month}"),
    "cli.fees.refund_amount": ("返金の金額を --amount で指定してください", "give the amount refunded with --amount"),
    "cli.fees.transfer_day_closed": (
        "振込指定日 {day} は銀行の営業日ではありません（土日・祝日・12/31〜1/3）。振込ファイルには使えません: "
        "--date で営業日を指定してください",
        "the transfer date {day} is not a business day (a weekend, a public holiday or 12/31-1/3), so no transfer "
        "file can carry it: give a business day with --date",
    ),
    "cli.fees.transfer_day_too_far": (
        "振込指定日 {day} は1年以上先です。振込ファイルの指定日は月日（MMDD）だけなので、銀行は今年の同じ日と読みます: "
        "--date で1年以内の日を指定してください",
        "the transfer date {day} is a year or more ahead: the file gives only its month and day (MMDD), which the bank "
        "reads as the coming one; give a day within a year with --date",
    ),
    "cli.fees.transfer_day_too_soon": (
        "振込指定日 {day} には間に合いません: 銀行には前営業日までにファイルが必要です（今日からなら {first} 以降）。"
        "--date で指定してください",
        "the transfer date {day} is too soon: the bank needs the file by the business day before (from today, "
        "{first} at the earliest); give a later day with --date",
    ),
    "cli.fees.one_period": ("--month か --year のどちらか一方を指定してください", "give --month or --year, not both"),
    "cli.fees.journal_incomplete": (
        "読み飛ばしたファイルがあるため仕訳を書きません（その手数料や支払いが抜けた仕訳になります）: {paths} — "
        "haru validate で確認してください",
        "no journal while files are skipped (their fees or payments would be missing from the books): {paths} — "
        "run haru validate",
    ),
    "cli.fees.own_bank_unknown": (
        "haru.yaml の bank（金融機関 {bank}・支店 {branch}）が全銀の一覧にありません。振込ファイルを書きません: "
        "銀行から届いたコードを確認してください",
        "haru.yaml's bank (bank {bank}, branch {branch}) is not in the 全銀 list: no transfer file; check the codes "
        "your bank gave",
    ),
    "cli.fees.nothing_to_book": (
        "{first}〜{last} に仕訳する明細・支払いはありません", "no statements or payouts to book from {first} to {last}"),
    "cli.fees.no_tax_class": (
        "{product} には仕入税額控除 {share} の税区分がありません（{ref}）。haru.yaml の tax.unregistered_credit を確認してください",
        "{product} has no tax class for a deductible share of {share} ({ref}); check tax.unregistered_credit in haru.yaml",
    ),
    "cli.fees.transfer_incomplete": (
        "読み飛ばしたファイルがあるため振込ファイルを書きません（支払いの記録が読めないと二重に支払うおそれがあります）: "
        "{paths} — haru validate で確認してください",
        "no transfer file while files are skipped (a payment that cannot be read could be paid twice): {paths} — "
        "run haru validate",
    ),
    # writing
    "cli.write.exists": ("{path} は既にあります（haru はファイルを上書きしません）",
                         "{path} already exists; haru never overwrites a file"),
    "cli.write.folder_is_file": ("{path} に書き込めません: 途中のフォルダがファイルです",
                                 "cannot write {path}: a folder in its path is a file"),
    "cli.write.link": ("{path} に書き込めません: {reason}（haru はワークスペースの中にだけ書き込みます）",
                       "cannot write {path}: {reason} (haru writes only inside the workspace)"),
    "cli.write.failed": ("{path} に書き込めません: {reason}（何も書き込んでいません）",
                         "cannot write {path}: {reason}; nothing written"),
    "cli.write.no_folder": ("{folder} というフォルダがないため {path} を書けません（何も書いていません）",
                            "cannot write {path}: there is no folder {folder}; nothing written"),
    "cli.write.too_long": ("{path} に書き込めません: 名前が長すぎます（{size} バイト、上限 {limit} バイト）。何も書き込んでいません",
                           "cannot write {path}: the name is too long ({size} bytes, at most {limit}); nothing written"),
    "cli.wrote": ("{path} に書き出しました", "wrote {path}"),
    "cli.read_failed": ("{path} を読めません: {reason}", "cannot read {path}: {reason}"),
    "cli.read.symlink": ("シンボリックリンクです（たどりません）", "it is a symbolic link (never followed)"),
    "cli.read.not_regular": ("通常のファイルではありません", "it is not a regular file"),
    "cli.nothing_written": ("何も書き込んでいません", "nothing written"),
    # new and --edit
    "cli.new.give_id": ("名前から{record}の ID を作れません: ID（英小文字・数字・-）を --id で指定してください",
                        "no id can be made from the name: give the {record}'s id with --id (lowercase letters, digits, -)"),
    "cli.new.which_contract": (
        "{name} の{kind}の手数料規定のある有効な契約が {count} 件あります。--contract で指定してください",
        "{name} has {count} active contracts with a {kind} fee rule: name one with --contract",
    ),
    # new vendor | sourcing | course | project | opportunity | automation; new contract --vendor; the bank account
    # of new partner and new vendor (SPEC §16)
    "cli.new.give_id_title": (
        "件名から{record}の ID を作れません（ID は英字だけの件名から作ります）: ID（英小文字・数字・-）を --id で指定してください",
        "no id can be made from a title that is not in Latin letters: give the {record}'s id with --id "
        "(lowercase letters, digits, -)",
    ),
    "cli.new.give_id_or_kana": (
        "名前から{record}の ID を作れません: ID（英小文字・数字・-）を --id で指定するか、よみを --kana で指定してください"
        "（よみのローマ字から作ります）",
        "no id can be made from the name: give the {record}'s id with --id (lowercase letters, digits, -), or its "
        "reading with --kana (the id is made from its romaji)",
    ),
    "cli.new.contract_owner": (
        "契約の相手を、パートナー（QUERY）か委託先（--vendor）のどちらか一方で指定してください",
        "say whom the contract is with: a partner (QUERY) or a vendor (--vendor), one of the two",
    ),
    "cli.new.bank_together": (
        "口座は --bank-code・--branch・--account・--holder の 4 つをそろえて指定してください（足りないもの: {missing}）",
        "a bank account takes all four of --bank-code, --branch, --account and --holder (missing: {missing})",
    ),
    "cli.new.bad_criterion": (
        "{value:q} は 基準=重み ではありません（expertise=40% や 専門性=40% のように。独自の基準は英小文字・数字・_・-）",
        "{value:q} is not CRITERION=WEIGHT (like expertise=40% or 専門性=40%; a criterion of your own is lowercase "
        "letters, digits, _ and -)",
    ),
    "cli.new.criterion_twice": ("基準 {key:q} を 2 度指定しています", "the criterion {key:q} is given twice"),
    "cli.new.bad_deliverable": (
        "{value:q} は ID:題名:期日 ではありません（ep1:第1話 編集版:2026-11-15 のように）",
        "{value:q} is not ID:TITLE:DUE (like ep1:第1話 編集版:2026-11-15)",
    ),
    "cli.new.bad_assignment": (
        "{value:q} は ID:件名:基準,基準 ではありません（a1:自社業務へのAI適用:具体性,効果検証 のように。件名は空でも可）",
        "{value:q} is not ID:TITLE:CRITERION,CRITERION (like a1:自社業務へのAI適用:具体性,効果検証; the title may be "
        "empty)",
    ),
    "cli.edit.bad_editor": ("$EDITOR をコマンドとして読めません", "$EDITOR cannot be read as a command"),
    "cli.edit.no_editor": ("$EDITOR が空です", "$EDITOR is empty"),
    "cli.edit.cannot_start": ("エディタ {editor:q} を起動できません: {reason}（何も書き込んでいません）",
                              "cannot start the editor {editor:q}: {reason}; nothing written"),
    "cli.edit.editor_failed": ("エディタが異常終了しました。何も書き込んでいません",
                               "the editor failed; nothing written"),
    "cli.edit.empty": ("下書きが空のため何も書き込んでいません", "the draft is empty: nothing written"),
    "cli.edit.exists": ("{path} は既にあります。何も書き込んでいません", "{path} already exists; nothing written"),
    "cli.edit.refused": ("問題があるため何も書き込んでいません", "the record has problems; nothing written"),
    "cli.edit.ask": ("問題があります: (e)再編集 / (a)中止（下書きを残す）",
                     "The record has problems: (e)dit again or (a)bandon (keeping the draft)?"),
    "cli.edit.abandoned": ("何も書き込んでいません。下書きは {draft} にあります",
                           "nothing written; the draft is kept at {draft}"),
    "cli.edit.interrupted": ("中断しました。何も書き込んでいません（下書き: {draft}）",
                             "interrupted; nothing written (the draft is kept at {draft})"),
    # validate
    "cli.validate.summary": ("{files} ファイルを検査: エラー {errors} 件、警告 {warnings} 件",
                             "{files} checked: {errors}, {warnings}"),
    "cli.validate.no_path": ("ファイルまたはフォルダ {path} がありません", "no such file or folder: {path}"),
    "cli.git.not_a_repository": ("{path} は git リポジトリの中にありません", "{path} is not inside a git repository"),
    "cli.git.failed": ("git {command} に失敗しました: {reason}", "git {command} failed: {reason}"),
    "cli.git.not_a_folder": ("{path} がフォルダではありません（gitdir: の指し先・リンク・ファイル）: haru は"
                             "リポジトリ自身の .git フォルダのステージだけを検査します",
                             "{path} is not a folder (a gitdir: pointer, a link or a file): haru checks only what "
                             "a repository's own .git folder has staged"),
    "cli.git.elsewhere": ("git は {path} ではなく {git_dir} を使っています（GIT_DIR・core.worktree）: 検査しません",
                          "git uses {git_dir}, not {path} (GIT_DIR, core.worktree): nothing checked"),
    "cli.git.bad_name": ("ステージされたファイル名 {path:q} はワークスペースの外を指すか、他の名前と重なります: "
                         "何も検査していません",
                         "the staged name {path:q} leaves the workspace or clashes with another: nothing checked"),
    "cli.git.unmerged": ("マージが終わっていないファイルがあります: {paths}（解決して git add してください）",
                         "unmerged files: {paths} (resolve them and git add)"),
    "cli.git.not_staged": ("ステージされた内容に {path} の haru.yaml がありません",
                           "what is staged holds no haru.yaml for {path}"),
    # schema
    "cli.schema.up_to_date": ("{path} は最新です", "{path} is up to date"),
    "cli.schema.kept_outdated": ("{path} は古いまま残しました（再生成するには削除してください）",
                                 "kept {path} (outdated: remove it to regenerate)"),
    "cli.schema.outdated": ("内容の異なるスキーマがあります（最新のものを書くには削除してください）: {paths}",
                            "outdated schema files (remove them to write the current ones): {paths}"),
    # init
    "cli.init.exists": ("{path} は既にワークスペースです。足りないものだけ加えるには --missing を付けてください",
                        "{path} already holds a workspace; use --missing to add only what is missing"),
    "cli.init.kept": ("{path} は既にあるため残しました", "kept {path} (exists)"),
    "cli.init.no_git": ("git がないためリポジトリは作成していません", "git is not installed: no repository created"),
    "cli.init.already_git": ("既に git リポジトリです", "already a git repository"),
    "cli.init.inside_git": (
        "git リポジトリ {top} の中です。フックと CI を有効にするには .pre-commit-config.yaml と "
        ".github/ をそのトップへ移して（または既存のものに統合して）ください",
        "inside the git repository {top}: move .pre-commit-config.yaml and .github/ to its top "
        "(or merge them into its own) for the hook and the CI check to run",
    ),
    "cli.init.git_failed": ("git init に失敗しました: {reason}", "git init failed: {reason}"),
    "cli.init.driver_name": ("haru: レコードをキーと記録ごとにマージ", "haru: records merged by keys and entries"),
    "cli.init.git_config_failed": ("git config に失敗しました: {reason}", "git config failed: {reason}"),
    "cli.init.git_configured": (
        "このクローンの .git/config に merge.haru.driver を設定しました: {command}",
        "set merge.haru.driver in this clone's .git/config: {command}",
    ),
    "cli.init.no_gitattributes": (
        "ワークスペースに .gitattributes がありません: haru init --missing {folder} で書き加えると、レコードが"
        "このドライバでマージされます",
        "the workspace has no .gitattributes: haru init --missing {folder} adds it, so that records are merged "
        "with this driver",
    ),
    "cli.init.workflow_expression": (
        "CI のワークフローは書いていません: フォルダ名か --source に '${{{{' があり、GitHub がそれを式として評価するためです",
        "no CI workflow written: the folder's name or --source holds '${{{{', which GitHub would evaluate as an expression",
    ),
    "cli.init.digest_secrets": (
        "ダイジェストのワークフロー（平日 8:00 に投稿）を書きました。リポジトリの Actions のシークレットに {names} を登録してください",
        "the digest's workflow (posting at 8:00 on weekdays) is written: add {names} to the repository's Actions secrets",
    ),
    "cli.init.no_workflow": (
        "CI のワークフローは書いていません: haru をどこからインストールするか分からないためです。"
        "haru の git URL を --source で指定して `haru init --missing --source URL` を実行すると書き加えます",
        "no CI workflow written: where to install haru from is not known. "
        "`haru init --missing --source <haru's git URL>` adds it",
    ),
    "cli.init.next": (
        "次のステップ:\n  cd {folder}\n  haru new partner 株式会社ウエダ --id ueda --kana ウエダ --cadence monthly\n"
        "  haru validate\n  pre-commit install   # コミット前とマージ時に haru validate が動きます\n"
        "  haru init --git-config   # チームで共有するなら、各クローンで一度: レコードをキーと項目ごとにマージします\n"
        "  git add -A && git commit -m \"最初のレコード\"",
        "Next steps:\n  cd {folder}\n  haru new partner \"Ueda Logistics\" --id ueda --cadence monthly\n"
        "  haru validate\n  pre-commit install   # haru validate runs before every commit and merge\n"
        "  haru init --git-config   # shared by a team: once in each clone, records merge by keys and entries\n"
        "  git add -A && git commit -m \"first records\"",
    ),
    "cli.init.next_move": (
        "  （.pre-commit-config.yaml と .github/ は {top} のトップへ移してください）",
        "  (move .pre-commit-config.yaml and .github/ to the top of {top})",
    ),
    # hook
    # school renumber (SPEC §18)
    "cli.school.renumber.no_file": ("ワークスペースに {path} がありません", "no file {path} in the workspace"),
    "cli.school.renumber.not_certificate": ("{path} は修了証のファイル（certificates/<年>/<番号>.yaml）ではありません",
                                            "{path} is not a certificate's file (certificates/<year>/<number>.yaml)"),
    "cli.school.renumber.no_conflict": (
        "{path} に競合マーカーがありません: 2 つのブランチで同じ番号が使われたマージの途中でのみ付け直せます",
        "{path} holds no conflict markers: a number is settled only in a merge that found it taken on both branches",
    ),
    "cli.school.renumber.side_invalid": ("{path} の{side}の版が修了証として正しくありません（上記）",
                                         "{side}'s version of {path} is not a valid certificate (above)"),
    "cli.school.renumber.not_same": ("{path} の両側の番号が違います（{ours} と {theirs}）",
                                     "the two sides of {path} have different numbers ({ours} and {theirs})"),
    "cli.school.renumber.same_student": (
        "{path}: 両方のブランチが同じ受講生 {student} を修了としていました。こちらの修了証を残しました — git add してください",
        "{path}: both branches certified the same student, {student}; ours is kept — git add it",
    ),
    "cli.school.renumber.done": (
        "{kept}（{student}）はそのまま、{other} の修了証を {moved} に付け直しました（replaces: {kept}）: {path} — "
        "両方のファイルを git add してマージを終えてください",
        "{kept} ({student}) kept its number; {other}'s certificate is now {moved} (replaces: {kept}): {path} — "
        "git add both files to finish the merge",
    ),
    "cli.school.renumber.not_rendered": (
        "受講生 {student} のファイルが読み飛ばされているため修了証を出力していません。直してから "
        "haru school certify {student} --render",
        "the certificate is not rendered: student {student}'s file is skipped; fix it, then haru school certify "
        "{student} --render",
    ),
    # merge-driver (SPEC §18)
    "cli.merge.side.base": ("共通の祖先", "the common ancestor"),
    "cli.merge.side.ours": ("こちら", "ours"),
    "cli.merge.side.theirs": ("相手", "theirs"),
    "cli.merge.whole": ("ファイル全体", "the whole file"),
    "cli.merge.refused": (
        "{path} をマージできません: {side}の版 {file} は{reason}。こちらの版のまま未マージで残します"
        "（相手の版は git checkout --theirs -- {path}）",
        "cannot merge {path}: {side}'s version {file} {reason}; left as ours, unmerged (theirs: git checkout "
        "--theirs -- {path})",
    ),
    "cli.merge.reason.link": ("シンボリックリンクです", "is a symbolic link"),
    "cli.merge.reason.not_regular": ("通常のファイルではありません", "is not a regular file"),
    "cli.merge.reason.too_large": ("{limit} MB を超えています", "is larger than {limit} MB"),
    "cli.merge.reason.unreadable": ("読めません（{reason}）", "cannot be read ({reason})"),
    "cli.merge.reason.encoding": ("UTF-8 ではありません（{guess}？）", "is not UTF-8 ({guess}?)"),
    "cli.merge.outside": ("{file} は git が実行したフォルダ {folder} の外にあります。書き込みません",
                          "{file} is outside the folder git runs the driver in, {folder}: nothing written"),
    "cli.merge.certificate": (
        "{path}: 同じ修了証番号を両方のブランチが発行しています（{keys}）— マーカーはそのままで、haru school renumber {path} "
        "がこちらの番号を残し、相手の受講生に次の番号を振ります",
        "{path}: both branches issued this certificate number ({keys}) — leave the markers, and haru school "
        "renumber {path} keeps this branch's number and gives the other student the next one",
    ),
    "cli.merge.conflict": (
        "{path}: 両方のブランチが違う値にしています: {keys} — 競合マーカーの間で正しい値を残し、git add してください",
        "{path}: both branches changed it differently: {keys} — keep the right value between the conflict "
        "markers, then git add",
    ),
    "cli.merge.unreadable": (
        "{path}: {side}の版がレコードとして読めないため、キーごとにはマージできません。両方の版を競合マーカーで残しました",
        "{path}: {side}'s version does not read as a record, so it cannot be merged by keys; both versions are "
        "left between conflict markers",
    ),
    "cli.merge.not_editable": (
        "{path}: 相手の変更をこのファイルの書き方のまま入れられません（{reason}）。両方の版を競合マーカーで残しました",
        "{path}: theirs' change cannot be made in this file as it is written ({reason}); both versions are left "
        "between conflict markers",
    ),
    "cli.merge.invalid": (
        "{path}: 合わせた結果が正しいレコードになりません（上記）。両方の版を競合マーカーで残しました",
        "{path}: the merged record would not be valid (above); both versions are left between conflict markers",
    ),
    "cli.hook.installed": ("{path} を書き込みました（ワークスペース: {workspace}）",
                           "wrote {path} (workspace: {workspace})"),
    "cli.hook.which": ("リポジトリに複数のワークスペースがあります: {paths} — --data で指定してください",
                       "the repository holds several workspaces: {paths} — name one with --data"),
    "cli.hook.none": ("リポジトリにワークスペース（haru.yaml）がありません", "the repository holds no workspace (haru.yaml)"),
    "cli.hook.unusual_git": ("git のフォルダが通常の .git ではないか、フックの置き場所 {hooks} がリポジトリの外です。書き込みません",
                             "git's folder is not a usual .git, or the hooks folder {hooks} lies outside the repository: nothing written"),
    "cli.hook.outside": ("ワークスペース {path} はリポジトリ {top} の外にあります",
                         "the workspace {path} is outside the repository {top}"),
}
