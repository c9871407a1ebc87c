#!/usr/bin/env python3
"""Fits StrategyChoice's logistic regression (whole body vs selection) on WCXB dev's tuning half and prints its constants.

Usage:
  dotnet run -c Release --project bench/CurationPipeline.Benchmarks -- extraction-choice choice.tsv
  scripts/fit-extraction-choice.py choice.tsv

The tuning half is Python's random.Random(18).sample(sorted(ids), 678) over the pages that have a reference; the other half
is held out and only reported. The fit is deterministic: standardized features, zero start, full-batch gradient descent
(fixed steps and rate), L2 0.01, each page weighted by how much the choice matters to it (|F1 whole body - F1 selection|).
The printed weights are on the raw features (standardization folded in), as StrategyChoice computes them. The report gives
each half's F1 as extracted now, with the model alone, with StrategyChoice's decision (the share/confidence rule, or the model
above MARGIN where the text outside the selection is under REST_LINKS link text), and with a per-page oracle.
"""
import csv
import math
import random
import sys

URL_KINDS = ["Product", "Forum", "Listing", "Documentation", "Article"]
STEPS, RATE, L2 = 800, 0.5, 0.01
MARGIN, REST_LINKS = 0.5, 0.5


def features(row):
    """The model's inputs, in StrategyChoice's order; must match StrategyChoice.Features."""
    x = [
        float(row["article"]),
        float(row["product"]),
        float(row["share"]),
        float(row["confidence"]),
        math.log10(1 + float(row["selected_chars"])),
        math.log10(1 + float(row["page_chars"])),
        float(row["link_density"]),
        float(row["rest_link_density"]),
        float(row["rest_good_share"]),
        min(20.0, float(row["rest_sentence_ends"])),
    ]
    return x + [1.0 if row["url_kind"] == kind else 0.0 for kind in URL_KINDS]


NAMES = ["Article", "Product", "Share", "Confidence", "LogSelectedChars", "LogPageChars", "PageLinkDensity",
         "RestLinkDensity", "RestGoodShare", "RestSentenceEnds"] + ["Url" + kind for kind in URL_KINDS]


def fit(pages):
    n = len(NAMES)
    mean = [sum(p["x"][i] for p in pages) / len(pages) for i in range(n)]
    sd = [math.sqrt(sum((p["x"][i] - mean[i]) ** 2 for p in pages) / len(pages)) or 1.0 for i in range(n)]
    data = [([(p["x"][i] - mean[i]) / sd[i] for i in range(n)], 1.0 if p["whole"] > p["sel"] else 0.0, abs(p["whole"] - p["sel"]))
            for p in pages]
    total = sum(d[2] for d in data)
    w, b = [0.0] * n, 0.0
    for _ in range(STEPS):
        gw, gb = [0.0] * n, 0.0
        for x, y, weight in data:
            z = b + sum(w[i] * x[i] for i in range(n))
            e = (1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - y) * weight
            for i in range(n):
                gw[i] += e * x[i]
            gb += e
        w = [w[i] - RATE * (gw[i] / total + L2 * w[i]) for i in range(n)]
        b -= RATE * gb / total
    raw = [w[i] / sd[i] for i in range(n)]
    return raw, b - sum(raw[i] * mean[i] for i in range(n))


def main(path):
    pages = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    tuning = set(random.Random(18).sample(sorted(p["id"] for p in pages), 678))
    for p in pages:
        p["x"] = features(p)
        p["sel"], p["whole"], p["now"] = float(p["f1_selection"]), float(p["f1_whole_body"]), float(p["f1_result"])
    weights, bias = fit([p for p in pages if p["id"] in tuning])

    def score(p):
        return bias + sum(wi * xi for wi, xi in zip(weights, p["x"]))

    def rule(p):
        share, confidence, article = float(p["share"]), float(p["confidence"]), p["article"] == "1"
        return (share < (0.2 if article else 0.65) and confidence < 0.6) or (not article and share < 0.1)

    def decided(p):
        whole = rule(p) or (float(p["rest_link_density"]) < REST_LINKS and score(p) > MARGIN)
        return p["whole"] if whole else p["sel"]

    for name, half in (("tuning", [p for p in pages if p["id"] in tuning]), ("held-out", [p for p in pages if p["id"] not in tuning])):
        print(f"{name}: {len(half)} pages, F1 as extracted {sum(p['now'] for p in half) / len(half):.4f}, "
              f"model alone {sum(p['whole'] if score(p) > 0 else p['sel'] for p in half) / len(half):.4f}, "
              f"rule + model {sum(decided(p) for p in half) / len(half):.4f}, "
              f"oracle {sum(max(p['sel'], p['whole']) for p in half) / len(half):.4f}")
    print(f"private const double Bias = {bias:.4f};")
    for name, weight in zip(NAMES, weights):
        print(f"private const double {name} = {weight:.4f};")


if __name__ == "__main__":
    main(sys.argv[1])
