"""Words that OCR broke by one or two stray spaces, joined again on a copy of a scanned text.

Family: a scanned or faxed page read by OCR breaks some words at random places, by ONE space,
the same width as the gap between words: "Dr Ga rcin", "M. CAST EL LI Rob ert", "Mme Mir e ille",
"5 1 1 0 0 R E IMS", "7 janv ier", "Dr Ol ivia PETITJ EAN". ``letter_spacing`` joins words spelled
letter by letter; these partial breaks need the lexicons to tell a fragment from a word.

Safe because (1) it runs only on a text that shows OCR damage (letter-spaced words, OCR letters for
digits, digits spaced one by one, or a scan/OCR mark in its head and two broken words; "Fax :" in a
typed letterhead is no such mark), and (2) a join needs evidence in the pieces themselves:
- anywhere in such a text, pieces join when the joined form is a known first name, surname,
  commune or French word and at least one piece is a fragment (no French word, no known name, no
  medical acronym) or a single letter ("Rou x", "C é line"); case must be that of one word
  ("Ol ivia", "PETITJ EAN", "B OISSEUIL", never "Jean Martin" or "IRM à"); a function word ("de",
  "la", "le", "en", "à", "et") joins only to a fragment of three letters or more into a NAME, in
  capitals ("MARSEIL LE", "LY ON") or as the capitalised first piece ("Je annine"), never into a
  common word ("socia le", "om et"); an article split in its two letters joins ("D U", "L e");
  the last piece is never an initial or abbreviation before its full stop ("DUPONT R.", "EP.");
- in a name slot (after a title or "Patient :", up to four words), a capitalised fragment of one or
  two letters or an unknown one joins the lower-case fragment after it ("Dr Ga rcin", "Dr Qu
  elven"; not "Dr Wu a", "Dr Li dit": a word after a short name stays), fragments and single letters
  in capitals join ("BOUR A OUI", "H U ART"; never a first name, "DUPONT JEAN"), and two words join
  when together they are a known name ("Ber nard").
Two ordinary words are never joined ("il y a", "à la", "de la", "en charge", "à voir").
Every removed space is mapped back (the caller composes the offset map), so what is masked is
exactly what was written. Hand-written: OCR post-correction libraries keep no character map.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_eponym, is_protected_word
from avec.privacy.detection.ocr_number_breaks import number_joins
from avec.privacy.detection.text import fold_key

# French function words: never a fragment, joined only into names (see the module docstring).
_FUNCTION_WORDS = frozenset(
    {
        "a", "à", "au", "aux", "ce", "ces", "de", "des", "du", "en", "et", "il", "ils", "elle", "elles", "je",
        "la", "le", "les", "leur", "lui", "ma", "me", "mes", "mon", "ne", "ni", "nous", "on", "ou", "où", "par",
        "pas", "pour", "que", "qui", "sa", "se", "si", "son", "sur", "ta", "te", "tu", "un", "une", "vous", "y",
        "est", "sont", "ont", "ses", "dans", "avec", "mais", "donc", "car", "ep", "epse", "vve", "nee",
    }
)  # fmt: skip
# Elided function words before an apostrophe: "n'est", "l'a", "qu'il".
_ELIDED = frozenset(["c", "d", "j", "l", "m", "n", "qu", "s", "t"])
# Articles OCR split into their two letters ("D U", "L e").
_SPLIT_ARTICLES = frozenset({"du", "de", "le", "la", "les"})
# One-letter words: a piece of one letter that is such a word joins only inside capitals.
_ONE_LETTER_WORDS = frozenset("aàyoô")
# A title or a patient field opening a name slot.
_SLOT = re.compile(
    r"(?<![^\W_])(?:Dr|DR|Pr|PR|Docteur|DOCTEUR|M\.|Mme|MME|Mlle|Mr|MR|Madame|MADAME|Monsieur|MONSIEUR)\.?[ \t]+"
    r"|(?<![^\W_])(?:PATIENT|Patient|NOM|Nom|PRÉNOM|PRENOM|Prénom)(?:\(E\)|\(e\))?[ \t]*:[ \t]*"
)
# Marks of a scanned page, for a text that shows no other OCR damage.
# Not "fax": a typed letter's header has one ("Fax : 01 ...").
_SCAN_WORDS = ("ocr", "numéris", "numeris", "scann", "télécop", "telecop")
# Digits spaced one by one (four or more: a phone, a postal code, a year) or a date part broken.
_SPACED_DIGITS = re.compile(r"\d(?<![\w,.]\d)(?: \d \d \d(?![\w,])| \d/\d)|\d/\d \d(?![\w,])")
_MAX_PIECES = 4


class _Words:
    """What each piece is, asked of the lexicons once per word."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.memo: dict[str, int] = {}

    # kinds: 0 fragment, 1 function word, 2 known word or name, 3 single letter, 4 acronym in capitals
    def kind(self, word: str) -> int:
        found = self.memo.get(word)
        if found is None:
            found = self.memo[word] = self._kind(word)
        return found

    def _kind(self, word: str) -> int:
        low = word.lower()
        if low in _FUNCTION_WORDS:
            return 1
        if len(word) == 1:
            return 3
        if len(word) > 1 and word.isupper() and is_protected_word(word):
            return 4  # a medical acronym or unit in capitals ("OD", "IRM", "PH"): never a piece
        parts = re.split(r"[-'’]", word)
        if len(parts) > 1:
            if parts[0].lower() in _ELIDED or any(p.lower() in _FUNCTION_WORDS for p in parts):
                return 1  # "n'est", "est-il"
            if word[0].islower() and any(p[:1].isupper() for p in parts[1:]):
                return 0  # the end of a broken compound name: "rie-Claire", "int-Pierre"
        return self._known(word)

    def _known(self, word: str) -> int:
        lex = self.lex
        if lex.is_common(word) or is_protected_word(word) or is_eponym(word):
            return 2
        if word[0].islower():
            return 0  # a lower-case piece is no proper name: "elven" in "Dr Qu elven"
        if lex.is_first_name(word) or lex.is_surname(word) or fold_key(word) in lex.communes or lex.is_east_asian(word):
            return 2
        return 0

    def target(self, joined: str) -> int:
        """2 when the joined form is a known name or commune, 1 a French word only, 0 unknown."""
        lex = self.lex
        if lex.is_first_name(joined) or lex.is_surname(joined) or fold_key(joined) in lex.communes:
            return 2
        return 1 if lex.is_common(joined) and len(joined) >= 4 else 0


_WORDS: dict[int, _Words] = {}


def _words_for(lex: Lexicons) -> _Words:
    """The piece classifier of these lexicons, its memory kept across texts (and bounded)."""
    words = _WORDS.get(id(lex))
    if words is None or words.lex is not lex:
        words = _WORDS[id(lex)] = _Words(lex)
    if len(words.memo) > 1 << 16:
        words.memo.clear()
    return words


def _one_word_case(pieces: list[str]) -> bool:
    """The pieces could be one word: all in capitals, or lower case after the first piece."""
    if all(p.isupper() for p in pieces):
        return True
    return all(p[0].islower() for p in pieces[1:]) and not (len(pieces[0]) > 1 and pieces[0].isupper())


def _joinable(words: _Words, pieces: list[str]) -> bool:
    """Whether the pieces are one word broken by OCR (see the module docstring)."""
    if not _one_word_case(pieces):
        return False
    joined = "".join(pieces)
    if len(pieces) == 2 and len(joined) == 2 and joined.lower() in _SPLIT_ARTICLES:
        return True  # "D U CHAMP", "L e Mas": two letters of an article, never written apart
    if len(joined) < 4:
        return False
    kinds = [words.kind(p) for p in pieces]
    if (0 not in kinds and 3 not in kinds) or 4 in kinds:
        return False  # a fragment or a single letter is the evidence ("Rou x", "C é line")
    caps = all(p.isupper() for p in pieces)
    for p, k in zip(pieces, kinds, strict=True):
        if k == 3 and not caps and p.lower() in _ONE_LETTER_WORDS:
            return False
    target = words.target(joined)
    if target == 0:
        return False
    if 1 in kinds:
        fragments = sum(len(p) for p, k in zip(pieces, kinds, strict=True) if k == 0)
        first_only = kinds.index(1) == 0 and kinds.count(1) == 1 and pieces[0][0].isupper()
        return target == 2 and fragments >= 3 and (caps or first_only)
    return True


def _slot_join(words: _Words, pieces: list[str]) -> bool:
    """Pieces of a name right after a title: "Ga rcin", "Ha mou", "BOUR A OUI", "H U ART"."""
    kinds = [words.kind(p) for p in pieces]
    lex = words.lex
    first = pieces[0]
    if (
        _one_word_case(pieces)
        and 1 not in kinds
        and 4 not in kinds
        and words.target("".join(pieces)) == 2
        and not (len(first) >= 4 and (lex.is_first_name(first) or lex.is_surname(first)))
    ):
        return True  # two words that make a known name in its slot: "Ber nard", "LAM BERT"
    if all(p.isupper() for p in pieces):
        kinds = [3 if len(p) == 1 else k for p, k in zip(pieces, kinds, strict=True)]  # "BOUR A OUI"
        if 1 in kinds or 4 in kinds or (0 not in kinds and 3 not in kinds) or len("".join(pieces)) < 4:
            return False
        # capitals: fragments and single letters, maybe a short word ("OUI", "ART", "EAU"), and a
        # first piece that may be a short surname ("CAST EL LI"); never a first name ("DUPONT JEAN")
        first = pieces[0]
        if kinds[0] == 2 and (len(first) > 4 or lex.is_first_name(first)):
            return False
        later = zip(pieces[1:], kinds[1:], strict=True)
        return all(k != 2 or len(p) <= 3 and not lex.is_first_name(p) for p, k in later)
    if 1 in kinds or 4 in kinds or 0 not in kinds:
        return False
    if len(pieces) != 2 or not pieces[0][0].isupper() or pieces[0][1:] != pieces[0][1:].lower():
        return False
    first, second = pieces
    # "Ga rcin", "Pasc al": the second piece is a fragment of three letters or more (no hyphen)
    if not second.isalpha() or not second.islower() or kinds[1] != 0 or len(second) < 2:
        return False
    return kinds[0] == 0 or (len(first) <= 2 and not lex.is_first_name(first))


def join_fragments(text: str, lex: Lexicons, damaged: bool) -> tuple[str, list[int]] | None:
    """The copy of ``text`` with OCR-broken words joined, and for each of its characters the offset
    of that character in ``text``; None when nothing is joined. ``damaged``: the caller already saw
    OCR damage (letter-spacing, OCR letters); otherwise a scan mark or spaced digits are needed and,
    without spaced digits, two broken words."""
    strong = damaged or len(_SPACED_DIGITS.findall(text)) >= 2
    if not strong and not any(w in text[:400].lower() for w in _SCAN_WORDS):
        return None
    words = _words_for(lex)
    drop = _word_joins(text, words)
    if not strong and len(drop) < 2:
        return None
    drop |= number_joins(text)
    if not drop:
        return None
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), kept


# Pieces one space apart on a line; a piece glued to a digit ("A1ain") is none.
_CHAIN = re.compile(r"(?<!\w)[^\W\d_]+(?:[-'’][^\W\d_]+)*(?: [^\W\d_]+(?:[-'’][^\W\d_]+)*)+(?!\w)")


def _chains(text: str) -> list[list[tuple[int, int, str]]]:
    """Pieces one space apart on a line, as (start, end, piece) lists."""
    chains = []
    for m in _CHAIN.finditer(text):
        pos = m.start()
        pieces = []
        for piece in m.group().split(" "):
            pieces.append((pos, pos + len(piece), piece))
            pos += len(piece) + 1
        chains.append(pieces)
    return chains


def _word_joins(text: str, words: _Words) -> set[int]:
    """Offsets of the spaces to drop."""
    drop: set[int] = set()
    slot_starts = {m.end() for m in _SLOT.finditer(text)}
    kind = words.kind
    for chain in _chains(text):
        groups = [g for _, _, g in chain]
        kinds = [kind(g) for g in groups]
        if 0 not in kinds and 3 not in kinds and not any(a in slot_starts for a, _, _ in chain):
            continue  # no fragment, no single letter, no name slot: ordinary words (the common case)
        in_slot, slot_words, i = False, 0, 0
        while i < len(chain) - 1:
            if chain[i][0] in slot_starts:
                in_slot, slot_words = True, 0
            slot = in_slot and slot_words < 4
            n = 1
            # a join needs a fragment or a single letter in reach, or a name slot
            if slot or any(k == 0 or k == 3 for k in kinds[i : i + _MAX_PIECES]):
                window = chain[i : i + _MAX_PIECES]
                stops = [text.startswith(".", end) for _, end, _ in window]
                n = _longest_join(words, groups[i : i + _MAX_PIECES], stops, slot)
            if n > 1:
                drop.update(chain[k][1] for k in range(i, i + n - 1))
            elif in_slot and not groups[i][0].isupper():
                in_slot = False
            slot_words += 1
            i += n
    return drop


def _longest_join(words: _Words, pieces: list[str], stops: list[bool], slot: bool) -> int:
    """How many pieces from the first one form one broken word (1: none)."""
    for n in range(len(pieces), 1, -1):
        part = pieces[:n]
        if len(part[-1]) <= 2 and stops[n - 1]:
            continue  # an initial or an abbreviation: "QUEMENER R.", "GALL EP."
        if _joinable(words, part) or (slot and _slot_join(words, part)):
            return n
    return 1
