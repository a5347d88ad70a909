"""The records: strict wherever YAML could be read loosely, and plain data wherever they are not validated."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Annotated, Any

import pytest
from pydantic import TypeAdapter

from haru_cli.records import models
from haru_cli.records.registry import TYPES
from haru_cli.records.values import Constrained, Parsed


def leaves(annotation: Any, where: str) -> typing.Iterator[tuple[str, Any, tuple[Any, ...]]]:
    """(where, type, metadata) of every leaf type in an annotation, nested records included."""
    metadata: tuple[Any, ...] = ()
    if typing.get_origin(annotation) is Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata = tuple(extra)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is list:
        for arg in typing.get_args(annotation):
            yield from leaves(arg, where)
    elif dataclasses.is_dataclass(annotation) and hasattr(annotation, "__pydantic_config__"):
        for name, hint in typing.get_type_hints(annotation, include_extras=True).items():
            yield from leaves(hint, f"{annotation.__name__}.{name}")
    else:
        yield where, annotation, metadata


@pytest.mark.parametrize("record", [*(kind.model for kind in TYPES), models.Settings], ids=lambda r: r.__name__)
def test_every_bool_and_int_is_strict(record: type[Any]) -> None:
    """Pydantic would read "yes" as true and "3" as 3: every bool and int says how it is read."""
    loose = [where for where, leaf, metadata in leaves(record, record.__name__)
             if leaf in (bool, int) and not any(isinstance(m, Constrained | Parsed) for m in metadata)]
    assert loose == []


def test_constrained_refuses_types_it_cannot_constrain() -> None:
    with pytest.raises(TypeError, match="Constrained applies to"):
        TypeAdapter(Annotated[models.Contact, Constrained()])


def test_records_are_json_as_written() -> None:
    from haru_cli.load.validation import validated

    contract = validated(models.Contract, {
        "id": "c", "partner": "p", "type": "referral", "start": "2026-01-01", "term": "1年",
        "fees": {"customer": {"rate": "15%"}},
    })
    shown = models.as_json(contract)
    assert list(shown)[:5] == ["id", "partner", "vendor", "type", "title"]
    assert (shown["start"], shown["term"], shown["notice"]) == ("2026-01-01", "1y", "0d")
    assert shown["fees"] == {"customer": {"rate": "15%", "fixed": None, "basis": None, "months": None, "cap": None,
                                          "clawback": None}, "student": None}
