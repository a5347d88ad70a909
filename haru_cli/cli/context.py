"""What every command shares: the global options, finding and loading the workspace, failing cleanly."""

from __future__ import annotations

import gc
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from haru_cli.load.workspace import WorkspaceNotFound, find_workspace

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset
    from haru_cli.records.models import Partner
    from haru_cli.records.problems import Problem


class Failure(Exception):
    """A user's mistake or a refusal: one line on stderr, no traceback (exit 1, or 2 for usage).

    Raised anywhere in a command, reported in one place (HaruGroup.invoke).
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def say(lang: str, english: str, japanese: str) -> str:
    return english if lang == "en" else japanese


@dataclass
class State:
    """The global options of one invocation (SPEC §5)."""

    data: Path | None
    today: date
    lang: str | None  # None: the workspace's locale decides
    cache: bool = True
    for_a_person: bool = True  # the command's output is a table or text, not json, csv, md or ics

    def language(self, ds: Dataset | None = None) -> str:
        if self.lang:
            return self.lang
        return ds.settings.locale if ds is not None else "ja"

    def workspace(self) -> Path:
        try:
            return find_workspace(self.data, Path.cwd())
        except WorkspaceNotFound as exc:
            raise Failure(self._not_found(exc), exit_code=2) from None

    def _not_found(self, exc: WorkspaceNotFound) -> str:
        lang, path = self.language(), exc.path
        where = {
            "no-folder": say(lang, f"no such folder: {path}", f"フォルダ {path} がありません"),
            "not-folder": say(lang, f"{path} is a file, not a folder", f"{path} はフォルダではなくファイルです"),
            "no-settings": say(lang, f"{path} is not a haru workspace (no haru.yaml)",
                               f"{path} は haru のワークスペースではありません（haru.yaml がありません）"),
            "none-found": say(lang, f"no haru workspace in {path} or above",
                              f"{path} とその上のフォルダに haru のワークスペースがありません"),
        }[exc.reason]
        hint = say(lang, "create one with `haru init DIR`, or name one with --data DIR (or HARU_DATA)",
                   "`haru init DIR` で作成するか、--data DIR（または HARU_DATA）で指定してください")
        return f"{where} — {hint}"

    def load(self, *, quiet: bool = False) -> Dataset:
        """The workspace's valid records; broken files are skipped, and said so in one line on stderr."""
        from haru_cli.load.cache import CACHE_FOLDER, user_cache_dir
        from haru_cli.load.holidays import keep_holidays_in
        from haru_cli.load.loader import load_workspace

        keep_holidays_in(user_cache_dir() if self.cache else None)
        with _progress(self.for_a_person) as progress, _kept_to_the_end():
            ds = load_workspace(self.workspace(), cache=self.cache, progress=progress)
        lang = self.language(ds)
        if ds.skipped and not quiet:
            files = "1 file" if ds.skipped == 1 else f"{ds.skipped} files"
            typer.echo(say(lang, f"{files} skipped — run haru validate",
                           f"{ds.skipped} 件のファイルを読み飛ばしました — haru validate で確認してください"), err=True)
        if ds.settings_broken and not quiet:
            typer.echo(say(lang, "haru.yaml has errors: using the defaults — run haru validate",
                           "haru.yaml に誤りがあるため既定値を使います — haru validate で確認してください"), err=True)
        cached = ds.root / CACHE_FOLDER
        if self.cache and os.path.lexists(cached) and (cached.is_symlink() or not cached.is_dir()):
            # else every run would be slow unsaid; a link is never followed (SPEC §14)
            typer.echo(say(lang, f"{CACHE_FOLDER} is not a folder, so nothing is cached: remove it",
                           f"{CACHE_FOLDER} がフォルダではないためキャッシュを使えません — 削除してください"), err=True)
        return ds


@contextmanager
def _kept_to_the_end() -> Iterator[None]:
    """What is made inside lives until the command ends: it is moved out of the cyclic collector's sight
    before the collector runs again, or the first collections would walk all of it (a workspace of 27,000
    files is a million objects, ~60 ms a walk)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


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


def state_of(ctx: typer.Context) -> State:
    """The global options, told whether the command's own output is for a person (its --format)."""
    state = ctx.find_object(State)
    if state is None:  # pragma: no cover - the root callback always sets it
        raise RuntimeError("haru's global options were not parsed")
    state.for_a_person = str(ctx.params.get("fmt", "table")) in ("table", "text")
    return state



def parse_today(value: str | None) -> date:
    """--today / HARU_TODAY, else the clock: the one place haru reads it."""
    return date.today() if value is None else parse_cli_date(value, "--today")


def parse_cli_date(value: str, option: str) -> date:
    """A date option, YYYY-MM-DD within the years records may hold; anything else is a usage error."""
    from haru_cli.records.values import FIRST_YEAR, LAST_YEAR

    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    try:
        day = date(*map(int, match.groups())) if match else _bad(value, "is not a date (YYYY-MM-DD)", option)
    except ValueError:
        _bad(value, "is not a day of the calendar", option)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        _bad(value, f"is outside the years {FIRST_YEAR}-{LAST_YEAR}", option)
    return day


def parse_month(value: str | None, today: date, option: str = "--month") -> date:
    """A month option, YYYY-MM (as its first day); none given means the month before today's."""
    if value is None:
        return date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    from haru_cli.records.values import FIRST_YEAR, LAST_YEAR

    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        _bad(value, "is not a month: use YYYY-MM", option)
    if not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        _bad(value, f"is outside the years {FIRST_YEAR}-{LAST_YEAR}", option)
    return date(int(match.group(1)), int(match.group(2)), 1)


def _bad(value: str, reason: str, option: str) -> NoReturn:
    raise typer.BadParameter(f"{value!r} {reason}", param_hint=option)


def problem_line(root: Path, problem: Problem, lang: str, *, line_offset: int = 0) -> str:
    """`path:line:column: error[CODE] message`, as editors jump to it (SPEC §6). The path is relative to
    where the user is; nothing in it or in the message can break the line or reach the terminal."""
    from haru_cli.render.formats import shown_path

    where = shown_path(relative_to_cwd(root, problem.path))
    return (f"{where}:{problem.line + line_offset}:{problem.column}: {problem.severity}[{problem.code}] "
            f"{problem.message(lang)}")


def relative_to_cwd(root: Path, path: str) -> str:
    """A workspace path as the user can open it from where they are (for editors' jump-to-line)."""
    full = root / path
    try:
        return os.path.relpath(full)
    except ValueError:  # another drive on Windows
        return str(full)


def broken_file(ds: Dataset, folder: str, record_id: str, lang: str) -> None:
    """Fail saying the record's file has errors, if that is why it cannot be found."""
    stem = record_id.strip().lower()
    if (folder, stem) in ds.broken:
        path = f"{folder}/{stem}.yaml"
        raise Failure(say(lang, f"{path} has errors and was skipped — run haru validate",
                          f"{path} に誤りがあるため読み飛ばしました — haru validate で確認してください"))


LISTED = 10  # partners named at most when a query does not find one


def resolve_partner(ds: Dataset, query: str, lang: str) -> Partner:
    """The partner a QUERY names, or a Failure listing the candidates or the closest names."""
    from haru_cli.rules.lookup import find_partner, sort_key

    match = find_partner(ds, query)
    if match.partner is not None:
        return match.partner
    broken_file(ds, "partners", query, lang)

    def listing(partners: list[Partner]) -> str:
        """Names to choose from: a few, so that a large workspace does not answer with a page of them."""
        shown = ", ".join(f"{p.name} ({p.id})" for p in partners[:LISTED])
        more = len(partners) - LISTED
        return shown if more <= 0 else shown + say(lang, f" and {more} more (haru partner list)",
                                                   f" ほか {more} 件（haru partner list）")

    if match.candidates:
        raise Failure(say(
            lang,
            f"{query!r} matches several partners: {listing(match.candidates)} — be more specific",
            f"「{query}」に該当するパートナーが複数あります: {listing(match.candidates)} — より詳しく指定してください",
        ))
    if match.nearest:
        raise Failure(say(lang, f"no partner matches {query!r}; did you mean: {listing(match.nearest)}?",
                          f"「{query}」に該当するパートナーがありません。候補: {listing(match.nearest)}"))
    everyone = listing(sorted(ds.partners.values(), key=sort_key))
    raise Failure(say(lang, f"no partner matches {query!r}; partners: {everyone or '(none)'}",
                      f"「{query}」に該当するパートナーがありません。パートナー一覧: {everyone or '（なし）'}"))
