"""Options whose values are a record's codes (`--kind regular`): the choices are the records' own Literal
types, and each may be given by its label too, in either language (`--kind 定例会`, `--stage 提案済み`, after
NFKC and case folding). `--help` lists every value with its label.

An option annotated with a record's Literal alone (Typer makes it a Choice) becomes a Labelled one when its
command is built (cli/localize.py): every fixed list of a record's values takes its labels, without each
command asking for it."""

from __future__ import annotations

from typing import Any

from haru_cli.cli.vendored import ParamType
from haru_cli.i18n import text
from haru_cli.records.labels import code_for, codes_of, literal_of


class Labelled(ParamType):
    """One of a record's codes, given by the code or by its label (the catalogue's `value.<group>.<code>`)."""

    name = "choice"

    def __init__(self, group: str, literal: Any) -> None:
        self.group = group
        self.codes: tuple[str, ...] = codes_of(literal)

    def labels(self, lang: str) -> list[tuple[str, str]]:
        return [(code, text(f"value.{self.group}.{code}", lang)) for code in self.codes]

    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        return "[" + "|".join(self.codes) + "]"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        if not isinstance(value, str):
            value = str(value)
        code = code_for(self.group, self.codes, value)
        if code is not None:
            return code
        lang = getattr(ctx.find_root().command, "lang", "ja") if ctx is not None else "ja"  # the run's (HaruGroup)
        self.fail(text("cli.bad.choice", lang, value=value, choices=", ".join(self.codes)), param, ctx)

    def __repr__(self) -> str:
        return f"Labelled({self.group!r})"


def labelled_choice(kind: Any) -> Labelled | None:
    """The Labelled type of a Choice whose choices are the codes of a record's Literal (an option annotated
    `VendorStatus | None`); None for any other type."""
    choices = getattr(kind, "choices", None)
    if isinstance(kind, Labelled) or not isinstance(choices, (tuple, list)) or not choices:
        return None
    found = literal_of(tuple(str(c) for c in choices))
    return Labelled(found[1], found[0]) if found is not None else None
