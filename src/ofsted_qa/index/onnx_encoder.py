"""A torch-free encoder: the sentence-transformers model exported once to ONNX, run by onnxruntime.

Importing torch costs seconds, so one-shot commands query through this module instead. Only
`export_onnx` needs torch/transformers and imports them lazily; the query path uses onnxruntime,
tokenizers and numpy. The export keeps the source model's fingerprint, so an index built with
sentence-transformers stays valid when queried through ONNX.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.embedding import ProgressCallback, model_fingerprint

ENCODER_FILE = "encoder.json"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
OPSET = 17
FORMAT_VERSION = 1
# Texts tokenised and sorted by token count together: a million passages never sit tokenised
# at once.
SORT_WINDOW = 4096


def export_onnx(model_dir: Path, out_dir: Path, *, name: str | None = None) -> Path:
    """Export the transformer with mean pooling and L2 normalisation baked into the graph."""
    if importlib.util.find_spec("onnx") is None:  # torch's exporter serialises through it
        raise OfstedQAError(
            "Exporting the ONNX encoder needs the onnx package.", hint="pip install onnx"
        )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch  # lazy: only the export pays for torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bar in the middle of a CLI answer

    st_config = json.loads((model_dir / "sentence_bert_config.json").read_text())
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
    if not pooling.get("pooling_mode_mean_tokens") or not (model_dir / "modules.json").is_file():
        raise OfstedQAError(f"Only mean-pooled sentence-transformers models export: {model_dir}")
    # Eager attention traces to plain MatMul/Softmax that onnxruntime fuses; SDPA's mask shortcuts
    # (dropping an all-ones mask) could otherwise be frozen into the trace.
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    uses_types = getattr(model.config, "type_vocab_size", 0) > 0
    inputs = ["input_ids", "attention_mask"] + (["token_type_ids"] if uses_types else [])

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *args: torch.Tensor) -> torch.Tensor:
            hidden = self.model(**dict(zip(inputs, args, strict=True))).last_hidden_state
            mask = args[1].unsqueeze(-1).to(hidden.dtype)
            # Same arithmetic as sentence-transformers Pooling(mean) + Normalize.
            summed = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(summed, p=2, dim=1)

    # A padded example so the traced graph keeps the masking path.
    example_mask = torch.tensor([[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]])
    example = (torch.full((2, 6), 101), example_mask, torch.zeros((2, 6), dtype=torch.long))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        # Tracer warnings concern shapes the dynamic axes already cover; users needn't see them.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled(),
                example[: len(inputs)],
                str(tmp / MODEL_FILE),
                input_names=inputs,
                output_names=["sentence_embedding"],
                dynamic_axes={k: {0: "batch", 1: "sequence"} for k in inputs}
                | {"sentence_embedding": {0: "batch"}},
                opset_version=OPSET,
                dynamo=False,  # the dynamo exporter needs onnxscript, which is not a dependency
            )
        shutil.copyfile(model_dir / TOKENIZER_FILE, tmp / TOKENIZER_FILE)
        meta = {
            "format": FORMAT_VERSION,
            "name": name or model_dir.name,
            "fingerprint": model_fingerprint(model_dir, out_dir.parent),
            "max_seq_length": int(st_config["max_seq_length"]),
            "dimension": int(model.config.hidden_size),
            "pooling": "mean+l2norm in graph",
            "inputs": inputs,
            "opset": OPSET,
        }
        (tmp / ENCODER_FILE).write_text(json.dumps(meta, indent=2))
        try:
            os.rename(tmp, out_dir)  # atomic: readers see no folder or a whole one
        except OSError:
            if _read_meta(out_dir) is None:  # not a concurrent exporter's finished copy
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


def _read_meta(folder: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((folder / ENCODER_FILE).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
        return None
    if not all((folder / f).is_file() for f in (MODEL_FILE, TOKENIZER_FILE)):
        return None
    return meta


def onnx_cache_ready(model_dir: Path, cache_dir: Path) -> Path | None:
    """The cached export for these exact weights, or None; reads encoder.json, never the graph."""
    fingerprint = model_fingerprint(model_dir, cache_dir)
    folder = cache_dir / f"onnx-{fingerprint}"
    meta = _read_meta(folder)
    return folder if meta is not None and meta.get("fingerprint") == fingerprint else None


def ensure_onnx_export(model_dir: Path, cache_dir: Path, *, name: str | None = None) -> Path:
    """The cached export, exporting first (needs torch, ~seconds) when missing."""
    ready = onnx_cache_ready(model_dir, cache_dir)
    if ready is not None:
        return ready
    folder = cache_dir / f"onnx-{model_fingerprint(model_dir, cache_dir)}"
    if folder.exists():  # a stale or corrupt leftover under our name: replace it
        shutil.rmtree(folder)
    return export_onnx(model_dir, folder, name=name)


class OnnxEmbedder:
    """The Embedder protocol over an exported folder: onnxruntime + tokenizers + numpy only."""

    def __init__(
        self,
        folder: Path,
        *,
        batch_size: int = 16,
        threads: int | None = None,
        document_workers: int | None = None,
    ) -> None:
        folder = Path(folder)
        meta = _read_meta(folder)
        if meta is None:
            raise OfstedQAError(
                f"No usable ONNX encoder at {folder}.",
                hint="delete the folder and re-export with ensure_onnx_export",
            )
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from tokenizers import Tokenizer

        self.folder = folder
        self.name = str(meta["name"])
        self.fingerprint = str(meta["fingerprint"])
        self.dimension = int(meta["dimension"])
        self.max_tokens = int(meta["max_seq_length"])
        self.batch_size = batch_size
        self.document_workers = max(1, document_workers or os.cpu_count() or 1)
        try:
            self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as exc:  # tokenizers raises its own exception types; users get ours
            raise self._corrupt(exc) from exc
        # One request (a question) uses every core for itself.
        self._session = self._open_session(threads or os.cpu_count() or 1)
        # Bulk embedding runs a batch per core: a single-threaded session, opened on first use.
        self._batch_session: Any = self._session if threads == 1 else None
        # tokenizer.json ships with fixed 128 truncation/padding; sentence-transformers uses
        # max_seq_length and pads each batch to its longest text, so match that.
        self._tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer.no_padding()
        self._counter: Any = None  # an untruncated twin, loaded on first count_tokens
        self._inputs = [i.name for i in self._session.get_inputs()]

    def _open_session(self, threads: int) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1  # no inter-op pool to spin up
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # Idle workers sleep, not spin: a question is one short run, and a worker left spinning
        # after it takes a core from the search that follows and from other processes (about
        # half the CPU of a warm answer; vectors are the same either way).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            return ort.InferenceSession(
                str(self.folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own pybind types; users get ours
            raise self._corrupt(exc) from exc

    def _corrupt(self, exc: Exception) -> OfstedQAError:
        return OfstedQAError(
            f"The ONNX encoder at {self.folder} is corrupt: {exc}",
            hint="delete the folder and re-export with ensure_onnx_export",
        )

    def count_tokens(self, text: str) -> int:
        # A separate tokenizer rather than toggling truncation on the shared one (thread safety).
        if self._counter is None:
            from tokenizers import Tokenizer

            self._counter = Tokenizer.from_file(str(self.folder / TOKENIZER_FILE))
            self._counter.no_truncation()
            self._counter.no_padding()
        return len(self._counter.encode(text).ids)

    def embed_documents(
        self, texts: Sequence[str], *, on_progress: ProgressCallback | None = None
    ) -> np.ndarray:
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        pool = None
        if self.document_workers > 1 and len(texts) > self.batch_size:
            # Several batches at once, one core each, beat one batch over all cores (small
            # matrices parallelise poorly); the batches and so the vectors are the same either way.
            pool = ThreadPoolExecutor(self.document_workers, thread_name_prefix="ofsted-qa-embed")
            if self._batch_session is None:
                self._batch_session = self._open_session(1)
        session = self._batch_session if pool else self._session
        try:
            for start in range(0, len(texts), SORT_WINDOW):
                window = list(texts[start : start + SORT_WINDOW])
                for rows, vectors in self._embed_window(window, pool, session):
                    out[[start + i for i in rows]] = vectors
                    if on_progress:
                        on_progress(len(rows))
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)  # Ctrl-C: queued batches never start
        return out

    def _embed_window(
        self, texts: list[str], pool: ThreadPoolExecutor | None, session: Any
    ) -> Iterator[tuple[list[int], np.ndarray]]:
        """Each batch's row numbers and vectors, in batch order."""
        encodings = self._tokenize(texts, pool)
        # Batches of equal token counts carry next to no padding (sorted by characters, batches
        # of two padded 3.4% more tokens on the bench corpus).
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        size = self.batch_size
        batches = [order[begin : begin + size] for begin in range(0, len(order), size)]

        def encode(rows: list[int]) -> np.ndarray:
            return self._encode([encodings[i] for i in rows], session)

        # onnxruntime releases the GIL while it runs, so the threads truly run side by side.
        vectors = pool.map(encode, batches) if pool else map(encode, batches)
        yield from zip(batches, vectors, strict=True)

    def _tokenize(self, texts: list[str], pool: ThreadPoolExecutor | None) -> list[Any]:
        if pool is None:
            return list(self._tokenizer.encode_batch(texts))
        # tokenizers releases the GIL too: a slice per worker.
        step = -(-len(texts) // self.document_workers)
        slices = [texts[i : i + step] for i in range(0, len(texts), step)]
        return [e for part in pool.map(self._tokenizer.encode_batch, slices) for e in part]

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([self._tokenizer.encode(text)])[0]

    def _encode(self, encodings: list[Any], session: Any = None) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        feeds = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in self._inputs}
        for row, enc in enumerate(encodings):
            n = len(enc.ids)
            feeds["input_ids"][row, :n] = enc.ids
            feeds["attention_mask"][row, :n] = enc.attention_mask
            if "token_type_ids" in feeds:
                feeds["token_type_ids"][row, :n] = enc.type_ids
        (vectors,) = (session or self._session).run(["sentence_embedding"], feeds)
        return np.asarray(vectors, dtype=np.float32)
