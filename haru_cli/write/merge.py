"""The three-way merge of one record's values (SPEC §18), for `haru merge-driver`: what two branches made of
a file since their common ancestor, put together without losing or doubling anything.

- A value changed on one side only takes that side; changed on both to the same, that.
- A mapping changed on both sides is merged key by key.
- A list that only grows (the record type's `appended`: time entries, payments, evaluations …) takes the
  items both sides added, each once (an item both added alike is one item), the two sides' new items
  interleaved by date (a tie: ours first); an item of the ancestor edited on both sides is merged key by key
  when it is still the same item (the same date …).
- Anything else changed on both sides differently is a conflict: ours is kept, and its place is named.

Besides the merged values, the merge says which edits turn ours into them (`edits`), so that the merged file
can be made from ours' own text, every line not edited kept as it was (write/merge_text.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from haru_cli.records.frozen import frozen
from haru_cli.records.registry import Appended

Path = tuple[str | int, ...]


class _Missing:
    """A key a side does not have (its value is not None: YAML's `key:` is read as no key at all)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@frozen
class Set:
    """The value at path becomes value (a key added when ours has none)."""

    path: Path
    value: Any


@frozen
class Remove:
    """The key at path goes."""

    path: Path


@frozen
class Insert:
    """An item goes into the list at path, at index (of the list as it is when this edit is made)."""

    path: Path
    index: int
    item: Any
    source: int | None = None  # where theirs has it: its lines there can be taken as they are


Edit = Set | Remove | Insert


@dataclass
class Merged:
    data: Any  # the merged values (ours where there is a conflict)
    edits: list[Edit] = field(default_factory=list)  # ours → data, to be made in this order
    conflicts: list[Path] = field(default_factory=list)  # where both sides changed a value differently


def merge(base: Any, ours: Any, theirs: Any, appended: Sequence[Appended] = ()) -> Merged:
    """Merge ours and theirs, two changes of base; MISSING (or an empty mapping) as base: both added it."""
    walk = _Walk({rule.key: rule for rule in appended})
    data = walk.value((), {} if base is MISSING else base, ours, theirs)
    return Merged(data, walk.edits + walk.inserts, walk.conflicts)


def same(a: Any, b: Any) -> bool:
    """Equal as values of a file: of one type (1, 1.0 and true are three values), NaN equal to itself."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


class _Walk:
    def __init__(self, appended: dict[str, Appended]) -> None:
        self.appended = appended
        self.edits: list[Edit] = []
        self.inserts: list[Edit] = []  # after every other edit: an insert moves the items after it
        self.conflicts: list[Path] = []

    def value(self, path: Path, b: Any, o: Any, t: Any) -> Any:
        if same(o, t):
            return o
        if same(b, o):
            self.take(path, o, t)
            return t
        if same(b, t):
            return o
        if isinstance(o, dict) and isinstance(t, dict) and (isinstance(b, dict) or b is MISSING):
            return self.mapping(path, {} if b is MISSING else b, o, t)
        rule = self.appended.get(path[0]) if len(path) == 1 and isinstance(path[0], str) else None
        if rule is not None and isinstance(o, list) and isinstance(t, list) and (isinstance(b, list) or b is MISSING):
            merged = self.grown(path, rule, [] if b is MISSING else b, o, t)
            if merged is not None:
                return merged
        self.conflicts.append(path)
        return o

    def mapping(self, path: Path, b: dict[str, Any], o: dict[str, Any], t: dict[str, Any]) -> dict[str, Any]:
        """Key by key, in ours' order, then the keys only theirs has (where an edit adds them: at the end)."""
        merged = {}
        for key in [*o, *(k for k in t if k not in o)]:
            value = self.value((*path, key), b.get(key, MISSING), o.get(key, MISSING), t.get(key, MISSING))
            if value is not MISSING:
                merged[key] = value
        return merged

    def grown(self, path: Path, rule: Appended, b: list[Any], o: list[Any], t: list[Any]) -> list[Any] | None:
        """A list that only grows, grown on both sides; None when a side took an item away (a conflict)."""
        n = len(b)
        if len(o) < n or len(t) < n:
            return None
        kept = []
        for i in range(n):
            if not (same(o[i], t[i]) or same(b[i], o[i]) or same(b[i], t[i]) or _one_item(rule, b[i], o[i], t[i])):
                self.conflicts.append((*path, i))  # edited on both sides into what may be two entries
                kept.append(o[i])
                continue
            kept.append(self.value((*path, i), b[i], o[i], t[i]))
        ours_new: list[Tagged] = [(None, item) for item in o[n:]]
        theirs_new: list[Tagged] = list(enumerate(t[n:], start=n))
        for _, item in ours_new:  # an item both sides added alike is one item
            twin = next((j for j, (_, other) in enumerate(theirs_new) if same(item, other)), None)
            if twin is not None:
                del theirs_new[twin]
        added = _interleaved(ours_new, theirs_new, rule.order)
        for at, (source, item) in enumerate(added):
            if source is not None:
                self.inserts.append(Insert(path, n + at, item, source))
        return kept + [item for _, item in added]

    def take(self, path: Path, o: Any, t: Any) -> None:
        """The edits that make ours' value at path theirs: by key where both are mappings, by appending
        where ours' list is the start of theirs', else the value whole."""
        if t is MISSING:
            self.edits.append(Remove(path))
        elif isinstance(o, dict) and isinstance(t, dict):
            for key in o:
                if key not in t:
                    self.edits.append(Remove((*path, key)))
            for key, value in t.items():
                if key not in o or not same(o[key], value):
                    self.take((*path, key), o.get(key, MISSING), value)
        elif isinstance(o, list) and isinstance(t, list) and o and len(t) > len(o) and same(t[:len(o)], o):
            self.inserts.extend(Insert(path, i, t[i], i) for i in range(len(o), len(t)))
        else:
            self.edits.append(Set(path, t))


def _one_item(rule: Appended, b: Any, o: Any, t: Any) -> bool:
    """Whether three versions of a list's item are one entry edited (the keys it keeps through an edit are
    the same in all three), so that it may be merged key by key."""
    if not (isinstance(b, dict) and isinstance(o, dict) and isinstance(t, dict)):
        return False
    return all(same(b.get(k, MISSING), o.get(k, MISSING)) and same(b.get(k, MISSING), t.get(k, MISSING))
               for k in rule.same)


Tagged = tuple[int | None, Any]  # an item, and where theirs has it (None: ours')


def _interleaved(ours: list[Tagged], theirs: list[Tagged], order: str | None) -> list[Tagged]:
    """Both sides' new items, each side's in its own order, interleaved by date as a merge sort does (a tie,
    or no date to go by: ours first)."""
    out: list[Tagged] = []
    i = j = 0
    while i < len(ours) and j < len(theirs):
        if order is not None and _date(theirs[j][1], order) < _date(ours[i][1], order):
            out.append(theirs[j])
            j += 1
        else:
            out.append(ours[i])
            i += 1
    return out + ours[i:] + theirs[j:]


def _date(item: Any, key: str) -> str:
    """An item's date as its text (ISO dates sort as text); none or not a mapping: first."""
    return str(item.get(key, "")) if isinstance(item, dict) else ""
