"""haru new partner | contract | meeting | referral — a new record from options, validated first."""

import os
import re
import sys
from datetime import date
from typing import Annotated, Any

import typer

from haru_cli.cli.choices import Labelled
from haru_cli.cli.context import Run, open_run, parse_cli_date
from haru_cli.cli.output import DryRunOption, MinutesOption
from haru_cli.cli.vendored import UsageError
from haru_cli.escape import visible
from haru_cli.records.models import (
    Cadence,
    ContractStatus,
    ContractType,
    Entity,
    FeeBasis,
    MeetingKind,
    PartnerStatus,
    Per,
    ReferralKind,
    ReferralStatus,
)
from haru_cli.records.registry import CONTRACT, MEETING, PARTNER, REFERRAL, RecordType
from haru_cli.records.values import WithholdingKind

app = typer.Typer(no_args_is_help=True)


def _checked_id(ctx: typer.Context, value: str | None) -> str | None:
    """--id is refused before anything is read or written unless it is an id (SPEC §3): a 300-character
    one would otherwise reach the file system as a name too long for it."""
    from haru_cli.i18n import text
    from haru_cli.records.values import SLUG_PATTERN

    if value is not None and not re.fullmatch(SLUG_PATTERN, value):
        shown = visible(value if len(value) <= 40 else value[:40] + "…", one_line=True)
        raise typer.BadParameter(text("cli.bad.id", getattr(ctx.find_root().command, "lang", "ja"), value=shown))
    return value


IdOption = Annotated[str | None, typer.Option("--id", callback=_checked_id)]
EditOption = Annotated[bool, typer.Option("--edit")]


def _iso(run: Run, value: str | None, option: str) -> str | None:
    """An optional date option, checked like every other (a malformed one is a usage error)."""
    return None if value is None else parse_cli_date(value, option, run.lang).isoformat()


def create_record(run: Run, path: str, data: dict[str, Any], edit: bool, dry_run: bool) -> None:
    """Validate the new record against the whole workspace as it will be, then write it (atomically, never
    over a file); with --edit, in $EDITOR first. The workspace stays locked from the validation to the
    write (SPEC §14): a record another haru wrote meanwhile is validated with it."""
    from haru_cli.cli.editing import edit_until_valid, placed, problems_with, show_problems
    from haru_cli.cli.output import write_file
    from haru_cli.write.atomic import workspace_lock
    from haru_cli.write.authoring import record_text

    if (run.ds.root / path).exists():
        run.fail("cli.write.exists", path=path)
    text = record_text(path, data, with_schema=(run.ds.root / "schemas").is_dir())
    if edit:
        path, text = edit_until_valid(run, path, text, place=placed)
    with workspace_lock(run.ds.root):
        problems = problems_with(run, path, text)
        if problems:
            show_problems(run, problems)
            run.fail("cli.nothing_written")
        if dry_run:
            sys.stdout.write(text)
            return
        write_file(run.ds.root / path, text, run.t, shown=path, within=run.ds.root)
    typer.echo(os.path.relpath(run.ds.root / path))


def _id(run: Run, given: str | None, base: str | None, kind: RecordType[Any]) -> str:
    from haru_cli.write.authoring import free_id

    if given:
        return given
    if base is None:  # a name of kanji or kana only: no id to make from it
        raise UsageError(run.t("cli.new.give_id", record=run.t(f"record.{kind.name}")))
    return free_id(base, run.ds.taken(kind))


@app.command("partner")
def new_partner(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME")],
    record_id: IdOption = None,
    kana: Annotated[str | None, typer.Option("--kana")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias")] = None,
    entity: Annotated[str | None, typer.Option("--entity", click_type=Labelled("entity", Entity))] = None,
    invoice_number: Annotated[str | None, typer.Option("--invoice-number")] = None,
    withholding: Annotated[str | None, typer.Option("--withholding",
                                                    click_type=Labelled("withholding", WithholdingKind))] = None,
    address: Annotated[str | None, typer.Option("--address")] = None,
    status: Annotated[str, typer.Option("--status", click_type=Labelled("partner_status", PartnerStatus))] = "active",
    since: Annotated[str | None, typer.Option("--since")] = None,
    contact: Annotated[str | None, typer.Option("--contact")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    email: Annotated[str | None, typer.Option("--email")] = None,
    phone: Annotated[str | None, typer.Option("--phone")] = None,
    expertise: Annotated[list[str] | None, typer.Option("--expertise")] = None,
    role: Annotated[str | None, typer.Option("--role")] = None,
    synergy: Annotated[list[str] | None, typer.Option("--synergy")] = None,
    cadence: Annotated[str | None, typer.Option("--cadence", click_type=Labelled("cadence", Cadence))] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.authoring import slug_of

    run = open_run(ctx, quiet=True)
    record_id = _id(run, record_id, slug_of(name), PARTNER)
    person = {"name": contact, "title": title, "email": email, "phone": phone, "key_person": True} if contact else None
    data = {
        "id": record_id, "name": name, "kana": kana, "aliases": alias, "entity": entity,
        "invoice_number": invoice_number, "withholding": withholding, "address": address, "status": status,
        "since": _iso(run, since, "--since"),
        "contacts": [{k: v for k, v in person.items() if v is not None}] if person else None,
        "expertise": expertise, "role": role, "synergies": synergy, "cadence": cadence, "owner": owner,
    }
    create_record(run, PARTNER.path(record_id), data, edit, dry_run)


@app.command("contract")
def new_contract(
    ctx: typer.Context,
    partner: Annotated[str, typer.Argument(metavar="QUERY")],
    type_: Annotated[str, typer.Option("--type", click_type=Labelled("contract_type", ContractType))],
    start: Annotated[str, typer.Option("--start")],
    record_id: IdOption = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    status: Annotated[str, typer.Option("--status", click_type=Labelled("contract_status", ContractStatus))] = "active",
    signed: Annotated[str | None, typer.Option("--signed")] = None,
    end: Annotated[str | None, typer.Option("--end")] = None,
    auto_renew: Annotated[bool, typer.Option("--auto-renew")] = False,
    term: Annotated[str | None, typer.Option("--term")] = None,
    notice: Annotated[str | None, typer.Option("--notice")] = None,
    amount: Annotated[int | None, typer.Option("--amount")] = None,
    per: Annotated[str | None, typer.Option("--per", click_type=Labelled("per", Per))] = None,
    fee_kind: Annotated[str, typer.Option("--fee-kind", click_type=Labelled("referral_kind", ReferralKind))]
    = "customer",
    rate: Annotated[str | None, typer.Option("--rate")] = None,
    basis: Annotated[str | None, typer.Option("--basis", click_type=Labelled("basis", FeeBasis))] = None,
    fixed: Annotated[int | None, typer.Option("--fixed")] = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    run = open_run(ctx, quiet=True)
    owner = run.partner(partner)
    first = parse_cli_date(start, "--start", run.lang)
    record_id = _id(run, record_id, f"{owner.id}-{type_.replace('_', '-')}-{first.year}", CONTRACT)
    data = {
        "id": record_id, "partner": owner.id, "type": type_, "title": title, "status": status,
        "signed": _iso(run, signed, "--signed"), "start": first.isoformat(), "end": _iso(run, end, "--end"),
        "auto_renew": auto_renew or None, "term": term,
        "notice": notice, "value": {"amount": amount, "per": per} if amount is not None else None,
        "fees": {fee_kind: {"rate": rate, "basis": basis, "fixed": fixed}}
        if rate is not None or fixed is not None or basis is not None else None,
    }
    create_record(run, CONTRACT.path(record_id), data, edit, dry_run)


@app.command("meeting")
def new_meeting(
    ctx: typer.Context,
    partners: Annotated[list[str], typer.Argument(metavar="QUERY...")],
    kind: Annotated[str, typer.Option("--kind", click_type=Labelled("meeting_kind", MeetingKind))],
    day: Annotated[str | None, typer.Option("--date")] = None,
    minutes: MinutesOption = None,
    summary: Annotated[str | None, typer.Option("--summary")] = None,
    contract: Annotated[str | None, typer.Option("--contract")] = None,
    attendee: Annotated[list[str] | None, typer.Option("--attendee")] = None,
    decision: Annotated[list[str] | None, typer.Option("--decision")] = None,
    action: Annotated[list[str] | None, typer.Option("--action")] = None,
    satisfaction: Annotated[int | None, typer.Option("--satisfaction")] = None,
    comments: Annotated[str | None, typer.Option("--comments")] = None,
    next_day: Annotated[str | None, typer.Option("--next")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    run = open_run(ctx, quiet=True)
    met = [run.partner(query).id for query in partners]
    when = run.today if day is None else parse_cli_date(day, "--date", run.lang)
    record_id = _id(run, record_id, f"{when}-{met[0]}-{kind}", MEETING)
    feedback = {"satisfaction": satisfaction, "comments": comments}
    data = {
        "id": record_id, "partners": met, "date": when.isoformat(), "kind": kind, "contract": contract,
        "minutes": minutes, "attendees": attendee, "summary": summary, "decisions": decision,
        "actions": [{"task": task, "done": False} for task in action or []] or None,
        "feedback": {k: v for k, v in feedback.items() if v is not None} or None,  # --satisfaction 0 is checked
        "next": _iso(run, next_day, "--next"),
    }
    create_record(run, MEETING.path(record_id, when.year), data, edit, dry_run)


@app.command("referral")
def new_referral(
    ctx: typer.Context,
    partner: Annotated[str, typer.Argument(metavar="QUERY")],
    client: Annotated[str, typer.Option("--client")],
    kind: Annotated[str, typer.Option("--kind", click_type=Labelled("referral_kind", ReferralKind))] = "customer",
    contract: Annotated[str | None, typer.Option("--contract")] = None,
    referred: Annotated[str | None, typer.Option("--referred")] = None,
    status: Annotated[str, typer.Option("--status", click_type=Labelled("referral_status", ReferralStatus))] = "lead",
    signed: Annotated[str | None, typer.Option("--signed")] = None,
    amount: Annotated[int | None, typer.Option("--amount")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.authoring import fee_contracts, next_referral_id

    run = open_run(ctx, quiet=True)
    source = run.partner(partner)
    when: date = run.today if referred is None else parse_cli_date(referred, "--referred", run.lang)
    if contract is None:
        found = fee_contracts(run.ds, source.id, kind)  # type: ignore[arg-type]
        if len(found) != 1:
            raise typer.BadParameter(run.t("cli.new.which_contract", name=source.name, count=len(found),
                                           kind=run.t.value("referral_kind", kind)), param_hint="--contract")
        contract = found[0].id
    record_id = record_id or next_referral_id(run.ds, source.id, when.year)
    deal = {"signed": _iso(run, signed, "--signed"), "amount": amount}
    data = {"id": record_id, "partner": source.id, "contract": contract, "kind": kind, "client": client,
            "referred": when.isoformat(), "status": status,
            "deal": {k: v for k, v in deal.items() if v is not None} or None}
    create_record(run, REFERRAL.path(record_id), data, edit, dry_run)



@app.command("student")
def new_student(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME")],
    course: Annotated[str, typer.Option("--course")],
    enrolled: Annotated[str | None, typer.Option("--enrolled")] = None,
    kana: Annotated[str | None, typer.Option("--kana")] = None,
    organization: Annotated[str | None, typer.Option("--organization")] = None,
    referral: Annotated[str | None, typer.Option("--referral")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    import jaconv

    from haru_cli.records.registry import STUDENT
    from haru_cli.write.authoring import slug_of

    run = open_run(ctx, quiet=True)
    when = run.today if enrolled is None else parse_cli_date(enrolled, "--enrolled", run.lang)
    base = slug_of(name) or (slug_of(jaconv.kana2alphabet(jaconv.kata2hira(kana))) if kana else None)  # サトウ → satou
    record_id = _id(run, record_id, f"{when.year}-{base}" if base else None, STUDENT)
    data = {"id": record_id, "name": name, "kana": kana, "organization": organization, "course": course,
            "enrolled": when.isoformat(), "referral": referral, "status": "enrolled"}
    create_record(run, STUDENT.path(record_id), data, edit, dry_run)
