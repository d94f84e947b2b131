"""Surrogate operators, one per label, drawing from Faker's French data and keeping the mapping consistent.

Every operator returns the exact text to put in place of the original and records, in the mapping,
the base value (so that the next occurrence or the next turn gets the same surrogate).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from avec.privacy.transform import dates, identifiers, names, places
from avec.privacy.transform.casing import apply_style, norm_key, strip_accents, style_of
from avec.privacy.transform.mapping import ConversationMapping

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+")
_NIR_SHAPE = re.compile(r"[1-478]\d{4}(?:\d{2}|2A|2B)\d{6}(?:\d{2})?")
_ELIDING = frozenset("aeiouyh")  # first letters taking "d'" / "l'" (h counted with the vowels)
# Words a surrogate copies from the original on purpose ("EHPAD", "Clinique", "rue"): not collisions.
_KIND_WORDS = frozenset(w for kind in (*places.FACILITY_TYPES, *places.STREET_TYPES) for w in norm_key(kind).split())
_MAIL_WORDS = frozenset(
    {
        "chu",
        "ch",
        "chr",
        "chru",
        "hopital",
        "hopitaux",
        "clinique",
        "sante",
        "ehpad",
        "aphp",
        "ap",
        "hp",
        "hm",
        "mail",
        "contact",
        "secretariat",
        "accueil",
        "medecin",
        "dr",
        "fr",
        "gouv",
        "ars",
        "ccas",
        "mairie",
        "ssiad",
        "cabinet",
        "service",
        "info",
        "admin",
    }
)


@dataclass
class SpanContext:
    """What an operator may need to know about the neighbourhood of a span."""

    preceding: str = ""
    person: str = ""  # normalised surname of the person this name span belongs to
    linked_zip: str = ""  # for a VILLE: the original postal code written next to it
    linked_city: str = ""  # for a ZIP: the original commune written next to it


@lru_cache(maxsize=16)
def _pool_keys(pool: tuple[str, ...]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple((name, norm_key(name), tuple(_words(name))) for name in pool)


@lru_cache(maxsize=256)
def _shaped_pool(
    pool: tuple[str, ...], vowel: bool, avoid_initial: str
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Pool entries starting with a vowel (or not) and not with ``avoid_initial``."""
    return tuple(e for e in _pool_keys(pool) if (e[1][:1] in _ELIDING) == vowel and e[1][:1] != avoid_initial)


def _words(text: str) -> list[str]:
    return [norm_key(w) for w in _WORD.findall(text)]


class SurrogateMaker:
    """Chooses surrogates that are consistent, unique per conversation and absent from the texts."""

    def __init__(
        self,
        mapping: ConversationMapping,
        rng: random.Random,
        texts: list[str],
        originals: list[str],
        gender_evidence: dict[str, str],
    ) -> None:
        self.mapping = mapping
        self.rng = rng
        self.gender_evidence = gender_evidence
        numbers = {n for t in texts for n in _NUMBER.findall(t)}
        self.forbidden = (
            {w for t in texts for w in _WORD.findall(norm_key(t))}
            | mapping.originals()
            | numbers
            | {norm_key(o) for o in originals}
        )
        self.forbidden_digits = (
            {identifiers.compact(k) for k in mapping.originals()}
            | numbers
            | {identifiers.compact(o) for o in originals}
        )
        self.used = {norm_key(s) for s in mapping.used_surrogates()}

    # -- choosing fresh values -------------------------------------------------------------------
    def _acceptable(self, candidate: str, kind: str) -> bool:
        key = norm_key(candidate)
        if key in self.used or key in self.forbidden:
            return False
        if kind == "name":
            return not any(w in self.forbidden for w in _words(candidate))
        if kind == "phrase":  # only the distinctive words ("Lilas", "Nantes"), not "rue", "de", "CHU"
            distinctive = [
                w
                for w in _WORD.findall(candidate)
                if len(w) >= 4 and w[0].isupper() and not w.isupper() and norm_key(w) not in _KIND_WORDS
            ]
            return not any(norm_key(w) in self.forbidden for w in distinctive)
        return identifiers.compact(candidate) not in self.forbidden_digits

    def _fresh(self, make: Callable[[], str], kind: str = "name") -> str:
        """Draw until the value is new in this conversation and absent from the texts (fail after 300)."""
        for attempt in range(300):
            candidate = make()
            if attempt >= 60 and kind == "name":  # pools exhausted: combine two draws (still plausible)
                candidate = f"{candidate}-{make()}"
            if self._acceptable(candidate, kind):
                self.used.add(norm_key(candidate))
                return candidate
        raise RuntimeError("no free surrogate left for this conversation")

    def _from_pool(self, pool: tuple[str, ...], original_key: str, parts: int = 1, avoid_initial: str = "") -> str:
        """A name from ``pool`` not used nor written anywhere (two names joined when the pool runs dry).

        It starts with a vowel exactly when the original does, so "d'Alix" / "de Paul" stay correct
        French on both sides and restoring never has to guess an elision.
        """
        shaped = _shaped_pool(pool, original_key[:1] in _ELIDING, avoid_initial) or _pool_keys(pool)

        def free(entry: tuple[str, str, tuple[str, ...]]) -> bool:
            _, key, words = entry
            blocked = (self.used, self.forbidden)
            return not any(key in b or any(w in b for w in words) for b in blocked)

        if parts == 1:
            for _ in range(40):  # usually the first draw is free; scan the pool only when it is crowded
                entry = self.rng.choice(shaped)
                if free(entry):
                    break
            else:
                available = [e for e in shaped if free(e)]
                entry = self.rng.choice(available) if available else ("", "", ())
            if entry[0]:
                self.used.add(entry[1])
                return entry[0]
        names_only = [name for name, _, _ in shaped]
        return self._fresh(lambda: "-".join(self.rng.choice(names_only) for _ in range(max(parts, 2))))

    def _remember(self, label: str, key: str, value: str) -> str:
        self.mapping.set_value(label, key, value)
        return value

    # -- names -----------------------------------------------------------------------------------
    def surname(self, original: str, ctx: SpanContext) -> str:
        """Surname surrogate in the original's letter case; a surname's initial ("Sandrine B.")
        stays an initial, another letter kept for the conversation."""
        if names.is_initials(original):
            letters = norm_key("".join(ch for ch in original if ch.isalpha()))
            drawn = self._random_initials(f"surname-initials:{ctx.person}:{letters}", letters)
            return names.replace_initials(original, drawn)
        key = norm_key(original)
        base = self.mapping.value("NOM", key) or self._remember("NOM", key, self._from_pool(names.surname_pool(), key))
        return apply_style(style_of(original), base)

    def gender_of(self, first_key: str, ctx: SpanContext) -> str:
        """Decide once per conversation the gender of a first name (title > lists > person > chance)."""
        if first_key in self.mapping.genders:
            return self.mapping.genders[first_key]
        person = self.mapping.persons.get(ctx.person)
        gender = (
            self.gender_evidence.get(first_key)
            or names.list_gender(first_key)
            or (person.gender if person else "")
            or self.rng.choice("MF")
        )
        self.mapping.genders[first_key] = gender
        return gender

    def first_name(self, original: str, ctx: SpanContext) -> str:
        """First name of the same gender (or the person's surrogate initials)."""
        if names.is_initials(original):
            return names.replace_initials(original, self._initials(original, ctx))
        key = norm_key(original)
        base = self.mapping.value("PRENOM", key)
        if base is None:
            male, female = names.first_name_pools()
            pool = male if self.gender_of(key, ctx) == "M" else female
            parts = max(1, len([p for p in re.split(r"[\s\-]+", original) if p]))
            # a different initial, so that "J. Dupont" does not keep its "J."
            base = self._remember("PRENOM", key, self._from_pool(pool, key, parts, avoid_initial=key[:1]))
        return apply_style(style_of(original), base)

    def _initials(self, original: str, ctx: SpanContext) -> str:
        letters = norm_key("".join(ch for ch in original if ch.isalpha()))
        person = self.mapping.persons.get(ctx.person)
        for first_key in person.first_keys if person else []:
            if norm_key(names.initials_of(first_key)).startswith(letters):
                surrogate = self.first_name(first_key, ctx)
                return names.initials_of(surrogate)[: len(letters)]
        return self._random_initials(f"initials:{ctx.person}:{letters}", letters)

    def _random_initials(self, key: str, letters: str) -> str:
        """Other letters than ``letters``, drawn once per ``key`` and kept for the conversation."""
        alphabet = [chr(c) for c in range(65, 91)]
        return self.mapping.value("PRENOM", key) or self._remember(
            "PRENOM", key, "".join(self.rng.choice([a for a in alphabet if a.lower() != x]) for x in letters)
        )

    # -- dates -----------------------------------------------------------------------------------
    def date(self, label: str, original: str) -> str | None:
        """The date shifted by the conversation's offset, same written form (None if unparsable)."""
        shifted = dates.shift_text(original, self.mapping.date_offset_days)
        if shifted is None:
            return None
        text, value, new = shifted
        self._remember(label, value.key(), new.key())
        return text

    def birth_month(self, nir_compact: str) -> tuple[int, int] | None:
        """Surrogate (year, month) of a birth date whose original agrees with the NIR's yy/mm."""
        for key, sur in self.mapping.values.get("DATE_NAISSANCE", {}).items():
            kind, _, iso = key.partition(":")
            if kind == "full" and iso[2:4] == nir_compact[1:3] and iso[5:7] == nir_compact[3:5]:
                return int(sur[5:9]), int(sur[10:12])
        return None

    # -- numbers ---------------------------------------------------------------------------------
    def nir(self, original: str) -> str:
        """A NIR with a valid key agreeing with the surrogate birth date, same layout."""
        digits = identifiers.compact(original)
        if not _NIR_SHAPE.fullmatch(digits):  # not a NIR we can rebuild: same shape, random digits
            return self.shaped("SECU", original)
        key = digits[:13]
        full = self.mapping.value("SECU", key)
        if full is None:
            birth = self.birth_month(digits)
            full = self._remember(
                "SECU",
                key,
                self._fresh(
                    lambda: identifiers.compact(
                        identifiers.nir_surrogate(
                            self.rng,
                            key + str(identifiers.nir_key(key)).zfill(2) if len(key) == 13 else key,
                            birth,
                            self.mapping.date_offset_days,
                        )
                    ),
                    kind="digits",
                ),
            )
        return identifiers.substitute(original, full[: len(digits)])

    def phone(self, original: str) -> str:
        """Same layout, same kind of line, one surrogate per number whatever its layout."""
        key = identifiers.phone_key(original)
        nine = self.mapping.value("TEL", key) or self._remember(
            "TEL", key, self._fresh(lambda: identifiers.phone_surrogate(self.rng, key), kind="digits")
        )
        return identifiers.render_phone(original, nine)

    def shaped(self, label: str, original: str) -> str:
        """Same shape (IPP, NDA, odd numbers): random digits and letters, separators kept."""
        key = identifiers.compact(original)
        value = self.mapping.value(label, key) or self._remember(
            label,
            key,
            self._fresh(lambda: identifiers.compact(identifiers.shape_surrogate(self.rng, original)), kind="digits"),
        )
        return identifiers.substitute(original, value)

    def mail(self, original: str) -> str:
        """An address rebuilt from the surrogate names; public providers kept."""
        key = original.strip().lower()
        value = self.mapping.value("MAIL", key)
        if value is None:
            value = self._remember("MAIL", key, self._fresh(lambda: self._build_mail(key), "phrase"))
        return value.upper() if style_of(original) == "upper" else value

    def _build_mail(self, address: str) -> str:
        match = identifiers.MAIL_RE.match(address)
        if match is None:
            return f"{norm_key(self.rng.choice(names.surname_pool())).replace(' ', '')}@example.fr"
        out = []
        for token in re.split(r"([._\-+])", match.group("local")):
            out.append(self._mail_token(token))
        domain = match.group("domain")
        if domain not in identifiers.PUBLIC_MAIL_DOMAINS:
            labels = domain.split(".")
            labels[:-1] = ["-".join(self._mail_domain_word(w) for w in lab.split("-")) for lab in labels[:-1]]
            domain = ".".join(labels)
        return "".join(out) + "@" + domain

    def _slug(self, text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", strip_accents(text).lower())

    def _mail_token(self, token: str) -> str:
        if not token or not token.isalpha():
            return identifiers.shape_surrogate(self.rng, token) if token.isdigit() else token
        key = norm_key(token)
        for label, render in (("PRENOM", self.first_name), ("NOM", self.surname)):
            if self.mapping.value(label, key) is not None:
                return self._slug(render(token, SpanContext()))
        if len(token) == 1:
            return self.rng.choice("abcdefghijklmnoprstv")
        for label in ("NOM", "PRENOM"):  # "jdupont": an initial glued to a known surname
            for orig, sur in self.mapping.values.get(label, {}).items():
                if key.endswith(orig) and len(key) - len(orig) <= 1 and not orig.startswith("initials:"):
                    prefix = "".join(self.rng.choice("abcdefghjlmnprst") for _ in range(len(key) - len(orig)))
                    return prefix + self._slug(sur)
        if key in _MAIL_WORDS:
            return token
        sur = self.mapping.value("_MAILPART", key) or self._remember(
            "_MAILPART", key, self._from_pool(names.surname_pool(), key)
        )
        return self._slug(sur)

    def _mail_domain_word(self, word: str) -> str:
        if not word.isalpha() or norm_key(word) in _MAIL_WORDS:
            return word
        city = self.city(word, SpanContext())
        return self._slug(city)

    # -- places ----------------------------------------------------------------------------------
    def _commune_for_city(self, city: str) -> tuple[str, str] | None:
        return next((c for c in places.COMMUNES if c[1] == city), None)

    def _pick_commune(self) -> tuple[str, str]:
        taken = self.used | self.forbidden
        zc = places.commune(self.rng, taken)
        self.used.update({norm_key(zc[0]), norm_key(zc[1])})
        return zc

    def postcode(self, original: str, ctx: SpanContext) -> str:
        """A real postal code, agreeing with the commune written next to it."""
        key = identifiers.compact(original)
        value = self.mapping.value("ZIP", key)
        if value is None:
            city_sur = self.mapping.value("VILLE", ctx.linked_city) if ctx.linked_city else None
            pair = self._commune_for_city(city_sur) if city_sur else None
            if pair is None:
                pair = self._pick_commune()
                if ctx.linked_city and city_sur is None:
                    self._remember("VILLE", ctx.linked_city, pair[1])
            value = self._remember("ZIP", key, pair[0])
        return identifiers.substitute(original, value)

    def city(self, original: str, ctx: SpanContext) -> str:
        """A real commune, agreeing with the postal code written next to it."""
        key = norm_key(original)
        value = self.mapping.value("VILLE", key)
        if value is None:
            zip_sur = self.mapping.value("ZIP", ctx.linked_zip) if ctx.linked_zip else None
            pair = next((c for c in places.COMMUNES if c[0] == zip_sur), None) if zip_sur else None
            if pair is None:
                pair = self._pick_commune()
                if ctx.linked_zip and zip_sur is None:
                    self._remember("ZIP", ctx.linked_zip, pair[0])
            value = self._remember("VILLE", key, pair[1])
        return places.render_city(original, value)

    def address(self, original: str) -> str:
        """A street address (number and street type kept), with a consistent zip/commune tail."""
        key = norm_key(original)
        value = self.mapping.value("ADRESSE", key)
        if value is None:
            split = places.split_zip_city(original)
            if split is not None:
                street, zip_code, sep, city = split
                zip_sur = self.postcode(zip_code, SpanContext(linked_city=norm_key(city)))
                city_sur = self.city(city, SpanContext(linked_zip=zip_code))
                street_sur = (
                    self._fresh(lambda: places.street_address(self.rng, street), "phrase") if street.strip() else ""
                )
                value = (
                    f"{street_sur}{' ' if street_sur and not street_sur.endswith(' ') else ''}{zip_sur}{sep}{city_sur}"
                    if street_sur
                    else f"{zip_sur}{sep}{city_sur}"
                )
            else:
                value = self._fresh(lambda: places.street_address(self.rng, original), "phrase")
            self._remember("ADRESSE", key, value)
        return value

    def facility(self, original: str) -> str:
        """A facility of the same kind (CHU, EHPAD…), in the surrogate commune when known."""
        key = norm_key(original)
        value = self.mapping.value("HOPITAL", key)
        if value is None:
            cities = self.mapping.values.get("VILLE", {})
            known = next((sur for orig, sur in cities.items() if key.endswith(" " + orig)), None)
            attempts = iter(range(1_000))

            def make() -> str:
                attempt = next(attempts)
                city = known if known and attempt == 0 else places.commune(self.rng, self.forbidden)[1]
                name = places.facility(self.rng, original, city)
                return name if attempt < 150 else f"{name} {places.commune(self.rng, self.forbidden)[1]}"

            value = self._remember("HOPITAL", key, self._fresh(make, "phrase"))
        return value
