"""The tree is the pipeline: stages import only downward, and no two modules import each other.

The rules themselves live in pyproject.toml ([tool.importlinter]) so `lint-imports` and this test
read the same contracts.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("ingest", "index", "citations", "retrieval", "evaluation")


def test_import_contracts_are_kept() -> None:
    cwd = Path.cwd()
    os.chdir(ROOT)  # import-linter reads pyproject.toml from the working directory
    try:
        assert lint_imports(no_cache=True) == 0, (
            "run `.venv/bin/lint-imports` for the broken contract"
        )
    finally:
        os.chdir(cwd)


def cycles(graph: grimp.ImportGraph) -> list[str]:
    """Every direct import a -> b where b also reaches a, lazy imports included."""
    found = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                found.append(f"{module} -> {imported} -> ... -> {module}")
    return found


def test_no_module_imports_one_that_imports_it() -> None:
    assert cycles(grimp.build_graph("ofsted_qa")) == []


def test_a_cycle_would_be_caught() -> None:
    """The check is live: one back edge added to the real graph is reported."""
    graph = grimp.build_graph("ofsted_qa")
    graph.add_import(importer="ofsted_qa.ingest.layout", imported="ofsted_qa.ingest.chunking")
    assert (
        "ofsted_qa.ingest.layout -> ofsted_qa.ingest.chunking -> ... -> ofsted_qa.ingest.layout"
        in cycles(graph)
    )


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_exports_its_public_names(stage: str) -> None:
    package = importlib.import_module(f"ofsted_qa.{stage}")
    assert package.__doc__ and "May import" in package.__doc__
    for name in package.__all__:
        assert getattr(package, name) is not None, f"ofsted_qa.{stage}.{name}"
    with pytest.raises(AttributeError):
        package.no_such_name  # noqa: B018
