"""Pydantic, kept to the commands that validate: a YAML document → a record, and Pydantic's errors → Problems
that point at the offending key or value.

Nothing else imports Pydantic, so that a command answered from the parse cache never pays for it.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import types
import typing
from collections.abc import Hashable, Iterator
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from haru_cli.load.yamlio import Document
from haru_cli.records.problems import Loc, Problem, error

T = TypeVar("T")


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(model: type[T]) -> TypeAdapter[T]:
    """Pydantic's validator (and JSON Schema) of a record type, built once, when first needed."""
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validated(model: type[T], data: object) -> T:
    """The record built from data (YAML values); pydantic.ValidationError if it is not one."""
    return adapter(model).validate_python(data)


def validate(model: type[T], doc: Document, path: str, problems: list[Problem]) -> T | None:
    """The record built from doc, or None with the problems appended."""
    if not isinstance(doc.data, dict):
        problems.append(error(path, doc.mark(()), "not-mapping", model=model.__name__))
        return None
    try:
        return validated(model, doc.data)
    except ValidationError as exc:
        problems.extend(_problems_of(exc, model, doc, path))
        return None


def validate_without_bad_entries(model: type[T], doc: Document, entries: str,
                                 entry: type[Any]) -> tuple[T, list[int]] | None:
    """The record built from doc without the items of its list `entries` that are not valid `entry`s, and
    the places in the file's list of those it kept; None when it is not one even so (its other keys have
    errors too). Problems are not said again: `validate` said them."""
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get(entries), list):
        return None
    kept: list[int] = []
    for i, item in enumerate(doc.data[entries]):
        try:
            validated(entry, item)
        except ValidationError:
            continue
        kept.append(i)
    try:
        return validated(model, {**doc.data, entries: [doc.data[entries][i] for i in kept]}), kept
    except ValidationError:
        return None


_TYPE_VARIANTS = {
    "string_type": "type.str",
    "int_type": "type.int",
    "bool_type": "type.bool",
    "list_type": "type.list",
    "dataclass_type": "type.mapping",
    "string_pattern_mismatch": "type.empty",  # only Name has a pattern: \S, "not blank"
}
_RANGE_VARIANTS = {
    "greater_than_equal": "range.ge",
    "less_than_equal": "range.le",
    "too_short": "range.too-short",
    "string_too_long": "range.too-long",
}


def _problems_of(exc: ValidationError, model: type[Any], doc: Document, path: str) -> Iterator[Problem]:
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        if loc in doc.flagged:  # already reported while reading (a number too long to be one)
            continue
        kind, ctx, value = err["type"], dict(err.get("ctx") or {}), err.get("input")
        name = ".".join(str(part) for part in loc)
        if kind == "unexpected_keyword_argument":  # a key the record does not have
            key = str(loc[-1])
            near = difflib.get_close_matches(key, _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
            variant = "unknown-key.near" if near else "unknown-key"
            yield error(path, doc.mark(loc, key=True), "unknown-key", variant, key=key, near=near[0] if near else "")
        elif kind == "missing":  # at the key when it is there but empty (`name:`), else at its mapping
            yield error(path, doc.mark(loc, key=True) if loc in doc.key_marks else doc.mark(loc[:-1]),
                        "missing-key", key=name)
        elif kind == "literal_error":
            expected = str(ctx.get("expected", "")).replace(" or ", ", ")
            code = label_of_code(model, loc, value)
            yield error(path, doc.mark(loc), "enum", "enum.label" if code else "", key=name, value=value,
                        expected=expected, write=code or "")
        elif "variant" in ctx:  # one of haru's own value types (values.py)
            variant = str(ctx.pop("variant"))
            if kind == "enum" and (code := label_of_code(model, loc, value)):
                variant, ctx["write"] = "enum.label", code
            yield error(path, doc.mark(loc), kind, variant, key=name, **ctx)
        elif kind in _TYPE_VARIANTS:
            yield error(path, doc.mark(loc), "type", _TYPE_VARIANTS[kind], key=name, value=value)
        elif kind in _RANGE_VARIANTS:
            yield error(path, doc.mark(loc), "range", _RANGE_VARIANTS[kind], key=name, value=value, **ctx)
        else:
            yield error(path, doc.mark(loc), "invalid", key=name, reason=err["msg"])


def _fields_at(model: type[Any], loc: Loc) -> list[str]:
    """The keys the record allows at loc, for a "did you mean" hint."""
    return _fields(typing.cast(Hashable, model), tuple(str(part) for part in loc if not isinstance(part, int)))


@functools.cache  # one answer per record type and key path, however many unknown keys ask (SPEC §14)
def _fields(model: Hashable, loc: tuple[str, ...]) -> list[str]:
    current: type[Any] | None = typing.cast(type[Any], model)
    for part in loc:
        if current is None:
            break
        hint = typing.get_type_hints(current).get(part)
        current = _record_in(hint) if hint else None
    return [f.name for f in dataclasses.fields(current)] if current else []


def _record_in(annotation: Any) -> type[Any] | None:
    if isinstance(annotation, type) and hasattr(annotation, "__pydantic_config__"):  # a record, not a Rate
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _record_in(arg)
            if found:
                return found
    return None


# --- a label where its code belongs (SPEC §16) ----------------------------------------------------------


def label_of_code(model: type[Any], loc: Loc, value: object) -> str | None:
    """The code to write when a file holds one of its labels instead (`cadence: 月次` → monthly): the labels of
    the Literal the record declares at loc (records/labels.py), in either language."""
    from haru_cli.records.labels import code_for, codes_of, group_of

    if not isinstance(value, str):
        return None
    for literal in _literals_at(typing.cast(Hashable, model), tuple(loc)):
        group = group_of(literal)
        if group is not None and (code := code_for(group, codes_of(literal), value)) is not None:
            return code
    return None


@functools.cache
def _literals_at(model: Hashable, loc: Loc) -> list[Any]:
    """The Literal types a record declares at a key path (through lists, mappings, unions and Annotated)."""
    found: list[Any] = [model]
    for part in loc:
        inner: list[Any] = []
        for member in (m for t in found for m in _members(t)):
            origin = typing.get_origin(member)
            if isinstance(part, int) and origin is list:
                inner.append(typing.get_args(member)[0])
            elif isinstance(part, str) and origin is dict:
                inner.append(typing.get_args(member)[1])
            elif isinstance(part, str) and dataclasses.is_dataclass(member):
                hint = typing.get_type_hints(member, include_extras=True).get(part)
                inner += [hint] if hint is not None else []
        found = inner
    return [m for t in found for m in _members(t) if typing.get_origin(m) is typing.Literal]


def _members(annotation: Any) -> list[Any]:
    """The types an annotation may be: the members of a union, Annotated's type."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]
