"""haru new partner | contract | meeting | referral — a new record from options, validated first."""

import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from haru_cli.cli.context import Failure, State, parse_cli_date, problem_line, resolve_partner, say, state_of
from haru_cli.render.formats import visible

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset
    from haru_cli.records.problems import Problem

app = typer.Typer(help="Write a new record from options (validated before anything is written).",
                  no_args_is_help=True)

def _checked_id(value: str | None) -> str | None:
    """--id is refused before anything is read or written unless it is an id (SPEC §3): a 300-character
    one would otherwise reach the file system as a name too long for it."""
    from haru_cli.records.values import SLUG_PATTERN

    if value is not None and not re.fullmatch(SLUG_PATTERN, value):
        shown = visible(value if len(value) <= 40 else value[:40] + "…", one_line=True)
        raise typer.BadParameter(f"{shown!r} is not an id: lowercase letters, digits and '-', at most 64")
    return value


IdOption = Annotated[str | None, typer.Option("--id", callback=_checked_id,
                                              help="The record's id (default: made from the options).")]
EditOption = Annotated[bool, typer.Option("--edit", help="Finish the record in $EDITOR before it is written.")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Print the YAML instead of writing it.")]
DRAFT_NOTE = "# haru: "


def _day(value: str | None, option: str, default: date) -> date:
    return default if value is None else parse_cli_date(value, option)


def _iso(value: str | None, option: str) -> str | None:
    """An optional date option, checked like every other (a malformed one is a usage error)."""
    return None if value is None else parse_cli_date(value, option).isoformat()


def _problems(ds: "Dataset", path: str, text: str) -> "list[Problem]":
    """The errors the workspace would have in (or because of) the new file."""
    from haru_cli.load.loader import load_workspace

    after = load_workspace(ds.root, overlay={path: text})
    return [p for p in after.problems if p.severity == "error" and p.concerns({path})]


def _lines(ds: "Dataset", problems: "list[Problem]", lang: str) -> list[str]:
    """The problems as validate prints them (paths from where the user is)."""
    from haru_cli.cli.context import problem_line

    return [problem_line(ds.root, p, lang) for p in problems]


def _edit(ds: "Dataset", folder: str, path: str, text: str, lang: str) -> tuple[str, str]:
    """Open the draft in $EDITOR until it is valid (visudo-style: problems shown, and as comments at the
    top), or abandon it. Returns the final path and text. The draft is removed when the run ends, unless
    the user abandons it or interrupts the editor: then it is kept, and named."""
    import shlex
    import tempfile

    try:
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    except ValueError:
        raise Failure(say(lang, "$EDITOR cannot be read as a command", "$EDITOR をコマンドとして読めません")) from None
    if not editor:
        raise Failure(say(lang, "$EDITOR is empty", "$EDITOR が空です"))
    fd, name = tempfile.mkstemp(prefix="haru-draft-", suffix=".yaml")
    draft = Path(name)
    keep = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(_for_draft(ds, path, text))
        return _edit_until_valid(ds, folder, path, draft, editor, lang)
    except _Abandoned:
        keep = True
        raise Failure(say(lang, f"nothing written; the draft is kept at {draft}",
                          f"何も書き込んでいません。下書きは {draft} にあります")) from None
    except KeyboardInterrupt:
        keep = True
        raise Failure(say(lang, f"interrupted; nothing written (the draft is kept at {draft})",
                          f"中断しました。何も書き込んでいません（下書き: {draft}）"), exit_code=130) from None
    finally:
        if not keep:
            draft.unlink(missing_ok=True)


def interactive() -> bool:
    """Whether someone is there to answer a question (haru is run from a terminal)."""
    return sys.stdin.isatty()


class _Abandoned(Exception):
    """The user chose to abandon an invalid draft."""


def _for_draft(ds: "Dataset", path: str, text: str) -> str:
    """The draft lives outside the workspace: its schema line names the schema by its full path."""
    from haru_cli.write.authoring import SCHEMA_COMMENT, schema_comment

    relative = schema_comment(path)
    schema = (ds.root / "schemas" / relative.rsplit("/", 1)[1].strip()).resolve()
    return text.replace(relative, f"{SCHEMA_COMMENT}{schema}\n", 1)


def _from_draft(path: str, text: str) -> str:
    """The record as it will be written: without haru's notes, its schema line relative again."""
    from haru_cli.write.authoring import SCHEMA_COMMENT, schema_comment

    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith(DRAFT_NOTE))
    return schema_comment(path) + body.partition("\n")[2] if body.startswith(SCHEMA_COMMENT) else body


def _edit_until_valid(ds: "Dataset", folder: str, path: str, draft: Path, editor: list[str],
                      lang: str) -> tuple[str, str]:
    import subprocess

    while True:
        try:
            finished = subprocess.run([*editor, str(draft)]).returncode == 0
        except OSError as exc:
            raise Failure(say(lang, f"cannot start the editor {editor[0]!r}: {exc.strerror}; nothing written",
                              f"エディタ {editor[0]!r} を起動できません: {exc.strerror}（何も書き込んでいません）")) \
                from None
        if not finished:
            raise Failure(say(lang, "the editor failed; nothing written",
                              "エディタが異常終了しました。何も書き込んでいません"))
        body = _from_draft(path, draft.read_text(encoding="utf-8"))
        if not body.strip():
            raise Failure(say(lang, "the draft is empty: nothing written", "下書きが空のため何も書き込んでいません"))
        path = _path_of_draft(folder, path, body)
        if (ds.root / path).exists():
            raise Failure(say(lang, f"{path} already exists; nothing written",
                              f"{path} は既にあります。何も書き込んでいません"))
        problems = _problems(ds, path, body)
        if not problems:
            return path, body
        for line in _lines(ds, problems, lang):  # what is wrong, before asking what to do about it
            typer.echo(line, err=True)
        if not interactive():  # no one to ask: nothing is written, and the draft goes
            raise Failure(say(lang, "the record has problems; nothing written", "問題があるため何も書き込んでいません"))
        answer = typer.prompt(say(lang, "The record has problems: (e)dit again or (a)bandon (keeping the draft)?",
                                  "問題があります: (e)再編集 / (a)中止（下書きを残す）"), default="e")
        if answer.strip().lower().startswith("a"):
            raise _Abandoned
        # The notes go above the record: its own problems' line numbers move down with it.
        notes = [problem_line(ds.root, p, lang, line_offset=len(problems) if p.path == path else 0)
                 for p in problems]
        draft.write_text("".join(f"{DRAFT_NOTE}{note}\n" for note in notes) + _for_draft(ds, path, body),
                         encoding="utf-8")


def _path_of_draft(folder: str, path: str, body: str) -> str:
    """Where the edited record belongs: its id and, for a meeting, the year of its date may have changed."""
    from haru_cli.load.yamlio import parse_yaml
    from haru_cli.records.values import parse_slug
    from haru_cli.write.authoring import record_path

    doc, _ = parse_yaml(body, path)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    try:
        record_id = parse_slug(data.get("id"))
    except ValueError:  # no usable id: keep the path, validation will say what is wrong
        return path
    if folder != "meetings":
        return record_path(folder, record_id)
    try:
        day = date.fromisoformat(str(data.get("date")))
    except ValueError:
        return f"meetings/{path.split('/')[1]}/{record_id}.yaml"
    return record_path(folder, record_id, day)


def _create(state: State, ds: "Dataset", folder: str, path: str, data: dict[str, Any], edit: bool,
            dry_run: bool) -> None:
    from haru_cli.cli.output import write_file
    from haru_cli.write.authoring import record_text

    lang = state.language(ds)
    if (ds.root / path).exists():
        raise Failure(say(lang, f"{path} already exists; haru never overwrites a file",
                          f"{path} は既にあります（haru はファイルを上書きしません）"))
    text = record_text(path, data, with_schema=(ds.root / "schemas").is_dir())
    if edit:
        path, text = _edit(ds, folder, path, text, lang)
    problems = _problems(ds, path, text)
    if problems:
        for line in _lines(ds, problems, lang):
            typer.echo(line, err=True)
        raise Failure(say(lang, "nothing written", "何も書き込んでいません"))
    if dry_run:
        sys.stdout.write(text)
        return
    write_file(ds.root / path, text, lang, shown=path, within=ds.root)
    typer.echo(os.path.relpath(ds.root / path))


def _id(state: State, ds: "Dataset", given: str | None, base: str | None, taken: set[str], what: str) -> str:
    from haru_cli.write.authoring import free_id

    if given:
        return given
    if base is None:
        japanese = {"partner": "パートナー", "contract": "契約", "meeting": "会議"}.get(what, what)
        raise typer.BadParameter(say(state.language(ds), f"give the {what}'s id (lowercase letters, digits, -)",
                                     f"{japanese}の ID（英小文字・数字・-）を --id で指定してください"),
                                 param_hint="--id")
    return free_id(base, taken)


@app.command("partner")
def new_partner(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The partner's legal name, e.g. 株式会社ウエダ.")],
    record_id: IdOption = None,
    kana: Annotated[str | None, typer.Option("--kana", help="Reading (ウエダ).")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another name to find it by (repeatable).")]
    = None,
    entity: Annotated[str | None, typer.Option("--entity", help="corporation or individual.")] = None,
    invoice_number: Annotated[str | None, typer.Option("--invoice-number", help="T + 13 digits.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="prospect, active, paused or ended.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Partner since (YYYY-MM-DD).")] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="The key person's name.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The key person's title.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="The key person's email.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="The key person's phone.")] = None,
    expertise: Annotated[list[str] | None, typer.Option("--expertise", help="Expertise (repeatable).")] = None,
    role: Annotated[str | None, typer.Option("--role", help="Expected role.")] = None,
    synergy: Annotated[list[str] | None, typer.Option("--synergy", help="A synergy code (repeatable).")] = None,
    cadence: Annotated[str | None, typer.Option("--cadence", help="monthly, quarterly or none.")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Who at HaRu owns the relationship.")] = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """A new partner file partners/<id>.yaml.

    Example: haru new partner 株式会社ウエダ --id ueda --kana ウエダ --contact 上田 --cadence monthly
    """
    from haru_cli.write.authoring import record_path, slug_of

    state = state_of(ctx)
    ds = state.load(quiet=True)
    record_id = _id(state, ds, record_id, slug_of(name), ds.taken("partners"), "partner")
    person = {"name": contact, "title": title, "email": email, "phone": phone, "key_person": True} if contact else None
    data = {
        "id": record_id, "name": name, "kana": kana, "aliases": alias, "entity": entity,
        "invoice_number": invoice_number, "status": status or "active",
        "since": _iso(since, "--since"),
        "contacts": [{k: v for k, v in person.items() if v is not None}] if person else None,
        "expertise": expertise, "role": role, "synergies": synergy, "cadence": cadence, "owner": owner,
    }
    _create(state, ds, "partners", record_path("partners", record_id), data, edit, dry_run)


@app.command("contract")
def new_contract(
    ctx: typer.Context,
    partner: Annotated[str, typer.Argument(metavar="QUERY", help="The partner (id, name, reading, alias or contact).")],
    type_: Annotated[str, typer.Option("--type", help="alliance, referral, joint_development, consulting, "
                                                      "directorship or nda.")],
    start: Annotated[str, typer.Option("--start", help="Start date (YYYY-MM-DD).")],
    record_id: IdOption = None,
    title: Annotated[str | None, typer.Option("--title", help="Title.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="draft, active, ended or terminated.")] = None,
    signed: Annotated[str | None, typer.Option("--signed", help="Signed on (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option("--end", help="End of the first term (YYYY-MM-DD).")] = None,
    auto_renew: Annotated[bool, typer.Option("--auto-renew", help="Renews automatically (needs --term).")] = False,
    term: Annotated[str | None, typer.Option("--term", help="Each renewal's length: 1y, 6m ...")] = None,
    notice: Annotated[str | None, typer.Option("--notice", help="Notice period: 1m, 30d ...")] = None,
    amount: Annotated[int | None, typer.Option("--amount", help="Value in yen (with --per).")] = None,
    per: Annotated[str | None, typer.Option("--per", help="month, year or once.")] = None,
    fee_kind: Annotated[str, typer.Option("--fee-kind", help="Which referrals the fee rule pays: customer or "
                                                             "student.")] = "customer",
    rate: Annotated[str | None, typer.Option("--rate", help="Fee rule: a rate such as 15%.")] = None,
    basis: Annotated[str | None, typer.Option("--basis", help="Fee rule: paid (on each payment) or deal.")] = None,
    fixed: Annotated[int | None, typer.Option("--fixed", help="Fee rule: a fixed fee in yen per referral.")] = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """A new contract file contracts/<id>.yaml (id by default <partner>-<type>-<start year>).

    Example: haru new contract ウエダ --type consulting --start 2026-04-01 --end 2027-03-31 --auto-renew --term 1y
    """
    from haru_cli.write.authoring import record_path

    state = state_of(ctx)
    ds = state.load(quiet=True)
    owner = resolve_partner(ds, partner, state.language(ds))
    first = parse_cli_date(start, "--start")
    base = f"{owner.id}-{type_.replace('_', '-')}-{first.year}"
    record_id = _id(state, ds, record_id, base, ds.taken("contracts"), "contract")
    data = {
        "id": record_id, "partner": owner.id, "type": type_, "title": title, "status": status or "active",
        "signed": _iso(signed, "--signed"), "start": first.isoformat(), "end": _iso(end, "--end"),
        "auto_renew": auto_renew or None, "term": term,
        "notice": notice, "value": {"amount": amount, "per": per} if amount is not None else None,
        "fees": {fee_kind: {"rate": rate, "basis": basis, "fixed": fixed}}
        if rate is not None or fixed is not None or basis is not None else None,
    }
    _create(state, ds, "contracts", record_path("contracts", record_id), data, edit, dry_run)


@app.command("meeting")
def new_meeting(
    ctx: typer.Context,
    partners: Annotated[list[str], typer.Argument(metavar="QUERY...", help="The partner(s) met (any QUERY form).")],
    kind: Annotated[str, typer.Option("--kind", help="regular (定例会), hearing, project, knowledge, feedback or "
                                                      "other.")],
    day: Annotated[str | None, typer.Option("--date", help="The meeting's date (default: today).")] = None,
    minutes: Annotated[int | None, typer.Option("--minutes", help="Minutes the 社長 spent.")] = None,
    summary: Annotated[str | None, typer.Option("--summary", help="Summary.")] = None,
    contract: Annotated[str | None, typer.Option("--contract", help="The contract it concerns.")] = None,
    attendee: Annotated[list[str] | None, typer.Option("--attendee", help="An attendee (repeatable).")] = None,
    decision: Annotated[list[str] | None, typer.Option("--decision", help="A decision (repeatable).")] = None,
    action: Annotated[list[str] | None, typer.Option("--action", help="An open action item (repeatable).")] = None,
    satisfaction: Annotated[int | None, typer.Option("--satisfaction", help="Feedback: satisfaction 1-5.")] = None,
    comments: Annotated[str | None, typer.Option("--comments", help="Feedback: what they said.")] = None,
    next_day: Annotated[str | None, typer.Option("--next", help="Planned date of the next meeting.")] = None,
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """A new meeting log meetings/<year>/<id>.yaml (id by default <date>-<partner>-<kind>).

    Example: haru new meeting ウエダ --kind regular --date 2026-11-27 --minutes 60 --summary "定例会"
    """
    from haru_cli.write.authoring import record_path

    state = state_of(ctx)
    ds = state.load(quiet=True)
    lang = state.language(ds)
    met = [resolve_partner(ds, query, lang).id for query in partners]
    when = _day(day, "--date", state.today)
    record_id = _id(state, ds, record_id, f"{when}-{met[0]}-{kind}", ds.taken("meetings"), "meeting")
    feedback = {"satisfaction": satisfaction, "comments": comments} if satisfaction or comments else None
    data = {
        "id": record_id, "partners": met, "date": when.isoformat(), "kind": kind, "contract": contract,
        "minutes": minutes, "attendees": attendee, "summary": summary, "decisions": decision,
        "actions": [{"task": task, "done": False} for task in action or []] or None,
        "feedback": {k: v for k, v in feedback.items() if v is not None} if feedback else None,
        "next": _iso(next_day, "--next"),
    }
    _create(state, ds, "meetings", record_path("meetings", record_id, when), data, edit, dry_run)


@app.command("referral")
def new_referral(
    ctx: typer.Context,
    partner: Annotated[str, typer.Argument(metavar="QUERY", help="The referring partner (any QUERY form).")],
    client: Annotated[str, typer.Option("--client", help="Who was referred.")],
    kind: Annotated[str, typer.Option("--kind", help="customer or student.")] = "customer",
    contract: Annotated[str | None, typer.Option("--contract", help="The contract with the fee rule (default: "
                                                                  "the partner's only one for this kind).")] = None,
    referred: Annotated[str | None, typer.Option("--referred", help="Date of the introduction (default: today).")]
    = None,
    status: Annotated[str, typer.Option("--status", help="lead, won, lost or cancelled.")] = "lead",
    record_id: IdOption = None,
    edit: EditOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """A new referral referrals/<id>.yaml (id by default <year>-<partner>-<NNN>).

    Example: haru new referral ウエダ --client 株式会社サンプル物流 --kind customer
    """
    from haru_cli.write.authoring import fee_contracts, next_referral_id, record_path

    state = state_of(ctx)
    ds = state.load(quiet=True)
    lang = state.language(ds)
    source = resolve_partner(ds, partner, lang)
    when = _day(referred, "--referred", state.today)
    if contract is None and kind in ("customer", "student"):
        found = fee_contracts(ds, source.id, kind)  # type: ignore[arg-type]
        if len(found) != 1:
            raise typer.BadParameter(say(lang, f"{source.name} has {len(found)} active contracts with a {kind} fee "
                                               "rule: name one with --contract",
                                         f"{source.name} の {kind} 手数料規定のある有効な契約が "
                                         f"{len(found)} 件あります。--contract で指定してください"),
                                     param_hint="--contract")
        contract = found[0].id
    record_id = record_id or next_referral_id(ds, source.id, when.year)
    data = {"id": record_id, "partner": source.id, "contract": contract, "kind": kind, "client": client,
            "referred": when.isoformat(), "status": status}
    _create(state, ds, "referrals", record_path("referrals", record_id), data, edit, dry_run)
