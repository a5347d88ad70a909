"""Output formats (table, JSON, CSV, Markdown, iCalendar): data from files is shown literally in every one.

Nothing from a file is ever parsed as markup: Rich gets Text objects, Markdown cells are escaped, JSON is
JSON. Control characters are shown as `\\x1b`-style escapes wherever a person reads the output (tables,
Markdown, CSV on a terminal); JSON escapes them itself, and CSV written to a file keeps the bytes.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from haru_cli.escape import INVISIBLE_CHARACTER, visible
from haru_cli.i18n import yen
from haru_cli.views.shapes import CalendarEvent, Day, Document, Money, Quantity, Row, Text, Value

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_INDENT = re.compile(r"^[ \t]+")
_MD_LINE_START = re.compile(r"^(\s*)([#>=+-]|\d+(?=[.)]))([.)]?)")
NONE = "—"


# --- cells ---------------------------------------------------------------------------------------------


def shown(value: Value, *, whole: bool = False) -> str:
    """A cell as people read it: `—` for nothing, `¥1,234`, `2026-12-31 (あと 30 日)`; a long text as
    its brief form in tables, whole in documents."""
    if value is None:
        return NONE
    if isinstance(value, Text):
        return value.text if whole or value.brief is None else value.brief
    if isinstance(value, Money):
        return yen(value.amount)
    if isinstance(value, Quantity):
        return value.text
    if isinstance(value, Day):
        if value.day is None:
            return NONE
        beside = value.mark or value.note
        return f"{value.day.isoformat()} ({beside})" if beside else value.day.isoformat()
    return value


def alerting(value: Value) -> bool:
    return isinstance(value, Text | Day) and value.alert


def is_token(value: Value) -> bool:
    """An id, a date or an amount: copied and searched for, so never split across lines."""
    if isinstance(value, Money | Quantity | Day):
        return True
    return isinstance(value, str) and bool(value) and _TOKEN.fullmatch(value) is not None


_TOKEN = re.compile(r"[!-~]{1,64}")  # one word of printable ASCII: an id, a date, a code


def token_width(value: Value) -> int:
    """The columns a cell needs to keep its id, date or amount whole (its note may wrap below)."""
    if isinstance(value, Day):
        return 10 if value.day else 1
    return _width(shown(value))


# --- JSON ----------------------------------------------------------------------------------------------


def json_text(data: Any) -> str:
    """JSON with every invisible or reordering character as a \\u escape (json leaves C1, bidi, zero-width
    and lone surrogates raw), so that it is valid UTF-8 and nothing in it acts on a terminal."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return INVISIBLE_CHARACTER.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- CSV -----------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What a spreadsheet may skip before it sees a formula's first character: spaces, and invisible ones.
_SKIPPED = " \u3000\u00a0\u200b\u200c\u200d\u2060\ufeff"


def csv_cell(value: Value, *, for_terminal: bool = False) -> str:
    """A cell as a spreadsheet should read it (SPEC §14): money as a plain integer, a date as a plain ISO
    date, nothing as an empty cell, text whole; text that a spreadsheet would take for a formula (=, +, -,
    @, tab, CR first) behind a `'`, so that it stays text."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return "" if value.amount is None else str(value.amount)
    if isinstance(value, Quantity):
        return str(value.amount)
    if isinstance(value, Day):
        return value.day.isoformat() if value.day else ""
    text = value.text if isinstance(value, Text) else value
    if text.startswith(_FORMULA_START) or unicodedata.normalize("NFKC", text.lstrip(_SKIPPED)).startswith(
            _FORMULA_START):  # ＝, a space or a zero-width character first are formulas to some spreadsheets
        text = "'" + text
    return visible(text) if for_terminal else text


def _marked(value: Value) -> bool:
    return isinstance(value, Day) and (value.markable or bool(value.mark))


def csv_text(headings: list[str], rows: list[Row], *, for_terminal: bool, mark: str = "mark") -> str:
    """UTF-8 CSV with a BOM, so that Excel opens Japanese text correctly. A column of dates that carry
    marks (overdue, notice passed) is followed by a column of those marks, headed `<heading> (mark)`."""
    import csv
    import io

    marked = {n for n in range(len(headings)) if any(n < len(r) and _marked(r[n]) for r in rows)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    head: list[str] = []
    for n, heading in enumerate(headings):
        head += [heading, f"{heading} ({mark})"] if n in marked else [heading]
    writer.writerow([csv_cell(h, for_terminal=for_terminal) for h in head])
    for row in rows:
        cells: list[str] = []
        for n, value in enumerate(row):
            cells.append(csv_cell(value, for_terminal=for_terminal))
            if n in marked:
                cells.append(csv_cell(value.mark if isinstance(value, Day) else None, for_terminal=for_terminal))
        writer.writerow(cells)
    return "\ufeff" + out.getvalue()


def csv_document(doc: Document, *, for_terminal: bool, mark: str = "mark") -> str:
    """One CSV: each row starts with its section; a table section repeats its headings first."""
    rows: list[Row] = []
    for section in doc.sections:
        rows += [[section.title, key, value] for key, value in section.fields]
        if section.rows:
            rows.append([section.title, *section.headings])
            rows += [[section.title, *row] for row in section.rows]
    return csv_text([doc.title], rows, for_terminal=for_terminal, mark=mark)


# --- Markdown ------------------------------------------------------------------------------------------


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
    # Leading spaces or a tab would make a line a code block: they are kept as no-break spaces.
    return "  \n".join(_INDENT.sub(lambda m: "\u00a0" * len(m.group().expandtabs(4)), line) for line in lines)


def md_table(headings: list[str], rows: list[Row]) -> str:
    lines = ["| " + " | ".join(md_text(h) for h in headings) + " |", "|" + " --- |" * len(headings)]
    lines += ["| " + " | ".join(md_text(shown(cell)) or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def md_document(doc: Document) -> str:
    parts = [f"# {md_text(doc.title)}\n"]
    for section in doc.sections:
        parts.append(f"## {md_text(section.title)}\n")
        if section.fields:
            parts.append("".join(f"- **{md_text(k)}**: {md_text(shown(v, whole=True))}\n" for k, v in section.fields))
        if section.rows:
            parts.append(md_table(section.headings, section.rows))
        if not section.fields and not section.rows:
            parts.append(f"{md_text(section.empty)}\n")
    return "\n".join(parts)


# --- terminal (Rich) -------------------------------------------------------------------------------------

TEXT_FLOOR = 12  # the fewest columns (six wide characters) a text column is squeezed to before rows become cards


def rich_table(headings: list[str], rows: list[Row], *, width: int) -> list[Any]:
    """A table for a terminal `width` columns wide. Ids, dates and amounts are never split across lines
    (SPEC: they are copied and searched for): their columns keep their width, text columns wrap between
    words. When even that does not fit, each row is shown as a card of `heading  value` lines instead."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    count = len(headings)
    columns = [[row[n] if n < len(row) else None for row in rows] for n in range(count)]
    tokens = [any(v is not None for v in col) and all(v is None or is_token(v) for v in col) for col in columns]
    keep = [max([token_width(v) for v in col if v is not None] or [1]) for col in columns]
    natural = [max(_width(h), *(_width(line) for v in col for line in visible(shown(v)).split("\n")))
               for h, col in zip(headings, columns, strict=True)]
    least = sum(max(k, min(_width(h), TEXT_FLOOR)) if token else min(n, TEXT_FLOOR)
                for k, n, h, token in zip(keep, natural, headings, tokens, strict=True))
    if least + 3 * count + 1 > width and count > 2:  # a space either side of each column, one between them
        return _cards(headings, rows)
    widths = _text_widths(natural, keep, tokens, width - 3 * count - 1)
    table = RichTable(box=box.SIMPLE_HEAD, highlight=False)
    for n, heading in enumerate(headings):
        # A date keeps its ten columns and lets its note wrap below it; other tokens never wrap at all.
        dated = any(isinstance(v, Day) for v in columns[n])
        table.add_column(heading, min_width=keep[n] if tokens[n] else None, no_wrap=tokens[n] and not dated,
                         width=widths[n])
    for row in rows:
        table.add_row(*(RichText(visible(shown(cell)), style="bold red" if alerting(cell) else "", overflow="fold")
                        for cell in row))
    return [table]


def _text_widths(natural: list[int], keep: list[int], tokens: list[bool], room: int) -> list[int | None]:
    """Where a table is wider than the terminal, the width of each text column: the room the tokens leave,
    shared so that short texts (a kind, a name) stay whole and the longest wraps; None where all fits."""
    if sum(natural) <= room:
        return [None] * len(natural)
    left = room - sum(k for k, token in zip(keep, tokens, strict=True) if token)
    texts = sorted((n for n, token in enumerate(tokens) if not token), key=lambda n: natural[n])
    widths: list[int | None] = [None] * len(natural)
    for done, n in enumerate(texts):
        widths[n] = max(1, min(natural[n], left // (len(texts) - done)))
        left -= widths[n] or 0
    return widths


def _cards(headings: list[str], rows: list[Row]) -> list[Any]:
    """Rows as blocks of `heading  value` lines: what a narrow terminal can show without splitting a value."""
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    out: list[Any] = []
    for row in rows:
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        for heading, cell in zip(headings, row, strict=False):
            grid.add_row(RichText(visible(heading)), RichText(visible(shown(cell)), overflow="fold",
                                                              style="bold red" if alerting(cell) else ""))
        out += [grid, RichText("")]
    return out


def rich_document(doc: Document, *, width: int) -> list[Any]:
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    out: list[Any] = [RichText(visible(doc.title), style="bold")]
    for section in doc.sections:
        out.append(RichText("\n" + visible(section.title), style="bold cyan"))
        if section.fields:
            grid = RichTable.grid(padding=(0, 2))
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column()  # long text wraps: it is never cut
            for key, value in section.fields:
                style = "bold red" if alerting(value) else ""
                grid.add_row(RichText(visible(key)), RichText(visible(shown(value, whole=True)), style=style,
                                                              overflow="fold"))
            out.append(grid)
        if section.rows:
            out += rich_table(section.headings, section.rows, width=width)
        if not section.fields and not section.rows:
            out.append(RichText(visible(section.empty), style="dim"))
    return out


def rich_lines(renderables: list[Any], *, width: int) -> str:
    """What Rich prints for these, as text of that width (for tests and for checking layouts)."""
    import io

    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    for renderable in renderables:
        console.print(renderable)
    return console.export_text()


# --- plain text, for output that is piped (no Rich to import, no colours, no padding at line ends) ----


@lru_cache(maxsize=4096)  # a column repeats its texts (kinds, names), and each is measured twice
def _width(text: str) -> int:
    """Columns a text takes on a terminal: wide (CJK) characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def plain_table(headings: list[str], rows: list[Row]) -> str:
    """Columns aligned by display width; a cell's lines stay in its column."""
    cells = [[visible(h).split("\n") for h in headings]]
    cells += [[visible(shown(c)).split("\n") for c in r] for r in rows]
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
                first, *more = visible(shown(value, whole=True)).split("\n")
                out.append(f"  {_pad(visible(key), width)}  {first}".rstrip())
                out += [f"  {' ' * width}  {line}".rstrip() for line in more]
        if section.rows:
            out += ["  " + line if line else line for line in plain_table(section.headings, section.rows).splitlines()]
        if not section.fields and not section.rows:
            out.append(f"  {visible(section.empty)}")
    return "\n".join(out) + "\n"


# --- iCalendar -------------------------------------------------------------------------------------------


def ics_text(events: list[CalendarEvent], stamp: datetime, name: str) -> str:
    """RFC 5545 all-day events. DTSTAMP is when the file was exported (`stamp`, from the clock at the
    edge); an event with `alarm_days` carries a VALARM that many days before it, as contract tools' do."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//HaRu//haru//JA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamped = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    for e in events:
        event = Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamped)
        event.add("dtstart", e.day)
        event.add("dtend", e.day + timedelta(days=1))
        event.add("summary", e.summary)
        event.add("description", e.description)
        event.add("transp", "TRANSPARENT")
        if e.alarm_days is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", e.summary)
            alarm.add("trigger", timedelta(days=-e.alarm_days))
            event.add_component(alarm)
        calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))
