"""Options whose values are a record's codes (`--kind regular`): the choices are the records' own Literal
types, and each may be given by its label too, in either language (`--kind 定例会`, after NFKC and case
folding). `--help` lists every value with its label."""

from __future__ import annotations

import typing
import unicodedata
from typing import Any

from haru_cli.cli.vendored import ParamType
from haru_cli.i18n import LANGS, text


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


class Labelled(ParamType):
    """One of a record's codes, given by the code or by its label (the catalogue's `value.<group>.<code>`)."""

    name = "choice"

    def __init__(self, group: str, literal: Any) -> None:
        self.group = group
        self.codes: tuple[str, ...] = typing.get_args(literal)

    def labels(self, lang: str) -> list[tuple[str, str]]:
        return [(code, text(f"value.{self.group}.{code}", lang)) for code in self.codes]

    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        return "[" + "|".join(self.codes) + "]"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        if not isinstance(value, str):
            value = str(value)
        wanted = _fold(value)
        for code in self.codes:
            if wanted == code or any(wanted == _fold(text(f"value.{self.group}.{code}", lang)) for lang in LANGS):
                return code
        lang = getattr(ctx.find_root().command, "lang", "ja") if ctx is not None else "ja"  # the run's (HaruGroup)
        self.fail(text("cli.bad.choice", lang, value=value, choices=", ".join(self.codes)), param, ctx)

    def __repr__(self) -> str:
        return f"Labelled({self.group!r})"
