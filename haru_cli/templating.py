"""Jinja for Markdown documents: the shipped templates, overridable from the workspace's templates/.

StrictUndefined: a typo in a template is an error, not an empty string. Data is only ever a value in
the context, never a template itself, so a note containing `{{ 7*7 }}` prints as written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haru_cli.render import md_block, md_text, yen

if TYPE_CHECKING:
    from jinja2 import Environment, Template


def environment(workspace: Path | None, lang: str, *, names: dict[str, str] | None = None,
                wareki: bool = False) -> Environment:
    """Templates from the workspace's templates/ first, then haru's own. `names` maps partner ids to
    names (the `name_of` filter); `wareki` writes Japanese dates in the era calendar (令和8年11月27日)."""
    from importlib.resources import files

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


# (first day, era): 和暦 for every date a record may hold (1900 on).
_ERAS = ((date(2019, 5, 1), "令和"), (date(1989, 1, 8), "平成"), (date(1926, 12, 25), "昭和"),
         (date(1912, 7, 30), "大正"), (date(1868, 1, 25), "明治"))


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


def _where(exc: BaseException, filename: str) -> str:
    """file:line of the template line that failed: Jinja maps the traceback's frames to template lines."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"{filename}:{line}" if line else filename


def _reason(exc: BaseException) -> str:
    from jinja2 import TemplateError

    if isinstance(exc, TemplateError):
        return exc.message or str(exc)
    return f"{type(exc).__name__}: {exc}"


class TemplateProblem(Exception):
    """A template that cannot be read or rendered (a syntax error, an undefined name): says where."""


def render_document(name: str, context: dict[str, Any], *, workspace: Path | None, lang: str,
                    template_file: Path | None = None, names: dict[str, str] | None = None,
                    wareki: bool = False) -> str:
    """Render a shipped (or the workspace's, or the given) template with the context."""
    from jinja2 import TemplateSyntaxError

    env = environment(workspace, lang, names=names, wareki=wareki)
    where = str(template_file) if template_file is not None else name
    try:
        if template_file is not None:
            # Compiled with its file name, so that a failing line is reported as file:line.
            code = env.compile(template_file.read_text(encoding="utf-8"), filename=where)
            tpl = env.template_class.from_code(env, code, env.make_globals(None), None)
        else:
            tpl = template(env, name, lang)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"{exc.filename or where}:{exc.lineno}: {exc.message}") from None
    except (OSError, UnicodeDecodeError) as exc:  # TemplateNotFound is an OSError too
        raise TemplateProblem(f"{where}: {exc}") from None
    try:
        return str(tpl.render(**context))
    except Exception as exc:  # a template is code: whatever it raises is its author's mistake
        raise TemplateProblem(f"{_where(exc, tpl.filename or where)}: {_reason(exc)}") from None
