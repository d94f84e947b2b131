"""Validated patterns: NIR (with key), phones, e-mails, IPP/NDA with context words.

Hand-written regular expressions: Presidio's French recognizers cover none of NIR keys,
French phone layouts or IPP/NDA context, and the rules are short.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The structured-format recognizers register on import (detector.py imports this module).
from avec.privacy.detection import (  # noqa: F401
    birth_name_keys,
    caps_line_logins,  # round 16: lower-case logins in capitals printout lines
    case_numbers,
    date_ranges,
    date_variants,
    dates_layouts,
    day_month_forms,
    delimited_addresses,  # round 16: hamlets in the address column of a delimited export
    document_numbers,
    export_cells,
    export_role_fields,
    file_paths,
    fixed_width,
    hl7,
    hprim,  # round 16: HPRIM Santé lab messages
    identity_line_towns,  # round 16: birthplace closing an identity line
    keyed_record_values,  # round 19: names beside a keyed patient number in capitals records
    line_breaks,
    ocr_month_dates,  # round 18: "24 juiIIet 2O24", "lO aoüt"
    postcode_layouts,
    record_numbers,
    reference_numbers,
    register_columns,  # round 16: registers with abbreviated headers or shifted rows
    rota_dates,
    spoken_numbers,
    structured,
    table_codes,
    trial_codes,
)
from avec.privacy.detection.number_repeats import repeated_numbers
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.spaced_numbers import OCR_LETTER, OCR_VALUE, ocr_number, spaced_value_end
from avec.privacy.detection.text import fold_key
from avec.privacy.detection.word_trie import trie_regex
from avec.privacy.spans import Span

# --- NIR (numéro de sécurité sociale) -------------------------------------------------------
_SEP = r"[ .\-]?"
_NIR = re.compile(
    r"(?<![\dA-Za-z])([1-478])"
    + _SEP
    + r"(\d{2})"
    + _SEP
    + r"(0[1-9]|1[0-2]|[2-9]\d)"
    + _SEP
    + r"(\d{2}|2[AaBb])"
    + _SEP
    + r"(\d{3})"
    + _SEP
    + r"(\d{3})(?:"
    + _SEP
    + r"(\d{2}))?(?![\dA-Za-z])"
)
# Overseas départements have three digits and their communes two: "2 99 04 971 20 045 04".
_NIR_OVERSEAS = re.compile(
    r"(?<![\dA-Za-z])[1-478] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?9[78]\d ?\d{2} ?\d{3}(?: ?\d{2})?(?![\dA-Za-z])"
)
# "1750 42B0 3307 130": fifteen characters grouped freely (fours, threes) by the writer; kept
# only with a matching key, the groups saying nothing of the fields.
_NIR_GROUPED = re.compile(r"(?<![\w+])[1-478][\dABab]{1,3}(?: [\dABab]{2,4}){3,6}(?![\w])")
_NIR_CONTEXT = re.compile(
    r"(?i)(?:s[ée]curit[ée] sociale|\bs[ée]cu\b|\bNIR\b|\bNSS\b|n°\s*SS|\bSS\s*:|\bINSEE\b|\bINS\b|immatriculation|"
    r"assur[ée]|\bsecu\b|carte vitale|matricule)"
)


# Another record's label and its value between the NIR word and the number: "NIR : 2 41 ...\nIPP :
# 0012874390    NDA : 2023112201447" -- the thirteen digits are the stay's number, not a NIR
# without its key ("NIR retrouvé dans le dossier : 2 90 ..." keeps its NIR word).
_ANY_DIGIT = re.compile(r"\d")
_RECORD_LABEL = re.compile(r"(?i)\b(?:IPP|NIP|NDA|dossier|s[ée]jour|venue|passage|FINESS|RPPS)\b")


def _nir_context_before(text: str, start: int) -> bool:
    """True when a NIR word stands within 60 characters before ``start`` and no other record's label
    comes between it and the number."""
    words = list(_NIR_CONTEXT.finditer(text, max(0, start - 60), start))
    if not words:
        return False
    between = text[words[-1].end() : start]
    return not (_RECORD_LABEL.search(between) and _ANY_DIGIT.search(between))


def nir_key(body13: str) -> int:
    """The two-digit key of a 13-character NIR (Corsica: 2A counts as 19, 2B as 18)."""
    digits = body13.upper().replace("2A", "19").replace("2B", "18")
    return 97 - int(digits) % 97


def nir_is_valid(value: str) -> bool:
    """True when a 15-character NIR (spaces allowed) has a matching key."""
    compact = re.sub(r"[ .\-]", "", value).upper()
    if len(compact) != 15 or not compact[13:].isdigit():
        return False
    body = compact[:13]
    if not re.fullmatch(r"\d{5}(\d{2}|2A|2B)\d{6}", body):
        return False
    return nir_key(body) == int(compact[13:])


# One character per box of a form: "2 6 7 1 0 5 9 3 5 0 1 2 4 8 0" (also "2 A" for Corsica).
_NIR_BOXES = re.compile(r"(?<![\dA-Za-z])(?<!\d )[1-478](?: [\dABab]){12}(?: \d){0,2}(?! ?\d)")
# The key printed in its own field after the 13 characters: "... 209 031 Clé : 96".
_NIR_KEY_FIELD = re.compile(r"[ \t]*[,;–-]?[ \t]*(?i:cl[ée])[ \t]*(?:NIR[ \t]*)?[:=]?[ \t]*(\d{2})(?!\d)")
# ... or after a dash or slash: "1 85 05 78 006 084 - 36" (kept only when the key checks).
_NIR_KEY_DASH = re.compile(r"[ \t]*[-–/][ \t]*(\d{2})(?![\d/])")


@recognizer("nir", 90)
def find_nir(ctx: DetectionContext) -> list[Span]:
    """NIR with a valid key anywhere; without key or with a bad key only after a context word."""
    spans = []
    for rx in (_NIR, _NIR_OVERSEAS, _NIR_BOXES):
        for m in prefixed_finditer(rx, ctx.text, ctx.folded):
            value = m.group(0)
            compact = re.sub(r"[ .\-]", "", value)
            if rx is _NIR_BOXES and len(compact) not in (13, 15):
                continue
            has_context = _nir_context_before(ctx.text, m.start())
            if len(compact) == 15 and nir_is_valid(value):
                spans.append(Span(m.start(), m.end(), "SECU", 0.99, "nir"))
            elif has_context:
                # Right after its own NIR word ("NIR 2 00 12 97416 052 37", a wrong key), a NIR beats
                # the phone an "00" group can be read as.
                score = 0.97 if _own_nir_word(ctx.text, m.start()) else 0.8
                spans.append(Span(m.start(), m.end(), "SECU", score, "nir"))
            else:
                continue
            if len(compact) == 13:
                key = _NIR_KEY_FIELD.match(ctx.text, m.end())
                dash = _NIR_KEY_DASH.match(ctx.text, m.end())
                if key:
                    spans.append(Span(key.start(1), key.end(1), "SECU", 0.9, "nir"))
                elif (
                    dash
                    and re.fullmatch(r"\d{5}(?:\d{2}|2[AB])\d{6}", compact.upper())
                    and nir_key(compact) == int(dash.group(1))
                ):
                    spans.append(Span(dash.start(1), dash.end(1), "SECU", 0.9, "nir"))
    for m in _NIR_GROUPED.finditer(ctx.text):
        compact = m.group(0).replace(" ", "").upper()
        if re.fullmatch(r"\d{5}(?:\d{2}|2[AB])\d{8}", compact) and nir_is_valid(compact):
            spans.append(Span(m.start(), m.end(), "SECU", 0.99, "nir"))
    spans.extend(_partial_nirs(ctx.text))
    if "  " in ctx.text and _WIDE_GAP.search(ctx.text):
        spans.extend(_wide_spaced_nirs(ctx.text))
    return spans


# OCR and scanned forms space a NIR widely: "1  62  05  57  463  084  06", boxes with a gap before
# the key ("1 4 9 0 5 3 5 2 3 8 1 1 2  0 5"). Groups of 1-3 characters, gaps of 1-3 spaces (at
# least one double): kept when 15 characters have a matching key, or 13 follow a NIR word.
_NIR_WIDE = re.compile(r"(?<![\w+])[1-478](?:[ \t]{1,3}[\dABab]{1,3}){3,14}(?![\w])")
_GROUP = re.compile(r"[\dABab]+")
_WIDE_GAP = re.compile(r"\d  {1,2}\d")


def _wide_spaced_nirs(text: str) -> list[Span]:
    spans = []
    for m in _NIR_WIDE.finditer(text):
        if "  " not in m.group(0):
            continue
        compact = ""
        cut13 = cut15 = -1
        for g in _GROUP.finditer(text, m.start(), m.end()):
            compact += g.group(0)
            if len(compact) == 13:
                cut13 = g.end()
            elif len(compact) == 15:
                cut15 = g.end()
        if cut15 > 0 and nir_is_valid(compact[:15]):
            spans.append(Span(m.start(), cut15, "SECU", 0.99, "nir"))
        elif cut13 > 0 and _NIR_CONTEXT.search(text, max(0, m.start() - 60), m.start()):
            spans.append(Span(m.start(), cut15 if cut15 > 0 else cut13, "SECU", 0.8, "nir"))
    return spans


# "Matricule saisi : 295099741108 (incomplet ?)": a NIR with a digit missing or one too many,
# right after a NIR word; 11 to 14 digits, first digit a sex code.
_NIR_PARTIAL = re.compile(r"(?<![\w+])[1-478](?:[ .]?\d){10,13}(?![\w])")


_OTHER_LABEL_BETWEEN = re.compile(r"(?i)\d|\n|\b(?:IPP|NIP|NDA|dossier|s[ée]jour|venue|passage|t[ée]l)\b")


def _own_nir_word(text: str, start: int) -> bool:
    """True when a NIR word within 40 characters before ``start`` is the number's own label."""
    words = list(_NIR_CONTEXT.finditer(text, max(0, start - 40), start))
    return bool(words) and not _OTHER_LABEL_BETWEEN.search(text, words[-1].end(), start)


def _partial_nirs(text: str) -> list[Span]:
    spans = []
    for m in _NIR_PARTIAL.finditer(text):  # numbers first: they are rarer than NIR words (speed)
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) in (13, 15) and nir_is_valid(m.group(0)):
            continue  # whole and valid: found above
        # The NIR word must be the number's own label: "NIR : 1 47 ...\nIPP : 29001884563" is an IPP.
        if _own_nir_word(text, m.start()):
            spans.append(Span(m.start(), m.end(), "SECU", 0.75, "nir"))
    return spans


# --- Phones ----------------------------------------------------------------------------------
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|0\s?[1-9])(?:[ .\-]{0,2}\d{2}){4}(?![\d/]|:\d)")
# One more pair of digits right after a phone, with a space or a dot ("0696 45 12 78 63").
_PAIR_TAIL = re.compile(r"[ .]\d{2}(?![\w/]|[.,:]\d)")
# Six digits or more before the first separator: a phone is written in pairs or whole, never 8 + 2.
_LONG_FIRST_GROUP = re.compile(r"\d{6,}[ .\-]")
# Free and special-rate numbers in their usual 4-3-3 grouping: "0800 123 456", "0 825 12 34 56" is _PHONE.
_PHONE_SPECIAL_RATE = re.compile(r"(?<![\w+.])0[ .]?8\d{2}[ .]\d{3}[ .]\d{3}(?![\d/]|[., ]\d)")
# (and without "+" in SMS exports: "33612480375", round 19; not after a record label, see below)
_PHONE_COMPACT_INTL = re.compile(r"(?<![\w+])(?:\+|00)?33[1-9]\d{8}(?!\d)")
# Other French layouts: slashes between the pairs ("06/12/34/56/78": five pairs are no date), the
# country code in brackets ("(+33) 6 12 34 56 78", "(33) 6 ...").
_PHONE_SLASHES = re.compile(r"(?<![\w/])0[1-9](?:/\d{2}){4}(?![\w/])")
_PHONE_BRACKETED_CC = re.compile(r"\((?:\+|00)?33\)[ .]?(?:\(0\)[ ]?)?[1-9](?:[ .\-]?\d{2}){4}(?!\d)")
# OCR output with a space between every digit: "0 6 1 2 3 4 5 6 7 8".
_PHONE_SPACED = re.compile(r"(?<![\w+])(?<!\d )0 [1-9](?: \d){8}(?! ?\d)")


# Any other international number, E.164 style: "+" or "00", a country code, then groups of digits
# ("+590 690 35 62 48" in Guadeloupe, "+32 2 555 12 34", "+44 20 7946 0958", "00 212 6 12 34 56 78").
# Kept only with 9 to 15 digits in all (E.164), so that "+3 mg" or "+12 000" never match.
# A comma after the number ends it ("+594 694 20 81 35, oncle ..."); "+12,5" stays a decimal.
# Not the middle group of a dashed code ("56-0077-4512398": a public treasury reference).
_PHONE_INTL = re.compile(
    r"(?<![\w+])(?<!\d-)(?:\+|00)\s?[1-9]\d{0,2}(?:[ .\-]?(?:\(0\)\s?)?\d{1,4}){2,6}(?![\d/]|[,:]\d)"
)


def _e164_length(value: str) -> bool:
    if value.startswith("00") and not any(ch in value for ch in " .-"):
        return False  # "00123456789" is more likely a record number than a phone
    digits = sum(ch.isdigit() for ch in value) - (2 if value.startswith("00") else 0) - value.count("(0)")
    return 9 <= digits <= 15


# A UK mobile as the British write it: 07 then nine digits, grouped five and six ("07700 900913").
_UK_MOBILE = re.compile(r"(?<![\d+])07\d{3}[ \t]\d{6}(?!\d)")

# Damaged layouts, accepted only after a phone word: OCR letters for digits ("06 8l 22 49 10"),
# irregular spacing ("0479 33 1 8 62"), a line break inside ("03 20 70 41\n88").
_PHONE_LOOSE = re.compile(r"(?<![\w+])0[ .]?[1-9Il](?:(?:[ \t.\-]{0,2}|[ \t]*\n[ \t]*)[\dOlI]){8}(?![\d])")
# "tel: 6 12 34 56 78": the leading zero dropped (as after "+33"), accepted only after a phone word.
_PHONE_NO_ZERO = re.compile(r"(?<![\w+])[1-9](?:[ .]\d{2}){4}(?![\w/]|[.,:]\d|[ \t]?(?:mg|ml|g|kg|%|€|UI)\b)")
_PHONE_WORD_STRICT = re.compile(r"(?i)(?:t[ée]l[ée]?(?:phone)?|\bt [ée] l|fax|portable|mobile|joignable)\W{0,12}$")
# "02 98 48 1O 66": the five pairs of a French phone, one or two digits read as O, I or l by OCR
# (or S for 5: "02 96 01 70 9S", round 18).
_PHONE_OCR_PAIRS = re.compile(r"(?<![\w+])0[1-9](?:[ .][\dOIlS]{2}){4}(?![\w])")
_PHONE_WORD = re.compile(
    r"(?i)(?:t[ée]l[ée]?(?:phone)?|\bt [ée] l|fax|portable|mobile|joignable|num[ée]ro|appeler|rappeler|contact|"
    r"t[ée]l[ée]copie|\bau)\W{0,12}$"
)


# A record label right before a phone-shaped number: the number is that record's identifier.
_ID_LABEL_BEFORE = re.compile(
    r"(?i)(?:\b(?:IPP|NIP|NDA)|n°[ \t]*(?:de[ \t]+)?(?:dossier|s[ée]jour|venue|passage|patient)|\bs[ée]jour)"
    r"[ \t]*(?:n°)?[ \t]*[:=#]?[ \t]*$"
)


@recognizer("phone", 90)
def find_phones(ctx: DetectionContext) -> list[Span]:
    """Phone numbers: French 0X XX XX XX XX (dots, dashes, +33 / 0033) and any +CC international form."""
    spans = []
    for rx in (_PHONE, _PHONE_COMPACT_INTL, _PHONE_SPACED, _PHONE_SLASHES, _PHONE_BRACKETED_CC):
        for m in prefixed_finditer(rx, ctx.text, ctx.folded):
            at = m.start()
            if rx in (_PHONE, _PHONE_COMPACT_INTL) and _ID_LABEL_BEFORE.search(ctx.text, max(0, at - 30), at):
                continue  # "IPP : 0974012563": a record number shaped like a phone
            if rx is _PHONE and _LONG_FIRST_GROUP.match(m.group(0)):
                continue  # "07022025 06": a compact date and the next column, no phone grouping
            end = m.end()
            if rx is _PHONE and (tail := _PAIR_TAIL.match(ctx.text, end)):
                end = tail.end()  # "0696 45 12 78 63": one more pair, the writer's grouping
            spans.append(Span(m.start(), end, "TEL", 0.98, "phone"))
    if "+" in ctx.text or "00" in ctx.text:
        for m in prefixed_finditer(_PHONE_INTL, ctx.text, ctx.folded):
            if _e164_length(m.group(0).rstrip(" .-")):
                end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(" .-")))
                # "00 225 07 48 21 36 55" (Côte d'Ivoire): a foreign number whose national part looks
                # French is one phone with its country code, not the French number alone (round 18)
                inner = any(m.start() < s.start and s.end <= end for s in spans)
                spans.append(Span(m.start(), end, "TEL", 0.99 if inner else 0.95, "phone"))
    if "08" in ctx.text or "0 8" in ctx.text or "0.8" in ctx.text:
        for m in prefixed_finditer(_PHONE_SPECIAL_RATE, ctx.text, ctx.folded):
            spans.append(Span(m.start(), m.end(), "TEL", 0.95, "phone"))
    if "07" in ctx.text:
        for m in prefixed_finditer(_UK_MOBILE, ctx.text, ctx.folded):
            spans.append(Span(m.start(), m.end(), "TEL", 0.95, "phone"))
    for m in prefixed_finditer(_PHONE_OCR_PAIRS, ctx.text, ctx.folded):
        letters = sum(ch in "OIlS" for ch in m.group(0))
        if 1 <= letters <= 2:  # OCR read one or two digits as letters; the pairs say "phone"
            spans.append(Span(m.start(), m.end(), "TEL", 0.9, "phone"))
    for m in prefixed_finditer(_PHONE_NO_ZERO, ctx.text, ctx.folded):
        if _PHONE_WORD_STRICT.search(ctx.text[max(0, m.start() - 30) : m.start()]):
            spans.append(Span(m.start(), m.end(), "TEL", 0.85, "phone"))
    for m in prefixed_finditer(_PHONE_LOOSE, ctx.text, ctx.folded):
        value = m.group(0)
        if "\n" in value.rstrip() and value.index("\n") < 4:
            continue
        if _PHONE_WORD.search(ctx.text[max(0, m.start() - 30) : m.start()]):
            spans.append(Span(m.start(), m.end(), "TEL", 0.9, "phone"))
    return spans


# --- E-mail ----------------------------------------------------------------------------------
_MAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@|[ ]?\[at\][ ]?|[ ]?\(at\)[ ]?)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,10}(?![\w-])"
)


@recognizer("mail", 90)
def find_mails(ctx: DetectionContext) -> list[Span]:
    """E-mail addresses (also "[at]" obfuscation, and a line break after the "@")."""
    text = ctx.text
    # every match holds "@", "[at]" or "(at)": without one the pattern, tried at every position, is skipped
    has_at = "@" in text or "[at]" in text or "(at)" in text
    spans = [Span(m.start(), m.end(), "MAIL", 0.99, "mail") for m in _MAIL.finditer(text)] if has_at else []
    if " @" in ctx.text or "@ " in ctx.text:
        spans += [Span(m.start(), m.end(), "MAIL", 0.95, "mail") for m in _MAIL_SPACED.finditer(ctx.text)]
    if _AT_WORD.search(ctx.text):  # a bracketed "at" first: the full pattern is costly (speed)
        spans += [Span(m.start(), m.end(), "MAIL", 0.95, "mail") for m in _MAIL_WORDS.finditer(ctx.text)]
    if "@\n" in ctx.text or "@ \n" in ctx.text:
        spans += [Span(m.start(), m.end(), "MAIL", 0.95, "mail") for m in _MAIL_BROKEN.finditer(ctx.text)]
    return spans


# "j.dupont @ wanadoo.fr": spaces around the "@" (typed by hand or split by OCR); the domain must
# end with a dot and letters, so "10 @ 12 mg" never matches.
_MAIL_SPACED = re.compile(
    r"(?<![\w.+-])[\w.+-]*[A-Za-z][\w.+-]*[ \t]?@[ \t]?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,10}(?![\w-])"
)
# "j.dupont [at] orange [dot] fr", "m.roux (arobase) free (point) fr": the "@" and the dots written as
# words in brackets, so that robots do not read the address.
_AT_WORD = re.compile(r"[\[(][ \t]?(?i:at|arobase|@)[ \t]?[\])]")
_WORD_DOT = r"[ \t]?[\[(][ \t]?(?i:dot|point)[ \t]?[\])][ \t]?"
_MAIL_WORDS = re.compile(
    r"(?<![\w.+-])[\w.+-]+[ \t]?[\[(][ \t]?(?i:at|arobase|@)[ \t]?[\])][ \t]?[\w-]+"
    r"(?:(?:" + _WORD_DOT + r"|\.)[\w-]+)*" + _WORD_DOT + r"[A-Za-z]{2,10}(?![\w-])"
)
# "sandrine.morel59@\nlaposte.net": a PDF line break after the "@".
_MAIL_BROKEN = re.compile(r"(?<![\w.+-])[\w.+-]+@[ \t]*\n[ \t]*[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,10}(?![\w-])")


# --- IPP / NDA -------------------------------------------------------------------------------
@lru_cache(maxsize=32)
def _context_regex(words: tuple[str, ...], value: str) -> re.Pattern[str]:
    alternatives = trie_regex(words)
    return re.compile(
        r"(?i)(?<![\w])(?:" + alternatives + r")(?![\w])\s*"
        r"(?:\(?(?!patient|r[ée]sident|usager)[^\W\d_]{1,8}\)?(?=[\s:]))?\s*"
        r"(?:n°|no|num(?:éro)?\.?)?\s*(?:\.{2,}|…+)?\s*[:=#°.|]?\s*(?-i:(" + value + r"))(?![\w])"
    )


_LETTERED_SHORT = re.compile(r"[A-Z]{2,5}-(?!(?:19|20)\d\d$)\d{4}")


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _identifier_spans(ctx: DetectionContext, label: str, words: list[str], value: str, extra: list[str]) -> list[Span]:
    rx = _context_regex(tuple(words), value)
    specific = [_compiled(p) for p in extra]
    spans = []
    matches = list(rx.finditer(ctx.text))
    if OCR_LETTER.search(ctx.text):  # "IPP O0l2874S6", "N° de séjour : 23A0l5562": OCR letters for digits
        ocr_rx = _context_regex(tuple(words), OCR_VALUE)
        matches += [m for m in ocr_rx.finditer(ctx.text) if ocr_number(m.group(1))]
    for m in matches:
        start, end = m.span(1)
        end = max(end, spaced_value_end(ctx.text, start))  # "N° IPP : 14 0 0 2 9 3 8 1" (OCR)
        if sum(c.isdigit() for c in ctx.text[start:end]) < 5 and not _LETTERED_SHORT.fullmatch(m.group(1)):
            continue  # "IPP EHPAD : DOU-0312": a home's lettered code may hold four digits
        spans.append(Span(start, end, label, 0.95, label.lower()))
    for pattern in specific:
        for m in pattern.finditer(ctx.text):
            if m.end() > m.start():
                spans.append(Span(m.start(), m.end(), label, 0.9, label.lower()))
    return spans + repeated_numbers(ctx.text, spans, label.lower())


@recognizer("ipp", 85)
def find_ipp(ctx: DetectionContext) -> list[Span]:
    """IPP after a context word ("IPP :", "N° patient"), or in the organisation's own format."""
    c = ctx.config
    return _identifier_spans(ctx, "IPP", c.ipp_context_words, c.ipp_value_pattern, c.ipp_patterns)


@recognizer("nda", 86)
def find_nda(ctx: DetectionContext) -> list[Span]:
    """NDA (stay number) after a context word, or in the organisation's own format."""
    c = ctx.config
    return _identifier_spans(ctx, "NDA", c.nda_context_words, c.nda_value_pattern, c.nda_patterns)


# Labels the configured context words miss, by family: a numbered record ("N° examen",
# "N° prélèvement", "N° dossier régulation"), a bare "Séjour :" field, a registry
# ("Cristal n°"), "dossier" then a code in speech ("dossier T 2019 0457", "mon dossier c'est le
# ..."), and an IPP label with a qualifier of its own ("IPP nouveau-né :", "IPP mère (ancien) :").
# The value may be split by OCR around a slash ("C-26 / 0 7 714").
_ID_LABEL = re.compile(
    r"(?i)(?<![\w])(?:"
    r"(?P<ipp>IPP|NIP)(?:[ \t]+(?!n°)[^\W\d_][\w'’-]{1,14}){1,2}(?:[ \t]*\([^()\n]{1,15}\))?[ \t]*[:=]"
    r"|(?:n°|num[ée]ro|no\.?)[ \t]*(?:d['’][ \t]*|de[ \t]+)?(?:examen|pr[ée]l[èe]vement|inscription|registre|"
    r"dossier|s[ée]jour)(?:[ \t]+(?!n°)[^\W\d_][\w'’/-]{1,14}){0,2}[ \t]*[:=#|]?"
    r"|s[ée]jour[ \t]*:|cristal[ \t]*(?:n°|num[ée]ro)[ \t]*:?"
    r"|dossier(?:[ \t]*:|[ \t]+(?:c['’ ]?[ \t]?est|est)(?:[ \t]+le)?|(?=[ \t]+[A-Z][ \t]?\d))"
    r")[ \t]*(?-i:(?P<value>[A-Z]{0,5}[-\s]?\d[\dA-Z]*(?:(?:[.-]|[ \t](?=\d{2,4}(?![\w/.:-]))|[ \t]?/[ \t]?(?=\d)"
    r"|(?:(?<=/[ \t]\d)|(?<=/\d))[ \t](?=\d{1,4}(?![\w/.:-])))[\dA-Z]+)*))(?![\w])"
)


@recognizer("id_label", 85)
def find_labelled_identifiers(ctx: DetectionContext) -> list[Span]:
    """Record numbers after a label the configured context words miss (see ``_ID_LABEL``)."""
    spans = []
    for m in prefixed_finditer(_ID_LABEL, ctx.text, ctx.folded):
        value = m.group("value")
        if sum(c.isdigit() for c in value) < 5 or re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", value):
            continue
        if record_numbers.quantity_follows(ctx.text, m.end("value")):
            continue  # "Séjour : 12 500,00 €" is an amount
        start, end = m.span("value")
        if value[0] in " \t-":
            start += 1
        elif register := re.match(r"(?:RG|PV)[ \t]+(?=\d)", value):
            start += register.end()  # "Réf. dossier : RG 19/00874": the court register's name is a label
        spans.append(Span(start, end, "IPP" if m.group("ipp") else "NDA", 0.93, "id_label"))
    return spans + repeated_numbers(ctx.text, spans, "id_label")


# A chat where one asks "NDA ?" / "son IPP ?" and the answer comes alone on a later line
# (after the speaker's header line): "NDA ?\nNguyen   09:31\n26-0451877".
_ID_QUESTION = re.compile(
    r"(?i)(?<![\w])(?P<label>IPP|NIP|NDA|n°[ \t]*(?:de[ \t]+)?(?:dossier|s[ée]jour|venue|patient))[ \t]*\?"
)
_LONE_ID_LINE = re.compile(r"(?m)^[ \t]*(?P<value>[A-Z]{0,3}-?\d[\d-]{5,}\d)[ \t]*$")


@recognizer("id_answer", 84)
def find_answered_identifiers(ctx: DetectionContext) -> list[Span]:
    """An identifier alone on its line, within three lines after a question naming it ("NDA ?")."""
    if "?" not in ctx.text:
        return []
    spans = []
    for q in prefixed_finditer(_ID_QUESTION, ctx.text, ctx.folded):
        window_end = q.end()
        for _ in range(3):  # the three lines after the question
            nxt = ctx.text.find("\n", window_end + 1)
            window_end = len(ctx.text) if nxt < 0 else nxt
        m = _LONE_ID_LINE.search(ctx.text, q.end(), window_end)
        if m and sum(ch.isdigit() for ch in m.group("value")) >= 7:
            label = "IPP" if q.group("label").upper() in ("IPP", "NIP") or "patient" in q.group("label") else "NDA"
            spans.append(Span(m.start("value"), m.end("value"), label, 0.9, "id_answer"))
    return spans


# --- Postal code in brackets after a commune --------------------------------------------------
# "Apatou (97317)", "Bréal-sous-Montfort (35310)": a French postal code (mainland, Corsica,
# overseas) in brackets right after a known commune.
_BRACKET_DIGIT = re.compile(r"\([0-9]")
_ZIP_BRACKET = re.compile(
    r"(?P<town>[A-ZÀ-Ý][\w'’]+(?:[ \-][\w'’]+){0,4})[ \t]\((?P<zip>(?:0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-6]\d{2})\)"
)


@recognizer("zip_bracket", 85)
def find_bracketed_postcodes(ctx: DetectionContext) -> list[Span]:
    """A postal code in brackets after a commune ("Apatou (97317)")."""
    if "(" not in ctx.text or _BRACKET_DIGIT.search(ctx.text) is None:
        return []  # every match holds "(" and an ASCII digit: the pattern, tried at every capital, is skipped
    spans = []
    communes = ctx.lexicons.communes
    for m in prefixed_finditer(_ZIP_BRACKET, ctx.text, ctx.folded):
        town = m.group("town")
        # The commune is the last one to five words before the bracket ("Saint-Laurent-du-Maroni").
        candidates = (town[w.start() :] for w in re.finditer(r"(?<![\w'’])\w", town))
        if any(fold_key(c) in communes for c in candidates):
            spans.append(Span(m.start("zip"), m.end("zip"), "ZIP", 0.9, "zip_bracket"))
    return spans
