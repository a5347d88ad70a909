"""One record file merged from its three versions' texts (SPEC §18): by keys and by the lists that only grow
(write/merge.py), in ours' own text (write/merge_text.py), and validated as the record it is before it is
called clean. Whatever cannot be merged so — a version that is not a readable record, an edit that cannot be
made in ours' text, a result that is not a valid record — is left as git leaves a conflict: both sides whole
between its markers. Never a merge that drops or doubles what a side wrote."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from haru_cli.load.validation import validate
from haru_cli.load.yamlio import parse_yaml
from haru_cli.records.frozen import frozen
from haru_cli.records.problems import Problem
from haru_cli.records.registry import RecordType
from haru_cli.write.lineends import lf_text, with_line_ends
from haru_cli.write.merge import MISSING, Path, merge, same
from haru_cli.write.merge_text import markers, with_conflicts, with_edits
from haru_cli.write.patch import NotEditable


@frozen
class Outcome:
    text: str  # what the file is to hold
    clean: bool  # merged without a conflict (git's exit 0)
    why: str | None = None  # when not clean: "conflict", "unreadable" (a version), "not_editable", "invalid"
    side: str | None = None  # the version that could not be read: base, ours or theirs
    reason: str | None = None  # why an edit could not be made in ours' text
    conflicts: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # why a version could not be read; the merge's errors


def merge_texts(base: str, ours: str, theirs: str, path: str, model: type[Any] | None,
                kind: RecordType[Any] | None = None) -> Outcome:
    """Merge the three texts of the file at path (`model`: what it must validate as; None: any YAML mapping).
    Line ends and a BOM are ours'."""
    bom = "\ufeff" if ours.startswith("\ufeff") else ""
    raw = ours.removeprefix(bom)
    texts = {side: lf_text(text.removeprefix("\ufeff")) for side, text in
             (("base", base), ("ours", raw), ("theirs", theirs))}
    if texts["theirs"] == texts["ours"] or texts["theirs"] == texts["base"]:
        return Outcome(ours, True)
    if texts["ours"] == texts["base"]:
        return Outcome(theirs, True)
    values: dict[str, Any] = {}
    for side, text in texts.items():
        doc, problems = parse_yaml(text, path)
        if side == "base" and doc is None and [p.code for p in problems] in (["empty"], []):
            values[side] = MISSING  # added on both branches (git gives an empty ancestor)
            continue
        errors = [p for p in problems if p.severity == "error"]
        if doc is None or errors or not isinstance(doc.data, dict):
            return _whole(bom, raw, texts, "unreadable", side=side, problems=errors)
        values[side] = doc.data
    merged = merge(values["base"], values["ours"], values["theirs"], kind.appended if kind is not None else ())
    try:
        text = with_edits(texts["ours"], merged, texts["theirs"])
    except NotEditable as exc:
        return _whole(bom, raw, texts, "not_editable", reason=str(exc))
    if merged.conflicts:
        text = with_conflicts(text, texts["theirs"], merged.conflicts)
        return Outcome(bom + with_line_ends(raw, text), False, "conflict", conflicts=merged.conflicts)
    doc, problems = parse_yaml(text, path)
    if doc is None or not same(doc.data, merged.data):  # the edits meant what the merge meant, or nothing is written
        return _whole(bom, raw, texts, "not_editable", reason="the merged text does not read back as the merge")
    if model is not None:
        validate(model, doc, path, problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return _whole(bom, raw, texts, "invalid", problems=errors)
    return Outcome(bom + with_line_ends(raw, text), True)


def _whole(bom: str, raw: str, texts: dict[str, str], why: str, *, side: str | None = None,
           reason: str | None = None, problems: list[Problem] | None = None) -> Outcome:
    """Both sides whole between conflict markers, as git's own merge of two texts leaves them at worst."""
    text = markers(texts["ours"], texts["theirs"])
    return Outcome(bom + with_line_ends(raw, text), False, why, side, reason, problems=problems or [])
