"""Train the leak guard's tone model (data/guard-model.json) from labelled sentences.

Reproducible: a fixed seed, a fixed order, plain Python. The training sentences are in
scripts/guard-data/*.tsv (label, kind, sentence); the corpus the tests measure
(tests/fixtures/leak_corpus.tsv) and the held-out set (tests/fixtures/leak_heldout.tsv) are
never trained on.

    .venv/bin/python scripts/train_guard.py            # writes data/guard-model.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actionplan.guard.model import features  # noqa: E402
from actionplan.guard.normalize import fold  # noqa: E402


def load(paths: list[Path]) -> list[tuple[str, int]]:
    rows: list[tuple[str, int]] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            label, _kind, sentence = line.split("\t", 2)
            rows.append((fold(sentence).text, 1 if label == "internal" else 0))
    return rows


def train(
    rows: list[tuple[str, int]], *, epochs: int, l2: float, rate: float, min_count: int, seed: int
) -> tuple[dict[str, float], float]:
    counts = Counter(f for text, _ in rows for f in set(features(text)))
    vocab = {f for f, n in counts.items() if n >= min_count}
    data = [([f for f in set(features(t)) if f in vocab], y) for t, y in rows]
    weights: dict[str, float] = dict.fromkeys(sorted(vocab), 0.0)
    grads: dict[str, float] = dict.fromkeys(weights, 1e-8)
    bias, bias_grad = 0.0, 1e-8
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, y in data:
            z = bias + sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            for f in feats:  # AdaGrad with L2 on the touched weights
                step = g + l2 * weights[f]
                grads[f] += step * step
                weights[f] -= rate * step / math.sqrt(grads[f])
            bias_grad += g * g
            bias -= rate * g / math.sqrt(bias_grad)
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= 0.01}, round(bias, 4)


def score(weights: dict[str, float], bias: float, text: str) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in set(features(text)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "guard-model.json")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--l2", type=float, default=0.002)
    parser.add_argument("--rate", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--max-fpr", type=float, default=0.0125, help="on the training clean half")
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    files = sorted((ROOT / "scripts" / "guard-data").glob("*.tsv"))
    rows = load(files)
    # The threshold is set on the conversational sentences; the file of plain item titles and
    # notes (titles.tsv) only teaches that topic words (switch, licence, renew) are neutral.
    hard = set(load([f for f in files if f.name != "titles.tsv"]))
    # The threshold comes from held-back folds, not from the sentences the weights saw.
    rng = random.Random(args.seed)
    order = list(range(len(rows)))
    rng.shuffle(order)
    folds = 5
    clean_scores: list[float] = []
    for k in range(folds):
        test = {order[i] for i in range(k, len(order), folds)}
        w, b = train(
            [r for i, r in enumerate(rows) if i not in test],
            epochs=args.epochs,
            l2=args.l2,
            rate=args.rate,
            min_count=args.min_count,
            seed=args.seed,
        )
        clean_scores += [
            score(w, b, rows[i][0]) for i in test if rows[i][1] == 0 and rows[i] in hard
        ]
    clean_scores.sort()
    threshold = clean_scores[
        min(len(clean_scores) - 1, int(len(clean_scores) * (1 - args.max_fpr)))
    ]
    weights, bias = train(
        rows,
        epochs=args.epochs,
        l2=args.l2,
        rate=args.rate,
        min_count=args.min_count,
        seed=args.seed,
    )
    model = {
        "about": "actionplan leak guard tone model: logistic regression over words and word "
        "pairs; made by scripts/train_guard.py",
        "sentences": len(rows),
        "threshold": round(max(threshold, 0.5), 4),
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} sentences, {len(weights)} weights, threshold {model['threshold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
