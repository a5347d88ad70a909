"""`@frozen`: a frozen dataclass, as `@dataclass(frozen=True)` makes it, made at import without compiling.

The dataclass module writes each dataclass's methods as source and compiles them when its module is
imported: six functions for each of haru's ~120 frozen dataclasses (records, and the values views and rules
pass around) were ~50 ms of every command's start — most of a warm `partner show` of a small workspace,
whose records come from the parse cache and are never built by `__init__` at all. Here equality, hashing,
repr and the refusal to assign are shared functions (compare the fields in order; the same messages), and
`__init__` is compiled when the class is first built, as the dataclass module would write it. A class that
inherits another dataclass, or has a __post_init__, an InitVar or a field left out of __init__, or slots, is
made by the dataclass module (with the shared equality, hashing and repr). A class defining one of these
methods itself keeps its own. tests/records/test_frozen.py holds each to what `@dataclass(frozen=True)` does.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import operator
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, kw_only: bool = False, slots: bool = False, eq: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False, slots: bool = False,
           eq: bool = True) -> type[T] | Callable[[type[T]], type[T]]:
    """`@dataclass(frozen=True)` (kw_only, slots and eq as there), compiled only as far as it must be."""
    def made(cls: type[T]) -> type[T]:
        # What the class says itself, the dataclass module keeps: its __eq__ and __repr__, and its __hash__ —
        # unless that is the None Python gives a class that defines __eq__ alone.
        own = {name for name in ("__eq__", "__repr__") if name in cls.__dict__}
        if "__hash__" in cls.__dict__ and not (cls.__dict__["__hash__"] is None and "__eq__" in cls.__dict__):
            own.add("__hash__")
        if not eq:  # each one itself: equal to, and hashed as, itself alone (object's)
            own |= {"__eq__", "__hash__"}
        for name in ("__setattr__", "__delattr__"):
            if name in cls.__dict__:  # as the dataclass module refuses them in a frozen class
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
        if slots or not _plain(cls):
            cls = dataclasses.dataclass(cls, frozen=True, eq=False, repr=False, kw_only=kw_only, slots=slots)
        else:
            undocumented = not cls.__doc__
            cls = dataclasses.dataclass(cls, init=False, eq=False, repr=False, kw_only=kw_only)
            _frozen_and_built_later(cls)
            if undocumented:  # as the dataclass module describes it: its name and what builds it
                cls.__doc__ = cls.__name__ + str(_signature(cls))
        for name, method in _shared(cls).items():
            if name not in own:
                method.__qualname__ = f"{cls.__qualname__}.{name}"
                setattr(cls, name, method)
        params = copy.copy(cls.__dataclass_params__)  # type: ignore[attr-defined]  # what it is: built, frozen, compared, shown
        params.init = params.repr = params.frozen = True
        params.eq = eq
        cls.__dataclass_params__ = params  # type: ignore[attr-defined]
        return cls

    return made if cls is None else made(cls)


def _shared(cls: type[Any]) -> dict[str, Callable[..., Any]]:
    """The class's __eq__, __hash__, __repr__: as the dataclass module writes them, not compiled."""
    fields = dataclasses.fields(cls)
    values = _getter(tuple(f.name for f in fields if f.compare))
    hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)

    def __eq__(self: Any, other: Any) -> bool:
        if other.__class__ is self.__class__:
            return bool(values(self) == values(other))
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

    return {"__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__}


def _plain(cls: type[Any]) -> bool:
    """Whether the class is one whose __init__ _compiled_init writes: no dataclass among its bases (the
    dataclass module checks their frozenness), no __post_init__, no InitVar and no field left out of __init__,
    and names that are a field's own (not `self`, nor one mangled)."""
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]) or hasattr(cls, "__post_init__"):
        return False
    annotations = cls.__dict__.get("__annotations__", {})
    return not any(name == "self" or name.startswith("__") or "InitVar" in str(kind)
                   or (isinstance(value := cls.__dict__.get(name), dataclasses.Field) and not value.init)
                   for name, kind in annotations.items())


def _frozen_and_built_later(cls: type[Any]) -> None:
    """Give a dataclass made without __init__ the frozen one's __setattr__ and __delattr__ (as the dataclass
    module writes them), and an __init__ that compiles the real one when the class is first built."""
    fields = dataclasses.fields(cls)
    names = frozenset(f.name for f in fields)
    defaulted = False
    for f in fields:  # as the dataclass module refuses it when it writes __init__
        if not f.kw_only:
            if defaulted and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
            defaulted |= f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = _compiled_init(cls)
        type.__setattr__(cls, "__init__", init)
        init(self, *args, **kwargs)

    for name, method in (("__setattr__", __setattr__), ("__delattr__", __delattr__), ("__init__", __init__)):
        if name == "__init__" and "__init__" in cls.__dict__:  # its own, as the dataclass module leaves it
            continue
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


def _in_order(cls: type[Any]) -> list[dataclasses.Field[Any]]:
    """The class's fields in the order its __init__ takes them: those keyword-only last (each as declared)."""
    return sorted(dataclasses.fields(cls), key=lambda f: bool(f.kw_only))


def _signature(cls: type[Any]) -> inspect.Signature:
    """The signature of the __init__ _compiled_init writes, without writing it."""
    parameter = inspect.Parameter

    def default(f: dataclasses.Field[Any]) -> Any:
        if f.default is not dataclasses.MISSING:
            return f.default
        return _FACTORY_SHOWN if f.default_factory is not dataclasses.MISSING else parameter.empty

    return inspect.Signature([
        parameter(f.name, parameter.KEYWORD_ONLY if f.kw_only else parameter.POSITIONAL_OR_KEYWORD,
                  default=default(f), annotation=f.type)
        for f in _in_order(cls)])


def _compiled_init(cls: type[Any]) -> Callable[..., None]:
    """The __init__ `@dataclass(frozen=True)` writes for the class: its fields in order (those keyword-only
    after a `*`), a default as declared, a factory called for each instance, each set past the frozen
    __setattr__ — one function compiled, where the dataclass module compiles three."""
    scope: dict[str, Any] = {"__set": object.__setattr__, "__made": _MADE_BY_FACTORY}
    signature, body = [], []
    for f in _in_order(cls):
        if f.kw_only and "*" not in signature:
            signature.append("*")
        value = f.name
        if f.default is not dataclasses.MISSING:
            scope[f"__default_{f.name}"] = f.default
            signature.append(f"{f.name}=__default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            scope[f"__factory_{f.name}"] = f.default_factory
            signature.append(f"{f.name}=__made")
            value = f"__factory_{f.name}() if {f.name} is __made else {f.name}"
        else:
            signature.append(f.name)
        body.append(f"    __set(self, {f.name!r}, {value})")
    source = f"def __init__(self, {', '.join(signature)}):\n" + ("\n".join(body) or "    pass") + "\n"
    made: dict[str, Any] = {}
    exec(source, scope, made)  # noqa: S102 - the names of a class's fields (see _plain)
    init: Callable[..., None] = made["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


_MADE_BY_FACTORY = object()  # the default of a field made by its factory, as the dataclass module's sentinel


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


_FACTORY_SHOWN = _Factory()  # how the dataclass module's signatures show a factory's default


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of these attributes, as a tuple (as the dataclass module's methods compare them)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        name = names[0]
        return lambda self: (getattr(self, name),)
    return lambda self: ()
