"""Output formats (table, JSON, CSV, Markdown): data from files is shown literally in every one of them.

Nothing from a file is ever parsed as markup: Rich gets Text objects, Markdown cells are escaped, JSON is
JSON. Control characters are shown as `\\x1b`-style escapes wherever a person reads the output (tables,
Markdown, CSV on a terminal); JSON escapes them itself, and CSV written to a file keeps the bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.table import Table

# Every character that is invisible or moves what a terminal or editor shows: Unicode's controls (Cc),
# format characters (Cf: zero-width, bidi, soft hyphen, BOM …), line and paragraph separators (Zl, Zp) and
# lone surrogates (Cs), as of Unicode 14; a test checks the list against unicodedata. Tab and newline
# apart: they lay out multi-line text, except where a line must stay one line.
_INVISIBLE = (
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    r"\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    r"\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_CONTROL = re.compile(f"[{_INVISIBLE}]")
_CONTROL_ALL = re.compile(f"[\t\n{_INVISIBLE}]")
_C1 = re.compile(r"[\x7f-\x9f]")  # json.dumps(ensure_ascii=False) leaves these raw
_TOKEN = re.compile(r"[!-~¥—]{1,48}")  # one word of printable ASCII (an id, a date, ¥1,000, -) or a dash
TEXT_FLOOR = 12
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([#>=+-]|\d+(?=[.)]))([.)]?)")


@dataclass(frozen=True)
class Cell:
    """A table cell; `alert` marks what needs attention (overdue, expired), shown in red on a terminal."""

    text: str
    alert: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Money:
    """An amount of yen in a table: `¥1,234,567` for people, a plain integer in CSV (SPEC §14)."""

    amount: int | None

    def __str__(self) -> str:
        return yen(self.amount)

    @property
    def alert(self) -> bool:
        return False


Value = Cell | Money | str
Row = list[Value]


def yen(amount: int | None) -> str:
    """¥1,234,567 (and -¥20,000; — for none)."""
    if amount is None:
        return "—"
    return f"-¥{-amount:,}" if amount < 0 else f"¥{amount:,}"


def visible(text: str, *, one_line: bool = False) -> str:
    """Text with control characters shown as escapes (`\\x1b`), so none reaches the terminal; with
    one_line, newlines and tabs too."""
    return (_CONTROL_ALL if one_line else _CONTROL).sub(_escaped, text)


_NEEDS_QUOTES = re.compile(r'[:"\s]')


def shown_path(path: str) -> str:
    """A path for a `path:line:column` line: as it is, or in double quotes (a quote in it as \\")
    when a `:`, space or quote in it would make the line ambiguous."""
    if not _NEEDS_QUOTES.search(path):
        return visible(path, one_line=True)
    return '"' + visible(path.replace('"', '\\"'), one_line=True) + '"'


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def md_text(text: str) -> str:
    """Text for a Markdown table cell or line, rendered exactly as written: specials escaped, newlines
    (but a block's trailing one) as <br>."""
    escaped = _MD_SPECIAL.sub(r"\\\1", visible(text.strip("\r\n")))
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker, dot = match.groups()
    return f"{indent}{marker}\\{dot}" if dot else f"{indent}\\{marker}"


def md_block(text: str) -> str:
    """Multi-line text as a Markdown paragraph: each line escaped, kept apart by hard line breaks, and
    never turned into a heading or a quote."""
    lines = [_MD_LINE_START.sub(_escape_line_start, md_text(line)) for line in text.strip("\r\n").splitlines()]
    return "  \n".join(lines)


def json_text(data: Any) -> str:
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Value, *, for_terminal: bool = False) -> str:
    """A cell as a spreadsheet should read it: money as a plain integer; text that a spreadsheet would
    take for a formula (=, +, -, @, tab, CR first) behind a `'`, so that it stays text (SPEC §14)."""
    if isinstance(value, Money):
        return "" if value.amount is None else str(value.amount)
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return visible(text) if for_terminal else text


def csv_text(headings: list[str], rows: list[Row], *, for_terminal: bool) -> str:
    """UTF-8 CSV with a BOM, so that Excel opens Japanese text correctly."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(h, for_terminal=for_terminal) for h in headings])
    writer.writerows([[csv_cell(cell, for_terminal=for_terminal) for cell in row] for row in rows])
    return "\ufeff" + out.getvalue()


def md_table(headings: list[str], rows: list[Row]) -> str:
    lines = ["| " + " | ".join(md_text(h) for h in headings) + " |", "|" + " --- |" * len(headings)]
    lines += ["| " + " | ".join(md_text(str(cell)) or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def rich_table(headings: list[str], rows: list[Row], *, width: int) -> Table:
    """A table for a terminal `width` columns wide. Columns of ids, dates and amounts are kept whole (they
    are copied and searched for) when every other column can still have TEXT_FLOOR columns, enough for a
    date and its note to wrap between words; on a narrower terminal Rich shares the width as it likes."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    columns = [[visible(str(row[n])) for row in rows if n < len(row)] for n in range(len(headings))]
    natural = [max(map(cell_len, [heading, *cells])) for heading, cells in zip(headings, columns, strict=True)]
    tokens = [any(columns[n]) and all(_TOKEN.fullmatch(cell) for cell in columns[n] if cell)
              for n in range(len(headings))]
    needed = sum(size if token else min(size, TEXT_FLOOR) for size, token in zip(natural, tokens, strict=True))
    whole = needed + 3 * len(headings) + 1 <= width  # a space either side of each column, one between them
    table = Table(box=box.SIMPLE_HEAD, highlight=False)
    for heading, token in zip(headings, tokens, strict=True):
        table.add_column(heading, no_wrap=whole and token)
    for row in rows:
        table.add_row(*(
            Text(visible(str(cell)), style="bold red" if isinstance(cell, Cell) and cell.alert else "", overflow="fold")
            for cell in row
        ))
    return table


@dataclass
class Section:
    """Part of a `show` document: key/value fields, or a table, or both."""

    title: str
    fields: list[tuple[str, Value]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    empty: str = "—"  # shown when the section has nothing


@dataclass
class Document:
    """A titled document of sections: `show` commands print one in any format."""

    title: str
    sections: list[Section]


def md_document(doc: Document) -> str:
    parts = [f"# {md_text(doc.title)}\n"]
    for section in doc.sections:
        parts.append(f"## {md_text(section.title)}\n")
        if section.fields:
            parts.append("".join(f"- **{md_text(k)}**: {md_text(str(v))}\n" for k, v in section.fields))
        if section.rows:
            parts.append(md_table(section.headings, section.rows))
        if not section.fields and not section.rows:
            parts.append(f"{md_text(section.empty)}\n")
    return "\n".join(parts)


def csv_document(doc: Document, *, for_terminal: bool) -> str:
    """One CSV: each row starts with its section; a table section repeats its headings first."""
    rows: list[Row] = []
    for section in doc.sections:
        rows += [[section.title, key, value] for key, value in section.fields]
        if section.rows:
            rows.append([section.title, *section.headings])
            rows += [[section.title, *row] for row in section.rows]
    return csv_text([doc.title], rows, for_terminal=for_terminal)


def rich_document(doc: Document, *, width: int) -> list[Any]:
    from rich.table import Table
    from rich.text import Text

    out: list[Any] = [Text(visible(doc.title), style="bold")]
    for section in doc.sections:
        out.append(Text("\n" + visible(section.title), style="bold cyan"))
        if section.fields:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column()
            for key, value in section.fields:
                style = "bold red" if isinstance(value, Cell) and value.alert else ""
                grid.add_row(Text(visible(key)), Text(visible(str(value)), style=style))
            out.append(grid)
        if section.rows:
            out.append(rich_table(section.headings, section.rows, width=width))
        if not section.fields and not section.rows:
            out.append(Text(visible(section.empty), style="dim"))
    return out


@dataclass(frozen=True)
class CalendarEvent:
    """An all-day event of an .ics file."""

    uid: str
    day: date
    summary: str
    description: str


def ics_text(events: list[CalendarEvent], stamp: date, name: str) -> str:
    """RFC 5545 all-day events. DTSTAMP is the run's `today`, so the same data gives the same file."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//HaRu//haru//JA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamped = datetime.combine(stamp, time(0, 0), tzinfo=UTC)
    for e in events:
        event = Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamped)
        event.add("dtstart", e.day)
        event.add("dtend", e.day + timedelta(days=1))
        event.add("summary", e.summary)
        event.add("description", e.description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))


# --- plain text, for output that is piped (no Rich to import, no colours, no padding at line ends) ----


def _width(text: str) -> int:
    """Columns a text takes on a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def plain_table(headings: list[str], rows: list[Row]) -> str:
    """Columns aligned by display width; a cell's lines stay in its column."""
    cells = [[visible(h).split("\n") for h in headings]] + [[visible(str(c)).split("\n") for c in r] for r in rows]
    widths = [max(_width(line) for row in cells for line in row[i]) for i in range(len(headings))]
    out = []
    for n, row in enumerate(cells):
        for k in range(max(len(cell) for cell in row)):
            parts = [_pad(cell[k] if k < len(cell) else "", widths[i]) for i, cell in enumerate(row)]
            out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def plain_document(doc: Document) -> str:
    out = [visible(doc.title)]
    for section in doc.sections:
        out += ["", visible(section.title)]
        if section.fields:
            width = max(_width(visible(key)) for key, _ in section.fields)
            for key, value in section.fields:
                first, *more = visible(str(value)).split("\n")
                out.append(f"  {_pad(visible(key), width)}  {first}".rstrip())
                out += [f"  {' ' * width}  {line}".rstrip() for line in more]
        if section.rows:
            out += ["  " + line if line else line for line in plain_table(section.headings, section.rows).splitlines()]
        if not section.fields and not section.rows:
            out.append(f"  {visible(section.empty)}")
    return "\n".join(out) + "\n"
