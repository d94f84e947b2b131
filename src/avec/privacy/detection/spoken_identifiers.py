"""Identifiers of speech-to-text output that no written layout has: names spelled aloud, lower-case
dictated fields, postal codes said after their commune.

They run on the written copy of :mod:`avec.privacy.detection.dictation_view` (numbers in digits,
commands as punctuation) and on the joined letters of :mod:`avec.privacy.detection.letter_spacing`
("K O W A L C Z Y K" is read "KOWALCZYK"):

- a name spelled letter by letter, in capitals inside lower-case dictation, after a spelling cue
  ("je vous épelle X", "en deux mots X", "épelé X") or right after the name as it was heard
  ("yilmaz YILMAZ", "docteur wojcik (WOJCIK)"): both are the name; "prénom X" makes it a first name;
- a name spelled with the spelling alphabet ("D comme Denis I comme Irène A comme Anatole ..."):
  each word after "comme" starts with its letter, three letters or more;
- a first name said after "prénom" without a colon ("prénom stanislas né le ...");
- a postal code right after a known commune in lower case ("vénissieux 69200") and a commune of
  several words said without its hyphens after its postal code ("69310 pierre bénite").
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold, fold_key
from avec.privacy.spans import Span

_CAPS = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
_LOWER = "a-zàâäçéèêëîïôöùûüÿœæ"
# A name spelled in capitals (joined by the letter-spacing repair, or still spaced).
_SPELLED = re.compile(
    r"(?<![\w'’-])[" + _CAPS + r"](?:[" + _CAPS + r"'’-]|[ ](?=[" + _CAPS + r"](?![\w'’]{2}))){2,}(?![\w'’])"
)
_CUE_BEFORE = re.compile(
    r"(?i)(?:[ée]pel(?:le|lé|é|ez|ée)s?|en (?:un|deux|trois) mots|(?:ça )?s['’][ée]crit|lettre par lettre|"
    r"nom(?: de (?:famille|naissance|jeune fille))?|prénom)[ \t:,]*(?:\(?[ \t]*)\Z"
)
_CUE_WORDS = re.compile(
    r"(?i)[ \t]+(?:[ée]pel(?:le|lé|é|ez|ée)s?|je vous (?:l['’])?[ée]pelle|en (?:un|deux|trois) mots)[ \t]*\Z"
)
_FIRST_CUE = re.compile(r"(?i)pr[ée]nom[ \t:,]*\(?[ \t]*\Z")
_WORDS_BEFORE = re.compile(r"((?:[" + _LOWER + r"][\w'’-]*[ \t]+){1,3})\(?[ \t]*\Z")
# The spelling alphabet: "D comme Denis I comme Irène ..." (three letters or more).
_ALPHABET = re.compile(r"(?<![\w'’])[" + _CAPS + r"] comme [\w-]+(?:,?[ \t]+[" + _CAPS + r"] comme [\w-]+){2,}")
_ALPHABET_PAIR = re.compile(r"([" + _CAPS + r"]) comme ([\w-]+)")
# "prénom stanislas né le", "prénom ousmane": a lower-case first name after the word, no colon.
_FIRST_AFTER = re.compile(
    r"(?<![\w-])pr[ée]noms?[ \t]+(?P<name>[" + _LOWER + r"]{2}\w*(?:-[" + _LOWER + r"]\w*)?)(?![\w'’.-])"
)
# A lower-case commune then a postal code: "vénissieux 69200", "à plourin-lès-morlaix 29600".
_ZIP = re.compile(r"(?<![\w,.])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?![\w]|[,.]\d)")
_TOWN_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<town>[" + _LOWER + r"][\w'’-]*(?:[ \t][" + _LOWER + r"][\w'’-]*){0,2})[ \t]+\Z"
)
# A postal code then a lower-case commune said without hyphens: "69310 pierre bénite".
_TOWN_AFTER_ZIP = re.compile(
    r"(?<![\w,.])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}[ \t]+(?P<town>["
    + _LOWER
    + r"][\w'’]*(?:[ \t]["
    + _LOWER
    + r"][\w'’]*){1,3})"
)
_NOT_NAMES = frozenset(["usage", "naissance", "compose", "inconnu", "illisible", "identique", "idem", "suivant"])
_CONNECTORS = frozenset({"sur", "sous", "en", "le", "la", "les", "de", "du", "des", "lès", "l", "d", "saint", "sainte"})
# "26 rue de lannoy 59100": the words end a street's name, not a commune.
_STREET_BEFORE = re.compile(
    r"(?i)(?:rue|avenue|boulevard|chemin|all[ée]e|impasse|place|route|quai|cours|square|passage|r[ée]sidence|"
    r"lotissement|cit[ée]|hameau|lieu-dit)(?:[ \t]+[\w'’-]+){0,3}[ \t]+\Z"
)


_NOT_WORD = re.compile(r"[^\w]")


def _letters(value: str) -> str:
    return fold_key(_NOT_WORD.sub("", value))


@recognizer("spelled_name", 84)
def find_spelled_names(ctx: DetectionContext) -> list[Span]:
    """Names spelled letter by letter or with the spelling alphabet in lower-case dictation."""
    text = ctx.text
    spans: list[Span] = []
    if " comme " in text:
        for m in _ALPHABET.finditer(text):
            pairs = _ALPHABET_PAIR.findall(m.group())
            if not all(fold_key(word).startswith(fold_key(letter)) for letter, word in pairs):
                continue
            label = "PRENOM" if _FIRST_CUE.search(text, max(0, m.start() - 30), m.start()) else "NOM"
            spans.append(Span(m.start(), m.end(), label, 0.9, "spelled_name"))
            spans.extend(_heard_name(text, m.start(), _letters("".join(letter for letter, _ in pairs)), label))
    for m in _SPELLED.finditer(text):
        spelled = _letters(m.group())
        if len(spelled) < 3:
            continue
        # the bounded look-backs first, the line's case last: most capitals words are acronyms
        heard = _heard_name(text, m.start(), spelled, "NOM")
        cue = None if heard else _CUE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if not heard and not (cue and _name_shaped(spelled) and not is_protected_word(spelled)):
            continue
        if not _in_lower_prose(text, m.start(), m.end()):
            continue
        label = "PRENOM" if _FIRST_CUE.search(text, max(0, m.start() - 30), m.start()) else "NOM"
        spans.append(Span(m.start(), m.end(), label, 0.9, "spelled_name"))
        spans.extend(Span(s.start, s.end, label, s.score, s.source) for s in heard)
    return spans


def _name_shaped(letters: str) -> bool:
    """Spelled letters that can be a name: a vowel and a consonant ("DDN", "IRM" are acronyms)."""
    vowels = sum(ch in "aeiouy" for ch in letters)
    return len(letters) >= 3 and 0 < vowels < len(letters)


def _in_lower_prose(text: str, start: int, end: int) -> bool:
    """True when the line around ``[start, end)`` is mostly lower case (dictation, not a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + text[end : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.islower() for c in letters) >= 0.7 * len(letters)


def _heard_name(text: str, start: int, spelled: str, label: str) -> list[Span]:
    """The name as heard right before its spelling, when its letters are the spelled ones."""
    # the heard words lie in the 80 characters before (30 for the cue, 50 for the words): their
    # letters, if spelled, are in that window's letters (cheap test first, speed)
    if spelled not in fold(_NOT_WORD.sub("", text[max(0, start - 80) : start])):
        return []
    cue = _CUE_WORDS.search(text, max(0, start - 30), start)
    if cue is not None:
        start = cue.start() + 1  # "dit s'appeler diallo épelé D comme ..."
    m = _WORDS_BEFORE.search(text, max(0, start - 50), start)
    if m is None:
        return []
    words = list(re.finditer(r"[\w'’-]+", m.group(1)))
    for k in range(len(words)):
        if _letters("".join(w.group() for w in words[k:])) == spelled:
            return [Span(m.start(1) + words[k].start(), m.start(1) + words[-1].end(), label, 0.85, "spelled_name")]
    return []


@recognizer("dictated_first_name", 80)
def find_dictated_first_names(ctx: DetectionContext) -> list[Span]:
    """A first name said after "prénom" in lower-case dictation ("prénom stanislas né le")."""
    if "nom " not in ctx.text:
        return []
    lex = ctx.lexicons
    spans = []
    for m in prefixed_finditer(_FIRST_AFTER, ctx.text, ctx.folded):
        name = m.group("name")
        if fold_key(name) in ctx.protected:
            continue
        if lex.is_first_name(name) or (len(name) > 3 and not lex.is_common(name) and fold_key(name) not in _NOT_NAMES):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.85, "dictated_first_name"))
    return spans


@recognizer("dictated_postcode", 75)
def find_dictated_postcodes(ctx: DetectionContext) -> list[Span]:
    """Postal codes said after their lower-case commune; communes said without hyphens after them."""
    text, communes = ctx.text, ctx.lexicons.communes
    spans: list[Span] = []
    for z in prefixed_finditer(_ZIP, text, ctx.folded):
        m = _TOWN_BEFORE.search(text, max(0, z.start() - 50), z.start())
        if m is None:
            continue
        words = list(re.finditer(r"[\w'’-]+", m.group("town")))
        for k in range(len(words)):
            town = "-".join(w.group() for w in words[k:])
            if fold_key(town) in communes and fold_key(words[k].group()) not in _CONNECTORS:
                if k == len(words) - 1 and ctx.lexicons.is_common(town):
                    continue  # "chez sa fille 69110": a one-word commune that is an ordinary word
                base = m.start("town")
                if _STREET_BEFORE.search(text, max(0, base + words[k].start() - 60), base + words[k].start()):
                    break
                spans.append(Span(base + words[k].start(), m.end("town"), "VILLE", 0.8, "dictated_postcode"))
                spans.append(Span(z.start(), z.end(), "ZIP", 0.85, "dictated_postcode"))
                break
    for m in prefixed_finditer(_TOWN_AFTER_ZIP, text, ctx.folded):
        words = list(re.finditer(r"[\w'’]+", m.group("town")))
        for k in range(len(words), 1, -1):
            town = "-".join(w.group() for w in words[:k])
            if fold_key(town) in communes:
                base = m.start("town")
                spans.append(Span(base, base + words[k - 1].end(), "VILLE", 0.85, "dictated_postcode"))
                break
    return spans
