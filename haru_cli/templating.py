"""Jinja for Markdown documents: the shipped templates, overridable from the workspace's templates/.

StrictUndefined: a typo in a template is an error, not an empty string. Data is only ever a value in
the context, never a template itself, so a note containing `{{ 7*7 }}` prints as written.
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haru_cli.render import md_block, md_text

if TYPE_CHECKING:
    from jinja2 import Environment, Template


def yen(amount: int | None) -> str:
    """¥1,234,567 (and -¥20,000)."""
    if amount is None:
        return "—"
    return f"-¥{-amount:,}" if amount < 0 else f"¥{amount:,}"


def environment(workspace: Path | None, lang: str, *, names: dict[str, str] | None = None,
                wareki: bool = False) -> Environment:
    """Templates from the workspace's templates/ first, then haru's own. `names` maps partner ids to
    names (the `name_of` filter); `wareki` writes Japanese dates in the era calendar (令和8年11月27日)."""
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
    env.filters["mdblock"] = lambda text: md_block(str(text))
    env.filters["jdate"] = lambda day: _date(day, lang, wareki)
    env.filters["jmonth"] = lambda day: _month(day, lang, wareki)
    env.filters["name_of"] = lambda partner_id: (names or {}).get(partner_id, partner_id)
    env.filters["first_line"] = lambda text: next(iter(str(text).strip().splitlines()), "")
    return env


# (first day, era): 和暦 from the first day of 平成.
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"))


def wareki_year(day: date) -> str:
    """令和8年 for 2026; the first year of an era is 元年."""
    for start, era in _ERAS:
        if day >= start:
            number = day.year - start.year + 1
            return f"{era}{'元' if number == 1 else number}年"
    return f"{day.year}年"


def _date(day: date | None, lang: str, wareki: bool) -> str:
    if day is None:
        return "—"
    if lang != "ja":
        return day.isoformat()
    year = wareki_year(day) if wareki else f"{day.year}年"
    return f"{year}{day.month}月{day.day}日"


def _month(day: date, lang: str, wareki: bool) -> str:
    if lang != "ja":
        return f"{day:%Y-%m}"
    return f"{wareki_year(day) if wareki else f'{day.year}年'}{day.month}月"


def template(env: Environment, name: str, lang: str) -> Template:
    """NAME.en.md.j2 for English when there is one, else NAME.md.j2."""
    candidates = [f"{name}.{lang}.md.j2", f"{name}.md.j2"] if lang != "ja" else [f"{name}.md.j2"]
    return env.select_template(candidates)


class TemplateProblem(Exception):
    """A template that cannot be read or rendered (a syntax error, an undefined name): says where."""


def render_document(name: str, context: dict[str, Any], *, workspace: Path | None, lang: str,
                    template_file: Path | None = None, names: dict[str, str] | None = None,
                    wareki: bool = False) -> str:
    """Render a shipped (or the workspace's, or the given) template with the context."""
    from jinja2 import TemplateError, TemplateSyntaxError

    env = environment(workspace, lang, names=names, wareki=wareki)
    try:
        if template_file is not None:
            tpl = env.from_string(template_file.read_text(encoding="utf-8"))
            tpl.filename = str(template_file)
        else:
            tpl = template(env, name, lang)
        return str(tpl.render(**context))
    except TemplateSyntaxError as exc:
        where = exc.filename or (str(template_file) if template_file else name)
        raise TemplateProblem(f"{where}:{exc.lineno}: {exc.message}") from None
    except TemplateError as exc:
        raise TemplateProblem(f"{tpl.filename or name}: {exc.message or exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateProblem(f"{template_file}: {exc}") from None
