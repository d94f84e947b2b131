"""Context rules for names: titles (Dr, Mme...), field labels (Nom :, Patient :), "née",
signature and staff-list lines, first name + surname pairs from the lexicons."""

from __future__ import annotations

import re

from avec.privacy.detection.bounded_search import bounded_finditer, colon_anchor
from avec.privacy.detection.medical_vocab import in_eponym_context, is_acronym, is_drug, is_protected_word
from avec.privacy.detection.names import (
    LOWER_WORD,
    NAME_WORD,
    STOP_WORDS,
    NameWord,
    is_stop_word,
    label_run,
    scan_run,
    to_spans,
    with_first_names_after_caps,
)
from avec.privacy.detection.next_field_label import drop_next_label, glued_to_code
from avec.privacy.detection.organisation_values import ORGANISATION_HEADS, organisation_value
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.prose_persons import cut_at_function_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word, sentence_start
from avec.privacy.detection.title_readings import ROLE_NOUN, addressed_office, surname_by_document
from avec.privacy.spans import Span

_TITLE = re.compile(  # not after "J-": "J-M. Guérin" is initials, no title
    r"(?<![\w])(?<![A-Z]-)(?:Dr|DR|Drs|Docteur|DOCTEUR|docteur|Pr|PR|Professeur|PROFESSEUR|professeur|M|MM|Mr|MR|"
    r"Monsieur|MONSIEUR|monsieur|Mme|MME|Mmes|Madame|MADAME|madame|Mlle|MLLE|Melle|Mademoiselle|"
    r"mademoiselle|Me|Maître|Sr|Sœur|Soeur|Dresse|dr|mme|mr|mlle|pr|m)(?:\.|\b)[ \t]*"
)
_FIELDS = [
    (
        re.compile(
            r"(?im)(?:^|[|;\t]|\s)\s*(?:nom\s+(?:de\s+naissance|d['’]usage|de\s+jeune\s+fille|"
            r"marital|patronymique|usuel)|nom(?!\s*(?:et|/|-)?\s*pr[ée]nom)|n\.j\.f\.?|njf)\s*:\s*"
        ),
        "nom",
    ),
    (re.compile(r"(?im)(?:^|[|;\t]|\s)\s*pr[ée]noms?(?:\(s\))?\s*(?:usuel)?\s*:\s*"), "prenom"),
    (re.compile(r"(?im)(?:^|[|;\t]|\s)\s*nom\s*(?:et|/|-|,)?\s*pr[ée]noms?\s*:\s*"), "nom_first"),
    (
        re.compile(
            r"(?i)(?<![\w])(?:patient(?:e|\(e\))?|r[ée]sident(?:e|\(e\))?|usager|b[ée]n[ée]ficiaire|identit[ée]|"
            r"m[ée]decin\s+traitant|m[ée]decin\s+adresseur|m[ée]decin|r[ée]dig[ée]\s+par|sign[ée]\s+par|"
            r"sign[ée]|valid[ée]\s+par|dict[ée]\s+par|admise?\s+par|r[ée]dacteur|auteur|interne|externe|IDE|IDEC|"
            r"infirmi(?:er|ère)(?:\s+coordinat(?:eur|rice))?|aide-soignant(?:e)?|AS|r[ée]f[ée]rent(?:e)?|"
            r"assistant(?:e)?\s+(?:sociale?|de\s+service\s+social)|ASS|[ée]ducat(?:eur|rice)|psychologue|"
            r"ergoth[ée]rapeute|kin[ée](?:sith[ée]rapeute)?|di[ée]t[ée]ticien(?:ne)?|cadre(?:\s+de\s+sant[ée])?|"
            r"tuteur|tutrice|curat(?:eur|rice)|mandataire(?:\s+judiciaire)?|personne\s+de\s+confiance|"
            r"contact|aidant(?:e)?|fils|fille|[ée]poux|[ée]pouse|conjoint(?:e)?|compagne|compagnon|"
            r"m[èe]re|p[èe]re|fr[èe]re|s(?:œ|oe)ur|neveu|ni[èe]ce|petit-fils|petite-fille|destinataire|"
            r"copie\s+[àa]|cc|adress[ée]\s+par|de\s+la\s+part\s+de|exp[ée]diteur|de|[àa]|from|to|"
            r"coordinat(?:eur|rice)|directeur|directrice|chef\s+de\s+service|praticien|pharmacien(?:ne)?|"
            r"sage-femme|orthophoniste|psychiatre|g[ée]riatre|responsable|pr[ée]sent(?:e)?s?|participants?|"
            r"concern[ée](?:e)?|enfant|demandeur|demandeuse|victime|assur[ée](?:e)?|parents?|"
            r"responsables?\s+l[ée]gaux|biologiste|op[ée]rateur|aide|anesth[ée]siste|prescripteur|"
            r"kin[ée]sith[ée]rapeute|m[ée]decin\s+r[ée]f[ée]rent|intervenant(?:e)?s?|[ée]quipe|"
            # who assessed, prepared, signed off: "Évaluatrice : ...", "Gestionnaire des risques : ..."
            r"[ée]valuat(?:eur|rice)|gestionnaire(?:\s+des\s+risques|\s+de\s+cas)?|pr[ée]parat(?:eur|rice)|visa|"
            r"pr[ée]leveu(?:r|se)|"
            # forensic reports and hurried notes: "Personne examinée : X", "pte : X"
            r"personne\s+(?:examin[ée]e|gard[ée]e\s+[àa]\s+vue|entendue|interpell[ée]e)|pte|"
            r"conseill(?:er|[eè]re)(?:\s+en\s+[ée]conomie\s+sociale\s+et\s+familiale)?|charg[ée]e?\s+de\s+mission)\s*:\s*"
        ),
        "auto",
    ),
]
# "Nom / prénom :", "Nom, prénom :", "NOM PRENOM :": the first-name label closes a joint label.
_NOM_BEFORE_PRENOM = re.compile(r"(?i)(?<![\w])nom\s*(?:et|/|-|,)?\s*\Z")
# Every field label above ends on ":" and holds at most 6 white-space-separated pieces
# ("conseillère en économie sociale et familiale :"): searched only before each ":".
_LABEL_COLON = colon_anchor(6)
_MAIDEN = re.compile(
    r"(?i)(?<![\w-])(?:n[ée]e|épouse|epouse|ép\.|ep\.|veuve|vve|divorc[ée]e|nom\s+de\s+jeune\s+fille|"
    r"n[ée]\s+sous\s+le\s+nom\s+de|dite?)\s+(?=[" + "A-ZÀ-ÖØ-Ý" + r"])"
)
_MAIDEN_ANY = re.compile(_MAIDEN.pattern.replace(r"(?=[A-ZÀ-ÖØ-Ý])", ""))


def _sentence_start(text: str, pos: int) -> bool:
    return sentence_start(text, pos, ".!?\n;|")


def _protected(ctx: DetectionContext, word: str) -> bool:
    """A protected word, except an acronym written as a name ("le Dr Mas" is no "MAS", "Mme Vo")."""
    if not is_protected_word(word, ctx.protected):
        return False
    # a two-letter Vietnamese or Chinese family name too ("Mme Vo", "Dr Vu": no "VO", "VU")
    short_ok = len(word) > 2 or ctx.lexicons.is_east_asian_surname(word)
    titled = word[:1].isupper() and word[1:].islower() and short_ok
    return not (titled and is_acronym(word) and not is_drug(word) and fold_key(word) not in ctx.protected)


def _allowed(ctx: DetectionContext, words: list[NameWord], titled: bool = False) -> bool:
    core = [w for w in words if w.kind != "particle"]
    if not core:
        return False
    named = [w for w in core if w.kind != "initial"]
    if named and all(_protected(ctx, w.text) for w in named):
        return False
    if core[0].kind == "word" and is_upper_word(core[0].text) and is_acronym(core[0].text):
        return False  # "To: SSR Les Tamaris": a service or facility, not a person
    return not in_eponym_context(ctx.text, words[0].start, titled)


def _bare_m_name(ctx: DetectionContext, m: re.Match[str]) -> bool:
    """ "(M Blanc)", "M DUPONT": "M" without its dot, then a known surname, not after a number."""
    if m.group(0).strip() != "M" or re.search(r"\d[ \t]*$", ctx.text[max(0, m.start() - 4) : m.start()]):
        return False
    word = NAME_WORD.match(ctx.text, m.end())
    if word is None or m.end() == m.start() + 1:
        return False
    w = word.group(0)
    return ctx.lexicons.is_surname(w) and not is_protected_word(w) and not (ctx.all_caps and len(w) < 4)


# A number before "m." makes a length, unless it is a time ("9h15 m. kowalczyk – prise de sang").
_NUMBER_BEFORE = re.compile(r"(?<![h:]\d)(?<![h:])\d[ \t]*\Z")


@recognizer("title", 82)
def find_titled_names(ctx: DetectionContext) -> list[Span]:
    """Names after a title: "Dr Jean Dupont", "Mme PETIT", "M. J.-P. Durand", "mme durand"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_TITLE, text, ctx.folded):
        title = m.group(0).strip().rstrip(".")
        if title in ("m", "MM", "mm") and _NUMBER_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # "1,60 m." is a length, "DE 24 MM." millimetres; not "9h15 m. kowalczyk"
        if title in ("M", "m") and not m.group(0).strip().endswith(".") and not _bare_m_name(ctx, m):
            continue  # "M" alone is too ambiguous (unit, letter), unless a known name follows
        if title == "pr" and not text[m.end() : m.end() + 1].isupper():
            continue  # "ok pr se déplacer": "pr" is "pour" in sloppy notes
        if title in ("Me", "MM", "Sr", "AS") and not text[m.end() : m.end() + 1].isupper():
            continue
        lower_ok = title[0].islower() or title.isupper() is False
        words = scan_run(text, m.end(), lex, allow_lower=lower_ok and title.islower(), after_title=True)
        if not words and lower_ok:
            words = scan_run(text, m.end(), lex, allow_lower=True, max_words=2)
        words = cut_at_function_word(lex, words)  # "Madame se montre", "docteur Nicolas ni aller"
        if not words or not _allowed(ctx, words, titled=True):
            continue
        core = [w for w in words if w.kind != "particle"]
        role = core and (words[0].text == "les" or ROLE_NOUN.fullmatch(fold_key(core[0].text)))
        if words[0].kind == "particle" and role:  # "Monsieur le Directeur", "Madame la Juge", "Monsieur les
            continue  # urgentistes" (a plural: the readers' job); not "LE DR LE BRIS"
        if addressed_office(lex, words):
            continue  # "Madame la Capitaine", "M. le Principal", "Monsieur le Médecin-Conseil"
        labelled = surname_by_document(text, label_run(words, lex, "title", ctx.all_caps))
        spans.extend(to_spans(text, labelled, 0.95, "title"))
        spans.extend(_other_spelling(ctx, words[-1].end))
    return spans


# "le dr meunier ou munier je sais plus": the writer offers a second spelling of the surname.
_OR_SPELLING = re.compile(r"[ \t]+ou[ \t]+(?:peut-[êe]tre[ \t]+)?(?:dr[ \t]+|docteur[ \t]+)?")


def _other_spelling(ctx: DetectionContext, end: int) -> list[Span]:
    """A second spelling after "ou" when it is no ordinary word ("Meunier ou Munier")."""
    m = _OR_SPELLING.match(ctx.text, end)
    if m is None:
        return []
    word = NAME_WORD.match(ctx.text, m.end()) or LOWER_WORD.match(ctx.text, m.end())
    if word is None or is_stop_word(word.group(0)) or not _lower_unknown(ctx, word.group(0)):
        return []
    if ctx.lexicons.is_first_name(word.group(0)) and not ctx.lexicons.is_surname(word.group(0)):
        return []
    return [Span(word.start(), word.end(), "NOM", 0.8, "title")]


# Words heading an organisation's name in a sender or addressee field, never a first name.


# Field values that stand for no one: "idem", "néant", "inconnu".
_NO_VALUE = {"idem", "id", "neant", "inconnu", "inconnue", "aucun", "aucune", "nr", "nc", "non", "sans", "vide"}
_NO_VALUE |= {"homme", "femme", "enfant", "bebe", "nourrisson", "adulte"}  # "VICTIME : HOMME ENV 25 ANS"


# A care job written between the field label and the name.
_JOB_AFTER_LABEL = re.compile(
    r"(?:IDE|IDEL|IDEC|AS|ASH|AES|ASD|AMP|[Ii]nfirmi(?:er|[èe]re)|INFIRMI(?:ER|ERE))[ \t]+(?=[A-ZÀ-Ý])"
)
# A nursing note in the DAR layout (Données, Actions, Résultats): "D: ... A: BILAN ... R: ...".
# "D:" opens a line or follows a full stop or a column gap ("vitamine D : 30" is no field).
_DAR_DATA = re.compile(r"(?m)(?:^|[.;|]|[ \t]{2})[ \t]*D[ \t]?:")
_DAR_RESULT = re.compile(r"(?<![\w'’])R[ \t]?:")
_ACTION_LABEL = re.compile(r"\s*[AaÀà]\s*:\s*")


def _dar_note(text: str) -> bool:
    """True when the text holds the "D:" and "R:" fields of DAR notes: its "A:" is an action."""
    return _DAR_DATA.search(text) is not None and _DAR_RESULT.search(text) is not None


@recognizer("field", 84)
def find_field_names(ctx: DetectionContext) -> list[Span]:
    """Names after a field label: "Nom : DUPONT", "Prénom : Jean", "Patient : Jean Dupont"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    dar: bool | None = None
    for rx, hint in _FIELDS:
        for m in bounded_finditer(rx, text, _LABEL_COLON):
            start = m.end()
            if hint == "prenom" and _NOM_BEFORE_PRENOM.search(text, max(0, m.start() - 8), m.start() + 1):
                continue  # "Nom / prénom : CAZALS Manon": the surname-first field reads it
            if hint == "auto" and _ACTION_LABEL.fullmatch(m.group(0)):
                if dar is None:
                    dar = _dar_note(text)
                if dar:
                    continue  # "A: APPEL DR X", "A: RETOUR EN AMBULANCE": the action of a DAR note
            title = _TITLE.match(text, start)
            if title:
                start = title.end()
            elif hint == "auto":
                job = _JOB_AFTER_LABEL.match(text, start)
                start = job.end() if job else start  # "PRELEVEUR : IDE GRONDIN", "Visa : AS Delmotte"
            allow_lower = hint in ("nom", "prenom", "nom_first")
            # "Prénoms : Ange Toussaint Marie": a civil-status list holds up to four first names.
            words = scan_run(text, start, lex, allow_lower=allow_lower, max_words=2 if hint == "nom" else 4)
            if not words and hint == "auto":
                words = _lower_first_name_run(ctx, start)
            # "Prénom : Marie-Line  Lien : mère": a word before a colon is the next field's label.
            words = drop_next_label(text, words)
            if not words or not _allowed(ctx, words) or glued_to_code(text, words):
                continue
            if title and addressed_office(lex, words):
                continue  # "Destinataire : Madame la Juge des enfants", "À : Monsieur le Procureur"
            if fold_key(words[0].text) in ORGANISATION_HEADS:
                continue  # "De : Pharmacie Lagarrigue": a business or a facility, left to their rules
            if hint == "auto" and organisation_value(lex, text, words[0].start, fold_key(words[0].text)):
                continue  # "Mandataire : ATMP du Calvados", "De : Foyer Les Mouettes" (round 18)
            if fold_key(words[0].text) in _NO_VALUE or (hint == "auto" and is_drug(words[0].text)):
                continue  # "Médecin traitant : IDEM", "A : Oxycodone LI 5 mg" (the action of a DAR note)
            if hint == "auto" and len([w for w in words if w.kind != "particle"]) == 1 and not title:
                w = words[0]
                known = lex.is_first_name(w.text) or lex.is_surname(w.text) or is_upper_word(w.text)
                if not known and lex.is_common(w.text):
                    continue
            h = {"nom_first": "nom"}.get(hint, hint)
            if hint == "auto" and title:
                h = "title"
            labelled = label_run(words, lex, h, ctx.all_caps)
            if h == "title":
                labelled = surname_by_document(text, labelled)
            spans.extend(to_spans(text, labelled, 0.95, "field"))
    return spans


_GREETING = re.compile(r"(?im)(?:^|(?<=[\s,]))(?:bonjour|bonsoir|salut|hello|merci|cher|ch[èe]re|chers)\s+(?=\w)")
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:bien\s+(?:à|a)\s+(?:toi|vous)|cordialement|bien\s+cordialement|amicalement|"
    r"bien\s+confraternellement|confraternellement|bonne\s+journ[ée]e|merci(?:\s+d'avance)?|"
    r"respectueusement|sinc[èe]res\s+salutations|amiti[ée]s|bien\s+amicalement|[àa]\s+bient[ôo]t|"
    r"bises|"
    r"bonne\s+(?:soir[ée]e|fin\s+de\s+journ[ée]e)|salutations(?:\s+distingu[ée]es)?)"
    r"[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n)?[ \t]*"
)


def _lower_first_name_run(ctx: DetectionContext, start: int) -> list[NameWord]:
    """Sloppy lower case ("de : mathilde colas"): accept when the first word is a first name."""
    words = scan_run(ctx.text, start, ctx.lexicons, allow_lower=True, max_words=3)
    if words and ctx.lexicons.is_first_name(words[0].text) and not ctx.lexicons.is_common(words[0].text):
        return words
    return []


_LOWER_GREETED = re.compile(rf"({LOWER_WORD.pattern})[ \t]*(?=[,!\n])")


@recognizer("greeting", 81)
def find_greeting_names(ctx: DetectionContext) -> list[Span]:
    """Names after a greeting or under a closing formula: "Bonjour Marie,", "Cordialement,\nJean"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for rx in (_GREETING, _CLOSING):
        # (the greetings through the prefix search, faster there; the closings are faster plainly)
        for m in prefixed_finditer(rx, text, ctx.folded) if rx is _GREETING else rx.finditer(text):
            if _TITLE.match(text, m.end()):
                continue  # the title rule handles "Bonjour Madame Dupont"
            words = scan_run(text, m.end(), lex, max_words=3) or _lower_first_name_run(ctx, m.end())
            if not words and rx is _GREETING:
                # "bonjour vincent,": a lower-case first name closing the greeting
                low = _LOWER_GREETED.match(text, m.end())
                if low and lex.is_first_name(low.group(1)) and not is_stop_word(low.group(1)):
                    words = [NameWord(low.start(1), low.end(1), low.group(1), "lower")]
            if not words or not _allowed(ctx, words):
                continue
            core = [w for w in words if w.kind != "particle"]
            known = lex.is_first_name(core[0].text) or lex.is_surname(core[0].text)
            if len(core) == 1 and not known and lex.is_common(core[0].text):
                continue
            spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.85, "greeting"))
    return spans


# A lower-case title and a name just before "née": "madame rozenn le goff née ...".
_LOWER_TITLED_BEFORE = re.compile(r"(?<![\w])(?:madame|mme|mademoiselle|mlle)[ \t]+[a-zà-ÿ' -]{2,40}[ \t]+\Z")


def _lower_unknown(ctx: DetectionContext, word: str) -> bool:
    """A lower-case word that is no ordinary word, drug, acronym or place."""
    lex = ctx.lexicons
    return (
        not (lex.is_common(word) or is_protected_word(word, ctx.protected) or fold_key(word) in lex.communes)
        and len(word) > 2
    )


# A marital status given as a field value ("Situation : veuve") and followed by a column gap.
_FIELD_VALUE_THEN_GAP = re.compile(r"(?i):[ \t]*(?:veuve?|vve|divorc[ée]e?|[ée]pou(?:se|x))(?:[ \t]{2,}|\t)$")


def _heading_after_break(ctx: DetectionContext, gap: str, start: int) -> bool:
    """After a line break, a blank line or a heading line of ordinary words in capitals
    ("COORDONNÉES DE LA PERSONNE À CONTACTER") holds no birth or married name."""
    if re.search(r"\n[ \t]*\n", gap):
        return True
    end = ctx.text.find("\n", start)
    line = ctx.text[start : end if end >= 0 else len(ctx.text)]
    words = re.findall(r"[^\W\d_]+", line)
    lex = ctx.lexicons
    return (
        len(words) >= 3
        and line.upper() == line
        and all(is_stop_word(w) or (lex.is_common(w) and not lex.is_first_name(w)) for w in words)
    )


@recognizer("maiden", 83)
def find_maiden_names(ctx: DetectionContext) -> list[Span]:
    """Birth and married names: "née DUPONT", "épouse Martin", "veuve Le Goff"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_MAIDEN_ANY, text, ctx.folded):
        words = scan_run(text, m.end(), lex, max_words=2)
        if words and fold_key(words[-1].text) == "maria":
            words = scan_run(text, m.end(), lex, max_words=3)  # "née Gonçalves Maria de Fátima"
        words = with_first_names_after_caps(text, words, lex) if not ctx.all_caps else words
        if not words:
            low = LOWER_WORD.match(text, m.end())
            # "madame rozenn le goff née kerhervé": after a lower-case titled name, any word
            # that is no ordinary French word is the birth name.
            titled = _LOWER_TITLED_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
            if (
                low
                and fold_key(low.group(0)) not in STOP_WORDS
                and (lex.is_surname(low.group(0)) or (titled and _lower_unknown(ctx, low.group(0))))
            ):
                words = [NameWord(low.start(), low.end(), low.group(0), "lower")]
        if not words or not _allowed(ctx, words):
            continue
        if "\n" in m.group(0) and _heading_after_break(ctx, m.group(0), words[0].start):
            continue  # "Situation familiale : veuve\n\nCOORDONNÉES DE LA ...": a field value, then a heading
        if fold_key(words[0].text) in ("le",) and len(words) == 1:
            continue
        if _FIELD_VALUE_THEN_GAP.search(text, max(0, m.start() - 40), m.end()):
            continue  # "Situation familiale : veuve      Nombre d'enfants": a field value, a column gap, a key
        # "son épouse Danielle": a relative, not a married name.
        relative = re.search(
            r"(?i)\b(?:mon|ma|son|sa|votre|leur|notre|ton|ta)\s+$", text[max(0, m.start() - 8) : m.start()]
        )
        # "Contact : épouse Lucette": a spouse named by a first name alone (no surname reading).
        # Not after a name ("Madame Léonise Jean-Louis épouse Célestine": a married name).
        after_name = re.search(r"[A-ZÀ-Ý][\w'’-]*[ \t,]*$", text[max(0, m.start() - 30) : m.start()]) is not None
        spouse = re.match(r"(?i)[ée]pou(?:se|x)\b", m.group(0)) is not None and not after_name
        core = [w for w in words if w.kind != "particle"]
        lone_first = len(core) == 1 and lex.is_first_name(core[0].text) and not lex.is_surname(core[0].text)
        hint = "auto" if relative or (spouse and lone_first and not is_upper_word(core[0].text)) else "nom"
        spans.extend(to_spans(text, label_run(words, lex, hint, ctx.all_caps), 0.9, "maiden"))
    return spans


# Registers the lexicon rule and the further person contexts, in person_rules' order.
from avec.privacy.detection import person_rules  # noqa: E402, F401
