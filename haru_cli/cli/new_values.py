"""What `haru new` makes of the options that say more than one thing — a criterion and its weight, a
course's assignment, a bank account, a key person: the record's part as the file writes it, or a usage
error (exit 2) naming what is wrong. Ranges, references and the rest are the validation's, as for a file."""

import re
import unicodedata
from typing import Any

import typer

from haru_cli.cli.vendored import UsageError
from haru_cli.i18n import text


def criteria(values: list[str], lang: str) -> dict[str, str]:
    """--criterion expertise=40% …: each criterion once; one of the strategy's four may be named by its label
    in either language (`専門性=40%`), and a weight without `%` is a percentage all the same (`cost=20`)."""
    from haru_cli.records.labels import code_for
    from haru_cli.records.models import DEFAULT_CRITERIA
    from haru_cli.records.values import KEY_PATTERN, Invalid, Rate

    found: dict[str, str] = {}
    for value in values:
        name, sep, weight = unicodedata.normalize("NFKC", value).partition("=")
        key = code_for("criterion", tuple(DEFAULT_CRITERIA), name) or name.strip()
        weight = weight.strip()
        try:
            rate = Rate.parse(weight if weight.endswith("%") else f"{weight}%")
        except Invalid:
            rate = None
        if not sep or rate is None or not re.fullmatch(KEY_PATTERN, key):
            raise typer.BadParameter(text("cli.new.bad_criterion", lang, value=value), param_hint="--criterion")
        if key in found:
            raise typer.BadParameter(text("cli.new.criterion_twice", lang, key=key), param_hint="--criterion")
        found[key] = str(rate)
    return found


def assignment(value: str, lang: str) -> dict[str, Any]:
    """--assignment "a1:自社業務へのAI適用:具体性,効果検証" — id, title (which may hold a colon, or be empty)
    and criteria; the full-width ：、， of a Japanese keyboard count as the ASCII ones."""
    written = value.translate(str.maketrans("：、，", ":,,"))
    ident, sep, rest = written.partition(":")
    title, sep_criteria, listed = rest.rpartition(":")
    named = [c.strip() for c in listed.split(",") if c.strip()]
    if not (sep and sep_criteria and ident.strip() and named):
        raise typer.BadParameter(text("cli.new.bad_assignment", lang, value=value), param_hint="--assignment")
    return {"id": ident.strip(), "title": title.strip() or None, "criteria": named}


def deliverable(value: str, lang: str) -> dict[str, Any]:
    """--deliverable "ep1:第1話 編集版:2026-11-15" — id, title (which may hold a colon) and due date; the
    full-width ： of a Japanese keyboard counts as the ASCII one."""
    written = value.translate(str.maketrans("：", ":"))
    ident, sep, rest = written.partition(":")
    title, sep_due, due = rest.rpartition(":")
    if not (sep and sep_due and ident.strip() and title.strip() and due.strip()):
        raise typer.BadParameter(text("cli.new.bad_deliverable", lang, value=value), param_hint="--deliverable")
    return {"id": ident.strip(), "title": title.strip(), "due": due.strip()}


def bank_account(bank: str | None, branch: str | None, number: str | None, holder: str | None,
                 kind: str | None, lang: str) -> dict[str, Any] | None:
    """--bank-code, --branch, --account, --holder (and --account-type): all four or none, since a transfer
    to half an account is no transfer. Codes typed in full-width digits are read as ASCII ones."""
    given = {"--bank-code": bank, "--branch": branch, "--account": number, "--holder": holder}
    missing = [option for option, value in given.items() if value is None]
    if len(missing) == len(given) and kind is None:
        return None
    if missing:
        raise UsageError(text("cli.new.bank_together", lang, missing=", ".join(missing)))
    return {"bank": _digits(bank), "branch": _digits(branch), "type": kind, "number": _digits(number),
            "holder": holder}


def _digits(value: str | None) -> str | None:
    return None if value is None else unicodedata.normalize("NFKC", value).strip()


def key_person(name: str | None, title: str | None, email: str | None,
               phone: str | None) -> list[dict[str, Any]] | None:
    """--contact and its --title, --email, --phone: the key person, first of the contacts."""
    if name is None:
        return None
    person = {"name": name, "title": title, "email": email, "phone": phone, "key_person": True}
    return [{k: v for k, v in person.items() if v is not None}]
