"""Speech-to-text output read as written text: a normalised view with an offset map.

Voice-recognition dictations and transcribed voice messages write what was said: numbers in words
("zéro six quarante-deux dix-huit ...", "soixante-neuf trois cent dix", a NIR or a record number
digit by digit), e-mail addresses aloud ("sophie point martin arobase gmail point com") and the
dictation commands themselves ("docteur moulin virgule oullins à la ligne objet deux points ...").
The rules read written French: digits, "@", commas, colons, line breaks. The detector therefore runs
on a copy where (:func:`normalise_dictation`)

- a run of two or more numbers said in a row is written as the digits said, glued ("soixante-neuf
  trois cent dix" -> "69310", "zéro six douze ..." -> "0612..."), digits already written keep their
  own spaces, one capital letter said inside an identifier joins it ("deux quatre A zéro ..." ->
  "24A0..."), "barre" between numbers is "/";
- one number is written in digits only where it can be an identifier: before a street type ("quatorze
  chemin" -> "14 chemin"), or when it reads 1000 or more (a year, "treize mille quatre" -> "13004");
  "deux comprimés", "dix-huit mois", "un ami" stay words;
- an e-mail said aloud is written as an address;
- in a text that holds dictation commands (two or more), the commands are punctuation: "virgule" ",",
  "point à la ligne" ".\\n", "deux points" ":", "ouvrez/fermez la parenthèse" "(" ")", "nouveau
  paragraphe"; "point" closing a sentence "." (not "point de suture", "mise au point").

Every span found on the copy is mapped back to the words said (see
:mod:`avec.privacy.detection.encoding_repair`). French number words are read here by a small
hand-written grammar because ``text2num`` returns only values, not which words make each number,
and the offset map needs the words of every number.
"""

from __future__ import annotations

import re

_UNITS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9}
_TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_NUMBER_WORDS = (
    "zéro|zero|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingts|vingt|trente|quarante|cinquante|soixante|cents|cent|mille|mil"
)
_WORD = r"(?i:" + _NUMBER_WORDS + r")(?![\w'’])(?!-(?!(?i:" + _NUMBER_WORDS + r"|et)(?![\w'’])))"
# Tokens of a run: number words joined by spaces or hyphens, "et" inside ("trente et un", "vingt-et-un"),
# hesitations ("euh"), digits already written ("zéro six 12 08 quarante-quatre 71"), one capital
# letter said inside an identifier ("C vingt-quatre zéro onze ...").
_SEP = r"(?:[ \t]+(?:(?i:euh)[ \t]+)*|-)"
_TOKEN = r"(?:" + _WORD + r"|\d{1,4}(?![\w'’]|[,.]\d))"
_RUN = re.compile(
    r"(?<![\w'’-])(?:[A-Z][ \t]+(?=" + _WORD + r"))?" + _TOKEN + r"(?:" + _SEP + r"(?:(?i:et)" + _SEP + r")?"
    r"(?:" + _TOKEN + r"|[A-Z](?=" + _SEP + _TOKEN + r")|(?i:barre)(?=" + _SEP + _TOKEN + r")))*"
)
_TOKEN_RX = re.compile(r"(?i)[^\W\d_]+|\d+")
_NO_LETTER = re.compile(r"[^a-zA-ZÀ-ÿ]*")
_STREET_AFTER = re.compile(
    r"(?i)[ \t]+(?:(?:bis|ter|quater)[ \t]+)?(?:rue|avenue|boulevard|chemin|all[ée]e|impasse|place|route|quai|cours|"
    r"square|passage|sentier|voie|r[ée]sidence|lotissement|hameau|cit[ée]|faubourg|promenade|esplanade|montée|"
    r"traverse|clos|venelle|ruelle)\b"
)
# a count of streets or of lessons, not a house number: "les sept cours", "il reste deux rue à traverser"
_NOT_HOUSE_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:les|des|ces|mes|tes|ses|nos|vos|leurs|aux|quelques|reste|restent|faut|plus|moins|"
    r"environ|que)[ \t]+\Z"
)
_NOT_STREET = re.compile(r"(?i)[ \t]+(?:à|a|de (?:yoga|danse|sport|cuisine|musique|français|natation))(?![\w-])")
_SPOKEN_DAY_MONTH = re.compile(
    r"(?i)(?:" + _NUMBER_WORDS + r"|premier)[ \t]+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|"
    r"septembre|octobre|novembre|d[ée]cembre)[ \t]+\Z"
)

# Dictation commands: at least two in a text before any is read as punctuation.
_COMMAND = re.compile(
    r"(?i)(?<![\w-])(?:virgule|(?:point )?[àa] la ligne|deux points|(?:ouvrez|ouvrir|fermez|fermer) (?:la|les) "
    r"(?:parenth[èe]ses?|guillemets)|nouveau paragraphe|point-virgule)(?![\w-])"
)
_PUNCTUATION = re.compile(
    r"(?i)(?P<nl>[ \t]*(?:\bpoint[ \t]+)?(?<![\w-])[àa] la ligne(?:[ \t]+tiret(?=[ \t]))?[ \t]*)"
    r"|(?P<para>[ \t]*\bnouveau paragraphe[ \t]*)"
    r"|(?P<semi>[ \t]*\bpoint-virgule(?![\w-]))"
    r"|(?P<comma>[ \t]*(?<![\w-])virgule(?![\w-]))"
    r"|(?P<colon>[ \t]*(?<![\w-])deux points(?![\w-])(?![ \t]+(?:de|d['’]|du|des|sur|par|à(?! la ligne))\b))"
    r"|(?P<open>(?<![\w-])(?:ouvrez|ouvrir) (?:la|les) (?P<ok>parenth[èe]ses?|guillemets)[ \t]*)"
    r"|(?P<close>[ \t]*(?<![\w-])(?:fermez|fermer) (?:la|les) (?P<ck>parenth[èe]ses?|guillemets)(?![\w-]))"
    r"|(?P<stop>(?<=\w)[ \t]+point(?![\w'’-])(?=[ \t]*$|[ \t]*\n|[ \t]+(?!(?:de|d['’]|du|des|sur|par|à|au|"
    r"fort|faible|final|culminant|commun|noir|rouge|fixe|mort|positif|négatif|ponction|d'appui|d’appui)\b)[\w]))",
    re.MULTILINE,
)
# "point" after these words is a noun ("au point", "un point", "mise au point").
_POINT_NOUN_BEFORE = re.compile(
    r"(?i)(?:(?<![\w-])(?:au|un|le|ce|du|bon|chaque|quel|tel|en|mon|son|ton|premier|dernier|"
    r"dernier|seul|gros|petit|même|ce|cet|à)|[\d,.:;(])$"
)
# An e-mail said aloud: "sophie point martin soixante-treize arobase gmail point com".
_MAIL_PART = r"[a-z0-9][\w-]*"
_MAIL_SEP = r"(?:[ \t]+(?:point|tiret|underscore|tiret bas)[ \t]+)"
_MAIL = re.compile(
    r"(?i)(?<![\w.@-])(?P<local>" + _MAIL_PART + r"(?:" + _MAIL_SEP + _MAIL_PART + r")*"
    r"(?:[ \t]+" + _WORD + r"(?:[ \t-]+" + _WORD + r")*)?)[ \t]+(?:arobase|arrobase)[ \t]+"
    r"(?P<domain>" + _MAIL_PART + r"(?:[ \t]+(?!point\b)" + _MAIL_PART + r")?(?:" + _MAIL_SEP + _MAIL_PART + r")*?"
    r"[ \t]+point[ \t]+(?:fr|com|net|org|eu|be|ch|lu|re|gouv|info|io|de|uk|ma|tn|dz|sn|ca|mc)"
    r"(?:[ \t]+point[ \t]+(?:fr|com))?)"
    r"(?![\w-])"
)
_MAIL_WORDS = {"point": ".", "tiret": "-", "underscore": "_", "tiret bas": "_"}

Edit = tuple[int, int, str]


def _parse(words: list[str], i: int) -> tuple[int, int]:
    """The value of the longest French number starting at ``words[i]`` and the index after it."""

    def below100(k: int) -> tuple[int, int] | None:
        if k >= len(words):
            return None
        w = words[k]
        if w == "quatre" and k + 1 < len(words) and words[k + 1] in ("vingt", "vingts"):
            value, k = 80, k + 2
            if k < len(words) and words[k] in _UNITS and words[k] != "un":
                return value + _UNITS[words[k]], k + 1
            if k < len(words) and (words[k] in _TEENS or words[k] == "un"):
                return below_teen(value, k)
            return value, k
        if w in _TENS:
            value, k = _TENS[w], k + 1
            if k < len(words) and words[k] == "et":
                if k + 1 < len(words) and words[k + 1] in ("un", "une", "onze"):
                    return value + (11 if words[k + 1] == "onze" else 1), k + 2
                return value, k
            if w == "soixante" and k < len(words) and words[k] in _TEENS:
                return below_teen(value, k)
            if k < len(words) and words[k] in _UNITS and words[k] != "un":
                return value + _UNITS[words[k]], k + 1
            return value, k
        if w in _TEENS:
            return below_teen(0, k)
        if w in _UNITS:
            return _UNITS[w], k + 1
        return None

    def below_teen(base: int, k: int) -> tuple[int, int]:
        w = words[k]
        if w == "un":
            return base + 1, k + 1
        if w == "dix" and k + 1 < len(words) and words[k + 1] in ("sept", "huit", "neuf"):
            return base + 10 + _UNITS[words[k + 1]], k + 2
        return base + _TEENS[w], k + 1

    def below1000(k: int) -> tuple[int, int] | None:
        head = below100(k)
        if k < len(words) and words[k] in ("cent", "cents"):
            head = (1, k)  # "cent douze"
        if head is None:
            return None
        value, nxt = head
        if value < 10 and nxt < len(words) and words[nxt] in ("cent", "cents"):
            hundreds = value * 100
            nxt += 1
            if words[nxt - 1] == "cent" and (rest := below100(nxt)) is not None:
                return hundreds + rest[0], rest[1]
            return hundreds, nxt
        return head

    if words[i] in ("zéro", "zero"):
        return 0, i + 1
    if words[i] in ("mille", "mil"):
        head: tuple[int, int] | None = (1, i)
    else:
        head = below1000(i)
    if head is None:
        return -1, i + 1
    value, nxt = head
    if nxt < len(words) and words[nxt] in ("mille", "mil") and value < 1000:
        value *= 1000
        nxt += 1
        if (rest := below1000(nxt)) is not None:
            return value + rest[0], rest[1]
    return value, nxt


def _number_edits(text: str, start: int, end: int, protected: list[tuple[int, int]]) -> list[Edit]:
    """Edits writing the run ``text[start:end]`` in digits (none when it must stay words)."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN_RX.finditer(text, start, end)]
    tokens = [t for t in tokens if t[2] != "euh"]
    words = [t[2] for t in tokens]
    groups: list[tuple[int, int, str]] = []  # (first token, after last token, written)
    i = 0
    while i < len(words):
        w = words[i]
        raw = text[tokens[i][0] : tokens[i][1]]
        if w.isdigit() or (len(raw) == 1 and raw.isupper()) or w == "barre":
            groups.append((i, i + 1, w.upper() if not w.isdigit() else w))
            i += 1
            continue
        if w == "et":
            i += 1
            continue
        number, nxt = _parse(words, i)
        if number < 0:
            return []
        groups.append((i, nxt, str(number)))
        i = nxt
    spoken = [g for g in groups if not g[2].isdigit() or not words[g[0]].isdigit()]
    spoken = [g for g in spoken if g[2] != "BARRE" and not g[2].isalpha()]
    if not spoken:
        return []
    written = sum(len(g[2]) for g in groups if words[g[0]].isdigit())
    if len(spoken) == 1 and written + len(spoken[0][2]) < 8:
        # one number said alone: in digits only where it can be an identifier, not "deux comprimés"
        first, last, value = spoken[0]
        a, b = tokens[first][0], tokens[last - 1][1]
        after = _STREET_AFTER.match(text, b)
        street = (
            after and not _NOT_HOUSE_BEFORE.search(text, max(0, a - 20), a) and not _NOT_STREET.match(text, after.end())
        )
        if not (int(value) >= 1000 or street):
            return []  # "il reste deux rue à traverser", "les sept cours de yoga": no house number
        if _SPOKEN_DAY_MONTH.search(text, max(0, a - 40), a):
            return []  # "le dix-huit mars deux mille vingt-cinq": a date said in words, read as one
        if len(groups) != 1:
            return []
        return [(a, b, value)]
    if any(p < end and start < q for p, q in protected):
        return []
    total = sum(len(g[2]) for g in groups if g[2].isdigit())
    if words[0] in ("zéro", "zero") and len(groups) > 1 and groups[1][2] in "123456789" and total not in (5, 10):
        return []  # part of a phone ("zéro six quatre-vingt-seize, 45 ..."): the spoken-phone rule reads it
    # letters are kept only inside an identifier long enough ("deux quatre A zéro zéro huit sept un")
    digits = sum(len(g[2]) for g in groups if g[2].isdigit())
    edits: list[Edit] = []
    prev_end = None
    prev_kind = ""
    for first, last, value in groups:
        a, b = tokens[first][0], tokens[last - 1][1]
        kind = "digit" if words[first].isdigit() else "word"
        if value.isalpha() and value != "BARRE":
            if digits < 5:
                return edits if edits else []
            kind = "letter"
        out = "/" if value == "BARRE" else value
        # words said in a row are one identifier: no space between their digits,
        # except beside digits already written ("zéro six 12 08 ...")
        if prev_end is not None and kind != "digit" and prev_kind != "digit":
            edits.append((prev_end, a, ""))
        if kind != "digit":
            edits.append((a, b, out))
        prev_end, prev_kind = b, kind
    return edits


def _mail_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _MAIL.finditer(text):
        local, domain = m.group("local"), m.group("domain")
        written = _mail_part(local) + "@" + _mail_part(domain)
        edits.append((m.start(), m.end(), written))
    return edits


def _mail_part(said: str) -> str:
    """One side of an e-mail address said aloud, written: "martin soixante-treize" -> "martin73"."""
    said = re.sub(r"(?i)\btiret bas\b", "underscore", said)
    out: list[str] = []
    numbers: list[str] = []
    for token in re.split(r"[ \t]+", said.strip()):
        pieces = token.lower().split("-")
        if all(re.fullmatch(_NUMBER_WORDS, p) for p in pieces):
            numbers.extend(pieces)
            continue
        out.append(_digits_of(numbers))
        numbers = []
        out.append(_MAIL_WORDS.get(token.lower(), token))
    out.append(_digits_of(numbers))
    return "".join(out)


def _digits_of(words: list[str]) -> str:
    """Numbers said in a row, written as their digits glued ("vingt-cinq" -> "25")."""
    written, i = [], 0
    while i < len(words):
        value, i = _parse(words, i)
        if value < 0:
            return "".join(words)
        written.append(str(value))
    return "".join(written)


def _command_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    edits: list[Edit] = []
    for m in _PUNCTUATION.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in protected):
            continue
        said = m.group().strip()
        if not (said.islower() or said.isupper()):
            continue  # "CSAPA Point Virgule": a name, not a command
        kind = m.lastgroup if m.lastgroup not in ("ok", "ck") else None
        if m.group("nl") is not None:
            said = said.lower()
            out = (".\n" if "point" in said else "\n") + ("- " if "tiret" in said else "")
        elif m.group("para") is not None:
            out = "\n\n"
        elif m.group("semi") is not None:
            out = ";"
        elif m.group("comma") is not None:
            out = ","
        elif m.group("colon") is not None:
            out = ":"
        elif m.group("open") is not None:
            out = "« " if m.group("ok").lower().startswith("g") else "("
        elif m.group("close") is not None:
            out = " »" if m.group("ck").lower().startswith("g") else ")"
        else:
            kind = "stop"
            if _POINT_NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            out = "."
        del kind
        edits.append((m.start(), m.end(), out))
    return edits


def normalise_dictation(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The written copy of a dictated ``text`` and, for each of its characters, the range of
    ``text`` it stands for; None when the text holds nothing said aloud (the common case)."""
    low = text.lower()
    commands = ("virgule" in low or "ligne" in low or "points" in low) and sum(
        1 for c in _COMMAND.findall(text) if c.islower() or c.isupper()
    ) >= 2
    mails = _mail_edits(text) if "arobase" in low else []
    protected = [(a, b) for a, b, _ in mails]
    edits: list[Edit] = list(mails)
    for m in _RUN.finditer(text):
        if m.end() - m.start() < 3 or _NO_LETTER.fullmatch(m.group()):
            continue  # a run of written digits only has nothing said to write (most runs: dates, doses)
        edits.extend(_number_edits(text, m.start(), m.end(), protected))
    if commands:
        edits.extend(_command_edits(text, protected + [(a, b) for a, b, _ in edits]))
    if not edits:
        return None
    return _apply(text, sorted(edits))


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[tuple[int, int]]]:
    chars: list[str] = []
    ranges: list[tuple[int, int]] = []
    pos = 0
    for a, b, out in edits:
        if a < pos:
            continue
        for k in range(pos, a):
            chars.append(text[k])
            ranges.append((k, k + 1))
        chars.append(out)
        ranges.extend([(a, b)] * len(out))
        pos = b
    for k in range(pos, len(text)):
        chars.append(text[k])
        ranges.append((k, k + 1))
    return "".join(chars), ranges
