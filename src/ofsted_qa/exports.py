"""Public names of a stage package, imported from their modules on first use.

A stage's `__init__` names what it offers without importing it: `from ofsted_qa.index import
Settings` must not pull FAISS, BM25 or the model code into a process that only reads settings
(the CLI's cold start depends on it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports `names[attr]` (a submodule) on demand.

    Raises AttributeError for names the package does not export, as a module would.
    """

    def __getattr__(attr: str) -> Any:
        module = names.get(attr)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {attr!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), attr)

    return __getattr__
