"""Partner (or vendor) QUERY → the record (SPEC §5, §10.3): id, name, kana, alias or contact name, folded
the Japanese way; and any record by what a person types (SPEC §16, `find_record`).

Folding: NFKC (ｳｴﾀﾞ → ウエダ, ＆ａｔｈ → &ath, ㈱ → (株)), hiragana → katakana, case, spaces, middle dots,
legal forms (株式会社, (株), 有限会社, 合同会社 ...) and honorifics (さん, 様). The standard library's
unicodedata does NFKC; kana conversion is one fixed code-point offset, so no library is needed for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from haru_cli.records.frozen import frozen
from haru_cli.records.text import Natural, fold_text, natural

if TYPE_CHECKING:
    from haru_cli.records.dataset import Dataset
    from haru_cli.records.models import Partner, Vendor
    from haru_cli.records.registry import RecordType, Ref

    Named = Partner | Vendor

_LEGAL_FORMS = re.compile(
    r"株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人"
    r"|特定非営利活動法人|npo法人|\((株|有|同|資|名|社|財)\)"
    r"|co\.,?ltd\.?|inc\.|corp\.|k\.k\.",
)
_IGNORED = re.compile(r"[\s・･·]+")
_HONORIFIC = re.compile(r"(サン|様|氏|殿)$")  # さん is サン by then: hiragana is folded first


def fold(text: str) -> str:
    """The form names are compared in: as text is searched, and without spaces, legal forms or honorifics."""
    folded = _IGNORED.sub("", fold_text(text))
    folded = _LEGAL_FORMS.sub("", folded)
    return _HONORIFIC.sub("", folded)


def names_of(partner: Named) -> list[str]:
    """Every name a partner (or a vendor) may be asked for by."""
    names = [partner.id, partner.name, *partner.aliases, *(c.name for c in partner.contacts)]
    if partner.kana:
        names.append(partner.kana)
    return names


@frozen
class Match:
    """The one partner a query found, or the candidates (several matched) or nearest names (none did)."""

    partner: Named | None
    candidates: list[Named] = field(default_factory=list)
    nearest: list[Named] = field(default_factory=list)


def find_named(records: Sequence[Named], query: str) -> Match:
    """An exact match wins; otherwise a unique partial match; otherwise candidates or nearest names."""
    wanted = fold(query)
    keys = [(fold(name), partner) for partner in records for name in names_of(partner)]
    keys = [(key, partner) for key, partner in keys if key]
    for matches in (
        [p for key, p in keys if key == wanted],
        [p for key, p in keys if wanted and wanted in key],
    ):
        unique = list({p.id: p for p in matches}.values())
        if len(unique) == 1:
            return Match(unique[0])
        if unique:
            return Match(None, candidates=sorted(unique, key=sort_key))
    import difflib  # only when no name is found

    close = difflib.get_close_matches(wanted, [key for key, _ in keys], n=5, cutoff=0.4)
    nearest = list({p.id: p for key, p in keys if key in close}.values())
    return Match(None, nearest=sorted(nearest, key=sort_key))


def sort_key(partner: Named) -> tuple[Natural, str]:
    """Partners sort by reading (kana), then name: the order of a Japanese address book, numbers in them
    counted (パートナー2 before パートナー10); the id settles a tie."""
    return natural(fold(partner.kana or partner.name)), partner.id


# --- any record, by what a person types (SPEC §16) ----------------------------------------------------
#
# `haru school evaluate 山田太郎 a1`, `haru action done ウエダ 2`, `haru edit ウエダ`: an argument that names a
# record takes what a person would type, folded as partner queries are. A record goes by its own names (id,
# name, title, kana, aliases, its contacts' names, a referral's client) and by the names of the partner,
# vendor or student it belongs to (a meeting by its partners', a certificate by its student's): its own
# names are tried first. Several records named through one (ウエダ's meetings) are one when the records are
# filed by their date: the latest (SPEC §16's `action done ウエダ 2` is the latest meeting with ウエダ), unless
# several share that date.

# The record types whose names name the records that refer to them.
_NAMED_THROUGH = ("partner", "vendor", "student")


@frozen
class Hit:
    """One record found: its type and the record."""

    kind: RecordType[Any]
    record: Any

    @property
    def id(self) -> str:
        return str(self.record.id)


@frozen
class Found:
    """What a query found: the one record, or the candidates (several matched) or nearest (none did)."""

    hit: Hit | None
    candidates: list[Hit] = field(default_factory=list)
    nearest: list[Hit] = field(default_factory=list)


class _Key(NamedTuple):  # a tuple: a large workspace has a hundred thousand of them
    name: str  # folded
    hit: Hit
    through: tuple[str, str] | None  # the (type, id) of the record whose name this is; None: the record's own


def own_names(record: Any) -> list[str]:
    """The names a record goes by itself: id, name, title, kana, aliases, its contacts', a referral's client."""
    names = [str(record.id)]
    for key in ("name", "title", "kana", "client"):
        value = getattr(record, key, None)
        if isinstance(value, str):
            names.append(value)
    names += [a for a in getattr(record, "aliases", ()) if isinstance(a, str)]
    names += [c.name for c in getattr(record, "contacts", ())]
    return names


def _own_keys(ds: Dataset, kind: RecordType[Any]) -> list[_Key]:
    """The names the records of a type go by themselves, folded; built once per dataset and type."""

    def build() -> list[_Key]:
        keys: list[_Key] = []
        for record in ds.of(kind).values():
            hit = Hit(kind, record)
            keys += [_Key(folded, hit, None) for name in own_names(record) if (folded := _folded(name))]
        return keys

    return ds.memo(f"lookup:{kind.name}", build)


def _through_keys(ds: Dataset, kind: RecordType[Any], named: Callable[[str], bool]) -> list[_Key]:
    """The records of a type that belong to a partner (vendor, student) one of whose names is `named`, each
    keyed by that name: the few partners are searched, not every meeting."""
    keys: list[_Key] = []
    for ref, target in _through(kind):
        by_target = ds.index(f"lookup:{kind.name}:{ref.key}", lambda: list(ds.of(kind).values()), ref.ids)
        for key in _own_keys(ds, target):
            if named(key.name):
                keys += [_Key(key.name, Hit(kind, record), (target.name, key.hit.id))
                         for record in by_target.get(key.hit.id, [])]
    return keys


def _through(kind: RecordType[Any]) -> list[tuple[Ref, RecordType[Any]]]:
    """The references of a type to the records whose names name it (its partner, vendor, student)."""
    from haru_cli.records.registry import BY_NAME

    return [(r, BY_NAME[r.target]) for r in kind.refs
            if r.within is None and r.target in _NAMED_THROUGH and r.target in BY_NAME]


_SLUG = re.compile(r"[a-z0-9-]+")


def _folded(name: str) -> str:
    """fold(name), but an id (lowercase letters, digits, '-') is its own folded form: no need to fold it."""
    return name if _SLUG.fullmatch(name) else fold(name)


def find_record(ds: Dataset, kinds: Sequence[RecordType[Any]], query: str) -> Found:
    """The record of one of `kinds` that `query` names: an exact match of its own names wins, then an exact
    match of the names of what it belongs to, then a unique partial match of either (in that order);
    otherwise the candidates, or the nearest names. See `pick_latest` for several found through one name."""
    by_id = [Hit(kind, ds.of(kind)[query]) for kind in kinds if query in ds.of(kind)]
    if len(by_id) == 1:  # its id, as written: no other name can be more exact (and no index need be built)
        return Found(by_id[0])
    wanted = fold(query)
    own = [key for kind in kinds for key in _own_keys(ds, kind)]

    def exact(name: str) -> bool:
        return name == wanted

    def partial(name: str) -> bool:
        return wanted in name

    if wanted:
        for matches in (exact, partial):
            if found := _one_of([k for k in own if matches(k.name)]):
                return found
            if found := _one_of([k for kind in kinds for k in _through_keys(ds, kind, matches)]):
                return found
    names = {k.name for k in own} | {k.name for kind in kinds for _, target in _through(kind)
                                     for k in _own_keys(ds, target)}
    import difflib  # only when no name is found

    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.4)  # the closest first

    def near(name: str) -> bool:
        return name in close

    rank: dict[tuple[str, str], int] = {}
    keys = [k for k in own if near(k.name)] + [k for kind in kinds for k in _through_keys(ds, kind, near)]
    for key in keys:
        at = (key.hit.kind.name, key.hit.id)
        rank[at] = min(rank.get(at, len(close)), close.index(key.name))
    nearest = list({(h.kind.name, h.id): h for h in order_hits(k.hit for k in keys)}.values())
    return Found(None, nearest=sorted(nearest, key=lambda h: rank[(h.kind.name, h.id)]))


def _one_of(keys: list[_Key]) -> Found | None:
    """The record these matches name, or the candidates; None when there is no match."""
    hits = list({(k.hit.kind.name, k.hit.id): k.hit for k in keys}.values())
    if len(hits) == 1:
        return Found(hits[0])
    if not hits:
        return None
    through = {k.through for k in keys}
    if len(through) == 1 and None not in through:
        latest = pick_latest(hits)
        if len(latest) == 1:
            return Found(latest[0])
        hits = latest
    return Found(None, candidates=order_hits(hits))


def pick_latest(hits: list[Hit]) -> list[Hit]:
    """Of several records named through one partner (vendor, student), those a person means: of records filed
    by their date (meetings, payouts, certificates), the latest — every one of that date, should there be
    several; of other records, all of them (`project ウエダ` with two projects asks which)."""
    dated = [h for h in hits if h.kind.by_year is not None and isinstance(_day(h), date)]
    if not dated or len(dated) != len(hits):
        return hits
    last = max(_day(h) for h in dated)
    return [h for h in dated if _day(h) == last]


def _day(hit: Hit) -> Any:
    return getattr(hit.record, hit.kind.by_year or "", None)


def order_hits(hits: Iterable[Hit]) -> list[Hit]:
    """Candidates as a person reads them: dated records newest first, the others by reading."""
    found = list(hits)
    dated = sorted((h for h in found if isinstance(_day(h), date)), key=lambda h: (-_day(h).toordinal(), h.id))
    named = sorted((h for h in found if not isinstance(_day(h), date)), key=lambda h: (_reading(h.record), h.id))
    return dated + named


def _reading(record: Any) -> str:
    for key in ("kana", "name", "title"):
        value = getattr(record, key, None)
        if isinstance(value, str) and value:
            return fold(value)
    return str(record.id)
