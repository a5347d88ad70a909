"""haru deliverable deliver | accept — what a vendor delivers under its contract (成果物): delivered on a
day, then accepted (検収) with its quality and the times it was sent back (SPEC §10.1, §16)."""

from typing import Annotated

import typer

from haru_cli.cli.context import Run, open_run, parse_cli_date
from haru_cli.cli.output import DryRunOption
from haru_cli.records.models import Contract, Deliverable

app = typer.Typer(no_args_is_help=True)
ContractArgument = Annotated[str, typer.Argument(metavar="CONTRACT")]
ItemArgument = Annotated[str, typer.Argument(metavar="ITEM")]
DateOption = Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD")]


def _item(run: Run, contract_id: str, item: str) -> tuple[Contract, int, Deliverable]:
    """The contract, and its deliverable named by id or by title (folded as names are)."""
    from haru_cli.records.registry import CONTRACT
    from haru_cli.rules.lookup import fold

    contract = run.record(CONTRACT, contract_id)
    found = [i for i, d in enumerate(contract.deliverables) if d.id == item]
    if not found:
        found = [i for i, d in enumerate(contract.deliverables) if d.title and fold(d.title) == fold(item)]
    if len(found) != 1:
        names = ", ".join(d.id if not d.title else f"{d.id} ({d.title})" for d in contract.deliverables)
        run.fail("cli.deliverable.none", contract=contract.id, item=item, items=names or run.t("cli.none"))
    return contract, found[0], contract.deliverables[found[0]]


def _change(run: Run, contract: Contract, index: int, values: dict[str, object], dry_run: bool) -> None:
    """The deliverable's keys set, those lines only (in its own {…} when it is written so)."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import CONTRACT
    from haru_cli.write.patch import set_value

    def edit(text: str) -> str:
        for key, value in values.items():
            text = set_value(text, ("deliverables", index, key), value)
        return text

    change_record(run, run.ds.path_of(CONTRACT, contract.id), edit, dry_run=dry_run)


@app.command("deliver")
def deliverable_deliver(
    ctx: typer.Context,
    contract_id: ContractArgument,
    item: ItemArgument,
    day: DateOption,
    dry_run: DryRunOption = False,
) -> None:
    """Record the day a deliverable was delivered: its scorecard counts it, upcoming no longer lists it."""
    run = open_run(ctx, quiet=True)
    when = parse_cli_date(day, "--date", run.lang)
    contract, index, found = _item(run, contract_id, item)
    if found.delivered is not None:  # a later delivery is the same deliverable sent back: --rework at acceptance
        run.fail("cli.deliverable.delivered", contract=contract.id, item=found.id, day=found.delivered.isoformat())
    if when < contract.start:
        run.fail("cli.deliverable.before_start", day=when.isoformat(), contract=contract.id,
                 start=contract.start.isoformat())
    _change(run, contract, index, {"delivered": when.isoformat()}, dry_run)


@app.command("accept")
def deliverable_accept(
    ctx: typer.Context,
    contract_id: ContractArgument,
    item: ItemArgument,
    day: DateOption,
    quality: Annotated[int, typer.Option("--quality", metavar="1-5", min=1, max=5)],
    rework: Annotated[int | None, typer.Option("--rework", metavar="N", min=0, max=1000)] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Record the acceptance (検収) of a delivered deliverable, with its quality and how often it was sent
    back; not before it was delivered."""
    run = open_run(ctx, quiet=True)
    when = parse_cli_date(day, "--date", run.lang)
    contract, index, found = _item(run, contract_id, item)
    if found.delivered is None:
        run.fail("cli.deliverable.undelivered", contract=contract.id, item=found.id)
    if found.accepted is not None:
        run.fail("cli.deliverable.accepted", contract=contract.id, item=found.id, day=found.accepted.isoformat())
    values: dict[str, object] = {"accepted": when.isoformat(), "quality": quality}
    if rework is not None:
        values["rework"] = rework
    _change(run, contract, index, values, dry_run)
