"""What `haru new` makes of the options that say more than one thing — a bank account, a key person: the
record's part as the file writes it, or a usage error (exit 2) naming what is wrong. Ranges, references and
the rest are the validation's, as for a file."""

import unicodedata
from typing import Any

from haru_cli.cli.vendored import UsageError
from haru_cli.i18n import text


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
