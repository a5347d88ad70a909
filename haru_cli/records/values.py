"""Small value types that recur across records: dates, yen, rates, durations, ids, invoice numbers.

Each one accepts exactly the form SPEC §3 writes down and answers anything else with `Invalid`, whose
code is the problem code (`date`, `money`, `rate`, ...) and whose variant and context feed the message
catalogue.

Nothing here imports Pydantic: the records are declared with plain metadata (`Parsed`, `Constrained`)
that Pydantic reads only when a command validates, so a command that reads the parse cache never loads
it (issue 8: Pydantic alone costs more than haru's whole warm start).
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Annotated, Any, Literal

from haru_cli.records.frozen import frozen
from haru_cli.records.literals import WithholdingKind

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
# ASCII digits only ([0-9], not \d): a full-width or Arabic-Indic digit is no part of a date, a number
# or a registration number (NFKC has already made full-width ones ASCII where haru accepts them).
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_RATE = re.compile(r"([0-9]+(?:\.[0-9]+)?)%\Z")
_INVOICE = re.compile(r"T([0-9]{13})\Z")

# What editors are told to expect (JSON Schema, ECMA-262 regexes): what haru reads after NFKC — full-width
# digits, letters, ％ and spaces included, so that a file haru accepts is never underlined.
_DIGITS = "[0-9０-９]"
_ZERO = "[0０]"
RATE_SCHEMA_PATTERN = (rf"^\s*{_ZERO}*([1１]{_ZERO}{_ZERO}([.．]{_ZERO}+)?|{_DIGITS}{{1,2}}([.．]{_DIGITS}+)?)"
                       rf"\s*[%％]\s*$")  # 0–100%
DURATION_SCHEMA_PATTERN = (rf"^\s*{_DIGITS}+\s*([dDwWmMyYｄＤｗＷｍＭｙＹ]|日|週間?|[かヶカヵケ箇ｶｹ]月|年)\s*$")
DATE_SCHEMA_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

DurationUnit = Literal["d", "w", "m", "y"]
MAX_DURATION_DAYS = 100 * 366  # a century: longer is a typo
_UNITS: dict[str, DurationUnit] = {
    "d": "d", "日": "d",
    "w": "w", "週": "w", "週間": "w",
    "m": "m", "か月": "m", "ヶ月": "m", "カ月": "m", "ヵ月": "m", "ケ月": "m", "箇月": "m",
    "y": "y", "年": "y",
}  # fmt: skip
_DURATION = re.compile(r"([0-9]+)\s*(" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\Z", re.IGNORECASE)


class Invalid(ValueError):
    """A value not in the form SPEC §3 writes down."""

    def __init__(self, code: str, variant: str, **context: Any) -> None:
        super().__init__(variant)
        self.code, self.variant, self.context = code, variant, context


# --- how Pydantic sees these types -------------------------------------------------------------------


def _pydantic_errors(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """parse, raising Invalid as the Pydantic error the loader turns back into a problem."""
    from pydantic_core import PydanticCustomError

    def validate(value: Any) -> Any:
        try:
            return parse(value)
        except Invalid as exc:
            # The message template is only Pydantic's fallback; haru renders its own from (variant, context).
            raise PydanticCustomError(exc.code, exc.variant, {"variant": exc.variant, **exc.context}) from None

    return validate


@frozen(eq=False)
class Parsed:
    """Annotated metadata: Pydantic passes the raw value through `parse` first; `json_schema`, if given,
    is what editors are told to expect."""

    parse: Callable[[Any], Any]
    json_schema: Mapping[str, Any] | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(_pydantic_errors(self.parse), handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return dict(self.json_schema) if self.json_schema is not None else handler(schema)


@frozen
class Constrained:
    """Annotated metadata: keys added to the Pydantic core schema of a bool, int, str or list — Pydantic's
    own checks, errors and JSON Schema. Strict by default: YAML 1.2 already typed every value, so "yes" is
    never true and "3" never a number."""

    strict: bool = True
    ge: int | None = None
    le: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = handler(source)
        if schema["type"] not in ("bool", "int", "str", "list"):  # elsewhere the keys would mean nothing
            raise TypeError(f"Constrained applies to bool, int, str and list, not to {source!r}")
        keys = {name: value for name, value in vars(self).items() if value is not None}
        return {**schema, **keys}


def _written_as_text(parse: Callable[[Any], Any], pattern: str) -> CoreSchema:
    """The schema of a value type written as text (`15%`, `3m`): parsed from it, shown as it."""
    from pydantic_core import core_schema

    return core_schema.no_info_plain_validator_function(
        _pydantic_errors(parse),
        serialization=core_schema.plain_serializer_function_ser_schema(str),
        json_schema_input_schema=core_schema.str_schema(pattern=pattern),
    )


# --- dates -------------------------------------------------------------------------------------------


# Records are about a business's lifetime: dates outside these years are typos (and would overflow
# the calendar arithmetic of renewals and pay dates).
FIRST_YEAR, LAST_YEAR = 1900, 2199


def parse_date(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise Invalid("date", "date.no-such-day", value=value) from None
    else:
        raise Invalid("date", "date.format", value=value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Invalid("date", "date.range", value=str(value), first=FIRST_YEAR, last=LAST_YEAR)
    return day


Day = Annotated[date, Parsed(parse_date, {"type": "string", "format": "date", "pattern": DATE_SCHEMA_PATTERN})]


_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})\Z")
MONTH_SCHEMA_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])$"


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, written `2026-10` (a statement's month: 月末締め)."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, value: object) -> Month:
        if isinstance(value, Month):
            return value
        match = _MONTH.match(value) if isinstance(value, str) else None
        if match is None or not 1 <= int(match.group(2)) <= 12:
            raise Invalid("date", "date.month", value=value)
        if not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
            raise Invalid("date", "date.range", value=value, first=FIRST_YEAR, last=LAST_YEAR)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return _written_as_text(cls.parse, MONTH_SCHEMA_PATTERN)


def add_months(day: date, months: int) -> date:
    """Calendar months later (earlier when negative), clamped to the month's last day (1/31 + 1m = 2/28)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    if day.day <= 28:  # a day every month has (a statement's month is its 1st)
        return date(year, month0 + 1, day.day)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def parse_month_id(value: object) -> str:
    """A record named by its month (a time log, `2026-11`): the id as written, checked as a month."""
    if isinstance(value, str):
        Month.parse(value)
        return value
    raise Invalid("date", "date.month", value=value)


MonthId = Annotated[str, Parsed(parse_month_id, {"type": "string", "pattern": MONTH_SCHEMA_PATTERN})]


# --- money -------------------------------------------------------------------------------------------


def parse_yen(value: object) -> int:
    if isinstance(value, bool):
        raise Invalid("money", "money.type", value=value)
    if isinstance(value, int):
        if value < 0:
            raise Invalid("money", "money.negative", value=value)
        return value
    if isinstance(value, float):
        raise Invalid("money", "money.float", value=value)
    if isinstance(value, str):
        digits = re.sub(r"[,，¥￥円\s]", "", unicodedata.normalize("NFKC", value))
        if digits.isascii() and digits.isdigit() and len(digits) <= 20:  # more would be no amount of yen
            raise Invalid("money", "money.separators", value=value, hint=int(digits))
    raise Invalid("money", "money.type", value=value)


Yen = Annotated[int, Parsed(parse_yen, {"type": "integer", "minimum": 0, "maximum": 10**20 - 1})]


# --- rates -------------------------------------------------------------------------------------------


@frozen
class Rate:
    """A percentage written `15%`; kept as a Decimal so that money never touches a float."""

    percent: Decimal

    def __str__(self) -> str:
        return f"{format(self.percent.normalize(), 'f')}%"

    def of(self, amount: int) -> Decimal:
        """amount × the rate, exactly: with as many digits as the product has (Decimal's default 28 would
        round a 20-digit amount at a rate of 9 digits or more before a tax or a fee is rounded to the yen)."""
        digits = len(str(abs(amount))) + len(self.percent.as_tuple().digits) + 3
        with localcontext(prec=max(digits, 28)):
            return amount * self.percent / 100

    @classmethod
    def parse(cls, value: object) -> Rate:
        if isinstance(value, Rate):
            return value
        if isinstance(value, bool):
            raise Invalid("rate", "rate.format", value=value)
        if isinstance(value, float) and not math.isfinite(value):
            raise Invalid("rate", "rate.format", value=value)
        if isinstance(value, int | float):
            # 0.15 was probably meant as 15%, 15 as 15%.
            guess = Decimal(str(value)) * (100 if value < 1 else 1)
            raise Invalid("rate", "rate.bare-number", value=value, hint=str(cls(guess)))
        if isinstance(value, str):
            match = _RATE.match(unicodedata.normalize("NFKC", value).replace(" ", ""))
            if match:
                percent = Decimal(match.group(1))
                if percent > 100:
                    raise Invalid("rate", "rate.range", value=value)
                return cls(percent)
        raise Invalid("rate", "rate.format", value=value)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return _written_as_text(cls.parse, RATE_SCHEMA_PATTERN)


# --- durations ---------------------------------------------------------------------------------------


@frozen
class Duration:
    """`30d`, `2w`, `3m`, `1y` (or 30日, 2週間, 3ヶ月, 1年). Months and years clamp to the month's end."""

    count: int
    unit: DurationUnit

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"

    def after(self, day: date, times: int = 1) -> date:
        """`times` durations after day (before it when times is negative), in one step (no drift)."""
        n = self.count * times
        if self.unit == "d":
            return day + timedelta(days=n)
        if self.unit == "w":
            return day + timedelta(weeks=n)
        return add_months(day, n if self.unit == "m" else 12 * n)

    def before(self, day: date) -> date:
        return self.after(day, -1)

    @classmethod
    def parse(cls, value: object) -> Duration:
        if isinstance(value, Duration):
            return value
        if isinstance(value, str):
            match = _DURATION.match(unicodedata.normalize("NFKC", value).strip())
            if match and len(match.group(1).lstrip("0")) > 6:  # a million days and more: past any century
                raise Invalid("duration", "duration.range", value=value)
            if match:
                duration = cls(int(match.group(1)), _UNITS[match.group(2).lower()])
                if duration.days_at_most > MAX_DURATION_DAYS:
                    raise Invalid("duration", "duration.range", value=value)
                return duration
        raise Invalid("duration", "duration.format", value=value)

    @property
    def days_at_most(self) -> int:
        """The longest this duration can be, in days."""
        return self.count * {"d": 1, "w": 7, "m": 31, "y": 366}[self.unit]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return _written_as_text(cls.parse, DURATION_SCHEMA_PATTERN)


# --- hours and counts (SPEC §9) ------------------------------------------------------------------------


QUARTER_HOUR = Decimal("0.25")
MAX_NUMBER = 10**9  # more minutes or runs than any task has: a typo


def _decimal(value: object, code: str) -> Decimal:
    """A YAML number as an exact Decimal (2.5 stays 2.5: written from its text, never from the float)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or (isinstance(value, float)
                                                                        and not math.isfinite(value)):
        raise Invalid(code, f"{code}.type", value=value)
    return Decimal(str(value))


def parse_hours(value: object) -> Decimal:
    """Hours of a time entry: more than 0, at most a day, in quarter hours (1.25, not 1.3)."""
    hours = _decimal(value, "hours")
    if not 0 < hours <= 24:
        raise Invalid("hours", "hours.range", value=value)
    if hours % QUARTER_HOUR:
        raise Invalid("hours", "hours.quarter", value=value)
    return hours


def parse_number(value: object) -> Decimal:
    """Minutes of a task or runs of it a month: 0 or more (7.5 minutes, 0.5 runs: every other month)."""
    number = _decimal(value, "number")
    if not 0 <= number <= MAX_NUMBER:
        raise Invalid("number", "number.range", value=value, limit=MAX_NUMBER)
    return number


Hours = Annotated[Decimal, Parsed(parse_hours, {"type": "number", "exclusiveMinimum": 0, "maximum": 24,
                                                "multipleOf": 0.25})]
Number = Annotated[Decimal, Parsed(parse_number, {"type": "number", "minimum": 0, "maximum": MAX_NUMBER})]


def parse_targets(value: object) -> object:
    """Target shares of the logged time by area (SPEC §9.1): rates, at most 100% in all. A value that is
    no rate is left for its own key's message."""
    if isinstance(value, Mapping):
        try:
            rates = {key: Rate.parse(rate) for key, rate in value.items()}
        except Invalid:
            return value
        total = sum((r.percent for r in rates.values()), Decimal(0))
        if total > 100:
            raise Invalid("rate", "rate.targets", total=f"{format(total.normalize(), 'f')}%")
        return rates
    return value


# --- ids and numbers ---------------------------------------------------------------------------------


def matching(pattern: str, variant: str) -> Callable[[object], str]:
    """The parser of a name that must match a pattern whole (fullmatch: `$` alone lets "foo\n" through)."""
    compiled = re.compile(pattern)

    def parse(value: object) -> str:
        if isinstance(value, str) and compiled.fullmatch(value):
            return value
        raise Invalid("id", variant, value=value)
    return parse


parse_slug = matching(SLUG_PATTERN, "id.slug")
Slug = Annotated[str, Parsed(parse_slug, {"type": "string", "pattern": SLUG_PATTERN})]

# A certificate's number: haru-YYYY-NNNN, in order within the year of issue.
CERTIFICATE_PATTERN = r"^haru-(19[0-9]{2}|2[01][0-9]{2})-[0-9]{4}$"
CertificateId = Annotated[str, Parsed(matching(CERTIFICATE_PATTERN, "id.certificate"),
                                      {"type": "string", "pattern": CERTIFICATE_PATTERN})]

# A name of the user's own for a key (a selection criterion: track_record): an id that may hold _.
KEY_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"
Key = Annotated[str, Parsed(matching(KEY_PATTERN, "id.key"), {"type": "string", "pattern": KEY_PATTERN})]


def parse_invoice_number(value: object) -> str:
    """適格請求書発行事業者登録番号: T and 13 digits whose first is the 法人番号 check digit."""
    from stdnum.jp import cn

    if not isinstance(value, str) or not _INVOICE.match(value):
        raise Invalid("invoice-number", "invoice-number.format", value=value)
    if not cn.is_valid(value[1:]):
        expected = cn.calc_check_digit(value[2:])
        raise Invalid("invoice-number", "invoice-number.check-digit", value=value, expected=expected)
    return value


InvoiceNumber = Annotated[str, Parsed(parse_invoice_number, {"type": "string", "pattern": r"^T[0-9]{13}$"})]


def parse_corporate_number(value: object) -> str:
    """法人番号: 13 digits whose first is the check digit (a company's own, on its 支払調書); written unquoted
    it is a number, taken as its digits (its first digit, the check digit, is never 0)."""
    from stdnum.jp import cn

    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{13}", value):
        raise Invalid("corporate-number", "corporate-number.format", value=value)
    if not cn.is_valid(value):
        raise Invalid("corporate-number", "corporate-number.check-digit", value=value,
                      expected=cn.calc_check_digit(value[1:]))
    return value


CorporateNumber = Annotated[str, Parsed(parse_corporate_number, {"anyOf": [
    {"type": "string", "pattern": r"^[0-9]{13}$"}, {"type": "integer", "minimum": 10**12, "maximum": 10**13 - 1}]})]

# 源泉徴収 kinds: records/literals.py. true and false are how files written before the kinds existed said fee
# and none.
WITHHOLDING_KINDS: tuple[WithholdingKind, ...] = ("none", "fee", "salesperson")


def parse_withholding(value: object) -> WithholdingKind | bool:
    if isinstance(value, bool) or value in WITHHOLDING_KINDS:
        return value
    raise Invalid("enum", "enum.withholding", value=value, expected=", ".join(map(repr, WITHHOLDING_KINDS)))


Withholding = Annotated[WithholdingKind | bool, Parsed(parse_withholding, {"anyOf": [
    {"enum": list(WITHHOLDING_KINDS)}, {"type": "boolean", "deprecated": True}]})]


@frozen
class CreditStep:
    """From `start` on, the share of consumption tax HaRu may deduct on fees of an unregistered partner."""

    start: date
    percent: Rate


def parse_credit_steps(value: object) -> tuple[CreditStep, ...]:
    """`tax.unregistered_credit`: a list of {from: DATE, percent: N%}, in order of their days."""
    if not isinstance(value, list) or not value:
        raise Invalid("credit", "credit.list", value=value)
    steps = []
    for i, item in enumerate(value, 1):
        if not isinstance(item, Mapping) or set(item) != {"from", "percent"}:
            raise Invalid("credit", "credit.step", n=i)
        steps.append(CreditStep(parse_date(item["from"]), Rate.parse(item["percent"])))
    if any(b.start <= a.start for a, b in zip(steps, steps[1:], strict=False)):
        raise Invalid("credit", "credit.order")
    return tuple(steps)


CreditSteps = Annotated[tuple[CreditStep, ...], Parsed(parse_credit_steps, {
    "type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["from", "percent"],
        "properties": {"from": {"type": "string", "format": "date", "pattern": DATE_SCHEMA_PATTERN},
                       "percent": {"type": "string", "pattern": RATE_SCHEMA_PATTERN}}}})]


def parse_positive_yen(value: object) -> int:
    amount = parse_yen(value)
    if amount == 0:
        raise Invalid("money", "money.zero", value=value)
    return amount


PositiveYen = Annotated[int, Parsed(parse_positive_yen, {"type": "integer", "minimum": 1, "maximum": 10**20 - 1})]


def digits(width: int) -> Callable[[object], str]:
    """A code of exactly `width` ASCII digits (a bank, branch or account number), as text: "0001". Written
    without quotes, YAML reads 0001 as the number 1; that is taken as the code it was written as."""

    def parse(value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**width:
            return f"{value:0{width}d}"
        if isinstance(value, str) and len(value) == width and value.isascii() and value.isdigit():
            return value
        raise Invalid("bank", "bank.digits", value=value, width=width)

    return parse


def _digits_type(width: int) -> Any:
    return Annotated[str, Parsed(digits(width), {"anyOf": [{"type": "string", "pattern": f"^[0-9]{{{width}}}$"},
                                                           {"type": "integer", "minimum": 0,
                                                            "maximum": 10**width - 1}]})]


BankCode = _digits_type(4)
BranchCode = _digits_type(3)
RequesterCode = _digits_type(10)


def parse_account_number(value: object) -> str:
    """口座番号: up to 7 ASCII digits, as the 7 the 全銀 field holds — a shorter one zero-padded on the left, as
    banks pad it ("12345" and 12345 are "0012345")."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**7:
        return f"{value:07d}"
    if isinstance(value, str) and 1 <= len(value) <= 7 and value.isascii() and value.isdigit():
        return value.zfill(7)
    raise Invalid("bank", "bank.account-number", value=value)


AccountNumber = Annotated[str, Parsed(parse_account_number, {"anyOf": [
    {"type": "string", "pattern": "^[0-9]{1,7}$"}, {"type": "integer", "minimum": 0, "maximum": 10**7 - 1}]})]

# What a bank takes in a 全銀 record's name fields, once converted: the half-width kana ｱ to ﾝ and the voicing
# marks ﾞ ﾟ, capital letters, digits, the space and ( ) - . — no ｦ (banks write ｵ), no small kana, and none of
# the other signs of JIS X 0201 (｢ ｣ , / \ ¥), which some banks refuse.
BANK_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ().-" + "".join(map(chr, range(0xFF71, 0xFFA0))))
# Before NFKC: the spacing voicing marks as the half-width ones, which NFKC joins to the kana before them.
_VOICING_MARKS = str.maketrans("゛゜", "ﾞﾟ")
# Before the width is halved (jaconv has no half-width ヰ ヱ ヮ): small kana as large ones, ヰ ヱ ヲ as
# イ エ オ and ヮ as ワ, as banks write them; ヶ ヵ as ケ カ; the long vowel and the dashes people type for it as -.
_AS_BANKS_WRITE = str.maketrans("ァィゥェォャュョッヮヵヶヰヱヲー―‐‑−–—", "アイウエオヤユヨツワカケイエオ-------")
# After it: capitals; a voicing mark NFKC could not join (ｱﾞ) as the half-width one again; the voiced ワ ヰ ヱ ヲ
# that NFKC made of ﾜﾞ ｲﾞ ｴﾞ ｵﾞ, which jaconv leaves, as those again (so that bank kana converts to itself).
_HALF_WIDTH = str.maketrans({**{chr(c): chr(c - 32) for c in range(ord("a"), ord("z") + 1)},
                             "\u3099": "ﾞ", "\u309a": "ﾟ", "ヷ": "ﾜﾞ", "ヸ": "ｲﾞ", "ヹ": "ｴﾞ", "ヺ": "ｵﾞ"})


def bank_kana(text: str) -> str:
    """A name as a bank holds it: half-width katakana and capital letters (カ）ウエダ → ｶ)ｳｴﾀﾞ), hiragana and
    full-width made so, no space at either end and none twice; Invalid naming the first character no bank
    takes."""
    import jaconv

    kana = jaconv.hira2kata(unicodedata.normalize("NFKC", text.translate(_VOICING_MARKS))).translate(_AS_BANKS_WRITE)
    converted = str(jaconv.z2h(kana, kana=True, ascii=True, digit=True)).translate(_HALF_WIDTH)
    converted = " ".join(word for word in converted.split(" ") if word)  # NFKC made full-width spaces " "
    refused = next((c for c in converted if c not in BANK_CHARACTERS), None)
    if refused is not None:
        raise Invalid("bank", "bank.character", value=text, char=refused)
    return converted


def bank_name_of(width: int) -> Callable[[object], str]:
    """The parser of a name for a 全銀 field of `width` places (a holder 30, a requester 40), kept as
    written once it is known to convert (bank_kana) and to fit."""
    def parse(value: object) -> str:
        if not isinstance(value, str) or not (converted := bank_kana(value)):
            raise Invalid("bank", "bank.name", value=value)
        if len(converted) > width:
            raise Invalid("bank", "bank.name-long", value=value, converted=converted, width=width)
        return value
    return parse


BankName = Annotated[str, Parsed(bank_name_of(40), {"type": "string", "minLength": 1, "maxLength": 200})]
HolderName = Annotated[str, Parsed(bank_name_of(30), {"type": "string", "minLength": 1, "maxLength": 200})]


def parse_pay_day(value: object) -> int | Literal["end"]:
    if value == "end" or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 28):
        return value
    raise Invalid("enum", "enum.pay-day", value=value)


PayDay = Annotated[
    int | Literal["end"],
    Parsed(parse_pay_day, {"anyOf": [{"const": "end"}, {"type": "integer", "minimum": 1, "maximum": 28}]}),
]
