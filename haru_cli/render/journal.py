"""Journal entries as the import CSV of an accounting product (SPEC §8.2 `fees journal`), each in the
layout its help documents (docs/commands.md names the pages):

- マネーフォワード クラウド会計, 仕訳帳インポート (`mf`): 27 columns, 取引No to 最終更新者; the rows of one entry
  share their 取引No and 取引日 and balance together (複合仕訳); a taxable purchase says 課税仕入 with the
  インボイス column 適格 or its transitional share (80％控除 …).
- freee会計, 取引インポート (`freee`): 21 columns, 収支区分 to 決済金額; a deal's first row carries 収支区分,
  its further rows leave it empty; the fees are a 支出 deal (税込, 内税) whose withholding is a minus 預り金 row,
  left unsettled (freee books it to 未払金); a payment a 支出 deal of 未払金 settled from the bank 口座, a refund
  a 収入 deal of the fees given back (対象外) settled into it.

Both are UTF-8 with a BOM and CRLF (render/formats.py), dates YYYY/MM/DD, amounts whole yen."""

from __future__ import annotations

from haru_cli.records.values import Rate
from haru_cli.render.formats import csv_text
from haru_cli.views.journal import Entry, Posting
from haru_cli.views.shapes import Money, Row, Value

MF_HEADINGS = ("取引No,取引日,借方勘定科目,借方補助科目,借方部門,借方取引先,借方税区分,借方インボイス,借方金額(円),"
               "借方税額,貸方勘定科目,貸方補助科目,貸方部門,貸方取引先,貸方税区分,貸方インボイス,貸方金額(円),"
               "貸方税額,摘要,仕訳メモ,タグ,MF仕訳タイプ,決算整理仕訳,作成日時,作成者,最終更新日時,最終更新者").split(",")
FREEE_HEADINGS = ("収支区分,管理番号,発生日,決済期日,取引先コード,取引先,勘定科目,税区分,金額,税計算区分,税額,備考,"
                  "品目,部門,メモタグ（複数指定可、カンマ区切り）,セグメント1,セグメント2,セグメント3,決済日,決済口座,"
                  "決済金額").split(",")

NOT_TAXABLE = "対象外"
# The transitional shares each product names (a share it has no name for is refused, never guessed).
MF_INVOICE = {100: "適格", 80: "80％控除", 70: "70％控除", 50: "50％控除", 30: "30％控除", 0: "控除なし"}
FREEE_SHARE = {100: "", 80: "（控80）", 70: "（控70）", 50: "（控50）", 30: "（控30）"}


class NoTaxClass(ValueError):
    """A deductible share the product has no tax class for (a haru.yaml table of other shares)."""

    def __init__(self, product: str, share: Rate, ref: str) -> None:
        super().__init__(f"{product}: no tax class for {share} ({ref})")
        self.product, self.share, self.ref = product, share, ref


def _share(posting: Posting, names: dict[int, str], product: str, ref: str) -> str:
    share = posting.credit if posting.credit is not None else Rate.parse("100%")
    if share.percent != share.percent.to_integral_value() or int(share.percent) not in names:
        raise NoTaxClass(product, share, ref)
    return names[int(share.percent)]


def _day(entry: Entry) -> str:
    return f"{entry.day:%Y/%m/%d}"


def _mf_side(posting: Posting | None, entry: Entry, rate: Rate) -> list[Value]:
    if posting is None:
        return [None] * 8
    partner = None if posting.role == "bank" else entry.partner
    if posting.tax is None:
        return [posting.account, None, None, partner, NOT_TAXABLE, None, Money(posting.amount), None]
    return [posting.account, None, None, partner, f"課税仕入 {rate}", _share(posting, MF_INVOICE, "mf", entry.ref),
            Money(posting.amount), Money(posting.tax)]


def mf_csv(entries: list[Entry], rate: Rate) -> str:
    """マネーフォワード クラウド会計's 仕訳帳 import: an entry's debits and credits side by side, row by row,
    under one 取引No (1, 2, 3 … in the file)."""
    rows: list[Row] = []
    for number, entry in enumerate(entries, 1):
        debits = [p for p in entry.postings if p.side == "debit"]
        credits = [p for p in entry.postings if p.side == "credit"]
        for i in range(max(len(debits), len(credits))):
            debit = debits[i] if i < len(debits) else None
            credit = credits[i] if i < len(credits) else None
            rows.append([str(number), _day(entry), *_mf_side(debit, entry, rate), *_mf_side(credit, entry, rate),
                         f"{entry.partner} {entry.memo}", entry.ref, None, None, None, None, None, None, None])
    return csv_text(MF_HEADINGS, rows)


def freee_csv(entries: list[Entry], rate: Rate) -> str:
    """freee's 取引 import: one deal per entry."""
    rows: list[Row] = []
    for entry in entries:
        memo = f"{entry.partner} {entry.memo}"
        if entry.kind == "accrual":
            fees = entry.posting("fees")
            tax_class = f"課対仕入{_share(fees, FREEE_SHARE, 'freee', entry.ref)}{rate}"
            rows.append(["支出", entry.ref, _day(entry), f"{entry.due:%Y/%m/%d}" if entry.due else None, None,
                         entry.partner, fees.account, tax_class, Money(fees.amount), "内税", Money(fees.tax), memo,
                         *[None] * 9])
            for withheld in (p for p in entry.postings if p.role == "withholding"):  # what is owed is freee's 未払金
                rows.append([None, None, None, None, None, None, withheld.account, NOT_TAXABLE,
                             Money(-withheld.amount), None, None, memo, *[None] * 9])
            continue
        bank = entry.posting("bank")
        owed = next(p for p in entry.postings if p is not bank)  # 未払金 paid, or the fees given back
        rows.append(["支出" if entry.kind == "payment" else "収入", entry.ref, _day(entry), None, None, entry.partner,
                     owed.account, NOT_TAXABLE, Money(owed.amount), None, None, memo, None, None, None, None, None,
                     None, _day(entry), bank.account, Money(bank.amount)])
    return csv_text(FREEE_HEADINGS, rows)
