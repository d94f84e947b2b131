"""Put the original identifiers back into a model's answer, whole or streamed chunk by chunk.

The restorer knows every surrogate emitted in the conversation (the mapping's exact pairs) plus the
usual ways a model rewrites them: letter case (``DURAND``/``Durand``), accents dropped, elision and
plural (``d'Orsini`` -> ``de Dupont``, ``les Durands``), a shortened first name (``P. Durand``), dates
and phone numbers written in another usual format. Ordinary lower-case words are never turned into
names ("petit" stays "petit" even if ``Petit`` is a surrogate).

Streaming: :class:`StreamRestorer` holds back only the shortest tail of the text received so far that
could still be the beginning of a surrogate, so the concatenated output equals ``restore(whole text)``
for any chunking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from avec.privacy.transform import dates, identifiers, names
from avec.privacy.transform.casing import strip_accents, style_of, title_case
from avec.privacy.transform.mapping import ConversationMapping

_NAME_LIKE = frozenset({"NOM", "PRENOM", "VILLE", "HOPITAL", "ADRESSE"})
_NIR_BODY = re.compile(r"\d{5}(?:\d{2}|2A|2B)\d{6}")
_ELISIONS = ("d'", "l'", "d’", "l’", "de ", "le ")
_VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûü")
_PHONE_TEMPLATES = (
    "0X XX XX XX XX",
    "0X.XX.XX.XX.XX",
    "0X-XX-XX-XX-XX",
    "0XXXXXXXXX",
    "+33 X XX XX XX XX",
    "+33XXXXXXXXX",
    "+33 (0)X XX XX XX XX",
    "0033 X XX XX XX XX",
    "+33 X.XX.XX.XX.XX",
)


@dataclass(frozen=True)
class _Candidate:
    label: str
    surrogate: str
    original: str


def _date_variants(mapping: ConversationMapping) -> list[_Candidate]:
    out = []
    for label in ("DATE", "DATE_NAISSANCE"):
        for orig_key, sur_key in mapping.values.get(label, {}).items():
            orig, sur = _date_value(orig_key), _date_value(sur_key)
            if orig is None or sur is None:
                continue
            for fmt in dates.common_formats(orig.kind):
                out.append(_Candidate(label, dates.render(sur, fmt), dates.render(orig, fmt)))
    return out


def _date_value(key: str) -> dates.DateValue | None:
    kind, _, iso = key.partition(":")
    try:
        return dates.DateValue(kind, int(iso[0:4]), int(iso[5:7]), int(iso[8:10]))
    except ValueError:
        return None


def _number_variants(mapping: ConversationMapping) -> list[_Candidate]:
    out = []
    for key, nine in mapping.values.get("TEL", {}).items():
        for template in _PHONE_TEMPLATES:
            template = template.replace("X", "0")
            out.append(
                _Candidate("TEL", identifiers.render_phone(template, nine), identifiers.render_phone(template, key))
            )
    for key13, full in mapping.values.get("SECU", {}).items():
        if not _NIR_BODY.fullmatch(key13):  # a SECU value replaced by shape: restored as sent only
            continue
        original = key13 + f"{identifiers.nir_key(key13):02d}"
        for template in ("XXXXXXXXXXXXXXX", "X XX XX XX XXX XXX XX"):
            out.append(
                _Candidate("SECU", identifiers.substitute(template, full), identifiers.substitute(template, original))
            )
    return out


class Restorer:
    """Restores the originals of one conversation's surrogates in any text."""

    def __init__(self, mapping: ConversationMapping) -> None:
        table: dict[str, list[_Candidate]] = {}
        candidates = [_Candidate(*pair) for pair in mapping.pairs]
        if mapping.mode == "surrogate":
            candidates += _date_variants(mapping) + _number_variants(mapping)
        for cand in candidates:
            if cand.label == "PRENOM" and names.is_initials(cand.surrogate) or len(cand.surrogate) < 2:
                continue  # "A." alone is restored only as part of "A. Durand"
            variants = {cand.surrogate}
            if cand.label in _NAME_LIKE:
                variants.add(strip_accents(cand.surrogate))
                if cand.label in ("NOM", "PRENOM"):  # "Louis Marc" for "Louis-Marc"
                    variants.update({v.replace("-", " ") for v in variants})
            if mapping.mode == "placeholder":
                variants.add(cand.surrogate.strip("[]"))
            for variant in variants:
                bucket = table.setdefault(_fold(variant), [])
                if cand not in bucket:
                    bucket.append(_Candidate(cand.label, variant, cand.original))
        self._table = table
        # Hand-written matcher rather than one big regular expression: an alternation of hundreds of
        # variants, each with its own boundaries, took over a second on a 2,000-word answer.
        # Variants are indexed by their first two characters and tried longest first. Numbers (dates,
        # phones, NIR, IPP…) need only digit boundaries ("14h30" after a date); words need word
        # boundaries and may carry an elision ("d'", "de ") or a plural "s".
        self._index: dict[str, list[str]] = {}
        for variant in sorted(table, key=len, reverse=True):
            self._index.setdefault(variant[:2], []).append(variant)
        self._numeric = frozenset(v for v in table if v[0].isdigit() and v[-1].isdigit())
        self._prefixes: set[str] = {""}
        for variant in table:
            if variant not in self._numeric:
                for word in (variant, variant + "s"):
                    self._prefixes.update(word[:i] for i in range(1, len(word) + 1))
        self._number_prefixes = {v[:i] for v in self._numeric for i in range(1, len(v) + 1)}
        self._maxlen = max((len(v) for v in table), default=0) + 4

    def restore(self, text: str) -> str:
        """The text with every known surrogate replaced by its original."""
        restored, _ = self._restore_span(text, 0, len(text))
        return restored

    def stream(self) -> StreamRestorer:
        """A restorer for an answer arriving in chunks."""
        return StreamRestorer(self)

    # -- internals shared with StreamRestorer ------------------------------------------------------
    def _restore_span(self, text: str, pos: int, stop: int) -> tuple[str, int]:
        """Restore matches of ``text`` starting in [pos, stop); returns the output and where it ends."""
        if not self._table:
            return text[pos:stop], stop
        folded = _fold_aligned(text)
        out, cursor, i = [], pos, pos
        while i < stop:
            found = self._match_at(text, folded, i)
            if found is None:
                i += 1
                continue
            end, replacement = found
            out.append(text[cursor:i])
            out.append(replacement)
            cursor = i = end
        end = max(cursor, stop)
        out.append(text[cursor:end])
        return "".join(out), end

    def _match_at(self, text: str, folded: str, i: int) -> tuple[int, str] | None:
        """The match starting at ``i`` (end, replacement), elided forms first, then longest variant."""
        if i and _is_word(text[i - 1]):
            plain = self._variant_at(text, folded, i, numbers_only=True)
            return plain[:2] if plain else None
        lead = folded[i : i + 3]
        elision = 2 if lead[:2] in ("d'", "l'", "d’", "l’") else 3 if lead in ("de ", "le ") else 0
        if elision:
            found = self._variant_at(text, folded, i + elision, words_only=True)
            if found is not None:
                end, replacement, cand = found[0], found[1], found[2]
                prefix = text[i : i + elision]
                if cand.label in _NAME_LIKE:
                    prefix = _fix_elision(prefix, replacement)
                return end, prefix + replacement
        plain = self._variant_at(text, folded, i)
        return plain[:2] if plain else None

    def _variant_at(
        self, text: str, folded: str, i: int, *, numbers_only: bool = False, words_only: bool = False
    ) -> tuple[int, str, _Candidate] | None:
        variants = self._index.get(folded[i : i + 2])
        if not variants:
            return None
        after_digit = i > 0 and text[i - 1].isdigit()
        for variant in variants:
            numeric = variant in self._numeric
            if (numbers_only and not numeric) or (words_only and numeric) or (numeric and after_digit):
                continue
            end = i + len(variant)
            if folded[i:end] != variant:
                continue
            found = text[i:end]
            plural = ""
            if numeric:
                if end < len(text) and text[end].isdigit():
                    continue
            elif end < len(text) and _is_word(text[end]):
                if text[end] in "sS" and (end + 1 == len(text) or not _is_word(text[end + 1])):
                    plural, end = text[end], end + 1
                else:
                    continue
            replaced = self._replacement(found)
            if replaced is None:
                continue
            return end, replaced[0] + plural, replaced[1]
        return None

    def _replacement(self, found: str) -> tuple[str, _Candidate] | None:
        candidates = self._table[_fold(found)]
        exact = next((c for c in candidates if c.surrogate == found), None)
        cand = exact or candidates[0]
        if exact is None and cand.label in _NAME_LIKE and found[:1].islower():
            return None  # an ordinary word, not a name a model re-cased
        return (cand.original if exact else _recase(found, cand.original)), cand

    def _viable(self, tail: str, after_word: bool, after_digit: bool) -> bool:
        """Could ``tail`` (preceded by a letter/digit or not) still grow into a match?"""
        low = _fold(tail)
        if not after_digit and low in self._number_prefixes:
            return True
        if after_word:
            return False
        if low in self._prefixes:
            return True
        for elision in _ELISIONS:
            if elision.startswith(low) or (low.startswith(elision) and low[len(elision) :] in self._prefixes):
                return True
        return False


def _recase(found: str, original: str) -> str:
    style = style_of(found)
    if style == "upper":
        return original.upper()
    if style == "lower":
        return original.lower()
    if style == "title" and style_of(original) in ("upper", "lower"):
        return title_case(original)
    return original


def _fix_elision(elision: str, original: str) -> str:
    """``d'`` before a consonant becomes ``de ``; the reverse is left alone (the source may say "de Alix")."""
    if elision[1] in "'’" and original[:1].lower() not in _VOWELS:
        return elision[0] + "e "
    return elision


class StreamRestorer:
    """Incremental restoration: ``feed(chunk) -> str`` as the answer streams, then ``flush() -> str``."""

    def __init__(self, restorer: Restorer) -> None:
        self._restorer = restorer
        self._context = ""  # the last character already emitted (for word boundaries)
        self._buffer = ""

    def feed(self, chunk: str) -> str:
        """Add a chunk; return what can be safely emitted now."""
        self._buffer += chunk
        text = self._context + self._buffer
        base = len(self._context)
        hold = len(text)
        for q in range(max(base, len(text) - self._restorer._maxlen), len(text)):
            before = text[q - 1] if q else ""
            if self._restorer._viable(text[q:], _is_word(before), before.isdigit()):
                hold = q
                break
        return self._emit(text, base, hold)

    def flush(self) -> str:
        """Return everything still held back, restored (call once at the end of the stream)."""
        text = self._context + self._buffer
        return self._emit(text, len(self._context), len(text))

    def _emit(self, text: str, base: int, hold: int) -> str:
        if hold <= base:
            return ""
        out, end = self._restorer._restore_span(text, base, hold)
        self._context = text[end - 1]
        self._buffer = text[end:]
        return out


_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'"})


def _fold(text: str) -> str:
    """Matching key: lower case, French typography's no-break/thin spaces and ’ as plain ones."""
    return text.lower().translate(_SPACES)


def _fold_aligned(text: str) -> str:
    """:func:`_fold` keeping one character per character (so positions match ``text``)."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters ("İ")
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_SPACES)


def _is_word(char: str) -> bool:
    # "_" is not part of a word here: models write Markdown ("_Aubert_", "__Aubert__").
    return bool(char) and char.isalnum()
