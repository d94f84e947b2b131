"""Filters of AVEC's own NER (:mod:`trained_ner`): which of the model's entities are kept.

They trust the model's context (a lone unknown name mid-sentence, "Paweł NOWAK", "HUBER T.", a
first name that is also a word when written as a name, a commune that is also a word) and refuse
titles, ranks, countries, drugs, units, medical acronyms, eponyms, Latin genus names, road
directions and ordinary words without a name beside them.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context, is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.names import PARTICLES, STOP_WORDS, TITLE_TOKENS
from avec.privacy.detection.ner import _DRUG_SUFFIX
from avec.privacy.detection.place_patterns import is_road_direction
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key, sentence_start

NAME_LABELS = {"NOM", "PRENOM"}
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
TITLES = TITLE_TOKENS | {"m", "dr", "pr", "mme", "mlle", "mr", "me", "madame", "monsieur", "docteur", "professeur"}


_ORG_BEFORE = re.compile(r"\b[A-Z]{2,6}[ \t]+(?:de|du|d['’])[ \t]*(?:la[ \t]+|l['’])?$")
_BARE_A = re.compile(r"(?:^|[ \t])à[ \t]+$")


def town_like(ctx: DetectionContext, found: list[re.Match[str]]) -> bool:
    """A commune or a foreign town: a known commune even when it is also a word ("Vannes", "La
    Tronche"), written as a name and not at a line start; else judged like a name. Never a country
    or a road direction."""
    text, lex = ctx.text, ctx.lexicons
    value = text[found[0].start() : found[-1].end()]
    if lex.is_country(value) or any(lex.is_country(m.group(0)) for m in found):
        return False
    a, b = found[0].start(), found[-1].end()
    if is_road_direction(text, a, b):
        return False  # a road direction ("A7 sens Lyon -> Marseille") says nothing about a person
    if any(is_protected_word(m.group(0), ctx.protected) for m in found):
        return False
    if _ORG_BEFORE.search(text, max(0, a - 16), a):
        return False  # "CPAM de Lille-Douai": an organisation's seat
    if any(ordinary(ctx, m.group(0)) or lex.is_first_name(m.group(0)) for m in found) and _BARE_A.search(
        text, max(0, a - 4), a
    ):
        return False  # "à Noël", "à Marie": a word or a first name needs more than a bare "à"
    if fold_key(value) in lex.communes and value[0].isupper() and not line_start(text, a):
        return True
    return name_like(ctx, found)


_CAP_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*[ \t]+$")


def eponym_context(text: str, start: int) -> bool:
    """"maladie de X", also when capitalised words come first ("collège Victor Hugo")."""
    while True:
        if in_eponym_context(text, start):
            return True
        m = _CAP_BEFORE.search(text, max(0, start - 40), start)
        if not m:
            return False
        start = m.start()


def ordinary(ctx: DetectionContext, word: str) -> bool:
    """An ordinary French word, also in a plural or feminine form the lexicon does not list."""
    lex = ctx.lexicons
    if lex.is_common(word):
        return True
    key = fold_key(word)
    if "-" in key:  # "pré-opératoire", "hépato-gastro": every long part is an ordinary word
        parts = [p for p in key.split("-") if len(p) > 4]
        return bool(parts) and all(ordinary(ctx, p) for p in parts)
    return any(
        key.endswith(suffix) and key[: -len(suffix)] in lex.common_words for suffix in ("s", "x", "e", "es")
    )


def plain_word(ctx: DetectionContext, word: str) -> bool:
    """An ordinary word that is no known first name or surname ("Ambulances", "Régime")."""
    return ordinary(ctx, word) and not known_name(ctx, word)


def known_name(ctx: DetectionContext, word: str) -> bool:
    lex = ctx.lexicons
    return bool(lex.is_first_name(word) or lex.is_surname(word))


def name_like(
    ctx: DetectionContext, found: list[re.Match[str]], *, titled: bool = False, beside: bool = False
) -> bool:
    """A person or a commune, judged word by word from what the lexicons and the case say.

    Every word must be a known first name or surname, or else: not protected, not a country, not
    an ordinary word (unless a name stands beside it), written as a name (capitalised; lower case
    only in a lower-case text; all capitals only beside a name, before an initial, or in an
    all-capitals text). A first name that is also a word ("Océane", "Rose") counts when written as
    a name away from a line start. A lone unknown word is refused at a line start (headings, table
    cells) or a sentence start (unless a title or rank came first: "Sap. Guillemot"), when drug-like
    or a Latin genus, and after "du/au/des". A surname particle in capitals before another word is
    part of the name ("EL MANSOURI", "DA COSTA"). ``beside``: a name the rules found stands next to
    the words on their line ("VASSEROT" before "JOCELYNE"); it vouches for them like a title, and so
    does an initial before them ("A. ROQUES"), when none of them is an ordinary word.
    """
    text, lex = ctx.text, ctx.lexicons
    known = [
        (known_name(ctx, m.group(0)) and not ordinary(ctx, m.group(0))) or _initial(text, m) for m in found
    ]
    given = [_first_name_as_name(ctx, m) for m in found]
    # A name beside or an initial before vouch for words that are no ordinary ones: "A. ROQUES",
    # not "N. SECU" nor "LIBRE NETTOYE" (a word the rules took for a name, then an ordinary one).
    vouched = titled or (
        (beside or _initial_before(text, found[0])) and not any(ordinary(ctx, m.group(0)) for m in found)
    )
    support = (
        vouched or any(known) or any(given) or _first_last_layout(ctx, found) or _initial_after(text, found[-1])
    )
    for i, (m, is_known, is_given) in enumerate(zip(found, known, given, strict=True)):
        word = m.group(0)
        if is_protected_word(word, ctx.protected):
            return False
        if i < len(found) - 1 and word.isupper() and fold_key(word) in PARTICLES:
            continue  # "EL MANSOURI", "DA COSTA", "LE GALL": the words after it decide
        if is_eponym(word) and not (known_name(ctx, word) or any(known) or any(given)):
            return False  # "Parkinson" alone; "HUBER T." (an initial) or "Anne Huber" is a person
        if is_known or is_given:
            continue
        if lex.is_country(word) or _MIXED_CASE.fullmatch(word):
            return False  # "Allemagne"; "IgA", "IgM", "HbA"
        if word.isupper() and (len(word) <= 3 or not _VOWEL.search(word)) and not known_name(ctx, word):
            return False  # "PF", "MDC", "SNSM": acronyms, unless a known name ("BA", "LY")
        if ordinary(ctx, word) and not (support and (word[0].isupper() or lower_text(ctx))):
            return False
        if word.islower() and not lower_text(ctx):
            return False
        if word.isupper() and not (ctx.all_caps or support) and len(word) > 1:
            return False
        if any(p.isupper() and len(p) <= 5 for p in word.split("-")) and not support:
            return False  # acronyms, "CGH-array"
    before = text[max(0, found[0].start() - 40) : found[0].start()].split()
    if before and is_protected_word(before[-1].strip(",;:()"), ctx.protected):
        return False  # "Spasfon Lyoc": a drug's form or brand, not a name
    if (
        len(found) == 1
        and before
        and fold_key(found[0].group(0)) in _FEASTS
        and fold_key(before[-1]) in _WHEN_BEFORE
    ):
        return False  # "depuis Noël", "avant la Toussaint": a feast day, not a person
    if len(found) == 1 and _initial(text, found[0]):
        return False
    if len(found) == 1 and not (known[0] or given[0]):
        word = found[0].group(0)
        if (
            (ctx.all_caps and not (_initial_after(text, found[0]) or vouched))
            or (not vouched and (line_start(text, found[0].start()) or sentence_start_at(text, found[0].start())))
            or _DRUG_SUFFIX.search(word)
            or _genus(ctx, found[0])
            or (_ALONE_IN_BRACKETS.search(text, max(0, found[0].start() - 3), found[0].start())
                and text[found[0].end() : found[0].end() + 1] == ")")  # "Kiné (Bobath)": a method
            or (before and fold_key(before[-1]) in ("du", "au", "aux", "des"))  # "Conseil départemental du Morbihan"
        ):
            return False
    return True


# Feast days that are also first names, and the words that make them a time ("depuis Noël").
_FEASTS = frozenset({"noel", "paques", "toussaint", "pentecote", "ascension", "assomption"})
_WHEN_BEFORE = frozenset({"depuis", "avant", "apres", "a", "pour", "vers", "jusqu'a", "la", "de", "des"})
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_ALONE_IN_BRACKETS = re.compile(r"\([ \t]*$")


def _first_name_as_name(ctx: DetectionContext, m: re.Match[str]) -> bool:
    """A known first name that is also an ordinary word ("Océane", "Lina", "Rose"), capitalised
    (not all capitals) and away from a line or sentence start: the model read it as a name."""
    word = m.group(0)
    after = _NEXT_WORD.match(ctx.text, m.end())
    return (
        not (after and is_protected_word(after.group(1), ctx.protected))  # "Vu Marine HTA connue"
        and ctx.lexicons.is_first_name(word)
        and word[0].isupper()
        and (not word.isupper() or ctx.all_caps)
        and len(word) > 2
        and not sentence_start_at(ctx.text, m.start())
    )


def _first_last_layout(ctx: DetectionContext, found: list[re.Match[str]]) -> bool:
    """"Aurore BRAVO", "Paweł NOWAK", "FORTIN Constance": a capitalised word next to an all-capitals
    one (3+ letters, no medical acronym), in a text that is not all capitals, the capitalised one a
    known first name or neither an ordinary word nor a commune ("CRRA Annecy"): the usual way to
    write a person."""
    words = [m.group(0) for m in found]
    return (
        not ctx.all_caps
        and len(words) >= 2
        and any(w.isupper() and len(w) > 2 and not is_protected_word(w, ctx.protected) for w in words)
        and any(
            w[0].isupper()
            and not w.isupper()
            and (ctx.lexicons.is_first_name(w) or not (ordinary(ctx, w) or fold_key(w) in ctx.lexicons.communes))
            for w in words
        )
    )


def caps_surname_first(ctx: DetectionContext, word: re.Match[str], nxt: re.Match[str]) -> bool:
    """"BERGER Maëlys", "MOULIN Paul": a surname in capitals (that is also an ordinary word) written
    before a capitalised first name, in a text that is not all capitals, on the same line."""
    first, second = word.group(0), nxt.group(0)
    return (
        not ctx.all_caps
        and first.isupper()
        and len(first) > 2
        and not is_protected_word(first, ctx.protected)
        and second[0].isupper()
        and not second.isupper()
        and ctx.lexicons.is_first_name(second)
        and _GAP.fullmatch(ctx.text, word.end(), nxt.start()) is not None
    )


_GAP = re.compile(r"[ \t]+")
_VOWEL = re.compile(r"[AEIOUYÀ-ÖØ-Ý]")
_MIXED_CASE = re.compile(r"[A-Z][a-z]{1,2}[A-Z][\w]*")  # "IgA", "HbA1c": lab terms, not names
INITIAL_AFTER = re.compile(r"[ \t]+[A-ZÀ-Ý]\.")


_INITIAL_BEFORE = re.compile(r"(?:^|[^\w.])[A-ZÀ-Ý]\.[ \t]*$")


def _initial_before(text: str, m: re.Match[str]) -> bool:
    """A first name's initial right before the word: "A. ROQUES", "J. Kerbrat"."""
    return bool(_INITIAL_BEFORE.search(text, max(0, m.start() - 6), m.start()))


def _initial_after(text: str, m: re.Match[str]) -> bool:
    """An all-capitals word followed by an initial: "HUBER T." (surname, then the first name's initial)."""
    return m.group(0).isupper() and len(m.group(0)) > 2 and bool(INITIAL_AFTER.match(text, m.end()))


# A Latin species epithet after a genus: "Escherichia coli", "Candida albicans" (as in ner.py).
_LATIN_EPITHET = re.compile(
    r"[ \t]+(?P<species>[a-z]{2,}(?:ii|ae|us|um|is|ica|icus|ans|ens|ensis|alis|aris|oides|ata|osa|ella)|"
    r"[a-z]{3,}i)(?![\w'’-])"
)


def _genus(ctx: DetectionContext, m: re.Match[str]) -> bool:
    """A genus before its Latin species ("Pseudomonas aeruginosa", "Trichomonas vaginalis")."""
    species = _LATIN_EPITHET.match(ctx.text, m.end())
    if species is None or not m.group(0)[1:].islower():
        return False
    epithet = species.group("species")
    lex = ctx.lexicons
    return not (lex.is_common(epithet) or lex.is_first_name(epithet) or lex.is_surname(epithet))


def line_start(text: str, pos: int) -> bool:
    """At the start of a line or a table cell (headings, column names, unit names)."""
    j = pos - 1
    while j >= 0 and text[j] in " \t-•*«\"(":
        j -= 1
    return j < 0 or text[j] in "\n|\t"


def _initial(text: str, m: re.Match[str]) -> bool:
    """A one-letter capital followed by a dot ("A. Beguin")."""
    return len(m.group(0)) == 1 and m.group(0).isupper() and text[m.end() : m.end() + 1] == "."


def lower_text(ctx: DetectionContext) -> bool:
    """True for a text written (almost) without capitals: names there are in lower case too."""
    cached = ctx.extra.get("trained_ner_lower")
    if cached is None:
        words = WORD.findall(ctx.text)
        caps = sum(1 for w in words if w[0].isupper())
        cached = bool(words) and caps <= 0.03 * len(words)
        ctx.extra["trained_ner_lower"] = cached
    return bool(cached)


def place_like(ctx: DetectionContext, start: int, value: str, label: str) -> bool:
    """A facility (keyword, saint or proper name; an organisation's acronym may come first: "DAC du
    Hainaut", "CAPTV de Lyon") or an address (a number, or a street type, and a name)."""
    words = [w for w in WORD.findall(value) if len(w) > 1 and fold_key(w) not in STOP_WORDS]
    if not words or any(
        is_protected_word(w, ctx.protected) and not _FACILITY_KEYWORD.fullmatch(w) and not _org_acronym(w, label)
        for w in words
    ):
        return False
    if any(_MIXED_CASE.fullmatch(w) for w in words):
        return False  # "HMG CoA réductase": a lab term in mixed case names no place
    if label == "HOPITAL" and _OUTDOOR_PLACE.match(value):
        return False  # "Parc Borély", "jardin des Plantes": a park or a beach is no care facility
    if label == "HOPITAL" and _heading_label(ctx.text, start, start + len(value)) and not any(
        _FACILITY_KEYWORD.fullmatch(w) for w in words
    ):
        return False  # "Normandie Santé : forum des aidants": a heading's label, no facility keyword
    proper = [
        w
        for w in words
        if w[0].isupper() and not ordinary(ctx, w) and not _FACILITY_KEYWORD.fullmatch(w) and not is_acronym(w)
    ]
    if label == "ADRESSE":
        if re.match(r"\d", value):
            return bool(proper) or bool(_STREET.search(value))
        # "Chalet Les Clarines, route du Fornet": no number, but a street type and a name.
        return bool(proper) and bool(_STREET.search(value)) and value[0].isupper()
    if in_eponym_context(ctx.text, start) or any(is_eponym(w) for w in words):
        return False  # "corps de Lewy"
    # A facility must carry a proper name ("Sainte-Anne", "Bergonié", "Clinique Pasteur") and start
    # like one: keyword-only names ("Foyer d'hébergement") are left to the rules.
    return (
        bool(proper)
        and (value[0].isupper() or lower_text(ctx))
        and (ctx.all_caps or not all(w.isupper() for w in proper))
    )


def _org_acronym(word: str, label: str) -> bool:
    """An organisation's acronym in a facility name (not a drug or a unit): "DAC", "SSIAD"."""
    return label == "HOPITAL" and word.isupper() and is_acronym(word)


_STREET = re.compile(
    r"(?i)\b(?:rue|av|avenue|bd|boulevard|all[ée]e|impasse|chemin|place|route|rte|quai|square|cours|passage|"
    r"sentier|voie|r[ée]sidence|lotissement|lieu-dit|hameau|cit[ée]|clos|domaine)\b"
)


def sentence_start_at(text: str, pos: int) -> bool:
    return sentence_start(text, pos, ".!?:\n")


_OUTDOOR_PLACE = re.compile(r"(?i)(?:parc|jardin|square|bois|for[êe]t|plage|lac|[ée]tang|promenade|esplanade)\b")
_FACILITY_KEYWORD = re.compile(
    r"(?i)\b(?:CHU|CHRU|CHR|CH|CHS|CHI|h[oô]pital|clinique|polyclinique|EHPAD|centre|r[ée]sidence|foyer|"
    r"maison|SSIAD|SSR|CMP|CMPP|IME|ESAT|MAS|FAM|CSAPA|USLD|EPSM|institut)\b"
)


_HEADING_AFTER = re.compile(r"[ \t]*:")


def _heading_label(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens its line and a colon follows it: the label of a heading or a field."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t-•*") and _HEADING_AFTER.match(text, end) is not None
