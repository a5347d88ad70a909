"""`@frozen` behaves as `@dataclass(frozen=True)` does: equality, hashing, repr, immutability, replace, pickling —
each class below declared both ways and compared on the same values."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import InitVar, dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haru_cli.records.frozen import frozen


@frozen
class Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlainDC:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


@frozen(kw_only=True)
class Hidden:
    a: int
    note: str = field(default="", compare=False, repr=False)
    tag: str = field(default="", hash=False)


@dataclass(frozen=True, kw_only=True)
class HiddenDC:
    a: int
    note: str = field(default="", compare=False, repr=False)
    tag: str = field(default="", hash=False)


@frozen(slots=True)
class One:
    a: int


@dataclass(frozen=True, slots=True)
class OneDC:
    a: int


@frozen
class Empty:
    pass


@dataclass(frozen=True)
class EmptyDC:
    pass


@frozen
class Nested:
    inner: Plain | None = None
    items: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class NestedDC:
    inner: PlainDC | None = None
    items: list[int] = field(default_factory=list)


def same(ours: Any, theirs: Any, ours2: Any, theirs2: Any) -> None:
    """What ours do is what the dataclass module's do, on the same values (names apart)."""
    assert (ours == ours2) == (theirs == theirs2) and (ours != ours2) == (theirs != theirs2)
    assert repr(ours).replace(type(ours).__name__, "") == repr(theirs).replace(type(theirs).__name__, "").replace(
        "DC(", "(")
    try:
        expected: int | None = hash(theirs)
    except TypeError:
        expected = None
    if expected is None:
        with pytest.raises(TypeError):
            hash(ours)
    else:
        assert hash(ours) == expected
    assert (ours == object()) is False and ours != "x"
    assert pickle.loads(pickle.dumps(ours)) == ours


ints, texts = st.integers(-3, 3), st.sampled_from(["", "x", "ウエダ", "a'b"])


@given(ints, texts, st.lists(ints, max_size=3).map(tuple), ints, texts, st.lists(ints, max_size=3).map(tuple))
def test_plain_fields(a: int, b: str, c: tuple[int, ...], a2: int, b2: str, c2: tuple[int, ...]) -> None:
    same(Plain(a, b, c), PlainDC(a, b, c), Plain(a2, b2, c2), PlainDC(a2, b2, c2))
    same(One(a), OneDC(a), One(a2), OneDC(a2))
    same(Empty(), EmptyDC(), Empty(), EmptyDC())


@given(ints, texts, texts, ints, texts, texts)
def test_fields_left_out_of_comparison_hash_or_repr(a: int, note: str, tag: str, a2: int, note2: str,
                                                    tag2: str) -> None:
    same(Hidden(a=a, note=note, tag=tag), HiddenDC(a=a, note=note, tag=tag),
         Hidden(a=a2, note=note2, tag=tag2), HiddenDC(a=a2, note=note2, tag=tag2))


@given(st.one_of(st.none(), ints), st.lists(ints, max_size=3), st.one_of(st.none(), ints), st.lists(ints, max_size=3))
def test_nested_and_unhashable(a: int | None, items: list[int], a2: int | None, items2: list[int]) -> None:
    same(Nested(None if a is None else Plain(a), items), NestedDC(None if a is None else PlainDC(a), items),
         Nested(None if a2 is None else Plain(a2), items2), NestedDC(None if a2 is None else PlainDC(a2), items2))


@frozen
class Base:
    a: int
    items: list[int] = field(default_factory=list)


@frozen
class Sub(Base):
    b: str = "x"


@dataclass(frozen=True)
class BaseDC:
    a: int
    items: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SubDC(BaseDC):
    b: str = "x"


@given(ints, texts, ints, texts)
def test_a_subclass(a: int, b: str, a2: int, b2: str) -> None:
    same(Sub(a, [a], b), SubDC(a, [a], b), Sub(a2, [], b2), SubDC(a2, [], b2))
    same(Base(a), BaseDC(a), Sub(a), SubDC(a))  # of another class: never equal


@pytest.mark.parametrize(("ours", "theirs"), [(Plain, PlainDC), (Hidden, HiddenDC), (One, OneDC), (Base, BaseDC),
                                              (Sub, SubDC), (Nested, NestedDC)])
def test_built_refused_and_described_as_the_dataclass_module_does(ours: Any, theirs: Any) -> None:
    made = []
    for cls in (ours, theirs):
        name = "items" if cls in (Nested, NestedDC) else "a"
        if name == "a":
            with pytest.raises(TypeError) as missing:
                cls()  # its first field has no default
            made.append(str(missing.value).replace("DC", ""))
        one = cls(**{name: [1] if name == "items" else 1})
        for attribute, value in ((name, 2), (name, None), ("new", 1)):
            with pytest.raises(Exception) as refused:  # noqa: PT011 - whichever the dataclass module raises
                if value is None:
                    delattr(one, attribute)
                else:
                    setattr(one, attribute, value)
            made.append((type(refused.value).__name__, str(refused.value)))  # (3.11's slots: TypeError for "new")
        made.append(str(dataclasses.replace(one)).replace("DC", ""))
        params = cls.__dataclass_params__
        made.append((params.init, params.repr, params.eq, params.order, params.frozen))
        made.append([(f.name, f.kw_only, f.compare) for f in dataclasses.fields(cls)])
    assert made[:len(made) // 2] == made[len(made) // 2:]


def test_a_factory_gives_each_its_own_and_keywords_stay_keywords() -> None:
    first, second = Nested(), Nested()
    assert first.items == [] and first.items is not second.items
    with pytest.raises(TypeError):
        Hidden(1)  # type: ignore[misc]  # keyword-only, as declared
    assert Hidden(a=1) == Hidden(a=1, note="other") and Plain(1, "y") == dataclasses.replace(Plain(1), b="y")


@frozen(eq=False)
class Itself:
    a: int


@dataclass(frozen=True, eq=False)
class ItselfDC:
    a: int


def test_without_equality_each_is_equal_to_itself_alone() -> None:
    for cls in (Itself, ItselfDC):
        one, other = cls(1), cls(1)
        assert one == one and one != other and hash(one) == hash(one) and {one, other} == {one, other}
        assert repr(one) == f"{cls.__qualname__}(a=1)" and not cls.__dataclass_params__.eq


def test_what_only_the_dataclass_module_writes_is_left_to_it() -> None:
    """A __post_init__, an InitVar, a field left out of __init__: made as `@dataclass(frozen=True)` makes
    them; and a field without a default after one with is refused as it refuses it."""
    made: list[str] = []
    for decorate in (frozen, dataclass(frozen=True)):
        @decorate
        class Checked:
            a: int
            b: int = field(default=0, init=False)
            c: InitVar[int] = 1

            def __post_init__(self, c: int) -> None:
                object.__setattr__(self, "b", self.a * c)

        made.append(repr(Checked(2, 3)))
        with pytest.raises(TypeError) as refused:
            @decorate
            class Misordered:
                a: int = 0
                b: int  # type: ignore[misc]
        made.append(str(refused.value))
    assert made[:2] == made[2:] and made[0].endswith(".Checked(a=2, b=6)")


def test_what_a_class_says_itself_is_kept_or_refused_as_the_dataclass_module_does() -> None:
    made: list[object] = []
    for decorate in (frozen, dataclass(frozen=True)):
        @decorate
        class Compared:
            a: int

            def __eq__(self, other: object) -> bool:
                return True

        @decorate
        class Built:
            a: int = 0

            def __init__(self, text: str) -> None:
                object.__setattr__(self, "a", len(text))

        @decorate
        class Undescribed:
            a: int
            b: list[int] = field(default_factory=list)
            c: str = "x"

        made += [Compared(1) == Compared(2), hash(Compared(1)) == hash(Compared(1)), Built("abc").a,
                 Undescribed.__doc__]
        with pytest.raises(TypeError) as refused:
            @decorate
            class Assigning:
                a: int

                def __setattr__(self, name: str, value: object) -> None:
                    pass
        made.append(str(refused.value))
    assert made[:len(made) // 2] == made[len(made) // 2:]
    assert made[3] == "Undescribed(a: 'int', b: 'list[int]' = <factory>, c: 'str' = 'x')"

