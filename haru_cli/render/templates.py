"""Jinja for Markdown documents: the shipped templates, overridable from the workspace's templates/.

A workspace may come from someone else (SPEC §14), so its templates are untrusted code:
- they render in the sandbox (`render/sandbox.py`): nothing but data is reachable, what they make is
  bounded, and a render that runs longer than a few seconds is stopped;
- they are read only from regular files inside the workspace's templates/ folder, never through a
  symbolic link (a `templates/leak -> /etc/passwd` is refused, and so is `{% include 'leak' %}`).

StrictUndefined: a typo in a template is an error, not an empty string. Data is only ever a value in
the context, never a template itself, so a note containing `{{ 7*7 }}` prints as written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haru_cli.escape import visible
from haru_cli.i18n import yen
from haru_cli.i18n.dates import date_text, month_text
from haru_cli.render import TEMPLATES_FOLDER, TemplateProblem
from haru_cli.render.formats import md_block, md_text
from haru_cli.render.sandbox import apart, collect, reason, sandboxed, within_limits

if TYPE_CHECKING:
    from jinja2 import Environment, Template

MAX_TEMPLATE_BYTES = 128 * 2**10  # haru's own templates are a few KB; compiling a large one takes long


# --- reading templates -------------------------------------------------------------------------------


def _read_regular(path: Path, shown: str, lang: str) -> str:
    """A template's text, from a regular file opened without following a symbolic link."""
    from haru_cli.files import NotRegular, TooLarge, read_regular

    try:
        raw = read_regular(path, MAX_TEMPLATE_BYTES)
    except NotRegular as exc:
        raise TemplateProblem.of(shown, lang, "template.symlink" if exc.variant == "file-name.symlink"
                       else "template.not_regular") from None
    except TooLarge:
        raise TemplateProblem.of(shown, lang, "template.too_large", limit=MAX_TEMPLATE_BYTES // 2**10) from None
    except OSError as exc:
        raise TemplateProblem(f"{shown}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateProblem.of(shown, lang, "template.not_utf8") from None


def _workspace_loader(workspace: Path, lang: str) -> Any:
    """Templates from <workspace>/templates/, each a regular file reached without a symbolic link."""
    from jinja2 import BaseLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    class WorkspaceLoader(BaseLoader):
        def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
            parts = split_template_path(template)  # refuses `..`
            current = workspace
            for n, part in enumerate([TEMPLATES_FOLDER, *parts]):
                current = current / part
                shown = "/".join([TEMPLATES_FOLDER, *parts][: n + 1])
                try:
                    info = os.lstat(current)
                except FileNotFoundError:
                    raise TemplateNotFound(template) from None
                except OSError as exc:
                    raise TemplateProblem(f"{shown}: {exc.strerror or exc}") from None
                if stat.S_ISLNK(info.st_mode):
                    raise TemplateProblem.of(shown, lang, "template.symlink")
                if n < len(parts) and not stat.S_ISDIR(info.st_mode):
                    raise TemplateNotFound(template)
            source = _read_regular(current, "/".join([TEMPLATES_FOLDER, *parts]), lang)
            stamp = os.lstat(current).st_mtime_ns
            return source, f"{TEMPLATES_FOLDER}/{'/'.join(parts)}", lambda: _unchanged(current, stamp)

    return WorkspaceLoader()


def _unchanged(path: Path, stamp: int) -> bool:
    try:
        return os.lstat(path).st_mtime_ns == stamp
    except OSError:
        return False


def environment(workspace: Path | None, lang: str, *, names: dict[str, str] | None = None,
                wareki: bool = False) -> Environment:
    """Templates from the workspace's templates/ first, then haru's own. `names` maps partner ids to
    names (the `name_of` filter); `wareki` writes Japanese dates in the era calendar (令和8年11月27日)."""
    from importlib.resources import files

    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    shipped = FileSystemLoader(str(files("haru_cli.templates")))
    loaders = [_workspace_loader(workspace, lang), shipped] if workspace is not None else [shipped]
    env = sandboxed(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: the `md` filter escapes what needs it
        keep_trailing_newline=True,
    )
    env.filters["yen"] = yen
    env.filters["md"] = lambda value: md_text(str(value))
    env.filters["mdblock"] = lambda value: md_block(str(value))
    env.filters["jdate"] = lambda day: date_text(day, lang, wareki=wareki)
    env.filters["jmonth"] = lambda day: month_text(day, lang, wareki=wareki)
    env.filters["name_of"] = lambda partner_id: (names or {}).get(partner_id, partner_id)
    env.filters["first_line"] = lambda value: next(iter(str(value).strip().splitlines()), "")
    return env


def _candidates(name: str, lang: str) -> list[str]:
    """NAME.<lang>.md.j2 when there is one (a workspace may override a report per language), else NAME.md.j2."""
    return [f"{name}.{lang}.md.j2", f"{name}.md.j2"]


def template(env: Environment, name: str, lang: str) -> Template:
    return env.select_template(_candidates(name, lang))


def _source_name(workspace: Path | None, name: str, lang: str) -> str:
    """How a problem names the template a report is rendered from: the workspace's file, or haru's."""
    for candidate in _candidates(name, lang):
        if workspace is not None and os.path.lexists(workspace / TEMPLATES_FOLDER / candidate):
            return f"{TEMPLATES_FOLDER}/{candidate}"
    return f"{name}.md.j2"


def _where(exc: BaseException, filename: str) -> str:
    """file:line of the template line that failed: Jinja maps the traceback's frames to template lines."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"{filename}:{line}" if line else filename


APART = hasattr(os, "fork")  # render in a child process; the test suite renders in its own, to measure it


def render_document(name: str, context: dict[str, Any], *, workspace: Path | None, lang: str,
                    template_file: Path | None = None, names: dict[str, str] | None = None,
                    wareki: bool = False) -> str:
    """Render a shipped (or the workspace's, or the given) template with the context, in the sandbox —
    within its time and memory limits, where the system can fork in a child process killed when it runs
    past them — and what it makes shown literally (invisible characters as escapes, never sent to the
    terminal)."""
    where = str(template_file) if template_file is not None else _source_name(workspace, name, lang)

    def render() -> str:
        return _render(name, context, workspace=workspace, lang=lang, template_file=template_file, names=names,
                       wareki=wareki, where=where)

    return apart(render, where, lang) if APART else render()


def _render(name: str, context: dict[str, Any], *, workspace: Path | None, lang: str,
            template_file: Path | None, names: dict[str, str] | None, wareki: bool, where: str) -> str:
    from jinja2 import TemplateSyntaxError

    env = environment(workspace, lang, names=names, wareki=wareki)
    with within_limits():
        try:
            if template_file is not None:
                # Compiled with its file name, so that a failing line is reported as file:line.
                # The user named this file on the command line: it is theirs, read as it is.
                code = env.compile(template_file.read_text(encoding="utf-8"), filename=where)
                tpl = env.template_class.from_code(env, code, env.make_globals(None), None)
            else:
                tpl = template(env, name, lang)
        except TemplateProblem:
            raise
        except TemplateSyntaxError as exc:
            raise TemplateProblem(f"{exc.filename or where}:{exc.lineno}: {exc.message}") from None
        except (OSError, UnicodeDecodeError) as exc:  # TemplateNotFound is an OSError too
            raise TemplateProblem(f"{where}: {exc}") from None
        except Exception as exc:  # nested too deep to compile (RecursionError, SyntaxError), too large …
            raise TemplateProblem(f"{where}: {reason(exc, lang)}") from None
        try:
            made = collect(tpl.generate(**context))
        except TemplateProblem:
            raise
        except Exception as exc:  # a template is code: whatever it raises is its author's mistake
            raise TemplateProblem(f"{_where(exc, tpl.filename or where)}: {reason(exc, lang)}") from None
    return visible(made)
