"""The bundled model end to end: a few slow tests that prove the real pipeline works."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ofsted_qa import cli as cli_module
from ofsted_qa.citations.passages import verify
from ofsted_qa.index.generations import load_current
from ofsted_qa.index.models import LocalModel, SentenceTransformerEmbedder
from ofsted_qa.index.session import local_model
from ofsted_qa.index.settings import Settings
from ofsted_qa.retrieval.search import Searcher

pytestmark = pytest.mark.model

CARE_LEAVERS = (
    "The graded judgement for the experiences and progress of care leavers is requires improvement"
)


def test_bundled_model_loads_offline_and_embeds_unit_vectors() -> None:
    embedder = SentenceTransformerEmbedder()
    vectors = embedder.embed_documents(["care leavers", "looked after children"])
    assert vectors.shape == (2, 384) and embedder.max_tokens == 256
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert LocalModel().fingerprint == embedder.fingerprint
    assert LocalModel().count_tokens("IRO") == embedder.count_tokens("IRO")


def test_care_leavers_2014_question_finds_the_care_leavers_section(real_index: Settings) -> None:
    bundle = load_current(real_index.index_dir)
    searcher = Searcher(bundle, local_model(real_index).query_embedder())
    response = searcher.search("what did Ofsted say about care leavers in 2014", k=5)
    from_section = [h for h in response.hits if h.chunk.section[-1:] == (CARE_LEAVERS,)]
    assert len(from_section) >= 3
    assert all(verify(h.meta, h.chunk, real_index.root) for h in response.hits)


def test_every_indexed_passage_is_traceable_to_its_source(real_index: Settings) -> None:
    bundle = load_current(real_index.index_dir)
    assert len(bundle.store) > 250
    for chunk_id in range(len(bundle.store)):
        assert verify(bundle.store.meta(chunk_id), bundle.store.get(chunk_id), real_index.root)


def test_one_shot_cli_answers_without_loading_torch(real_index: Settings) -> None:
    """With the ONNX export in place a fresh `ask` never imports torch (cold start matters)."""
    script = (
        "import sys, io, contextlib\n"
        "from ofsted_qa import cli\n"
        "out = io.StringIO()\n"
        f"code = cli.main(['--index', {str(real_index.index_dir)!r}, 'ask', 'IRO', '--json', '--no-build'], stdout=out)\n"
        "print(code, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
        "print(out.getvalue())\n"
    )
    # The package under test, not whichever checkout the venv installed in editable mode.
    source = Path(cli_module.__file__).resolve().parents[2]  # src/ofsted_qa/cli/__init__.py
    env = {
        "OFSTED_QA_ROOT": str(real_index.root),
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(source),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    status, payload = result.stdout.split("\n", 1)
    assert status == "0 False False"
    assert json.loads(payload)["results"]


def test_ctrl_c_while_embedding_stops_promptly_and_keeps_the_index(
    real_index: Settings, tmp_path: Path
) -> None:
    """Batches run side by side in worker threads: Ctrl-C must still stop the build at once,
    start no queued batch, and leave the live index as it was."""
    root = tmp_path / "copy"
    shutil.copytree(real_index.root, root, symlinks=True)
    settings = Settings(root=root, index_dir=root / "index", doc_dirs=(root / "seeds",))
    before = load_current(settings.index_dir)
    script = (
        "import signal, sys, time\n"
        "# Ctrl-C from a terminal: a shell that started this test in the background may have\n"
        "# set SIGINT to be ignored, and children inherit that.\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from pathlib import Path\n"
        "from ofsted_qa.index.settings import Settings\n"
        "from ofsted_qa.index.build import build_index\n"
        "from ofsted_qa.index.session import local_model\n"
        f"root = Path({str(root)!r})\n"
        "settings = Settings(root=root, index_dir=root / 'index', doc_dirs=(root / 'seeds',))\n"
        "done = []\n"
        "def progress(phase, total):\n"
        "    def advance(n):\n"
        "        done.append(n)\n"
        "        if len(done) == 1:\n"
        "            print('embedding', flush=True)\n"
        "            time.sleep(5)  # the signal lands mid-build, however loaded the machine\n"
        "    return advance\n"
        "try:\n"
        "    build_index(settings, local_model(settings), rebuild=True, progress=progress,\n"
        "                force_publish=True)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', sum(done), flush=True)\n"
        "    sys.exit(130)\n"
        "print('finished', flush=True)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "embedding"
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    word, embedded = process.stdout.readline().split()
    assert word == "interrupted" and int(embedded) < len(before.store)
    after = load_current(settings.index_dir)
    assert after.folder == before.folder and len(after.store) == len(before.store)
    assert not list(settings.index_dir.glob(".build-*"))
