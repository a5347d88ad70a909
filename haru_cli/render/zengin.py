"""The 全銀協 総合振込 file (SPEC §8.1 `fees transfer`): fixed records of 120 bytes in cp932, each followed by
CRLF, the end record too (122 bytes a record: banks that take line breaks take them after every record, and
some refuse a last record without one) — a header (1), one data record (2) per payee, a trailer (8) with their
count and total, an end record (9).
Numeric fields are right-aligned and zero-filled, text fields left-aligned and space-filled (half-width
katakana, capital letters, digits: one byte each in cp932)."""

from __future__ import annotations

from datetime import date

from haru_cli.views.shapes import Account, Payee

RECORD = 120
# 預金種目: the header takes 1 普通, 2 当座, 9 その他; a payee also 4 貯蓄.
SENDER_TYPES = {"ordinary": "1", "current": "2", "savings": "9"}
PAYEE_TYPES = {"ordinary": "1", "current": "2", "savings": "4"}


class TooLong(ValueError):
    """A value that does not fit its field (a name longer than the bank takes, an amount too large)."""

    def __init__(self, field: str, value: str, width: int) -> None:
        super().__init__(f"{field}: {value!r} is longer than {width}")
        self.field, self.value, self.width = field, value, width


def _number(field: str, value: int | str, width: int) -> str:
    text = str(value)
    if not text.isdigit() or len(text) > width:
        raise TooLong(field, text, width)
    return text.rjust(width, "0")


def _text(field: str, value: str, width: int, *, cut: bool = False) -> str:
    """A text field; `cut` for a bank's or branch's own name, which the bank does not match on."""
    if len(value.encode("cp932")) > width:
        if not cut:
            raise TooLong(field, value, width)
        value = value.encode("cp932")[:width].decode("cp932", "ignore")
    return value + " " * (width - len(value.encode("cp932")))


def transfer_file(requester_code: str, requester_name: str, day: date, sender: Account,
                  payees: list[Payee]) -> bytes:
    """The file's bytes (TooLong when a value does not fit its field)."""
    header = ("1" + "21" + "0" + _number("requester_code", requester_code, 10)
              + _text("requester_name", requester_name, 40) + f"{day:%m%d}"
              + _number("bank", sender.bank, 4) + _text("bank_name", sender.bank_name, 15, cut=True)
              + _number("branch", sender.branch, 3) + _text("branch_name", sender.branch_name, 15, cut=True)
              + SENDER_TYPES[sender.type] + _number("number", sender.number, 7) + " " * 17)
    records = [header]
    for payee in payees:
        a = payee.account
        records.append(
            "2" + _number("bank", a.bank, 4) + _text("bank_name", a.bank_name, 15, cut=True)
            + _number("branch", a.branch, 3) + _text("branch_name", a.branch_name, 15, cut=True)
            + "0000" + PAYEE_TYPES[a.type] + _number("number", a.number, 7) + _text("holder", a.holder, 30)
            + _number("amount", payee.amount, 10)
            + "0" + "0" * 10 + "0" * 10  # 新規コード: その他; no customer codes
            + "7" + " " + " " * 7)  # 振込指定区分: 電信扱; 識別表示: none
    total = sum(p.amount for p in payees)
    records.append("8" + _number("count", len(payees), 6) + _number("total", total, 12) + " " * 101)
    records.append("9" + " " * 119)
    encoded = [record.encode("cp932") for record in records]
    assert all(len(record) == RECORD for record in encoded), "a 全銀 record is 120 bytes"
    return b"".join(record + b"\r\n" for record in encoded)
