"""A plain torch T5 (v1.0 and v1.1) as an encoder and a one-token decoder step, for export."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor, nn


@dataclass(frozen=True)
class T5Shape:
    """The hyperparameters the export needs, read from a transformers T5 config."""

    vocab: int
    d_model: int
    heads: int
    d_kv: int
    encoder_layers: int
    decoder_layers: int
    buckets: int
    max_distance: int
    eps: float
    act: str
    gated: bool
    scale_logits: bool  # original T5 ties the LM head to the embeddings and rescales

    @classmethod
    def from_config(cls, config: Any) -> T5Shape:
        """Shape of a `T5Config` (transformers 5 records the rescale as scale_decoder_outputs)."""
        scale = getattr(config, "scale_decoder_outputs", None)
        if scale is None:
            scale = bool(getattr(config, "tie_word_embeddings", True))
        return cls(
            vocab=config.vocab_size, d_model=config.d_model, heads=config.num_heads,
            d_kv=config.d_kv, encoder_layers=config.num_layers,
            decoder_layers=config.num_decoder_layers,
            buckets=config.relative_attention_num_buckets,
            max_distance=config.relative_attention_max_distance,
            eps=config.layer_norm_epsilon, act=config.dense_act_fn,
            gated=bool(config.is_gated_act), scale_logits=bool(scale),
        )


def bucket_table(shape: T5Shape, bidirectional: bool) -> Tensor:
    """Bucket of every clamped relative position -D..D (T5's buckets saturate at D)."""
    limit = shape.max_distance
    relative = torch.arange(-limit, limit + 1, dtype=torch.long)
    buckets = shape.buckets
    result = torch.zeros_like(relative)
    if bidirectional:
        buckets //= 2
        result += (relative > 0).long() * buckets
        distance = relative.abs()
    else:
        distance = (-relative).clamp(min=0)
    exact = buckets // 2
    ratio = torch.log(distance.float().clamp(min=1) / exact) / math.log(limit / exact)
    large = exact + (ratio * (buckets - exact)).long()
    large = large.clamp(max=buckets - 1)
    return result + torch.where(distance < exact, distance, large)


def _rms(x: Tensor, weight: Tensor, eps: float) -> Tensor:
    """T5LayerNorm: scale only, no mean subtraction, no bias."""
    return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def _act(x: Tensor, name: str) -> Tensor:
    """The feed-forward activations T5 checkpoints use."""
    if name == "relu":
        return torch.relu(x)
    if name in ("gelu_new", "gelu_pytorch_tanh"):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))
    if name == "gelu":
        return nn.functional.gelu(x)
    raise ValueError(f"unsupported T5 activation {name!r}")


class _Blocks(nn.Module):
    """Weights of one stack, looked up by their transformers names."""

    def __init__(self, shape: T5Shape, weights: dict[str, Tensor], prefix: str) -> None:
        super().__init__()
        self.shape = shape
        mine = {k[len(prefix):]: v for k, v in weights.items() if k.startswith(prefix)}
        # One wide MatMul instead of three (or two): the int8 kernels quantize the shared
        # input once and run a larger, more efficient product.
        for name in [k for k in mine if k.endswith("SelfAttention.q.weight")]:
            stem = name[: -len("q.weight")]
            mine[stem + "qkv"] = torch.cat([mine[stem + n + ".weight"] for n in "qkv"])
        for name in [k for k in mine if k.endswith("DenseReluDense.wi_0.weight")]:
            stem = name[: -len("wi_0.weight")]
            mine[stem + "wi_both"] = torch.cat([mine[name], mine[stem + "wi_1.weight"]])
        self.w = nn.ParameterDict(
            {k.replace(".", "_"): nn.Parameter(v, requires_grad=False) for k, v in mine.items()}
        )

    def p(self, name: str) -> Tensor:
        """A weight of this stack, named as in the checkpoint after the stack prefix."""
        return self.w[name.replace(".", "_")]

    def heads(self, x: Tensor) -> Tensor:
        """(B, T, H*d) to (B, H, T, d)."""
        return x.view(x.shape[0], x.shape[1], self.shape.heads, self.shape.d_kv).transpose(1, 2)

    def qkv(self, h: Tensor, layer: str) -> tuple[Tensor, Tensor, Tensor]:
        """Self-attention projections of one layer, split into heads."""
        q, k, v = nn.functional.linear(h, self.p(f"{layer}.SelfAttention.qkv")).chunk(3, dim=-1)
        return self.heads(q), self.heads(k), self.heads(v)

    def attend(self, q: Tensor, kt: Tensor, v: Tensor, bias: Tensor, out: Tensor) -> Tensor:
        """Unscaled dot-product attention over keys given transposed, (B, H, d, T)."""
        scores = torch.matmul(q, kt) + bias
        ctx = torch.matmul(torch.softmax(scores, dim=-1), v)
        ctx = ctx.transpose(1, 2).reshape(ctx.shape[0], -1, self.shape.heads * self.shape.d_kv)
        return nn.functional.linear(ctx, out)

    def ffn(self, x: Tensor, layer: str) -> Tensor:
        """Feed-forward sublayer with its residual."""
        h = _rms(x, self.p(f"{layer}.layer_norm.weight"), self.shape.eps)
        if self.shape.gated:
            both = nn.functional.linear(h, self.p(f"{layer}.DenseReluDense.wi_both"))
            gate, linear = both.chunk(2, dim=-1)
            h = _act(gate, self.shape.act) * linear
        else:
            h = _act(nn.functional.linear(h, self.p(f"{layer}.DenseReluDense.wi.weight")),
                     self.shape.act)
        return x + nn.functional.linear(h, self.p(f"{layer}.DenseReluDense.wo.weight"))


def _mask_bias(mask: Tensor) -> Tensor:
    """(B, T) 1/0 mask to an additive (B, 1, 1, T) bias."""
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


class T5Encoder(_Blocks):
    """input_ids, attention_mask -> every decoder layer's cross-attention K and V."""

    table: Tensor

    def __init__(self, shape: T5Shape, weights: dict[str, Tensor]) -> None:
        super().__init__(shape, weights, "encoder.")
        self.embed = nn.Parameter(weights["shared.weight"], requires_grad=False)
        self.register_buffer("table", bucket_table(shape, True), persistent=False)
        self.cross = nn.ParameterDict(
            {k.replace(".", "_"): nn.Parameter(v, requires_grad=False) for k, v in weights.items()
             if k.startswith("decoder.") and k.endswith(("EncDecAttention.k.weight",
                                                         "EncDecAttention.v.weight"))}
        )

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, ...]:
        """Cross K and V per decoder layer, (B, H, T, d) each, in layer order K0, V0, K1..."""
        x = nn.functional.embedding(input_ids, self.embed)
        length = input_ids.shape[1]
        pos = torch.arange(length, device=input_ids.device)
        limit = self.shape.max_distance
        relative = (pos[None, :] - pos[:, None]).clamp(-limit, limit) + limit
        bias = nn.functional.embedding(self.table[relative],
                                       self.p("block.0.layer.0.SelfAttention.relative_attention_bias.weight"))
        bias = bias.permute(2, 0, 1)[None] + _mask_bias(attention_mask)
        for i in range(self.shape.encoder_layers):
            a = f"block.{i}.layer.0"
            h = _rms(x, self.p(f"{a}.layer_norm.weight"), self.shape.eps)
            q, k, v = self.qkv(h, a)
            x = x + self.attend(q, k.transpose(-1, -2), v, bias,
                                self.p(f"{a}.SelfAttention.o.weight"))
            x = self.ffn(x, f"block.{i}.layer.1")
        x = _rms(x, self.p("final_layer_norm.weight"), self.shape.eps)
        out: list[Tensor] = []
        for i in range(self.shape.decoder_layers):
            for n in "kv":
                w = self.cross[f"decoder_block_{i}_layer_1_EncDecAttention_{n}_weight"]
                projected = self.heads(nn.functional.linear(x, w))
                # K leaves transposed, (B, H, d, T): every decoder step then reads it in order.
                out.append(projected.transpose(-1, -2) if n == "k" else projected)
        return tuple(out)


class T5DecoderStep(_Blocks):
    """One new token per row: logits and each layer's self-attention K/V grown by one."""

    table: Tensor

    def __init__(self, shape: T5Shape, weights: dict[str, Tensor]) -> None:
        super().__init__(shape, weights, "decoder.")
        self.embed = nn.Parameter(weights["shared.weight"], requires_grad=False)
        head = weights.get("lm_head.weight", weights["shared.weight"])
        if shape.scale_logits:
            head = head * shape.d_model**-0.5  # folded into the weights: one multiply fewer
        self.head = nn.Parameter(head, requires_grad=False)
        self.register_buffer("table", bucket_table(shape, False), persistent=False)

    def cross_attend(self, q: Tensor, kt: Tensor, v: Tensor, bias: Tensor, out: Tensor) -> Tensor:
        """Rows are inputs x beams; cross K/V are per input: a beam's query is one more position."""
        rows, batch = q.shape[0], kt.shape[0]
        heads, d_kv = self.shape.heads, self.shape.d_kv
        q = q.reshape(batch, -1, heads, d_kv).transpose(1, 2)  # (inputs, H, beams, d)
        scores = torch.matmul(q, kt) + bias
        ctx = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        return nn.functional.linear(ctx.reshape(rows, 1, heads * d_kv), out)

    def forward(
        self, input_ids: Tensor, encoder_mask: Tensor, *caches: Tensor
    ) -> tuple[Tensor, ...]:
        """caches: cross K0, V0, K1, V1... then past K0, V0...; returns logits and presents."""
        layers = self.shape.decoder_layers
        cross, past = caches[: 2 * layers], caches[2 * layers :]
        x = nn.functional.embedding(input_ids, self.embed)
        position = past[0].shape[2]
        limit = self.shape.max_distance
        keys = torch.arange(position + 1, device=input_ids.device)
        relative = (keys - position).clamp(-limit, limit) + limit
        bias = nn.functional.embedding(self.table[relative],
                                       self.p("block.0.layer.0.SelfAttention.relative_attention_bias.weight"))
        bias = bias.transpose(0, 1)[None, :, None, :]
        cross_bias = _mask_bias(encoder_mask)
        presents: list[Tensor] = []
        for i in range(layers):
            a = f"block.{i}.layer.0"
            h = _rms(x, self.p(f"{a}.layer_norm.weight"), self.shape.eps)
            q, k, v = self.qkv(h, a)
            k = torch.cat([past[2 * i], k], dim=2)
            v = torch.cat([past[2 * i + 1], v], dim=2)
            presents += [k, v]
            x = x + self.attend(q, k.transpose(-1, -2), v, bias,
                                self.p(f"{a}.SelfAttention.o.weight"))
            c = f"block.{i}.layer.1"
            h = _rms(x, self.p(f"{c}.layer_norm.weight"), self.shape.eps)
            q = nn.functional.linear(h, self.p(f"{c}.EncDecAttention.q.weight"))
            x = x + self.cross_attend(q, cross[2 * i], cross[2 * i + 1], cross_bias,
                                      self.p(f"{c}.EncDecAttention.o.weight"))
            x = self.ffn(x, f"block.{i}.layer.2")
        x = _rms(x, self.p("final_layer_norm.weight"), self.shape.eps)
        logits = nn.functional.linear(x[:, 0, :], self.head)
        return (logits, *presents)
