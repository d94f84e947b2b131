"""File names and paths that hold a record number, a date or a name.

Exports, interface traces and attachments name their files after the patient and the record:
``/archives/2024/IPP_804512.pdf``, ``CRH_MARCHAND_20241112.pdf``, ``\\\\srv\\cr\\330298174_2404182231.pdf``,
``ordonnance_bensaid.pdf``. Split on ``_`` and the path separators, each piece of such a name is
read alone: digits after an ``IPP`` / ``NDA`` piece take that label, a valid compact date is a
``DATE``, another long number (7 digits or more) a record number (``NDA``), a known surname or
first name a name; an unknown capitalised word is a surname only in a file named after a
document kind ("ordonnance", "CRH", "ECG"...). Hand-written: no library reads the meaning of
pieces of a file name.
"""

from __future__ import annotations

import re

from avec.privacy.detection.medical_vocab import is_protected_word
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.detection.text import fold
from avec.privacy.spans import Span

# The extension closing a file name, searched on the folded (lower-case) text.
_EXTENSION = re.compile(r"\.(?:pdf|hl7|csv|txt|xml|json|docx?|xlsx?|odt|ods|rtf|jpe?g|png|tiff?|dcm|zip|msg|eml)\b")
# A piece of the name: between "_" and the separators of a path.
_PIECE = re.compile(r"[^_/\\:]+")
_NUMBER = re.compile(r"\d[\d-]*\d")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)*")
_COMPACT_DATE = re.compile(
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d{2}|\d{2})"
)
_IPP_PIECE = re.compile(r"ipp|nip|id ?patient|patient")
_NDA_PIECE = re.compile(r"nda|sej(?:our)?|venue|dossier|doss|passage|admission|episode")
# Kinds of documents a file is named after ("ordonnance_x.pdf", "CRH_X.pdf"): the next words name the person.
_DOCUMENT_KINDS = frozenset(
    {
        "ordonnance", "ordonnances", "ordo", "crh", "cr", "cro", "cri", "courrier", "lettre", "bilan", "ecg",
        "eeg", "irm", "tdm", "scanner", "radio", "echo", "bs", "bon", "requisition", "certificat", "cerfa",
        "compte", "rendu", "releve", "facture", "resultat", "resultats", "analyses", "labo", "biologie", "fiche",
        "dossier", "pj", "piece", "scan", "document", "doc", "consentement", "attestation", "prescription",
    }
)  # fmt: skip


def _piece_spans(ctx: DetectionContext, base: int, pieces: list[tuple[int, str]]) -> list[Span]:
    lex = ctx.lexicons
    spans: list[Span] = []
    named_kind = bool(pieces) and fold(pieces[0][1]) in _DOCUMENT_KINDS
    previous = ""
    for start, piece in pieces:
        key = fold(piece)
        at = base + start
        if _NUMBER.fullmatch(piece):
            digits = sum(ch.isdigit() for ch in piece)
            if _IPP_PIECE.fullmatch(previous) and digits >= 5:
                spans.append(Span(at, at + len(piece), "IPP", 0.9, "file_path"))
            elif _NDA_PIECE.fullmatch(previous) and digits >= 5:
                spans.append(Span(at, at + len(piece), "NDA", 0.9, "file_path"))
            elif _COMPACT_DATE.fullmatch(piece):
                spans.append(Span(at, at + len(piece), "DATE", 0.85, "file_path"))
            elif digits >= 7:
                spans.append(Span(at, at + len(piece), "NDA", 0.8, "file_path"))
        elif _WORD.fullmatch(piece) and len(piece) >= 3 and not is_protected_word(piece, ctx.protected):
            common = lex.is_common(piece) or key in _DOCUMENT_KINDS
            after_name = bool(spans) and spans[-1].label == "NOM" and spans[-1].end == at - 1
            if common:
                pass
            elif after_name and lex.is_first_name(piece):  # "MARTIN_Paul": the surname, then the first name
                spans.append(Span(at, at + len(piece), "PRENOM", 0.85, "file_path"))
            elif lex.is_surname(piece) or lex.is_first_name(piece) or named_kind:
                # a name alone in a file name is the person's surname ("CRH_ZEPHIR", "ordonnance_ozturk")
                spans.append(Span(at, at + len(piece), "NOM", 0.85, "file_path"))
        previous = key
    return spans


@recognizer("file_path", 80)
def find_file_path_parts(ctx: DetectionContext) -> list[Span]:
    """Record numbers, dates and names among the pieces of a file name (module docstring)."""
    text, folded = ctx.text, ctx.folded
    if "." not in text:
        return []
    spans: list[Span] = []
    for m in _EXTENSION.finditer(folded):
        start = m.start()
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"'(<[|;,":
            start -= 1
        name = text[start : m.start()]
        if "_" not in name and "/" not in name and "\\" not in name:
            continue  # "rapport.pdf": no pieces to read
        pieces = [(p.start(), p.group(0)) for p in _PIECE.finditer(name)]
        spans.extend(_piece_spans(ctx, start, pieces))
    return spans
