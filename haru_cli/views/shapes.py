"""The shapes every view is made of, and every output format reads: typed cells, rows, documents and
calendar events. A cell says what it holds (text, money, a date and its mark); each format shows it in
its own way: `¥1,234` and `2026-12-31 (あと 30 日)` for people, `1234` and `2026-12-31` with the mark
in a column of its own for a spreadsheet (SPEC §14)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from haru_cli.records.frozen import frozen


@frozen
class Text:
    """Text in a table. `alert` marks what needs attention (shown in red on a terminal); `brief` is what a
    table shows where the whole text is long (CSV and JSON keep the whole)."""

    text: str
    alert: bool = False
    brief: str | None = None
    literal: bool = False  # a file's name: a page never masks a number in it as an amount
    one_line: bool = False  # a page shows its newlines and tabs as escapes
    keep: str = ""  # its beginning that a one-line table never shortens (a payout's amount)

    @classmethod
    def first_line(cls, text: str) -> Text:
        """Long text that a table shows as its first line, ending in `…` where more follows: what is
        shown before the `…` is always the text's beginning (SPEC §15)."""
        whole = text.strip()
        lines = whole.splitlines()
        return cls(whole, brief=lines[0] + "…" if len(lines) > 1 else whole)


@frozen
class Money:
    """An amount of yen."""

    amount: int | None


@frozen
class Quantity:
    """A number with its unit for people (`3.2 時間`); a spreadsheet gets the number alone."""

    amount: Decimal | int
    text: str


@frozen
class Day:
    """A date, with a note for people (`あと 30 日`) and a mark when it needs attention (`超過`). A column
    of dates that can be marked (`markable`) has the marks in a column of its own in CSV, marked or not."""

    day: date | None
    note: str = ""
    mark: str = ""
    markable: bool = False
    short_mark: str = ""  # what a line too narrow for `mark` shows, where the row says the rest (経過)

    @property
    def alert(self) -> bool:
        return bool(self.mark)


Value = Text | Money | Quantity | Day | str | None  # None: nothing (— for people, an empty cell in CSV)
Row = list[Value]


@frozen
class Link:
    """The page a cell leads to, named by what it shows: `Link("partner", "ueda")`, `Link("fees_month",
    "2026-11")`. The dashboard's route table turns it into a path; other formats have no links."""

    page: str  # a route's name; "calendar" (calendar.ics); "record" with key "<type>/<id>": a skipped file's page
    key: str = ""  # which of its pages: an id, a month, a year
    part: str = ""  # a section of the page, by its anchor: `Link("upcoming", part="overdue")`


@frozen
class Figure:
    """One of the figures a page opens with: what it counts, its value and a line under it, the page that
    lists what it adds up, whether it calls for attention, and the skipped files that may change it (SPEC §15)."""

    label: str
    value: Value
    link: Link
    detail: str = ""
    alert: bool = False
    incomplete: tuple[str, ...] = ()


@frozen
class Series:
    """One stacked part of every bar of a chart: a label and a value per column, and its colour — a slot of
    the palette that is the same for the same partner, area or kind on every chart; None for その他."""

    label: str
    values: tuple[float, ...]
    colour: int | None = None


@frozen
class Target:
    """One bar of a chart of shares against targets: an area, its share and its target (percent)."""

    label: str
    share: float
    target: float | None
    colour: int | None = None


@frozen
class Chart:
    """A chart's data: bars per column stacked by series (at most MAX_SERIES and その他, largest first), or
    (targets) shares against their targets."""

    title: str
    columns: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    unit: str = ""
    targets: tuple[Target, ...] | None = None
    money: bool = False  # it shows amounts: hidden when amounts are masked

    @property
    def empty(self) -> bool:
        """Nothing to draw: no series with a value, no area with time."""
        if self.targets is not None:
            return not any(x.share for x in self.targets)
        return not any(v for s in self.series for v in s.values)


@dataclass
class Section:
    """Part of a `show` document or a page: key/value fields, or a table, or both; on a page, also the
    pages its rows and fields lead to, a note and a chart (formats without links or charts ignore them)."""

    title: str
    fields: list[tuple[str, Value]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    empty: str = "—"  # said when the section has nothing
    links: list[Link | None] = field(default_factory=list)  # the page each row's first cell leads to
    column_links: dict[int, list[Link | None]] = field(default_factory=dict)  # a later column's, row by row
    field_links: list[Link | None] = field(default_factory=list)  # the page each field leads to
    note: str = ""
    chart: Chart | None = None
    figures: list[Figure] = field(default_factory=list)
    anchor: str = ""  # what a Link's `part` names it by
    more: tuple[str, Link] | None = None  # where the whole of a list that shows part of it is: its text, its page
    one_line: bool = False  # a list to run the eye down (Table.one_line): on a phone, each row one flowing line
    choices: list[tuple[str, Link | None]] = field(default_factory=list)  # pages of a kind to go to; None: this one


@dataclass
class Document:
    """A titled document of sections: `show` commands print one in any format."""

    title: str
    sections: list[Section]
    trail: list[tuple[str, Link]] = field(default_factory=list)  # on a page, the pages above it, below its list
    printable: bool = False  # a document of its own (a 支払明細書, a 修了証): its page prints as it, on A4
    tab: str = ""  # what a browser's tab (and a PDF saved from it) calls the page, when not its title


@frozen
class Table:
    """What a list command shows: headings and rows, and the sentence to say when there are none.
    `one_line`: a list of items to run the eye down, one line each on a terminal (text shortened with `…`,
    ids, dates and amounts whole) rather than rows that wrap."""

    headings: list[str]
    rows: list[Row]
    empty: str
    one_line: bool = False


@frozen
class CalendarEvent:
    """An all-day event of an .ics file; `alarm` is how long before it a reminder fires, if any."""

    uid: str
    day: date
    summary: str
    description: str
    alarm_days: int | None = None


@frozen
class Account:
    """A bank account as a 全銀 transfer file writes it: codes, and names already in bank kana."""

    bank: str
    bank_name: str
    branch: str
    branch_name: str
    type: str  # ordinary | current | savings
    number: str
    holder: str


@frozen
class Payee:
    """One data record of a transfer file: who is paid, how much."""

    account: Account
    amount: int
