"""Making new records (`haru new`): ids and paths by the SPEC's conventions, the YAML text — pure."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from haru_cli.records.dataset import Dataset
from haru_cli.records.models import Contract, ReferralKind
from haru_cli.records.registry import REFERRAL, type_of_path
from haru_cli.write.yamltext import dump_yaml

SCHEMAS_FOLDER = "schemas"
SCHEMA_COMMENT = "# yaml-language-server: $schema="


def schema_comment(path: str) -> str:
    """The yaml-language-server line that points an editor at the workspace's schema for this file."""
    kind = type_of_path(path)
    name = kind.name if kind is not None else "haru"
    up = "../" * path.count("/")
    return f"{SCHEMA_COMMENT}{up}{SCHEMAS_FOLDER}/{name}.schema.json\n"


def record_text(path: str, data: dict[str, Any], *, with_schema: bool) -> str:
    return (schema_comment(path) if with_schema else "") + dump_yaml(data)


def slug_of(text: str) -> str | None:
    """An id made from ASCII text (`S.P.COM` → `s-p-com`); None for text with no ASCII letters or digits."""
    # NFKD: full-width letters become ASCII, and accents come apart from their letters (Ü → U + ¨).
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].strip("-")
    return slug or None


# Legal forms in a name, after NFKC (（株） and ㈱ are (株) by then): not part of what a company is called (the
# search folds them away too, rules/lookup.py).
_LEGAL_FORMS = re.compile(r"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|\((?:株|有|同)\)")


def latin_slug(text: str) -> str | None:
    """An id made from text written in Latin letters (`Video production` → `video-production`); None when
    the text has kana or kanji besides: its Latin letters alone (`生成AI実践コース` → `ai`) would name
    something else."""
    # NFKD, as slug_of reads it: Ü is U and a mark, a Latin letter still; カ stays a letter that is not Latin.
    if any(c.isalpha() and not c.isascii() for c in unicodedata.normalize("NFKD", text)):
        return None
    return slug_of(text)


def reading_slug(kana: str) -> str | None:
    """An id from a reading in kana, romanized (`エイゾウ` → `eizou`, `スタジオエー` → `sutajioe`); the long
    vowel mark is left out, as Hepburn without macrons leaves it."""
    import jaconv

    folded = unicodedata.normalize("NFKC", kana).replace("ー", "")
    return slug_of(jaconv.kana2alphabet(jaconv.kata2hira(folded)))


def name_slug(name: str, kana: str | None) -> str | None:
    """An id for a company or a person: its name when written in Latin letters, legal forms aside
    (`UCWORLD株式会社` → `ucworld`); else its reading romanized; else None (no id to make)."""
    return latin_slug(_LEGAL_FORMS.sub(" ", unicodedata.normalize("NFKC", name))) or (
        reading_slug(kana) if kana else None)


def free_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 … — the first not taken; cut to an id's 64 characters (a long partner id and
    a synergy, or a year and a long title, would make one longer)."""
    base = base[:64].rstrip("-")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base[: 64 - len(str(n)) - 1]}-{n}"
    return candidate


def next_referral_id(ds: Dataset, partner_id: str, year: int) -> str:
    """<year>-<partner>-<NNN>, one more than the partner's highest of that year."""
    prefix = f"{year}-{partner_id}-"
    numbers = [int(rid[len(prefix):]) for rid in ds.taken(REFERRAL)
               if rid.startswith(prefix) and rid[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def fee_contracts(ds: Dataset, partner_id: str, kind: ReferralKind) -> list[Contract]:
    """The partner's active contracts with a fee rule for that kind of referral."""
    return [c for c in ds.contracts.values()
            if c.partner == partner_id and c.status == "active" and c.fee_rule(kind) is not None]
