"""Private practices named after their street, district or partners: "Cabinet de pédiatrie des
Tanneurs", "Cabinet d'orthoptie du Vieux Port", "Cabinet infirmier Marne-Rive", "Cabinet pédiatrique
Bellecour", "Cabinet Kiné du Lac", "Kiné Croix-Blanche", "Cabinet infirmier Roux & Weber".

The shape is "cabinet", an optional specialty (a word of the list below, in any case, with
"de"/"d'" and a second specialty after "et"), then a capitalised name. By the conventions of
docs/privacy-detection.md the practice and its name are one ``HOPITAL``; a radiology or imaging
practice named after its commune keeps the commune only, as the earlier sets mark it. The span's
source outranks a person's name read after a job word ("IDE : Cabinet infirmier Dubois"). No
offline package lists French practices, hence the hand-written specialty list.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import UP, is_area_name, known_commune
from avec.privacy.detection.prefix_search import prefixed_finditer, prefixed_search
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.spans import Span

_SPECIALTIES = frozenset(
    words_of(
        """pediatrie pediatrique dermatologie cardiologie orthoptie kine kinesitherapie infirmier infirmiers
        infirmiere infirmieres sages-femmes sage-femme pathologie anatomopathologie anatomo-pathologie medical
        medicale dentaire orthodontie orthophonie podologie osteopathie psychologie psychiatrie gynecologie
        ophtalmologie orl rhumatologie neurologie gastro-enterologie pneumologie endocrinologie urologie
        echographie imagerie radiologie medecine chirurgie angiologie allergologie nephrologie dietetique
        paramedical pluridisciplinaire anatomie pathologique anatomopathologique cytologie histologie""",
    )
)
_CAP = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_SPEC_WORD = r"[\w'’-]+"
_OF = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])"
_PRACTICE = re.compile(
    r"(?<![\w'’-])(?P<kw>[Cc]abinet|CABINET|Kin[ée](?:sith[ée]rapie)?|KIN[ÉE])"
    r"(?P<spec>(?:[ \t]+(?:(?i:de|d['’])[ \t]*)?" + _SPEC_WORD + r"(?:[ \t]+" + _SPEC_WORD + r")?"
    r"(?:[ \t]+(?i:et)[ \t]+(?:(?i:de|d['’])[ \t]*)?" + _SPEC_WORD + r")?)?)"
    r"(?P<name>[ \t]+(?:(?i:" + _OF + r")(?:(?<=['’])|[ \t]+))?" + _CAP
    + r"(?:[ \t]+(?:(?:de|du|des|la|le|les|et|&)[ \t]+)?" + _CAP + r"){0,3})"
)
_GATE = re.compile(r"(?i)cabinet|kin[ée]")
_TITLES = frozenset(words_of("dr docteur pr professeur m mme mr mlle madame monsieur"))


def _specialty_ok(spec: str) -> bool:
    """Every word of the specialty part is a specialty or a link ("d'Imagerie Médicale et d'Échographie")."""
    found = False
    for w in re.findall(r"[\w'’-]+", spec):
        key = fold_key(w)
        key = key[2:] if key.startswith(("d'", "d’")) else key
        if key not in _SPECIALTIES and key not in ("de", "et", "d", "du", "des", "la", "l"):
            return False
        found = found or key in _SPECIALTIES
    return found


def surname_named(ctx: DetectionContext, words: list[str]) -> bool:
    """A name made only of persons' names ("Delmas", "Roux & Weber"): the older sets mark the person."""
    lex = ctx.lexicons
    names = [w for w in words if fold_key(w) not in ("&", "et", "associes", "associe", "associees")]
    if not names or any(fold_key(w) in ("fils", "freres", "soeurs") for w in names):
        return False  # "Taxis Kuntz & Fils": a family firm's name
    return all(
        lex.is_surname(w)
        or lex.is_first_name(w)
        or not (lex.is_common(w.lower()) or known_commune(lex, w) or is_area_name(w.split("-")[0]))
        for w in names
    )


def _name_end(ctx: DetectionContext, start: int, end: int) -> int:
    """End of the name before a word that closes it ("Tél", "Dr", a drug) and its trailing links."""
    text = ctx.text
    for w in re.finditer(r"[\w'’\-]+", text[start:end]):
        key = fold_key(w.group(0)).strip("'’")
        if key in FACILITY_STOP or key in _TITLES or is_protected_word(w.group(0)):
            end = start + w.start()
            break
    tail = re.search(r"(?i)(?:[ \t]+(?:de|du|des|la|le|les|et|&|d['’]))*[ \t'’&-]*\Z", text[start:end])
    return start + tail.start() if tail else end


def practice_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for a practice and its proper name."""
    text, lex = ctx.text, ctx.lexicons
    out: list[Span] = []
    if not prefixed_search(_GATE, text, ctx.folded):
        return out
    for m in prefixed_finditer(_PRACTICE, text, ctx.folded):
        kw, spec = m.group("kw"), m.group("spec")
        if spec and not _specialty_ok(spec):
            continue
        start = m.start("name") + len(m.group("name")) - len(m.group("name").lstrip())
        end = _name_end(ctx, start, m.end("name"))
        name = text[start:end]
        words = [w for w in re.findall(r"[\w'’\-]+", name) if fold_key(w) not in ("de", "du", "des", "la", "le", "les")]
        if not words or fold_key(words[0]) in _SPECIALTIES or fold_key(words[0]).strip(".") in _TITLES:
            continue
        lead = re.match(r"(?i)" + _OF + r"(?:(?<=['’])|[ \t]+)", name)
        linked = bool(spec and re.search(r"(?i)(?:\bde|\bdu|\bdes|d['’])[ \t]*$", spec))
        if (lead or linked) and known_commune(lex, name[lead.end() :] if lead else name):
            continue  # "cabinet de radiologie de Quimper": the commune only (the care practices' rule sees it)
        if not (lead or linked) and all(lex.is_common(w.lower()) for w in words) and not known_commune(lex, words[-1]):
            continue  # "CABINET DE CHIRURGIE ORALE": a specialty and an adjective, no name
        nursing = not spec or re.search(r"(?i)infirmi|kin", spec) or fold_key(kw).startswith("kin")
        if nursing and surname_named(ctx, words):
            continue  # "Cabinet infirmier Lebrun & Morel": the partners' names, which the person rules mark
        person = len(words) == 2 and (lex.is_first_name(words[0]) or words[1].isupper() and not words[0].isupper())
        if known_commune(lex, name) or person:
            continue  # "cabinet infirmier Aubenas": its commune; "Kiné Jean DUVAL": a person (their rules)
        if not spec and fold_key(kw) == "cabinet" and (
            kw[0].islower() or len(words) == 1 and (lex.is_common(words[0].lower()) or lex.is_first_name(words[0]))
        ):
            continue  # "cabinet Dupont-Lajoie" in prose, "Cabinet Conseil": no practice's name
        if fold_key(kw).startswith("kine") and all(lex.is_common(w.lower()) for w in words) and "-" not in name:
            continue  # "Kiné Respiratoire", "Kiné Domicile"
        first = m.start("spec") + len(spec) - len(spec.lstrip()) if spec else start
        # "le cabinet Imagerie du Parc": in prose, the lower-case word is no part of the name
        begin = first if kw[0].islower() and text[first : first + 1].isupper() else m.start()
        out.append(Span(begin, end, "HOPITAL", 0.8, "named_body"))
    return out
