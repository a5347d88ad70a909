"""Japan's holidays are computed by the `holidays` package once and kept in the user's cache folder, one
table per installed package, so that later runs need not import it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import holidays
import pytest

from haru_cli.load import holidays as kept
from tests.helpers import business_days


def count_computations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(holidays, "country_holidays", counting)
    return calls


def test_holidays_are_computed_once_and_then_read_from_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_computations(monkeypatch)
    first = business_days(tmp_path)
    assert not first.is_business_day(date(2026, 11, 23))  # 勤労感謝の日
    assert len(calls) == 1 and len(list(tmp_path.glob("holidays-jp-*.txt"))) == 1
    again = business_days(tmp_path)  # a later run: the table is read, not computed
    assert not again.is_business_day(date(2026, 11, 23)) and again.is_business_day(date(2026, 11, 24))
    assert not again.is_business_day(date(2030, 1, 14))  # 成人の日 2030, within the span kept
    assert len(calls) == 1
    table = kept._Table(tmp_path).years  # read back: every year of the span, each holiday as the package says
    assert len(table) == 2 * kept._SPAN + 1 and len(calls) == 1
    assert table == {year: frozenset(holidays.country_holidays("JP", years=year)) for year in table}


def test_two_installations_sharing_the_cache_folder_keep_a_table_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_computations(monkeypatch)
    for _ in range(2):
        for package in ("venv/holidays/__init__.py:1:1", "pipx/holidays/__init__.py:2:2"):
            monkeypatch.setattr(kept, "_package_key", lambda package=package: package)
            assert not business_days(tmp_path).is_business_day(date(2026, 5, 5))
    assert len(calls) == 2  # once for each, not once a run
    assert len(list(tmp_path.glob("holidays-jp-*.txt"))) == 2


@pytest.mark.parametrize("corrupt", ["", "{not a table}", "KEY", "KEY\n2026 5", "KEY\n2026 05-32",
                                     "KEY\nyear 01-01", "KEY\n2026 5月", "KEY\n 01-01", "KEY\n2026\t05-04"])
def test_a_corrupt_table_is_computed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corrupt: str) -> None:
    business_days(tmp_path).is_business_day(date(2026, 5, 4))
    [table] = tmp_path.glob("holidays-jp-*.txt")
    key = table.read_text(encoding="utf-8").split("\n")[0]
    table.write_text(corrupt.replace("KEY", key), encoding="utf-8")  # of this `holidays`, but not a table
    calls = count_computations(monkeypatch)
    assert not business_days(tmp_path).is_business_day(date(2026, 5, 4))
    assert len(calls) == 1
