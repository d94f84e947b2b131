"""Names recognised by the layout they sit in rather than by a title:

- a signature block under a closing formula ("...salutations distinguées.\\n\\nFrank SCHWARTZ\\nDirecteur"),
  where eponyms that are also names (Frank, Schwartz) are still names;
- the partners of a practice ("Cabinet infirmier Meyer – Baumann – Keller", "cabinet Dewulf / Ben Ali");
- surnames in capitals paired in a log ("Intervention KELLER/FISCHER", "Relève : WEBER / MARCHAL") or
  followed by their first name's initial in a list ("KELLER S. (chef de poste), FISCHER T.");
- first names after a "prénom(s)" label without a colon ("prénoms FATIMA ZAHRA", "2e prénom « Inès »");
- two first names sharing one surname ("(Océane et Jessica Mazur)").

Hand-written: no library reads these layouts of French care and administrative writing.
"""

from __future__ import annotations

import re

from avec.privacy.detection.heading_acronyms import caps_pair_not_names
from avec.privacy.detection.medical_vocab import in_eponym_context, is_acronym, is_protected_word
from avec.privacy.detection.names import LOW, UP, NameWord, is_stop_word, label_run, scan_run, to_spans
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold_key, is_upper_word
from avec.privacy.spans import Span

_CLOSING = re.compile(
    r"(?i)(?:salutations(?:\s+distingu[ée]es)?|cordialement|confraternellement|respectueusement|"
    r"sentiments\s+(?:les\s+)?(?:meilleurs|distingu[ée]s|respectueux|d[ée]vou[ée]s)|consid[ée]ration(?:\s+distingu[ée]e)?|"
    r"bien\s+[àa]\s+vous|meilleures\s+salutations|bien\s+sinc[èe]rement)[ \t]*[.,!]?[ \t]*\n"
)
# One line holding only a name: "Frank SCHWARTZ", "Dr Anne-Claire MOREL", "M. Jean Roux".
_NAME_LINE = re.compile(
    rf"(?m)^[ \t]*(?:(?:Dr|Pr|M\.|Mme|Mlle)[ \t]+)?"
    rf"(?P<run>[{UP}][{LOW}{UP}'’-]+(?:[ \t]+[{UP}][{LOW}{UP}'’-]+){{1,3}})[ \t]*$"
)
_PRACTICE = re.compile(
    r"(?i)(?<![\w])cabinet(?:\s+(?:infirmier|m[ée]dical|param[ée]dical|lib[ée]ral|dentaire|de\s+kin[ée]\w*|"
    r"d['’]orthophonie|de\s+soins(?:\s+infirmiers)?|d['’]infirmi[eè]re?s|de\s+sages?-femmes?))?[ \t]+(?=[A-ZÀ-Ý])"
)
_PARTNER_SEP = re.compile(r"[ \t]*(?:[–/&,+]|-(?=[ \t])|\bet\b)[ \t]*")
_CAPS = rf"[{UP}]{{3,}}(?:-[{UP}]{{2,}})?"
_CAPS_PAIR = re.compile(rf"(?<![\w/.-])(?P<a>{_CAPS})[ \t]*/[ \t]*(?P<b>{_CAPS})(?![\w/-])")
_CAPS_INITIAL = re.compile(rf"(?<![\w.-])(?P<last>{_CAPS})[ \t]+(?P<first>[{UP}]\.)(?=[ \t]*(?:[,;(]|$))", re.MULTILINE)
_FIRST_NAME_LABEL = re.compile(
    r"(?i)(?<![\w])(?:\d(?:e|er|[èe]me)\s+)?pr[ée]noms?(?:\s+(?:d['’]usage|usuels?|de\s+naissance))?"
    r"[ \t]+(?:[«\"“][ \t\u00a0]*)?(?=[A-ZÀ-Ý])"
)
_SURNAME_LABEL = re.compile(
    r"(?i)(?<![\w])nom\s+(?:de\s+naissance|d['’]usage|usuel|marital|de\s+famille|de\s+jeune\s+fille|patronymique)"
    r"[ \t]+(?=[A-ZÀ-Ý])"
)
_SHARED_SURNAME = re.compile(
    rf"(?<![\w'’-])(?P<a>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]+et[ \t]+(?P<b>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)"
    rf"[ \t]+(?P<last>[{UP}][\w'’-]+)"
)
_WIDE_GAP = re.compile(r"[ \t]{3,}|\t")
_VOWEL = re.compile("[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]", re.IGNORECASE)


def _plain(ctx: DetectionContext, word: str) -> bool:
    """Not a drug, acronym, stop word, country or commune: may be a name."""
    lex = ctx.lexicons
    return not (
        is_protected_word(word, ctx.protected)
        or is_acronym(word)
        or is_stop_word(word)
        or lex.is_country(word)
        or fold_key(word) in lex.communes
        or not _VOWEL.search(word)
    )


def _signature_blocks(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_CLOSING, text, ctx.folded):
        tail_end = m.end()
        for _ in range(4):  # the signature sits within the next few lines
            nl = text.find("\n", tail_end)
            line_end = len(text) if nl < 0 else nl
            line = _NAME_LINE.match(text, tail_end, line_end)
            if line:
                words = [
                    NameWord(tail_end + k.start(), tail_end + k.end(), k.group(0), "word")
                    for k in re.finditer(r"\S+", text[tail_end:line_end])
                    if tail_end + k.start() >= line.start("run")
                ]
                names = [w for w in words if _plain(ctx, w.text)]
                known = any(lex.is_first_name(w.text) or lex.is_surname(w.text) for w in names)
                caps = any(is_upper_word(w.text) for w in names) and not ctx.all_caps
                if len(names) == len(words) and (known or caps):
                    spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.7, "name_layout"))
                break
            if nl < 0 or text[tail_end:line_end].strip():
                break
            tail_end = nl + 1
    return spans


def _practices(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_PRACTICE, text, ctx.folded):
        pos = m.end()
        for _ in range(4):
            words = scan_run(text, pos, lex, max_words=3, after_title=True)
            core = [w for w in words if w.kind == "word"]
            if not core or not all(_plain(ctx, w.text) for w in core):
                break
            if pos == m.end() and all(lex.is_common(w.text) and not lex.is_surname(w.text) for w in core):
                break  # "cabinet médical des Tilleuls": a place, not partners
            # "A. Bonnefoy - K. Da Silva": an initial is the partner's first name.
            labelled = [(w, "PRENOM" if w.kind == "initial" else "NOM") for w in words]
            spans.extend(to_spans(text, labelled, 0.75, "name_layout"))
            sep = _PARTNER_SEP.match(text, words[-1].end)
            if sep is None or sep.end() == words[-1].end:
                break
            pos = sep.end()
    return spans


def _caps_lists(ctx: DetectionContext) -> list[Span]:
    if ctx.all_caps:
        return []
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _CAPS_PAIR.finditer(text):
        a, b = m.group("a"), m.group("b")
        if not (_plain(ctx, a) and _plain(ctx, b)):
            continue
        if all(lex.is_common(x) and not lex.is_surname(x) for x in (a, b)) or caps_pair_not_names(ctx, m):
            continue  # "OUI/NON", "ENTOURAGE / AIDANTS", "au CLIN / EOH"
        spans.append(Span(m.start("a"), m.end("a"), "NOM", 0.65, "name_layout"))
        spans.append(Span(m.start("b"), m.end("b"), "NOM", 0.65, "name_layout"))
    for m in _CAPS_INITIAL.finditer(text):
        last = m.group("last")
        if not _plain(ctx, last) or in_eponym_context(text, m.start()):
            continue
        if lex.is_common(last) and not lex.is_surname(last):
            continue
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.65, "name_layout"))
        spans.append(Span(m.start("first"), m.end("first"), "PRENOM", 0.65, "name_layout"))
    return spans


def _labelled_first_names(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in prefixed_finditer(_FIRST_NAME_LABEL, text, ctx.folded):
        words = scan_run(text, m.end(), lex, max_words=3, after_title=True)
        core = [w for w in words if w.kind == "word"]
        if not core or len(core) != len(words) or not all(_plain(ctx, w.text) for w in core):
            continue
        if any(lex.is_common(w.text) and not lex.is_first_name(w.text) for w in core):
            continue
        # "Nom Prénom        Lien      Commune": after a column gap, an ordinary word is the next
        # column's header, not a first name.
        if _WIDE_GAP.search(m.group(0)) and any(lex.is_common(w.text) for w in core):
            continue
        spans.extend(to_spans(text, [(w, "PRENOM") for w in core], 0.8, "name_layout"))
    for m in prefixed_finditer(_SURNAME_LABEL, text, ctx.folded):
        # "nom de naissance SAID MCHANGAMA - prénoms ...": surnames in capitals, no colon
        words = scan_run(text, m.end(), lex, max_words=3, after_title=True)
        caps = all(w.kind != "initial" and (w.kind == "particle" or is_upper_word(w.text)) for w in words)
        if words and caps and all(_plain(ctx, w.text) for w in words if w.kind == "word"):
            spans.extend(to_spans(text, [(w, "NOM") for w in words], 0.8, "name_layout"))
    return spans


def _shared_surnames(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for m in _SHARED_SURNAME.finditer(text):
        a, b, last = m.group("a"), m.group("b"), m.group("last")
        if not (lex.is_first_name(a) and lex.is_first_name(b) and _plain(ctx, a) and _plain(ctx, last)):
            continue
        if lex.is_common(last) and not lex.is_surname(last) and not is_upper_word(last):
            continue
        if in_eponym_context(text, m.start()):
            continue
        spans.append(Span(m.start("a"), m.end("a"), "PRENOM", 0.6, "name_layout"))
        spans.append(Span(m.start("b"), m.end("b"), "PRENOM", 0.6, "name_layout"))
        spans.append(Span(m.start("last"), m.end("last"), "NOM", 0.6, "name_layout"))
    return spans


# A liaison notebook's writer in brackets after the time: "Mar 19h (Kévin) :", "7h10 (M-Claude) :".
_LOG_WRITER = re.compile(
    rf"(?<![\w])\d{{1,2}}[hH:](?:\d{{2}})?[ \t]*\([ \t]*"
    rf"(?P<name>(?:[{UP}]\.?-)?[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)[ \t]*\)[ \t]*:"
)
# Signatures side by side in columns: "N. Bellance          A.-S. Rosier" (one cell per person).
_SIGN_CELL = (
    rf"(?:(?:Dr|Pr|M\.|Mme)[ \t]+)?(?:[{UP}]\.(?:-?[{UP}]\.)?[ \t]*)?"
    rf"[{UP}][{LOW}{UP}'’-]+(?:[ \t][{UP}][{LOW}{UP}'’-]+)?"
)
_SIGN_COLUMNS = re.compile(rf"(?m)^[ \t]*{_SIGN_CELL}(?:[ \t]{{3,}}{_SIGN_CELL})+[ \t]*$")
_CELL_GAP = re.compile(r"[ \t]{3,}")


def _log_writers(ctx: DetectionContext) -> list[Span]:
    lex = ctx.lexicons
    spans = []
    for m in _LOG_WRITER.finditer(ctx.text):
        name = m.group("name")
        initial = name[1:2] in ".-"
        known = lex.is_first_name(name) or lex.is_surname(name)
        if not initial and (not _plain(ctx, name) or (lex.is_common(name) and not known)):
            continue  # "12h (Repas) :", "8h (Lovenox) :"
        surname = not initial and lex.is_surname(name) and not lex.is_first_name(name)
        spans.append(Span(m.start("name"), m.end("name"), "NOM" if surname else "PRENOM", 0.8, "name_layout"))
    return spans


def _signature_columns(ctx: DetectionContext) -> list[Span]:
    text, lex = ctx.text, ctx.lexicons
    spans: list[Span] = []
    for line in _SIGN_COLUMNS.finditer(text):
        cells: list[list[NameWord]] = []
        pos = line.start()
        for part in _CELL_GAP.split(line.group(0)):
            offset = text.index(part, pos) if part.strip() else pos
            pos = offset + len(part)
            if not part.strip():
                continue
            words = scan_run(text, offset + len(part) - len(part.lstrip()), lex, after_title=True)
            core = [w for w in words if w.kind != "particle"]
            if len(core) < 2 or words[-1].end != offset + len(part.rstrip()):
                break
            named = [w for w in core if w.kind == "word"]
            # After an initial or a first name an ordinary word is a surname ("A.-S. Rosier").
            led = core[0].kind == "initial" or lex.is_first_name(core[0].text)
            # ... and a commune's name too ("P. Ravenel"): the initial says it is a person.
            bad = [w for w in named if not _plain(ctx, w.text)]
            if led:
                bad = [w for w in bad if fold_key(w.text) not in lex.communes or lex.is_country(w.text)]
            if bad or (not led and any(lex.is_common(w.text) and not lex.is_surname(w.text) for w in named)):
                break  # "Tension artérielle      Fréquence cardiaque": words, not signatures
            cells.append(words)
        else:
            hinted = any(w.kind == "initial" or lex.is_first_name(w.text) for c in cells for w in c)
            if len(cells) >= 2 and hinted:
                for words in cells:
                    spans.extend(to_spans(text, label_run(words, lex, "auto", ctx.all_caps), 0.75, "name_layout"))
    return spans


@recognizer("name_layout", 58)
def find_names_by_layout(ctx: DetectionContext) -> list[Span]:
    """Signature blocks, practice partners, capitals in logs, unlabelled first-name fields."""
    text = ctx.text
    spans: list[Span] = []
    if "\n" in text:
        spans.extend(_signature_blocks(ctx))
    if "abinet" in text or "ABINET" in text:
        spans.extend(_practices(ctx))
    spans.extend(_caps_lists(ctx))
    if "om" in text or "OM" in text:
        spans.extend(_labelled_first_names(ctx))
    if " et " in text:
        spans.extend(_shared_surnames(ctx))
    if ")" in text:
        spans.extend(_log_writers(ctx))
    if "   " in text:
        spans.extend(_signature_columns(ctx))
    return spans
