"""Import PyYAML without compiling the regular expressions it does not need yet.

As it is imported, PyYAML compiles about ten regular expressions: the implicit
types of its resolver, its timestamps, and the characters its pure-Python
reader refuses; that last one alone takes longer to compile than checking a
briefing. This program reads the parser's events and never resolves types (see
``yaml_tree``), and only the fallback parser uses the reader's. So while PyYAML
is imported, ``re.compile`` gives :class:`_Deferred` patterns, each compiled
when it is first used; PyYAML works as before, only its start is quicker.

The YAML modules import this one before PyYAML (``# isort: split`` keeps it first).
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

_compile = re.compile


class _Deferred:
    """What ``re.compile(pattern, flags)`` gives, compiled when first used: each
    attribute (``match``, ``search``...) is the compiled pattern's."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._arguments = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name == "_arguments":  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        value = getattr(_compile(*self._arguments), name)
        setattr(self, name, value)  # the next look-up finds it at once
        return value


def _import_pyyaml() -> None:
    if "yaml" in sys.modules:
        return
    re.compile = _Deferred  # type: ignore[assignment]
    try:
        import yaml  # noqa: F401
    finally:
        re.compile = _compile


_import_pyyaml()
