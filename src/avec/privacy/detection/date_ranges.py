"""Partial dates of chats and handover headers: day ranges sharing one month ("NUIT 29->30/11",
"8 et 9/12", "29/30 nov"), a bare day after "la semaine du" / "la nuit du", and a day/month after
a relative-day word ("il reprend demain 2/12").

Same priority as :mod:`avec.privacy.detection.dates`; what dates.py already reads (the second
day with its month in most layouts) is found again here only where its rules need a lead word.
"""

from __future__ import annotations

import re

from avec.privacy.detection.dates import MONTHS, is_birth_context, is_emergency_number
from avec.privacy.detection.prefix_search import prefixed_finditer
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# A weekday, whole or cut, before a day of a range: "nuit du dim 17 au lun 18/11", "du mardi 3 au jeu. 5".
_WEEKDAY = r"(?:(?:lun|mar|mer|jeu|ven|sam|dim)(?:di|dredi|credi|edi|anche)?\.?[ \t]+)?"
_MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?:\.|(?![\w]))"
# "29->30/11", "8 et 9/12", "29/30 nov", "3-4 déc.", "12 & 13/01".
_SHARED_MONTH = re.compile(
    r"(?i)(?<![\w/.,+-])(?P<d1>1er|" + _DAY + r")[ \t]*(?P<conn>->|→|–|-|/|&|\bet\b|\bau\b|\bà\b)[ \t]*"
    r"(?P<d2>" + _DAY + r")(?:[ \t]?/[ \t]?(?P<m>0?[1-9]|1[0-2])(?![\d/]|[.,]\d)|[ \t]+(?P<mw>" + _MONTH_WORD + r"))"
)
# After the range: a dose, a unit or a fraction of a tablet ("1 et 1/2 comprimé", "2-3/4 cp").
_DOSE_AFTER = re.compile(
    r"(?i)[ \t]*(?:de[ \t]+)?(?:cp|comprim|g[ée]lule|sachet|ampoule|dose|mg|ml|ui|goutte|bouff|inhal|fois|x\b|%)"
)
# Before the range: a score out of ten ("EVA 7-8/10", "douleur à 6/7/10").
_SCORE_BEFORE = re.compile(r"(?i)(?:\beva\b|(?-i:\bEN\b)|\bens\b|douleur|score|note|cot[ée]e?)[^\n]{0,15}$")
_UNIT_AFTER = r"(?:h\b|ans?\b|mois\b|jours?\b|semaines?\b|%|mg\b|ml\b|g\b|cp\b|fois\b|ui\b)"
# "la semaine du 16", "le week-end du 3", "la nuit du 29": a day of the current month.
_PERIOD_DAY = re.compile(
    r"(?<![\w])(?:semaine|week-?end|nuit|journee|matinee|soiree)[ \t]+du[ \t]+" + _WEEKDAY + r"(?P<d>1er|" + _DAY + r")"
    r"(?![\w/]|[.,:]\d|[ \t]*" + _UNIT_AFTER + r")"
    r"(?:[ \t]+au[ \t]+" + _WEEKDAY + r"(?P<d2>" + _DAY + r")(?![\w/]|[.,:]\d|[ \t]*" + _UNIT_AFTER + r"))?"
)
# "demain 2/12", "hier 30/11", "aujourd'hui 4/12": a day/month after a relative-day word;
# "effectué le : 4/11", "Date : 3/02": after a date field.
_RELATIVE_DAY = re.compile(
    r"(?<![\w])(?:demain|apres-demain|hier|avant-hier|aujourd['’]hui|ce[ \t]+(?:jour|matin|soir)"
    r"|(?:le|date)[ \t]*:)"
    r"[ \t,]+(?P<d>" + _DAY + r")[ \t]?[/.][ \t]?(?P<m>0?[1-9]|1[0-2])(?![\d/]|[.,]\d)"
)

# "Péremption : 08/2025", "vaccin fait 11/2019": a month (two digits) and a four-digit year.
_MONTH_YEAR = re.compile(r"(?<![\w/.,-])(?:0[1-9]|1[0-2])/(?:19|20)\d{2}(?![\d/]|[.,]\d)")

# "RDV kiné (27/11)": a day/month alone in brackets, when it cannot be a fraction or a score
# (the day above the month, or a zero-padded month: "(4/5)" and "(1/2)" stay).
_BRACKET_DAY_MONTH = re.compile(r"(?<=\()(?P<d>" + _DAY + r")/(?P<m>0[1-9]|1[0-2]|[1-9])(?=\))")
# "bilan prévu 3/12", "RDV reporté au 9/01": a day/month after a scheduling word.
_SCHEDULED = re.compile(
    r"(?<![\w])(?:prevue?s?|programmee?s?|fixee?s?|reportee?s?|decalee?s?|avancee?s?|rdv|"
    r"rendez-vous|convoquee?s?|hospitalisee?s?|sortie?|entree?|retour|reprise|controle|bilan|visite|consultation)"
    r"(?:[ \t]+(?:le|au|du|pour[ \t]+le|vers[ \t]+le|jusqu['’]au))?[ \t]+"
    r"(?P<d>" + _DAY + r")[ \t]?/[ \t]?(?P<m>0?[1-9]|1[0-2])(?![\d/]|[.,]\d)"
)
_PRESSURE_BEFORE = re.compile(r"(?i)(?:\bTA|\bPA|tension|\bTAS|\bTAD|score|eva)\b[^\n]{0,12}$")

# "export_mouvements_UF12_20261128.txt", "CR_19880412_x.pdf": a compact date in a file name.
_FILE_NAME_DATE = re.compile(
    r"(?<=[_-])(?:(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
    r"|(?P<d2>0[1-9]|[12]\d|3[01])(?P<m2>0[1-9]|1[0-2])(?P<y2>\d{2}))(?=[._-]\w)"
)  # "photo_plaie_120325.jpg": day, month, two-digit year


# "(2, 16 et 20 septembre)", "les 3, 10, 17 et 24 mars", "les 4 et 18/03": days listed before one
# month (a word, or a zero-padded number after the last day's slash).
_DAY_LIST = re.compile(
    r"(?<![\w,./])(?P<days>(?:(?:1er|" + _DAY + r")[ \t]*,[ \t]+)+(?:(?:1er|" + _DAY + r")[ \t]+(?:et|ou)[ \t]+)?"
    r"|(?:1er|" + _DAY + r")[ \t]*,?[ \t]+(?:et|ou)[ \t]+)(?P<last>" + _DAY + r")"
    r"(?:[ \t]+(?P<mw>" + _MONTH_WORD + r")|/(?P<m>0[1-9]|1[0-2])(?![\d/]|[.,]\d))"
)
_DAY_IN_LIST = re.compile(r"1er|\d{1,2}")
# "(28/08, 30/08, 1/09, 3/09)", "16/11 ou 18/11/2024": day/month items of one list.
_DM = r"(?:" + _DAY + r")/(?:0?[1-9]|1[0-2])(?:/(?:(?:19|20)\d{2}|\d{2}))?"
_DM_LIST = re.compile(
    r"(?<![\w/.,])" + _DM + r"(?:[ \t]*(?:,|;|\bet\b|\bou\b)(?:[ \t]+le)?[ \t]*" + _DM + r")+(?![\d/]|[.,]\d)"
)
_DM_ITEM = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?P<y>/\d{2,4})?")
# "annule son RDV du 20", "dose du 18 non rattrapée": a bare day after the noun of an event.
_EVENT_DAY = re.compile(
    r"(?:(?<![\w])(?:rdv|rendez-vous|doses?|prises?|consultations?|visites?|seances?|passages?|injections?|"
    r"pansements?|bilans?|reunions?|staffs?|entretiens?|audiences?|livraisons?|delivrances?|courriers?|"
    r"ordonnances?|prescriptions?|resultats?|prelevements?|perfusions?|transfusions?|cures?|dialyses?)[ \t]+du[ \t]+"
    # "extraction prévue le 22", "programmée le 3", "RDV reporté au 14": a scheduling participle
    r"|(?<![\w])(?:prevu|programme|planifie|fixe|confirme)e?s?[ \t]+le[ \t]+"
    r"|(?<![\w])(?:reporte|decale|repousse|avance)e?s?[ \t]+(?:au|le)[ \t]+"
    # "plus de place avant le 22", "jusqu'au 9", "à partir du 14": a deadline or a start day
    r"|(?<![\w])(?:(?:avant|apres)[ \t]+le|jusqu['’]au|a[ \t]+partir[ \t]+du|d['’]ici[ \t]+le)[ \t]+)"
    r"(?P<d>1er|"
    + _DAY
    # "avant le 25 du mois (précédent)": a day of every month, a rule and no date
    + r")(?![\w/]|[.,:]\d|[ \t]+(?:du|de[ \t]+chaque)[ \t]+mois\b|[ \t]*(?:"
    + _UNIT_AFTER
    # ("avant le 25 du mois précédent": a day of every month, no date)
    + r"|h\d|heures?|[a-z]+\.?[ \t]+(?:19|20)\d{2}|trimestre|semestre|etage|degre|cycle|rang|tour|du[ \t]+mois|"
    + _MONTH_WORD
    + r"))"
)
# "le mer. 11 : visite", "RDV ven. 14 confirmé": a short weekday with its dot before a day.
_DOTTED_WEEKDAY_DAY = re.compile(
    r"(?<![\w])(?:lun|mar|mer|jeu|ven|sam|dim)\.[ \t]+(?P<d>1er|"
    + _DAY
    # "avant le 25 du mois (précédent)": a day of every month, a rule and no date
    + r")(?![\w/]|[.,:]\d|[ \t]+(?:du|de[ \t]+chaque)[ \t]+mois\b|[ \t]*(?:"
    + _UNIT_AFTER
    + r"|h\d|heures?|\d|"
    + _MONTH_WORD
    + r"))"
)
# "RDV mer. 11 16h30", "jeu 3 à 9h": a short weekday and a day before an hour.
_SHORT_WEEKDAY_HOUR = re.compile(
    r"(?<![\w])(?:lun|mar|mer|jeu|ven|sam|dim)\.?[ \t]+(?P<d>1er|" + _DAY + r")(?=[ \t]+(?:a[ \t]+)?\d{1,2}[h:]\d{0,2})"
)


def _list_spans(text: str, folded: str) -> list[Span]:
    """Days listed before a month word, and day/month lists holding one unmistakable date."""
    spans: list[Span] = []
    for m in prefixed_finditer(_DAY_LIST, folded, folded):
        if m.group("mw") and m.group("mw").rstrip(".") not in MONTHS:
            continue
        if m.group("m") and (
            _DOSE_AFTER.match(text, m.end()) or (m.group("m")[0] != "0" and int(m.group("last")) <= 12)
        ):
            continue  # "les 2, 5 et 7/10 cp", "2, 3 et 4/10": doses or scores, no month
        days = [(d.start(), d.end()) for d in _DAY_IN_LIST.finditer(folded, m.start("days"), m.end("days"))]
        values = [int(folded[a:b].removesuffix("er")) for a, b in days] + [int(m.group("last"))]
        if values != sorted(set(values)):
            continue  # the days of one month are listed in order
        spans.extend(Span(m.start() + a - m.start(), b, "DATE", 0.88, "date_range") for a, b in days)
    if "/" not in text:
        return spans
    for m in prefixed_finditer(_DM_LIST, text, folded):
        if _SCORE_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _PRESSURE_BEFORE.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        if _DOSE_AFTER.match(text, m.end()):
            continue
        items = list(_DM_ITEM.finditer(text, m.start(), m.end()))
        strong = any(i.group("y") or (len(i.group("m")) == 2 and i.group("m").startswith("0")) for i in items)
        # "(3/10 et 11/11)": items over different months are dates; scores share one denominator
        strong = strong or len({int(i.group("m")) for i in items}) == len(items)
        if strong and not any(_is_fraction(i.group("d"), i.group("m")) for i in items if not i.group("y")):
            spans.extend(Span(i.start(), i.end(), _label(text, i.start()), 0.86, "date_range") for i in items)
    return spans


def _is_fraction(day: str, month: str) -> bool:
    """ "1/2", "3/4", "2/3": the usual fractions of a tablet or a dose, read as such."""
    return not day.startswith("0") and not month.startswith("0") and int(month) <= 4 and int(day) < int(month)


def _label(text: str, start: int) -> str:
    return "DATE_NAISSANCE" if is_birth_context(text, start) else "DATE"


@recognizer("date_range", 70)
def find_partial_dates(ctx: DetectionContext) -> list[Span]:
    """Both days of a range sharing one month, bare days after a period word, relative days."""
    text = ctx.text
    spans: list[Span] = []
    for m in prefixed_finditer(_SHARED_MONTH, text, ctx.folded):
        d1, d2 = int(m.group("d1").removesuffix("er")), int(m.group("d2"))
        if d2 <= d1 or d2 - d1 > 7:
            continue  # a range runs forward over a few days; "3/4" or "1 et 1/2" are not ranges
        if m.group("mw") and m.group("mw").rstrip(".").lower() not in MONTHS:
            continue
        if m.group("m") and (
            _DOSE_AFTER.match(text, m.end()) or _SCORE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            continue
        if m.group("conn") == "/" and m.group("m"):
            continue  # "29/30/11" reads as a full date elsewhere, or as nothing
        if m.group("m") and text[m.end("d1") : m.start("d2")] in ("-", "–"):  # "14-15/09": one token, one span
            spans.append(Span(m.start("d1"), m.end(), "DATE", 0.88, "date_range"))
            continue
        spans.append(Span(m.start("d1"), m.end("d1"), "DATE", 0.88, "date_range"))
        spans.append(Span(m.start("d2"), m.end(), "DATE", 0.88, "date_range"))
    if "/19" in text or "/20" in text:
        for m in prefixed_finditer(_MONTH_YEAR, text, ctx.folded):
            if not _DOSE_AFTER.match(text, m.end()):  # "née le 05/1966": a birth date known in part
                spans.append(Span(m.start(), m.end(), _label(text, m.start()), 0.85, "date_range"))
    if "(" in text:
        for m in _BRACKET_DAY_MONTH.finditer(text):
            d, mo = m.group("d"), m.group("m")
            padded = d.startswith("0") or mo.startswith("0")
            pressure = _PRESSURE_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if (int(d) > int(mo) or padded) and not pressure:
                # No year: never a birth date ("M. X vendredi (27/11)" is no "M. X (12/03/1950)").
                spans.append(Span(m.start(), m.end(), "DATE", 0.85, "date_range"))
    if "_" in text:
        for m in _FILE_NAME_DATE.finditer(text):
            spans.append(Span(m.start(), m.end(), "DATE", 0.85, "date_range"))
    folded = ctx.folded  # lower case, no accents, same offsets: the word patterns need no (?i)
    for m in prefixed_finditer(_SCHEDULED, folded, folded):
        if not _DOSE_AFTER.match(text, m.end()) and not _is_fraction(m.group("d"), m.group("m")):
            spans.append(Span(m.start("d"), m.end(), "DATE", 0.85, "date_range"))
    for m in prefixed_finditer(_PERIOD_DAY, folded, folded):
        spans.append(Span(m.start("d"), m.end("d"), "DATE", 0.85, "date_range"))
        if m.group("d2"):  # "la nuit du 9 au 10": the second day too
            spans.append(Span(m.start("d2"), m.end("d2"), "DATE", 0.85, "date_range"))
    for rx in (_EVENT_DAY, _SHORT_WEEKDAY_HOUR, _DOTTED_WEEKDAY_DAY):
        for m in prefixed_finditer(rx, folded, folded):
            if not is_emergency_number(text, m.start("d"), m.end("d")):
                spans.append(Span(m.start("d"), m.end("d"), "DATE", 0.85, "date_range"))
    spans.extend(_list_spans(text, folded))
    for m in prefixed_finditer(_RELATIVE_DAY, folded, folded):
        spans.append(Span(m.start("d"), m.end(), _label(text, m.start("d")), 0.88, "date_range"))
    return spans
