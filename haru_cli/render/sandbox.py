"""The Jinja sandbox a workspace's templates run in. A workspace may come from someone else (SPEC §14), so
its templates are untrusted code: they render in Jinja's ImmutableSandboxedEnvironment, further narrowed
here — no attribute of a path, module, class or file is reachable, repetition, padding and numbers are
bounded — within RENDER_SECONDS and MAX_MEMORY, to at most MAX_OUTPUT characters, and where the system can
fork, in a child process that is killed when it runs past the time limit."""

from __future__ import annotations

import io
import os
import re
import signal
import threading
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from haru_cli.i18n import text
from haru_cli.render import TemplateProblem

if TYPE_CHECKING:
    from jinja2 import Environment

MAX_OUTPUT = 16 * 2**20  # the most a report may be, in characters
MAX_MEMORY = 1 * 2**30  # what compiling and rendering may take beyond what the process has
MAX_TEXT = 1_000_000  # the longest string or list a template may make by repetition
MAX_WIDTH = 1_000  # the widest padding or field a template may ask for
MAX_RANGE_ITEMS = 1_000_000  # all the range() items one render may iterate over
MAX_BITS = 4096  # the largest integer a template may make by * or ** (about 1,200 digits)
MAX_DIGITS = 1_200  # the largest (or smallest) power of ten of a Decimal a template may make
RENDER_SECONDS = 5

_NEVER_REACHABLE = (PurePath, types.ModuleType, type, io.IOBase, types.FrameType, types.CodeType)
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")
_FORMAT_FIELD = re.compile(r"\{[^{}]*?(?::([^{}]*))?\}")
_BOUNDED_FILTERS = ("center", "indent", "format", "batch", "slice", "replace", "sum")


def refuse(what: str, **params: Any) -> Any:
    """Stop the render: `what` names the catalogue's `template.refused.<what>` text."""
    from jinja2.exceptions import SecurityError

    class Refused(SecurityError):
        def __init__(self) -> None:
            super().__init__(what)
            self.what, self.params = what, params

    raise Refused()


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
            self.decided: dict[tuple[type, str, type], bool] = {}
            self.globals = {"range": self._range, "dict": dict}

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            # Every check below, and Jinja's own, asks only what types obj and value are and what attr is
            # called: decided once for each, rather than for each of a report's hundred thousand lookups.
            key = (type(obj), attr, type(value))
            safe = self.decided.get(key)
            if safe is None:
                safe = self.decided[key] = self._safe(obj, attr, value)
            return safe

        def _safe(self, obj: Any, attr: str, value: Any) -> bool:
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
                    return refuse("count", limit=MAX_WIDTH)
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
                return str(refuse("field", limit=MAX_WIDTH))

            return refused

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_TEXT:
                        return refuse("repeat", limit=MAX_TEXT)
                if _ints(left, right) and left.bit_length() + right.bit_length() > MAX_BITS:
                    return refuse("number")
            elif operator == "**":
                if isinstance(right, int) and abs(right) > 64:
                    return refuse("power")
                if _ints(left, right) and left.bit_length() * max(right, 0) > MAX_BITS:
                    return refuse("number")
            elif operator == "%" and isinstance(left, str) and _too_wide(left):
                return refuse("field", limit=MAX_WIDTH)
            elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                if len(left) + len(right) > MAX_TEXT:
                    return refuse("repeat", limit=MAX_TEXT)
            return _checked(super().call_binop(context, operator, left, right))

        def _range(self, *args: int) -> range:
            items = range(*args)
            self.range_left -= len(items)
            if self.range_left < 0:
                refuse("range", limit=MAX_RANGE_ITEMS)
            return items

    return Sandbox


def _checked(value: Any) -> Any:
    """What a call or an operator made, refused when it is a number too large to turn into text within the
    time limit: Python does that in one uninterruptible step (a Decimal of a million digits, made by
    scaleb or **, takes seconds to become an int)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value.bit_length() > MAX_BITS:
        return refuse("number")
    if isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > MAX_DIGITS:
        return refuse("number")
    return value


def _ints(*values: Any) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _check_replace(text: Any, old: Any, new: Any) -> None:
    """Refuse a replace that would make a text longer than MAX_TEXT."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        grows = (len(new) - len(old)) * (text.count(old) if old else len(text) + 1)
        if len(text) + grows > MAX_TEXT:
            refuse("replace", limit=MAX_TEXT)


def _bounded(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A builtin filter that pads, splits or formats, refusing what would make a huge value. Jinja hands
    some filters its environment or context first (`jinja_pass_arg`): so does this one, unchanged."""
    passes = getattr(original, "jinja_pass_arg", None)

    def filter_(*given: Any, **kwargs: Any) -> Any:
        first, (value, *args) = (given[:1], given[1:]) if passes is not None else ((), given)
        if name == "format":
            if isinstance(value, str) and (_too_wide(value) or _too_wide_format(value)):
                return refuse("field", limit=MAX_WIDTH)
        elif name == "replace":
            if len(args) >= 2:
                _check_replace(str(value), *map(str, args[:2]))
        elif name == "sum":  # of numbers: a sum of lists or texts copies them over and over, in one C loop
            start = kwargs.get("start", args[1] if len(args) > 1 else 0)
            if isinstance(start, bool) or not isinstance(start, int | float | Decimal):
                return refuse("sum")
        elif any(_big(a) for a in (*args, *kwargs.values())):
            return refuse("filter", name=name, limit=MAX_WIDTH)
        return original(*first, value, *args, **kwargs)

    if passes is not None:
        filter_.jinja_pass_arg = passes  # type: ignore[attr-defined]
    return filter_


def sandboxed(**options: Any) -> Environment:
    """A Jinja environment of the narrowed sandbox (`options` as Jinja's own: loader, undefined …), its
    filters that pad, split or format bounded."""
    env = _sandbox_class()(**options)
    for name in _BOUNDED_FILTERS:
        env.filters[name] = _bounded(name, env.filters[name])
    # A document is the same every time it is made from the same records (and a reading command's answer is
    # kept and printed again: cli/answers.py): no filter draws at random.
    del env.filters["random"]
    return env


def collect(parts: Iterable[str]) -> str:
    """What a template generates, joined: refused once it passes MAX_OUTPUT characters."""
    kept, size = [], 0
    for part in parts:
        size += len(part)
        if size > MAX_OUTPUT:
            refuse("output", limit=MAX_OUTPUT // 2**20)
        kept.append(part)
    return "".join(kept)


def reason(exc: BaseException, lang: str) -> str:
    """Why a template could not be compiled or rendered, in the language of the report."""
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


@contextmanager
def within_limits() -> Iterator[None]:
    """What runs inside, compiling and rendering, within MAX_MEMORY and RENDER_SECONDS."""
    with _bounded_memory(), _time_limit(RENDER_SECONDS):
        yield


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


def apart(render: Callable[[], str], where: str, lang: str) -> str:
    """What render() gives, computed in a forked child that is killed when it runs past the time limit:
    its text, or its TemplateProblem, through a pipe. One step of C (comparing a million long texts, `in`
    a list) is more than any timer in the process can stop, and a template from someone else must never
    hang haru (SPEC §14)."""
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
                raise TemplateProblem.of(where, lang, "template.time_up", seconds=RENDER_SECONDS)
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
    raise TemplateProblem.of(where, lang, "template.crashed")  # killed by the memory limit, most likely
