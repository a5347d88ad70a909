"""Output formats (table, JSON, CSV, Markdown, iCalendar): data from files is shown literally in every one.

Nothing from a file is ever parsed as markup: Rich gets Text objects, Markdown cells are escaped, JSON is
JSON. Control characters are shown as `\\x1b`-style escapes in every format (tables, plain text, Markdown,
CSV, piped or not: a pipe often ends on a terminal); JSON escapes them itself (SPEC §14).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any

from haru_cli.escape import INVISIBLE_CHARACTER, visible
from haru_cli.i18n import yen
from haru_cli.render.layout import pair_widths, share, shorten, width_of, wrap
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
    return width_of(shown(value))


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


def csv_cell(value: Value) -> str:
    """A cell as a spreadsheet should read it (SPEC §14): money as a plain integer, a date as a plain ISO
    date, nothing as an empty cell, text whole but for control characters, shown as escapes (`\\x1b`) so
    that none reaches a terminal; text that a spreadsheet would take for a formula (=, +, -, @, tab, CR
    first) behind a `'`, so that it stays text."""
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
    return visible(text)


def _marked(value: Value) -> bool:
    return isinstance(value, Day) and (value.markable or bool(value.mark))


def csv_text(headings: list[str], rows: list[Row], *, mark: str = "mark") -> str:
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
    writer.writerow([csv_cell(h) for h in head])
    for row in rows:
        cells: list[str] = []
        for n, value in enumerate(row):
            cells.append(csv_cell(value))
            if n in marked:
                cells.append(csv_cell(value.mark if isinstance(value, Day) else None))
        writer.writerow(cells)
    return "\ufeff" + out.getvalue()


def csv_document(doc: Document, *, mark: str = "mark") -> str:
    """One CSV: each row starts with its section; a table section repeats its headings first."""
    rows: list[Row] = []
    for section in doc.sections:
        rows += [[section.title, key, value] for key, value in section.fields]
        if section.rows:
            rows.append([section.title, *section.headings])
            rows += [[section.title, *row] for row in section.rows]
    return csv_text([doc.title], rows, mark=mark)


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


# --- tables laid out for a width: one plan for the terminal (Rich) and for piped text -------------------

TEXT_FLOOR = 12  # the fewest columns (six wide characters) a text column is squeezed to before rows become cards
TAB = 8


def _text(text: str) -> str:
    """Text as a terminal shows it: control characters as escapes, tabs as spaces. Most cells are printable
    as they are (str.isprintable is false for every character visible() escapes, and for tab and newline):
    returned without a look for either (a table of 6,000 rows has 42,000 cells)."""
    return text if text.isprintable() else visible(text).expandtabs(TAB)


def _lines(text: str, width: int | None = None) -> list[str]:
    """A cell's text as the lines it takes in a column `width` wide (its own lines where None)."""
    return _text(text).split("\n") if width is None else wrap(_text(text), width)


def cell_lines(value: Value, width: int | None) -> list[str]:
    """A table cell as the lines it takes in a column `width` wide: every character of what it shows."""
    return _lines(shown(value), width)


def table_widths(headings: list[str], rows: list[Row], room: int) -> list[int] | None:
    """The width of each column of a table in `room` columns (separators apart), None when rows must be
    cards. Ids, dates and amounts are never split across lines (they are copied and searched for): their
    columns keep their width; text columns wrap, between words where they can."""
    count = len(headings)
    columns = [[row[n] if n < len(row) else None for row in rows] for n in range(count)]
    tokens = [any(v is not None for v in col) and all(v is None or is_token(v) for v in col) for col in columns]
    keep = [max([token_width(v) for v in col if v is not None] or [1]) for col in columns]
    natural = [max(width_of(line) for text in [h, *(shown(v) for v in col)] for line in _lines(text))
               for h, col in zip(headings, columns, strict=True)]
    least = [max(k, min(width_of(h), TEXT_FLOOR)) if token else min(n, TEXT_FLOOR)
             for k, n, h, token in zip(keep, natural, headings, tokens, strict=True)]
    return share(natural, least, tokens, room)


# --- one line per row: a list of items to run the eye down (upcoming, renewals, feedback) ------------------

LINE_FLOOR = 6  # the fewest columns (two wide characters and …) a text column is shortened to
GAP = 2  # the columns between two columns of a one-line table


def _day_brief(value: Day) -> str:
    """A date with its mark (超過), the short one where it has one, but without its note (あと 3 日): what
    a narrow one-line table shows."""
    if value.day is None:
        return NONE
    mark = value.short_mark or value.mark
    return f"{value.day.isoformat()} ({mark})" if mark else value.day.isoformat()


def _one_line(value: Value) -> str:
    """A cell as one line shows it whole: its first line, and `…` where more lines follow."""
    text = _text(shown(value))
    first, more, _ = text.partition("\n")
    return first + "…" if more else first


def line_widths(headings: list[str], rows: list[Row], room: int) -> list[int] | None:
    """The width of each column of a table whose every row is one line, in `room` columns (gaps apart): ids
    and amounts keep their width and dates at least their mark (超過, or its short form), so none is ever
    shortened; text columns share the rest, the least wanting whole first, and are shortened with `…`.
    Dates keep their notes (あと 3 日) and whole marks while every text column still gets TEXT_FLOOR columns;
    narrower, texts go down to LINE_FLOOR first. None when even that does not fit."""
    count = len(headings)
    columns = [[row[n] if n < len(row) else None for row in rows] for n in range(count)]
    tokens = [any(v is not None for v in col) and all(v is None or is_token(v) for v in col) for col in columns]
    natural = [max(width_of(_one_line(v)) for v in [h, *col]) for h, col in zip(headings, columns, strict=True)]
    brief = [max([width_of(_day_brief(v) if isinstance(v, Day) else _one_line(v)) for v in col if v is not None]
                 or [1]) for col in columns]
    # A text's beginning that is kept (an amount), and the … after it.
    kept = [max([width_of(v.keep) + 1 for v in col if isinstance(v, Text) and v.keep] or [0]) for col in columns]
    for dates, floor in ((natural, TEXT_FLOOR), (brief, LINE_FLOOR)):
        least = [max(w, min(width_of(_one_line(h)), floor)) if token else min(n, max(floor, k))
                 for h, w, n, k, token in zip(headings, dates, natural, kept, tokens, strict=True)]
        widths = share(natural, least, tokens, room)
        if widths is not None:
            break
    else:
        return None
    spare = room - sum(widths)
    for n in range(count):  # the room no text wants: the dates' notes, where they fit
        grown = min(natural[n] - widths[n], spare)
        widths[n], spare = widths[n] + grown, spare - grown
    return widths


def line_cell(value: Value, width: int) -> str:
    """A cell on one line of `width` columns: a date with its note when that fits, else with its mark
    alone; text shortened with `…`."""
    if isinstance(value, Day) and width_of(_one_line(value)) > width:
        return _day_brief(value)
    return shorten(_one_line(value), width)


def _rich_lines_table(headings: list[str], rows: list[Row], widths: list[int]) -> Any:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    # No margin at the edges and GAP columns between: room for the text that an item's line is about.
    table = RichTable(box=box.SIMPLE_HEAD, highlight=False, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for heading, column in zip(headings, widths, strict=True):
        table.add_column(RichText(line_cell(heading, column)), width=column, no_wrap=True)
    for row in rows:
        table.add_row(*(RichText(line_cell(cell, column), no_wrap=True, style="bold red" if alerting(cell) else "")
                        for cell, column in zip(row, widths, strict=False)))
    return table


def rich_table(headings: list[str], rows: list[Row], *, width: int, one_line: bool = False) -> list[Any]:
    """A table for a terminal `width` columns wide, every cell wrapped here to its column so that Rich
    never has to crop one (SPEC §15). When even that does not fit, each row is a card of `heading  value`
    lines instead. `one_line`: each row one line, shortened (line_widths), where the width allows it."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    if one_line and (lines := line_widths(headings, rows, width - GAP * (len(headings) - 1))) is not None:
        return [_rich_lines_table(headings, rows, lines)]
    widths = table_widths(headings, rows, width - 3 * len(headings) - 1)  # a space either side, one between
    if widths is None:
        return _cards(headings, rows, width=width)
    table = RichTable(box=box.SIMPLE_HEAD, highlight=False)
    for heading, column in zip(headings, widths, strict=True):
        table.add_column(RichText("\n".join(_lines(heading, column))), width=column)
    for row in rows:
        table.add_row(*(RichText("\n".join(cell_lines(cell, column)), overflow="fold",
                                 style="bold red" if alerting(cell) else "")
                        for cell, column in zip(row, widths, strict=False)))
    return [table]


def _pairs(pairs: list[tuple[str, Value]], width: int, *, whole: bool) -> Any:
    """`key  value` lines (a record's fields, a row as a card) in `width` columns, both sides wrapped."""
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    values = [shown(v, whole=whole) for _, v in pairs]
    key_width, value_width = pair_widths([_text(k) for k, _ in pairs], [_text(v) for v in values], width)
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="dim", width=key_width)
    grid.add_column(width=value_width)
    for (key, value), text in zip(pairs, values, strict=True):
        grid.add_row(RichText("\n".join(_lines(key, key_width))),
                     RichText("\n".join(_lines(text, value_width)), overflow="fold",
                              style="bold red" if alerting(value) else ""))
    return grid


def _cards(headings: list[str], rows: list[Row], *, width: int) -> list[Any]:
    """Rows as blocks of `heading  value` lines: what a narrow terminal can show without splitting a value."""
    from rich.text import Text as RichText

    out: list[Any] = []
    for row in rows:
        out += [_pairs(list(zip(headings, row, strict=False)), width, whole=False), RichText("")]
    return out


def rich_document(doc: Document, *, width: int) -> list[Any]:
    from rich.text import Text as RichText

    out: list[Any] = [RichText(visible(doc.title), style="bold")]
    for section in doc.sections:
        out.append(RichText("\n" + visible(section.title), style="bold cyan"))
        if section.fields:
            out.append(_pairs(section.fields, width, whole=True))  # long text wraps: it is never cut
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


# --- plain text, for output that is piped (no colours, no padding at line ends) ----------------------------


def _pad(text: str, width: int) -> str:
    return text + " " * (width - width_of(text))


def plain_table(headings: list[str], rows: list[Row], width: int | None = None, *, one_line: bool = False) -> str:
    """Columns aligned by display width; a cell's lines stay in its column. Within `width` columns when
    given (piped output fits COLUMNS): text columns wrap, or rows become cards — or, `one_line`, each row
    is one line, as on a terminal (rich_table)."""
    room = sys.maxsize if width is None else width - 2 * (len(headings) - 1)
    if one_line and width is not None and (lines := line_widths(headings, rows, room)) is not None:
        out = ["  ".join(_pad(line_cell(h, w), w) for h, w in zip(headings, lines, strict=True)).rstrip(),
               "  ".join("-" * w for w in lines)]
        out += ["  ".join(_pad(line_cell(c, w), w) for c, w in zip(r, lines, strict=False)).rstrip() for r in rows]
        return "\n".join(out) + "\n"
    if width is None:
        return _unbounded(headings, rows)
    widths = table_widths(headings, rows, room)
    if widths is None:
        return "\n".join(line for row in rows
                         for line in [*_plain_pairs(list(zip(headings, row, strict=False)), width, whole=False), ""])
    column: list[int | None] = [None] * len(widths) if width is None else list(widths)
    cells = [[_lines(h, w) for h, w in zip(headings, column, strict=True)]]
    cells += [[cell_lines(c, w) for c, w in zip(r, column, strict=False)] for r in rows]
    out = []
    for n, row in enumerate(cells):
        for k in range(max(len(cell) for cell in row)):
            parts = [_pad(cell[k] if k < len(cell) else "", widths[i]) for i, cell in enumerate(row)]
            out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def _unbounded(headings: list[str], rows: list[Row]) -> str:
    """plain_table with no width to fit (what table_widths would give: every column its natural width),
    each cell's lines made and measured once — `upcoming` pipes 16,000 rows at 3,000 partners."""
    cells = [[_lines(h) for h in headings]]
    cells += [[_lines(shown(c)) for c in r[:len(headings)]] for r in rows]
    measured = [[[(line, width_of(line)) for line in cell] for cell in row] for row in cells]
    widths = [0] * len(headings)
    for row in measured:
        for n, cell in enumerate(row):
            widths[n] = max(widths[n], *(w for _, w in cell))
        for n in range(len(row), len(headings)):  # a short row: its missing cells count as NONE
            widths[n] = max(widths[n], width_of(NONE))
    out = []
    for n, row in enumerate(measured):
        for k in range(max(len(cell) for cell in row)):
            parts = [cell[k][0] + " " * (widths[i] - cell[k][1]) if k < len(cell) else " " * widths[i]
                     for i, cell in enumerate(row)]
            out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def _plain_pairs(pairs: list[tuple[str, Value]], width: int | None, *, whole: bool) -> list[str]:
    """`key  value` lines, values (and, when narrow, keys) wrapped to `width` columns when given."""
    keys = [_text(k) for k, _ in pairs]
    values = [_text(shown(v, whole=whole)) for _, v in pairs]
    if width is None:
        key_width, value_width = max(width_of(k) for k in keys), None
    else:
        key_width, value_width = pair_widths(keys, values, width)
    out = []
    for key, value in zip(keys, values, strict=True):
        key_lines = _lines(key, None if width is None else key_width)
        value_lines = _lines(value, value_width)
        for k in range(max(len(key_lines), len(value_lines))):
            left = key_lines[k] if k < len(key_lines) else ""
            out.append(f"{_pad(left, key_width)}  {value_lines[k] if k < len(value_lines) else ''}".rstrip())
    return out


def plain_document(doc: Document, width: int | None = None) -> str:
    inner = None if width is None else width - 2  # sections are indented by two
    out = _lines(doc.title, width)
    for section in doc.sections:
        out += ["", *_lines(section.title, width)]
        if section.fields:
            out += [f"  {line}".rstrip() for line in _plain_pairs(section.fields, inner, whole=True)]
        if section.rows:
            table = plain_table(section.headings, section.rows, inner)
            out += ["  " + line if line else line for line in table.splitlines()]
        if not section.fields and not section.rows:
            out += [f"  {line}" for line in _lines(section.empty, inner)]
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
