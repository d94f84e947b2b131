"""Random identifiers in the shapes found in real French records (hard cases included)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from faker import Faker

from avec.privacy.detection.patterns import nir_key

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
# Names that are also ordinary words, particles, apostrophes: the hard cases.
HARD_LAST = [
    "Petit",
    "Blanc",
    "Rose",
    "Laurent",
    "Martin",
    "Leblanc",
    "Moulin",
    "Boulanger",
    "Marchand",
    "Le Goff",
    "Le Gall",
    "de La Fontaine",
    "de Villiers",
    "N'Diaye",
    "D'Almeida",
    "Da Silva",
    "Dos Santos",
    "Ben Amar",
    "El Idrissi",
    "Van den Berg",
    "Lefèvre",
    "Nguyen",
    "Traoré",
    "Fontaine",
    "Chevalier",
    "Lenoir",
    "Bonhomme",
    "Lebon",
    "Vacher",
    "Berger",
    "Mercier",
]
HARD_FIRST_F = [
    "Rose",
    "Claire",
    "Marine",
    "Aurore",
    "Constance",
    "Blanche",
    "Capucine",
    "Violette",
    "Anne-Sophie",
    "Marie-Claire",
    "Aïcha",
    "Fatou",
    "Maëlys",
    "Chloé",
    "Zoé",
    "Inès",
]
HARD_FIRST_M = [
    "Pierre",
    "Laurent",
    "Martin",
    "Marc",
    "Jean-Pierre",
    "Jean-Baptiste",
    "Vincent",
    "Olivier",
    "Mamadou",
    "Karim",
    "Loïc",
    "Gaël",
    "Noël",
    "Ange",
    "Baptiste",
    "Amadou",
]
OTHER_LOCALES = ["it_IT", "es_ES", "pt_PT", "pl_PL", "de_DE", "nl_BE", "fr_CH", "fr_CA"]
STREET_TYPES = [
    "rue",
    "avenue",
    "boulevard",
    "allée",
    "impasse",
    "chemin",
    "place",
    "route",
    "quai",
    "résidence",
    "lotissement",
]
FACILITY_FORMS = [
    "CHU de {city}",
    "Centre Hospitalier de {city}",
    "CH de {city}",
    "Hôpital {saint}",
    "Clinique {saint}",
    "EHPAD Les {plant}",
    "EHPAD {saint}",
    "Polyclinique du {place}",
    "Centre Hospitalier Universitaire de {city}",
    "Hôpital privé de {city}",
    "Résidence Les {plant}",
    "Clinique des {plant}",
    "SSIAD de {city}",
    "Maison de santé de {city}",
    "CHRU de {city}",
]
SAINTS = [
    "Saint-Joseph",
    "Sainte-Marie",
    "Saint-Louis",
    "Saint-Antoine",
    "Sainte-Anne",
    "Saint-Vincent",
    "Saint-Jean",
    "Bichat",
    "Necker",
    "Pasteur",
    "Jean Jaurès",
    "Édouard Herriot",
    "Pellegrin",
]
PLANTS = [
    "Tilleuls",
    "Glycines",
    "Hortensias",
    "Lilas",
    "Jardins de Cybèle",
    "Charmilles",
    "Peupliers",
    "Magnolias",
    "Cèdres",
    "Oliviers",
    "Mimosas",
    "Terrasses du Lac",
    "Jardins d'Automne",
]
PLACES = ["Parc", "Littoral", "Val de Saône", "Bocage", "Grand Large", "Pont"]


@dataclass
class Person:
    """A generated person."""

    first: str
    last: str
    female: bool
    birth_name: str | None = None


class Identities:
    """Seeded random identifiers."""

    def __init__(self, rng: random.Random, fake: Faker) -> None:
        self.rng = rng
        self.fake = fake
        self.others = {loc: Faker(loc) for loc in OTHER_LOCALES}
        for i, f in enumerate(self.others.values()):
            f.seed_instance(rng.randrange(1 << 30) + i)

    def last_name(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return str(self.fake.last_name())
        if r < 0.75:
            loc = self.rng.choice(OTHER_LOCALES)
            name = str(self.others[loc].last_name())
            return name if len(name.split()) <= 3 else name.split()[-1]
        return self.rng.choice(HARD_LAST)

    def first_name(self, female: bool) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(HARD_FIRST_F if female else HARD_FIRST_M)
        return str(self.fake.first_name_female() if female else self.fake.first_name_male())

    def person(self) -> Person:
        female = self.rng.random() < 0.55
        p = Person(self.first_name(female), self.last_name(), female)
        if female and self.rng.random() < 0.4:
            p.birth_name = self.last_name()
        return p

    def city(self) -> str:
        return str(
            self.rng.choice(
                [
                    "Rennes",
                    "Brest",
                    "Nantes",
                    "Lyon",
                    "Lille",
                    "Bordeaux",
                    "Toulouse",
                    "Marseille",
                    "Nancy",
                    "Metz",
                    "Strasbourg",
                    "Dijon",
                    "Limoges",
                    "Angers",
                    "Tours",
                    "Caen",
                    "Rouen",
                    "Amiens",
                    "Saint-Malo",
                    "Quimper",
                    "Vannes",
                    "Lorient",
                    "Saint-Brieuc",
                    "Le Mans",
                    "La Roche-sur-Yon",
                    "Aix-en-Provence",
                    "Boulogne-Billancourt",
                    "Villeneuve-d'Ascq",
                    "Châteauroux",
                    "Poitiers",
                    "Clermont-Ferrand",
                    "Saint-Étienne",
                    "Montpellier",
                    "Nîmes",
                    "Perpignan",
                    "Pau",
                    "Bayonne",
                    "Dinan",
                    "Fougères",
                    "Lannion",
                    "Morlaix",
                    "Vitré",
                    "Cholet",
                    "Niort",
                    "La Rochelle",
                ]
            )
        )

    def zip(self) -> str:
        return (
            f"{self.rng.choice([35, 29, 44, 69, 59, 33, 31, 13, 54, 57, 67, 75, 92, 56, 22, 49]):02d}"
            f"{self.rng.randrange(0, 1000):03d}"
        )

    def street(self) -> str:
        num = str(self.rng.randrange(1, 180))
        if self.rng.random() < 0.15:
            num += self.rng.choice([" bis", " ter", "B"])
        name = str(self.fake.street_name())
        parts = name.split(" ", 1)
        kind = self.rng.choice(STREET_TYPES)
        rest = parts[1] if len(parts) > 1 else name
        return f"{num} {kind} {rest}" if self.rng.random() < 0.6 else f"{num}, {kind} {rest}"

    def phone(self) -> str:
        digits = [self.rng.choice("1234567")] + [str(self.rng.randrange(10)) for _ in range(8)]
        pairs = ["0" + digits[0]] + ["".join(digits[i : i + 2]) for i in range(1, 9, 2)]
        style = self.rng.randrange(6)
        if style == 0:
            return " ".join(pairs)
        if style == 1:
            return ".".join(pairs)
        if style == 2:
            return "-".join(pairs)
        if style == 3:
            return "".join(pairs)
        if style == 4:
            return "+33 " + digits[0] + " " + " ".join(pairs[1:])
        return "0033 " + digits[0] + " " + " ".join(pairs[1:])

    def email(self, p: Person) -> str:
        import unicodedata

        def ascii_(s: str) -> str:
            return "".join(c for c in unicodedata.normalize("NFD", s) if c.isalnum() or c in ".-").lower()

        domain = self.rng.choice(
            [
                "gmail.com",
                "orange.fr",
                "free.fr",
                "chu-rennes.fr",
                "wanadoo.fr",
                "laposte.net",
                "ch-vannes.fr",
                "hotmail.fr",
                "yahoo.fr",
                "sfr.fr",
            ]
        )
        sep = self.rng.choice([".", "_", "", "-"])
        return f"{ascii_(p.first)}{sep}{ascii_(p.last).replace(' ', '')}@{domain}"

    def nir(self, p: Person, birth: dt.date) -> str:
        sex = "2" if p.female else "1"
        dept = self.rng.choice(["35", "29", "75", "2A", "2B", "69", "13", "99", "44", "59"])
        body = (
            f"{sex}{birth.year % 100:02d}{birth.month:02d}{dept}{self.rng.randrange(1, 999):03d}"
            f"{self.rng.randrange(1, 999):03d}"
        )
        key = f"{nir_key(body):02d}"
        if self.rng.random() < 0.5:
            return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key}"
        return body + key

    def date(self, start_year: int = 2019, end_year: int = 2025) -> dt.date:
        start = dt.date(start_year, 1, 1).toordinal()
        return dt.date.fromordinal(self.rng.randrange(start, dt.date(end_year, 12, 28).toordinal()))

    def birth(self) -> dt.date:
        return self.date(1925, 2010)

    def fmt_date(self, d: dt.date, *, short: bool = False) -> str:
        style = self.rng.randrange(8 if not short else 3)
        if style == 0:
            return d.strftime("%d/%m/%Y")
        if style == 1:
            return f"{d.day} {MONTHS[d.month - 1]}" if short else f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if style == 2:
            return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]}"
        if style == 3:
            return d.strftime("%d-%m-%y")
        if style == 4:
            return d.strftime("%d.%m.%Y")
        if style == 5:
            return f"{MONTHS[d.month - 1]} {d.year}"
        if style == 6:
            return d.isoformat()
        return f"{d.day}/{d.month}/{d.year}"

    def ipp(self) -> str:
        return str(
            self.rng.choice(
                [
                    f"{self.rng.randrange(10**7, 10**8)}",
                    f"80{self.rng.randrange(10**7, 10**8)}",
                    f"P{self.rng.randrange(10**6, 10**7)}",
                ]
            )
        )

    def nda(self) -> str:
        return str(
            self.rng.choice([f"{self.rng.randrange(10**8, 10**9)}", f"24{self.rng.randrange(10**6, 10**7)}"])
        )

    def facility(self) -> str:
        form = self.rng.choice(FACILITY_FORMS)
        return form.format(
            city=self.city(),
            saint=self.rng.choice(SAINTS),
            plant=self.rng.choice(PLANTS),
            place=self.rng.choice(PLACES),
        )
