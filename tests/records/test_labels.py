"""Every fixed list of a record's values has its labels (records/labels.py)."""

from __future__ import annotations

import typing

import pytest

from haru_cli.i18n import LANGS, has, text
from haru_cli.records import models, values
from haru_cli.records.labels import GROUPS, code_for, codes_of, group_of, literal_of

# Literals of the records that are not a value a person picks from a list: the unit letter of a Duration (30d)
UNLABELLED = {"DurationUnit"}


def test_every_literal_of_the_records_has_a_group_of_labels() -> None:
    literals = {name: value for module in (models, values) for name, value in vars(module).items()
                if typing.get_origin(value) is typing.Literal and name not in UNLABELLED}
    assert sorted(name for name, value in literals.items() if group_of(value) is None) == []
    for literal, group in GROUPS:
        for code in codes_of(literal):
            assert has(f"value.{group}.{code}"), (group, code)
            assert all(text(f"value.{group}.{code}", lang).strip() for lang in LANGS)


def test_no_two_lists_are_the_same_codes() -> None:
    """An option's Choice knows its Literal only by its codes (cli/choices.labelled_choice)."""
    assert len({frozenset(codes_of(literal)) for literal, _ in GROUPS}) == len(GROUPS)
    assert literal_of(("quarterly", "monthly", "none")) == (models.Cadence, "cadence")
    assert literal_of(("monthly",)) is None


@pytest.mark.parametrize(("value", "code"), [("月次", "monthly"), ("ＭＯＮＴＨＬＹ", "monthly"),
                                             (" quarterly ", "quarterly"), ("四半期", "quarterly"), ("なし", "none"),
                                             ("weekly", None)])
def test_a_code_by_its_label_in_either_language(value: str, code: str | None) -> None:
    assert code_for("cadence", codes_of(models.Cadence), value) == code
