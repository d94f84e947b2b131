"""Centres, networks and houses named by their specialty and then by a place or a person:
"Centre régional du psychotraumatisme Auvergne", "Centre caribéen de la drépanocytose Paul Dorval",
"CENTRE DE MÉDECINE PHYSIQUE ET DE RÉADAPTATION DE KERBIHAN", "Maison des Parents de Vannes",
"Réseau Périnat Occitanie", "Espace Périnatal des Canuts", "Laboratoire d'anatomie pathologique Cyrnos".

The keyword (Centre, Espace, Maison, Réseau, capitalised) is followed, on the same line, by the
specialty (words joined by "de", "du", "des", "et") and ends with a proper name: a commune, an
area, a saint's name or a capitalised word that no dictionary holds. The span runs from the
keyword to the end of that name (``HOPITAL``, conventions of docs/privacy-detection.md). A
specialty without a name ("Centre de référence des troubles du langage") is left alone, and so
are names that are medical words or eponyms ("Centre mémoire Alzheimer"). No offline package lists
these centres, hence the hand-written grammar.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.place_patterns import is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

# (round 18: labs and practices too, "Laboratoire d'anatomie pathologique Cyrnos", "Cabinet de pathologie
# Mosellan": 7 such gold spans of 7 writers were missed)
_KIND = re.compile(
    r"(?<![\w'’-])(?:Centre|CENTRE|Espace|ESPACE|Maison|MAISON|R[ée]seau|R[ÉE]SEAU|Laboratoire|"
    r"Cabinet)(?=[ \t])"
)
_WORD = re.compile(r"[ \t]*([\w'’-]+)")
_LINKS = frozenset(words_of("de du des d la l le les et en pour contre sur sans avec au aux par"))
# Words after which the name is another body's ("Centre de référence de l'Hôpital X"): stop there.
_BODIES = frozenset(words_of("hopital hopitaux chu ch chru clinique ehpad institut groupe"))
_STREET_WORDS = frozenset(words_of("rue avenue boulevard bd place allee chemin route impasse quai cours square"))


def _proper(ctx: DetectionContext, word: str, last: bool) -> bool:
    """A word that names: a place, a saint, or a capitalised word no dictionary holds.

    In capitals the word lists miss unaccented words ("MEDECINE"): such a word names only when it
    ends the phrase ("CENTRE D'ECHOGRAPHIE KERLIVIO").
    """
    if not word[:1].isupper() or is_protected_word(word) or is_eponym(word) or any(c.isdigit() for c in word):
        return False
    if fold_key(word).startswith(("saint-", "sainte-")):
        return True
    lex = ctx.lexicons
    if is_area_name(word) or is_area_name(word.split("-")[0]):
        return True
    if known_commune(lex, word) and not (word.isupper() and lex.is_common(word.lower())):
        return True  # "de Vannes" (a commune, also a plural noun); in capitals "PLAN" stays a word
    if word.isupper() and not last:
        return False
    return not lex.is_common(word.lower()) and not lex.is_common(fold_key(word))


def specialty_centre_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for a centre named by its specialty and a proper name."""
    text = ctx.text
    out: list[Span] = []
    for m in prefixed_finditer(_KIND, text, ctx.folded):
        pos, linked, name_end = m.end(), False, -1
        for _ in range(9):
            w = _WORD.match(text, pos)
            if w is None:
                break
            pos = w.end()
            word = w.group(1)
            key = fold_key(word).strip("'’")
            if key[:2] in ("d'", "l'", "d’", "l’") and len(key) > 2:
                linked, word, key = True, word[2:], key[2:]  # "d'Échographie", "l'Obésité"
            if key in FACILITY_STOP or key in _BODIES or key == "val":
                break
            if not any(c.isalpha() for c in word) or any(c.isdigit() for c in word) or key in _STREET_WORDS:
                break  # "Cabinet de kinésithérapie - Grégoire X", "Cabinet médical 1 place du X" (round 18)
            if key in _LINKS:
                linked = True
                continue
            last = _WORD.match(text, pos) is None
            if linked and _proper(ctx, word, last):
                name_end = w.end(1)
            elif name_end > 0:
                break  # the name is over ("Maison des Parents de Vannes la première semaine")
        if name_end > 0:
            out.append(Span(m.start(), name_end, "HOPITAL", 0.75, "facility"))
    return out
