"""Jinja for Markdown documents: the shipped templates, overridable from the workspace's templates/.

A workspace may come from someone else (SPEC §14), so its templates are untrusted code:
- they render in Jinja's ImmutableSandboxedEnvironment, further narrowed here: no attribute of a path,
  module, class or file is reachable, repetition and padding are bounded, and a render that runs longer
  than a few seconds is stopped;
- they are read only from regular files inside the workspace's templates/ folder, never through a
  symbolic link (a `templates/leak -> /etc/passwd` is refused, and so is `{% include 'leak' %}`).

StrictUndefined: a typo in a template is an error, not an empty string. Data is only ever a value in
the context, never a template itself, so a note containing `{{ 7*7 }}` prints as written.
"""

from __future__ import annotations

import io
import os
import re
import signal
import stat
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from haru_cli.escape import visible
from haru_cli.i18n import text, yen
from haru_cli.render import TemplateProblem
from haru_cli.render.formats import md_block, md_text

if TYPE_CHECKING:
    from jinja2 import Environment, Template

TEMPLATES_FOLDER = "templates"
MAX_TEMPLATE_BYTES = 128 * 2**10  # haru's own templates are a few KB; compiling a large one takes long
MAX_OUTPUT = 16 * 2**20  # the most a report may be, in characters
MAX_MEMORY = 1 * 2**30  # what compiling and rendering may take beyond what the process has
MAX_TEXT = 1_000_000  # the longest string or list a template may make by repetition
MAX_WIDTH = 1_000  # the widest padding or field a template may ask for
MAX_RANGE_ITEMS = 1_000_000  # all the range() items one render may iterate over
RENDER_SECONDS = 5


def _refuse(what: str, **params: Any) -> Any:
    """Stop the render: `what` names the catalogue's `template.refused.<what>` text."""
    from jinja2.exceptions import SecurityError

    class Refused(SecurityError):
        def __init__(self) -> None:
            super().__init__(what)
            self.what, self.params = what, params

    raise Refused()


def _problem(where: str, lang: str, key: str, **params: Any) -> TemplateProblem:
    """A TemplateProblem of the catalogue: `where: reason`, in the language of the report."""
    return TemplateProblem(f"{where}: {text(key, lang, **params)}")


# --- reading templates -------------------------------------------------------------------------------


def _read_regular(path: Path, shown: str, lang: str) -> str:
    """A template's text, from a regular file opened without following a symbolic link."""
    from haru_cli.files import NotRegular, TooLarge, read_regular

    try:
        raw = read_regular(path, MAX_TEMPLATE_BYTES)
    except NotRegular as exc:
        raise _problem(shown, lang, "template.symlink" if exc.variant == "file-name.symlink"
                       else "template.not_regular") from None
    except TooLarge:
        raise _problem(shown, lang, "template.too_large", limit=MAX_TEMPLATE_BYTES // 2**10) from None
    except OSError as exc:
        raise TemplateProblem(f"{shown}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _problem(shown, lang, "template.not_utf8") from None


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
                    raise _problem(shown, lang, "template.symlink")
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


# --- the sandbox ---------------------------------------------------------------------------------------

_NEVER_REACHABLE = (PurePath, types.ModuleType, type, io.IOBase, types.FrameType, types.CodeType)
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")
_FORMAT_FIELD = re.compile(r"\{[^{}]*?(?::([^{}]*))?\}")
MAX_BITS = 4096  # the largest integer a template may make by * or ** (about 1,200 digits)
MAX_DIGITS = 1_200  # the largest (or smallest) power of ten of a Decimal a template may make


def _too_wide(spec: str) -> bool:
    """A %-format whose field is wider (or more precise) than MAX_WIDTH, or takes its width from an argument."""
    return any(part == "*" or (part and int(part) > MAX_WIDTH)
               for match in _PRINTF_FIELD.finditer(spec) for part in match.groups())


def _too_wide_format(template: str) -> bool:
    """A str.format template with a field wider than MAX_WIDTH, or a width taken from an argument ({:{}})."""
    for match in _FORMAT_FIELD.finditer(template):
        spec = match.group(1) or ""
        if "{" in spec or any(int(n) > MAX_WIDTH for n in re.findall(r"\d+", spec)):
            return True
    return "{:{" in template or re.search(r":[^{}]*\{", template) is not None


def _big(value: Any) -> bool:
    """An argument that would make a huge string, list or number: a count or width over MAX_WIDTH."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > MAX_WIDTH
    return isinstance(value, float) and abs(value) > MAX_WIDTH


def _sandbox_class() -> type[Environment]:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from haru_cli.i18n import Translator

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja's immutable sandbox, narrowed to data: what a report needs and nothing a workspace
        could use to reach files, the interpreter or unbounded memory and time."""

        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.range_left = MAX_RANGE_ITEMS
            self.globals = {"range": self._range, "dict": dict}

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if isinstance(obj, _NEVER_REACHABLE) or isinstance(value, _NEVER_REACHABLE):
                return False
            if type(obj).__name__ == "Dataset" or type(value).__name__ == "Dataset":  # reads files on demand
                return False
            return bool(super().is_safe_attribute(obj, attr, value))

        def call(__self, __context: Any, __obj: Any, /, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            """A call from a template: haru's own texts as they are; anything else (a str method, a
            number's) refused a count or width that would make a huge value (ljust, zfill, expandtabs,
            to_bytes …), and a format template with a huge field."""
            owner = getattr(__obj, "__self__", None)
            if not (isinstance(__obj, Translator) or isinstance(owner, Translator) or __obj == __self._range):
                if any(_big(a) for a in (*args, *kwargs.values())):
                    return _refuse("count", limit=MAX_WIDTH)
                name = getattr(__obj, "__name__", "")
                if isinstance(owner, str) and name == "replace" and len(args) >= 2:
                    _check_replace(owner, *args[:2])
            return _checked(super().call(__context, __obj, *args, **kwargs))

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            """Jinja's sandboxed str.format and format_map, refusing a template with a huge field."""
            wrapped = super().wrap_str_format(value)
            owner = getattr(value, "__self__", None)
            if wrapped is None or not isinstance(owner, str) or not _too_wide_format(owner):
                return wrapped

            def refused(*args: Any, **kwargs: Any) -> str:
                return str(_refuse("field", limit=MAX_WIDTH))

            return refused

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_TEXT:
                        return _refuse("repeat", limit=MAX_TEXT)
                if _ints(left, right) and left.bit_length() + right.bit_length() > MAX_BITS:
                    return _refuse("number")
            elif operator == "**":
                if isinstance(right, int) and abs(right) > 64:
                    return _refuse("power")
                if _ints(left, right) and left.bit_length() * max(right, 0) > MAX_BITS:
                    return _refuse("number")
            elif operator == "%" and isinstance(left, str) and _too_wide(left):
                return _refuse("field", limit=MAX_WIDTH)
            elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                if len(left) + len(right) > MAX_TEXT:
                    return _refuse("repeat", limit=MAX_TEXT)
            return _checked(super().call_binop(context, operator, left, right))

        def _range(self, *args: int) -> range:
            items = range(*args)
            self.range_left -= len(items)
            if self.range_left < 0:
                _refuse("range", limit=MAX_RANGE_ITEMS)
            return items

    return Sandbox


def _checked(value: Any) -> Any:
    """What a call or an operator made, refused when it is a number too large to turn into text within the
    time limit: Python does that in one uninterruptible step (a Decimal of a million digits, made by
    scaleb or **, takes seconds to become an int)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        return _refuse("number")
    if isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > MAX_DIGITS:
        return _refuse("number")
    return value


def _ints(*values: Any) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _check_replace(text: Any, old: Any, new: Any) -> None:
    """Refuse a replace that would make a text longer than MAX_TEXT."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        grows = (len(new) - len(old)) * (text.count(old) if old else len(text) + 1)
        if len(text) + grows > MAX_TEXT:
            _refuse("replace", limit=MAX_TEXT)


def _bounded(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A builtin filter that pads, splits or formats, refusing what would make a huge value. Jinja hands
    some filters its environment or context first (`jinja_pass_arg`): so does this one, unchanged."""
    passes = getattr(original, "jinja_pass_arg", None)

    def filter_(*given: Any, **kwargs: Any) -> Any:
        first, (value, *args) = (given[:1], given[1:]) if passes is not None else ((), given)
        if name == "format":
            if isinstance(value, str) and (_too_wide(value) or _too_wide_format(value)):
                return _refuse("field", limit=MAX_WIDTH)
        elif name == "replace":
            if len(args) >= 2:
                _check_replace(str(value), *map(str, args[:2]))
        elif name == "sum":  # of numbers: a sum of lists or texts copies them over and over, in one C loop
            start = kwargs.get("start", args[1] if len(args) > 1 else 0)
            if isinstance(start, bool) or not isinstance(start, int | float | Decimal):
                return _refuse("sum")
        elif any(_big(a) for a in (*args, *kwargs.values())):
            return _refuse("filter", name=name, limit=MAX_WIDTH)
        return original(*first, value, *args, **kwargs)

    if passes is not None:
        filter_.jinja_pass_arg = passes  # type: ignore[attr-defined]
    return filter_


def environment(workspace: Path | None, lang: str, *, names: dict[str, str] | None = None,
                wareki: bool = False) -> Environment:
    """Templates from the workspace's templates/ first, then haru's own. `names` maps partner ids to
    names (the `name_of` filter); `wareki` writes Japanese dates in the era calendar (令和8年11月27日)."""
    from importlib.resources import files

    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    shipped = FileSystemLoader(str(files("haru_cli.templates")))
    loaders = [_workspace_loader(workspace, lang), shipped] if workspace is not None else [shipped]
    env = _sandbox_class()(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, not HTML: the `md` filter escapes what needs it
        keep_trailing_newline=True,
    )
    for name in ("center", "indent", "format", "batch", "slice", "replace", "sum"):
        env.filters[name] = _bounded(name, env.filters[name])
    env.filters["yen"] = yen
    env.filters["md"] = lambda value: md_text(str(value))
    env.filters["mdblock"] = lambda value: md_block(str(value))
    env.filters["jdate"] = lambda day: _date(day, lang, wareki)
    env.filters["jmonth"] = lambda day: _month(day, lang, wareki)
    env.filters["name_of"] = lambda partner_id: (names or {}).get(partner_id, partner_id)
    env.filters["first_line"] = lambda value: next(iter(str(value).strip().splitlines()), "")
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


def _reason(exc: BaseException, lang: str) -> str:
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, SecurityError):
        if hasattr(exc, "what"):  # one of haru's own bounds
            return text(f"template.refused.{exc.what}", lang, **getattr(exc, "params", {}))
        return text("template.not_allowed", lang, what=str(exc))  # Jinja's sandbox, in its words
    if isinstance(exc, TemplateError):
        return exc.message or str(exc)
    if isinstance(exc, _TimeUp):
        return text("template.time_up", lang, seconds=RENDER_SECONDS)
    if isinstance(exc, MemoryError):
        return text("template.memory", lang, limit=MAX_MEMORY // 2**20)
    if isinstance(exc, RecursionError):
        return text("template.too_deep", lang)
    return f"{type(exc).__name__}: {exc}"


class _TimeUp(Exception):
    """A render ran past RENDER_SECONDS."""


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """Stop what runs inside after `seconds` (in the main thread, where signals arrive; elsewhere, as
    in tests' threads, unbounded)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


APART = hasattr(os, "fork")  # render in a child process; the test suite renders in its own, to measure it


def render_document(name: str, context: dict[str, Any], *, workspace: Path | None, lang: str,
                    template_file: Path | None = None, names: dict[str, str] | None = None,
                    wareki: bool = False) -> str:
    """Render a shipped (or the workspace's, or the given) template with the context, in the sandbox:
    compiling and rendering within RENDER_SECONDS and MAX_MEMORY, at most MAX_OUTPUT characters, and
    what it makes shown literally (invisible characters as escapes, never sent to the terminal).

    Where the system can fork, in a child process that is killed when it runs past the time limit: one
    step of C (comparing a million long texts, `in` a list) is more than any timer in the process can
    stop, and a template from someone else must never hang haru (SPEC §14)."""
    where = str(template_file) if template_file is not None else _source_name(workspace, name, lang)

    def render() -> str:
        return _render(name, context, workspace=workspace, lang=lang, template_file=template_file, names=names,
                       wareki=wareki, where=where)

    return _apart(render, where, lang) if APART else render()


def _apart(render: Callable[[], str], where: str, lang: str) -> str:
    """What render() gives, computed in a forked child: its text, or its TemplateProblem, through a pipe."""
    import select
    import time

    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; what it runs is measured in-process by the test suite
        os.close(reading)
        try:
            try:
                said = b"K" + render().encode("utf-8", "surrogatepass")
            except TemplateProblem as exc:
                said = b"P" + str(exc).encode("utf-8", "surrogatepass")
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(said)
        finally:
            os._exit(0)
    os.close(writing)
    chunks: list[bytes] = []
    deadline = time.monotonic() + RENDER_SECONDS + 2  # the child's own timer speaks first, when it can
    finished = False
    try:
        while not finished:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _problem(where, lang, "template.time_up", seconds=RENDER_SECONDS)
            if select.select([reading], [], [], left)[0]:
                chunk = os.read(reading, 2**20)
                chunks.append(chunk)
                finished = not chunk
    finally:
        os.close(reading)
        if not finished:  # stuck in one step of C, or haru interrupted: it goes
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    said = b"".join(chunks)
    if said[:1] == b"K":
        return said[1:].decode("utf-8", "surrogatepass")
    if said[:1] == b"P":
        raise TemplateProblem(said[1:].decode("utf-8", "surrogatepass"))
    raise _problem(where, lang, "template.crashed")  # killed by the memory limit, most likely


def _render(name: str, context: dict[str, Any], *, workspace: Path | None, lang: str,
            template_file: Path | None, names: dict[str, str] | None, wareki: bool, where: str) -> str:
    from jinja2 import TemplateSyntaxError

    env = environment(workspace, lang, names=names, wareki=wareki)
    with _bounded_memory(), _time_limit(RENDER_SECONDS):
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
            raise TemplateProblem(f"{where}: {_reason(exc, lang)}") from None
        try:
            parts, size = [], 0
            for part in tpl.generate(**context):
                size += len(part)
                if size > MAX_OUTPUT:
                    _refuse("output", limit=MAX_OUTPUT // 2**20)
                parts.append(part)
        except TemplateProblem:
            raise
        except Exception as exc:  # a template is code: whatever it raises is its author's mistake
            raise TemplateProblem(f"{_where(exc, tpl.filename or where)}: {_reason(exc, lang)}") from None
    return visible("".join(parts))


@contextmanager
def _bounded_memory() -> Iterator[None]:
    """At most MAX_MEMORY more address space while a template compiles and renders (where the system
    lets a process limit itself): a MemoryError, reported as the template's, instead of gigabytes."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on this platform
        yield
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            in_use = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = in_use + MAX_MEMORY
        if soft != resource.RLIM_INFINITY and soft < limit:
            limit = soft
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (OSError, ValueError):  # no /proc, or limits that cannot be set: the other bounds still hold
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
