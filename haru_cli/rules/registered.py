"""The rules modules that take part, in one list (beancount's plugins each export `__plugins__`): each may
export `CHECKS`, the cross-file checks of its records (functions of the dataset yielding Findings),
`CALENDAR_CHECKS` (functions of the dataset, today and the business days), and
`dated_items(ds, when)` with the `DATED_KINDS` of the Items it yields. `run_checks` runs every module's
checks; `upcoming` lists every module's dated items, and orders items of one day by kind in the order the
modules and their DATED_KINDS are listed here.

A record type defined outside haru (a test's) brings its own rules module: `register(module)`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset
    from haru_cli.records.problems import Finding
    from haru_cli.rules.calendar import BusinessDays
    from haru_cli.rules.checks import Banks
    from haru_cli.rules.dated import Item, Window

Check = Callable[["Dataset"], Iterator["Finding"]]
CalendarCheck = Callable[["Dataset", date, "BusinessDays"], Iterator["Finding"]]

_ADDED: list[Any] = []  # rules modules registered from outside, after haru's own


def modules(*, dated: bool = False) -> list[Any]:
    """Every rules module that takes part (only those with dated items, with `dated`): haru's own, imported
    when first asked for, then those added."""
    from haru_cli.rules import activity, fees, projects, schedule, time, vendors

    # haru's own with dated items, in the order of their kinds on one day: contracts' dates, meetings',
    # payouts, reviews, deliverables, projects'
    found: list[Any] = [schedule, activity, fees, time, vendors, projects]
    if not dated:  # and those with checks only: `upcoming` (a warm command) does not import them
        from haru_cli.rules import checks, school

        found = [checks, *found, school]
    return [*found, *(m for m in _ADDED if not dated or hasattr(m, "dated_items"))]


def register(module: Any) -> None:
    """Add a rules module (a module, or any object with the same names): its CHECKS are run by validate
    and every load, its dated items listed by upcoming. A dated kind another module yields is refused."""
    if module in _ADDED:
        raise ValueError(f"rules module {_name(module)} is registered already")
    taken = set(kinds()) & set(getattr(module, "DATED_KINDS", ()))
    if taken:
        raise ValueError(f"rules module {_name(module)}: dated kinds taken: {sorted(taken)}")
    if hasattr(module, "DATED_KINDS") != hasattr(module, "dated_items"):
        raise ValueError(f"rules module {_name(module)}: dated_items and DATED_KINDS go together")
    _ADDED.append(module)


def unregister(module: Any) -> None:
    """Take a registered rules module away again (a test's, at its end)."""
    _ADDED.remove(module)


def key() -> str:
    """The rules modules added from outside, by name: a dataset they did not check (or did) is not another's
    (the parse cache; haru's own are in its code version)."""
    return ",".join(_name(m) for m in _ADDED)


def _name(module: Any) -> str:
    return str(getattr(module, "__name__", type(module).__qualname__))


def kinds() -> tuple[str, ...]:
    """Every kind of dated item, in the order of one day's items."""
    return tuple(kind for module in modules(dated=True) for kind in module.DATED_KINDS)


def dated_items(ds: Dataset, when: Window) -> Iterator[Item]:
    """Every module's dated items, module by module."""
    for module in modules(dated=True):
        yield from module.dated_items(ds, when)


def checks() -> list[Check]:
    """Every module's checks, module by module."""
    return [check for module in modules() for check in getattr(module, "CHECKS", ())]


def calendar_checks() -> list[CalendarCheck]:
    """Every module's checks of what the calendar around today makes of the records (`CALENDAR_CHECKS`)."""
    return [check for module in modules() for check in getattr(module, "CALENDAR_CHECKS", ())]


def run_checks(ds: Dataset, banks: Banks | None = None, *, today: date | None = None,
               days: BusinessDays | None = None) -> list[Finding]:
    """Every check's findings; the bank codes too, given the list of banks; the calendar checks, given today
    and the business days (a load for a command: its findings hold for today's month). A check that raises is one
    `internal-check` problem naming it, about the whole workspace: the other checks, and the command, go
    on (SPEC §15; beancount's loader does the same with a plugin)."""
    from haru_cli.records.problems import Finding
    from haru_cli.rules.checks import check_banks

    found_by: list[tuple[str, Callable[[], Iterator[Finding]]]] = [
        (c.__name__, functools.partial(c, ds)) for c in checks()]
    if banks is not None:
        found_by.append((check_banks.__name__, functools.partial(check_banks, ds, banks)))
    if today is not None and days is not None:
        found_by += [(c.__name__, functools.partial(c, ds, today, days)) for c in calendar_checks()]
    found: list[Finding] = []
    for name, check in found_by:
        try:
            found.extend(check())
        except Exception as exc:  # a bug in one check must not hide what the others find
            found.append(Finding("", "", (), "error", "internal-check", "",
                                 {"check": name, "error": f"{type(exc).__name__}: {exc}"}))
    return found
