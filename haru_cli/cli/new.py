"""haru new partner | contract | meeting | referral | student | vendor | sourcing | course | project |
opportunity | automation — a new record from options, validated first (SPEC §16)."""

import os
import re
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from haru_cli.cli import new_values
from haru_cli.cli.choices import Labelled
from haru_cli.cli.context import Run, open_run, parse_cli_date, resolve_named
from haru_cli.cli.output import DryRunOption, MinutesOption
from haru_cli.cli.vendored import UsageError
from haru_cli.escape import visible
from haru_cli.records.literals import WithholdingKind
from haru_cli.records.models import (
    AccountType,
    Area,
    AutomationStatus,
    Cadence,
    ContractStatus,
    ContractType,
    Entity,
    FeeBasis,
    MeetingKind,
    PartnerStatus,
    Per,
    ProjectCadence,
    ProjectStatus,
    ReferralKind,
    ReferralStatus,
    Stage,
    Synergy,
    VendorStatus,
)
from haru_cli.records.registry import (
    AUTOMATION,
    CONTRACT,
    COURSE,
    MEETING,
    OPPORTUNITY,
    PARTNER,
    PROJECT,
    REFERRAL,
    SOURCING,
    VENDOR,
    RecordType,
)

if TYPE_CHECKING:
    from haru_cli.records.models import Partner, Vendor

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
# A bank account, of a partner or a vendor (SPEC §8.1): all four or none (new_values.bank_account).
BankCodeOption = Annotated[str | None, typer.Option("--bank-code", metavar="NNNN")]
BranchOption = Annotated[str | None, typer.Option("--branch", metavar="NNN")]
AccountOption = Annotated[str | None, typer.Option("--account", metavar="N")]
HolderOption = Annotated[str | None, typer.Option("--holder", metavar="KANA")]
AccountTypeOption = Annotated[str | None, typer.Option("--account-type", click_type=Labelled("bank_type", AccountType))]


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


def _id(run: Run, given: str | None, base: str | None, kind: RecordType[Any], say: str = "cli.new.give_id") -> str:
    """--id as given, else base (-2, -3 … when taken); no base (a name of kanji or kana only) is a usage error
    `say`ing how to give one."""
    from haru_cli.write.authoring import free_id

    if given:
        return given
    if base is None:
        raise UsageError(run.t(say, record=run.t(f"record.{kind.name}")))
    return free_id(base, run.ds.taken(kind))



def _named(run: Run, kind: RecordType[Any], query: str | None) -> str | None:
    """The id of the record an option names by what a person types (its id, name, title …), or None."""
    return run.record(kind, query).id if query is not None else None

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
    synergy: Annotated[list[str] | None, typer.Option("--synergy", click_type=Labelled("synergy", Synergy))] = None,
    cadence: Annotated[str | None, typer.Option("--cadence", click_type=Labelled("cadence", Cadence))] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    bank_code: BankCodeOption = None,
    branch: BranchOption = None,
    account: AccountOption = None,
    holder: HolderOption = None,
    account_type: AccountTypeOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.authoring import name_slug

    run = open_run(ctx, quiet=True)
    bank = new_values.bank_account(bank_code, branch, account, holder, account_type, run.lang)
    record_id = _id(run, record_id, name_slug(name, kana), PARTNER)
    data = {
        "id": record_id, "name": name, "kana": kana, "aliases": alias, "entity": entity,
        "invoice_number": invoice_number, "withholding": withholding, "address": address, "status": status,
        "since": _iso(run, since, "--since"), "contacts": new_values.key_person(contact, title, email, phone),
        "expertise": expertise, "role": role, "synergies": synergy, "cadence": cadence, "owner": owner, "bank": bank,
    }
    create_record(run, PARTNER.path(record_id), data, edit, dry_run)


@app.command("contract")
def new_contract(
    ctx: typer.Context,
    type_: Annotated[str, typer.Option("--type", click_type=Labelled("contract_type", ContractType))],
    start: Annotated[str, typer.Option("--start")],
    partner: Annotated[str | None, typer.Argument(metavar="QUERY")] = None,
    vendor: Annotated[str | None, typer.Option("--vendor", metavar="QUERY")] = None,
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
    deliverable: Annotated[list[str] | None, typer.Option("--deliverable", metavar="ID:TITLE:DUE")] = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    run = open_run(ctx, quiet=True)
    if partner is not None and vendor is None:
        owner: Partner | Vendor = run.partner(partner)
    elif vendor is not None and partner is None:
        owner = resolve_named(run.ds, VENDOR, vendor, run.t)
    else:
        raise UsageError(run.t("cli.new.contract_owner"))
    first = parse_cli_date(start, "--start", run.lang)
    record_id = _id(run, record_id, f"{owner.id}-{type_.replace('_', '-')}-{first.year}", CONTRACT)
    data = {
        "id": record_id, "partner": owner.id if partner is not None else None,
        "vendor": owner.id if vendor is not None else None, "type": type_, "title": title, "status": status,
        "signed": _iso(run, signed, "--signed"), "start": first.isoformat(), "end": _iso(run, end, "--end"),
        "auto_renew": auto_renew or None, "term": term,
        "notice": notice, "value": {"amount": amount, "per": per} if amount is not None else None,
        "fees": {fee_kind: {"rate": rate, "basis": basis, "fixed": fixed}}
        if rate is not None or fixed is not None or basis is not None else None,
        "deliverables": [new_values.deliverable(d, run.lang) for d in deliverable] if deliverable else None,
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
    project: Annotated[str | None, typer.Option("--project")] = None,
    area: Annotated[str | None, typer.Option("--area", click_type=Labelled("area", Area))] = None,
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
        "id": record_id, "partners": met, "date": when.isoformat(), "kind": kind,
        "contract": _named(run, CONTRACT, contract), "project": _named(run, PROJECT, project), "area": area,
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
    data = {"id": record_id, "partner": source.id, "contract": _named(run, CONTRACT, contract), "kind": kind,
            "client": client,
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
    from haru_cli.records.registry import STUDENT
    from haru_cli.write.authoring import name_slug

    run = open_run(ctx, quiet=True)
    when = run.today if enrolled is None else parse_cli_date(enrolled, "--enrolled", run.lang)
    base = name_slug(name, kana)  # 佐藤花子 (サトウ ハナコ) → satou-hanako
    record_id = _id(run, record_id, f"{when.year}-{base}" if base else None, STUDENT)
    data = {"id": record_id, "name": name, "kana": kana, "organization": organization,
            "course": _named(run, COURSE, course), "enrolled": when.isoformat(),
            "referral": _named(run, REFERRAL, referral), "status": "enrolled"}
    create_record(run, STUDENT.path(record_id), data, edit, dry_run)


@app.command("vendor")
def new_vendor(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME")],
    record_id: IdOption = None,
    kana: Annotated[str | None, typer.Option("--kana")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias")] = None,
    entity: Annotated[str | None, typer.Option("--entity", click_type=Labelled("entity", Entity))] = None,
    invoice_number: Annotated[str | None, typer.Option("--invoice-number")] = None,
    status: Annotated[str, typer.Option("--status", click_type=Labelled("vendor_status", VendorStatus))]
    = "candidate",
    expertise: Annotated[list[str] | None, typer.Option("--expertise")] = None,
    contact: Annotated[str | None, typer.Option("--contact")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    email: Annotated[str | None, typer.Option("--email")] = None,
    phone: Annotated[str | None, typer.Option("--phone")] = None,
    bank_code: BankCodeOption = None,
    branch: BranchOption = None,
    account: AccountOption = None,
    holder: HolderOption = None,
    account_type: AccountTypeOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.authoring import name_slug

    run = open_run(ctx, quiet=True)
    bank = new_values.bank_account(bank_code, branch, account, holder, account_type, run.lang)
    record_id = _id(run, record_id, name_slug(name, kana), VENDOR, "cli.new.give_id_or_kana")
    data = {
        "id": record_id, "name": name, "kana": kana, "aliases": alias, "entity": entity,
        "invoice_number": invoice_number, "status": status, "expertise": expertise,
        "contacts": new_values.key_person(contact, title, email, phone), "bank": bank,
    }
    create_record(run, VENDOR.path(record_id), data, edit, dry_run)


@app.command("sourcing")
def new_sourcing(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    opened: Annotated[str | None, typer.Option("--opened")] = None,
    criterion: Annotated[list[str] | None, typer.Option("--criterion", metavar="KEY=WEIGHT")] = None,
    candidate: Annotated[list[str] | None, typer.Option("--candidate", metavar="VENDOR")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.records.models import DEFAULT_CRITERIA
    from haru_cli.write.authoring import latin_slug

    run = open_run(ctx, quiet=True)
    when = run.today if opened is None else parse_cli_date(opened, "--opened", run.lang)
    # None given: the strategy's four, written out, so that the file shows what the scores are weighed by.
    weights = (new_values.criteria(criterion, run.lang) if criterion
               else {key: str(rate) for key, rate in DEFAULT_CRITERIA.items()})
    vendors = [resolve_named(run.ds, VENDOR, query, run.t).id for query in candidate or []]
    base = latin_slug(title)
    record_id = _id(run, record_id, f"{when.year}-{base}" if base else None, SOURCING, "cli.new.give_id_title")
    data = {"id": record_id, "title": title, "opened": when.isoformat(), "status": "open", "criteria": weights,
            "candidates": [{"vendor": vendor} for vendor in vendors]}
    create_record(run, SOURCING.path(record_id), data, edit, dry_run)


@app.command("course")
def new_course(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    start: Annotated[str, typer.Option("--start")],
    end: Annotated[str | None, typer.Option("--end")] = None,
    levels: Annotated[int | None, typer.Option("--levels")] = None,
    pass_level: Annotated[int | None, typer.Option("--pass-level")] = None,
    assignment: Annotated[list[str] | None, typer.Option("--assignment", metavar="ID:TITLE:CRITERION,…")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.authoring import latin_slug

    run = open_run(ctx, quiet=True)
    first = parse_cli_date(start, "--start", run.lang)
    assignments = [new_values.assignment(value, run.lang) for value in assignment or []]
    record_id = _id(run, record_id, latin_slug(title), COURSE, "cli.new.give_id_title")
    data = {"id": record_id, "title": title, "start": first.isoformat(), "end": _iso(run, end, "--end"),
            "levels": levels, "pass_level": pass_level, "assignments": assignments}
    create_record(run, COURSE.path(record_id), data, edit, dry_run)


@app.command("project")
def new_project(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    partners: Annotated[list[str], typer.Option("--partner", metavar="QUERY")],
    start: Annotated[str, typer.Option("--start")],
    contract: Annotated[str | None, typer.Option("--contract")] = None,
    cadence: Annotated[str | None, typer.Option("--cadence", click_type=Labelled("project_cadence", ProjectCadence))]
    = None,
    status: Annotated[str, typer.Option("--status", click_type=Labelled("project_status", ProjectStatus))] = "active",
    end: Annotated[str | None, typer.Option("--end")] = None,
    goal: Annotated[str | None, typer.Option("--goal")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.write.authoring import latin_slug

    run = open_run(ctx, quiet=True)
    team = list(dict.fromkeys(run.partner(query).id for query in partners))  # ウエダ and ueda are one partner
    first = parse_cli_date(start, "--start", run.lang)
    record_id = _id(run, record_id, latin_slug(title), PROJECT, "cli.new.give_id_title")
    data = {"id": record_id, "title": title, "partners": team, "contract": _named(run, CONTRACT, contract),
            "status": status,
            "start": first.isoformat(), "end": _iso(run, end, "--end"), "goal": goal, "cadence": cadence}
    create_record(run, PROJECT.path(record_id), data, edit, dry_run)


@app.command("opportunity")
def new_opportunity(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    partners: Annotated[list[str], typer.Option("--partner", metavar="QUERY")],
    synergy: Annotated[str, typer.Option("--synergy", click_type=Labelled("synergy", Synergy))],
    stage: Annotated[str, typer.Option("--stage", click_type=Labelled("stage", Stage))] = "idea",
    value: Annotated[int | None, typer.Option("--value", metavar="YEN")] = None,
    next_step: Annotated[str | None, typer.Option("--next")] = None,
    due: Annotated[str | None, typer.Option("--due")] = None,
    project: Annotated[str | None, typer.Option("--project")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    run = open_run(ctx, quiet=True)
    with_ = list(dict.fromkeys(run.partner(query).id for query in partners))
    # <partner>-<synergy>, as SPEC §12.2's spcom-case-study: made from the options, in any language
    record_id = _id(run, record_id, f"{with_[0]}-{synergy.replace('_', '-')}", OPPORTUNITY)
    # History starts with the stage it is recorded at, today: the last entry's stage is `stage` (SPEC §12.3).
    data = {"id": record_id, "title": title, "partners": with_, "synergy": synergy, "stage": stage, "value": value,
            "next": next_step, "due": _iso(run, due, "--due"), "project": _named(run, PROJECT, project),
            "history": [{"date": run.today.isoformat(), "stage": stage, "note": note}]}
    create_record(run, OPPORTUNITY.path(record_id), data, edit, dry_run)


@app.command("automation")
def new_automation(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    area: Annotated[str, typer.Option("--area", click_type=Labelled("area", Area))],
    since: Annotated[str, typer.Option("--since")],
    baseline_minutes: Annotated[float, typer.Option("--baseline-minutes", metavar="N")],
    per_month: Annotated[float, typer.Option("--per-month", metavar="N")],
    review: Annotated[str | None, typer.Option("--review", metavar="DURATION")] = None,
    status: Annotated[str, typer.Option("--status", click_type=Labelled("automation_status", AutomationStatus))]
    = "active",
    note: Annotated[str | None, typer.Option("--note")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    from haru_cli.cli.output import parse_span
    from haru_cli.write.authoring import latin_slug

    run = open_run(ctx, quiet=True)
    first = parse_cli_date(since, "--since", run.lang)
    every = None if review is None else str(parse_span(review, "--review", run.lang))  # 3ヶ月 is written 3m
    record_id = _id(run, record_id, latin_slug(title), AUTOMATION, "cli.new.give_id_title")
    data = {"id": record_id, "title": title, "area": area, "status": status, "since": first.isoformat(),
            "baseline": {"minutes": _number(baseline_minutes), "per_month": _number(per_month)}, "review": every,
            "note": note}
    create_record(run, AUTOMATION.path(record_id), data, edit, dry_run)


def _number(value: float) -> int | float:
    """A count of minutes or runs as the file writes it: 60, not 60.0 (7.5 stays 7.5)."""
    return int(value) if value.is_integer() else value
