"""The lexicon rule for names: runs of capitalised words holding a known first name ("Jean
Dupont", "DUPONT Marie"), a known first name alone mid-sentence, before a role, an age or a
person's verb ("Claire (IDE)", "Moussa peut vous appeler"), or signing a line."""

from __future__ import annotations

import re

from avec.privacy.detection.context_rules import _allowed, _sentence_start
from avec.privacy.detection.medical_vocab import in_eponym_context, is_acronym, is_eponym, is_protected_word
from avec.privacy.detection.name_scan import _PARTICLE_KEYS, next_name_word
from avec.privacy.detection.names import (
    COMPOUND_HEADS,
    COMPOUND_TAILS,
    TITLE_TOKENS,
    NameWord,
    is_stop_word,
    label_run,
    scan_run,
    to_spans,
)
from avec.privacy.detection.next_field_label import drop_next_label
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

_IN_BRACKETS = re.compile(r"\([A-ZÀ-Ý]{3,4}\)")
_ELIDED = re.compile(r"[LDldl]['’](\w{3,})")
_BLOOD_GROUP = re.compile(r"[ABO]{2}")
_VOWEL = re.compile("[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")
_LIMB_ABBREVIATIONS = {"MI", "MS", "MID", "MIG", "MSD", "MSG"}


def _kind(ctx: DetectionContext, w: NameWord) -> str:
    lex = ctx.lexicons
    if w.kind == "initial":
        # "OEDEMES DES MI.": limbs (membres inférieurs / supérieurs) before a full stop, no initials.
        return "X" if w.text.rstrip(".") in _LIMB_ABBREVIATIONS or is_acronym(w.text.rstrip(".")) else "FN"
    if w.kind == "particle":
        return "P"
    t = w.text
    if is_protected_word(t, ctx.protected) or is_stop_word(t) or lex.is_country(t):
        return "X"
    elided = _ELIDED.match(t)
    if elided and (is_stop_word(elided.group(1)) or (lex.is_common(elided.group(1)) and not lex.is_surname(t))):
        return "X"  # "L'INFIRMIER", "D'ACCORD": an elided article before an ordinary word
    if is_upper_word(t) and len(t) <= 5 and not _VOWEL.search(t):
        return "X"  # "SNSM", "PTH": capitals without a vowel are an acronym, never a name
    if _BLOOD_GROUP.fullmatch(t):
        return "X"  # "AO", "BO", "AB": ABO genotypes and blood groups
    if is_upper_word(t) and 3 <= len(t) <= 4 and not ctx.all_caps and _IN_BRACKETS.match(ctx.text, w.start - 1):
        return "X"  # "Masse Delphine (TIM)": capitals alone in brackets after a name are a role or a team
    if is_eponym(t) and not (lex.is_first_name(t) or lex.is_surname(t)):
        return "X"
    if lex.is_first_name(t):
        return "FNc" if lex.is_common(t) else "FN"
    if lex.is_surname(t):
        return "SNc" if lex.is_common(t) else "SN"
    if lex.is_common(t) or len(t) < 2:
        return "X"
    return "U"


def _after_initial(ctx: DetectionContext, words: list[NameWord], i: int, kind: str) -> str:
    """ "J. Page": a capitalised ordinary word right after an initial is a surname."""
    w = words[i]
    if (
        kind == "X"
        and i > 0
        and words[i - 1].kind == "initial"
        and re.fullmatch(r"(?:[A-ZÀ-ÖØ-Ý]|Th|Ch|Ph)\.", words[i - 1].text) is not None
        and w.kind == "word"
        and not ctx.all_caps
        # "g/L. Enrichissement : ...", "OG. Première injection": a sentence goes on, not a name.
        and not re.match(r"[ \t]*[a-zà-ÿ:]", ctx.text[w.end : w.end + 3])
        and ctx.text[max(0, words[i - 1].start - 1) : words[i - 1].start] not in ("/", ".")
        and not (is_protected_word(w.text, ctx.protected) or is_stop_word(w.text) or is_eponym(w.text))
        and not _lettered_heading(ctx, words[i - 1], w)
    ):
        return "SNc"
    return kind


# "A. IDENTITÉ DE L'ENFANT", "D. AIDANTS": a section letter, then a heading in capitals; also a
# Roman numeral ("V. DISCUSSION") and a heading with a lower-case note in brackets after it.
_HEADING_LETTER = re.compile(r"(?:[A-H]|I{1,3}|IV|VI{0,3}|IX|X)\.")
_HEADING_REST = re.compile(r"[^\n]*")


def _lettered_heading(ctx: DetectionContext, initial: NameWord, word: NameWord) -> bool:
    """A letter opening its line, then ordinary words in capitals to the line end: a heading."""
    text = ctx.text
    if not _HEADING_LETTER.fullmatch(initial.text) or not is_upper_word(word.text) or len(word.text) < 3:
        return False
    if text[text.rfind("\n", 0, initial.start) + 1 : initial.start].strip():
        return False
    rest = _HEADING_REST.match(text, word.end)
    tail = (rest.group(0) if rest else "").split("(", 1)[0]
    return tail.upper() == tail


def _after_first_name(ctx: DetectionContext, words: list[NameWord], i: int, kind: str) -> str:
    """A capitalised ordinary word is the surname after a first name and a particle ("Kevin Le
    Bris"), or after a first name and before a role ("Nicolas Six (cadre de santé)")."""
    w = words[i]
    if kind != "X" or i == 0 or w.kind != "word" or ctx.all_caps or is_upper_word(w.text):
        return kind
    if is_protected_word(w.text, ctx.protected) or is_stop_word(w.text):
        return kind
    # "Marion Wolff, IDE", "Christiane Wolff née Schneider": an eponym used as a surname.
    named_after = _ROLE_AFTER.match(ctx.text, w.end) is not None or _MAIDEN_AFTER.match(ctx.text, w.end) is not None
    lex = ctx.lexicons
    if is_eponym(w.text) and not named_after:
        # "(Céline Hoffmann, 03 83 ...)": an eponym right after a usual first name (no "signe de",
        # no sign or grade after it) is that person's surname.
        prev = words[i - 1]
        if (
            prev.kind == "word"
            and lex.french_first_name_frequency(prev.text) >= 3
            and not lex.is_common(prev.text)
            and not is_eponym(prev.text)
            and not in_eponym_context(ctx.text, prev.start)
            and not in_eponym_context(ctx.text, w.start)
        ):
            return "SNc"
        return kind
    j = i - 1
    if words[j].kind == "particle":
        j -= 1
        if j >= 0 and words[j].kind == "word" and lex.is_first_name(words[j].text) and w.text[:1].isupper():
            return "SNc"
        return kind
    first = words[j]
    known_first = first.kind == "word" and lex.is_first_name(first.text) and not lex.is_common(first.text)
    # "J. Hoffmann, IDE": an initial, then an eponym and a role, is a person signing.
    initial = first.kind == "initial" and is_eponym(w.text)
    return "SNc" if (known_first or initial) and named_after else kind


def _eponym_before_first_name(ctx: DetectionContext, words: list[NameWord], kinds: list[str]) -> list[str]:
    """ "Bouchard Julie", "WOLFF Sandrine": an eponym opening the run right before a first name
    is a surname written first (nodes, syndromes and signs are never followed by a first name)."""
    if len(words) < 2 or kinds[0] != "X" or kinds[1] not in ("FN", "FNc") or words[0].kind != "word":
        return kinds
    w = words[0].text
    if not is_eponym(w) or is_protected_word(w, ctx.protected) or is_stop_word(w) or words[1].kind != "word":
        return kinds
    return ["SNc", *kinds[1:]]


def _berber_particle(words: list[NameWord], kinds: list[str]) -> list[str]:
    """ "Kenza AÏT OUARAB", "Aït Belkacem": "Aït" (sons of) opening a Kabyle surname before
    another capitalised word is part of the surname, not the verb "ait"."""
    out = list(kinds)
    for i, w in enumerate(words[:-1]):
        if (
            out[i] == "X"
            and len(w.text) == 3
            and w.text[:1] == "A"
            and w.kind == "word"
            and fold_key(w.text) == "ait"
            and w.text[:1].isupper()
            and words[i + 1].kind == "word"
            and words[i + 1].start - w.end <= 2
            and out[i + 1] in ("X", "U", "SN", "SNc")
        ):
            out[i] = "U"
            if out[i + 1] == "X" and not is_stop_word(words[i + 1].text):
                out[i + 1] = "U"
    return out


_MAIDEN_AFTER = re.compile(r"[ \t]+n[ée]e[ \t]+[A-ZÀ-Ý]")


# A role after a comma or in brackets (not an age): "Anli, agent d'accueil", "Tiphaine (IDE)".
_ROLE_BRACKET_AFTER = re.compile(
    r"(?i)[ \t]*[(,][ \t]*(?:IDE|IDEC|AS|ASH|AES|infirmi[eè]re?|aide-soignante?|interne|externe|cadre|"
    r"kin[ée]|[ée]ducat(?:eur|rice)|psychologue|assistante?\s+sociale|ergoth[ée]rapeute|di[ée]t[ée]ticienne?|"
    r"orthophoniste|secr[ée]taire|m[ée]decin|auxiliaire|agent\s+d['’]accueil|interpr[èe]te|traduct(?:eur|rice)|"
    r"m[ée]diat(?:eur|rice)|b[ée]n[ée]vole|stagiaire)(?![\w-])"
)


# A staff roster or a table row: "| RAKOTOMALALA Fanja   | IDE |", "KOWALCZYK Ewa ; AS ;".
_ROLE_CELL_AFTER = re.compile(
    r"[ \t]*[|;\t][ \t]*(?-i:IDE|IDEC|IDEL|AS|ASH|AES|AMP|ASD|AVS|ASG|AMP|ES|ME|MK|CESF|ASS|IBODE|IADE|"
    r"PH|PU-PH|CCA|DJ|FFI|Interne|Cadre|Kiné|Psychologue|Ergo|Diét|Secrétaire)(?![\w'’-])"
)


def _staff_row(ctx: DetectionContext, core: list[NameWord], ks: list[str]) -> bool:
    """A surname in capitals and one or two capitalised words unknown to the lexicons, followed by
    a care role in the next cell: a staff member, whatever the origin of the name."""
    if ctx.all_caps or not 2 <= len(core) <= 3 or any(w.kind != "word" for w in core):
        return False
    if not is_upper_word(core[0].text) or len(core[0].text) < 3 or any(is_upper_word(w.text) for w in core[1:]):
        return False
    if any(k == "X" for k in ks):
        return False
    return _ROLE_CELL_AFTER.match(ctx.text, core[-1].end) is not None


def _has_compound_first_name(core: list[NameWord]) -> bool:
    """"JEAN PIERRE": two words that together make a usual compound first name."""
    return any(
        fold_key(a.text) in COMPOUND_HEADS and fold_key(b.text) in COMPOUND_TAILS
        for a, b in zip(core, core[1:], strict=False)
    )


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """A signature: the word is the only one on its line ("Romain")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t.,")


def _signs_line(text: str, start: int, end: int) -> bool:
    """A note signed at the end of its line: "... près du lit. Virginie" (after a sentence end)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[end:line_end].strip(" \t.,"):
        return False
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip(" \t")
    if _SECTION_NUMBER.fullmatch(before):
        return False  # "2. Santé": a numbered heading, nobody signs
    return before.endswith((".", "!", ")", "–", "-")) and len(before) > 1


_SECTION_NUMBER = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[A-Za-z])[.)]")
_BLANK_LINE_BEFORE = re.compile(r"\n[ \t]*\n[ \t]*\Z")


def _heading_line(text: str, start: int, end: int) -> bool:
    """A word alone on its line after a blank line, and a line of prose under it: a heading."""
    if not _BLANK_LINE_BEFORE.search(text, max(0, start - 20), start):
        return False
    nl = text.find("\n", end)
    if nl < 0:
        return False
    nxt = text.find("\n", nl + 1)
    following = text[nl + 1 : nxt if nxt >= 0 else len(text)].strip()
    return len(following) > 30


# "Claire (IDE)", "Morgane, IDE de nuit": a first name followed by a care role.
_ROLE_AFTER = re.compile(
    r"(?i)[ \t]*[(,–-][ \t]*(?:IDE|IDEC|AS|ASH|AES|infirmi|aide|interne|externe|cadre|kin[ée]|[ée]duc|"
    r"psycho|assistante?|ergo|di[ée]t|orthophon|secr[ée]taire|m[ée]decin|auxiliaire|AMP|agent|"
    r"\d{1,2}[ \t]*(?:ans|mois|a)\b)"
    # "Fatou AS", "Nadège AS nuit": a signature before a care-staff acronym in capitals
    r"|[ \t]+(?-i:IDE|IDEC|IDEL|AS|ASH|AES|AMP|ASD|AVS|AVQ|ASG|ES|ME|ETS|CESF|ASS)(?![\w'’-])"
)


# A sentence opened by a first name, then what a person does: "Moussa peut vous appeler",
# "Inès m'a dit", "Karim viendra demain".
_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:peut|pourra|pourrait|va|ira|doit|devra|veut|voudrait|souhaite|sait|dit|a\s+dit|est\s+pass[ée]e?|"
    # what a patient or a relative feels or says in a letter: "Moussa espère encore", "Inès confie"
    r"esp[èe]re|pense|craint|redoute|comprend|confie|exprime|raconte|explique|d[ée]crit|verbalise|"
    r"pleure|sourit|refuse|accepte|demande|se\s+plaint|se\s+sent|ne\s+(?:veut|peut|souhaite|comprend)|"
    r"viendra|vient|passera|passe|appellera|rappellera|appelle|rappelle|arrive|arrivera|part|revient|"
    r"reviendra|reste|prend|prendra|m['’]a|t['’]a|nous\s+a|vous\s+a|l['’]a|s['’]est|se\s+charge|"
    r"s['’]occupe|m['’]|t['’]|vous\s+(?:appelle|rappelle|a|propose|contacte|contactera))(?![\w'’-])"
)


# What a member of staff does, after a first name that is no ordinary word: "Lina propose le
# groupe", "Ousmane accompagnera", "Yanis a vu la famille".
_STAFF_VERB_AFTER = re.compile(
    r"[ \t]+(?:propose|proposera|organise|organisera|accompagne|accompagnera|anime|animera|re[çc]oit|"
    r"recevra|verra|voit|a[ \t]+vu|a[ \t]+fait|a[ \t]+appel[ée]|a[ \t]+pr[ée]venu|note|signale|pr[ée]vient|"
    r"pr[ée]viendra|contacte|contactera|transmet|transmettra|fait|fera|suit|suivra|assure|assurera|g[èe]re|"
    r"coordonne|rencontre|rencontrera|rel[èe]ve|remplace|remplacera|s['’]en[ \t]+charge)(?![\w'’-])"
)


# Not after a slash: "5,6 mmol/L. Je propose" is a unit, then a sentence.
# "J-M. Guérin": hyphenated initials with one full stop.
_LEADING_INITIAL = re.compile(r"(?<![\w./])((?:[A-ZÀ-ÖØ-Ý]|Th|Ch|Ph)\.(?:-[A-Z]\.)?|[A-Z]-[A-Z]\.)[ \t]+")


def _drop_prepositions(text: str, words: list[NameWord], best: list[NameWord]) -> list[NameWord]:
    """ "Visite de Marie Merlin", "Appel de MERLIN Marie": lower-case particles opening the run
    after an ordinary word (excluded from the run, or written in lower case before it) are the
    preposition of that word, not the particle of a surname."""
    if not best or best[0].kind != "particle" or not best[0].text.islower():
        return best
    before = text[max(0, best[0].start - 30) : best[0].start].rstrip(" \t")
    prev_word = re.search(r"(\w+)$", before)
    if best[0] is words[0] and not (prev_word and prev_word.group(1).islower()):
        return best
    k = 0
    while k < len(best) and best[k].kind == "particle" and best[k].text.islower():
        k += 1
    return best[k:]


def _stop_word_alone(text: str, m: re.Match[str]) -> bool:
    """A stop word followed by a blank ("Le patient", "Pour info"), which ``scan_run`` would refuse
    at once (a run of no word): a set lookup instead of the run's scan. Not a particle that may
    open a surname ("Le Goff", "De la Tour"), a word with an apostrophe, or "Aït" (a Kabyle surname's
    opening); a blank after it rules out an initial, a code or a compound."""
    word = m.group(0)
    if text[m.end() : m.end() + 1] != " " or not is_stop_word(word) or "'" in word or "’" in word:
        return False
    key = fold_key(word)
    return key not in _PARTICLE_KEYS and key != "ait"


@recognizer("lexicon", 55)
def find_lexicon_names(ctx: DetectionContext) -> list[Span]:
    """Runs of capitalised words holding a known first name: "Jean Dupont", "DUPONT Marie"."""
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = next_name_word(text, pos)
        if not m:
            break
        start = m.start()
        # "sœur": œ reads as a capital in NAME_WORD, but the word began before.
        if start and text[start - 1].isalpha() and not text[start].isupper():
            pos = m.end()
            continue
        # Include a leading initial just before ("J. Dupont", "A. Rose", "| S. Diop |").
        window = text[max(0, start - 6) : start]
        lead = _LEADING_INITIAL.search(text, max(0, start - 6), start) if "." in window else None
        if lead and lead.end() == start and fold_key(lead.group(1)) not in TITLE_TOKENS:
            start = lead.start(1)
        elif (
            text[max(0, start - 2) : start] in ("d'", "d’")
            and is_upper_word(m.group(0))
            and not ctx.all_caps
            and (start == 2 or not text[start - 3].isalnum())
        ):
            start -= 2  # "d'HAUTEFEUILLE Louise": the particle belongs to the surname
        if start == m.start() and _stop_word_alone(text, m):
            pos = m.end()
            continue
        words = scan_run(text, start, lex, max_words=4, first_any=True)
        if words and words[0].kind == "initial" and fold_key(words[0].text) in TITLE_TOKENS:
            words = words[1:]  # "M. DUPONT": the title is not an initial
        words = drop_next_label(text, words)
        if not words:
            pos = m.end()
            continue
        pos = max(words[-1].end, m.end())
        if len(words) == 1 and _kind(ctx, words[0]) == "X":
            continue  # a lone excluded word ("Traitement", "IRM"): the steps below would keep nothing
        # "D. AIDANTS": a lettered heading, unless a known name follows the letter ("J. DUPONT").
        if (
            len(words) > 1
            and words[0].kind == "initial"
            and _lettered_heading(ctx, words[0], words[1])
            and not any(lex.is_first_name(w.text) or lex.is_surname(w.text) for w in words[1:])
        ):
            continue
        kinds = [_after_initial(ctx, words, i, _kind(ctx, w)) for i, w in enumerate(words)]
        kinds = [_after_first_name(ctx, words, i, k) for i, k in enumerate(kinds)]
        kinds = _eponym_before_first_name(ctx, words, kinds)
        kinds = _berber_particle(words, kinds)
        # Keep the longest stretch without excluded words.
        best: list[NameWord] = []
        cur: list[NameWord] = []
        for w, k in zip(words, kinds, strict=True):
            if k == "X":
                best = cur if len(cur) > len(best) else best
                cur = []
            else:
                cur.append(w)
        best = cur if len(cur) > len(best) else best
        best = _drop_prepositions(text, words, best)
        core = [w for w in best if w.kind != "particle"]
        if not core:
            continue
        ks = [kinds[words.index(w)] for w in core]
        has_fn = any(k in ("FN", "FNc") for k in ks)
        # "Marine VAN DEN BROECK": capitals after a capitalised first name say surname.
        caps_surname = not ctx.all_caps and any(
            k == "U" and is_upper_word(w.text) and len(w.text) >= 3 for w, k in zip(core, ks, strict=True)
        ) and any(k in ("FN", "FNc") and not is_upper_word(w.text) for w, k in zip(core, ks, strict=True))
        strong = any(k in ("FN", "SN") for k in ks) or caps_surname
        if ctx.all_caps and not any(k in ("FN",) for k in ks) and not _has_compound_first_name(core):
            continue
        if len(core) >= 2 and has_fn and (strong or all(k != "U" for k in ks)):
            if not _allowed(ctx, best):
                continue
            spans.extend(to_spans(text, label_run(best, lex, "auto"), 0.75, "lexicon"))
        elif _staff_row(ctx, core, ks) and _allowed(ctx, best):
            spans.extend(to_spans(text, label_run(best, lex, "auto"), 0.7, "lexicon"))
        elif (
            len(core) == 1
            and ks[0] == "FN"
            and not ctx.all_caps
            and core[0].kind == "word"
            and (not _sentence_start(text, core[0].start) or re.match(r"[ \t]*[(,–-]", text[core[0].end :]))
            and not lex.is_country(core[0].text)
        ) or (
            len(core) == 1
            and ks[0] in ("FN", "FNc")
            and core[0].kind == "word"
            and (
                _ROLE_AFTER.match(text, core[0].end)
                or (not ctx.all_caps and _PERSON_VERB_AFTER.match(text, core[0].end))
                or (
                    not ctx.all_caps
                    and (ks[0] == "FN" or lex.french_first_name_frequency(core[0].text) >= 4)
                    and _STAFF_VERB_AFTER.match(text, core[0].end)
                )
                or (
                    _alone_on_line(text, core[0].start, core[0].end)
                    and not (ks[0] == "FNc" and _heading_line(text, core[0].start, core[0].end))
                )
                or _signs_line(text, core[0].start, core[0].end)
            )
            and not lex.is_country(core[0].text)
        ):
            if not in_eponym_context(text, core[0].start):  # "(Giordano +)"
                spans.extend(to_spans(text, [(core[0], "PRENOM")], 0.6, "lexicon"))
        elif (
            len(core) == 1
            and ks[0] == "SN"
            and not _sentence_start(text, core[0].start)
            and not ctx.all_caps
            and not in_eponym_context(text, core[0].start)
        ):
            spans.extend(to_spans(text, [(core[0], "NOM")], 0.55, "lexicon"))
        elif (
            len(core) == 1
            and ks[0] == "U"
            and core[0].kind == "word"
            and not ctx.all_caps
            and not is_upper_word(core[0].text)
            and _ROLE_BRACKET_AFTER.match(text, core[0].end)
            and not _sentence_start(text, core[0].start)
            and not in_eponym_context(text, core[0].start)
        ):
            # "traduit par Anli, agent d'accueil": a name unknown to the lexicons before a role
            spans.extend(to_spans(text, [(core[0], "PRENOM")], 0.5, "lexicon"))
    return spans
