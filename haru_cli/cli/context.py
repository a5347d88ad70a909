"""What every command shares: the global options, finding and loading the workspace (`open_run`, the one
opening every command makes), the clock, and failing cleanly."""

from __future__ import annotations

import functools
import gc
import os
import re
import stat
import sys
import time
import typing
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from haru_cli.cli import answers
from haru_cli.i18n import Translator, text
from haru_cli.load.workspace import WorkspaceNotFound, find_workspace

if TYPE_CHECKING:
    from haru_cli.load.workspace import Listing
    from haru_cli.records.dataset import Dataset
    from haru_cli.records.models import Partner, Vendor
    from haru_cli.records.problems import Problem
    from haru_cli.records.registry import RecordType
    from haru_cli.rules.calendar import BusinessDays
    from haru_cli.rules.lookup import Hit

R = TypeVar("R")
N = TypeVar("N", "Partner", "Vendor")  # a record named by a QUERY


class Failure(Exception):
    """A user's mistake or a refusal: one line on stderr, no traceback (exit 1, or 2 for usage).

    Raised anywhere in a command, reported in one place (HaruGroup.invoke).
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class State:
    """The global options of one invocation (SPEC §5), and what was read of the world for it: the clock."""

    data: Path | None
    today: date
    lang: str | None  # None: the workspace's locale decides
    cache: bool = True
    guess: str = "ja"  # the language before the workspace is read (its locale, found cheaply)
    argv: list[str] | None = None  # the program's command line, for the command it runs (cli/answers.py)
    listing: Listing | None = None  # the workspace's files, when listed before the load (cli/answers.py)

    @functools.cached_property
    def now(self) -> datetime:
        """The clock's time (iCalendar's stamp): an answer that shows it is never kept again."""
        answers.spoil()
        return datetime.now(UTC)

    def language(self, ds: Dataset | None = None) -> str:
        if self.lang:
            return self.lang
        return ds.settings.locale if ds is not None else self.guess

    def workspace(self) -> Path:
        try:
            return find_workspace(self.data, Path.cwd())
        except WorkspaceNotFound as exc:
            lang = self.language()
            where = text(f"cli.workspace.{exc.reason}", lang, path=str(exc.path))
            raise Failure(f"{where} — {text('cli.workspace.hint', lang)}", exit_code=2) from None

    def load(self, *, for_a_person: bool = True, quiet: bool = False) -> Dataset:
        """The workspace's valid records; broken files are skipped, and said so in one line on stderr."""
        from haru_cli.load.cache import CACHE_FOLDER

        # What is loaded lives until the command ends: out of the cyclic collector's sight (frozen before the
        # collector runs again), or the next collections would walk all of it (48,000 files are millions of
        # objects, ~0.2 s a walk).
        collecting = gc.isenabled()
        gc.disable()
        try:
            with _progress(for_a_person) as progress:
                ds = load_checked(self.workspace(), today=self.today, cache=self.cache, progress=progress,
                                  frozen=True, listing=self.listing)
            _kept_to_the_end(ds)
        finally:
            gc.freeze()
            if collecting:
                gc.enable()
        lang = self.language(ds)
        if ds.skipped and not quiet:
            typer.echo(text("cli.skipped", lang, count=Translator(lang).count("files", ds.skipped)), err=True)
        if ds.settings_broken and not quiet:
            # The mistake itself first (a wrong bank.type, an account number of 8 digits): what to mend, where.
            for problem in settings_errors(ds):
                typer.echo(problem_line(ds.root, problem, lang), err=True)
            typer.echo(text("cli.settings_broken", lang), err=True)
        cached = ds.root / CACHE_FOLDER
        if self.cache and os.path.lexists(cached):
            # else every run would be slow unsaid; a link is never followed (SPEC §14)
            if cached.is_symlink() or not cached.is_dir():
                answers.spoil()  # of the cache folder, not of the files an answer is kept for
                typer.echo(text("cli.cache_not_folder", lang, folder=CACHE_FOLDER), err=True)
            elif odd := _odd_cache_files(cached):
                answers.spoil()
                typer.echo(text("cli.cache_not_file", lang, files=", ".join(odd)), err=True)
        return ds


def _kept_to_the_end(ds: Dataset) -> None:
    """Never free the dataset: a command's dataset is millions of objects, and freeing them one by one when
    the command returns, or when the interpreter tears its modules down, takes ~0.15 s at 48,000 files for
    memory the process gives back whole as it ends. A list holding itself and the dataset, frozen with it
    (gc.freeze) before any collection, is garbage no collection looks at; no reference count reaches zero."""
    holder: list[Any] = [ds]
    holder.append(holder)


def _odd_cache_files(folder: Path) -> list[str]:
    """The files of the parse cache that are there but are not files (a folder, a link, a pipe made in their
    place): the cache is never saved through them, so every run would read the workspace's files again."""
    from haru_cli.load.stamps import SNAPSHOT
    from haru_cli.load.store import HEAD, TYPE_FILE
    from haru_cli.records.registry import TYPES

    names = [SNAPSHOT, HEAD, *(TYPE_FILE.format(kind.name) for kind in TYPES)]
    found = []
    for name in names:
        try:
            info = os.lstat(folder / name)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            found.append(f"{folder.name}/{name}")
    return found


def load_checked(root: Path, overlay: dict[str, str] | None = None, *, today: date | None, cache: bool = False,
                 progress: Callable[[int, int], None] | None = None, frozen: bool = False,
                 listing: Listing | None = None) -> Dataset:
    """The workspace loaded and checked by every registered rules module's checks (rules/registered.py):
    the loader is handed them, as load imports no rules. Given today, the calendar checks too (their
    findings are of today's month: a dataset cached in another month is not used)."""
    from haru_cli.load import loader
    from haru_cli.load.cache import user_cache_dir
    from haru_cli.rules import registered

    if today is None:
        checks = loader.Checks(registered.run_checks, registered.key())
    else:
        days = japanese_business_days(user_cache_dir() if cache else None)
        checks = loader.Checks(functools.partial(registered.run_checks, today=today, days=days),
                               f"{registered.key()} calendar:{today:%Y-%m}")
    return loader.load_workspace(root, overlay, checks=checks, cache=cache, progress=progress, frozen=frozen,
                                 listing=listing)


@dataclass
class Run:
    """An opened workspace, for one command: the records, the language, today, the business days."""

    state: State
    ds: Dataset
    t: Translator

    @property
    def today(self) -> date:
        return self.state.today

    @property
    def lang(self) -> str:
        return self.t.lang

    @functools.cached_property
    def days(self) -> BusinessDays:
        """Japan's business days (their holidays computed once and kept in the user's cache folder)."""
        from haru_cli.load.cache import user_cache_dir

        return japanese_business_days(user_cache_dir() if self.state.cache else None)

    def partner(self, query: str) -> Partner:
        return resolve_partner(self.ds, query, self.t)

    def fail(self, key: str, /, **params: Any) -> NoReturn:
        raise Failure(self.t(key, **params))

    def record(self, kind: RecordType[R], query: str) -> R:
        """The valid record of that type an argument names, by what a person types (`resolve_record`):
        its id, name, title, kana or contact, or its partner's name; else a Failure (exit 1) saying its
        file has errors, or listing the candidates."""
        return resolve_record(self.ds, kind, query, self.t)

    def incomplete(self, partner_id: str | None = None) -> list[str]:
        """The skipped files that would change a partner's fees (every partner's with None)."""
        from haru_cli.rules.integrity import fees_incomplete

        return fees_incomplete(self.ds, partner_id)

    def time_incomplete(self) -> list[str]:
        """The files that would change the 社長's hours or what AI saved."""
        from haru_cli.rules.integrity import time_incomplete

        return time_incomplete(self.ds)

    def say_incomplete(self, paths: list[str], key: str = "cli.fees.incomplete") -> None:
        """A figure that may lack what skipped files hold never looks final (SPEC §6): the output says so
        beside it, this line says so on stderr, and the command exits 1."""
        if paths:
            typer.echo(self.t(key, paths=", ".join(paths)), err=True)
            raise typer.Exit(1)


def japanese_business_days(folder: Path | None) -> BusinessDays:
    """Japanese business days, their holidays computed by `holidays` and kept in folder (None: in memory)."""
    from haru_cli.load.holidays import FIRST_YEAR, LAST_YEAR, japanese_holidays
    from haru_cli.rules.calendar import BusinessDays

    return BusinessDays(japanese_holidays(folder), FIRST_YEAR, LAST_YEAR)


def open_run(ctx: typer.Context, *, fmt: str = "table", quiet: bool = False) -> Run:
    """The opening every command makes: the global options, the workspace loaded (a progress bar only
    when the output, `fmt`, is for a person), its language."""
    state = state_of(ctx)
    if state.cache:  # this very run's answer kept: printed again, and the run ends there
        state.listing = answers.offer(ctx, state.argv, state.workspace(), state.today)
    ds = state.load(for_a_person=fmt in ("table", "text"), quiet=quiet)
    if state.argv is not None and answers.reading(ctx):
        # What a reading command makes after the load are its rows and its output, tens of thousands of
        # objects and no cycle to speak of, that all live until it prints: collections would only walk them
        # again and again (twice the time of each row at 48,000 files), and its memory goes back whole as the
        # process ends. Not for a command run within another (an MCP tool's), nor one that writes.
        gc.disable()
    return Run(state, ds, Translator(state.language(ds)))


def state_of(ctx: typer.Context) -> State:
    state = ctx.find_object(State)
    if state is None:  # pragma: no cover - the root callback always sets it
        raise RuntimeError("haru's global options were not parsed")
    return state


@contextmanager
def _progress(for_a_person: bool = True) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when loading takes more than about a second and a person is watching
    (stdout and stderr are both a terminal, and the output is for reading); nothing at all otherwise."""
    if not (for_a_person and sys.stdout.isatty() and sys.stderr.isatty()):
        yield None
        return
    started = time.monotonic()
    bar: Any = None

    def report(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and time.monotonic() - started > 1.0:
            from rich.progress import Progress

            answers.spoil()  # a bar drawn and wiped is no part of the answer

            bar = Progress(transient=True, console=_stderr_console())
            bar.start()
            bar.add_task("haru", total=total)
        if bar is not None:
            bar.update(bar.task_ids[0], completed=done)

    try:
        yield report
    finally:
        if bar is not None:
            bar.stop()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


# --- options that are dates and months ---------------------------------------------------------------


def parse_today(value: str | None, lang: str) -> date:
    """--today / HARU_TODAY, else the clock: the one place haru reads the date."""
    return date.today() if value is None else parse_cli_date(value, "--today", lang)


def parse_cli_date(value: str, option: str, lang: str) -> date:
    """A date option, YYYY-MM-DD within the years records may hold; anything else is a usage error."""
    from haru_cli.records.values import FIRST_YEAR, LAST_YEAR

    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", unicodedata.normalize("NFKC", value).strip())
    if not match:
        _bad(value, "cli.bad.date", option, lang)
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        _bad(value, "cli.bad.no_such_day", option, lang)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        _bad(value, "cli.bad.years", option, lang, first=FIRST_YEAR, last=LAST_YEAR)
    return day


def parse_month(value: str | None, today: date, lang: str, option: str = "--month") -> date:
    """A month option, YYYY-MM (as its first day); none given means the month before today's."""
    if value is None:
        return date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    from haru_cli.records.values import FIRST_YEAR, LAST_YEAR

    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", unicodedata.normalize("NFKC", value).strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        _bad(value, "cli.bad.month", option, lang)
    if not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        _bad(value, "cli.bad.years", option, lang, first=FIRST_YEAR, last=LAST_YEAR)
    return date(int(match.group(1)), int(match.group(2)), 1)


def _bad(value: str, key: str, option: str, lang: str, **params: Any) -> NoReturn:
    raise typer.BadParameter(text(key, lang, value=value, **params), param_hint=option)


# --- saying where and what ------------------------------------------------------------------------------


def problem_line(root: Path, problem: Problem, lang: str, *, line_offset: int = 0) -> str:
    """`path:line:column: error[CODE] message`, as editors jump to it (SPEC §6). The path is relative to
    where the user is; nothing in it or in the message can break the line or reach the terminal."""
    from haru_cli.escape import shown_path

    where = shown_path(relative_to_cwd(root, problem.path))
    return (f"{where}:{problem.line + line_offset}:{problem.column}: {problem.severity}[{problem.code}] "
            f"{problem.message(lang)}")


def settings_errors(ds: Dataset) -> list[Problem]:
    """The errors of haru.yaml, for which its defaults stand in for the whole file."""
    from haru_cli.records.registry import SETTINGS_FILE

    return [p for p in ds.problems if p.path == SETTINGS_FILE and p.severity == "error"]


def relative_to_cwd(root: Path, path: str) -> str:
    """A workspace path as the user can open it from where they are (for editors' jump-to-line)."""
    full = root / path
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive on Windows
        return str(full)


def broken_file(ds: Dataset, kind: RecordType[Any], record_id: str, t: Translator) -> None:
    """Fail saying the record's file was skipped, and why, if that is why it cannot be found."""
    from haru_cli.views.integrity import skipped_reason

    skipped = ds.broken.get((kind.name, record_id.strip().lower()))
    if skipped is not None:
        raise Failure(skipped_reason(skipped, t))


LISTED = 10  # partners named at most when a query does not find one


def resolve_partner(ds: Dataset, query: str, t: Translator) -> Partner:
    from haru_cli.records.registry import PARTNER

    return resolve_named(ds, PARTNER, query, t)


def resolve_named(ds: Dataset, kind: RecordType[N], query: str, t: Translator) -> N:
    """The partner (or vendor) a QUERY names, or a Failure: its file was skipped (found by id or by the
    names it still gives), or the candidates, or the closest names."""
    from haru_cli.rules.lookup import find_named, fold, sort_key

    records = list(ds.of(kind).values())
    match = find_named(records, query)
    if match.partner is not None:
        return typing.cast(N, match.partner)
    broken_file(ds, kind, query, t)
    from haru_cli.views.integrity import skipped_reason

    wanted = fold(query)
    for skipped in ds.broken.values():
        if skipped.kind == kind.name and wanted and any(fold(name) == wanted for name in skipped.names):
            raise Failure(skipped_reason(skipped, t))

    def listing(found: Sequence[Partner | Vendor]) -> str:
        """Names to choose from: a few, so that a large workspace does not answer with a page of them."""
        shown = ", ".join(f"{p.name} ({p.id})" for p in found[:LISTED])
        more = len(found) - LISTED
        return shown if more <= 0 else shown + t(f"cli.{kind.name}.more", count=more)

    if match.candidates:
        raise Failure(t(f"cli.{kind.name}.several", query=query, names=listing(match.candidates)))
    # A file too broken to say its names may be the one meant: said, rather than that there is none.
    unnamed = sorted(s.path for s in ds.broken.values() if s.kind == kind.name and not s.names)
    maybe = t("cli.maybe_skipped", paths=", ".join(unnamed)) if unnamed else ""
    if match.nearest:
        raise Failure(t(f"cli.{kind.name}.nearest", query=query, names=listing(match.nearest)) + maybe)
    everyone = listing(sorted(records, key=sort_key))
    raise Failure(t(f"cli.{kind.name}.none", query=query, names=everyone or t("cli.none")) + maybe)


def resolve_record(ds: Dataset, kind: RecordType[R], query: str, t: Translator) -> R:
    """The record of that type that an argument names, by what a person types (SPEC §16) — every command
    argument or option naming a record resolves it here (through `Run.record`).

    Its id, name, title, kana, aliases, a contact's name or a referral's client, or the name of the partner
    (vendor, student) it belongs to, folded as partner queries are (SPEC §5: NFKC, kana, case, spaces, legal
    forms). Its own names are tried before those it is known by through another record; an exact match
    wins, else a unique partial match. Through a partner, several records filed by their date are the
    latest: `action done ウエダ 2` is the latest meeting with ウエダ (rules/lookup.find_record). Else a Failure,
    exit 1: the record's file was skipped for its errors, or the candidates (with their dates), or the
    closest names. Partners and vendors are found as their QUERY is (`resolve_named`)."""
    from haru_cli.records.registry import PARTNER, VENDOR
    from haru_cli.rules.lookup import find_record

    if kind is PARTNER or kind is VENDOR:
        return typing.cast(R, resolve_named(ds, typing.cast("RecordType[Partner]", kind), query, t))
    found = find_record(ds, [kind], query)
    if found.hit is not None:
        return typing.cast(R, found.hit.record)
    _skipped_by_name(ds, kind, query, t)
    what = t(f"record.{kind.name}")
    if found.candidates:
        raise Failure(t("cli.record.several", kind=what, query=query, names=_listing(ds, found.candidates, t)))
    if found.nearest:
        raise Failure(t("cli.record.nearest", kind=what, query=query, names=_listing(ds, found.nearest, t)))
    from haru_cli.rules.lookup import Hit, order_hits

    everyone = order_hits(Hit(kind, r) for r in ds.of(kind).values())
    raise Failure(t("cli.record.none", kind=what, query=query, names=_listing(ds, everyone, t) or t("cli.none")))


def _skipped_by_name(ds: Dataset, kind: RecordType[Any], query: str, t: Translator) -> None:
    """Fail saying why, when the record asked for is in a file skipped for its errors (by id or a name)."""
    from haru_cli.rules.lookup import fold
    from haru_cli.views.integrity import skipped_reason

    broken_file(ds, kind, query, t)
    wanted = fold(query)
    for skipped in ds.broken.values():
        if skipped.kind == kind.name and wanted and any(fold(name) == wanted for name in skipped.names):
            raise Failure(skipped_reason(skipped, t))


def record_label(ds: Dataset, hit: Hit, t: Translator, *, shown_id: str | None = None) -> str:
    """A record as a list of candidates names it: its date (a record filed by date), its name or title, else
    the names of those it belongs to; then its id (or `shown_id`) in parentheses."""
    from haru_cli.records.registry import BY_NAME

    record, kind = hit.record, hit.kind
    day = getattr(record, kind.by_year or "", None)
    names = [v for k in ("name", "title", "client") if isinstance(v := getattr(record, k, None), str) and v][:1]
    for ref in kind.refs if not names else ():
        if ref.within is None and ref.target in BY_NAME:
            names = [getattr(ds.of(BY_NAME[ref.target]).get(i), "name", None) or i for i in ref.ids(record)]
            if names:
                break
    label = " ".join(([day.isoformat()] if isinstance(day, date) else []) + ([t.join(names)] if names else []))
    shown = shown_id or hit.id
    return f"{label} ({shown})" if label else shown


def _listing(ds: Dataset, hits: Sequence[Hit], t: Translator) -> str:
    """Records to choose from: a few (LISTED), so that a large workspace does not answer with a page."""
    shown = ", ".join(record_label(ds, h, t) for h in hits[:LISTED])
    more = len(hits) - LISTED
    return shown if more <= 0 else shown + t("cli.record.more", count=more)
