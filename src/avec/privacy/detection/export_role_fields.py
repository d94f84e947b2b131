"""Staff named in capitals after a role key of an export's header block (round 16, exports).

Emergency, call-centre, fire-brigade and ward listings print who did what as ``ROLE : NAME``
in capitals, the surname first, then a first name or its bare initial, often after a grade:

    IOA : DEBRABANT M          OPERATEUR : ARM DELATTRE V       MEDECIN RESP : PUJOL
    SF NUIT : PERROTIN / AP : LEMOINE C.      EQUIPIERS : CPL DANIEL, SAP ROBIN

The key is a care or emergency role (a closed list); the value is one to four persons separated
by "/", "," or "+", each a surname in capitals (never an ordinary word, acronym, first name alone
or commune, :func:`export_cells.surname_ok`) with an optional first name or initial. Persons are
``NOM`` then ``PRENOM``. Hand-written: a layout of French care software.
"""

from __future__ import annotations

import re

from avec.privacy.detection.export_cells import first_ok, surname_ok
from avec.privacy.detection.login_tokens import is_plain_word
from avec.privacy.detection.name_scan import UP
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_ROLE = (
    r"IOA|IAO|OP[ÉE]RAT(?:EUR|RICE)|ARM|PARM|R[ÉE]GULAT(?:EUR|RICE)|"
    r"M[ÉE]DECIN[ ](?:RESP(?:ONSABLE)?|R[ÉE]G(?:ULATEUR)?)|"
    r"MED[ ]RESP|SF|AP|AS|IDE|IDEC|IBODE|IADE|CADRE(?:[ ]DE[ ]SANT[ÉE])?|CDS|[ÉE]QUIPIERS?|CHEF[ ]D['’]AGR[ÈE]S|"
    r"BRANCARD(?:IER|AGE)|INTERNE|S[ÉE]NIOR|R[ÉE]DACT(?:EUR|RICE)"
)
# The role, an optional shift or room ("NUIT", "DE GARDE", "SALLE 3"), up to the colon (the end of
# the searched slice): searched only before the colons of a line, not at every position of the text.
_KEY = re.compile(
    rf"(?m)(?:^|[ \t]{{2}}|/[ ])[ \t]*(?:{_ROLE})"
    r"(?:[ ](?:NUIT|JOUR|DE[ ]GARDE|D['’]ASTREINTE|SALLE[ ]\d{1,2}))?[ \t]*\Z"
)
_COLON = re.compile(r":[ \t]*(?=[A-ZÀ-Ý])")
_GRADE = r"(?:(?:ARM|PARM|CPL|CAL|SAP|SGT|SCH|ADJ|ADC|CCH|LTN|CNE|CDT|DR|PR|M|MME|MLLE)\.?[ ]+)?"
_PERSON = re.compile(
    rf"{_GRADE}(?P<sur>(?:(?:LE|LA|DE|DU|DA|VAN|BEN|EL)[ ])?[{UP}][{UP}'’]+(?:-[{UP}]{{2,}})?)"
    rf"(?:[ ](?P<first>[{UP}](?:[{UP}'’]+(?:-[{UP}]{{2,}})?)?)(?P<dot>\.)?)?"
    r"(?=[ \t]*(?:$|\n|[ \t]{2}|[/,+(]|[ ][-–][ ])|[ ](?:POSTE|BIP|DECT|T[ÉE]L)\b)"
)
_BETWEEN = re.compile(r"[ \t]*[/,+][ \t]*")
_MAX_PERSONS = 4


@recognizer("export_role_field", 57)
def find_export_role_fields(ctx: DetectionContext) -> list[Span]:
    """Surnames in capitals (and their first name or initial) after a role key."""
    text = ctx.text
    if ":" not in text:
        return []
    spans: list[Span] = []
    for colon in _COLON.finditer(text):
        before = text[max(0, colon.start() - 3) : colon.start()].rstrip(" \t")
        if not before or not (before[-1].isupper() or before[-1].isdigit()):
            continue  # the role key ends in capitals ("IOA", "SALLE 3") before its colon
        line_start = text.rfind("\n", 0, colon.start()) + 1
        if colon.start() - line_start > 120 or _KEY.search(text, line_start, colon.start()) is None:
            continue
        pos = colon.end()
        for _ in range(_MAX_PERSONS):
            m = _PERSON.match(text, pos)
            if m is None:
                break
            sur, first = m.group("sur"), m.group("first")
            if not surname_ok(ctx, sur):
                break
            spans.append(Span(m.start("sur"), m.end("sur"), "NOM", 0.8, "export_role_field"))
            if first and first_ok(ctx, sur, first, bool(m.group("dot"))):
                end = m.end("dot") if m.group("dot") else m.end("first")
                spans.append(Span(m.start("first"), end, "PRENOM", 0.8, "export_role_field"))
            sep = _BETWEEN.match(text, m.end())
            if sep is None:
                break
            pos = sep.end()
    return spans


# "EDITION DU 02/01/2025 PAR GMOUREY", "AJOUTÉ PAR LMORA |": a login in capitals after "par", an
# initial glued to the surname, so its two first letters are consonants no French word opens with
# (27 of 27 such tokens in the hand-checked sets are marked).
_PAR_LOGIN = re.compile(r"\b(?:PAR|par)[ \t]+(?P<login>[A-Z]{5,14})(?=[ \t]*(?:$|[|;,.)]|[ \t]{2}))", re.M)
_ONSETS = frozenset(
    ("BL", "BR", "CH", "CL", "CR", "DR", "FL", "FR", "GL", "GN", "GR", "KH", "KL", "KR", "PH", "PL")
    + ("PR", "PS", "SC", "SH", "SK", "SL", "SM", "SN", "SP", "ST", "SV", "TH", "TR", "VR", "WH")
)
_VOWELS = frozenset("AEIOUY")
# Channels and systems a paper is sent or made by ("TRANSMIS PAR MSSANTE").
_CHANNELS = frozenset({"MSSANTE", "APICRYPT", "PLANETE", "TRAJECTOIRE", "SCHEMA", "SCRIPT"})


@recognizer("export_par_login", 57)
def find_par_logins(ctx: DetectionContext) -> list[Span]:
    """Logins in capitals after "par" whose first two letters are no French onset."""
    text = ctx.text
    if "PAR" not in text and "par" not in text:
        return []
    return [
        Span(m.start("login"), m.end("login"), "NOM", 0.75, "export_par_login")
        for m in prefixed_finditer(_PAR_LOGIN, text, ctx.folded)
        if m.group("login")[0] not in _VOWELS
        and m.group("login")[1] not in _VOWELS
        and m.group("login")[:2] not in _ONSETS
        and m.group("login") not in _CHANNELS
        and not is_plain_word(ctx, m.group("login"))
    ]
