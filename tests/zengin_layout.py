"""The 全銀協 総合振込 file as the published layout describes it, read without haru's writer (nothing of
haru_cli/render/zengin.py is imported here: a mistake shared by writer and reader would pass unseen).

The layout, from the banks' and 全銀協's published tables (docs/commands.md, "Sources"): records of 120 bytes
in JIS X 0201 (cp932's one-byte half), each followed by CRLF when line breaks are used (122 bytes); a
header (データ区分 1), data records (2), one trailer (8) and one end record (9). N fields are digits,
right-aligned and zero-filled; C fields are half-width characters, left-aligned and space-filled.
"""

from __future__ import annotations

from dataclasses import dataclass

# (name, kind, width) in the order of the published tables; a record's widths add up to 120.
HEADER = (
    ("kind", "N", 1),  # データ区分: 1
    ("type", "N", 2),  # 種別コード: 21 総合振込
    ("code", "N", 1),  # コード区分: 0 JIS
    ("requester_code", "N", 10),  # 振込依頼人コード (委託者コード)
    ("requester", "C", 40),  # 振込依頼人名
    ("day", "N", 4),  # 振込指定日 MMDD
    ("bank", "N", 4),  # 仕向銀行番号
    ("bank_name", "C", 15),  # 仕向銀行名
    ("branch", "N", 3),  # 仕向支店番号
    ("branch_name", "C", 15),  # 仕向支店名
    ("account_type", "N", 1),  # 預金種目 (依頼人): 1 普通, 2 当座, 9 その他
    ("number", "N", 7),  # 口座番号 (依頼人)
    ("dummy", "C", 17),
)
DATA = (
    ("kind", "N", 1),  # データ区分: 2
    ("bank", "N", 4),  # 被仕向銀行番号
    ("bank_name", "C", 15),  # 被仕向銀行名
    ("branch", "N", 3),  # 被仕向支店番号
    ("branch_name", "C", 15),  # 被仕向支店名
    ("clearing", "N", 4),  # 手形交換所番号: unused, 0
    ("account_type", "N", 1),  # 預金種目: 1 普通, 2 当座, 4 貯蓄, 9 その他
    ("number", "N", 7),  # 口座番号
    ("holder", "C", 30),  # 受取人名
    ("amount", "N", 10),  # 振込金額
    ("new", "N", 1),  # 新規コード
    ("customer1", "N", 10),  # 顧客コード1
    ("customer2", "N", 10),  # 顧客コード2
    ("designation", "N", 1),  # 振込指定区分: 7 電信, 8 文書
    ("mark", "C", 1),  # 識別表示
    ("dummy", "C", 7),
)
TRAILER = (
    ("kind", "N", 1),  # データ区分: 8
    ("count", "N", 6),  # 合計件数
    ("total", "N", 12),  # 合計金額
    ("dummy", "C", 101),
)
END = (
    ("kind", "N", 1),  # データ区分: 9
    ("dummy", "C", 119),
)
LAYOUTS = {"1": HEADER, "2": DATA, "8": TRAILER, "9": END}
assert all(sum(width for _, _, width in layout) == 120 for layout in LAYOUTS.values())

# What a name field may hold as haru promises it (a narrower set than the whole of JIS X 0201): the
# half-width kana ｱ to ﾝ, the voicing marks, capital letters, digits, the space and ( ) - .
NAME_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ().-" + "".join(map(chr, range(0xFF71, 0xFFA0))))


class NotZengin(ValueError):
    """The bytes are not a 総合振込 file of the published layout; the message says where."""


@dataclass(frozen=True)
class TransferFile:
    """A file read back: each record's fields by name (C fields without their filling spaces)."""

    header: dict[str, str]
    data: list[dict[str, str]]
    trailer: dict[str, str]
    end: dict[str, str]


def _fields(record: bytes, layout: tuple[tuple[str, str, int], ...], where: str) -> dict[str, str]:
    fields, start = {}, 0
    for name, kind, width in layout:
        raw = record[start:start + width]
        start += width
        try:
            value = raw.decode("cp932")
        except UnicodeDecodeError as exc:
            raise NotZengin(f"{where} {name}: not cp932 ({exc})") from None
        if len(value) != width:
            raise NotZengin(f"{where} {name}: {value!r} holds a character of two bytes")
        if kind == "N":
            if not (value.isascii() and value.isdigit()):
                raise NotZengin(f"{where} {name}: {value!r} is not digits, right-aligned and zero-filled")
            fields[name] = value
            continue
        text = value.rstrip(" ")
        if text != text.lstrip(" "):
            raise NotZengin(f"{where} {name}: {value!r} is not left-aligned")
        fields[name] = text
    return fields


def read_transfer(raw: bytes) -> TransferFile:
    """The file's records and fields; NotZengin when a record is not 120 bytes and CRLF, the records are not
    header, data…, trailer, end, a field is not of its kind, or the trailer's count or total is not that of
    the data records."""
    if len(raw) % 122:
        raise NotZengin(f"{len(raw)} bytes: not a whole number of 122-byte records (120 bytes and CRLF)")
    records = [raw[at:at + 122] for at in range(0, len(raw), 122)]
    for n, record in enumerate(records, 1):
        if record[120:] != b"\r\n" or b"\r" in record[:120] or b"\n" in record[:120]:
            raise NotZengin(f"record {n}: not 120 bytes followed by CRLF")
    kinds = "".join(chr(record[0]) for record in records)
    if len(kinds) < 3 or kinds[0] != "1" or kinds[-2:] != "89" or set(kinds[1:-2]) - {"2"}:
        raise NotZengin(f"record kinds {kinds!r}: not one header, data records, one trailer and one end")
    read = [_fields(record[:120], LAYOUTS[kind], f"record {n} ({kind})")
            for n, (kind, record) in enumerate(zip(kinds, records, strict=True), 1)]
    header, data, trailer, end = read[0], read[1:-2], read[-2], read[-1]
    if int(trailer["count"]) != len(data):
        raise NotZengin(f"trailer count {trailer['count']} but {len(data)} data records")
    if int(trailer["total"]) != sum(int(d["amount"]) for d in data):
        raise NotZengin(f"trailer total {trailer['total']} is not the sum of the amounts")
    if header["dummy"] or trailer["dummy"] or end["dummy"] or any(d["dummy"] for d in data):
        raise NotZengin("a dummy field is not spaces")
    for where, name, value in [("header", "requester", header["requester"]),
                               *((f"data {n}", "holder", d["holder"]) for n, d in enumerate(data, 1))]:
        if refused := sorted(set(value) - NAME_CHARACTERS):
            raise NotZengin(f"{where} {name}: {value!r} holds {refused}")
    return TransferFile(header, data, trailer, end)
