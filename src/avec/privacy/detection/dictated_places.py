"""Facilities, towns and persons of unpunctuated lower-case dictation, where no capital marks a name.

Speech-to-text writes "hospitalisée au centre hospitalier lyon sud du trois mars", "suivi au CMP de
villeurbanne", "la pharmacie du bourg à rodez", "adressé par le docteur le gars de quimper",
"pauline rose ergothérapeute", "c'est brigitte moreau la nièce de madame ...". The facility and
person rules read capitals; here the evidence is the lexicons:

- a facility keyword ("centre hospitalier", "hôpital", "clinique", "pharmacie", CMP, CPAM, MDPH,
  UDAF, CARSAT, "école élémentaire", "association" ...) followed by lower-case words of which one at
  least is a name (a known commune, first name or surname, or no ordinary word); the name runs over
  particles and place words ("des pays de morlaix", "lyon sud") and stops at the first ordinary word,
  a number or punctuation; a school or a named facility stops before "de <commune>";
- a known commune right after a lower-case doctor's name ("docteur moulin, oullins", "docteur x de
  quimper");
- a known first name and a surname before a care job ("thomas petit masseur kinésithérapeute") or
  after "c'est" before a relative ("c'est brigitte moreau la nièce", "c'est elif sa fille").
"""

from __future__ import annotations

import re

from avec.privacy.detection.commune_lower_case import lower_commune
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_RELATIVES = (
    r"fille|fils|nièce|neveu|sœur|soeur|frère|femme|mari|épouse|époux|mère|père|petite-fille|petit-fils|"
    r"belle-fille|gendre|voisine?|tante|oncle|cousine?|amie?|compagne|compagnon"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_KEYWORD = re.compile(
    r"(?<![\w-])(?:centre hospitalier(?: universitaire| régional| intercommunal| départemental)?|"
    r"h[ôo]pital|clinique|polyclinique|pharmacie|laboratoire(?: d['’]analyses(?: médicales)?)?|"
    r"maison de santé(?: pluriprofessionnelle)?|centre de santé|centre médico-psychologique|santé travail|"
    r"école(?: élémentaire| maternelle| primaire)?|collège|lycée|association|mission locale|"
    r"CMPP?|CPAM|MDPH|UDAF|CARSAT|CCAS|CAF|EHPAD|SSIAD|ADMR|MSP|cmpp?|cpam|mdph|udaf|carsat|ccas|ehpad|ssiad|admr)"
    r"(?=[ \t]+[a-zà-ÿ])"
)
_WORD = re.compile(r"(?:[ \t]+|(?<=['’]))(?:(?P<elided>[ld]['’])|(?P<word>[a-zà-ÿ][a-zà-ÿ-]*)(?![\w'’-]))")
_PARTICLES = _words("de du des la le les l d lès")
# place words inside a facility's name ("lyon sud", "des pays de morlaix", "bio centre")
_PLACE_WORDS = _words("nord sud pays centre val mont haute haut saint sainte grand grande bio vallee plaine cote ile")
# a pharmacy or a practice named after its part of town ("pharmacie de la gare", "du bourg")
_TOWN_PARTS = _words("gare bourg marche mairie eglise halles chateau")
# generic words after a keyword that name a kind, not a place ("hôpital de jour", "pharmacie de garde")
_GENERIC = _words(
    "jour nuit semaine garde ville proximite reference secteur quartier campagne famille france enfants "
    "parents malades "
)
# Function words and frequent verbs, which the lexicon of ordinary words (content words) lacks.
_FUNCTION_WORDS = _words(
    "au aux qui que quoi dont ou ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes notre votre "
    "nos vos en y il ils elle elles on nous vous lui eux se sur sous dans par pour avec sans chez vers "
    "entre contre mais donc puis car ni est sont ont etait etaient sera seront fait faire dire aller voir "
    "avoir etre mettre prendre pouvoir devoir venir passer demander donner rester suivre rendre trouver "
    "appeler rappeler ne pas plus moins tres bien deja encore toujours jamais aussi tout tous toute "
    "toutes meme autre autres quel quelle comme quand si afin apres avant depuis pendant lors selon via "
    "ici la-bas hier demain aujourd "
)
_DOCTOR_TOWN = re.compile(
    r"(?<![\w-])(?:docteur|dr)[ \t]+(?:l[ea][ \t]+)?[a-zà-ÿ][\w'’-]+(?:[ \t]+[a-zà-ÿ][\w'’-]+)?"
    r"(?:,[ \t]*|[ \t]+(?:de|d['’]|à)[ \t]*)(?P<town>[a-zà-ÿ][a-zà-ÿ'’-]+)(?![\w'’-])"
)
_JOBS = (
    r"ergoth[ée]rapeute|kin[ée]sith[ée]rapeute|masseur|psychomotricien(?:ne)?|orthophoniste|psychologue|"
    r"infirmi[èe]re?|assistante? (?:sociale?|de service social)|[ée]ducat(?:eur|rice)|aide-soignante?|"
    r"di[ée]t[ée]ticien(?:ne)?|sage-femme|mandataire|curat(?:eur|rice)|tut(?:eur|rice)|m[ée]decin|"
    r"pharmacien(?:ne)?|podologue|orthoptiste|secr[ée]taire"
)
_NAME_BEFORE_JOB = re.compile(
    r"(?<![\w'’-])(?P<first>[a-zà-ÿ][a-zà-ÿ'-]+)[ \t]+(?P<last>[a-zà-ÿ][a-zà-ÿ'’-]+)[ \t]+(?:" + _JOBS + r")(?![\w-])"
)
_RELATIVE_AFTER = re.compile(
    r"(?<![\w-])c['’]est[ \t]+(?P<first>[a-zà-ÿ][a-zà-ÿ'-]+)(?:[ \t]+(?P<last>[a-zà-ÿ][a-zà-ÿ'’-]+))?[ \t]+"
    r"(?:la|le|sa|son|l['’])[ \t]*(?:" + _RELATIVES + r")(?![\w-])"
)


_ADJECTIVES = _words(
    "nouvelle nouveau ancienne ancien future futur jeune autre notre votre seule seul premiere premier "
    "deuxieme bonne bon la le les une un cette cet ce son sa ma mon aussi est et "
)


def _namelike(lex: Lexicons, word: str, first: bool) -> bool:
    """A word that can name a place or a person in lower case: a commune, a first name or surname,
    or no ordinary French word (a commune that is also a word only right after the keyword: "hôpital
    pasteur"); never a medical word or a generic kind."""
    key = fold_key(word)
    if key in _GENERIC or key in _PARTICLES or is_protected_word(word) or key.isdigit():
        return False
    if key in _TOWN_PARTS:
        return True
    if key in _FUNCTION_WORDS or len(key) < 3:
        return False
    if "-" in word and any(is_protected_word(part) for part in word.split("-")):
        return False  # "association paracétamol-codéine"
    return (
        lower_commune(lex, word)
        or (first and key in lex.communes)
        or lex.is_first_name(word)
        or lex.is_surname(word)
        or (len(key) > 3 and not lex.is_common(word))
    )


@recognizer("dictated_facility", 77)
def find_dictated_facilities(ctx: DetectionContext) -> list[Span]:
    """Facilities named in lower case after their keyword ("centre hospitalier le vinatier")."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_KEYWORD, text, ctx.folded):
        pos, end, strong, after_first = m.end(), None, False, False
        while (w := _WORD.match(text, pos)) is not None:
            word = w.group("word") or w.group("elided")
            key = fold_key(word.rstrip("'’"))
            if key in _PARTICLES:
                nxt = _WORD.match(text, w.end())
                nxt_word = nxt.group("word") if nxt else None
                # "école jules ferry de chambéry": the commune after a named facility is its own
                if strong and key in ("de", "d", "a") and nxt_word and lower_commune(lex, nxt_word):
                    break
                pos = w.end()
                continue
            if key in _PLACE_WORDS:
                pos = end = w.end()
                continue
            # a surname that is also a word after a first name: "école jules ferry"
            surname = after_first and len(key) > 2 and key not in _FUNCTION_WORDS and not is_protected_word(word)
            if not _namelike(lex, word, pos == m.end()) and not surname:
                break
            after_first = lex.is_first_name(word)
            pos = end = w.end()
            strong = True
        if strong and end is not None:
            spans.append(Span(m.start(), end, "HOPITAL", 0.75, "dictated_facility"))
    return spans


@recognizer("dictated_doctor_town", 60)
def find_doctor_towns(ctx: DetectionContext) -> list[Span]:
    """A known commune right after a lower-case doctor's name ("docteur moulin, oullins")."""
    if "docteur" not in ctx.text and "dr " not in ctx.text:
        return []
    spans = []
    for m in prefixed_finditer(_DOCTOR_TOWN, ctx.text, ctx.folded):
        town = m.group("town")
        if lower_commune(ctx.lexicons, town) and not is_protected_word(town):
            spans.append(Span(m.start("town"), m.end("town"), "VILLE", 0.7, "dictated_doctor_town"))
    return spans


# "sa fille ana paula", "son fils yanis": lower-case first names right after a relative
_FIRST_AFTER_RELATIVE = re.compile(
    r"(?<![\w-])(?:sa|son|ma|mon|la|le)[ \t]+(?:" + _RELATIVES + r")[ \t]+"
    r"(?P<first>[a-zà-ÿ][a-zà-ÿ'-]+)(?:[ \t]+(?P<second>[a-zà-ÿ][a-zà-ÿ'-]+))?"
)


@recognizer("dictated_person", 58)
def find_dictated_persons(ctx: DetectionContext) -> list[Span]:
    """A lower-case first name and surname before a care job, or after "c'est" before a relative."""
    lex, text = ctx.lexicons, ctx.text
    spans: list[Span] = []
    said = "c'est" in text or "c’est" in text  # in every match of _RELATIVE_AFTER (speed)
    for rx in (_NAME_BEFORE_JOB, _RELATIVE_AFTER) if said else (_NAME_BEFORE_JOB,):
        for m in rx.finditer(text):
            first, last = m.group("first"), m.group("last")
            if not lex.is_first_name(first):
                continue
            if fold_key(first) in _PARTICLES or is_protected_word(first):
                continue
            # before a job, any word but an adjective is the surname ("pauline rose ergothérapeute")
            weak = last is not None and not (lex.is_surname(last) or not lex.is_common(last))
            if weak and (rx is _RELATIVE_AFTER or fold_key(last or "") in _ADJECTIVES or is_protected_word(last or "")):
                if rx is _NAME_BEFORE_JOB:
                    continue
                last = None
            if rx is _NAME_BEFORE_JOB and (lex.is_common(first) and lex.french_first_name_frequency(first) < 4):
                continue
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.7, "dictated_person"))
            if last is not None:
                spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.7, "dictated_person"))
    for m in _FIRST_AFTER_RELATIVE.finditer(text):
        first, second = m.group("first"), m.group("second")
        double = second is not None and _plain_first_name(lex, second) and lex.is_first_name(first)
        if not (_plain_first_name(lex, first) or double) or is_protected_word(first):
            continue  # a first name that is also a word needs a second one: "sa fille ana paula"
        end = m.end("second") if double else m.end("first")
        spans.append(Span(m.start("first"), end, "PRENOM", 0.7, "dictated_person"))
    return spans


def _plain_first_name(lex: Lexicons, word: str) -> bool:
    """A known first name that is no ordinary or medical word ("paula", not "rose")."""
    return lex.is_first_name(word) and not lex.is_common(word) and not is_protected_word(word)
