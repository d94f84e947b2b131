"""Birth names after an abbreviated key of a label, a wristband or a form: "Nom naiss. PEYRAT".

Labels and wristbands print the birth name under short keys, with or without a colon: "Nom naiss.
PEYRAT", "Nom naiss. : LE ROUX", "nom de naiss. FAUCHER", "NJF BOSSARD", "Nom JF : Le Goff". The
value is one surname (its particles, and a second word when in capitals); it must be written in
capitals or with a capital, and be no ordinary word, drug or eponym when written with a capital
only. Hand-written: no library reads these keys.
"""

from __future__ import annotations

import re

from avec.privacy.detection.field_keys import classify_key
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_KEY = re.compile(
    r"(?<![\w])(?:(?i:nom)[ \t]+(?:(?i:de)[ \t]+)?(?:(?i:naiss)\.|(?i:nais)\.|(?-i:JF|jf)\b\.?)|(?-i:NJF)\b)"
    r"[ \t]*(?:\.{2,}|:)?[ \t]*"
)
# Values of a field left empty by the system ("NOM NAISS. ABSENT", "NJF INCONNU"): no one's name.
_NO_NAME = frozenset({"ABSENT", "ABSENTE", "INCONNU", "INCONNUE", "NEANT", "NÉANT", "IDEM", "AUCUN", "VIDE"})
_PARTICLES = r"(?:(?:LE|LA|DE|DU|DA|DES|DOS|VAN|VON|DI|EL|BEN|Le|La|De|Du|Da|Van|Von|Di|El|Ben)[ \t]+|[DL]['’])*"
_CAPS_WORD = r"[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’]+(?:-[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’]+)*"
_CAP_WORD = r"[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’]+)*"
_VALUE = re.compile(
    r"(?P<caps>" + _PARTICLES + _CAPS_WORD + r"(?:[ \t]" + _CAPS_WORD + r")?(?![\w]))|"
    r"(?P<cap>" + _PARTICLES + _CAP_WORD + r"(?![\w]))"
)


@recognizer("birth_name_key", 82)
def find_birth_name_keys(ctx: DetectionContext) -> list[Span]:
    """A surname after "Nom naiss.", "nom de naiss.", "NJF", "Nom JF" (module docstring)."""
    low = ctx.folded
    if "naiss." not in low and "nais." not in low and "jf" not in low:  # cheap test first (speed)
        return []
    text = ctx.text
    spans: list[Span] = []
    for key in prefixed_finditer(_KEY, text, ctx.folded):
        m = _VALUE.match(text, key.end())
        if m is None:
            continue
        value = m.group(0)
        if classify_key(value) is not None or value.upper() in _NO_NAME:
            continue  # "NOM NAISS.   PRENOM(S)": the next header of a table, no value
        last = re.split(r"[ \t'’]", value)[-1]
        if m.group("cap") and (ctx.lexicons.is_common(last) or is_protected_word(last, ctx.protected)):
            continue  # "Nom naiss. Inconnu", "nom JF Parkinson"
        if m.group("caps") and len(last) < 2:
            continue
        spans.append(Span(m.start(), m.end(), "NOM", 0.9, "birth_name_key"))
    return spans
