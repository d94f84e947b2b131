"""Person names: telling first names from surnames in a run read by ``name_scan``.

Shared by the context rules, the lexicon rule, spaCy NER and the patient matcher. The reading
half (``scan_run``, ``NameWord``, the word patterns and stop words) lives in ``name_scan.py``
and is re-exported here so ``from avec.privacy.detection.names import scan_run`` keeps working.
"""

from __future__ import annotations

import re

from avec.privacy.detection.lexicons import Lexicons
from avec.privacy.detection.name_scan import (
    INITIAL,
    LOW,
    LOWER_WORD,
    NAME_WORD,
    PARTICLES,
    STOP_WORDS,
    TITLE_TOKENS,
    UP,
    VIET_MARKS,
    NameWord,
    is_stop_word,
    scan_run,
)
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

__all__ = [
    "COMPOUND_HEADS",
    "COMPOUND_TAILS",
    "INITIAL",
    "LOW",
    "LOWER_WORD",
    "NAME_WORD",
    "PARTICLES",
    "STOP_WORDS",
    "TITLE_TOKENS",
    "UP",
    "VIET_MARKS",
    "NameWord",
    "is_stop_word",
    "label_run",
    "scan_run",
    "to_spans",
    "with_first_names_after_caps",
]


def label_run(
    words: list[NameWord], lex: Lexicons, hint: str = "auto", all_caps: bool = False
) -> list[tuple[NameWord, str]]:
    """Give each word PRENOM or NOM. ``hint``: "nom", "prenom", "title" or "auto".

    ``all_caps``: the whole document is upper case, so capitals say nothing about surnames.
    """
    core = [w for w in words if w.kind != "particle"]
    if not core:
        return []
    if hint in ("nom", "title") and _surnames_only(words, core, lex):
        return [(w, "NOM") for w in words]  # "M. Da Silva Pereira", "Mme Fernandes da Silva"
    if hint in ("nom", "prenom"):
        lab = "NOM" if hint == "nom" else "PRENOM"
        if hint == "nom" and len(core) > 1:
            return _split(words, lex, default_first="NOM", all_caps=all_caps)
        return [(w, lab if w.kind != "initial" or hint == "prenom" else "PRENOM") for w in words]
    if len(core) == 1:
        w = core[0]
        if w.kind == "initial":
            return [(x, "PRENOM") for x in words]
        if hint == "title":
            return [(x, "NOM") for x in words]
        first = lex.is_first_name(w.text) and (all_caps or not is_upper_word(w.text))
        return [(x, "PRENOM" if first else "NOM") for x in words]
    if (
        hint == "title"
        and len(core) == 2
        and core[0].kind == "word"
        and core[1].kind == "initial"
        and (lex.is_surname(core[0].text) or not lex.is_first_name(core[0].text))
    ):
        # "Dr Martin Ph.", "Dr Morel Th.": after a title, the surname then the shortened first name.
        return [(w, "PRENOM" if w is core[1] else "NOM") for w in words]
    if core[0].kind == "initial" and core[-1].kind == "word":
        # "C. DAVID", "J.-P. Martin": initials are the first name, the rest the surname.
        n_init = next(i for i, w in enumerate(core) if w.kind != "initial")
        if all(w.kind == "word" for w in core[n_init:]):
            first_words = {w.start for w in core[:n_init]}
            return [(w, "PRENOM" if w.start in first_words else "NOM") for w in words]
    east = _east_asian_order(words, core, lex, all_caps)
    if east is not None:
        return east
    # ALL-CAPS exports list the surname first ("TRAORE AWA").
    out = _split(words, lex, default_first="NOM" if all_caps else "PRENOM", all_caps=all_caps)
    return _marian_first_names(_join_compound_first_names(out, all_caps), lex)


# Compound first names often written without the hyphen ("Jean Pierre", "Marie Claire").
COMPOUND_HEADS = {"jean", "marie", "anne", "pierre", "paul", "louis"}
COMPOUND_TAILS = {
    "pierre",
    "paul",
    "marc",
    "luc",
    "claude",
    "louis",
    "francois",
    "michel",
    "jacques",
    "marie",
    "baptiste",
    "philippe",
    "yves",
    "noel",
    "christophe",
    "charles",
    "claire",
    "therese",
    "christine",
    "france",
    "helene",
    "laure",
    "anne",
    "sophie",
    "jose",
    "odile",
    "paule",
    "josephe",
    "madeleine",
    "agnes",
    "cecile",
    "dominique",
    "alexandre",
    "henri",
    "emmanuel",
    "antoine",
    "andre",
    "eric",
}


def _join_compound_first_names(labelled: list[tuple[NameWord, str]], all_caps: bool) -> list[tuple[NameWord, str]]:
    """ "Jean Pierre Martin": Pierre is the second part of the first name, not the surname."""
    core = [i for i, (w, _) in enumerate(labelled) if w.kind == "word"]
    out = list(labelled)
    for a, b in zip(core, core[1:], strict=False):
        w1, l1 = out[a]
        w2, l2 = out[b]
        if b != a + 1 or l1 != "PRENOM" or l2 != "NOM":
            continue
        if fold_key(w1.text) not in COMPOUND_HEADS or fold_key(w2.text) not in COMPOUND_TAILS:
            continue
        last = b == core[-1]
        if last and is_upper_word(w2.text) and not all_caps:
            continue  # "Jean PIERRE": the capitals say surname
        if last and all_caps:
            continue
        out[b] = (w2, "PRENOM")
    return out


_MARIAN_LINKS = {"da", "do", "de", "das", "dos"}


def _marian_first_names(labelled: list[tuple[NameWord, str]], lex: Lexicons) -> list[tuple[NameWord, str]]:
    """ "Maria da Conceição", "Maria do Céu", "Maria de Fátima": a Portuguese first name of three
    words (45 gold spans across the sets, all opened by Maria), the lower-case link included, when
    a surname stands beside it ("Maria do Céu Ferreira"); not "Maria da Silva" alone, nor before a
    known surname ("Maria da Costa")."""
    out = list(labelled)
    for i in range(len(out) - 2):
        (w, lab), (link, _), (tail, _) = out[i], out[i + 1], out[i + 2]
        if lab != "PRENOM" or w.kind != "word" or fold_key(w.text) != "maria":
            continue
        if link.kind != "particle" or link.text not in _MARIAN_LINKS or tail.kind != "word":
            continue
        if lex.is_surname(tail.text):
            continue
        others = [x for x, _ in out[:i] + out[i + 3 :] if x.kind == "word"]
        if not others:
            continue  # "Maria da Silva" alone: a first name and her surname
        # the first name is these three words; the words around them are the surname
        out = [(x, "NOM") if x.kind == "word" else (x, lab_x) for x, lab_x in out]
        for j in range(i, i + 3):
            out[j] = (out[j][0], "PRENOM")
        for k in range(i + 3, len(out)):  # a particle after them takes its surname's label
            if out[k][0].kind == "particle":
                out[k] = (out[k][0], next((lb for y, lb in out[k + 1 :] if y.kind != "particle"), "NOM"))
        return out
    return out


def _east_asian_order(
    words: list[NameWord], core: list[NameWord], lex: Lexicons, all_caps: bool
) -> list[tuple[NameWord, str]] | None:
    """Vietnamese and Chinese names: "Hoàng Văn Minh" (family name first) or "Thi Hoa Phạm"
    (family name last, the French order). None when the run is not such a name."""
    if len(core) < 2 or any(w.kind != "word" for w in words):
        return None
    if any(is_upper_word(w.text) for w in core) and not all_caps:
        return None  # "NGUYEN Thi Thu": the capitals say which word is the surname
    if not all(lex.is_east_asian(w.text) or VIET_MARKS.search(w.text) for w in core):
        return None
    first_sn = lex.is_east_asian_surname(core[0].text)
    last_sn = lex.is_east_asian_surname(core[-1].text)
    if first_sn and not (last_sn and fold_key(core[0].text) in lex.east_asian_given):
        return [(w, "NOM" if w is core[0] else "PRENOM") for w in words]
    if last_sn:
        return [(w, "NOM" if w is core[-1] else "PRENOM") for w in words]
    return None


def _split(
    words: list[NameWord], lex: Lexicons, default_first: str, all_caps: bool = False
) -> list[tuple[NameWord, str]]:
    core = [w for w in words if w.kind != "particle"]
    caps = [w.kind != "initial" and is_upper_word(w.text) and not all_caps for w in core]
    labels: dict[int, str] = {}
    mixed = [w for w, c in zip(core, caps, strict=True) if not c and w.kind != "initial"]
    if any(caps) and mixed:
        for w, c in zip(core, caps, strict=True):
            labels[w.start] = "NOM" if c else "PRENOM"
    else:
        fn = [w.kind == "initial" or (lex.is_first_name(w.text) and not _particle_led(words, w)) for w in core]
        # "Mme Da Silva Maria": a word after a particle is a surname, even if also a first name
        sn = [lex.is_surname(w.text) or not lex.is_first_name(w.text) or _particle_led(words, w) for w in core]
        first_is_nom = default_first == "NOM"
        pure_fn = [f and not lex.is_surname(w.text) for f, w in zip(fn, core, strict=True)]
        if words[0].kind == "particle" and words[0].text[:1].isupper() and core[0].kind == "word":
            first_is_nom = True  # "Mme Da Silva Maria de Fátima", "Le Goff Annie": a surname opens
        elif (fn[0] and not fn[-1]) or _usual_first_name_first(core, lex):
            first_is_nom = False
        elif _usual_first_name_last(core, lex) or (
            fn[-1]
            and not fn[0]
            and sn[0]
            or len(core) == 2
            and pure_fn[-1]
            and not pure_fn[0]
            and core[0].kind == "word"
            # "Merci, Mathieu F.": a first name (also a surname) then an initial stays first
            and not (core[-1].kind == "initial" and fn[0])
        ):
            first_is_nom = True
        if first_is_nom:
            # NOM first: leading words that are not first names are the surname.
            k = 0
            while k < len(core) - 1 and (not fn[k] or k == 0):
                labels[core[k].start] = "NOM"
                k += 1
            for w in core[k:]:
                labels[w.start] = "PRENOM"
        else:
            # PRENOM first: leading first names / initials, then the surname.
            k = 0
            while k < len(core) - 1 and (fn[k] or k == 0):
                labels[core[k].start] = "PRENOM"
                k += 1
            for w in core[k:]:
                labels[w.start] = "NOM"
    # "Nathalie G.": an initial after a first name is an initial, labelled PRENOM by convention.
    last = core[-1]
    if last.kind == "initial" and len(core) > 1 and core[-2].kind == "word" and labels.get(core[-2].start) == "PRENOM":
        labels[last.start] = "PRENOM"
    out: list[tuple[NameWord, str]] = []
    for idx, w in enumerate(words):
        if w.kind == "particle":
            nxt = next((x for x in words[idx + 1 :] if x.kind != "particle"), None)
            out.append((w, labels.get(nxt.start, "NOM") if nxt else "NOM"))
        else:
            out.append((w, labels[w.start]))
    return out


def _surnames_only(words: list[NameWord], core: list[NameWord], lex: Lexicons) -> bool:
    """A surname of several words after a title or a surname label: every word a known surname
    that is no first name, or led by a particle ("Da Silva Pereira", "Fernandes da Silva",
    "Marques Pereira"). Read first name first, the first word became a first name, or the last
    one after a particle-led surname."""
    if len(core) < 2 or any(w.kind != "word" or w.text.isupper() != core[0].text.isupper() for w in core):
        return False
    if any(w.kind == "particle" and fold_key(w.text) not in _SURNAME_LINKS for w in words):
        return False  # "Dr Le Gall de Collinée": the town; "Mme Nguyen Van Lucie": a middle name
    return all(
        _particle_led(words, w) or (lex.is_surname(w.text) and not lex.is_first_name(w.text)) for w in core
    )


# Particles inside a surname of several words: Iberian, Italian and Arabic links ("Da Silva",
# "Ould Ahmed"). Not the French "de"/"du" (a town often follows a surname: "Dr Lacombe de Tocane").
_SURNAME_LINKS = {"da", "das", "do", "dos", "di", "del", "della", "ben", "el", "al", "ait", "ould", "bou", "abd"}


def _usual_first_name_last(core: list[NameWord], lex: Lexicons) -> bool:
    """ "M. Loup Damien", "mr roy bernard": two words, the second a usual first name in France,
    the first one rare as a first name in France and in the communities the lexicons keep (not
    "Dr Saïd Mohamed"): the surname comes first."""
    if len(core) != 2 or any(w.kind == "initial" for w in core):
        return False
    return lex.french_first_name_frequency(core[1].text) >= 4 and lex.kept_first_name_frequency(core[0].text) <= 3


def _usual_first_name_first(core: list[NameWord], lex: Lexicons) -> bool:
    """ "Marie Merlin", "Paul Martin": two words, the first a very usual first name in France and
    the second hardly ever given in France (a surname the first-name lists also hold): the first
    name comes first, even when the first word is also a known surname."""
    if len(core) != 2 or any(w.kind == "initial" for w in core):
        return False
    return lex.french_first_name_frequency(core[0].text) >= 6 and lex.french_first_name_frequency(core[1].text) <= 1


def _particle_led(words: list[NameWord], w: NameWord) -> bool:
    idx = words.index(w)
    return idx > 0 and words[idx - 1].kind == "particle"


def to_spans(text: str, labelled: list[tuple[NameWord, str]], score: float, source: str) -> list[Span]:
    """Merge consecutive words of the same label into spans (``Jean Pierre`` -> one PRENOM)."""
    spans: list[Span] = []
    cur: list[int] | None = None
    cur_label = ""
    prev_initial = False
    for w, lab in labelled:
        if w.kind == "particle" and w.text.islower() and lab == "PRENOM" and (cur is None or cur_label != "PRENOM"):
            # "Appel de Karim Belkacem": "de" opening a first name is the preposition ("Van Minh" stays)
            if cur is not None:
                spans.append(Span(cur[0], cur[1], cur_label, score, source))
            cur, cur_label = None, ""
            continue
        initial = w.kind == "initial"
        same_kind = initial == prev_initial or w.kind == "particle"
        prev_initial = initial
        if cur is not None and lab == cur_label and same_kind and text[cur[1] : w.start].strip(" \t'’") == "":
            cur[1] = w.end
            continue
        if cur is not None:
            spans.append(Span(cur[0], cur[1], cur_label, score, source))
        cur = [w.start, w.end]
        cur_label = lab
    if cur is not None:
        spans.append(Span(cur[0], cur[1], cur_label, score, source))
    return [_cut_glued_unit(text, s) for s in spans]


# OCR drops the space around a dash: "Dr Perret-Service de cardiologie".
_GLUED_UNIT = re.compile(r"(?i)-(?:service|p[ôo]le|unit[ée]|h[ôo]pital|clinique|cedex|ehpad|ssiad|chu|ch)$")


def _cut_glued_unit(text: str, span: Span) -> Span:
    m = _GLUED_UNIT.search(text[span.start : span.end])
    if m and m.start() > 0:
        return Span(span.start, span.start + m.start(), span.label, span.score, span.source)
    return span


def with_first_names_after_caps(text: str, words: list[NameWord], lex: Lexicons) -> list[NameWord]:
    """ "épouse SANTONI Anghjula Maria": a married or birth name in capitals, then capitalised first
    names; a run read two words long would drop the second first name."""
    if len(words) != 2 or not is_upper_word(words[0].text) or is_upper_word(words[1].text):
        return words
    longer = scan_run(text, words[0].start, lex, max_words=3)
    if len(longer) == 3 and longer[2].kind == "word" and not is_upper_word(longer[2].text):
        return longer
    return words

