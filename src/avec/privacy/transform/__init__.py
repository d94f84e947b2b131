"""Transformation half of pseudonymization: spans -> surrogates (or placeholders), consistently.

``Pseudonymizer(mapping, mode=...)`` replaces the spans of one or several texts of a conversation and
extends its :class:`ConversationMapping`; :mod:`avec.privacy.restore` puts the originals back.
"""

from avec.privacy.transform.mapping import ConversationMapping, Person
from avec.privacy.transform.pseudonymizer import (
    MODES,
    Pseudonymizer,
    Replacement,
    TransformResult,
    clean_spans,
    new_mapping,
)

__all__ = [
    "MODES",
    "ConversationMapping",
    "Person",
    "Pseudonymizer",
    "Replacement",
    "TransformResult",
    "clean_spans",
    "new_mapping",
]
