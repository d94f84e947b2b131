"""Persons in ordinary prose (round 15): what a title or a defined acronym tells about a word.

- After a title, a lower-case function word ends the name: "Madame se montre attentive",
  "le docteur Nicolas ni aller", "Monsieur y retourne": a pronoun, a conjunction or an auxiliary
  written in lower case is never a surname (French stop words from spaCy's language data, the
  library list made for this, minus any word the name lexicons know).
- An acronym a document defines in brackets after its words ("Équipe de Liaison et de Soins en
  Addictologie (ELSA)", "Consultation Jeunes Consommateurs (CJC)") names that service everywhere
  in the document, never a person, even when it is also a first name ("Elsa"): it is treated like
  a protected term of the configuration for that document only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.name_scan import NameWord
from avec.privacy.detection.text import fold_key


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS  # language data only, no model loaded

    return frozenset(w for w in STOP_WORDS if len(w) >= 2 and "'" not in w and "’" not in w)


def is_function_word(lex: Lexicons, word: str) -> bool:
    """A lower-case French function word ("se", "ni", "lui") that no name lexicon knows."""
    if not word.islower() or word not in _function_words():
        return False
    return not (lex.is_surname(word) or lex.is_first_name(word))


def cut_at_function_word(lex: Lexicons, words: list[NameWord]) -> list[NameWord]:
    """The name run up to its first lower-case function word (particles before it dropped too)."""
    for i, w in enumerate(words):
        if w.kind in ("word", "lower") and is_function_word(lex, w.text):
            kept = words[:i]
            while kept and kept[-1].kind == "particle":
                kept.pop()
            return kept
    return words


# "(ELSA)", "(CJC)", "(CRIP)": an acronym of 3 to 7 capitals alone in brackets.
_BRACKETED_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{3,7})\)")
# Words that an acronym's letters skip: "de", "et", "en", "des", "la", "l'", "d'"...
_SKIPPED = {"de", "du", "des", "d", "et", "en", "la", "le", "les", "l", "a", "au", "aux", "pour", "sur", "par", "dans"}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def defined_acronyms(text: str, lex: Lexicons) -> frozenset[str]:
    """Folded acronyms the text defines in brackets right after the words they abbreviate.

    The letters must be the initials of the last content words before the bracket (function words
    skipped, a hyphenated word giving one letter per part or one for the whole), and those words
    must be no names (one at least an ordinary word), so a person's initials after the name
    ("Jean Martin (JMA)") never count.
    """
    if "(" not in text:
        return frozenset()
    found: set[str] = set()
    for m in _BRACKETED_ACRONYM.finditer(text):
        acr = m.group("acr")
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = [w.group(0) for w in _WORD.finditer(text, max(line_start, m.start() - 160), m.start())]
        if _spells(acr, words, lex):
            found.add(fold_key(acr))
    return frozenset(found)


def _spells(acr: str, words: list[str], lex: Lexicons) -> bool:
    """True when ``acr`` is the initials of the content words ending ``words``."""
    letters = fold_key(acr)
    i = len(letters)
    used: list[str] = []
    for w in reversed(words):
        if i == 0:
            break
        key = fold_key(w)
        if key in _SKIPPED:
            continue
        parts = [p for p in re.split(r"[-'’]", key) if p and p not in _SKIPPED]
        if not parts:
            continue
        if len(parts) > 1 and i >= len(parts) and letters[i - len(parts) : i] == "".join(p[0] for p in parts):
            i -= len(parts)
        elif letters[i - 1] == parts[0][0]:
            i -= 1
        else:
            return False
        used.append(w)
    if i != 0 or len(used) < 2:
        return False
    # no word of the expansion may be a name, and at least one must be an ordinary word
    if any(lex.is_first_name(w) or (lex.is_surname(w) and not lex.is_common(w.lower())) for w in used):
        return False
    return any(lex.is_common(w.lower()) for w in used)


# What follows a sign or a test named after a person: "Thomas est négatif", "Bernard est normal".
_RESULT_AFTER = re.compile(
    r"[ \t]*(?:n['’])?(?:pas[ \t]+)?(?:positi|n[ée]gati|normal|anormal|patholog|douteu|bilat[ée]ral|pr[ée]sent|absent|"
    r"aboli|vif|retrouv|[+±-]|[àa][ \t]+(?:droite|gauche))",
    re.IGNORECASE,
)


def eponym_first_name(lex: Lexicons, word: str, text: str, verb_end: int) -> bool:
    """A first name that also names a sign or a test ("Thomas", "Bernard", "Patrick"), opening a
    sentence before a verb of the narrative: the person, unless a test result follows the verb."""
    if not lex.is_first_name(word) or lex.is_country(word):
        return False
    return _RESULT_AFTER.match(text, verb_end) is None
