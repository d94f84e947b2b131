"""A firm named after its trade, after "chez": "mission chez Intérim Littoral", "préparateur de
commandes chez Logistique Aubrac", "apprenti chez Menuiserie Combe".

Round 15 (organisations). ``company_names.py`` takes a capitalised run holding a trade word when
another word of it names (a place, a demonym, a word no lexicon knows); a firm's name is often made
of ordinary words ("Intérim Estuaire", "Logistique Rivage"), which it leaves. After "chez", a run
that OPENS on a capitalised trade word is a firm: "chez" + a person's name never starts with a
trade. One ``HOPITAL`` span (the firm tells where the person works).

Safe because: "chez" must be followed by the trade word, capitalised, then one to three capitalised
words on the same line; care trades before a surname ("chez Ambulances Roux") are left to the person
rules, as are titles and first names.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key
from avec.privacy.spans import Span

_TRADES = frozenset(
    words_of("""logistique interim transports charpente charpentes menuiserie menuiseries boulangerie patisserie
    boucherie charcuterie garage maconnerie plomberie nettoyage proprete imprimerie scierie laiterie fromagerie
    sabliere sablieres carrosserie traiteur paysages jardins couverture electricite peinture demenagements
    travaux batiment construction constructions industrie industries elevage vignobles conserverie abattoirs
    espaces restauration distribution manutention emballages""")
)
_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|et|&)"
_AFTER_CHEZ = re.compile(
    r"(?i:chez)[ \t]+(?P<trade>" + _WORD + r")(?P<rest>(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?"
    + _WORD + r"){1,3})"
)
_FINDER = re.compile(r"(?i:chez)[ \t]+[" + UP + r"]")


def trade_firm_spans(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for firms named after their trade, after "chez"."""
    text, lex, out = ctx.text, ctx.lexicons, []
    for hit in prefixed_finditer(_FINDER, text, ctx.folded):
        if hit.start() and (text[hit.start() - 1].isalnum() or text[hit.start() - 1] in "_'’-"):
            continue
        m = _AFTER_CHEZ.match(text, hit.start())
        if m is None or fold_key(m.group("trade")) not in _TRADES:
            continue
        words = re.findall(r"[\w'’\-]+", m.group("rest"))
        end = m.start("rest")
        for w in re.finditer(r"[\w'’\-&]+", m.group("rest")):
            key = fold_key(w.group(0)).strip("'’")
            if key in FACILITY_STOP or key in CALENDAR_WORDS:
                break
            end = m.start("rest") + w.end()
        tail = re.search(r"(?i)[ \t]+(?:" + _LINK + r")['’]?\Z", text[m.start("trade") : end])
        end = m.start("trade") + tail.start() if tail else end
        if end <= m.end("trade") or not words or lex.is_first_name(words[0]) and len(words) == 2:
            continue  # "chez Garage" alone; "chez Peinture Jean Roux": a person after the trade
        out.append(Span(m.start("trade"), end, "HOPITAL", 0.8, "named_body"))
    return out
