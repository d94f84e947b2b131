"""Person names, reading: the words of a name run (particles, initials, hyphenated and
lower-case words) and the words that end a run. Labelling is in ``names.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.medical_vocab import is_acronym, is_drug, is_protected_word
from avec.privacy.detection.text import fold_key, is_upper_word

# Latin Extended-A (Ł, Ś, Ž...) counts as both cases: names from Poland, Czechia, Turkey;
# Latin Extended Additional (Ạ-ỹ) too: Vietnamese names ("Phạm", "Nguyễn", "Bảo"); and the
# Romanian comma-below letters (Ș-ț: "Ionuț", "Ștefan").
UP = "A-ZÀ-ÖØ-ÝĀ-žƠƯȘ-țḀ-ỹ"
LOW = "a-zà-öø-ÿœĀ-žơưȘ-țḀ-ỹ"
# Letters no French word uses: a word holding one is a (Vietnamese) name, never "le" or "de".
VIET_MARKS = re.compile("[ăđơưĂĐƠƯḀ-ỹ]|ê(?=$)|Ê(?=$)")
# One name word: Dupont, DUPONT, Jean-Pierre, N'Diaye, O'Neil, McDonald, d'Almeida.
NAME_WORD = re.compile(
    # "(?<=c)['’]h": Breton surnames spell a sound "c'h" inside the word ("Le Floc'h", "Kerc'hoz").
    # OCR reads I as l or 1 and O as 0 in capitals: "MEUNlER", "ZlMMERMANN", "DUCR0Z" (5 characters
    # or more, letters on both sides of the misread one).
    rf"(?=[{UP}l01]{{5}})[{UP}]+(?:l[{UP}]{{2,}}|[01][{UP}]+)+(?![{LOW}\d])|"
    # "HO-A-CHUCK", "Ho-A-Chuck": Chinese-Guyanese surnames hold one-letter parts between hyphens.
    rf"(?:[{UP}]['’])?[{UP}][{LOW}]+(?:(?<=c)['’]h[{LOW}]*)?(?:[{UP}][{LOW}]+)?(?:-(?:[{UP}]-)*(?:[{UP}]['’])?[{UP}][{LOW}{UP}]+)*"
    # "LE FLOC'H", "KERC'HOZ": the Breton "c'h" in capitals too.
    rf"|(?:[{UP}]['’])?[{UP}]{{2,}}(?:(?<=C)['’]H[{UP}]*)?(?:-(?:[{UP}]-)*[{UP}]{{2,}})*"
)
# Every NAME_WORD starts on one of these: a search for it skips in C to the next candidate start
# (NAME_WORD opens on a lookahead, so ``re`` would try a match at every position).
_NAME_START = re.compile(f"[{UP}]")


def next_name_word(text: str, pos: int) -> re.Match[str] | None:
    """``NAME_WORD.search(text, pos)``, tried only where a capital letter stands."""
    while (start := _NAME_START.search(text, pos)) is not None:
        if (m := NAME_WORD.match(text, start.start())) is not None:
            return m
        pos = start.start() + 1
    return None


LOWER_WORD = re.compile(rf"[{LOW}]{{2,}}(?:-[{LOW}]{{2,}})*")
# "mme n'guessan awa", "o'neil": a West African or Irish surname typed in lower case ("n'est" is
# refused as an ordinary word after the apostrophe).
_LOWER_APOSTROPHE = re.compile(rf"[no]['’][{LOW}]{{3,}}(?:-[{LOW}]{{2,}})*")
# Initials: J. / J.-P. / J-P. / JP.
INITIAL = re.compile(
    rf"[{UP}]\.(?:\s?-\s?[{UP}]\.)?|[{UP}]-[{UP}]\.?|[{UP}]{{2}}\.(?!\w)|(?:Th|Ch|Ph|Chr)\.(?=[ \t]*[{UP}])"
    # "Dr Morel Th. (neurochir)": a shortened first name after the surname, before a bracket
    r"|(?:Th|Ch|Ph|Chr)\.(?=[ \t]*[(,;|])"
    # "Dr MEUNIER Cl. - Saverne": Claude shortened, then a separator
    r"|Cl\.(?=[ \t]*(?:[-–,|\n]|$))"
)
# "d'" glued to a capital is a particle too: "Dr d'Hautefeuille", "d'HAUTEFEUILLE Louise".
_PARTICLE = re.compile(
    rf"(?i)(d['’](?=(?-i:[{UP}]))|(?:de\s+la|de\s+l['’]|d['’]|[a-zï]+)(?=[\s'’]|$))"
)
_PARTICLE_CHAIN = re.compile(r"(?i)(?:(?:de|la|le|den|der|van|von|dos|do|da|du|des|di|del)[ \t]+)+")
PARTICLES = {
    "de",
    "du",
    "des",
    "d'",
    "le",
    "la",
    "les",
    "van",
    "von",
    "der",
    "den",
    "da",
    "dos",
    "do",  # Portuguese: "Maria do Carmo", "Conceição do Rosário"
    "di",
    "del",
    "della",
    "ben",
    "el",
    "al",
    "ait",
    "ould",  # "M. Ould Ahmed": the surname's first word
    "bou",
    "abd",
}
# Capitalised words that end a name run (never part of a name).
STOP_WORDS = {
    "ne",
    "nee",
    "epouse",
    "ep",
    "veuve",
    "vve",
    "et",
    "ou",
    "patient",
    "patiente",
    "madame",
    "monsieur",
    "mme",
    "mlle",
    "docteur",
    "dr",
    "pr",
    "professeur",
    "service",
    "tel",
    "fax",
    "mail",
    "cedex",
    "chu",
    "ch",
    "hopital",
    "clinique",
    "ehpad",
    "le",
    "la",
    "les",
    "un",
    "une",
    "a",
    "au",
    "aux",
    "pour",
    "par",
    "avec",
    "sans",
    "dans",
    "sur",
    "vu",
    "vue",
    "objet",
    "motif",
    "date",
    "nom",
    "prenom",
    "prenoms",
    "ipp",
    "nda",
    "age",
    "ans",
    "sexe",
    "adresse",
    "ville",
    "en",
    "ce",
    "cette",
    "il",
    "elle",
    "son",
    "sa",
    "ses",
    "qui",
    "que",
    "est",
    "y",
    "ide",
    "as",
    "interne",
    "externe",
    "cadre",
    "infirmier",
    "infirmiere",
    "medecin",
    "chef",
    "de",
    "du",
    "des",
    "mr",
    "m",
    "me",
    "mm",
    "né",
    "signé",
    "signe",
    "copie",
    "cc",
    "destinataire",
    "bonjour",
    "bonsoir",
    "cher",
    "chere",
    "chers",
    "merci",
    "cordialement",
    "salut",
    "bien",
    "amicalement",
    "confraternellement",
    "re",
    "tr",
    "fwd",
    "pj",
    "hello",
    "ddn",
    "dn",
    "referent",
    "referente",
    "resident",
    "residente",
    "presents",
    "presentes",
    "participants",
    "situation",
    "concerne",
    "enfant",
    "demandeur",
    "victime",
    "assure",
    "assuree",
    "parents",
    "lit",
    "chambre",
    "entree",
    "sortie",
    "conclusion",
    "traitement",
    "antecedents",
    "examen",
    "synthese",
}
# Abbreviations of sloppy notes ("voir avec le dr Soilihi svp"), offices and teams.
STOP_WORDS |= {"svp", "stp", "cf", "ok", "rdv", "tt", "ttt", "bcp", "pdt", "qd", "mtn", "nb", "ps", "pb", "ras", "slt"}
# Invoice and form column headings: "Qté", "Montant", "Signature", "Visa".
STOP_WORDS |= {"qte", "quantite", "montant", "signature", "visa", "total", "designation", "libelle"}
STOP_WORDS |= {"secretariat", "accueil", "bureau", "equipe", "pole", "unite", "standard", "cabinet"}
# Care jobs written as a field label ("SAGE-FEMME : LARCHER"): never part of a name.
STOP_WORDS |= {
    "sage-femme", "sages-femmes", "aide-soignant", "aide-soignante", "puericultrice", "kinesitherapeute",
    "orthophoniste", "ergotherapeute", "psychomotricien", "psychomotricienne", "psychologue",
    "dieteticien", "dieteticienne", "pharmacien", "pharmacienne", "orthoptiste", "manipulateur",
}
# Health professions of the public health code (part 4) and the titles of other care jobs, written
# after a signature ("Thomas VASSEUR – Pédicure-Podologue D.E."): never part of a name.
STOP_WORDS |= {
    "pedicure-podologue", "pedicure", "podologue", "masseur-kinesitherapeute", "masseur", "chirurgien-dentiste",
    "dentiste", "orthodontiste", "audioprothesiste", "opticien", "opticien-lunetier", "prothesiste",
    "orthoprothesiste", "podo-orthesiste", "orthopediste-orthesiste", "orthesiste", "epithesiste", "oculariste",
    "ergotherapeute", "osteopathe", "chiropracteur", "psychotherapeute", "neuropsychologue", "sophrologue",
    "ambulancier", "ambulanciere", "preparateur", "preparatrice", "infirmier-anesthesiste", "puericulteur",
    "auxiliaire", "manipulatrice", "technicien", "technicienne", "diplome", "diplomee",
}
# Vehicles and teams of emergency care ("Hélico Dragon 73 indispo", "VSAV Lens 2"): no names.
STOP_WORDS |= {"helico", "helicoptere", "ambulance", "vsav", "vlm", "vli", "vlr", "fpt", "smur", "equipage"}
STOP_WORDS |= {"consœur", "consoeur", "confrere", "collegue", "confreres", "collegues", "amis", "famille"}
# Hesitations and fillers of dictation and chat ("docteur Zénon euh c'est...") and subject
# pronouns ("MME GUERIN JE CROIS"): never part of a name, in any case.
STOP_WORDS |= {"euh", "heu", "hum", "hmm", "hein", "ouais", "voila", "bref", "enfin", "genre"}
STOP_WORDS |= {"je", "tu", "nous", "vous", "ils", "elles", "on", "moi", "toi", "j"}
# Creole "Ti" (petit) before a first name ("Ti Paul", "Ti Jean"): a word of affection, not a name.
STOP_WORDS |= {"ti"}
# "boutique Chez Ginette", "restaurant Chez Paulo": a shop named after its owner's first name.
STOP_WORDS |= {"chez"}
# Grandparents and family words in front of a nickname ("dite « Mamé Lia »", "« Avó Graça »").
STOP_WORDS |= {"mamie", "mamy", "papi", "papy", "mame", "avo", "vovo", "nonna", "nonno", "abuela", "abuelo"}
STOP_WORDS |= {"babcia", "dziadek", "tonton", "tatie", "tantine"}
TITLE_TOKENS = {"m.", "dr.", "pr.", "mr.", "me.", "mm."}
# Head words of a workplace after "de la"/"du": "Mme Blanc de la Maison de retraite", "Dr Roy du Centre".
_PLACE_HEADS = {
    "maison", "clinique", "residence", "centre", "hopital", "pharmacie", "mairie", "mission", "caisse",
    "foyer", "association", "polyclinique", "plateforme", "fondation", "cite", "communaute", "direction",
    "prefecture", "gendarmerie", "police", "croix-rouge", "protection", "mutualite", "maternite",
}  # fmt: skip


# What may follow a surname's initial: a separator, a bracket or the line end.
# ("Sarah M. (GS)", "Sarah M.      Léo B.": a bracket, or a column gap of a planning, too.)
_ENDS_NAME = re.compile(r"[ \t]*(?:[+,;()/|–]|[ \t]-[ \t]|\n|$)|[ \t]{3,}")
_CODE_TAIL = re.compile(r"-[\w-]*\d")
# A number just before an initial: "IRM 1,5 T." is a unit (tesla).
_NUMBER_BEFORE = re.compile(r"\d[ \t]?\Z")
# A lower-case part after a hyphen: "Marin-pêcheur" (an ordinary compound word).
_PARTICLE_KEYS = frozenset(PARTICLES | {"dela", "del'"})
_LOWER_TAIL = re.compile(rf"-[{LOW}][{LOW}]+(?:-[{LOW}]+)*")


@lru_cache(maxsize=1 << 16)
def is_stop_word(word: str) -> bool:
    """True for a word that ends a name run ("né", "service"), but not "Lê" (a Vietnamese name)."""
    return fold_key(word) in STOP_WORDS and not VIET_MARKS.search(word)


@dataclass(frozen=True)
class NameWord:
    """One word of a name run with its offsets."""

    start: int
    end: int
    text: str
    kind: str  # "word", "initial", "particle", "lower"


def scan_run(
    text: str,
    pos: int,
    lex: Lexicons,
    *,
    allow_lower: bool = False,
    max_words: int = 4,
    first_any: bool = True,
    after_title: bool = False,
) -> list[NameWord]:
    """Read name words from ``pos`` on the same line: particles, initials, capitalised words.

    ``first_any`` takes the first word even if it is an ordinary word ("Mme Petit").
    """
    words: list[NameWord] = []
    i = pos
    n = len(text)
    pending: list[NameWord] = []
    core = 0  # words that are no particle (counted as they come: speed)
    while i < n and core < max_words:
        j = i
        while j < n and text[j] in " \t":
            j += 1
        if j >= n or text[j] == "\n":
            break
        glued_after_initial = after_title and len(words) == 1 and words[0].kind == "initial" and text[j - 1] == "."
        if words and j == i and text[j - 1] not in "'’" and not glued_after_initial:
            break  # "Dr F.Bouvier" is read on: an initial glued to the surname after a title
        if (words or pending) and text.count(" ", i, j) >= 3 and "\t" not in text[i:j]:
            break  # a column gap: "M. Blanc          A.-S. Kuntz" are two signatures
        m_init = INITIAL.match(text, j)
        m_word = NAME_WORD.match(text, j)
        m_part = _PARTICLE.match(text, j)
        if m_part and fold_key(m_part.group(1)).replace(" ", "") in _PARTICLE_KEYS:
            nxt = m_part.end()
            while nxt < n and text[nxt] in " \t'’":
                nxt += 1
            chain = _PARTICLE_CHAIN.match(text, nxt)
            if chain:
                nxt = chain.end()
            follow = NAME_WORD.match(text, nxt)
            if follow is None and allow_lower:
                # Dictation in lower case: "madame rozenn le goff", "monsieur de la tour".
                low = LOWER_WORD.match(text, nxt)
                follow = low if low and _lower_name_ok(low.group(0), lex) else None
            if follow and fold_key(follow.group(0)) in _PLACE_HEADS:
                break  # "Mme Blanc de la Maison de retraite X": where she works, not her name
            if follow and fold_key(follow.group(0)) not in STOP_WORDS and not (m_word and m_word.end() > m_part.end()):
                pending.append(NameWord(j, m_part.end(), m_part.group(1), "particle"))
                i = m_part.end()
                continue
        if m_init and fold_key(m_init.group(0)) == "ep.":
            break  # "ALLARD EP. DUQUESNOY": "épouse" abbreviated, no initial; the married name follows
        if m_init and fold_key(m_init.group(0)) in TITLE_TOKENS:
            if words and words[-1].kind == "word" and _ENDS_NAME.match(text, m_init.end()):
                # "AS : Laetitia M. + Hakan K.": after a first name, "M." that no name follows is
                # the initial of the surname
                words.append(NameWord(j, m_init.end(), m_init.group(0), "initial"))
                core += 1
                break
            if words or pending:
                break  # "Appeler M. Blanc": a title starts a new name
            if not after_title:
                i = m_init.end()  # "M. Diallo": the title is not an initial
                continue
        if m_init and not words and not pending and _NUMBER_BEFORE.search(text, max(0, j - 4), j):
            break  # "IRM 1,5 T.", "3 T.": a unit after a number, not an initial
        if m_init and not words and not pending and _side_letter(text, j, m_init.end(), lex):
            break  # "perçus à D, faibles à G.": a side (droite, gauche), not an initial
        if m_init and (not m_word or m_init.end() >= m_word.end()):
            words.extend(pending)
            pending = []
            words.append(NameWord(j, m_init.end(), m_init.group(0), "initial"))
            core += 1
            i = m_init.end()
            continue
        if m_word:
            w = m_word.group(0)
            w_end = m_word.end()
            if _CODE_TAIL.match(text, w_end) or text[w_end : w_end + 1].isdigit():
                break  # "Portalis DBXX-W-B7I-CLM4", "ROS1", "BRCA2": a code or a gene, not a name
            if w.isupper() and text[w_end : w_end + 1].isalpha():
                break  # "QTc", "HbA1c": capitals glued to a lower-case letter make a measure
            low_tail = _LOWER_TAIL.match(text, w_end)
            if low_tail:
                # "Marin-pêcheur", "Porte-parole": an ordinary compound; "Jean-marc" typed
                # carelessly is still a known first name.
                whole = w + low_tail.group(0)
                if not (lex.is_first_name(whole) or lex.is_surname(whole)):
                    break
                w, w_end = whole, low_tail.end()
            if (
                is_stop_word(w) or (words and (is_drug(w) or (is_upper_word(w) and is_acronym(w))))
            ) and not _AIT_SURNAME.match(text, j):
                break  # "Secrétariat SSR", "Mme Durand Doliprane"
            if words or not first_any:
                prev = words[-1] if words else None
                # After a first name, an initial ("A. Rose") or a title's first word, a
                # capitalised ordinary word is the surname ("Doris Bon", "L. Page").
                after_first = prev is not None and (
                    prev.kind == "initial"
                    or (
                        prev.kind == "word"
                        and (lex.is_first_name(prev.text) or (after_title and not is_upper_word(w)))
                    )
                )
                east = lex.is_east_asian(w) or bool(VIET_MARKS.search(w))
                if (
                    lex.is_common(w)
                    and not (lex.is_first_name(w) or lex.is_surname(w) or east)
                    and not pending
                    and not after_first
                ):
                    break
            words.extend(pending)
            pending = []
            words.append(NameWord(j, w_end, w, "word"))
            core += 1
            i = w_end
            continue
        if allow_lower:
            m_low = _LOWER_APOSTROPHE.match(text, j) or LOWER_WORD.match(text, j)
            if m_low:
                w = m_low.group(0)
                if _lower_name_ok(w, lex) and (w[1] not in "'’" or _lower_name_ok(w[2:], lex)):
                    words.extend(pending)
                    pending = []
                    words.append(NameWord(j, m_low.end(), w, "lower"))
                    core += 1
                    i = m_low.end()
                    continue
        break
    return words


# "AÏT OUARAB", "Aït Belkacem": "Aït" (sons of) opening a Kabyle surname, not the verb "ait".
_AIT_SURNAME = re.compile(rf"(?:A[iï]t|A[IÏ]T)[ \t-][{UP}]")
_SIDE_BEFORE = re.compile(r"(?:\b[àa]|\bet|\bcôté|\bcote|/)[ \t]*\Z")
_SIDE_NAME_AFTER = re.compile(rf"[ \t]*([{UP}][{LOW}{UP}'’-]+)")


def _side_letter(text: str, start: int, end: int, lex: Lexicons) -> bool:
    """ "à G.", "à D.": a side of the body after "à", unless a known name follows ("à G. Dupont")."""
    if text[start] not in "DG" or end != start + 2 or not _SIDE_BEFORE.search(text, max(0, start - 8), start):
        return False
    after = _SIDE_NAME_AFTER.match(text, end)
    return after is None or not (lex.is_surname(after.group(1)) or lex.is_first_name(after.group(1)))


def _lower_name_ok(word: str, lex: Lexicons) -> bool:
    """A lower-case word that may be a name: a known name, or no ordinary word, stop word or drug."""
    if is_stop_word(word) or is_protected_word(word):
        return False
    return lex.is_surname(word) or lex.is_first_name(word) or not lex.is_common(word)
