"""Readings of the words after a title (round 18, precision).

- ``addressed_office``: "Madame la Juge", "M. le Principal", "Monsieur le Médecin-Conseil" are
  offices, no names (10 over-masked spans across every set, no gold name in that form).
- ``surname_by_document``: "Mme Kowalczyk Ewa", two name words after a title, put in the order
  the document confirms elsewhere ("KOWALCZYK", "Mme Kowalczyk"): 46 titled pairs had such
  evidence against their reading, 43 were read wrong.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.name_scan import NameWord
from avec.privacy.detection.text import fold_key, substring_starts

# Offices addressed with a title and an article: "Monsieur le Directeur", "Madame la Présidente".
ROLE_NOUN = re.compile(
    r"(?:directeur|directrice|president|presidente|maire|juge|procureur|procureure|prefet|prefete|"
    r"ministre|doyen|doyenne|chef|medecin|docteur|professeur|responsable|conseiller|conseillere|"
    r"depute|deputee|senateur|senatrice|commissaire|inspecteur|inspectrice|administrateur|"
    r"administratrice|delegue|deleguee|secretaire|tresorier|tresoriere|cadre|superieur|superieure|"
    r"bailleur|notaire|greffier|greffiere|defenseur|mediateur|mediatrice|vice-president|vice-presidente)"
)


def addressed_office(lex: Lexicons, words: list[NameWord]) -> bool:
    """ "Madame la Juge", "M. le Principal", "Monsieur le Médecin-Conseil": after a title, a
    lower-case article then a capitalised office, never a surname. A surname's article is written
    with a capital ("Mme Le Goff"); across every set, the 31 gold surnames opening on a lower-case
    "le"/"la" are all in lower-case notes ("mme le goff"), while the 10 titles followed by "le"/"la"
    and a capitalised ordinary word are offices, none marked."""
    if len(words) < 2 or words[0].kind != "particle" or words[0].text not in ("le", "la", "l'", "l’"):
        return False
    head = words[1]
    if head.kind != "word" or not head.text[:1].isupper() or head.text.isupper():
        return False
    key = fold_key(head.text)
    if ROLE_NOUN.fullmatch(key) or ROLE_NOUN.fullmatch(key.split("-")[0]):
        return True
    return lex.is_common(head.text)


# A title then one name word, no capitalised word after it: "Mme Kowalczyk." "M. Kowalczyk a appelé"
# (the title, the blanks, the word, then what may follow it; found from each place the word stands
# rather than by a pattern compiled for each word, 0.5 % of the detection time).
_TITLES = ("M.", "Mme", "Mr", "Dr", "Madame", "Monsieur", "Docteur")
_WORD_CHARACTER = re.compile(r"\w")
_WORD_CHARACTER_OR_HYPHEN = re.compile(r"[\w-]")
_LONE_END = re.compile(r"\b(?![ \t]+[A-ZÀ-ÖØ-Þ])")


def _after_title(text: str, start: int) -> bool:
    """A title (not after a word character) then blanks end at ``start``."""
    blanks = start
    while blanks > 0 and text[blanks - 1] in " \t":
        blanks -= 1
    if blanks == start:
        return False
    for title in _TITLES:
        begin = blanks - len(title)
        if begin >= 0 and text.startswith(title, begin) and (begin == 0 or not _WORD_CHARACTER.match(text, begin - 1)):
            return True
    return False


def _named_as_surname(text: str, word: str) -> bool:
    """The document writes ``word`` as a surname elsewhere: in capitals ("KOWALCZYK") or alone
    after a title ("Mme Kowalczyk")."""
    upper = word.upper()
    if upper != word:
        for i in substring_starts(text, upper):
            end = i + len(upper)
            if (i == 0 or not _WORD_CHARACTER_OR_HYPHEN.match(text, i - 1)) and not _WORD_CHARACTER_OR_HYPHEN.match(
                text, end
            ):
                return True
    return any(_after_title(text, i) and _LONE_END.match(text, i + len(word)) for i in substring_starts(text, word))


def surname_by_document(text: str, labelled: list[tuple[NameWord, str]]) -> list[tuple[NameWord, str]]:
    """ "Mme Kowalczyk Ewa": two unknown or ambiguous words after a title are read first name
    first; when the document writes the first word as a surname elsewhere ("KOWALCZYK", "Mme
    Kowalczyk") and never the second, the order is surname first (and the other way round, "Dr
    Mathieu Rose ... Dr Rose"). Across every set, 46 titled pairs had such evidence against
    their reading: 43 were read wrong, 3 right."""
    if len(labelled) != 2 or any(w.kind != "word" or w.text.isupper() or len(w.text) < 3 for w, _ in labelled):
        return labelled
    (w1, l1), (w2, l2) = labelled
    if {l1, l2} != {"PRENOM", "NOM"} or text[w1.end : w2.start] != " ":
        return labelled
    surname = w1 if l1 == "PRENOM" else w2  # the word the evidence would make the surname
    other = w2 if surname is w1 else w1
    if _named_as_surname(text, surname.text) and not _named_as_surname(text, other.text):
        return [(w1, l2), (w2, l1)]
    return labelled
