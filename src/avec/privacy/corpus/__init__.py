"""Generator of realistic annotated French documents (gold spans) for development and tests.

``python -m avec.privacy.corpus --n 500 --seed 1 --out corpus.jsonl``
"""

from avec.privacy.corpus.generator import generate, generate_document

__all__ = ["generate", "generate_document"]
