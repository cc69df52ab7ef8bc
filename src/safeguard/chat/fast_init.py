"""A cheaper constructor for the frozen, slotted dataclasses the scorer makes per message.

A frozen dataclass's ``__init__`` sets every field through ``object.__setattr__`` (to get
past its own ``__setattr__``, which refuses); with eleven fields that is a sizeable share of
scoring a short message (issue 12). :func:`fast_constructor` builds, once per class, a
function that makes the same object by writing each slot through its descriptor: the same
fields, values, equality, hash and repr, and the object stays frozen afterwards. It takes the
fields positionally, all of them (no defaults, no ``__post_init__``: it refuses classes with
one)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def fast_constructor(cls: type[T]) -> Callable[..., T]:
    """``cls(*fields)`` without the frozen ``__init__``'s per-field ``object.__setattr__``."""
    if not dataclasses.is_dataclass(cls) or not hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    if len(names) != len(dataclasses.fields(cls)):
        raise TypeError(f"{cls.__name__} has fields outside __init__")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    body = ["    obj = _new(_cls)"]
    for i, name in enumerate(names):
        scope[f"_set{i}"] = cls.__dict__[name].__set__
        body.append(f"    _set{i}(obj, {name})")
    body.append("    return obj")
    source = f"def make({', '.join(names)}):\n" + "\n".join(body) + "\n"
    exec(compile(source, f"<fast_constructor {cls.__name__}>", "exec"), scope)
    make: Callable[..., T] = scope["make"]
    return make
