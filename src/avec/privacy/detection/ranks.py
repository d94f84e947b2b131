"""Names after a rank: firefighters, soldiers, gendarmes, police and navy ("Cpl Kerhervé",
"Sap. Guillemot", "Sgt LE GALL", "le capitaine Morel", "MDL-chef Roux", "gardien de la paix Diallo").

The ranks are the whole French list (army, gendarmerie, navy, national and municipal police,
sapeurs-pompiers) with their usual abbreviations. A rank works like a title: the capitalised word
after it is a surname even when it is also an ordinary word ("Sap. Guillemot"). Hand-written: no
library lists French ranks with their abbreviations.
"""

from __future__ import annotations

import re

from avec.privacy.detection.context_rules import _allowed
from avec.privacy.detection.names import label_run, scan_run, to_spans
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

# Abbreviations, case as written in reports (never alone: a name must follow).
_ABBREVIATIONS = (
    r"Sdt|SDT|Sap|SAP|Cpl|CPL|Cal|Cch|CCH|Sgt|SGT|Sgc|SGC|Sch|Mdl|MDL|MdlC|Mdc|MDC|Adj|ADJ|Adc|ADC|Maj|MAJ|Asp|ASP|"
    r"Slt|SLT|Lt|LT|Ltn|LTN|Cne|CNE|Cpt|Cdt|CDT|Cmdt|Lcl|LCL|Col|COL|Gal|GAL|Gpx|GPX|Bgd|Bgc|BGC|"
    r"QM|QM1|QM2|Mt|PM|EV|LV|OPJ|APJ|ISP|SPV|SPP"
)
# Full ranks and compounds, any case: "caporal-chef", "maréchal des logis-chef", "gardien de la paix".
_FULL = (
    r"soldat|sapeur(?:[ -]pompier)?|(?:1re|2e|premi[èe]re|deuxi[èe]me)\s+classe|caporal(?:-chef)?|"
    r"sergent(?:-chef)?|mar[ée]chal(?:e)?\s+des\s+logis(?:-chef)?|adjudant(?:e)?(?:-chef)?|major|aspirant|"
    r"sous-lieutenant|lieutenant(?:-colonel)?|capitaine|commandant|colonel|g[ée]n[ée]ral|"
    r"gendarme(?:\s+adjoint)?|gardien(?:ne)?\s+de\s+la\s+paix|brigadier(?:-chef)?(?:\s+principal)?|"
    r"commissaire(?:\s+divisionnaire)?|officier\s+de\s+police(?:\s+judiciaire)?|agent\s+de\s+police(?:\s+judiciaire)?|"
    r"matelot|quartier-ma[iî]tre|second\s+ma[iî]tre|premier\s+ma[iî]tre|ma[iî]tre\s+principal|"
    r"enseigne\s+de\s+vaisseau|(?:lieutenant|capitaine)\s+de\s+(?:vaisseau|fr[ée]gate|corvette)|"
    r"chef\s+d['’]agr[èe]s|chef\s+de\s+(?:groupe|garde|centre|colonne)|[ée]quipi[eè]re?s?|"
    r"infirmi[eè]re?\s+(?:de\s+)?sapeurs?-pompiers?|m[ée]decin[- ](?:capitaine|commandant|lieutenant|colonel)"
)
_RANK = re.compile(
    rf"(?:(?:(?<![\w'’.-])|(?<=[lL]['’]))(?:{_ABBREVIATIONS})(?:\.|(?=[ \t]))|(?i:(?<![\w-])(?:{_FULL})(?![\w])))"
    # "Équipiers : Cpl X", "MDL-chef Roux", "Sgt. LE GALL"
    r"(?:-chef)?[ \t]*(?::[ \t]*)?"
)
# Ranks that are also ordinary words or abbreviations of something else ("en SDT": psychiatric
# care at a third party's request, "hospi en SDT depuis 17/04").
_AMBIGUOUS = re.compile(r"major|maj|g[ée]n[ée]ral|gal|col|cal|mt|pm|ev|lv|qm|asp|soldat|matelot|sdt")
# A street or a building named after an officer: "rue du Capitaine Ferber", "caserne Commandant Roux".
_PLACE_BEFORE = re.compile(
    r"(?i)(?:rue|avenue|av\.?|boulevard|bd|place|all[ée]e|quai|impasse|square|cours|chemin|route|pont|"
    r"caserne|quartier|camp|base|[ée]cole|coll[èe]ge|lyc[ée]e|stade|r[ée]sidence|cit[ée]|centre|h[ôo]pital|"
    r"promenade|esplanade|parc|halle|gymnase|salle)(?:\s+(?:du|de\s+la|des|de|d['’]))?\s*$"
)


@recognizer("rank", 80)
def find_ranked_names(ctx: DetectionContext) -> list[Span]:
    """Names after a military, firefighter, police or navy rank, in full or abbreviated."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_RANK, text, ctx.folded):
        if _PLACE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        nxt = text[m.end() : m.end() + 1]
        if not nxt or not nxt.isupper() or _RANK.match(text, m.end()):
            continue  # "Chef d'agrès : Sgt LE GALL": the rank right after is read on its own
        words = scan_run(text, m.end(), lex, max_words=3, after_title=True)
        words = [w for w in words if w.kind != "particle" or w is not words[-1]]
        if not words or not _allowed(ctx, words):
            continue
        first = words[0]
        ordinary = first.kind == "word" and lex.is_common(first.text)
        known = lex.is_surname(first.text) or lex.is_first_name(first.text)
        # An ordinary word after a rank is a surname ("Sap. Guillemot", "l'adjudant Marchais"),
        # unless the rank is also a word of a heading ("Major", "Général", "Col", "Cal").
        # A surname in capitals in a mixed-case text is no heading word: "équipiers : Cal BORDES".
        caps_name = not ctx.all_caps and len(first.text) > 3 and first.text.isupper()
        if ordinary and not known and not caps_name and _AMBIGUOUS.fullmatch(m.group(0).strip(" \t:.").lower()):
            continue
        spans.extend(to_spans(text, label_run(words, lex, "title", ctx.all_caps), 0.85, "rank"))
    return spans
