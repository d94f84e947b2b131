"""Companies, mutuals and insurers heading a document in capitals: "MUTUELLE DU VAL D'ARGENT".

Family (round 14): letters and forms sent by an employer, a mutual or an insurer open on the
organisation's name in capitals alone on the first line ("TRANSPORTS DU HAUT-JURA", "PRÉVOYANCE
ASSURANCES DU LITTORAL", "AÉRO-MÉCANIQUE DU QUERCY – établissement de X"). Writers mark it
``HOPITAL``: it tells where the person works or is insured.

Safe because: only the first two non-empty lines of a document are read; the line (or its part
before a spaced dash or a comma) must be in capitals, two to seven words, hold a word of a firm's
trade or an insurer's kind (closed list) *and* a word that names (a place, a historical area, a
demonym, or a word that is no ordinary French word), and hold no word of a document's title
("COMPTE RENDU", "CERTIFICAT", "FICHE", "RAPPORT", "SERVICE", "DEMANDE"...) nor of a care facility
(those are read by the facility rules), no quotes or colon (a title, a field); a country does not name
("BANQUE DE FRANCE" is a national body).
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import words_of
from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.place_patterns import is_area_name, known_commune
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import fold_key
from avec.privacy.detection.work_health import HISTORIC_AREAS
from avec.privacy.spans import Span

_KINDS = frozenset(
    words_of(
        """mutuelle mutuelles assurance assurances prevoyance banque distribution logistique transports transport
        industrie industries industrielle usinage batiment construction constructions nettoyage proprete securite
        gardiennage interim travaux menuiserie metallerie chaudronnerie fonderie aeronautique mecanique
        agroalimentaire abattoirs conserverie laiterie fromagerie vignobles chais negoce energie btp chantiers
        navals boulangerie blanchisserie plasturgie textile tissage imprimerie scierie carrieres cimenterie
        forges aciers acierie"""
    )
)
_TITLE_WORDS = frozenset(
    words_of(
        """compte rendu certificat fiche rapport service demande attestation avis lettre courrier convocation bilan
        planning declaration formulaire dossier note proces export edition resultats hospitalisation consultation
        ordonnance prescription objet synthese protocole compte-rendu releve facture devis contrat convention
        avenant notification decision reponse questionnaire bordereau accident sinistre declaration arret medecin
        medecine centre clinique hopital ehpad cabinet laboratoire pharmacie direction ressources humaines
        confidentiel urgent check list checklist patient patiente bloc operatoire"""
    )
)
_LINKS = frozenset(words_of("de du des la le les l d et en sur aux"))
_DEMONYM = re.compile(r"(?i)\w{3,}(?:aise|ais|oise|ois|ienne|ien|éenne|éen|ine|ain|aine|and|ande)s?$")
_HEAD_LINES = re.compile(r"\A(?:[ \t]*\n)*[ \t]*(?P<l1>[^\n]*)(?:\n(?:[ \t]*\n)*[ \t]*(?P<l2>[^\n]*))?")
_CUT = re.compile(r"[ \t]+[–—-][ \t]|[ \t]*[,(|]|[ \t]{3}")


def _names(ctx: DetectionContext, word: str) -> bool:
    """A word that names: a place, a historical area, a demonym or no ordinary word."""
    key = fold_key(word)
    if ctx.lexicons.is_country(word):
        return False  # "BANQUE DE FRANCE": a national body, no place of the person's
    if key in HISTORIC_AREAS or is_area_name(word) or known_commune(ctx.lexicons, word):
        return True
    if any(fold_key(p) in HISTORIC_AREAS or is_area_name(p) for p in word.split("-") if len(p) >= 4):
        return True
    if _DEMONYM.search(word) and len(word) >= 6:
        return True
    return not ctx.lexicons.is_common(word.lower()) and key not in _KINDS and not is_protected_word(word)


def letterhead_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` span for a firm's, a mutual's or an insurer's name in capitals heading the document."""
    text = ctx.text
    head = _HEAD_LINES.match(text)
    if head is None or ctx.all_caps:
        return []
    out = []
    for group in ("l1", "l2"):
        line = head.group(group)
        if not line:
            continue
        start = head.start(group)
        cut = _CUT.search(text, start, head.end(group))
        end = cut.start() if cut else head.end(group)
        while end > start and text[end - 1] in " \t.:":
            end -= 1
        name = text[start:end]
        if name.upper() != name:
            continue  # (cheap test first) a letterhead is in capitals
        words = re.findall(r"[\w'’]+(?:-[\w'’]+)*", name)
        if not (2 <= len(words) <= 7) or name.upper() != name or any(c in name for c in "«»\":"):
            continue  # a title in quotes or a field, no name
        if not any(c.isalpha() for c in name):
            continue
        keys = [fold_key(w) for w in words]
        parts = [fold_key(p) for w in words for p in re.split(r"[-'’]", w)]
        if any(k in _TITLE_WORDS for k in parts) or not any(k in _KINDS for k in parts):
            continue
        named = [w for w, k in zip(words, keys, strict=True) if k not in _LINKS and k not in _KINDS]
        if named and any(_names(ctx, w) for w in named):
            out.append(Span(start, end, "HOPITAL", 0.8, "named_body"))
    return out
