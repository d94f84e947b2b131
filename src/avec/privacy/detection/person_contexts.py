"""More person-name contexts: care-staff job words around a first name ("l'IDE Ophélie",
"idel corinne"), job labels with a qualifier ("IDE de coordination : Thomas Bru"), children listed
with their age ("Fanta (8 mois)"), lower-case notes ("m. page jean-claude", "dit à océane",
a signature "maud" at a line end), OCR damage (a title glued to the name "MadamePage", a name split
"Fran çois" or hyphenated across a line "Casa-\\nnova") and practices "Lebrun & Bon".

Hand-written rules: no library reads these layouts of French care notes.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import in_eponym_context, is_eponym, is_protected_word
from avec.privacy.detection.names import (
    LOW,
    LOWER_WORD,
    UP,
    NameWord,
    is_stop_word,
    label_run,
    scan_run,
    to_spans,
)
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

# Care-staff job words and acronyms written before a colleague's first name.
_JOBS = (
    r"IDE|IDEL|IDEC|AS|ASH|AES|AMP|ASD|AVS|ide|idel|idec|aide-soignante?|infirmi[èe]re?|"
    r"kin[ée]|kin[ée]sith[ée]rapeute|ergo|psychomot|[ée]ducatrice|[ée]ducateur|auxiliaire|aide\s+[àa]\s+domicile|"
    # midwives, physiotherapists, referents and on-call staff: "la SF Moreau", "référente Lina",
    # "IDE astreinte Verbeke", "MK Dupuis"
    r"SF|MK|ortho|di[ée]t|(?i:kin[ée](?:sith[ée]rapeute)?|sage-femme|r[ée]f[ée]rente?|orthophoniste|"
    r"ergoth[ée]rapeute|di[ée]t[ée]ticienne?|psychologue|"
    # other health trades named by the surname alone: "audioprothésiste Schwartz", "podologue Ruiz"
    r"audioproth[ée]sistes?|orthoptistes?|(?:p[ée]dicure-)?podologues?|p[ée]dicures?|opticien(?:ne)?|"
    r"(?:chirurgien-)?dentistes?|ost[ée]opathes?|pharmacien(?:ne)?|proth[ée]sistes?)|"
    # emergency and theatre staff, trainees and managers: "IOA Aurélie", "brancardier Diallo"
    r"IOA|ARM|PARM|IADE|IBODE|IPA|IPDE|(?i:brancardi[eè]re?|ambulanci[eè]re?|manipulat(?:eur|rice)|interne|"
    r"externe|cadre|secr[ée]taire|puéricultrice|puericultrice)|"
    r"(?:IDE|IDEC|AS|m[ée]decin|cadre)\s+(?:d['’])?astreinte|"
    # round 15: social, legal and transport jobs ("l'assistante sociale Martin", "cond. Mattei")
    r"CESF|cond\.|(?i:assistante?\s+sociale?|conseill(?:er|[èe]re)|chauffeur|conduct(?:eur|rice)|juge|"
    r"avocate?|tut(?:eur|rice)|curat(?:eur|rice)|mandataire|m[ée]diat(?:eur|rice)|animat(?:eur|rice)|"
    r"moni(?:teur|trice)-[ée]ducat(?:eur|rice))|"
    # clergy named by the surname, written in lower case ("Fondation Abbé Pierre", "Clinique Pasteur"
    # are names): "l'abbé Lasserre", "l'aumônier Le Gall", "le pasteur Martin"
    r"abb[ée]|curé|pasteur|imam|rabbin|aum[ôo]ni(?:er|[èe]re)|diacre|chanoine"
)
# Trades no eponym follows: the surname after them is the person's even when a syndrome bears it
# ("audioprothésiste Schwartz"; "syndrome de Schwartz" stays free).
_TRADE = re.compile(
    r"(?i)(?:audioproth[ée]sistes?|orthoptistes?|(?:p[ée]dicure-)?podologues?|p[ée]dicures?|opticien(?:ne)?|"
    r"(?:chirurgien-)?dentistes?|ost[ée]opathes?|pharmacien(?:ne)?|proth[ée]sistes?)[ \t]+$"
)
# "l'IDE Ophélie", "idel corinne", "par l'AS Fatou Diallo".
_JOB_BEFORE = re.compile(rf"(?:(?<=[lL]['’])|(?<![\w'’-]))(?:{_JOBS})[ \t]+(?=[{UP}{LOW}])")
# "IDE de coordination : Thomas Bru", "Cadre de nuit : Inès".
_JOB_LABEL = re.compile(
    r"(?i)(?<![\w])(?:IDE|IDEC|infirmi(?:er|ère)|cadre|m[ée]decin|assistante?\s+sociale|psychologue|"
    r"aide-soignante?|AS|[ée]ducat(?:eur|rice)|coordinat(?:eur|rice)|r[ée]f[ée]rente?|secr[ée]taire|"
    r"interne|pharmacien(?:ne)?|kin[ée](?:sith[ée]rapeute)?|ergoth[ée]rapeute|di[ée]t[ée]ticienne?)"
    r"[ \t]+(?:de|du|d['’]|en)[ \t]*(?:la[ \t]+|l['’])?[\wéèàç-]+(?:[ \t]+[\wéèàç-]+)?[ \t]*:[ \t]*"
)
# "Mariam (6 ans), Oumar (3 ans), Fanta (8 mois)", "Bảo, 4 ans".
_WITH_AGE = re.compile(
    rf"(?<![\w'’.-])(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
    r"(?:[ \t]*\([ \t]*\d{1,2}[ \t]*(?:ans?|mois)[ \t]*\)|,[ \t]*\d{1,2}[ \t]*(?:ans?|mois)\b)"
)
# Lower case: "dit à océane", "vu avec corinne", "demandé par maud".
_LOWER_VERB = re.compile(
    r"(?<![\w])(?:dit|dite|transmis|signal[ée]|expliqu[ée]|demand[ée]|pr[ée]venu|pr[ée]venue|"
    r"appel[ée]|t[ée]l[ée]phon[ée]|vu|vue|voir|valid[ée]|fait)[ \t]+(?:[àa]|avec|par)[ \t]+"
    rf"(?P<name>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)(?![\w'’-])"
)
# Lower-case signature at a line end after a sentence: "pilulier refait. maud", ". j-p".
_LOWER_SIGNATURE = re.compile(
    rf"(?m)(?<=[.!)][ \t])[ \t]*(?P<name>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?|[a-z]-[a-z]\.?)[ \t]*$"
)
# A lower-case signature after a dash at a line end: "rappeler sa fille. – tiphaine", "– claire m.".
# The dash is matched first (fast scan); what stands before it is checked in code.
_DASH_SIGNATURE = re.compile(
    rf"(?m)[–—-][ \t]*(?P<name>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)(?:[ \t]+(?P<initial>[a-z]\.))?[ \t]*$"
)
_DASH_LEAD = re.compile(r"(?:[.!)][ \t]+|(?:^|\n)[ \t]*)\Z")
# A message's writer introducing themself: "coucou c maider", "bonjour c'est julien", "ici nadège".
_SELF_INTRO = re.compile(
    r"(?i)(?:\b(?:coucou|bonjour|bonsoir|salut|hello|allo|allô|re)[ \t,!]+(?:c['’]?(?:est)?|ici|moi[ \t]+c['’]est)"
    rf"|(?<![\w'’])moi[ \t]+c['’]est)[ \t]+(?P<name>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)(?![\w'’-])"
)
# A lower-case first name alone in parentheses: "fille passée (ghislaine), inquiète".
_LOWER_PAREN = re.compile(rf"\([ \t]*(?P<name>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)[ \t]*\)")
# Lower-case title, then a surname that may be an ordinary word, then a first name:
# "m. page jean-claude", "mme roy nadine".
# "(m lebrun patrick)": "m" without its dot only right after a bracket.
_LOWER_TITLE = re.compile(r"(?<![\w])(?:m\.|(?<=\()m|mr|mme|mlle|dr)[ \t]+(?=[a-zà-ÿ])")
# Dictated or typed signature in lower case: "laetitia casanova assistante sociale",
# "marc duval, infirmier": a first name, a surname, then the writer's job.
_LOWER_SIGNED_JOB = re.compile(
    rf"(?<![\w'’-])(?P<first>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)[ \t]+(?P<last>[{LOW}]{{2,}}(?:-[{LOW}]{{2,}})?)"
    r"[ \t]*,?[ \t]+(?:assistante?\s+sociale?|infirmi[èe]re?|ide|idel|aide-soignante?|[ée]ducat(?:eur|rice)|"
    r"psychologue|cadre\s+de\s+sant[ée]|m[ée]decin|secr[ée]taire|kin[ée]sith[ée]rapeute|ergoth[ée]rapeute|"
    r"sage-femme|mandataire|curat(?:eur|rice)|tut(?:eur|rice)|conseill[eè]re?|travailleu(?:r|se)\s+social)"
    r"(?![\w'’-])"
)
# A chat export: "[27/11 12:20] Élise 🌸 :", "[09:14] Karim B. :": the speaker before the colon.
_CHAT_SPEAKER = re.compile(
    rf"(?m)^[ \t]*\[[\d/:.h, -]{{4,25}}\][ \t]*(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
    r"[ \t]*(?:[^\w\s:]{1,3}[ \t]*)?:"
)
# OCR glues a title to the name: "Madame⟦Page", "MonsieurDURAND", "M rRAKOTOMALALA".
_GLUED_TITLE = re.compile(
    rf"(?<![\w])(?:Madame|Monsieur|Mademoiselle|Docteur|Professeur|M[ \t]?r)(?=[{UP}][{LOW}{UP}])"
)
# OCR splits a name in two: "Dr Fran çois Mercier", "Mme Dela croix".
_SPLIT = re.compile(rf"(?<![\w'’-])(?P<a>[{UP}][{LOW}]*) (?P<b>[{LOW}]{{2,}})(?![\w'’-])")
# A name hyphenated across a line end: "Jean-\nBaptiste", "Dr Casa-\nnova".
_HYPHEN_BREAK = re.compile(rf"(?<![\w'’-])(?P<a>[{UP}][{LOW}]+)-[ \t]*\n[ \t]*(?P<b>[{UP}{LOW}][{LOW}]+)(?![\w'’-])")
# Pronouns and articles that follow a capitalised word in a sentence ("Il se", "Elle la").
_CLITICS = {"se", "le", "la", "les", "me", "te", "ne", "en", "lui", "leur", "de", "du", "des", "un", "une", "y"}
_TITLE_BEFORE = re.compile(r"(?:Dr|Pr|M\.|Mme|Mlle|Madame|Monsieur|Docteur|Professeur)[ \t]+$")
# "Cabinet infirmier Lebrun & Bon": two surnames joined by "&".
_FIRM_WORDS = {"fils", "freres", "associes", "cie", "co", "filles", "partenaires", "sante", "soins"}
_AMPERSAND = re.compile(rf"(?<![\w'’-])(?P<a>[{UP}][{LOW}]+)[ \t]*&[ \t]*(?P<b>[{UP}][{LOW}]+)(?![\w'’-])")


# Nicknames: "dit « Riton »", "dite « Mamie Loulou »", "son collègue « Fredo »", "connu sous le nom de « Doudou »".
_NICKNAME = re.compile(
    r"(?i)(?:\bdite?|surnomm[ée]e?|alias|appel[ée]e?|coll[èe]gue|ami|amie|copain|copine|voisine?|"
    # "connu sous le nom de « Doudou »", "son surnom : « Ti Jo »", "se fait appeler « Kiki »"
    r"connue?s?[ \t]+sous[ \t]+le[ \t]+(?:nom|surnom|pseudo|sobriquet|pr[ée]nom)[ \t]+de|surnom[ \t]*:?|"
    r"sobriquet[ \t]*:?|pseudo[ \t]*:)[ \t]*,?[ \t]*"
    r"[«\"“][ \t\u00a0]*(?:(?:mamie|mamy|papi|papy|tonton|tata|m[ée]m[ée]|p[ée]p[ée]|petit|petite|"
    # grandparents in the family's language: Corsican, Portuguese, Italian, Spanish, Polish, German...
    r"mam[ée]|av[óô]|vov[óô]|nonna|nonno|abuela|abuelo|yaya|babcia|dziadek|oma|opa|tatie|tantine)[ \t]+)?"
    # Creole "Ti" (petit) is part of the nickname, with a hyphen or a space: "Ti-Jo", "Ti Claude"
    rf"(?P<name>(?-i:(?:Ti[ \t])?[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?))[ \t\u00a0]*[»\"”]"
)


# A care discipline, then the therapist's first name in brackets: "Orthophonie (Léa) :", "Kiné (Paul)".
_DISCIPLINE_PAREN = re.compile(
    r"(?i)(?<![\w])(?:orthophonie|orthophoniste|ortho|ergoth[ée]rapie|ergo|kin[ée]|kin[ée]sith[ée]rapie|"
    r"psychomotricit[ée]|psychomot|psychologue|psycho|di[ée]t[ée]tique|di[ée]t|neuropsy|assistante?\s+sociale|"
    r"IDE|AS|ASH|AES|IDEC|aide-soignante?|infirmi[èe]re?|auxiliaire(?:\s+de\s+vie)?|aide\s+[àa]\s+domicile|"
    r"secr[ée]taire|interne|sage-femme|[ée]ducat(?:eur|rice)|puéricultrice|puericultrice|kin[ée]sith[ée]rapeute)"
    rf"[ \t]*\([ \t]*(?P<name>(?-i:[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?))"
    # "(Océane je crois)": the writer hedges on the name.
    r"[ \t]*(?:\)|,|\?|[ \t]*(?:je\s+(?:crois|pense)|il\s+me\s+semble|peut-[êe]tre|si\s+je\s+me\s+souviens))"
)
# A nickname in quotes in brackets right after a name: "Jeanne DUVAL (« Nénette » pour tous)".
_NICKNAME_PAREN = re.compile(
    rf"(?<=[{LOW}{UP}])[ \t]*\([ \t]*[«\"“][ \t\u00a0]*(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
    r"[ \t\u00a0]*[»\"”][ \t]*(?:\)|,|pour\b|au\b|dans\b|chez\b)"
)
# Lower-case title then an initial and a surname: "dr k. wisniewski", "mme a. lefevre".
_LOWER_INITIAL = re.compile(rf"(?P<initial>[a-z]\.)[ \t]+(?P<name>[{LOW}]{{3,}}(?:-[{LOW}]{{2,}})?)(?![\w'’-])")

# A first name then the person's trade in village speech: "la maison de Bacar le taxi",
# "Ginette la boulangère", "chez Momo le mécanicien".
_NAME_THEN_TRADE = re.compile(
    rf"(?<![\w'’.-])(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]+(?:le|la)[ \t]+"
    r"(?:taxi|boulang(?:er|[èe]re)|p[êe]cheu(?:r|se)|m[ée]canicien(?:ne)?|coiffeu(?:r|se)|[ée]pici(?:er|[èe]re)|"
    r"factrice|facteur|bouch(?:er|[èe]re)|plombier|ma[çc]on|chauffeur|marabout|berg(?:er|[èe]re)|forgeron|"
    r"menuisi(?:er|[èe]re)|[ée]lectricien(?:ne)?|jardini(?:er|[èe]re)|cuisini(?:er|[èe]re)|commer[çc]ante?|"
    r"vendeu(?:r|se)|couturi(?:er|[èe]re)|charpentier|garagiste|cafetier|cafeti[èe]re|[ée]picier)(?![\w'’-])"
)

# A family business named after its owner: "les Ambulances Delcourt", "Taxi Le Gall", "Pompes
# funèbres Roux", "Transports Mercier".
_FAMILY_FIRM = re.compile(
    r"(?<![\w'’-])(?:[Aa]mbulances?|AMBULANCES?|[Tt]axis?|TAXIS?|VSL|[Pp]ompes[ \t]+[Ff]un[èe]bres|"
    r"[Tt]ransports|[Gg]arage|[Ss]ervices[ \t]+fun[ée]raires)[ \t]+(?=[A-ZÀ-Ý])"
)


_FIRM_TITLE = re.compile(r"(?:M\.|Mme|MME|Mr|MR)[ \t]+(?=[A-ZÀ-Ý])")


_LOWER_INITIAL_SURNAME = re.compile(
    r"(?P<init>[a-zà-ÿ]\.)[ \t]?(?P<last>[a-zà-ÿ][a-zà-ÿ'’]{2,}(?:-[a-zà-ÿ]{2,})?)(?![\w'’-])"
)


def _name_ok(ctx: DetectionContext, word: str) -> bool:
    return not (is_protected_word(word, ctx.protected) or is_stop_word(word) or ctx.lexicons.is_country(word))


# Weekdays shortened in rotas ("Yasmine (sam) / Thomas (dim)"): "sam" is also a first name.
_WEEKDAY_SHORT = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"}


def _lower_first_name(ctx: DetectionContext, word: str) -> bool:
    """A lower-case word that is a first name and no ordinary French word ("corinne", "maud")."""
    lex = ctx.lexicons
    parts = word.split("-")
    if len(parts) == 2 and all(len(p) == 1 for p in parts):
        return False
    if word in _WEEKDAY_SHORT:
        return False
    return lex.is_first_name(word) and not lex.is_common(word) and _name_ok(ctx, word)


def _job_then_surname(ctx: DetectionContext, words: list[NameWord], trade: bool = False) -> bool:
    """After a care job: a first name unknown to the lexicons then a surname in capitals ("Kiné
    Paweł NOWAK"), or a surname alone that is no ordinary word ("la SF Moreau", "IDE Verbeke")."""
    lex = ctx.lexicons
    core = [w for w in words if w.kind == "word"]
    if not core or len(core) != len([w for w in words if w.kind != "particle"]):
        return False
    if words[0].kind == "particle" and not (words[0].text[:1].isupper() and len(words) > 1):
        return False  # "le pharmacien de Talence", "externe du MIG": a place or a body part, no name
    if any(not _name_ok(ctx, w.text) or (is_eponym(w.text) and not trade) for w in core) or ctx.all_caps:
        return False
    if len(core) == 1 and is_upper_word(core[0].text) and len(core[0].text) <= 4 and not lex.is_surname(core[0].text):
        return False  # "conseillère ESF", "chauffeur VTC": an acronym after the job, no surname
    last = core[-1]
    if len(core) == 2 and is_upper_word(last.text) and len(last.text) >= 3 and not is_upper_word(core[0].text):
        return not lex.is_common(core[0].text)
    w = core[0].text
    tail = re.split(r"['’]", w)[-1]
    if tail != w and lex.is_common(tail):
        return False  # "CADRE D'ASTREINTE", "ide d'astreinte": an elided ordinary word, no surname
    known = lex.is_surname(w) or not lex.is_common(w)
    return len(core) == 1 and known and not in_eponym_context(ctx.text, core[0].start)


@recognizer("job_context", 79)
def find_job_context_names(ctx: DetectionContext) -> list[Span]:
    """First names after a care-staff job word ("l'IDE Ophélie", "idel corinne") and names after
    a job label with a qualifier ("IDE de coordination : Thomas Bru")."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_JOB_BEFORE, text, ctx.folded):
        words = scan_run(text, m.end(), lex, max_words=2, first_any=False)
        if words and words[0].kind == "word" and lex.is_first_name(words[0].text) and _name_ok(ctx, words[0].text):
            if ctx.all_caps and not is_upper_word(text[m.start() : m.end()].strip(" \t(l'’")):
                continue
            spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.85, "job_context"))
            continue
        if words and _job_then_surname(ctx, words, _TRADE.search(m.group(0)) is not None):
            spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.8, "job_context"))
            continue
        low = LOWER_WORD.match(text, m.end())
        if low and _lower_first_name(ctx, low.group(0)):
            spans.append(Span(low.start(), low.end(), "PRENOM", 0.8, "job_context"))
            continue
        # "IDE j. morel", "l'as m. guérin": a lower-case initial and a surname that is no ordinary word
        init = _LOWER_INITIAL_SURNAME.match(text, m.end())
        last = init.group("last") if init else ""
        if init and lex.is_surname(last) and not lex.is_common(last) and _name_ok(ctx, last):
            spans.append(Span(init.start("init"), init.end("init"), "PRENOM", 0.8, "job_context"))
            spans.append(Span(init.start("last"), init.end("last"), "NOM", 0.8, "job_context"))
    if "(" in text:
        for m in prefixed_finditer(_DISCIPLINE_PAREN, text, ctx.folded):
            w = m.group("name")
            # "kiné (Thomas)": a usual first name in France is the person even when a sign bears it
            usual = lex.french_first_name_frequency(w) >= 5
            if lex.is_first_name(w) and _name_ok(ctx, w) and (usual or not is_eponym(w)):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.85, "job_context"))
    for m in prefixed_finditer(_FAMILY_FIRM, text, ctx.folded):
        # "TAXI M. DUCLOS": "M." is the driver's title there, the surname follows
        title = _FIRM_TITLE.match(text, m.end())
        words = scan_run(text, title.end() if title else m.end(), lex, max_words=2, after_title=True)
        core = [w for w in words if w.kind == "word"]
        if not core or any(not _name_ok(ctx, w.text) or is_eponym(w.text) for w in core):
            continue
        head = core[0].text
        if fold_key(head) in lex.communes or (lex.is_common(head) and not lex.is_surname(head)):
            continue  # "Ambulances Saint-Malo", "Taxi Conventionné": a place or a word
        spans.extend(to_spans(text, label_run(words, lex, "title", ctx.all_caps), 0.8, "job_context"))
    for m in _NAME_THEN_TRADE.finditer(text):
        w = m.group("name")
        if not _name_ok(ctx, w) or is_eponym(w) or fold_key(w) in lex.communes:
            continue
        if lex.is_common(w) and not lex.is_first_name(w):
            continue  # "Village le taxi", "Avant la coiffeuse": words, not names
        surname = lex.is_surname(w) and not lex.is_first_name(w)
        spans.append(Span(m.start("name"), m.end("name"), "NOM" if surname else "PRENOM", 0.8, "job_context"))
    for m in prefixed_finditer(_JOB_LABEL, text, ctx.folded):
        words = scan_run(text, m.end(), lex, max_words=3)
        core = [w for w in words if w.kind != "particle"]
        if not core or not _name_ok(ctx, core[0].text) or in_eponym_context(text, core[0].start):
            continue
        if not any(w.kind == "initial" or lex.is_first_name(w.text) or lex.is_surname(w.text) for w in core):
            continue
        spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.9, "job_context"))
    return spans


@recognizer("age_list", 57)
def find_names_with_age(ctx: DetectionContext) -> list[Span]:
    """A capitalised word followed by an age, "Fanta (8 mois)", "Bảo, 4 ans": a child's first name."""
    if ctx.all_caps:
        return []
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _WITH_AGE.finditer(text):
        w = m.group("name")
        if not _name_ok(ctx, w) or is_eponym(w) or in_eponym_context(text, m.start()):
            continue
        if lex.is_common(w) and not (lex.is_first_name(w) or lex.is_surname(w) or lex.is_east_asian(w)):
            continue
        label = "NOM" if lex.is_surname(w) and not lex.is_first_name(w) else "PRENOM"
        spans.append(Span(m.start("name"), m.end("name"), label, 0.7, "age_list"))
    return spans


@recognizer("lower_context", 58)
def find_lower_case_contexts(ctx: DetectionContext) -> list[Span]:
    """Sloppy lower-case notes: "dit à océane", a signature "maud" or "j-p" at a line end,
    "m. page jean-claude" (a surname that is an ordinary word, then a first name)."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _LOWER_VERB.finditer(text):
        w = m.group("name")
        # After "dit à", "vu avec", a first name even if also a word ("océane", "claire").
        if lex.is_first_name(w) and _name_ok(ctx, w) and len(w.split("-")[0]) > 2:
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "lower_context"))
    for m in prefixed_finditer(_SELF_INTRO, text, ctx.folded):
        if _lower_first_name(ctx, m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.7, "lower_context"))
    for m in _LOWER_PAREN.finditer(text):
        if _lower_first_name(ctx, m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "lower_context"))
    for m in _LOWER_SIGNATURE.finditer(text):
        w = m.group("name")
        initials = re.fullmatch(r"[a-z]-[a-z]\.?", w) is not None
        if initials or _lower_first_name(ctx, w):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "lower_context"))
    if "– " in text or "- " in text or "— " in text:
        for m in _DASH_SIGNATURE.finditer(text):
            if not _DASH_LEAD.search(text, max(0, m.start() - 4), m.start()):
                continue
            w = m.group("name")
            # with an initial after it, a first name that is also a word signs too ("claire m.")
            if _lower_first_name(ctx, w) or (m.group("initial") and lex.is_first_name(w) and _name_ok(ctx, w)):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.65, "lower_context"))
                if m.group("initial"):
                    spans.append(Span(m.start("initial"), m.end("initial"), "PRENOM", 0.65, "lower_context"))
    if "[" in text:
        for m in _CHAT_SPEAKER.finditer(text):
            w = m.group("name")
            # a speaker is a person: a known first name even if also a word ("Élise", "Rose")
            if lex.is_first_name(w) and _name_ok(ctx, w) and not is_eponym(w):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.75, "lower_context"))
    for m in _LOWER_SIGNED_JOB.finditer(text):
        first, last = m.group("first"), m.group("last")
        if _lower_first_name(ctx, first) and _name_ok(ctx, last) and (
            lex.is_surname(last) or not lex.is_common(last)
        ):
            spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.75, "lower_context"))
            spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.75, "lower_context"))
    for m in prefixed_finditer(_LOWER_TITLE, text, ctx.folded):
        init = _LOWER_INITIAL.match(text, m.end())
        surname = init.group("name") if init else ""
        if (
            init
            and _name_ok(ctx, surname)
            and not is_eponym(surname)
            and (lex.is_surname(surname) or not lex.is_common(surname))
        ):
            spans.append(Span(init.start("initial"), init.end("initial"), "PRENOM", 0.8, "lower_context"))
            spans.append(Span(init.start("name"), init.end("name"), "NOM", 0.8, "lower_context"))
            continue
        first = LOWER_WORD.match(text, m.end())
        if not first or not _name_ok(ctx, first.group(0)):
            continue
        nxt = LOWER_WORD.match(text, first.end() + 1) if text[first.end() : first.end() + 1] == " " else None
        if nxt and _lower_first_name(ctx, nxt.group(0)):
            spans.append(Span(first.start(), first.end(), "NOM", 0.8, "lower_context"))
            spans.append(Span(nxt.start(), nxt.end(), "PRENOM", 0.8, "lower_context"))
    return spans


@recognizer("ocr_name", 84)
def find_ocr_damaged_names(ctx: DetectionContext) -> list[Span]:
    """Nicknames in quotes, and names damaged by OCR or PDF extraction: glued to the title,
    split by a space or by a hyphenated line break."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_NICKNAME, text, ctx.folded):
        words = m.group("name").split()  # "Ti Claude": no eponym after the Creole "Ti"
        if _name_ok(ctx, words[-1]) and (len(words) > 1 or not is_eponym(words[-1])):
            spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.96, "ocr_name"))
    if "«" in text or '"' in text or "“" in text:
        for m in _NICKNAME_PAREN.finditer(text):
            w = m.group("name")
            # Only right after a capitalised word (the name); a nickname may be a word ("Nénette").
            before = re.search(rf"[{UP}][\w'’-]*$", text[max(0, m.start() - 30) : m.start()])
            if before and _name_ok(ctx, w) and not is_eponym(w):
                spans.append(Span(m.start("name"), m.end("name"), "PRENOM", 0.9, "ocr_name"))
    for m in prefixed_finditer(_GLUED_TITLE, text, ctx.folded):
        words = scan_run(text, m.end(), lex, max_words=3, after_title=True)
        if words and all(_name_ok(ctx, w.text) for w in words if w.kind == "word"):
            spans.extend(to_spans(text, label_run(words, lex, "title", ctx.all_caps), 0.96, "ocr_name"))
    for m in _SPLIT.finditer(text):
        a, b = m.group("a"), m.group("b")
        if (is_stop_word(a) and len(a) > 1) or a in ("A", "Y") or b in _CLITICS:
            continue  # "Il se traduit", "Ne se cultive pas": a pronoun, not a split name
        if b in ("et", "ou") and re.match(r"[ \t]+[A-ZÀ-Ý]", text[m.end() : m.end() + 3]):
            continue  # "Morgane Le Gall et Julien": a conjunction between two names, not "Gallet"
        joined = a + b
        if not (lex.is_first_name(joined) or lex.is_surname(joined)) or lex.is_common(joined):
            continue
        # One half at least is no word and no name: "çois", "Fran"; not "Marie claire".
        if all(lex.is_common(p) or lex.is_first_name(p) or lex.is_surname(p) for p in (a, b)):
            continue
        if not _name_ok(ctx, joined):
            continue
        label = "PRENOM" if lex.is_first_name(joined) else "NOM"
        spans.append(Span(m.start(), m.end(), label, 0.96, "ocr_name"))
    for m in _HYPHEN_BREAK.finditer(text):
        a, b = m.group("a"), m.group("b")
        hyphenated, glued = f"{a}-{b}", a + b.lower()
        titled = _TITLE_BEFORE.search(text[max(0, m.start() - 15) : m.start()]) is not None
        if lex.is_first_name(hyphenated) and b[0].isupper():
            label = "PRENOM"
        elif lex.is_surname(glued) or lex.is_surname(hyphenated) or (titled and not lex.is_common(glued)):
            label = "NOM"
        else:
            continue
        if _name_ok(ctx, a) and not in_eponym_context(text, m.start()):
            spans.append(Span(m.start(), m.end(), label, 0.96, "ocr_name"))
    for m in _AMPERSAND.finditer(text):
        a, b = m.group("a"), m.group("b")
        strong = [lex.is_surname(x) and not lex.is_common(x) for x in (a, b)]
        if not any(strong) or any(fold_key(x) in _FIRM_WORDS for x in (a, b)):
            continue
        if all(_name_ok(ctx, x) and not is_eponym(x) for x in (a, b)):
            spans.append(Span(m.start("a"), m.end("a"), "NOM", 0.7, "ocr_name"))
            spans.append(Span(m.start("b"), m.end("b"), "NOM", 0.7, "ocr_name"))
    return spans



# Registers the logins and pseudonyms built from names ("(mkoenig)", "par LGAUTHIER") and the
# names after a military, firefighter or police rank ("Cpl Kerhervé"), and names read from their layout.
from avec.privacy.detection import (  # noqa: E402, F401
    initial_signatures,
    login_signatures,
    logins,
    lower_case_names,
    name_layouts,
    ranks,
)
