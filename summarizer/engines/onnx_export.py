"""Export a transformers T5 checkpoint to two ONNX graphs (encoder, decoder step), int8 weights."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

from summarizer.engines.base import import_runtime
from summarizer.engines.ct2 import TOKENIZER_FILES
from summarizer.engines.locate import DECODER_FILE, ENCODER_FILE, is_onnx_dir
from summarizer.engines.sidecar import ONNX_META_FILE as META_FILE
from summarizer.engines.sidecar import read_sidecar, write_sidecar


def read_meta(path: Path) -> dict[str, Any]:
    """The JSON record written beside an export."""
    data = read_sidecar(path, META_FILE)
    if data is None:
        raise ValueError(f"{path / META_FILE} is missing or not a JSON object")
    return data


def _state_dict(src_dir: Path) -> dict[str, Any]:
    """The checkpoint's tensors by their transformers names (safetensors or pytorch_model.bin)."""
    import torch

    single, index = src_dir / "model.safetensors", src_dir / "model.safetensors.index.json"
    if single.is_file() or index.is_file():
        from safetensors.torch import load_file

        if single.is_file():
            return dict(load_file(str(single)))
        shards = set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values())
        weights: dict[str, Any] = {}
        for shard in sorted(shards):
            weights.update(load_file(str(src_dir / shard)))
        return weights
    return dict(torch.load(src_dir / "pytorch_model.bin", map_location="cpu", weights_only=True))


def _export_graphs(src_dir: Path, out: Path) -> dict[str, Any]:
    """Write fp32 encoder.onnx and decoder.onnx into `out`; return the metadata."""
    import torch
    from transformers import AutoConfig

    from summarizer.engines.onnx_t5 import T5DecoderStep, T5Encoder, T5Shape

    config = AutoConfig.from_pretrained(src_dir)
    if config.model_type not in ("t5", "mt5"):
        raise ValueError(f"the ONNX export handles T5-family models, not {config.model_type!r}")
    shape = T5Shape.from_config(config)
    weights = {k: v.float() for k, v in _state_dict(src_dir).items()}
    layers = shape.decoder_layers
    cross = [f"cross_{n}_{i}" for i in range(layers) for n in "kv"]
    # Cross K is stored transposed, (B, H, d, T); V as (B, H, T, d).
    cross_axes = {n: {0: "batch", 3 if n.startswith("cross_k") else 2: "length"} for n in cross}
    past = [f"past_{n}_{i}" for i in range(layers) for n in "kv"]
    present = [f"present_{n}_{i}" for i in range(layers) for n in "kv"]
    ids = torch.tensor([[5, 6, 7, 1], [8, 9, 1, 0]])
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python ints are expected here
        encoder = T5Encoder(shape, weights).eval()
        torch.onnx.export(
            encoder, (ids, mask), str(out / ENCODER_FILE), dynamo=False,
            input_names=["input_ids", "attention_mask"], output_names=cross,
            dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                          "attention_mask": {0: "batch", 1: "length"},
                          **cross_axes},
            opset_version=17,
        )
        cross_values = encoder(ids, mask)
        del encoder
        decoder = T5DecoderStep(shape, weights).eval()
        past_values = [torch.zeros(2, shape.heads, 3, shape.d_kv) for _ in past]
        torch.onnx.export(
            decoder, (ids[:, :1], mask, *cross_values, *past_values), str(out / DECODER_FILE),
            dynamo=False, input_names=["input_ids", "encoder_mask", *cross, *past],
            output_names=["logits", *present],
            dynamic_axes={"input_ids": {0: "rows"}, "encoder_mask": {0: "batch", 1: "length"},
                          "logits": {0: "rows"}, **cross_axes,
                          **{n: {0: "rows", 2: "past"} for n in past},
                          **{n: {0: "rows", 2: "total"} for n in present}},
            opset_version=17,
        )
    return {
        "model_type": config.model_type,
        "pad_id": config.pad_token_id,
        "eos_id": config.eos_token_id,
        "decoder_start_id": config.decoder_start_token_id,
        "vocab": shape.vocab,
        "decoder_layers": layers,
        "heads": shape.heads,
        "d_kv": shape.d_kv,
    }


def weight_format(cpu_flags: set[str] | None = None) -> str:
    """`int8` where the CPU has VNNI, else `uint8`: what int8 weights may safely be here."""
    if cpu_flags is None:
        try:
            cpu_flags = set(Path("/proc/cpuinfo").read_text(encoding="utf-8").split())
        except OSError:
            cpu_flags = set()
    # Without VNNI, x86 multiplies u8 activations by s8 weights with vpmaddubsw, whose 16-bit
    # pair sums saturate on large values; u8 weights take a path that cannot saturate.
    return "int8" if cpu_flags & {"avx512_vnni", "avx_vnni", "amx_int8"} else "uint8"


def _quantize(src: Path, dest: Path, weights: str) -> None:
    """8-bit weights, one scale per output channel, for every MatMul against a constant."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantizer logs advice meant for image models (shape pre-processing) on the root
    # logger; it says nothing about this export, so the user of `model convert` never sees it.
    hint = _DropLine("pre-processing before quantization")
    logging.getLogger().addFilter(hint)
    try:
        quantize_dynamic(
            str(src), str(dest),
            weight_type=QuantType.QInt8 if weights == "int8" else QuantType.QUInt8,
            per_channel=True, reduce_range=False,
            op_types_to_quantize=["MatMul"], extra_options={"MatMulConstBOnly": True},
        )
    finally:
        logging.getLogger().removeFilter(hint)


class _DropLine(logging.Filter):
    """Drops log records whose message contains one phrase."""

    def __init__(self, phrase: str) -> None:
        super().__init__()
        self.phrase = phrase

    def filter(self, record: logging.LogRecord) -> bool:
        return self.phrase not in record.getMessage()


def export(src_dir: Path, dest: Path, source_id: str, quantization: str = "int8",
           force: bool = False) -> Path:
    """Export a T5-family transformers directory into a self-contained ONNX copy in `dest`."""
    for module in ("onnx", "onnxruntime"):
        import_runtime(module, "ONNX Runtime")
    if quantization not in ("int8", "float32"):
        raise ValueError(f"quantization must be int8 or float32, not {quantization!r}")
    if dest.exists() and any(dest.iterdir()):
        if not force:
            raise FileExistsError(f"{dest} already exists; use force to replace it")
        if not is_onnx_dir(dest):
            raise ValueError(f"{dest} is not an ONNX export; refusing to replace it")
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tomtat-onnx-") as tmp:
        work = Path(tmp)
        meta = _export_graphs(src_dir, work)
        weights = weight_format() if quantization == "int8" else "float32"
        for name in (ENCODER_FILE, DECODER_FILE):
            if quantization == "int8":
                _quantize(work / name, dest / name, weights)
            else:
                shutil.move(str(work / name), dest / name)
    for name in TOKENIZER_FILES:
        if (src_dir / name).is_file():
            shutil.copy2(src_dir / name, dest / name)
    meta |= {"source": source_id, "quantization": quantization, "weights": weights}
    write_sidecar(dest, META_FILE, meta)
    return dest
