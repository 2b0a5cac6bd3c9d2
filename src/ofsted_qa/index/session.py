"""Opening a ready-to-search index: load, check freshness, rebuild when allowed.

Shared by the CLI, the TUI and the eval so they behave the same on a stale or broken index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index import generations
from ofsted_qa.index.build import BuildReport, ProgressFactory, build_index
from ofsted_qa.index.embedding import ModelSource
from ofsted_qa.index.freshness import stale_reasons
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.models import LocalModel
from ofsted_qa.index.settings import Settings

Notify = Callable[[str], None]
ENCODERS_DIR = "encoders"


def encoder_cache(settings: Settings) -> Path:
    return settings.index_dir / ENCODERS_DIR


def local_model(settings: Settings) -> LocalModel:
    return LocalModel(settings.model, onnx_cache=encoder_cache(settings))


def settle_from_index(
    settings: Settings,
    *,
    docs_given: bool = False,
    dense_given: bool = False,
    remove: tuple[Path, ...] = (),
) -> Settings:
    """Keep what the live index was built with (its folders, its dense kind) unless told otherwise,
    so a later `ask` that rebuilds a stale index does not quietly change them. Folders given are
    added to the remembered ones (never silently replacing them); `remove` drops folders."""
    generation = generations.current_generation(settings.index_dir)
    manifest = None
    if generation is not None:
        try:
            manifest = generations.Manifest.read(generation)
        except OfstedQAError:
            manifest = None
    dirs = settings.doc_dirs
    if manifest is not None:
        remembered = tuple((settings.root / d).resolve() for d in manifest.doc_dirs)
        added = tuple(d for d in settings.doc_dirs if d not in remembered) if docs_given else ()
        dirs = remembered + added
        if not dense_given:
            settings = replace(settings, dense_kind=manifest.dense_kind)
    return replace(settings, doc_dirs=_without(dirs, remove))


def _without(dirs: tuple[Path, ...], remove: tuple[Path, ...]) -> tuple[Path, ...]:
    gone = {d.resolve() for d in remove}
    unknown = sorted(str(d) for d in gone if d not in dirs)
    if unknown:
        raise OfstedQAError(
            f"{', '.join(unknown)} is not a document folder of this index",
            hint="the folders are: " + ", ".join(map(str, dirs)),
        )
    kept = tuple(d for d in dirs if d not in gone)
    if not kept:
        raise OfstedQAError(
            "That would leave no document folders", hint="add one first with --docs DIR"
        )
    return kept


def open_index(
    settings: Settings,
    model: ModelSource,
    *,
    allow_build: bool = True,
    progress: ProgressFactory | None = None,
    notify: Notify = lambda _msg: None,
) -> IndexBundle:
    """The live index, rebuilt first when it is missing, stale or damaged (if allowed)."""
    generations.check_index_path(settings.index_dir)
    try:
        bundle = generations.load_current(settings.index_dir)
        reasons = stale_reasons(bundle.manifest, settings, model)
    except OfstedQAError as exc:
        reasons = [exc.message]
    if not reasons:
        return bundle
    why = "; ".join(reasons)
    if not allow_build:
        raise OfstedQAError(
            f"The index needs rebuilding: {why}.", hint="run `ofsted-qa index` (or drop --no-build)"
        )
    notify(f"Building the index: {why}.")
    report = build_index(settings, model, progress=progress)
    for warning in report.warnings:
        notify(f"warning: {warning}")
    notify(report.summary())
    prepare_query_encoder(settings, notify)
    return generations.load_current(settings.index_dir)


def prepare_query_encoder(settings: Settings, notify: Notify) -> None:
    """Export the torch-free query encoder once, so later one-shot questions start fast."""
    try:
        from ofsted_qa.index.onnx_encoder import ensure_onnx_export

        model = local_model(settings)
        ensure_onnx_export(model.path, encoder_cache(settings), name=model.name)
    except (OfstedQAError, ImportError, OSError, RuntimeError) as exc:
        notify(f"warning: fast query encoder unavailable ({exc}); using sentence-transformers")


def index_documents(
    settings: Settings,
    model: ModelSource,
    *,
    rebuild: bool,
    progress: ProgressFactory | None,
    notify: Notify,
) -> BuildReport:
    report = build_index(settings, model, rebuild=rebuild, progress=progress, force_publish=rebuild)
    for warning in report.warnings:
        notify(f"warning: {warning}")
    if isinstance(model, LocalModel):
        prepare_query_encoder(settings, notify)
    return report
