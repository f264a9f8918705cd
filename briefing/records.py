"""``NamedTuple`` for the records of the model, the loader and the outline: the
same as ``typing.NamedTuple`` to the type checker and at run time, but cheaper
to define, and without importing ``typing``; and ``Annotated`` for the model's
declarations.

A one-shot command (``briefing validate``) defines some fifteen records before
it reads a byte. ``typing.NamedTuple`` turns each field's annotation into a
``ForwardRef``, compiling it (these modules use ``from __future__ import
annotations``), and ``typing`` itself takes as long to import as checking a
briefing. This builds the same class with ``collections.namedtuple``, as
``typing.NamedTuple`` does, and keeps the annotations as the class body made
them (strings, in a module that postpones them). Modules use it so::

    TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from .records import NamedTuple
"""

from __future__ import annotations

from collections import namedtuple

_RESERVED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                       "_field_defaults", "_make", "_replace", "_asdict", "_source"})
"""What a record's class body may not define (as for ``typing.NamedTuple``)."""
_SET_BY_NAMEDTUPLE = frozenset({"__module__", "__name__", "__annotations__"})


class _RecordType(type):
    """Makes each subclass of :class:`NamedTuple` a ``collections.namedtuple``: the
    annotated names are its fields, in order, those given a value have it as
    their default, and the rest of the class body (methods, properties, the
    docstring) is copied onto it."""

    def __new__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
        if not bases:  # NamedTuple itself
            return super().__new__(cls, name, bases, namespace)
        annotations = namespace.get("__annotations__", {})
        assert isinstance(annotations, dict)
        defaults = []
        for field in annotations:
            if field in namespace:
                defaults.append(namespace[field])
            elif defaults:
                raise TypeError(f"non-default field {field} of {name} follows a default one")
        module = str(namespace["__module__"])
        # The type checker sees typing.NamedTuple instead, and cannot follow this one.
        record: type = namedtuple(name, list(annotations), defaults=defaults,  # type: ignore[misc]
                                  module=module)
        record.__annotations__ = dict(annotations)
        for key, value in namespace.items():
            if key in _RESERVED:
                raise AttributeError(f"a NamedTuple may not define {key}")
            if key not in _SET_BY_NAMEDTUPLE and key not in annotations:
                setattr(record, key, value)
        return record


class NamedTuple(metaclass=_RecordType):
    """Subclass it as ``typing.NamedTuple``; the subclass is a ``namedtuple``."""


class Annotation:
    """What ``Annotated[T, x, ...]`` is at run time: ``T`` and ``(x, ...)``, under the
    names ``typing`` gives them (``__origin__``, ``__metadata__``)."""

    __slots__ = ("__metadata__", "__origin__")

    def __init__(self, origin: object, metadata: tuple[object, ...]) -> None:
        self.__origin__, self.__metadata__ = origin, metadata

    def __repr__(self) -> str:
        return f"Annotated[{self.__origin__!r}, {', '.join(map(repr, self.__metadata__))}]"


class Annotated:
    """``typing.Annotated`` at run time, for a module that evaluates its annotations
    (the model), without importing typing: ``Annotated[T, x]`` is an :class:`Annotation`.

    Such a module imports ``typing.Annotated`` for the type checker::

        if TYPE_CHECKING:
            from typing import Annotated
        else:
            from .records import Annotated
    """

    def __class_getitem__(cls, parameters: tuple[object, ...]) -> Annotation:
        origin, *metadata = parameters
        return Annotation(origin, tuple(metadata))
