"""フリーランス法 4条 (docs/rules.md, Paying individuals on time): `payout-deadline` when the payout schedule
would pay an individual later than the end of the month after the fees arose — checked against a second
formulation that walks the calendar with the `holidays` package itself and counts the deadline in days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Partner, PayoutRule, Settings
from haru_cli.rules.fees import check_payout_deadline
from tests.helpers import DAYS, Haru, WorkspaceFactory

JAPAN = holidays.country_holidays("JP", years=range(2020, 2040))


def closed(day: date) -> bool:
    return day.weekday() >= 5 or day in JAPAN or (day.month, day.day) in ((12, 31), (1, 1), (1, 2), (1, 3))


def first_of(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def paid_on(year: int, month: int, rule: PayoutRule) -> date:
    """The month's pay day, walked to a business day one day at a time."""
    start = first_of(year, month + rule.month_offset)
    last = first_of(year, month + rule.month_offset + 1) - timedelta(days=1)
    day = last if rule.day == "end" else start.replace(day=int(rule.day))
    while closed(day):
        day += timedelta(days=-1 if rule.shift == "previous" else 1)
    return day


def late_month(today: date, rule: PayoutRule) -> str | None:
    """The first month of the last and next twelve whose pay day is after the last day of the month after it."""
    for k in range(-12, 13):
        month = first_of(today.year, today.month + k)
        deadline = first_of(month.year, month.month + 2) - timedelta(days=1)
        if paid_on(month.year, month.month, rule) > deadline:
            return f"{month:%Y-%m}"
    return None


rules = st.builds(PayoutRule, month_offset=st.integers(0, 3),
                  day=st.one_of(st.just("end"), st.integers(1, 28)), shift=st.sampled_from(["previous", "next"]))


@settings(max_examples=300, deadline=None)
@given(rule=rules, today=st.dates(date(2024, 1, 1), date(2034, 12, 31)))
def test_a_schedule_is_said_exactly_when_it_pays_a_month_late(rule: PayoutRule, today: date) -> None:
    ds = Dataset(Path("."))
    ds.settings = Settings(payout=rule)
    ds.partners["yamada"] = Partner(id="yamada", name="山田太郎", entity="individual")
    ds.partners["ueda"] = Partner(id="ueda", name="株式会社ウエダ")
    found = list(check_payout_deadline(ds, today, DAYS))
    expected = late_month(today, rule)
    assert [f.params.get("month") for f in found] == ([expected] if expected else [])
    assert all((f.record, f.code, f.severity, f.related) == ("yamada", "payout-deadline", "warning", ("haru.yaml",))
               for f in found)


def test_a_late_schedule_names_haru_yaml_on_each_individual(workspace: WorkspaceFactory, haru: Haru) -> None:
    individual = "id: {0}\nname: {0}太郎\nentity: individual\n"
    root = workspace({"haru.yaml": "company: テスト株式会社\npayout:\n  month_offset: 2\n",
                      "partners/yamada.yaml": individual.format("yamada"),
                      "partners/kato.yaml": individual.format("kato")})
    result = haru("--data", root, "--lang", "en", "--today", "2026-12-07", "validate")
    assert result.exit_code == 0  # a warning
    assert ("partners/yamada.yaml:3:1: warning[payout-deadline] haru.yaml's payout pays the fees of 2025-12 on "
            "2026-02-27; an individual must be paid by 2026-01-31") in result.stdout
    assert "partners/kato.yaml:3:1: warning[payout-deadline]" in result.stdout
    assert "partners/ueda.yaml" not in result.stdout  # a corporation is not a フリーランス
    said = haru("--data", root, "--lang", "en", "--today", "2026-12-07", "validate", str(root / "haru.yaml")).stdout
    assert said.count("payout-deadline") == 2  # the pre-commit form, given haru.yaml, names them too
    assert haru("--data", root, "--today", "2026-12-07", "validate", "--strict").exit_code == 1
    on_time = workspace({"partners/yamada.yaml": individual.format("yamada")})  # 翌月末払い, shift previous
    assert "payout-deadline" not in haru("--data", on_time, "--today", "2026-12-07", "validate").stdout
