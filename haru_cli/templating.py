"""Jinja for Markdown documents: the shipped templates, overridable from the workspace's templates/.

StrictUndefined: a typo in a template is an error, not an empty string. Data is only ever a value in
the context, never a template itself, so a note containing `{{ 7*7 }}` prints as written.
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from haru_cli.render import md_text

if TYPE_CHECKING:
    from jinja2 import Environment, Template


def yen(amount: int | None) -> str:
    """¥1,234,567 (and -¥20,000)."""
    if amount is None:
        return "—"
    return f"-¥{-amount:,}" if amount < 0 else f"¥{amount:,}"


def environment(workspace: Path | None, lang: str) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    shipped = str(files("haru_cli.templates"))
    search = [str(workspace / "templates")] if workspace is not None else []
    env = Environment(
        loader=FileSystemLoader([*search, shipped]),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: the `md` filter escapes what needs it
        keep_trailing_newline=True,
    )
    env.filters["yen"] = yen
    env.filters["md"] = lambda text: md_text(str(text))
    env.filters["jdate"] = lambda day: _date(day, lang)
    env.filters["jmonth"] = lambda day: f"{day.year}年{day.month}月" if lang == "ja" else f"{day:%Y-%m}"
    return env


def _date(day: date | None, lang: str) -> str:
    if day is None:
        return "—"
    return f"{day.year}年{day.month}月{day.day}日" if lang == "ja" else day.isoformat()


def template(env: Environment, name: str, lang: str) -> Template:
    """NAME.en.md.j2 for English when there is one, else NAME.md.j2."""
    candidates = [f"{name}.{lang}.md.j2", f"{name}.md.j2"] if lang != "ja" else [f"{name}.md.j2"]
    return env.select_template(candidates)
