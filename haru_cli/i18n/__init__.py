"""The one catalogue: every text haru shows, in Japanese and English, by key — problem messages, headings and
labels, command messages, help texts, report phrases and the files `haru init` writes.

A key names one text in both languages (`"open_actions": ("未完了のアクション", "Open actions")`); whole
sentences take named placeholders (`{path}`), filled in by `text()` or a `Translator` (the `t` of code and
templates: `{{ t("open_actions") }}`). A value put into a text is shown literally: invisible characters as
escapes, and `{name:q}` quoted and cut to 60 characters. A test checks that every key has both languages
with the same placeholders, and that every key the code and the templates ask for exists.

Why a keyed catalogue rather than gettext/Babel: haru speaks two languages, Japanese first, and a third is
not in sight; texts are reviewed in the code, beside each other, and need no compile step or .mo files
(the shipped package stays plain Python). Should a third language come, the catalogue's keys map
one-to-one onto message ids.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal, Protocol

from haru_cli.escape import visible

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")


@functools.cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every key → (Japanese, English), from the catalogue's parts (each key in one part only)."""
    from haru_cli.i18n import cli, connections, files, help, metavars, problems, reports, schema, words

    merged: dict[str, tuple[str, str]] = {}
    for part in (words.WORDS, problems.PROBLEMS, cli.CLI, connections.CONNECTIONS, help.HELP, metavars.METAVARS, reports.REPORTS, files.FILES,
                 schema.SCHEMA, _ADDED):
        twice = merged.keys() & part.keys()
        if twice:
            raise KeyError(f"catalogue keys given twice: {sorted(twice)}")
        merged.update(part)
    return merged


_ADDED: dict[str, tuple[str, str]] = {}  # texts of record types registered from outside (add_texts)


def add_texts(texts: dict[str, tuple[str, str]]) -> None:
    """Add keys to the catalogue (a record type registered from outside: `record.<name>`, its problems,
    `value.item_kind.<kind>` …); a key it has already is refused, and nothing is added."""
    twice = sorted(catalogue().keys() & texts.keys())
    if twice:
        raise KeyError(f"catalogue keys given twice: {twice}")
    _ADDED.update(texts)
    catalogue.cache_clear()
    _constant.cache_clear()


def remove_texts(keys: Iterable[str]) -> None:
    """Take added keys away again (a test's, at its end)."""
    for key in keys:
        del _ADDED[key]
    catalogue.cache_clear()
    _constant.cache_clear()


class _Param:
    """A value put into a text: shown literally; the `q` spec quotes it and cuts it to 60 characters."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        value = self.value
        if spec == "q":
            shown = visible(value if isinstance(value, str) else _plain(value), one_line=True)
            if len(shown) > 60:
                shown = shown[:57] + "..."
            return f"'{shown}'" if isinstance(value, str) else shown
        return visible(format(value, spec), one_line=True)


def _plain(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    return str(value)


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a text of the catalogue, said in the language of the message it is put in
    (a problem keeps its parameters, and is shown in either language)."""

    key: str


def text(key: str, lang: str, /, **params: Any) -> str:
    """The text of a key in a language (Japanese unless `en`), its placeholders filled in."""
    if not params:  # a label, a heading: the same text every time (a site asks for them 300,000 times)
        return _constant(key, lang)
    japanese, english = catalogue()[key]
    template = english if lang == "en" else japanese  # literal braces are written {{ and }}
    said = {name: _Said(text(v.key, lang)) if isinstance(v, Term) else _Param(v) for name, v in params.items()}
    return template.format(**said)


@functools.cache
def _constant(key: str, lang: str) -> str:
    japanese, english = catalogue()[key]
    return (english if lang == "en" else japanese).format()


def file_text(key: str, lang: str, /, **params: str) -> str:
    """A text of the catalogue that is written into a file (haru.yaml, a README), not shown on a terminal:
    its values go in as they are, escaped by the caller for the file's own format."""
    japanese, english = catalogue()[key]
    return (english if lang == "en" else japanese).format(**params)


class _Said(str):
    """A text of the catalogue put into another: shown as it is."""

    def __format__(self, spec: str) -> str:
        return str(self)


def has(key: str) -> bool:
    return key in catalogue()


def yen(amount: int | None) -> str:
    """¥1,234,567 (and -¥20,000; — for none)."""
    if amount is None:
        return "—"
    return f"-¥{-amount:,}" if amount < 0 else f"¥{amount:,}"


class _Span(Protocol):
    @property
    def count(self) -> int: ...

    @property
    def unit(self) -> str: ...


_UNITS_JA = {"d": "日", "w": "週間", "m": "か月", "y": "年"}


class Translator:
    """Texts and value formats in one language: `t("key", name=value)`, `t.value("cadence", "monthly")`."""

    def __init__(self, lang: str) -> None:
        self.lang: Lang = "en" if lang == "en" else "ja"

    def __call__(self, key: str, /, **params: Any) -> str:
        return text(key, self.lang, **params)

    def value(self, group: str, code: str) -> str:
        """The label of a code (`value.<group>.<code>`); the code itself where there is none."""
        key = f"value.{group}.{code}"
        return self(key) if has(key) else code

    def values(self, group: str, codes: list[str]) -> str:
        return self.join([self.value(group, c) for c in codes])

    def join(self, items: list[str]) -> str:
        """Items in a sentence (、 in Japanese); — for none."""
        return ("、" if self.lang == "ja" else ", ").join(items) or "—"

    def day(self, day: date | None) -> str:
        return day.isoformat() if day else "—"

    def yesno(self, flag: bool) -> str:
        return self("yes") if flag else self("no")

    def yen(self, amount: int | None) -> str:
        return yen(amount)

    def duration(self, value: _Span | None) -> str:
        """1y → 1年, 3m → 3か月 in Japanese; as written in English."""
        if value is None:
            return "—"
        if self.lang == "en":
            return f"{value.count}{value.unit}"
        return f"{value.count}{_UNITS_JA[value.unit]}"

    def count(self, noun: str, n: int) -> str:
        """`n` with its noun where the language needs one: `3 files` / `3` (`count.<noun>.one|other`)."""
        return self(f"count.{noun}.{'one' if n == 1 else 'other'}", n=n)

    def hours(self, value: Decimal | float) -> str:
        return self("hours_amount", hours=value)

    def days(self, day: date, today: date) -> str:
        """あと 30 日 / 3 日経過 / 今日."""
        n = (day - today).days
        if n == 0:
            return self("days.today")
        return self("days.ahead", n=n) if n > 0 else self("days.ago", n=-n)
