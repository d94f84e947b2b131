"""First-name and family-name sources read from packages: gender-guesser's name table, INSEE's
fichier des prénoms (``first_names_insee.txt``), Faker vi_VN / zh_CN. Used by ``lexicons.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from avec.privacy.detection.medical_vocab import is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.text import fold_key


def _words(text: str) -> list[str]:
    return text.split()


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

# The most frequent Vietnamese family names beyond Faker vi_VN's ten (they head a name written
# in the Vietnamese order: "Hoàng Văn Minh").
EXTRA_VIETNAMESE_SURNAMES = _words(
    """
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam Trinh
Luong Quach Cao Mac Vuong Thai Ta Doan Chu Kieu Lai Luu Quan Tang Tieu Trieu Mai Ha Giang
"""
)


def _name_table_rows() -> Iterator[tuple[list[str], str]]:
    """gender-guesser's name table, row by row: the split line (sex, name...) and its country
    frequency columns (hexadecimal digits from column 30); comments and short rows skipped."""
    import gender_guesser  # type: ignore[import-untyped]

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) >= 2:
                yield parts, line[30:-1]


def _usual_among(values: str, columns: tuple[int, ...], floor: int) -> bool:
    """True when a gender-guesser row gives the name a frequency of ``floor`` or more in a column."""
    return any(i < len(values) and values[i].strip() and int(values[i], 16) >= floor for i in columns)


def gender_guesser_names(
    male: set[str],
    female: set[str],
    rare: dict[str, str] | None = None,
    southern: dict[str, tuple[str, str]] | None = None,
    french: dict[str, int] | None = None,
    immigrant: dict[str, str] | None = None,
) -> None:
    """Fill ``male``/``female`` with the names of gender-guesser's kept countries, and the optional
    tables with the rare, southern-European, per-country-frequency and immigrant-community names."""
    for parts, values in _name_table_rows():
        name = fold_key(parts[1].replace("+", "-"))
        freq = [values[i] for i in _GG_COLUMNS if i < len(values)]
        # Keep names with some presence (hex frequency >= 2) in the countries above,
        # any presence in France, Belgium or Switzerland.
        anywhere = [values[i] for i in _GG_ANY_FREQ if i < len(values)]
        if french is not None:
            # France alone (column 7), and the highest of the kept countries (key "~name").
            if len(values) > 7 and values[7].strip():
                french[name] = max(french.get(name, 0), int(values[7], 16))
            kept = [int(values[i], 16) for i in _GG_COLUMNS + _GG_SOUTHERN if i < len(values) and values[i].strip()]
            if kept:
                french["~" + name] = max(french.get("~" + name, 0), *kept)
        frequent = any(c.strip() and c not in "1" for c in freq)
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


def add_insee_names(
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


def immigrant_names(
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


def east_asian_names() -> tuple[set[str], set[str]]:
    """Given names and family names from Faker vi_VN / zh_CN and gender-guesser (China, Vietnam)."""
    from faker.providers.person.vi_VN import Provider as ViProvider
    from faker.providers.person.zh_CN import Provider as ZhProvider

    given: set[str] = set()
    for names in (ViProvider.first_names_female, ViProvider.first_names_male, ViProvider.middle_names):
        for n in names:
            given.update(fold_key(p) for p in n.split())
    given.update(fold_key(n) for n in ZhProvider.first_romanized_names)
    for parts, values in _name_table_rows():
        if "+" not in parts[1] and any(i < len(values) and values[i].strip() for i in _GG_EAST_ASIA):
            given.add(fold_key(parts[1]))
    surnames = {fold_key(n) for n in ViProvider.last_names}
    surnames.update(fold_key(n) for n in ZhProvider.last_romanized_names)
    surnames.update(fold_key(n) for n in EXTRA_VIETNAMESE_SURNAMES)
    given = {g for g in given if len(g) >= 2}
    return given, surnames
