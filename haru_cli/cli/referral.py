"""haru referral list | won | pay | cancel | lost — the referral pipeline, and moving a referral on (SPEC §8,
§16)."""

from collections.abc import Callable
from typing import Annotated

import typer

from haru_cli.cli.context import Run, open_run, parse_cli_date
from haru_cli.cli.output import AgainOption, DryRunOption, FormatOption, emit_table
from haru_cli.records.models import ReferralKind, ReferralStatus  # their choices are the records' own

app = typer.Typer(no_args_is_help=True)

IdArgument = Annotated[str, typer.Argument(metavar="ID")]
MAX_YEN = 10**20 - 1  # the largest amount a record may hold (20 digits)
DateOption = Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD")]


@app.command("list")
def referral_list(
    ctx: typer.Context,
    partner: Annotated[str | None, typer.Option("--partner")] = None,
    status: Annotated[ReferralStatus | None, typer.Option("--status")] = None,
    kind: Annotated[ReferralKind | None, typer.Option("--kind")] = None,
    fmt: FormatOption = "table",
) -> None:
    from haru_cli.rules.fees import earned
    from haru_cli.views import referrals as views

    run = open_run(ctx, fmt=fmt)
    only = run.partner(partner).id if partner is not None else None
    found = sorted((r for r in run.ds.referrals.values()
                    if (only is None or r.partner == only) and (status is None or r.status == status)
                    and (kind is None or r.kind == kind)), key=lambda r: (r.referred, r.id))
    so_far = earned(run.ds, run.today)
    emit_table(fmt, lambda: views.referrals_json(found, so_far, run.today),
               lambda: views.referrals_table(run.ds, found, so_far, run.t), run.t, run.incomplete(only))
    run.say_incomplete(run.incomplete(only))  # what each has earned rests on its contract


def _change(run: Run, referral_id: str, *edits: Callable[[str], str], dry_run: bool,
            moves_from: tuple[str, ...], again: bool = False) -> None:
    """The edits made one after the other in the referral's file, validated and written as one change;
    refused unless the referral is in one of the statuses `moves_from` (a cancelled one is not won again,
    a lead is not paid)."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import REFERRAL

    referral = run.record(REFERRAL, referral_id)
    if referral.status not in moves_from:
        run.fail("cli.referral.not_now", id=referral.id, status=run.t.value("referral_status", referral.status),
                 allowed=run.t.join([run.t.value("referral_status", s) for s in moves_from]))

    def edit(text: str) -> str:
        for each in edits:
            text = each(text)
        return text

    change_record(run, run.ds.path_of(REFERRAL, referral.id), edit, dry_run=dry_run, again=again)


def _set(path: tuple[str, ...], value: object) -> Callable[[str], str]:
    from haru_cli.write.patch import set_value

    return lambda text: set_value(text, path, value)


@app.command("won")
def referral_won(
    ctx: typer.Context,
    referral_id: IdArgument,
    signed: Annotated[str, typer.Option("--signed", metavar="YYYY-MM-DD")],
    amount: Annotated[int | None, typer.Option("--amount", metavar="YEN", min=0, max=MAX_YEN)] = None,
    dry_run: DryRunOption = False,
) -> None:
    run = open_run(ctx, quiet=True)
    day = parse_cli_date(signed, "--signed", run.lang).isoformat()
    deal = _set(("deal", "amount"), amount) if amount is not None else (lambda text: text)
    _change(run, referral_id, _set(("status",), "won"), _set(("deal", "signed"), day), deal, dry_run=dry_run,
            moves_from=("lead", "lost", "won"))


@app.command("pay")
def referral_pay(
    ctx: typer.Context,
    referral_id: IdArgument,
    day: DateOption,
    amount: Annotated[int, typer.Option("--amount", metavar="YEN", min=1, max=MAX_YEN)],
    again: AgainOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.patch import append

    run = open_run(ctx, quiet=True)
    payment = {"date": parse_cli_date(day, "--date", run.lang).isoformat(), "amount": amount}
    _change(run, referral_id, lambda text: append(text, ("payments",), payment), dry_run=dry_run, moves_from=("won",),
            again=again)


@app.command("cancel")
def referral_cancel(
    ctx: typer.Context,
    referral_id: IdArgument,
    day: DateOption,
    dry_run: DryRunOption = False,
) -> None:
    run = open_run(ctx, quiet=True)
    when = parse_cli_date(day, "--date", run.lang).isoformat()
    _change(run, referral_id, _set(("status",), "cancelled"), _set(("cancelled",), when), dry_run=dry_run,
            moves_from=("won", "cancelled"))


@app.command("lost")
def referral_lost(
    ctx: typer.Context,
    referral_id: IdArgument,
    day: DateOption,
    dry_run: DryRunOption = False,
) -> None:
    """A lead that came to nothing: status lost, and the day it was lost as `lost` (the record's own key for
    it, beside `cancelled`; not before `referred`)."""
    run = open_run(ctx, quiet=True)
    when = parse_cli_date(day, "--date", run.lang).isoformat()
    _change(run, referral_id, _set(("status",), "lost"), _set(("lost",), when), dry_run=dry_run,
            moves_from=("lead", "lost"))
