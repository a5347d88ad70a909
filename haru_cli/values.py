"""Small value types that recur across records: dates, yen, rates, durations, ids, invoice numbers.

Each one accepts exactly the form SPEC §3 writes down and answers anything else with an error whose
type is the problem code (`date`, `money`, `rate`, ...) and whose context feeds the message catalogue.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
_SLUG = re.compile(SLUG_PATTERN)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_RATE = re.compile(r"(\d+(?:\.\d+)?)%\Z")
_INVOICE = re.compile(r"T(\d{13})\Z")

DurationUnit = Literal["d", "w", "m", "y"]
MAX_DURATION_DAYS = 100 * 366  # a century: longer is a typo
_UNITS: dict[str, DurationUnit] = {
    "d": "d", "日": "d",
    "w": "w", "週": "w", "週間": "w",
    "m": "m", "か月": "m", "ヶ月": "m", "カ月": "m", "ヵ月": "m", "ケ月": "m", "箇月": "m",
    "y": "y", "年": "y",
}  # fmt: skip
_DURATION = re.compile(r"(\d+)\s*(" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\Z", re.IGNORECASE)


def _fail(code: str, variant: str, **context: Any) -> PydanticCustomError:
    # The message template is only Pydantic's fallback; haru renders its own from (variant, context).
    return PydanticCustomError(code, variant, {"variant": variant, **context})


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
            raise _fail("date", "date.no-such-day", value=value) from None
    else:
        raise _fail("date", "date.format", value=value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _fail("date", "date.range", value=str(value), first=FIRST_YEAR, last=LAST_YEAR)
    return day


Day = Annotated[date, BeforeValidator(parse_date)]


def add_months(day: date, months: int) -> date:
    """Calendar months later (earlier when negative), clamped to the month's last day (1/31 + 1m = 2/28)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


# --- money -------------------------------------------------------------------------------------------


def parse_yen(value: object) -> int:
    if isinstance(value, bool):
        raise _fail("money", "money.type", value=value)
    if isinstance(value, int):
        if value < 0:
            raise _fail("money", "money.negative", value=value)
        return value
    if isinstance(value, float):
        raise _fail("money", "money.float", value=value)
    if isinstance(value, str):
        digits = re.sub(r"[,，¥￥円\s]", "", unicodedata.normalize("NFKC", value))
        if digits.isdigit():
            raise _fail("money", "money.separators", value=value, hint=int(digits))
    raise _fail("money", "money.type", value=value)


Yen = Annotated[int, BeforeValidator(parse_yen), WithJsonSchema({"type": "integer", "minimum": 0})]


# --- rates -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """A percentage written `15%`; kept as a Decimal so that money never touches a float."""

    percent: Decimal

    def __str__(self) -> str:
        return f"{format(self.percent.normalize(), 'f')}%"

    def of(self, amount: int) -> Decimal:
        return amount * self.percent / 100

    @classmethod
    def parse(cls, value: object) -> Rate:
        if isinstance(value, Rate):
            return value
        if isinstance(value, bool):
            raise _fail("rate", "rate.format", value=value)
        if isinstance(value, float) and not math.isfinite(value):
            raise _fail("rate", "rate.format", value=value)
        if isinstance(value, int | float):
            # 0.15 was probably meant as 15%, 15 as 15%.
            guess = Decimal(str(value)) * (100 if value < 1 else 1)
            raise _fail("rate", "rate.bare-number", value=value, hint=str(cls(guess)))
        if isinstance(value, str):
            match = _RATE.match(unicodedata.normalize("NFKC", value).replace(" ", ""))
            if match:
                percent = Decimal(match.group(1))
                if percent > 100:
                    raise _fail("rate", "rate.range", value=value)
                return cls(percent)
        raise _fail("rate", "rate.format", value=value)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
            json_schema_input_schema=core_schema.str_schema(pattern=r"^(100(\.0+)?|\d{1,2}(\.\d+)?)%$"),
        )


# --- durations ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
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
            if match:
                duration = cls(int(match.group(1)), _UNITS[match.group(2).lower()])
                if duration.days_at_most > MAX_DURATION_DAYS:
                    raise _fail("duration", "duration.range", value=value)
                return duration
        raise _fail("duration", "duration.format", value=value)

    @property
    def days_at_most(self) -> int:
        """The longest this duration can be, in days."""
        return self.count * {"d": 1, "w": 7, "m": 31, "y": 366}[self.unit]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
            json_schema_input_schema=core_schema.str_schema(pattern=r"^\d+\s*(d|w|m|y|日|週間?|[かヶカヵケ箇]月|年)$"),
        )


# --- ids and numbers ---------------------------------------------------------------------------------


def parse_slug(value: object) -> str:
    if isinstance(value, str) and _SLUG.fullmatch(value):  # fullmatch: `$` alone lets "foo\n" through
        return value
    raise _fail("id", "id.slug", value=value)


Slug = Annotated[str, BeforeValidator(parse_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]


def parse_invoice_number(value: object) -> str:
    """適格請求書発行事業者登録番号: T and 13 digits whose first is the 法人番号 check digit."""
    from stdnum.jp import cn

    if not isinstance(value, str) or not _INVOICE.match(value):
        raise _fail("invoice-number", "invoice-number.format", value=value)
    if not cn.is_valid(value[1:]):
        expected = cn.calc_check_digit(value[2:])
        raise _fail("invoice-number", "invoice-number.check-digit", value=value, expected=expected)
    return value


InvoiceNumber = Annotated[
    str, BeforeValidator(parse_invoice_number), WithJsonSchema({"type": "string", "pattern": r"^T\d{13}$"})
]


def parse_pay_day(value: object) -> int | Literal["end"]:
    if value == "end" or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 28):
        return value
    raise _fail("enum", "enum.pay-day", value=value)


PayDay = Annotated[
    int | Literal["end"],
    BeforeValidator(parse_pay_day),
    WithJsonSchema({"anyOf": [{"const": "end"}, {"type": "integer", "minimum": 1, "maximum": 28}]}),
]
