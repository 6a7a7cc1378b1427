"""A small learned check for tone: logistic regression over words and word pairs.

The rules catch what has a shape (ids, hosts, names) and the common phrasings of each kind
of slip; this catches the rest of the tone ("we're parking it indefinitely") from sentences
labelled by hand. It runs in pure Python from a JSON file of weights (``data/guard-model.json``,
made by ``scripts/train_guard.py``), is loaded on first use, and says which words made it fire.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import repeat

from actionplan.resources import data_dir

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[£$€%#@*!?]")


def features(text: str) -> list[str]:
    """The words and word pairs of folded, lower-cased text (numbers as one token)."""
    tokens = ["<n>" if t.isdecimal() else t for t in _WORD.findall(text.casefold())]
    pairs = list(map(" ".join, zip(["<s>", *tokens], [*tokens, "</s>"], strict=True)))
    return tokens + pairs


@dataclass(frozen=True, slots=True)
class Verdict:
    """The model's view of one sentence: how sure it is, and the words that weighed most."""

    score: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """Weights per feature, a bias, and the score above which a sentence is flagged."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def judge(self, text: str) -> Verdict:
        """Score one sentence; ``words`` are the features that pushed it up the most."""
        contributions = {}
        total = self.bias
        for f in set(features(text)):
            w = self.weights.get(f)
            if w is not None:
                total += w
                contributions[f] = w
        score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
        top = sorted(
            (f for f, w in contributions.items() if w > 0), key=lambda f: (-contributions[f], f)
        )
        return Verdict(score, tuple(top[:3]))

    def flags(self, text: str) -> Verdict | None:
        """The verdict, if the sentence should be flagged (the quick sum first: most are not)."""
        total = self.bias + sum(map(self.weights.get, set(features(text)), repeat(0.0)))
        if total < self.cut:
            return None
        return self.judge(text)

    @cached_property
    def cut(self) -> float:
        """The threshold as a sum of weights (the score is above it exactly when the sum is)."""
        t = min(max(self.threshold, 1e-12), 1 - 1e-12)
        return math.log(t / (1 - t)) - 1e-9


@cache
def load_model() -> Model | None:
    """The shipped model, or None when it is missing (the rules still run)."""
    path = data_dir() / "guard-model.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Model(
        weights={k: float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )
