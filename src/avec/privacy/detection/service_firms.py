"""Local service firms named by a trade word or a brand, each one ``HOPITAL`` span (round 16).

The firm tells where the person lives or is cared for; the facility rules want a care keyword
("EHPAD", "SSIAD", "Centre") and the person rules read the word after a trade as an owner's name.
Families, as the writers of round 16 mark them:

- a taxi or ambulance firm, the trade word included: "Ambulances Vallée du Lot", "Taxi Marcelin",
  "TAXIS-AMBULANCES DU BOCAGE", "Alp'Taxi Seynod" (older sets marked an owner's surname alone;
  the name whole is now the convention and still masks the surname);
- a mutual insurer by its name: "Mutuelle Familiale du Vexin", "Mutuelle Granit Santé", and a
  "<Name> Mutuelle" written after a "Mutuelle :" / "Complémentaire" field or the word "mutuelle";
- a home-help service (SAAD) by its name: "Aide à domicile en Pays Bigouden", "Aide à domicile Vannes
  Ouest", "Armor Services à la Personne", "Ardèche Services Domicile";
- a home-help network and its branch: "ASSAD du Pays de Vitré", "ADAR de la Vallée";
- a remote-alarm centre: "Centre d'écoute Vigie Atlantique" (the name after the keyword, as marked),
  "Téléassistance : Présence Bleue", "Présence Normandie Téléassistance";
- a letterhead line naming the service before a dash and its kind: "VIGIE SÉRÉNITÉ SAVOIE – Téléassistance",
  "AIDE À DOMICILE EN PAYS BIGOUDEN — SAAD";
- an intercommunal body closing on "Communauté": "Pays de Morlaix Communauté" (meals on wheels);
- a fire-brigade dispatch centre by its number: "CODIS 35", "CTA-CODIS 2B" (as "SAMU 13").

Safe because: each shape needs its own key word (a capitalised trade, "Mutuelle", "Aide à domicile",
"Services à la Personne", "Centre d'écoute", "Téléassistance :", "Communauté") and one to four
capitalised words on the same line; the words after a trade must not describe the transport
("Taxi Conventionné", "Ambulance Privée"), be a title ("Taxi M. Roux") or an ordinary word of a
sentence in capitals; the words before a closing key word stop at a determiner or a sentence start; a
letterhead needs a word that is no ordinary one ("JOURNAL D'ALERTES – TÉLÉASSISTANCE" is left). National
brands named alone (EDF, MGEN, "Mutuelle Générale") are left: the writers split on them.
"""

from __future__ import annotations

import re

from avec.privacy.detection.facility_keywords import FACILITY_STOP, words_of
from avec.privacy.detection.place_patterns import UP, is_area_name
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import CALENDAR_WORDS, fold_key
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_LINK = r"(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|en|et|&|DE[ \t]+LA|DE[ \t]+L['’]|DU|DES|DE|D['’]|EN|ET)"
# one to four capitalised words, linked by particles, on one line
_RUN = r"(?P<run>" + _WORD + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _WORD + r"){0,3})"

# words that describe a transport, not a firm: "Taxi Conventionné", "AMBULANCE PRIVÉE DE GARDE"
_TRANSPORT_KINDS = frozenset(
    words_of("""conventionne conventionnee conventionnes agree agrees prive privee privees medicalise medicalisee
    couche couchee assis assise allonge allongee simple sanitaire sanitaires bariatrique pmr tpmr solidaire
    reserve reservee commande commandee prevu prevue retour aller vsl garde urgence urgences samu smur
    pompiers hospitaliere medicale type ambulance ambulances taxi taxis vsav oui non""")
)
_BEFORE_DASH = re.compile(r"[ \t]+[–—][ \t]")
_TITLES = frozenset(words_of("m mme mr mlle dr docteur monsieur madame pr me"))
_STOP = frozenset(FACILITY_STOP) | CALENDAR_WORDS
# firm and area words allowed in a name in capitals ("AMBULANCES ARGONNE SERVICES", "EN PAYS BIGOUDEN")
_FIRM_WORDS = frozenset(
    words_of("""services service assistance express transports secours sante prevoyance pays val vallee cote rive
    haut haute bas basse grand grande nord sud est ouest centre""")
)

_TRANSPORT = re.compile(
    r"(?<![\w'’-])(?P<key>(?:[" + UP + r"][\w]*['’])?(?:Taxis?-Ambulances|TAXIS?-AMBULANCES|Ambulances-Taxis?|"
    r"AMBULANCES-TAXIS?|Ambulances|AMBULANCES|Taxis?|TAXIS?))[ \t]+" + _RUN
)
_MUTUAL = re.compile(r"(?<![\w'’-])(?P<key>Mutuelle|MUTUELLE)[ \t]+" + _RUN)
_NAMED_MUTUAL = re.compile(
    r"(?i:mutuelle|compl[ée]mentaire(?:[ \t]+sant[ée])?|organisme[ \t]+compl[ée]mentaire|amc)[ \t.]*[:.…]*[ \t]*"
    r"(?P<run>" + _WORD + r"(?:[ \t]+" + _WORD + r")?)[ \t]+(?P<key>Mutuelle|MUTUELLE)(?![\w'’-])"
)
_HOME_HELP = re.compile(
    r"(?<![\w'’-])(?P<key>Aide[ \t]+(?:à|a)[ \t]+[Dd]omicile|AIDE[ \t]+(?:À|A)[ \t]+DOMICILE)[ \t]+" + _RUN
)
# a home-help network and its branch: "ASSAD du Pays de Vitré", "ADMR de la Vallée"; a care acronym before it
# belongs to the name ("SSIAD ADMR du Val")
_CARE_BEFORE = re.compile(r"(?:SSIAD|SAAD|SPASAD|HAD)[ \t]+\Z")
_NETWORK = re.compile(
    r"(?<![\w'’-])(?P<key>ASSAD|ADAR|ADMR|UNA|AAD)[ \t]+(?P<link>de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*" + _RUN
)
_CLOSING = re.compile(
    r"(?P<key>Services?[ \t]+(?:(?:à|a)[ \t]+la[ \t]+Personne|aux[ \t]+Personnes|(?:à|a)[ \t]+Domicile|Domicile)|"
    r"SERVICES?[ \t]+(?:(?:À|A)[ \t]+LA[ \t]+PERSONNE|AUX[ \t]+PERSONNES|(?:À|A)[ \t]+DOMICILE|DOMICILE)|"
    r"Communaut[ée]|COMMUNAUT[ÉE]|(?P<alarm>T[ée]l[ée]assistance|T[ÉE]L[ÉE]ASSISTANCE))(?![\w'’-])"
)
_LISTEN = re.compile(
    r"(?<![\w'’-])(?:Centre|CENTRE|centre|Centrale|CENTRALE|centrale|Plateau|PLATEAU|plateau)[ \t]+(?:d['’]|D['’])"
    r"(?:[ée]coute|ÉCOUTE|ECOUTE)[ \t]+" + _RUN
)
_ALARM_FIELD = re.compile(
    r"(?<![\w'’-])(?i:t[ée]l[ée]assistance|t[ée]l[ée]alarme)[ \t]*:[ \t]*"
    r"(?P<run>" + _WORD + r"(?:[ \t]+" + _WORD + r"){1,2})"
)
# the words just before a closing key word, on its line and without punctuation between them
_WORDS_BEFORE = re.compile(r"(?<![\w'’\-])(?:[\w'’\-]+[ \t]+){1,5}\Z")
_LINKS = frozenset(words_of("de du des d en"))
# a service's acronym before its name stays outside it, as marked: "SAAD ⟦Loire Services à la Personne⟧"
_SERVICE_KINDS = frozenset(words_of("saad ssiad spasad had prestataire mandataire"))
# a letterhead line: the service's name, a dash, its kind ("VIGIE SÉCURITÉ SAVOIE – Téléassistance 24h/24")
_LETTERHEAD_KIND = re.compile(
    r"[ \t][–—-][ \t]+"
    r"(?i:t[ée]l[ée]assistance|t[ée]l[ée]alarme|saad|spasad|service[ \t]+d['’]aide|aide[ \t]+(?:à|a)[ \t]+domicile|"
    r"portage[ \t]+de[ \t]+repas|services?[ \t]+(?:à|a)[ \t]+la[ \t]+personne)(?![\w'’-])"
)
_LETTERHEAD = re.compile(
    r"[ \t]*(?P<run>" + _WORD + r"(?:[ \t]+(?:" + _LINK + r"(?:(?<=['’])|[ \t]+))?" + _WORD + r"){0,4})[ \t]*"
)
# a fire-brigade dispatch centre by its département's number: "CODIS 35", "CTA-CODIS 2B"
_DISPATCH = re.compile(r"(?<![\w'’-])(?:CTA[ \t]*[-/][ \t]*CODIS|CODIS)[ \t]+(?:\d{2,3}|2[AB])(?![\w'’-])")
_DETERMINERS = frozenset(
    words_of("le la les l un une des du de d nos nous vos notre votre leur ce cette ses son sa a au aux et")
)


def _trim(ctx: DetectionContext, text: str, start: int, run: str, *, caps: bool) -> int:
    """End of the firm's name in ``run`` (starting at ``start``): stop words and dangling links cut."""
    end = start
    for w in re.finditer(r"[\w'’\-&]+", run):
        key = fold_key(w.group(0)).strip("'’")
        if key in _STOP or key in _TITLES or any(c.isdigit() for c in key):
            break  # "F7=Mutuelle  F9=Historique": a function key, no name
        plain = caps and w.group(0).isupper() and len(key) > 3 and key not in _FIRM_WORDS and _is_plain(ctx, w.group(0))
        # a plain word ends the name ("AMBULANCES ERROBI PREVENUES": a sentence in capitals goes on), unless
        # it closes a letterhead before its dash ("AIDE À DOMICILE EN PAYS BIGOUDEN — SAAD")
        if plain and not (w.end() == len(run) and _BEFORE_DASH.match(text, start + w.end())):
            break
        end = start + w.end()
    tail = re.search(r"(?i)[ \t]+(?:" + _LINK + r")['’]?\Z", text[start:end])
    return start + tail.start() if tail else end


def _is_plain(ctx: DetectionContext, word: str) -> bool:
    """An ordinary French word, no surname, commune, département or region ("JOURNAL", not "ALSACE")."""
    word = re.sub(r"^\w{1,2}['’]", "", word)  # "D'ALERTES"
    lex = ctx.lexicons
    low = word.lower()
    key = fold_key(word)
    return lex.is_common(low) and not lex.is_surname(word) and key not in lex.communes and not is_area_name(word)


def _transport_spans(ctx: DetectionContext) -> list[Span]:
    text, out = ctx.text, []
    for m in _TRANSPORT.finditer(text):
        run_start = m.start("run")
        head = re.match(r"[\w'’\-]+", m.group("run"))
        if head is None or fold_key(head.group(0)) in _TRANSPORT_KINDS or fold_key(head.group(0)) in _TITLES:
            continue
        if head.end() <= 2 and text[run_start + head.end() : run_start + head.end() + 1] == ".":
            # "Taxi M. Roux", "TAXI J. MARTIN": an initial, the driver's name follows ("par Taxi
            # Jacquet." is the firm closing its sentence)
            continue
        caps = m.group("key").isupper()
        if caps and _is_plain(ctx, head.group(0)) and fold_key(head.group(0)) not in _FIRM_WORDS:
            continue  # "AMBULANCE PREVUE A 14H": a sentence in capitals
        end = _trim(ctx, text, run_start, m.group("run"), caps=caps)
        if end > run_start:
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "service_firm"))
    return out


def _mutual_spans(ctx: DetectionContext) -> list[Span]:
    text, out = ctx.text, []
    for m in prefixed_finditer(_MUTUAL, text, ctx.folded):
        run_start = m.start("run")
        head = re.match(r"[\w'’\-]+", m.group("run"))
        assert head is not None
        kind = fold_key(head.group(0)) in _DETERMINERS | {"sante", "resiliee", "generale", "complementaire"}
        if kind and not re.match(r"(?i)(?:de|des|du)[ \t]+", m.group("run")):
            continue  # "MUTUELLE SANTE CSS", "Mutuelle Générale": a kind; "Mutuelle des Pays X" is kept
        end = _trim(ctx, text, run_start, m.group("run"), caps=m.group("key").isupper())
        if len(text[run_start:end].split()) >= 2:  # "Mutuelle Entrenous", "MUTUELLE UMC": left, as marked
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "service_firm"))
    for m in prefixed_finditer(_NAMED_MUTUAL, text, ctx.folded):
        first = m.group("run").split()[0]
        if fold_key(first) in _DETERMINERS or fold_key(first) in _STOP:
            continue
        out.append(Span(m.start("run"), m.end("key"), "HOPITAL", 0.8, "service_firm"))
    return out


def _home_help_spans(ctx: DetectionContext) -> list[Span]:
    text, lex, out = ctx.text, ctx.lexicons, []
    for m in prefixed_finditer(_HOME_HELP, text, ctx.folded):
        run = m.group("run")
        head = re.match(r"[\w'’\-]+", run)
        assert head is not None
        word = head.group(0)
        linked = fold_key(word) in {"en", "du", "des", "de"}
        if not linked and (fold_key(word) in _TITLES or fold_key(word) in _STOP):
            continue
        if not linked and fold_key(word) not in lex.communes and (lex.is_first_name(word) or lex.is_surname(word)):
            continue  # "Aide à domicile Sandrine passe le matin": the helper's name, a person
        end = _trim(ctx, text, m.start("run"), run, caps=m.group("key").isupper())
        if end > m.start("run") + (len(word) if linked else 0):
            out.append(Span(m.start(), end, "HOPITAL", 0.8, "service_firm"))
    return out


def _closing_spans(ctx: DetectionContext) -> list[Span]:
    """ "Armor Services à la Personne", "Pays de Morlaix Communauté": capitalised words before the key."""
    text, out = ctx.text, []
    for m in prefixed_finditer(_CLOSING, text, ctx.folded):
        if text[m.end() : m.end() + 12].lower().lstrip().startswith(("de communes", "d'agglo", "d’agglo", "urbaine")):
            continue  # "Communauté de communes du X": the territorial rules read it
        tail = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if tail is None:
            continue
        start, caps = m.start(), m.group("key").isupper()
        for w in reversed(list(re.finditer(r"[\w'’\-]+", tail.group(0)))):
            token = w.group(0)
            key = fold_key(token).strip("'’")
            if key in _LINKS:
                if start == m.start():
                    break
                start = tail.start() + w.start()
                continue
            if caps and token.isupper() and _is_plain(ctx, token):
                break  # "DEMANDE D'ADMISSION EN COMMUNAUTÉ": a heading in capitals, no name
            if not token[0].isupper() or key in _DETERMINERS | _STOP | _TITLES | _SERVICE_KINDS:
                break
            start = tail.start() + w.start()
        # a link left first ("de Morlaix Communauté" after a cut) is not part of the name
        lead = re.match(r"(?i:(?:de|du|des|en)[ \t]+|d['’][ \t]*)", text[start : m.start()])
        if lead:
            start += lead.end()
        if start == m.start() or _sentence_start(text, start):
            continue
        words = re.findall(r"[\w'’\-]+", text[start : m.start()])
        if m.group("alarm") and all(_is_plain(ctx, w) or fold_key(w) in _LINKS for w in words):
            continue  # "Fiche Téléassistance", "Contrat Téléassistance": a kind of document
        out.append(Span(start, m.end(), "HOPITAL", 0.8, "service_firm"))
    return out


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence whose one capitalised word is ordinary."""
    prev = text[:start].rstrip(" \t")
    return bool(prev) and prev[-1] in ".!?" and len(text[start:].split(None, 1)[0]) <= 3


def _alarm_spans(ctx: DetectionContext) -> list[Span]:
    text, out = ctx.text, []
    for m in prefixed_finditer(_LISTEN, text, ctx.folded):
        end = _trim(ctx, text, m.start("run"), m.group("run"), caps=False)
        if end > m.start("run"):
            out.append(Span(m.start("run"), end, "HOPITAL", 0.8, "service_firm"))
    for m in prefixed_finditer(_ALARM_FIELD, text, ctx.folded):
        words = m.group("run").split()
        if any(fold_key(w) in _STOP or fold_key(w) in _DETERMINERS for w in words):
            continue
        if fold_key(words[0]) in {"oui", "non", "aucune", "aucun", "refus", "refusee", "installee", "prevue"}:
            continue
        out.append(Span(m.start("run"), m.end("run"), "HOPITAL", 0.8, "service_firm"))
    return out


def _letterhead_spans(ctx: DetectionContext) -> list[Span]:
    """ "VIGIE SÉCURITÉ SAVOIE – Téléassistance": a name opening its line before a dash and its kind."""
    text, out = ctx.text, []
    for kind in _LETTERHEAD_KIND.finditer(text):
        # the kind is found first (rare), then the line's opening words are read up to its dash
        m = _LETTERHEAD.match(text, text.rfind("\n", 0, kind.start()) + 1)
        if m is None or m.end() != kind.start() + 1:
            continue
        words = re.findall(r"[\w'’\-]+", m.group("run"))
        keys = [fold_key(w) for w in words]
        if any(k in _STOP or k in _TITLES or k in _SERVICE_KINDS for k in keys):
            continue  # "Service – SAAD", "Mme X – aide à domicile": a heading or a person's trade
        if all(_is_plain(ctx, w) or k in _LINKS for w, k in zip(words, keys, strict=True)):
            continue  # "Planning – Aide à domicile": ordinary words
        if any(ctx.lexicons.is_first_name(w) and not w.isupper() for w in words):
            continue  # "Sandrine – aide à domicile": a person and her trade
        out.append(Span(m.start("run"), m.end("run"), "HOPITAL", 0.8, "service_firm"))
    return out


@recognizer("service_firm", 85)
def find_service_firms(ctx: DetectionContext) -> list[Span]:
    """``HOPITAL`` spans for taxi and ambulance firms, mutuals, home-help and alarm services."""
    folded, out = ctx.folded, []
    if "taxi" in folded or "ambulances" in folded:
        out += _transport_spans(ctx)
    if "mutuelle" in folded:
        out += _mutual_spans(ctx)
    if "domicile" in folded:
        out += _home_help_spans(ctx)
    if "assad" in folded or "adar" in folded or "admr" in folded or "una " in folded or "aad " in folded:
        for m in prefixed_finditer(_NETWORK, ctx.text, ctx.folded):
            end = _trim(ctx, ctx.text, m.start("run"), m.group("run"), caps=m.group("run").isupper())
            before = _CARE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
            if end > m.start("run"):
                out.append(Span(before.start() if before else m.start(), end, "HOPITAL", 0.8, "service_firm"))
    if "personne" in folded or "domicile" in folded or "communaut" in folded or "assistance" in folded:
        out += _closing_spans(ctx)
    if "assistance" in folded or "saad" in folded or "aide" in folded or "repas" in folded or "personne" in folded:
        out += _letterhead_spans(ctx)
    if "codis" in folded:
        dispatch_hits = prefixed_finditer(_DISPATCH, ctx.text, ctx.folded)
        out += [Span(m.start(), m.end(), "HOPITAL", 0.8, "service_firm") for m in dispatch_hits]
    if "ecoute" in folded or "assistance" in folded or "alarme" in folded:
        out += _alarm_spans(ctx)
    return out
