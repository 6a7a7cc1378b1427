"""The leak guard: finds what sounds internal in text about to reach a client, and says why."""

from actionplan.guard.rules import EXPLAIN, Context, Finding
from actionplan.guard.scan import fingerprint, scan, sentence_at, sentences

__all__ = ["EXPLAIN", "Context", "Finding", "fingerprint", "scan", "sentence_at", "sentences"]
