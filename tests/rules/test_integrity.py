"""SPEC §15, in the load and the checks: a check that raises is one problem; a finding caused by a skipped
file names it; twins warn; a time log loses its bad entries, not its month."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haru_cli.records.dataset import Dataset
from haru_cli.records.problems import Finding
from haru_cli.rules import checks
from haru_cli.rules.integrity import fees_incomplete, time_incomplete, twins
from haru_cli.rules.time import Period, spent
from tests.helpers import Haru, WorkspaceFactory, load_workspace


def codes(ds: Dataset) -> list[tuple[str, str, str]]:
    return [(p.path, p.severity, p.code) for p in ds.problems]


NOVEMBER = """\
    id: 2026-11
    entries:
      - {date: 2026-11-02, hours: 2, area: consulting, partner: ueda}
      - {date: 2026-11-03, hours: abc, area: admin}
      - {date: 2026-10-31, hours: 1, area: admin}
      - {date: 2026-11-04, hours: 3, area: school, partner: nobody}
      - {date: 2026-11-05, hours: 1.5, area: admin}
    """


PAID = """\
    id: 2026-08-31-ueda
    partner: ueda
    kind: payment
    month: 2026-07
    date: 2026-08-31
    amount: 49500
    """


def test_a_check_that_raises_is_one_internal_check_problem_and_the_others_go_on(
        workspace: WorkspaceFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ds: Dataset) -> Iterator[Finding]:
        yield from ()
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(checks, "CHECKS", [broken, *checks.CHECKS])
    ds = load_workspace(workspace({"contracts/ueda-referral.yaml": None,  # a dangling reference, found still
                                   "referrals/2026-ueda-001.yaml": "id: 2026-ueda-001\npartner: ueda\n"
                                   "contract: nope\nkind: customer\nclient: x\nreferred: 2026-06-01\n"}))
    internal = [p for p in ds.problems if p.code == "internal-check"]
    assert len(internal) == 1 and internal[0].severity == "error" and internal[0].path == ""
    assert "broken" in internal[0].message("en") and "ZeroDivisionError" in internal[0].message("en")
    assert ("referrals/2026-ueda-001.yaml", "error", "ref-contract") in codes(ds)


def test_a_payout_resting_on_a_broken_contract_is_a_skipped_dependency(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({"payouts/2026/2026-08-31-ueda.yaml": PAID}))
    assert not ds.problems  # the payout is right: July's statement is ¥49,500
    broken = load_workspace(workspace({"payouts/2026/2026-08-31-ueda.yaml": PAID,
                                       "contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\n"
                                       "type: referral\nstart: 2026-01-01\nbogus: 1\n"}))
    payout = [p for p in broken.problems if p.path.startswith("payouts/")]
    assert [(p.severity, p.code) for p in payout] == [("warning", "skipped-dependency")]
    assert "contracts/ueda-referral.yaml" in payout[0].message("en") and "payout-statement" in payout[0].message("en")
    assert payout[0].related == ("contracts/ueda-referral.yaml",)
    assert "payouts/2026/2026-08-31-ueda.yaml" not in broken.skipped_files  # the payment still counts
    assert fees_incomplete(broken, "ueda") == ["contracts/ueda-referral.yaml", "referrals/2026-ueda-001.yaml"]


def test_twins_warn_duplicate_entry(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({
        "referrals/2026-ueda-001.yaml": "id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\n"
        "kind: customer\nclient: x\nreferred: 2026-06-01\nstatus: won\ndeal: {signed: 2026-07-01, amount: 3600000}\n"
        "payments:\n- {date: 2026-07-31, amount: 300000}\n- {date: 2026-07-31, amount: 300000}\n"
        "- {date: 2026-08-31, amount: 300000}\n",
        "time/2026/2026-11.yaml": "id: 2026-11\nentries:\n- {date: 2026-11-02, hours: 1, area: admin, note: 経理}\n"
        "- {date: 2026-11-02, minutes: 60, area: admin, note: ' 経理'}\n- {date: 2026-11-02, hours: 1, area: admin}\n",
    }))
    found = [(p.path, p.line, p.severity, p.code) for p in ds.problems]
    assert found == [("referrals/2026-ueda-001.yaml", 11, "warning", "duplicate-entry"),
                     ("time/2026/2026-11.yaml", 4, "warning", "duplicate-entry")]  # 1 h is 60 minutes
    assert "payments.1 has the date and amount of payments.0" in ds.problems[0].message("en")


@given(st.lists(st.integers(0, 5), max_size=30))
def test_twins_are_every_entry_after_the_first_of_its_kind(keys: list[int]) -> None:
    """An independent formulation: entry i is a twin exactly when its key occurs before i."""
    found = dict(twins(keys, lambda k: k))
    for i, k in enumerate(keys):
        if k in keys[:i]:
            assert found[i] == keys.index(k)
        else:
            assert i not in found


def test_a_time_log_loses_its_bad_entries_not_its_month(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({"time/2026/2026-11.yaml": NOVEMBER}))
    errors = [(p.line, p.code) for p in ds.problems if p.severity == "error"]
    assert errors == [(4, "hours"), (5, "time-entry"), (6, "ref-partner")]  # validate still says each
    log = ds.time_logs["2026-11"]
    assert [e.date for e in log.entries] == [date(2026, 11, 2), date(2026, 11, 5)]
    assert ds.partly_read == ["time/2026/2026-11.yaml"] and not ds.skipped_files
    assert time_incomplete(ds) == ["time/2026/2026-11.yaml"]
    november = Period(date(2026, 11, 1), "month")
    assert sum(s.minutes for s in spent(ds) if november.holds(s.date)) == Decimal(60 + 120 + 90)


def test_a_time_entry_naming_a_broken_partner_goes_alone(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({
        "partners/ueda.yaml": "id: ueda\nname: 株式会社ウエダ\nstatus: bogus-status\n",
        "time/2026/2026-11.yaml": "id: 2026-11\nentries:\n- {date: 2026-11-02, hours: 2, area: consulting, "
                                  "partner: ueda}\n- {date: 2026-11-05, hours: 1.5, area: admin}\n",
    }))
    assert [e.hours for e in ds.time_logs["2026-11"].entries] == [Decimal("1.5")]
    assert "time/2026/2026-11.yaml" in time_incomplete(ds)
    assert "time/2026/2026-11.yaml" not in ds.skipped_files


def test_a_time_log_with_an_error_outside_its_entries_is_skipped_whole(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace({"time/2026/2026-11.yaml": NOVEMBER + "bogus: 1\n"}))
    assert "2026-11" not in ds.time_logs and "time/2026/2026-11.yaml" in ds.skipped_files
    assert time_incomplete(ds) == ["time/2026/2026-11.yaml"]


def test_what_the_checks_derived_does_not_outlive_the_records_left_out(workspace: WorkspaceFactory) -> None:
    """The checks build indexes (fee events, a partner's time) while every record is still there; a record
    skipped after them must not be counted by a command."""
    from haru_cli.rules.time import partner_minutes

    ds = load_workspace(workspace({"time/2026/2026-11.yaml": NOVEMBER}))
    assert not ds.memos
    assert partner_minutes(ds, "ueda", None, date(2026, 12, 31)) == Decimal(60 + 120)  # the meeting, the entry


DECEMBER = ("--today", "2026-12-07")


def test_time_report_counts_a_month_with_one_bad_entry(workspace: WorkspaceFactory, haru: Haru) -> None:
    month = ("id: 2026-11\nentries:\n- {date: 2026-11-02, hours: 2, area: consulting}\n"
             "- {date: 2026-11-03, hours: 1.3, area: admin}\n- {date: 2026-11-04, hours: 3, area: school}\n")
    root = workspace({"time/2026/2026-11.yaml": month})
    result = haru("--data", root, *DECEMBER, "time", "report", "--month", "2026-11", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["complete"] is False and data["incomplete"] == ["time/2026/2026-11.yaml"]
    assert data["total_hours"] == 6.0  # 2 + 3 + the meeting's hour: only the bad entry is left out
