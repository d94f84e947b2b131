"""Is a field's value an organisation? ("De : UTPAS de Tourcoing", "Mandataire : ATMP du Calvados").

The name-field rule (``context_rules.find_field_names``, priority 84) reads the words after "De :",
"Mandataire :", "Destinataire :", "curateur :"... as a person, and the table rule reads a cell under
"Nom" so; their spans outrank the facility rule (78): "ATMP" became a surname and "Calvados" a first
name. Over every committed set (dev, blind12–146) this cost 10 field values (ATMP ×3, ATI, UTPAS, Caf,
Foyer, Cellule de recueil, Maison du Département, Maison de la Veille Sociale) and 6 table cells
(Pharmacie du Bourg, CCAS de Pessac, EMSP Gironde Sud, CAF de la Seine-Saint-Denis, Maison des
adolescents...), all gold ``HOPITAL`` spans, now found whole.
A value is an organisation when it opens with

* a body named by its territory, a number or its commune (the grammar of ``territorial_bodies.py``:
  "Caf de la Loire", "ATI Morbihan", "UDAF 68");
* a facility acronym of three capitals or more followed by "de/du/des/d'" and a capitalised name
  ("UTPAS de Tourcoing", "CAMSP de Roubaix"): a person's name never opens so;
* a facility keyword that is an ordinary noun ("Foyer Les Mouettes", "Maison de santé X").
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY, words_of
from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.place_patterns import is_area_name, known_commune
from avec.privacy.detection.territorial_bodies import body_at
from avec.privacy.detection.text import fold_key

_FIRST = re.compile(r"[\w'’-]+")
# Words that open a business's or a facility's name, never a person's ("De : Pharmacie Lagarrigue").
ORGANISATION_HEADS = frozenset(
    words_of(
        """pharmacie laboratoire labo cabinet clinique centre secretariat service mairie ehpad association residence
        hopital polyclinique institut"""
    )
)
_SCHOOLS = frozenset(words_of("college lycee ecole creche"))
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_OF_NAME = re.compile(r"[ \t]+(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])")
# Ordinary nouns that open a structure's name ("Maison de la Veille Sociale", "Pôle insertion de X").
_STRUCTURE_NOUNS = frozenset(
    words_of(
        """foyer maison espace pole unite equipe cellule direction delegation circonscription mission plateforme
        reseau college lycee ecole creche agence caisse conseil departement fondation groupe antenne"""
    )
)


def organisation_value(lex: Lexicons, text: str, pos: int, first_word: str) -> bool:
    """True when the value at ``pos`` (its first word ``first_word``, folded) names an organisation."""
    if first_word in _STRUCTURE_NOUNS and text[pos : pos + 1].isupper():
        # a capitalised noun of a structure ("Foyer", "Maison"), not a lower-case word nor a person
        # named so ("Maison Julie": a first name follows)
        nxt = _NEXT_WORD.match(text, pos + len(first_word))
        return nxt is None or not lex.is_first_name(nxt.group(1))
    body = body_at(text, pos)
    if body is not None and (body.group("of") or body.group("num") or is_area_name(body.group("area") or "")):
        return True
    m = FACILITY.match(text, pos)
    if m is None or not m.group("name"):
        return False
    kw = m.group("kw")
    if not (kw.isupper() and len(kw) >= 3 and kw.isalpha()):
        return False
    if _OF_NAME.match(text, m.end("kw")):
        return True
    # "EMSP Gironde Sud", "CMP Nantes Nord": a known territory or commune that is no first name
    nxt = _NEXT_WORD.match(text, m.end("kw"))
    word = nxt.group(1) if nxt else ""
    place = is_area_name(word) or known_commune(lex, word)
    return place and not lex.is_first_name(word) and not lex.is_surname(word)


def organisation_cell(lex: Lexicons, text: str, pos: int) -> bool:
    """True when a table cell at ``pos`` opens with an organisation ("Pharmacie du Bourg, Pessac")."""
    first = _FIRST.match(text, pos)
    if first is None:
        return False
    key = fold_key(first.group(0))
    if key in ORGANISATION_HEADS or organisation_value(lex, text, pos, key):
        return True
    word = first.group(0)
    # in a cell, a school or a structure's acronym before a person's name is named after that person
    # ("| Collège Louise Michel |", "| PMI Anatole France |"), unless the word is a surname itself
    school = key in _SCHOOLS and word[:1].isupper()
    m = FACILITY.match(text, pos)
    acronym = m is not None and m.group("kw") == word and word.isupper() and len(word) >= 3 and word.isalpha()
    # (a first name and a surname after the acronym: "MAS Pierre" may be a person, "PMI Anatole France" not)
    named = acronym and m is not None and len(m.group("name").split()) >= 2
    return (school or named) and not lex.is_surname(word)
