#!/usr/bin/env python3
"""PyTorch-eager reference for `curate train --benchmark`: the same GPT (pre-LN, causal SDPA, GELU MLP, tied embeddings,
bias-free linears, vocab padded to 64) and the same step (fwd + bwd + clip 1.0 + AdamW with two groups) on random tokens.

Usage: python3 gpt_eager.py PRESET [STEPS] [MICRO_BATCH] [THREADS]   (PRESET: tiny | d512). Prints tokens/s, peak and MFU.
Runs on Debian's python3-torch (1.13); scaled_dot_product_attention exists from 2.0 on, so older builds use masked softmax.
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {"tiny": (64, 2, 4, 64), "d512": (512, 8, 8, 256)}  # d, layers, heads, context


class Block(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.c_attn, self.c_proj = nn.Linear(d, 3 * d, bias=False), nn.Linear(d, d, bias=False)
        self.mlp_fc, self.mlp_proj = nn.Linear(d, 4 * d, bias=False), nn.Linear(4 * d, d, bias=False)

    def attention(self, x):
        b, t, c = x.shape
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2) for z in self.c_attn(x).split(c, dim=2))
        if hasattr(F, "scaled_dot_product_attention"):
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            att = (q @ k.transpose(-2, -1)) / math.sqrt(k.size(-1))
            att = att.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf")).softmax(dim=-1)
            y = att @ v
        return self.c_proj(y.transpose(1, 2).contiguous().view(b, t, c))

    def forward(self, x):
        x = x + self.attention(self.ln_1(x))
        return x + self.mlp_proj(F.gelu(self.mlp_fc(self.ln_2(x))))


class Gpt(nn.Module):
    def __init__(self, vocab, d, layers, heads, context):
        super().__init__()
        self.wte, self.wpe = nn.Embedding((vocab + 63) // 64 * 64, d), nn.Embedding(context, d)
        self.h = nn.ModuleList(Block(d, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(d)

    def forward(self, idx):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        for block in self.h:
            x = block(x)
        return F.linear(self.ln_f(x), self.wte.weight)


def main():
    preset = sys.argv[1]
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
    d, layers, heads, context = PRESETS[preset]
    vocab = 50257
    a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
    a @ b
    start = time.perf_counter()
    for _ in range(5):
        a @ b
    peak = 2 * 2048 ** 3 * 5 / (time.perf_counter() - start)
    torch.manual_seed(1)
    model = Gpt(vocab, d, layers, heads, context)
    params = list(model.parameters())
    opt = torch.optim.AdamW([{"params": [p for p in params if p.dim() >= 2], "weight_decay": 0.1},
                             {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0}], lr=6e-4, betas=(0.9, 0.95))
    n = sum(p.numel() for p in params)
    flops_per_token = 6 * n + 12 * layers * d * context
    timed = 0.0
    for step in range(steps + 2):
        data = torch.randint(0, vocab, (batch, context + 1))
        start = time.perf_counter()
        logits = model(data[:, :-1])
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), data[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        if step >= 2:
            timed += time.perf_counter() - start
    tps = steps * batch * context / timed
    print(f"pytorch {torch.__version__} eager {preset}: params={n} | {tps:.0f} tok/s | peak fp32 matmul {peak / 1e9:.1f} GFLOP/s "
          f"| MFU {100 * tps * flops_per_token / peak:.1f} %")


if __name__ == "__main__":
    main()
