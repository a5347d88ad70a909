"""What `--incognito` hides on the dashboard, for a screen share (SPEC §13, §14): every amount in free text,
however people write it — ¥300,000 \\300,000 300,000円 30万 月額30万円 三百六十万円 1.2億円 ５０万円 180千円,
USD 2,400 2400 USD US$2,400 $2.4k €1.5k, 1.8M yen ¥1.8M 1.8 million, 2,400ドル — and any number of five
digits or more, or with thousands separators. Dates, times, percentages, small counts and invoice
registration numbers (T and 13 digits) stay readable."""

from __future__ import annotations

import re

MASK = "¥•••"

_DIGITS = "0-9０-９"
_KANJI = "〇零一二三四五六七八九壱弐参"  # numerals, 大字 included
_UNITS = "十拾百千万萬億兆"
_SEPARATORS = ",，.．_"
# A number as written: Arabic or kanji digits, with units and separators between (30万5千, 1億2,000万, 三百六十万),
# and a space before its unit as some write it (15 万円); it starts with a numeral or 十百千 (not 万: 万一 is no
# amount) and ends with a numeral or a unit.
_REST = f"(?:[{_DIGITS}{_KANJI}{_UNITS}{_SEPARATORS}]*[{_DIGITS}{_KANJI}{_UNITS}])?"
# Digits grouped by a space (82 500, as in Europe) are one number too.
_NUMBER = (f"[{_DIGITS}{_KANJI}十拾百千]{_REST}(?:\\s[{_DIGITS}]{{3}}(?![{_DIGITS}]))*"
           f"(?:\\s[{_UNITS}]{_REST})?")
_MULTIPLIER = r"(?:\s?(?:[kKmMbB]|MM|Mio|mn|bn|thousand|million|billion)(?![A-Za-z0-9]))"
_CODES = "JPY|USD|EUR|GBP|CNY|RMB|KRW|TWD|HKD|SGD|AUD|CHF"
_BEFORE = rf"(?:(?:US|A|HK|S|NT)?[$＄]|[¥￥\\€£₩]|(?<![A-Za-z])(?:{_CODES})(?![A-Za-z]))"
_AFTER = rf"(?:円|ドル|弗|ユーロ|ポンド|ウォン|元|(?<![A-Za-z])(?:(?i:yen|dollars?|euros?)|{_CODES})(?![A-Za-z]))"
_AMOUNT = re.compile(
    rf"{_BEFORE}\s?-?{_NUMBER}{_MULTIPLIER}?(?:\s?{_AFTER})?"  # a currency before: ¥1.8M, USD 2,400
    rf"|-?(?P<number>{_NUMBER})(?P<multiplier>{_MULTIPLIER})?(?P<after>\s?{_AFTER})?")  # 30万円, 1.8M yen, 30万
# A number alone is an amount when it counts in 万, 億 or 兆 (30万, 百万), in 千 after a numeral (5千),
# or when it is long (five digits or more) or has thousands separators (300,000).
_BARE = re.compile(rf"[万萬億兆]|.千|[{_DIGITS}]{{5,}}|[{_DIGITS}][,，_\s][{_DIGITS}]{{3}}(?![{_DIGITS}])")
# A qualified-invoice registration number (登録番号: T and 13 digits) is public and no amount: it stays.
_INVOICE_NUMBER = re.compile(r"(?<![A-Za-z0-9])T[0-9]{13}(?![0-9])")
# Characters that hide a number from the patterns without showing on the screen: zero-width ones.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def mask_amounts(text: str) -> str:
    """The text with every amount in it replaced by MASK. It is matched as shown — each character in its
    plain form (１．８Ｍ is 1.8M), invisible ones gone — since a screen share shows the amount however its
    characters are coded; what is not masked stays as it was written."""
    import unicodedata

    shown, where = [], []  # the plain text, and for each of its characters the index of the one written
    for i, char in enumerate(text):
        for plain in unicodedata.normalize("NFKC", char).translate(_INVISIBLE):
            shown.append(plain)
            where.append(i)
    plain = "".join(shown)
    kept = [m.span() for m in _INVOICE_NUMBER.finditer(plain)]
    out, done = [], 0
    for match in _AMOUNT.finditer(plain):
        if match.start() == match.end() or _masked(match) != MASK or any(a <= match.start() < b for a, b in kept):
            continue
        start, end = where[match.start()], where[match.end() - 1] + 1
        out += [text[done:start], MASK]
        done = end
    return "".join(out) + text[done:]


def _masked(match: re.Match[str]) -> str:
    number = match.group("number")
    if number is None or match.group("after") or _BARE.search(number):
        return MASK
    before = match.string[match.start() - 1:match.start()] if match.start() else ""
    if match.group("multiplier") and not (before.isascii() and before.isalpha()):  # 1.8M, 2.4k; not B2B
        return MASK
    return match.group()


_DATES = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")


def probes_amounts(query: str) -> bool:
    """A search that could find an amount masked on the screen (45000, 3,600, 三百万円): a figure in the query
    but a date or a month (2026-10-31, 2026-10), or an amount in words; its hits would say the amount is there."""
    import unicodedata

    plain = _DATES.sub("", unicodedata.normalize("NFKC", query))
    return any(c.isdigit() for c in plain) or mask_amounts(plain) != plain
