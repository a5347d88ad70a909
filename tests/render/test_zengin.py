"""The 全銀 総合振込 file as bytes, read back by a reader of the published layout (tests/zengin_layout.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from haru_cli.records.values import bank_kana, parse_account_number
from haru_cli.render.zengin import transfer_file
from haru_cli.views.shapes import Account, Payee
from tests.zengin_layout import NotZengin, read_transfer

SENDER = Account("0001", "ﾐｽﾞﾎ", "001", "ﾎﾝﾃﾝ", "ordinary", "0000001", "ｶ)ﾃｽﾄ")


def payee(holder: str, amount: int, number: str = "1234567") -> Payee:
    return Payee(Account("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", "savings", number, holder), amount)


def two_payees() -> bytes:
    return transfer_file("0000000001", "ｶ)ﾊﾙ", date(2026, 11, 30), SENDER,
                         [payee("ｶ)ｳｴﾀﾞ", 135801), payee("ﾀﾅｶ ｲﾁﾛｳ", 49500, "0012345")])


def test_every_record_the_end_record_too_is_120_bytes_and_crlf() -> None:
    raw = two_payees()
    assert len(raw) == 5 * 122
    assert [raw[at + 120:at + 122] for at in range(0, len(raw), 122)] == [b"\r\n"] * 5
    read = read_transfer(raw)
    assert (read.header["day"], read.header["requester"], read.header["account_type"]) == ("1130", "ｶ)ﾊﾙ", "1")
    assert [(d["holder"], d["number"], d["amount"], d["account_type"]) for d in read.data] == [
        ("ｶ)ｳｴﾀﾞ", "1234567", "0000135801", "4"), ("ﾀﾅｶ ｲﾁﾛｳ", "0012345", "0000049500", "4")]
    assert (read.trailer["count"], read.trailer["total"]) == ("000002", "000000185301")


@pytest.mark.parametrize(("change", "said"), [
    (lambda raw: raw[:-2], "not a whole number of 122-byte records"),  # no CRLF after the end record
    (lambda raw: raw.replace(b"\r\n", b"\n"), "not a whole number"),
    (lambda raw: raw[122:244] + raw[:122] + raw[244:], "record kinds '21289'"),
    (lambda raw: raw[:-244] + raw[-244:].replace(b"000000185301", b"000000185300"), "not the sum of the amounts"),
    (lambda raw: raw[:-244] + raw[-244:].replace(b"8000002", b"8000003"), "trailer count 000003 but 2"),
    (lambda raw: raw.replace("ｲﾁﾛｳ".encode("cp932"), "ｲﾁﾛ,".encode("cp932")), "holds [',']"),
    (lambda raw: raw.replace("ﾀﾅｶ ".encode("cp932"), "田中".encode("cp932")), "a character of two bytes"),
    (lambda raw: raw.replace("ﾀﾅｶ ".encode("cp932"), " ﾀﾅｶ".encode("cp932")), "not left-aligned"),
    (lambda raw: raw.replace(b"0000049500", b"00000495 0"), "is not digits"),
])
def test_the_reader_refuses_what_the_published_layout_does_not_allow(change: Callable[[bytes], bytes],
                                                                     said: str) -> None:
    with pytest.raises(NotZengin, match=re.escape(said)):
        read_transfer(change(two_payees()))


# Names as people type them for a holder, of characters a bank takes once converted: full- and half-width
# kana, hiragana, small kana, ヰ ヱ ヲ ヮ, latin of either case and width, digits, spaces of either width.
TYPED = ("アイウエオカガキクパヤユヨワンヴヷあいがぱをゐゑゎァィッャュョヮヲヰヱｱｶﾞﾊﾟﾜｲｯｦﾞﾟ゛ー"
         "abyzABYZａｚ09０９ 　()（）-－.．")
PAYEES = st.lists(st.tuples(st.text(alphabet=TYPED, min_size=1, max_size=14), st.integers(1, 10**10 - 1),
                            st.integers(0, 10**7 - 1), st.sampled_from(["ordinary", "current", "savings"])),
                  min_size=1, max_size=30)


@given(PAYEES, st.dates(date(2026, 1, 1), date(2099, 12, 31)))
def test_any_payees_read_back_from_the_file_as_they_were_given(payees: list[tuple[str, int, int, str]],
                                                               day: date) -> None:
    holders = [bank_kana(holder) for holder, _, _, _ in payees]
    assume(all(holders))  # a name of spaces only is no holder (validate refuses it)
    raw = transfer_file("0000000001", bank_kana("カブシキガイシャ　ハル"), day, SENDER, [
        Payee(Account("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", kind, parse_account_number(number), holder), amount)
        for holder, (_, amount, number, kind) in zip(holders, payees, strict=True)])
    read = read_transfer(raw)  # every record 120 bytes and CRLF, in order, names of bank characters only
    assert len(raw) == 122 * (len(payees) + 3)
    assert read.header["day"] == f"{day:%m%d}"
    assert int(read.trailer["count"]) == len(payees)
    assert int(read.trailer["total"]) == sum(amount for _, amount, _, _ in payees)
    assert [int(d["amount"]) for d in read.data] == [amount for _, amount, _, _ in payees]
    assert [int(d["number"]) for d in read.data] == [number for _, _, number, _ in payees]
    assert [d["account_type"] for d in read.data] == [{"ordinary": "1", "current": "2", "savings": "4"}[kind]
                                                     for _, _, _, kind in payees]
    assert [d["holder"] for d in read.data] == holders
    assert all(h == h.strip() and "  " not in h for h in holders)
